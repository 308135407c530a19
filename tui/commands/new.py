"""`tchat new PATH`: write a complete plan that follows the guide, ready to edit."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from tui.commands.console import safe_console
from tui.commands.output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    error_console,
    render_problems,
    said,
    write_output,
)
from tui.core.plan.check import MAX_QUESTIONS, MIN_QUESTIONS, tag_warnings
from tui.core.plan.edition import (
    last_questions_comment,
    next_edition,
    with_comment_before_questions,
)
from tui.core.plan.guide_texts import LANGUAGES, file_header
from tui.core.plan.model import PLATFORMS, Plan
from tui.core.plan.networks import same_network
from tui.core.plan.newplan import (
    DEFAULT_QUESTIONS,
    DEFAULT_TIMEZONE,
    NewPlanError,
    NewPlanOptions,
    build_plan,
)
from tui.core.plan.planfile import dump_plan, parse_plan, read_plan_text
from tui.core.plan.problems import PlanError
from tui.core.run.asrun import log_path_for
from tui.core.run.preflight import past_promotions
from tui.core.text.words import Words
from tui.core.timing.zones import offset_label


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


def _networks(text: str) -> tuple[str, ...]:
    """`x` or `x,bluesky,mastodon`: the chat's networks, in order."""
    names = tuple(name.strip() for name in text.split(","))
    for index, name in enumerate(names):
        if name not in PLATFORMS:
            raise argparse.ArgumentTypeError(
                f"unknown network {name!r} (known: {', '.join(PLATFORMS)})")
        for earlier in names[:index]:
            if earlier == name:
                raise argparse.ArgumentTypeError(f"{name!r} is named twice")
            if same_network(earlier, name):
                raise argparse.ArgumentTypeError(
                    f"{earlier!r} and {name!r} are both X: keep one")
    return names


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
        "--from", dest="last", type=Path, metavar="LAST",
        help=(
            "write the next edition of the chat planned in LAST: same title, tag, zones, "
            "guests (back to invited), posts and checklist (to do again), fresh question "
            "slots; the start is --start, else LAST's `next`, else one `repeat` later"
        ),
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None,
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
        "--platform", type=_networks, default=None, metavar="NETWORKS",
        help=(
            f"where the chat happens, for the character limits: one of {', '.join(PLATFORMS)}"
            ", or several in order, comma-separated (x,bluesky,mastodon); default: x"
        ),
    )
    parser.add_argument(
        "--questions", type=_question_count, default=None, metavar="N",
        help=f"how many question slots, {MIN_QUESTIONS} to {MAX_QUESTIONS} "
             f"(default: {DEFAULT_QUESTIONS}, or as many as LAST had)",
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
    now = datetime.now(UTC)
    comment = ""
    if args.last is not None:
        edition = _next_edition(args, err)
        if edition is None:
            return EXIT_PROBLEMS
        plan, comment = edition
    else:
        options = NewPlanOptions(
            language=args.lang or "fr", title=args.title, tag=args.tag, start=args.start,
            timezone=args.timezone, platforms=args.platform or ("x",),
            questions=args.questions or DEFAULT_QUESTIONS,
        )
        try:
            plan = build_plan(options, now)
        except NewPlanError as error:
            raise UsageError(str(error)) from None

    text = file_header(plan.chat.language) + dump_plan(plan)
    if comment:
        text = with_comment_before_questions(text, comment)
    # The last edition's plan and log are never the file written, even with --force.
    keep = () if args.last is None else (args.last, log_path_for(args.last))
    write_output(
        path, text.encode("utf-8"), force=args.force, example="plan.toml", protected=keep
    )

    language = plan.chat.language
    words = Words(language)
    for warning in tag_warnings(plan.chat.tag):
        err.print(Text.assemble(("warning: ", "yellow"), said(warning.say(language), language)))
    if plan.chat.start_at <= now:
        err.print(Text.assemble(("warning: ", "yellow"),
                                said(words("cli.start_past"), language)))
    else:
        past = past_promotions(plan, now)
        if past:
            # A chat that starts soon: the ladder's first rungs are already behind it.
            offsets = ", ".join(offset_label(cue.offset, language) for cue in past)
            err.print(Text.assemble(("note: ", "yellow"), said(
                words("cli.promotions_past", n=len(past), offsets=offsets), language)))
    start = f"{plan.chat.start:%Y-%m-%d %H:%M}" + (
        f" {plan.chat.timezone}" if plan.chat.timezone else "")
    out.print(Text.assemble(("✓ ", "bold green"), said(words(
        "cli.wrote", path=str(path), questions=words("cli.question_slots", n=len(plan.questions)),
        posts=words("cli.posts", n=len(plan.posts)),
        items=words("cli.checklist_items", n=len(plan.checklist)), start=start), language)))
    out.print(Text(said(words("cli.next_step", path=str(path)), language)))
    return EXIT_OK


def _next_edition(args: argparse.Namespace, err: Console) -> tuple[Plan, str] | None:
    """The next edition of the plan in --from, and its last questions as comments; None
    once LAST's problems are printed (each line names LAST: a second line saying it did
    not load would only repeat them)."""
    last_path: Path = args.last
    if args.lang is not None or args.platform is not None:
        raise UsageError("--lang and --platform come from the --from plan: edit them after")
    try:
        last = parse_plan(read_plan_text(last_path))
    except PlanError as error:
        render_problems(err, str(last_path), error.problems)
        return None
    try:
        plan = next_edition(
            last, start=args.start, title=args.title, tag=args.tag,
            timezone=args.timezone, question_count=args.questions,
        )
    except NewPlanError as error:
        raise UsageError(str(error)) from None
    return plan, last_questions_comment(last)

