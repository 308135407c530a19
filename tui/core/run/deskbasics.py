"""What every key of the run desk asks first, in one place for all its parts (the
copy, the marks, the clock's shifts, posting, the checklist, the forms, the window,
the conversation): the selected cue, its name (on the network the draft pane shows,
on a plan with several), whether this window may write, the hour of the moment, and
how a notice is worded.

One `DeskBasics` per run, made by `RunDesk` and handed to each part, so the hour is
made once per second and state for all of them.

**Who may write.** A window that follows another (`Session.following`) writes nothing:
a key that writes asks `writer()` (or `writable_row()`, the selected cue after it)
first and is refused with the holder's name.
"""

from __future__ import annotations

from datetime import datetime

from tui.core.plan.naming import cue_name
from tui.core.plan.networks import network_name
from tui.core.plan.problems import PlanError
from tui.core.run.hour import Hour, hour_at
from tui.core.run.notices import Notice, Severity
from tui.core.run.outcomes import Refused
from tui.core.run.plansource import PlanChange, Row
from tui.core.run.session import Session
from tui.core.run.tabs import Tabs
from tui.core.run.view import ViewMaker
from tui.core.text.words import Words


class DeskBasics:
    def __init__(self, session: Session, words: Words, tabs: Tabs, maker: ViewMaker) -> None:
        self.session = session
        self.words = words
        self.tabs = tabs
        """Which network the draft pane shows (the run desk's own, shared)."""
        self._maker = maker
        """The view's maker: a row's time is worded as the cue list shows it."""
        self._hour: tuple[tuple[object, ...], Hour] | None = None

    def now(self) -> datetime:
        return self.session.now()

    # --- saying things ---------------------------------------------------------------

    def say(self, key: str, *, severity: Severity = "information", kind: str = "action",
            seconds: float | None = None, **fields: object) -> Notice:
        """A notice in the run's language (its own default lifetime unless `seconds`)."""
        text = self.words(key, **fields)
        if seconds is None:
            return Notice(text, severity, kind)
        return Notice(text, severity, kind, seconds)

    def label(self, row: Row) -> str:
        return cue_name(row.cue, self.words, row.named)

    def cue_label(self, cue_id: str | None) -> str:
        """A cue the log or a plan names, by its name; by its id when the plan (reloaded
        meanwhile) has it no more."""
        row = self.session.row(cue_id or "")
        return self.label(row) if row else (cue_id or "")

    def on(self, label: str, network: str | None) -> str:
        """ "Q3 on Bluesky" on a plan with several networks; "Q3" on one."""
        if network is None:
            return label
        return self.words("screen.label_on", label=label, network=network_name(network))

    def network(self, row: Row) -> str | None:
        """The network an action on `row` is for: the one the draft pane shows; None on
        a plan with one network (its marks name none, as they always did)."""
        return self.tabs.for_row(row) if self.tabs.several else None

    def status_word(self, status: str) -> str:
        """A cue's status in a sentence: "posted", "skipped", "missed"."""
        return self.words(f"screen.status_{status}", time="").strip()

    def why(self, error: PlanError | OSError) -> str:
        """Why a write to the plan file failed, in a line: the plan's first problem, or
        the system's reason."""
        if isinstance(error, PlanError):
            return error.problems[0].text(self.words.language)
        return error.strerror or str(error)

    def plan_change(self, change: PlanChange) -> tuple[Notice, ...]:
        """What a reload of the plan file is said as: reloaded, or does not load (by the
        heartbeat, and by a tick's retry that reloaded it)."""
        if change is PlanChange.RELOADED:
            return (self.say("screen.reloaded", seconds=6, kind="plan"),)
        if change is PlanChange.FAILED:
            error = self.session.source.failure
            problem = (error.problems[0].text(self.words.language)
                       if error and error.problems else "")
            return (self.say("screen.reload_failed", severity="error", seconds=10,
                             kind="plan", problem=problem),)
        return ()

    # --- what a key asks first -------------------------------------------------------

    def row(self, row_id: str | None) -> Row | Refused:
        """The selected row; refused when no cue is selected."""
        row = self.session.row(row_id) if row_id else None
        if row is None:
            return Refused(self.say("screen.no_cue", severity="warning"))
        return row

    def writer(self) -> Refused | None:
        """None when this window may write; refused when it follows another."""
        holder = self.session.following
        if holder is None:
            return None
        return Refused(self.say("screen.following_no_write", severity="warning",
                                seconds=6, holder=holder.describe(self.words)))

    def writable_row(self, row_id: str | None) -> Row | Refused:
        """The selected row, for a key that writes: refused in a window that follows
        another first (its holder named), then when no cue is selected."""
        return self.writer() or self.row(row_id)

    # --- the hour --------------------------------------------------------------------

    def hour(self, now: datetime | None = None) -> Hour:
        """The hour at `now` (the clock's by default), made once per second and state."""
        session = self.session
        now = self.now() if now is None else now
        session.refold()  # a plan reloaded with other networks or threads
        state = session.state
        key = (now.replace(microsecond=0), id(state), state.version,
               session.source.generation, session.plan.chat.start_at)
        if self._hour is None or self._hour[0] != key:
            self._hour = (key, hour_at(session.plan, state, session.cues, now))
        return self._hour[1]

    def time(self, row: Row, hour: Hour) -> str:
        """The row's time, moved by the shifts: "18:12", or "J-1 18:00"."""
        return self._maker.row_time(self.session, row, hour)


class DeskPart:
    """A part of the run desk (`copydesk`, `markdesk`…): the basics every part shares,
    with the run's session, words and the draft pane's networks at hand."""

    def __init__(self, basics: DeskBasics) -> None:
        self.basics = basics
        self.session = basics.session
        self.words = basics.words
        self.tabs = basics.tabs
