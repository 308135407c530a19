"""`tchat report PLAN [--rehearsal [LAST|FILE]] [--csv]`: planned versus actual, per cue.

The table is built here once, from `tui.core.report`, for both the terminal and the
run-sheet's end-of-run dialog, so they always agree.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.commands.output import render_problems, warn_skipped
from tui.core.asrun import LogError, last_rehearsal_log, log_path_for, read_named_log
from tui.core.clocktime import chat_clock_time
from tui.core.planfile import load_plan
from tui.core.problems import PlanError
from tui.core.report import Report, build_report, format_delta, round_seconds, to_csv
from tui.core.words import Words, cue_name

EXIT_OK, EXIT_PROBLEMS = 0, 1
LAST = "LAST"
ON_TIME_SECONDS = 60


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
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    path: Path = args.plan
    log = log_for(path, args.rehearsal)
    try:
        plan = load_plan(path)
    except PlanError as error:
        render_problems(err, str(path), error.problems)
        return EXIT_PROBLEMS
    if log is None:
        err.print(Text(f"{path}: no rehearsal log beside the plan yet "
                       f"(start one with: tchat rehearse {path})"))
        return EXIT_PROBLEMS
    if log.exists() or args.rehearsal is not None:
        try:
            reading = read_named_log(log)
        except LogError as error:
            err.print(Text(str(error), style="red"))
            return EXIT_PROBLEMS
        warn_skipped(err, log, reading.skipped_lines)
        events = reading.events
    else:
        events = []
    report = build_report(plan, events)
    if args.csv:
        sys.stdout.write(to_csv(report))
        return EXIT_OK
    words = Words(args.lang or plan.chat.language)
    out = Console(highlight=False)
    # Title and notes on lines of their own: inside the table they would wrap to its width.
    out.print(Text(report_title(report, words, rehearsal=args.rehearsal is not None),
                   style="bold"), soft_wrap=True)
    out.print(report_table(report, words))
    for line in report_summary(report, words):
        out.print(line, soft_wrap=True)
    out.print(Text(words("report_log", path=str(log)), style="dim"), soft_wrap=True)
    if not log.exists():
        err.print(Text(f"{log}: no log yet, nothing was run", style="yellow"))
    return EXIT_OK


# --- the table, shared with the run-sheet's dialog -----------------------------------


def delta_style(seconds: int) -> str:
    if abs(seconds) <= ON_TIME_SECONDS:
        return "green"
    return "yellow" if seconds > 0 else "cyan"


def report_title(report: Report, words: Words, *, rehearsal: bool) -> str:
    chat = report.plan.chat
    title = words("report_title_rehearsal" if rehearsal else "report_title")
    return f"{title} · {chat.title} · {chat.tag}"


def report_table(report: Report, words: Words) -> Table:
    chat = report.plan.chat
    # A rule under the header only: fewer box characters for fonts to get wrong.
    table = Table(expand=False, box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(words("report_cue"), no_wrap=True)
    table.add_column(words("report_planned"), no_wrap=True, justify="right")
    table.add_column(words("report_actual"), no_wrap=True, justify="right")
    table.add_column(words("report_delta"), no_wrap=True, justify="right")
    for row in report.rows:
        delta = row.delta
        if row.actual is not None and delta is not None:
            actual = Text(chat_clock_time(row.actual, chat.zone, chat.start_at, words.language,
                                          seconds=True))
            seconds = round_seconds(delta)
            shown = Text(format_delta(delta), style=delta_style(seconds))
        elif row.outcome == "skipped":
            actual, shown = Text(words("report_skipped"), style="dim"), Text("")
        else:
            actual, shown = Text("—", style="dim"), Text("")
        table.add_row(
            Text(cue_name(row.cue, words, row.draft),
                 style="bold" if row.cue.kind == "question" else ""),
            Text(chat_clock_time(row.planned, chat.zone, chat.start_at, words.language,
                                 seconds=False)),
            actual,
            shown,
        )
    return table


def report_summary(report: Report, words: Words) -> list[Text]:
    """Counts, then the total overrun with the post that sets it."""
    chat = report.plan.chat
    lines = [Text(", ".join((words("report_posted", n=report.posted),
                             words("report_skipped_n", n=report.skipped),
                             words("report_not_done", n=report.not_done))))]
    last, overrun = report.last_posted, report.overrun
    if last is None or overrun is None or last.actual is None:
        lines.append(Text(words("report_nothing"), style="bold"))
        return lines
    seconds = round_seconds(overrun)
    lines.append(Text(words(
        "report_overrun", delta=format_delta(overrun), label=cue_name(last.cue, words, last.draft),
        time=chat_clock_time(last.actual, chat.zone, chat.start_at, words.language,
                             seconds=True),
        planned=chat_clock_time(last.planned, chat.zone, chat.start_at, words.language,
                                seconds=False),
    ), style=f"bold {delta_style(seconds)}"))
    return lines
