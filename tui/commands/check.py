"""`tchat check PLAN [--strict]`: every problem of a plan at once, located, in plain words."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from tui.commands.console import safe_console
from tui.commands.output import EXIT_OK, EXIT_PROBLEMS, render_problems, said
from tui.core.plan.check import check_file, handle_notes
from tui.core.plan.glance import plan_language
from tui.core.plan.model import Plan
from tui.core.plan.planfile import read_plan_text
from tui.core.plan.problems import PlanError
from tui.core.run.asrun import LogError, log_path_for, read_events
from tui.core.run.preflight import preflight, preflight_lines
from tui.core.run.runstate import fold
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "check",
        help=summary,
        description=(
            "Validate a chat plan and print every problem at once, with its line or field. "
            "Exit 0 when the plan is usable, 1 when it has errors (or warnings with --strict)."
        ),
    )
    parser.add_argument("plan", type=Path, metavar="PLAN", help="the plan's TOML file")
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as problems (exit 1)"
    )
    parser.add_argument(
        "--online", action="store_true",
        help="also sign in to each account of [accounts] (exit 1 when one fails)",
    )
    parser.set_defaults(func=run)


def print_preflight(console: Console, plan: Plan, path: Path, now: datetime) -> None:
    """The pre-flight before the start: what is late, and what to do first."""
    lines = preflight_lines(preflight(plan, now, _done_cues(plan, path)), plan)
    if not lines:
        return
    language = plan.chat.language
    console.print(Text(said(lines[0], language), style="bold"))
    for line in lines[1:]:
        console.print(Text.assemble("  • ", said(line, language)))


def _done_cues(plan: Plan, path: Path) -> set[str]:
    # Promotions marked posted (or skipped) in the live log are not late. A log that
    # cannot be read changes nothing here: `tchat report` says what is wrong with it.
    try:
        state = fold(read_events(log_path_for(path)), plan.chat.networks)
    except (LogError, OSError):
        return set()
    return set(state.posted) | state.skipped


def run(args: argparse.Namespace) -> int:
    code = check_at(args, datetime.now(UTC))
    if getattr(args, "online", False):
        code = max(code, check_online(args.plan))
    return code


def check_online(path: Path, *, environ: dict[str, str] | None = None,
                 timeout: float = 10.0) -> int:
    """Sign in to each posting account once; one line each. Opens no socket for a plan
    without [accounts]."""
    from tui.core.plan.planfile import load_plan
    from tui.core.plan.problems import PlanError

    console = safe_console(soft_wrap=True)
    try:
        plan = load_plan(path)
    except PlanError:
        return EXIT_PROBLEMS  # said above
    language = plan.chat.language
    words = Words(language)
    if plan.accounts is None:
        console.print(Text(said(words("cli.no_accounts", path=str(path)), language)))
        return EXIT_OK
    from tui.core.run.publish.channel import ChannelError
    from tui.post.channels import build_channels

    built = build_channels(plan.accounts, words, environ=environ, timeout=timeout)
    failed = False
    for network in plan.accounts.networks:
        account = plan.accounts.handle(network)
        if network in built.missing:
            failed = True
            console.print(Text.assemble((f"{network}: ", "bold"), ("error", "bold red"), ": ",
                                        built.missing[network]))
            continue
        channel = built.channels[network]
        try:
            channel.sign_in()
        except ChannelError as error:
            failed = True
            console.print(Text.assemble((f"{network}: ", "bold"), ("error", "bold red"), ": ",
                                        error.message))
            continue
        console.print(Text.assemble(("✓ ", "bold green"), said(
            words("cli.signed_in", network=network, account=account), language)))
    return EXIT_PROBLEMS if failed else EXIT_OK


def check_at(args: argparse.Namespace, now: datetime) -> int:
    """`tchat check` as of `now`, the moment its pre-flight counts from."""
    console = safe_console(soft_wrap=True)
    path: Path = args.plan
    plan, problems = check_file(path)
    problems = sorted(problems, key=lambda p: (p.line is None, p.line or 0))
    # The plan's language; a plan that does not load, the one its text names.
    language: Language = plan.chat.language if plan is not None else plan_language(path)
    words = Words(language)
    render_problems(console, path, problems, language)
    if plan is not None:
        try:
            text = read_plan_text(path)  # for the notes' lines
        except PlanError:
            text = ""  # gone since it was checked: the notes without their lines
        for note in handle_notes(plan, text):
            where = f"{path}:{note.line}" if note.line is not None else str(path)
            console.print(Text.assemble((where, "bold"), ": ", ("note", "cyan"), ": ",
                                        f"{note.field}: ",
                                        said(note.said.say(language), language)))
        print_preflight(console, plan, path, now)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if plan is not None and not problems:
        console.print(Text.assemble(("✓ ", "bold green"), said(words(
            "cli.check_clean", path=str(path),
            questions=words("cli.questions", n=len(plan.questions)),
            posts=words("cli.posts", n=len(plan.posts)),
            items=words("cli.checklist_items", n=len(plan.checklist)),
        ), language)))
        return EXIT_OK
    if plan is None and len(problems) == 1 and problems[0].line is None \
            and not problems[0].field:
        # The file itself cannot be read (missing, a folder, empty): its one line is
        # the verdict, a "1 error: not usable" after it would only repeat it.
        return EXIT_PROBLEMS
    failed = errors > 0 or (args.strict and warnings > 0)
    verdict = "cli.not_usable" if errors else ("cli.not_clean" if failed else "cli.usable")
    summary = words("cli.check_summary", path=str(path), errors=words("cli.errors", n=errors),
                    warnings=words("cli.warnings", n=warnings), verdict=words(verdict))
    console.print(Text(said(summary, language), style="bold red" if failed else "yellow"))
    return EXIT_PROBLEMS if failed else EXIT_OK
