"""Exports: the files a moderator needs before and after the chat.

Each export is a function of an `ExportContext` (plan, drafts, zones, as-run log) that
returns its text and notes for the moderator; nothing here reads the clock or the
machine's locale, so the same plan and log always give the same bytes (golden tests rely
on it). The registry below is what `tchat export --to` offers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.core.exports.context import ExportContext, ExportResult, default_zones, make_context
from tui.core.exports.facebook import facebook_event
from tui.core.exports.guest_brief import guest_brief, guest_messages
from tui.core.exports.ics import ics
from tui.core.exports.recap import recap_html, recap_md
from tui.core.exports.runsheet import runsheet_html, runsheet_md
from tui.core.exports.thanks import thanks
from tui.core.exports.transcript import transcript_html, transcript_md


@dataclass(frozen=True, slots=True)
class ExportKind:
    name: str
    render: Callable[[ExportContext], ExportResult]
    suffix: str
    """The usual file ending, for golden files and suggested names."""
    help: str
    reads_log: bool = False
    reads_feed: bool = False
    """Reads the conversation (`PLAN.feed.jsonl`, or for another log its replay)."""


EXPORTS: dict[str, ExportKind] = {
    kind.name: kind
    for kind in (
        ExportKind("guest-brief", guest_brief, ".md",
                   "Markdown brief for the guests: when, the rules, the questions"),
        ExportKind("guest-messages", guest_messages, ".md",
                   "for the moderator: each guest's invitation message and email"),
        ExportKind("ics", ics, ".ics",
                   "iCalendar event with the brief and a reminder an hour before"),
        ExportKind("facebook-event", facebook_event, ".txt",
                   "the text of a Facebook event announcing the chat"),
        ExportKind("recap-md", recap_md, ".md",
                   "recap from the as-run log: questions as posted, highlights, figures",
                   reads_log=True, reads_feed=True),
        ExportKind("recap-html", recap_html, ".html",
                   "the recap as one self-contained HTML page, with a chart of the hour",
                   reads_log=True, reads_feed=True),
        ExportKind("transcript-md", transcript_md, ".md",
                   "every post of the conversation, question by question",
                   reads_log=True, reads_feed=True),
        ExportKind("transcript-html", transcript_html, ".html",
                   "the transcript as one self-contained HTML page, with a chart of the hour",
                   reads_log=True, reads_feed=True),
        ExportKind("thanks", thanks, ".md",
                   "thank-you post (a thread if needed) and an email per guest",
                   reads_feed=True),
        ExportKind("runsheet-md", runsheet_md, ".md",
                   "printable run-sheet: every cue, its times, text and count"),
        ExportKind("runsheet-html", runsheet_html, ".html",
                   "the run-sheet as one self-contained HTML page"),
    )
}


def export(name: str, context: ExportContext) -> ExportResult:
    """The export `name` of the plan in `context`; KeyError for an unknown name."""
    return EXPORTS[name].render(context)


__all__ = [
    "EXPORTS",
    "ExportContext",
    "ExportKind",
    "ExportResult",
    "default_zones",
    "export",
    "make_context",
]
