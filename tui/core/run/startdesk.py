"""What the run-sheet says unasked when it opens, and once when the run ends: that the
run is over (the report one key away), the drafts the platform would refuse, the
pre-flight of a live run opened before its start, that this is a rehearsal, which log
lines were skipped; then, when the run ends under the moderator's eyes, the report
(`R` at any time).

The report is offered once per run: not again at the end when the run was already
over when it opened, and never as a dialog over another (a notice says where it is).
"""

from __future__ import annotations

from tui.core.run.deskbasics import DeskBasics, DeskPart
from tui.core.run.notices import Notice
from tui.core.run.outcomes import Done, Outcome, ReportForm
from tui.core.text.words import cue_list

PREFLIGHT_SECONDS = 60.0
"""How long the pre-flight stays in the checklist's place (space or a click take it
away sooner)."""


class StartDesk(DeskPart):
    def __init__(self, basics: DeskBasics) -> None:
        super().__init__(basics)
        self._report_offered = False
        """The report was offered (or the run was over when it opened): not again."""

    def greeting(self, *, room: bool) -> Done:
        """What the first screen says: that the run is over (the report is one key
        away), the drafts the platform would refuse and the pre-flight (when there is
        `room` for notices: a split pane gets none over its countdown), that this is a
        rehearsal, which log lines were skipped."""
        session = self.session
        notices: list[Notice] = []
        if self.basics.hour().over:
            # Opened on a finished run: say where the report is, do not pop it up.
            self._report_offered = True
            notices.append(self.basics.say("screen.run_over", seconds=10, kind="run_over"))
        if room:
            notices.extend(self.plan_notices().notices)
            if session.rehearsal:
                # Short-lived: the banner says "rehearsal" for as long as it lasts.
                notices.append(self.basics.say("screen.rehearsal_intro", seconds=6,
                                               kind="intro"))
        if session.skipped_lines:
            lines = ", ".join(str(n) for n in session.skipped_lines[:5])
            notices.append(self.basics.say(
                "screen.log_lines_skipped", severity="warning", seconds=12,
                n=len(session.skipped_lines),
                lines=lines + ("…" if len(session.skipped_lines) > 5 else "")))
        return Done(tuple(notices))

    def plan_notices(self) -> Done:
        """The drafts the platform would refuse and, live, the pre-flight."""
        notices = [] if (refused := self._refused_drafts()) is None else [refused]
        if not self.session.rehearsal:
            preflight = self._preflight()
            if preflight is not None:
                notices.append(preflight)
        return Done(tuple(notices))

    def plan_errors_first(self) -> Done:
        """A plan with errors shows them before anything else: the start-up notices, a
        dozen lines of pre-flight, would lie over them and cut their lines."""
        return Done(withdraw=("preflight", "refused"))

    def _refused_drafts(self) -> Notice | None:
        """The drafts the platform would refuse (over the limit, or with a character it
        refuses): `tchat check` calls such a plan not usable, and on the screen alone a
        red count is easy to miss."""
        basics, several = self.basics, self.tabs.several
        names = []
        for row in self.session.rows:
            for network, draft in row.drafts.items():
                counted = draft.count
                if counted.valid:
                    continue
                over = f" ({counted.length}/{counted.limit})" if counted.remaining < 0 else ""
                names.append(basics.on(basics.label(row), network if several else None) + over)
        if not names:
            return None
        return self.basics.say("screen.refused", severity="warning", seconds=12, kind="refused",
                               n=len(names), cues=cue_list(names, self.words))

    def _preflight(self) -> Notice | None:
        """Opened before the start: what is late, and what to do first (as `tchat check`
        says it). Not in a rehearsal, whose clock is not the day's."""
        # Imported here: the pre-flight is wanted once, after the first frame.
        from tui.core.run.preflight import preflight, preflight_lines

        session = self.session
        done = set(session.state.posted) | session.state.skipped
        check = preflight(session.plan, self.basics.now(), done)
        lines = preflight_lines(check, session.plan)
        if not lines or check.clear:
            return None
        # In the checklist's place, where it covers nothing: a minute to read it, less
        # when the start comes sooner (then the checklist of the hour is what matters).
        seconds = min(PREFLIGHT_SECONDS, max(20.0, check.left.total_seconds()))
        return Notice("\n".join(lines), "warning", "preflight", seconds, long=True)

    def end_of_run(self, *, in_view: bool) -> Outcome | None:
        """The run just ended under the moderator's eyes: the report, once per run (or a
        notice saying where it is, when a dialog is open: never one on another)."""
        if self._report_offered or not self.basics.hour().over:
            return None
        self._report_offered = True
        if in_view:
            return self.report()
        return Done((self.basics.say("screen.run_over", seconds=10, kind="run_over"),))

    def report(self) -> ReportForm:
        """`R`: planned versus actual, as `tchat report` prints it."""
        from tui.core.run.report import build_report

        session = self.session
        return ReportForm(build_report(session.plan, session.events, session.book),
                          session.rehearsal, session.log.path)
