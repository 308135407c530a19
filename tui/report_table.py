"""The planned-versus-actual table, in Rich, from `tui.core.run.report`: what `tchat report`
prints and the run-sheet's end-of-run dialog shows, built once so they always agree.

Beside the screens and the commands, not in either: a screen never imports a command.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from tui.core.plan.naming import cue_name
from tui.core.run.report import Report, format_delta
from tui.core.text.words import Words
from tui.core.timing.clocktime import chat_clock_time
from tui.core.timing.spans import round_seconds

ON_TIME_SECONDS = 60


def delta_style(seconds: int) -> str:
    if abs(seconds) <= ON_TIME_SECONDS:
        return "green"
    return "yellow" if seconds > 0 else "cyan"


def report_title(report: Report, words: Words, *, rehearsal: bool) -> str:
    chat = report.plan.chat
    title = words("screen.report_title_rehearsal" if rehearsal else "screen.report_title")
    return f"{title} · {chat.title} · {chat.tag}"


def report_table(report: Report, words: Words) -> Table:
    chat = report.plan.chat
    # A rule under the header only: fewer box characters for fonts to get wrong.
    table = Table(expand=False, box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column(words("screen.report_cue"), no_wrap=True)
    table.add_column(words("screen.report_planned"), no_wrap=True, justify="right")
    table.add_column(words("screen.report_actual"), no_wrap=True, justify="right")
    table.add_column(words("screen.report_delta"), no_wrap=True, justify="right")
    for row in report.rows:
        delta = row.delta
        if row.actual is not None and delta is not None:
            actual = Text(chat_clock_time(row.actual, chat.zone, chat.start_at, words.language,
                                          seconds=True))
            seconds = round_seconds(delta)
            shown = Text(format_delta(delta), style=delta_style(seconds))
        elif row.outcome == "skipped":
            actual, shown = Text(words("screen.report_skipped"), style="dim"), Text("")
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
    lines = [Text(", ".join((words("screen.report_posted", n=report.posted),
                             words("screen.report_skipped_n", n=report.skipped),
                             words("screen.report_not_done", n=report.not_done))))]
    last, overrun = report.last_posted, report.overrun
    if last is None or overrun is None or last.actual is None:
        # A promotion posted, nothing of the chat: "1 posted" must not sit beside
        # "nothing posted".
        key = "screen.report_nothing_in_chat" if report.posted else "screen.report_nothing"
        lines.append(Text(words(key), style="bold"))
        return lines
    seconds = round_seconds(overrun)
    lines.append(Text(words(
        "screen.report_overrun", delta=format_delta(overrun),
        label=cue_name(last.cue, words, last.draft),
        time=chat_clock_time(last.actual, chat.zone, chat.start_at, words.language,
                             seconds=True),
        planned=chat_clock_time(last.planned, chat.zone, chat.start_at, words.language,
                                seconds=False),
    ), style=f"bold {delta_style(seconds)}"))
    return lines
