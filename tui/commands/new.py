"""`tchat new PATH`: write a complete plan that follows the guide, ready to edit."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from tui.commands.console import safe_console
from tui.commands.output import EXIT_OK, UsageError, error_console, write_output
from tui.core.check import MAX_QUESTIONS, MIN_QUESTIONS, tag_warnings
from tui.core.guide_texts import LANGUAGES, file_header
from tui.core.model import PLATFORMS
from tui.core.newplan import (
    DEFAULT_QUESTIONS,
    DEFAULT_TIMEZONE,
    NewPlanError,
    NewPlanOptions,
    build_plan,
)
from tui.core.planfile import dump_plan


def _question_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not MIN_QUESTIONS <= value <= MAX_QUESTIONS:
        raise argparse.ArgumentTypeError(
            f"{value} is outside {MIN_QUESTIONS}..{MAX_QUESTIONS}: the guide advises "
            f"{MIN_QUESTIONS} to {MAX_QUESTIONS} questions for a one-hour chat"
        )
    return value


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "new",
        help=summary,
        description=(
            "Write a complete chat plan: welcome and rules posts, question slots, closing "
            "and thank-you posts, the promotion ladder (two weeks, a week, a day and an hour "
            "before) and the guide's checklist. Edit it, then run `tchat check` on it."
        ),
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the plan file to write")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="fr",
        help="language of the posts and checklist (default: fr)",
    )
    parser.add_argument(
        "--title", help="the chat's title (default: \"Mon tchat\", or \"My chat\" in English)"
    )
    parser.add_argument(
        "--tag", help="the hashtag, '#' optional (default: #MonTchat, or #MyChat in English)"
    )
    parser.add_argument(
        "--start", metavar="WHEN",
        help=(
            "\"2026-12-03 18:00\" in --timezone, or ISO with an offset "
            "(\"2026-12-03T18:00+01:00\"); default: next Thursday at 18:00"
        ),
    )
    parser.add_argument(
        "--timezone", metavar="ZONE",
        help=(
            f"IANA time zone of the chat (default: {DEFAULT_TIMEZONE}, or the offset "
            "written in --start)"
        ),
    )
    parser.add_argument(
        "--platform", choices=PLATFORMS, default="x",
        help="where the chat happens, for the character limit (default: x)",
    )
    parser.add_argument(
        "--questions", type=_question_count, default=DEFAULT_QUESTIONS, metavar="N",
        help=f"how many question slots, {MIN_QUESTIONS} to {MAX_QUESTIONS} "
             f"(default: {DEFAULT_QUESTIONS})",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite PATH if it already exists"
    )
    parser.set_defaults(func=run)



def run(args: argparse.Namespace) -> int:
    return _run(args, error_console())


def _run(args: argparse.Namespace, err: Console) -> int:
    out = safe_console(soft_wrap=True)
    path: Path = args.path
    options = NewPlanOptions(
        language=args.lang, title=args.title, tag=args.tag, start=args.start,
        timezone=args.timezone, platform=args.platform, questions=args.questions,
    )
    now = datetime.now(UTC)
    try:
        plan = build_plan(options, now)
    except NewPlanError as error:
        raise UsageError(str(error)) from None

    text = file_header(plan.chat.language) + dump_plan(plan)
    write_output(path, text.encode("utf-8"), force=args.force, example="plan.toml")

    for warning in tag_warnings(plan.chat.tag):
        err.print(Text.assemble(("warning: ", "yellow"), warning))
    if plan.chat.start_at <= now:
        err.print(Text.assemble(
            ("warning: ", "yellow"), "the start is in the past: change it with --start "
            "or in the file",
        ))
    out.print(Text.assemble(
        ("✓ ", "bold green"), f"wrote {path}: ",
        f"{len(plan.questions)} question slots, {len(plan.posts)} posts, "
        f"{len(plan.checklist)} checklist items, start {plan.chat.start:%Y-%m-%d %H:%M}"
        f"{' ' + plan.chat.timezone if plan.chat.timezone else ''}",
    ))
    out.print(Text(
        f"Next: write your questions and guests in it, then run: tchat check {path}"
    ))
    return EXIT_OK

