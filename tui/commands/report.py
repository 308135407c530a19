"""`tchat report PLAN [--rehearsal [LAST|FILE]] [--csv]`: planned versus actual, per cue.

The table is the one the run-sheet's end-of-run dialog shows (`tui.report_table`), so
they always agree.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from tui.commands.console import safe_console
from tui.commands.output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    error_console,
    render_problems,
    said,
    warn_feed,
    warn_skipped,
)
from tui.core.plan.model import Plan
from tui.core.plan.planfile import load_plan
from tui.core.plan.problems import PlanError
from tui.core.run.asrun import (
    Event,
    LogError,
    last_rehearsal_log,
    log_path_for,
    read_named_log,
)
from tui.core.run.report import build_report, to_csv
from tui.core.text.controls import visible
from tui.core.text.words import Words
from tui.report_table import report_summary, report_table, report_title

LAST = "LAST"


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "report",
        help=summary,
        description=(
            "Print each cue's planned time, the time it was actually posted (or skipped), "
            "the difference, and the total overrun. Reads the live log PLAN.asrun.jsonl, "
            "or with --rehearsal the newest rehearsal log beside the plan (or FILE)."
        ),
    )
    parser.add_argument("plan", type=Path, metavar="PLAN", help="the plan's TOML file")
    parser.add_argument(
        "--rehearsal", nargs="?", const=LAST, default=None, metavar="LAST|FILE",
        help="report on a rehearsal: LAST (the default) is the newest one beside the plan",
    )
    parser.add_argument("--csv", action="store_true",
                        help="print CSV (one row per cue) instead of a table")
    parser.add_argument("--lang", choices=("fr", "en"), default=None,
                        help="language of the table (default: the plan's)")
    parser.set_defaults(func=run)


def log_for(plan: Path, rehearsal: str | None) -> Path | None:
    """The log to read: the live one, the newest rehearsal, or a file; None when LAST
    finds no rehearsal."""
    if rehearsal is None:
        return log_path_for(plan)
    if rehearsal.upper() == LAST:
        return last_rehearsal_log(plan)
    return Path(rehearsal)


def run(args: argparse.Namespace) -> int:
    err = error_console()
    path: Path = args.plan
    log = log_for(path, args.rehearsal)
    try:
        plan = load_plan(path)
    except PlanError as error:
        render_problems(err, path, error.problems, args.lang)
        return EXIT_PROBLEMS
    words = Words(args.lang or plan.chat.language)
    if log is None:
        err.print(Text(said(words("cli.no_rehearsal", path=str(path)), words.language)))
        return EXIT_PROBLEMS
    if log.exists() or args.rehearsal is not None:
        try:
            reading = read_named_log(log)
        except LogError as error:
            err.print(Text(str(error), style="red"))
            return EXIT_PROBLEMS
        warn_skipped(err, log, reading.skipped_lines, words)
        events = reading.events
    else:
        events = []
    report = build_report(plan, events)
    if args.csv:
        sys.stdout.write(to_csv(report))
        return EXIT_OK
    out = safe_console()
    # Title and notes on lines of their own: inside the table they would wrap to its width.
    # visible() first: Rich drops a BEL from a Text before the console can show it.
    title = report_title(report, words, rehearsal=args.rehearsal is not None)
    out.print(Text(visible(title), style="bold"), soft_wrap=True)
    out.print(report_table(report, words))
    for line in report_summary(report, words):
        out.print(line, soft_wrap=True)
    if args.rehearsal is None:
        _print_answers(out, plan, path, events, words)
    out.print(Text(words("screen.report_log", path=str(log)), style="dim"), soft_wrap=True)
    if not log.exists():
        err.print(Text(said(words("cli.no_log_yet", log=str(log)), words.language),
                       style="yellow"))
    return EXIT_OK


def _print_answers(out: Console, plan: Plan, path: Path, events: list[Event],
                   words: Words) -> None:
    """Answers per question and each one's curve, from the conversation kept beside the
    plan (live runs only: a rehearsal replays a conversation and keeps none), muted
    accounts left out; a feed file that cannot be read is said, and left out."""
    from tui.core.exports.context import make_context
    from tui.core.exports.curves import question_curves
    from tui.core.room.summary import answers_per_question, count_posts, recorded_feed

    recording = recorded_feed(path)
    warn_feed(error_console(), recording, words)
    ctx = make_context(plan, events=events, feed=recording.posts)
    if not ctx.feed:
        return
    counts = count_posts(plan, ctx.feed, ctx.book)
    for line in answers_per_question(plan, counts, question_curves(ctx)):
        out.print(Text(visible(line)), soft_wrap=True)
