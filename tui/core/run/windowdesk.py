"""This window's hold on the run: the plan's lock taken at the start (or the window that
holds it followed), taken over (`T`), the heartbeat (`poll`: a follower reads the other
window's log, what the log could not take is written again, the plan file reloaded
when it changed), and quitting (`ctrl+q`) without ever losing a waiting line silently.

- **The log.** A write the disk refuses waits in memory; the heartbeat writes it as soon
  as it can and says so. A quit with lines still waiting names them and offers to wait
  for them (the heartbeat that writes the last one quits), to quit anyway, or to stay.
- **The plan file.** A reload is said (or that the file does not load); a plan put back
  as it was withdraws what was said.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.core.run.asrun import Event
from tui.core.run.checklistdesk import ChecklistDesk
from tui.core.run.deskbasics import DeskBasics, DeskPart
from tui.core.run.notices import Notice
from tui.core.run.outcomes import Confirm, Done, NothingToDo, Outcome, Quit, QuitWaiting, Refused
from tui.core.run.planlock import Holder
from tui.core.run.plansource import PlanChange, PlanLook
from tui.core.run.view import RETRY_SECONDS
from tui.core.timing.clocktime import clock_time
from tui.core.timing.spans import short_span, signed_span

WAITING_SHOWN = 6
"""The waiting actions a quit names one by one; the rest are counted."""


class WindowDesk(DeskPart):
    def __init__(self, basics: DeskBasics, checklist: ChecklistDesk) -> None:
        super().__init__(basics)
        self.checklist = checklist
        """The checklist's desk: the ticks the plan's copy owes are tried at each look."""
        self._quit_when_written = False
        """The moderator chose to wait for the log's waiting lines, then quit."""

    def take_lock(self) -> Done:
        """A live run takes the plan's lock, or follows the window that holds it; a lock
        left by a process that died is taken over, with a notice."""
        session = self.session
        session.acquire_lock()
        if session.lock is not None and session.lock.took_over is not None:
            return Done((self.basics.say("screen.lock_taken_over", severity="warning",
                                         seconds=10,
                                         holder=session.lock.took_over.describe(self.words)),))
        return Done()

    def look_job(self) -> Callable[[], PlanLook]:
        """The look at the plan file a worker thread makes for the next `poll`."""
        return self.session.source.look_job()

    def poll(self, look: PlanLook | None = None) -> Done | Quit | None:
        """One heartbeat: a follower reads the other window's log (or takes over once
        it is gone); with a `look` at the plan file, what the log could not take is
        written again and the plan reloaded when it changed (and the app quits, when
        asked to once all was written). None when nothing did: the screen need not be
        drawn again."""
        session = self.session
        before = self._run_signature()
        notices: list[Notice] = []
        withdraw: tuple[str, ...] = ()
        if session.following is not None:
            if session.try_take_over():
                notices.append(self.basics.say("screen.took_over", seconds=10))
            else:
                session.follow()
        if look is not None:
            if session.pending and session.flush():
                notices.append(self.basics.say("screen.written_again", seconds=6))
            change = session.source.take(look)
            if change is PlanChange.BACK:
                # Put back as it was: nothing to reload, and the "does not load" is over.
                withdraw = ("plan",)
            else:
                notices.extend(self.basics.plan_change(change))
            # The ticks the plan's copy still owes, tried again at every look.
            ticks = self.checklist.look()
            notices.extend(ticks.notices)
            withdraw += ticks.withdraw
            if self._quit_when_written and not session.pending:
                return Quit()
        if not notices and not withdraw and self._run_signature() == before:
            return None
        return Done(tuple(notices), withdraw=withdraw)

    def _run_signature(self) -> tuple[object, ...]:
        """What a heartbeat can change on screen."""
        session = self.session
        return (id(session.state), session.state.version, session.source.generation,
                session.source.gone, session.write_problem, len(session.pending),
                session.following, session.ticks_owed)

    def take_over(self) -> Confirm | NothingToDo:
        """T, in a window that follows another: take the plan's lock after a yes that
        names its holder and since when (a co-host's crashed machine, another host's,
        cannot be told from a live one from here)."""
        session = self.session
        holder = session.following
        if holder is None:
            return NothingToDo(self.basics.say("screen.not_following"))
        words = self.words
        since, age = holder.since(), holder.age(session.now())  # live: the real clock
        if since is None or age is None:
            body = words("screen.take_over_body_unknown", holder=holder.describe(words))
        else:
            body = words("screen.take_over_body", holder=holder.describe(words),
                         since=clock_time(since, session.plan.chat.zone),
                         age=short_span(age))
        return Confirm(words("screen.take_over_title"), body, words("key.take_over"),
                       yes=lambda: self._take_over_from(holder))

    def _take_over_from(self, holder: Holder) -> Outcome:
        """The yes to `T`: the lock taken, unless it changed hands meanwhile."""
        try:
            taken = self.session.take_over(holder)
        except OSError as error:
            return Refused(self.basics.say("screen.take_over_failed", severity="error",
                                           seconds=10, error=self.basics.why(error)))
        if not taken:
            return self.take_over()  # the lock changed meanwhile: asked again, anew
        return Done((self.basics.say("screen.took_over_lock", severity="warning", seconds=10,
                                     holder=holder.describe(self.words)),))

    def quit(self) -> Quit | Confirm | QuitWaiting:
        """ctrl+q. What is not written yet is tried once more; what still waits is said,
        with the choice to wait for it or lose it (never a silent loss, in a rehearsal
        too); otherwise, in the live hour, a yes first; else quit at once."""
        session = self.session
        if session.pending:
            session.flush()
        self.checklist.last_try()
        if session.pending:
            return self._quit_waiting()
        hour = self.basics.hour()
        if session.rehearsal or hour.phase != "during" or hour.over:
            return Quit()
        words = self.words
        return Confirm(words("screen.quit_title"), words("screen.quit_body"),
                       words("key.quit"), yes=Quit)

    def _quit_waiting(self) -> QuitWaiting:
        """The log's lines still waiting, named (the first few) with the disk's reason:
        wait for them, quit anyway, or stay."""
        words = self.words
        pending = self.session.pending
        what = ", ".join(self._waiting(event) for event in pending[:WAITING_SHOWN])
        if len(pending) > WAITING_SHOWN:
            what += " " + words("screen.waiting_more", n=len(pending) - WAITING_SHOWN)
        body = words("screen.quit_waiting_body", n=len(pending), what=what,
                     error=self.session.write_problem or "", seconds=RETRY_SECONDS)
        return QuitWaiting(words("screen.quit_waiting_title"), body,
                           wait=self.quit_when_written, anyway=Quit, back=self.stay)

    def _waiting(self, event: Event) -> str:
        """One waiting line of the log, as the moderator knows it."""
        words = self.words
        if event.kind in ("mark", "skip"):
            return words(f"screen.undo_{event.kind}", label=self.basics.cue_label(event.cue))
        if event.kind == "shift":
            return words("screen.undo_shift", delay=signed_span(event.seconds or 0))
        if event.kind in ("compress", "tick", "reply", "highlight", "undo"):
            return words(f"screen.waiting_{event.kind}")
        return words("screen.waiting_other")

    def quit_when_written(self) -> Done:
        """Wait for the log's waiting lines: the heartbeat that writes the last one
        quits (`poll`)."""
        self._quit_when_written = True
        return Done((self.basics.say("screen.quit_when_written", severity="warning",
                                     kind="quit", seconds=3600,
                                     n=len(self.session.pending), every=RETRY_SECONDS),))

    def stay(self) -> Done:
        """Back to the run: no longer quitting once all is written."""
        self._quit_when_written = False
        return Done(withdraw=("quit",))
