"""Planned versus actual: each cue's planned time against when it was really posted.

Pure: a plan and the events of one log (the live as-run log or one rehearsal's) in, a
`Report` out. The run-sheet's end-of-run dialog and `tchat report` both show it, so the
numbers on screen and in the terminal are the same numbers.

Planned time is the plan's own schedule, before any shift made during the run: the
report says how far the run drifted from what was written. Actual time is the run's
clock time of the mark (the simulated time in a rehearsal).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from tui.core.plan.drafts import Draft, DraftBook
from tui.core.plan.model import Plan
from tui.core.plan.schedule import Cue
from tui.core.run.asrun import Event
from tui.core.run.runstate import fold
from tui.core.timing.spans import round_seconds, signed_span

Outcome = Literal["posted", "skipped", "not-done"]

CSV_COLUMNS = ("cue", "kind", "question", "part", "planned", "actual", "outcome",
               "delta_seconds", "delta")


# A post planned a day or more after the start (the recap's announcement) follows the
# chat up: posting it days later is not the hour running over.
FOLLOW_UP = 24 * 60


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One line of the report: one draft (a thread's parts each have their own)."""

    id: str
    draft: Draft
    planned: datetime
    actual: datetime | None
    outcome: Outcome

    @property
    def cue(self) -> Cue:
        return self.draft.cue

    @property
    def delta(self) -> timedelta | None:
        """Actual minus planned: positive when late; None unless posted."""
        return self.actual - self.planned if self.actual is not None else None


@dataclass(frozen=True, slots=True)
class Report:
    plan: Plan
    rows: tuple[ReportRow, ...]

    @property
    def posted(self) -> int:
        return sum(1 for r in self.rows if r.outcome == "posted")

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.rows if r.outcome == "skipped")

    @property
    def not_done(self) -> int:
        return sum(1 for r in self.rows if r.outcome == "not-done")

    @property
    def last_posted(self) -> ReportRow | None:
        """The chat's cue posted last (by the run's clock), whose delay is the overrun."""
        in_chat = [r for r in self.rows
                   if r.actual is not None and 0 <= r.cue.offset < FOLLOW_UP]
        if not in_chat:
            return None
        return max(in_chat, key=lambda r: (r.actual, r.planned))

    @property
    def overrun(self) -> timedelta | None:
        """How late the run finished against its plan: the delay of the last post of the
        chat (negative when ahead); None when nothing of the chat was posted."""
        last = self.last_posted
        return last.delta if last is not None else None


def build_report(
    plan: Plan, events: Iterable[Event], book: DraftBook | None = None
) -> Report:
    """The report of one log over one plan.

    Rows are every draft of the chat itself (from its start on), in schedule order, plus
    any promotion post before the start that the log marked posted or skipped: a
    promotion ladder nobody rehearses would otherwise fill the table with dashes.
    Events about cues the plan no longer has are left out. `book` saves recounting
    every draft when the caller already has the plan's drafts.
    """
    # A row is done when its cue is done on every network; per-network figures come
    # with marks per network on the screen (`RunState.on_network`).
    state = fold(events, plan.chat.networks)
    rows = []
    for draft in (book or DraftBook(plan)).drafts:
        row_id = draft.id
        if row_id in state.posted:
            actual: datetime | None = nearest_second(state.posted[row_id])
            outcome: Outcome = "posted"
        elif row_id in state.skipped:
            actual, outcome = None, "skipped"
        else:
            actual, outcome = None, "not-done"
        if draft.cue.offset < 0 and outcome == "not-done":
            continue
        rows.append(ReportRow(row_id, draft, draft.cue.at, actual, outcome))
    return Report(plan, tuple(rows))


def nearest_second(moment: datetime) -> datetime:
    """The report speaks in whole seconds: a mark at 18:05:02.6 is 18:05:03, so the time
    shown and the delta shown always agree (times cut and deltas rounded would not)."""
    whole = moment.replace(microsecond=0)
    return whole + timedelta(seconds=1) if moment.microsecond >= 500_000 else whole


def format_delta(delta: timedelta) -> str:
    """ "+1:05" late, "-0:30" early: the one way a span is signed (`timing.spans`)."""
    return signed_span(delta)


def to_csv(report: Report) -> str:
    """The report as CSV: one row per cue, fixed English column names, times as ISO 8601
    in the chat's zone; the same input always gives the same bytes."""
    zone = report.plan.chat.zone
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in report.rows:
        delta = row.delta
        writer.writerow((
            row.id,
            row.cue.kind,
            row.cue.number if row.cue.number is not None else "",
            f"{row.draft.part}/{row.draft.parts}" if row.draft.part is not None else "",
            row.planned.astimezone(zone).isoformat(timespec="seconds"),
            row.actual.astimezone(zone).isoformat(timespec="seconds") if row.actual else "",
            row.outcome,
            round_seconds(delta) if delta is not None else "",
            format_delta(delta) if delta is not None else "",
        ))
    return out.getvalue()
