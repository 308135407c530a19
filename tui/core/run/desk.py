"""The run desk: what the run-sheet drives. Every key is one method that decides
everything and answers with an outcome (`tui.core.run.outcomes`); the screen shows it.

The rules that used to be spread over the screen have one place each here:

- **Who may write.** A window that follows another (`Session.following`) writes
  nothing: every action that writes asks `_writer()` first and is refused with the
  holder's name. A copy still copies, unmarked.
- **Already done.** A cue posted or skipped is not skipped again; a cue already posted
  is copied again without a second mark.
- **Ahead of time.** A cue planned more than a minute ahead is copied only after a yes
  (`Hour.needs_confirmation`); so is a compression.
- **The plan file.** A write that meets an edit made elsewhere writes nothing and says
  whether the new file loaded; a plan that does not load is said once; a plan put back
  withdraws what was said.
- **The log.** A write the disk refuses waits in memory; the heartbeat (`poll`) writes
  it as soon as it can and says so.
- **Nothing to do.** Nothing to undo, nothing late, nothing to compress: said, never
  done anyway.

`view(now)` is the one frozen view per frame that the widgets read (`tui.core.run.view`).
A new action is a new method here, returning an outcome; a new rule goes in the method
(or, if it is about time, in `hour.py`), tested with plain pytest in
tests/core/test_desk.py.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.counting.result import Count
from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost
from tui.core.feed.status import SourceStatus
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Feed, Plan
from tui.core.plan.naming import cue_name
from tui.core.plan.networks import NETWORK_NAMES, network_name
from tui.core.plan.planedit import Fingerprint, PlanChangedOnDisk, PreparedEdit
from tui.core.plan.problems import PlanError
from tui.core.room.session import FeedPlan, FeedSession, feed_plan
from tui.core.room.threads import PostedQuestion
from tui.core.run.asrun import Event
from tui.core.run.checklist import checklist_groups
from tui.core.run.copyguard import CopyGuard, OnClipboard
from tui.core.run.hour import Compression, Hour, hour_at
from tui.core.run.notices import Notice, Severity
from tui.core.run.outcomes import (
    Confirm,
    Copy,
    CopyByHand,
    Done,
    EditForm,
    HighlightForm,
    NothingToDo,
    Outcome,
    Post,
    PreviewForm,
    Quit,
    QuitWaiting,
    Refused,
    ReplyForm,
    ReportForm,
    Unpost,
)
from tui.core.run.planlock import Holder
from tui.core.run.plansource import PlanChange, PlanLook, Row
from tui.core.run.posting import LastPost, Posting, PostOrder
from tui.core.run.roomdesk import RoomDesk
from tui.core.run.roomlog import posted_questions, room_marks
from tui.core.run.roomtalk import RoomTalk
from tui.core.run.session import Following, Session
from tui.core.run.steering import Steering
from tui.core.run.tabs import Tabs
from tui.core.run.view import (
    RETRY_SECONDS,
    RunView,
    ViewMaker,
)
from tui.core.text.clean import one_line
from tui.core.text.controls import for_copy, visible
from tui.core.text.numbers import decimal
from tui.core.text.words import Words, and_list, cue_list
from tui.core.timing.clocktime import clock_time, exact_clock_time
from tui.core.timing.spans import short_span, signed_span

if TYPE_CHECKING:
    from tui.core.plan.accounts import Accounts
    from tui.core.run.publish.ledger import PartRecord
    from tui.core.run.publish.outcomes import CueOutcome
    from tui.core.run.publish.publisher import Run

Via = str
"""How a text reached the clipboard: "system", "osc52" or "manual"."""
PREFLIGHT_SECONDS = 60.0
"""How long the pre-flight stays in the checklist's place (space or a click take it
away sooner)."""

WAITING_SHOWN = 6
"""The waiting actions a quit names one by one; the rest are counted."""

class RunDesk:
    def __init__(self, session: Session, *, replay: Path | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        """`replay`: a recorded conversation a rehearsal replays instead of its plan's;
        `monotonic`: real time, for what must be measured in the moderator's seconds
        whatever the run's clock (a bounce of `c`)."""
        self.session = session
        self.guard = CopyGuard(monotonic)
        """What is on the clipboard, and when a `c` would replace it too soon."""
        self.words = Words(session.language)
        self.steering = Steering(session, self.words)
        self.room = RoomTalk(session.language)
        self.pane = RoomDesk(session, self.words, self.room, writer=self._writer,
                             say=self._notice, question=self._question)
        """The Conversation pane's keys (`tui.core.run.roomdesk`)."""
        self.replay = replay
        self._maker = ViewMaker(self.words)
        self._hour: tuple[tuple[object, ...], Hour] | None = None
        self._report_offered = False
        self._asked: tuple[tuple[object, ...], dict[int, datetime]] | None = None
        self._feed_from: tuple[object, ...] | None = None
        """The plan's `[feed]` and tag the conversation was opened with."""
        self.tabs = Tabs(session.source.networks)
        """Which network the draft pane shows (a plan on several)."""
        self.posting = Posting()
        """What `P` has on its way, what failed, what the first `P` asked."""
        self._post_marks: dict[str, list[Event]] = {}
        """The marks posting's worker logged, per cue, until its result comes."""
        self._ticks_said = False
        """That ticks wait for the plan file was said (once, until they are in)."""
        self._quit_when_written = False
        """The moderator chose to wait for the log's waiting lines, then quit."""

    @property
    def log_path(self) -> Path:
        return self.session.log.path

    @property
    def plan_path(self) -> Path:
        return self.session.plan_path

    @property
    def rehearsal(self) -> bool:
        return self.session.rehearsal

    @property
    def zone(self) -> tzinfo:
        return self.session.plan.chat.zone

    @property
    def book(self) -> DraftBook:
        """The plan's drafts: what the editor and the reply dialog count with."""
        return self.session.book

    @property
    def accounts(self) -> Accounts | None:
        """The plan's `[accounts]`: what `P` posts as (None: it posts nothing)."""
        return self.session.plan.accounts

    def now(self) -> datetime:
        return self.session.now()

    # --- saying things ---------------------------------------------------------------

    def _notice(self, key: str, *, severity: Severity = "information", kind: str = "action",
                seconds: float | None = None, **fields: object) -> Notice:
        text = self.words(key, **fields)
        if seconds is None:
            return Notice(text, severity, kind)
        return Notice(text, severity, kind, seconds)

    def _label(self, row: Row) -> str:
        return cue_name(row.cue, self.words, row.named)

    def _on(self, label: str, network: str | None) -> str:
        """ "Q3 on Bluesky" on a plan with several networks; "Q3" on one."""
        if network is None:
            return label
        return self.words("screen.label_on", label=label, network=network_name(network))

    def _network(self, row: Row) -> str | None:
        """The network an action on `row` is for: the one the draft pane shows; None on
        a plan with one network (its marks name none, as they always did)."""
        return self.tabs.for_row(row) if self.tabs.several else None

    def _row(self, row_id: str | None) -> Row | Refused:
        """The selected row; refused when no cue is selected."""
        row = self.session.row(row_id) if row_id else None
        if row is None:
            return Refused(self._notice("screen.no_cue", severity="warning"))
        return row

    def _writer(self) -> Refused | None:
        """None when this window may write; refused when it follows another."""
        holder = self.session.following
        if holder is None:
            return None
        return Refused(self._notice("screen.following_no_write", severity="warning",
                                    seconds=6, holder=holder.describe(self.words)))

    # --- the hour and the view -------------------------------------------------------

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

    def view(self, now: datetime | None = None) -> RunView:
        """Everything the run-sheet shows at `now`, decided once for every pane. A
        replay's posts due by `now` are released first: they are part of the moment."""
        session = self.session
        now = self.now() if now is None else now
        self.room.refresh(now, self._asked_times(), session.state.posted, session.row,
                          self.zone)
        hour = self.hour(now)
        self.tabs.follow(session.source.networks)
        return self._maker.make(session, self.room, hour, now, self.tabs, self.posting)

    def _asked_times(self) -> dict[int, datetime]:
        """When each question was marked posted (the pace's start), once per state."""
        session = self.session
        state = session.state
        key = (id(state), state.version, session.source.generation)
        if self._asked is None or self._asked[0] != key:
            asked: dict[int, datetime] = {}
            for row_id, moment in state.posted.items():
                row = session.row(row_id)
                number = row.cue.number if row is not None else None
                if row is not None and row.cue.kind == "question" and number is not None:
                    asked[number] = min(moment, asked.get(number, moment))
            self._asked = (key, asked)
        return self._asked[1]

    def _time(self, row: Row, hour: Hour) -> str:
        """The row's time, moved by the shifts: "18:12", or "J-1 18:00"."""
        return self._maker.row_time(self.session, row, hour)

    # --- the start of the run --------------------------------------------------------

    def greeting(self, *, room: bool) -> Done:
        """What the first screen says: that the run is over (the report is one key
        away), the drafts the platform would refuse and the pre-flight (when there is
        `room` for notices: a split pane gets none over its countdown), that this is a
        rehearsal, which log lines were skipped."""
        session = self.session
        notices: list[Notice] = []
        if self.hour().over:
            # Opened on a finished run: say where the report is, do not pop it up.
            self._report_offered = True
            notices.append(self._notice("screen.run_over", seconds=10, kind="run_over"))
        if room:
            notices.extend(self.plan_notices().notices)
            if session.rehearsal:
                # Short-lived: the banner says "rehearsal" for as long as it lasts.
                notices.append(self._notice("screen.rehearsal_intro", seconds=6, kind="intro"))
        if session.skipped_lines:
            lines = ", ".join(str(n) for n in session.skipped_lines[:5])
            notices.append(self._notice(
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
        several = self.tabs.several
        names = []
        for row in self.session.rows:
            for network, draft in row.drafts.items():
                counted = draft.count
                if counted.valid:
                    continue
                over = f" ({counted.length}/{counted.limit})" if counted.remaining < 0 else ""
                names.append(self._on(self._label(row), network if several else None) + over)
        if not names:
            return None
        return self._notice("screen.refused", severity="warning", seconds=12, kind="refused",
                            n=len(names), cues=cue_list(names, self.words))

    def _preflight(self) -> Notice | None:
        """Opened before the start: what is late, and what to do first (as `tchat check`
        says it). Not in a rehearsal, whose clock is not the day's."""
        # Imported here: the pre-flight is wanted once, after the first frame.
        from tui.core.run.preflight import preflight, preflight_lines

        session = self.session
        done = set(session.state.posted) | session.state.skipped
        check = preflight(session.plan, self.now(), done)
        lines = preflight_lines(check, session.plan)
        if not lines or check.clear:
            return None
        # In the checklist's place, where it covers nothing: a minute to read it, less
        # when the start comes sooner (then the checklist of the hour is what matters).
        seconds = min(PREFLIGHT_SECONDS, max(20.0, check.left.total_seconds()))
        return Notice("\n".join(lines), "warning", "preflight", seconds, long=True)

    def take_lock(self) -> Done:
        """A live run takes the plan's lock, or follows the window that holds it; a lock
        left by a process that died is taken over, with a notice."""
        session = self.session
        session.acquire_lock()
        if session.lock is not None and session.lock.took_over is not None:
            return Done((self._notice("screen.lock_taken_over", severity="warning",
                                      seconds=10,
                                      holder=session.lock.took_over.describe(self.words)),))
        return Done()

    def end_of_run(self, *, in_view: bool) -> Outcome | None:
        """The run just ended under the moderator's eyes: the report, once per run (or a
        notice saying where it is, when a dialog is open: never one on another)."""
        if self._report_offered or not self.hour().over:
            return None
        self._report_offered = True
        if in_view:
            return self.report()
        return Done((self._notice("screen.run_over", seconds=10, kind="run_over"),))

    # --- the heartbeat ---------------------------------------------------------------

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
                notices.append(self._notice("screen.took_over", seconds=10))
            else:
                session.follow()
        if look is not None:
            if session.pending and session.flush():
                notices.append(self._notice("screen.written_again", seconds=6))
            change = session.source.take(look)
            if change is PlanChange.BACK:
                # Put back as it was: nothing to reload, and the "does not load" is over.
                withdraw = ("plan",)
            else:
                notices.extend(self._plan_change(change))
            if session.ticks_owed and not session.source.troubled:
                # The ticks the plan's copy still owes, tried again at every look.
                notices.extend(self._copy_ticks(again=True).notices)
            if self._ticks_said and not session.ticks_owed:
                # All in: "the tick waits" is over. Withdrawn here, at a look, never at a
                # press, so a burst of presses against a saving editor says it once.
                self._ticks_said = False
                withdraw += ("ticks",)
            if self._quit_when_written and not session.pending:
                return Quit()
        if not notices and not withdraw and self._run_signature() == before:
            return None
        return Done(tuple(notices), withdraw=withdraw)

    def _plan_change(self, change: PlanChange) -> tuple[Notice, ...]:
        """What a reload of the plan file is said as: reloaded, or does not load."""
        if change is PlanChange.RELOADED:
            return (self._notice("screen.reloaded", seconds=6, kind="plan"),)
        if change is PlanChange.FAILED:
            error = self.session.source.failure
            problem = (error.problems[0].text(self.words.language)
                       if error and error.problems else "")
            return (self._notice("screen.reload_failed", severity="error", seconds=10,
                                 kind="plan", problem=problem),)
        return ()

    def _run_signature(self) -> tuple[object, ...]:
        """What a heartbeat can change on screen."""
        session = self.session
        return (id(session.state), session.state.version, session.source.generation,
                session.source.gone, session.write_problem, len(session.pending),
                session.following, session.ticks_owed)

    # --- copying ---------------------------------------------------------------------

    def copy(self, row_id: str | None) -> Outcome:
        """`c`: the selected draft to the clipboard, marked posted once it is there; on a
        plan with several networks, the network the draft pane shows, marked there.

        A press that would replace a marked text before it could be pasted (a bounce, a
        double press: `tui.core.run.copyguard`) is held, and says what is on the
        clipboard. A cue already posted (there) is copied again without a second mark; a
        follower copies without marking (the window that holds the plan marks). A cue
        planned more than a minute ahead asks first: a repeated `c` must never mark it
        (once it is out on one network, the others are not asked again)."""
        row = self._row(row_id)
        if isinstance(row, Refused):
            return row
        held = self.guard.holding()
        if held is not None:
            return NothingToDo(self._held(held))
        network = self._network(row)
        label = self._on(self._label(row), network)
        # No control or bidi override reaches a clipboard.
        text = for_copy(row.draft_on(network).text)
        already, started = self._out(row, network)
        notices: tuple[Notice, ...] = ()
        refused = self._writer()
        if refused is not None:
            already = True  # copied, never marked: the window that holds the plan marks
            notices = (refused.notice,)
        now = self.now()
        hour = self.hour(now)
        if already or started or not hour.needs_confirmation(row.cue):
            return self._send(Copy(text, None if already else row.id, now, label=label,
                                   notices=notices, network=network))
        return self._ask_early(row, hour)

    def _out(self, row: Row, network: str | None) -> tuple[bool, bool]:
        """Whether `row` is posted already (on `network`, on a plan with several), and
        whether it is out anywhere (a cue out on one network is not asked again)."""
        state = self.session.state
        if network is None:
            already = row.id in state.posted
            return already, already
        return (state.on_network(row.id, network) == "posted",
                bool(state.posted_on.get(row.id)))

    def _ask_early(self, row: Row, hour: Hour) -> Confirm:
        """The question a `c` on a cue ahead asks. Left open, it follows the clock (its
        time and delay), and closes saying why once its cue is due, posted, skipped or
        gone; a yes copies the cue as it is then (a plan reloaded meanwhile may have
        changed its text): never the state the question was asked in."""
        words = self.words
        label, row_id = self._on(self._label(row), self._network(row)), row.id
        body = words("screen.early_body", label=label, time=self._time(row, hour),
                     delay=short_span(hour.ahead(row.cue)))
        return Confirm(
            words("screen.early_title", label=label), body, words("screen.early_confirm"),
            yes=lambda: self._copy_confirmed(row_id),
            no=lambda: Done((self._notice("screen.early_cancelled", severity="warning",
                                          seconds=4, kind="copy", label=label),)),
            follow=lambda: self._still_early(row_id),
        )

    def _still_early(self, row_id: str) -> Confirm | Done:
        """The early copy's question as it stands now (`Confirm.follow`)."""
        row = self.session.row(row_id)
        if row is None:
            return Done((self._notice("screen.early_gone", severity="warning",
                                      kind="copy"),))
        hour, label = self.hour(), self._label(row)
        status = hour.status(row_id)
        if status in ("posted", "skipped", "missed"):
            return Done((self._notice(
                "screen.early_closed", severity="warning", kind="copy", label=label,
                status=self.words(f"screen.status_{status}", time="").strip()),))
        if not hour.needs_confirmation(row.cue):
            return Done((self._notice("screen.early_now_due", severity="warning",
                                      kind="copy", label=label),))
        return self._ask_early(row, hour)

    def _copy_confirmed(self, row_id: str) -> Outcome:
        """A yes to the early copy: the cue as it is now, on the network shown now,
        marked unless posted there meanwhile."""
        row = self.session.row(row_id)
        if row is None:
            return Refused(self._notice("screen.early_gone", severity="warning",
                                        kind="copy"))
        network = self._network(row)
        already, _started = self._out(row, network)
        return self._send(Copy(for_copy(row.draft_on(network).text),
                               None if already else row.id, self.now(),
                               label=self._on(self._label(row), network), network=network))

    def _send(self, order: Copy) -> Copy:
        """A copy leaves for the clipboard: one that marks holds the presses after it."""
        if order.row_id is not None:
            self.guard.sent(order.label, order.at)
        return order

    def _held(self, held: OnClipboard) -> Notice:
        """A `c` held: what is on the clipboard (or on its way) and what is marked."""
        if not held.landed:
            return self._notice("screen.copy_held_on_its_way", severity="warning",
                                kind="copy", label=held.label)
        return self._notice("screen.copy_held", severity="warning", kind="copy",
                            label=held.label,
                            time=clock_time(held.marked_at, self.session.plan.chat.zone))

    def copy_reply(self, text: str) -> Outcome:
        """A quick reply (`r`), to the clipboard with the plan's typography; logged once
        it is there."""
        return self.send_reply(ReplyForm(), text)

    def copied(self, order: Copy, via: Via, *, timed_out_after: float | None = None) -> Done:
        """The clipboard took (or refused) a copy: the mark, and what to say of it; on a
        plan with several networks, the mark on its network, and the draft pane on to
        the next network the cue still needs (the notice names it)."""
        session, words = self.session, self.words
        if order.reply or order.link:
            self.guard.release()
            return Done((self.pane.copied(order, via),))
        if via == "system":
            message = words("screen.copied_system", label=order.label)
        elif via == "osc52":
            message = words("screen.copied_osc52", label=order.label)
        else:
            message = words("screen.copied_manual")
        if timed_out_after is not None:
            message = words("screen.clipboard_timeout",
                            seconds=decimal(timed_out_after, words.language)) + " " + message
        severity: Severity = "information" if via == "system" else "warning"
        # A row gone with a plan reloaded meanwhile is not marked.
        row = session.row(order.row_id) if order.row_id is not None else None
        if order.row_id is None:
            self.guard.release()
            return Done((Notice(message, severity, "copy"),))
        held = self.guard.landed(order.label, order.at, marked=row is not None)
        following = None
        if row is not None:
            session.mark(order.row_id, via, order.at, network=order.network)
            message += " · " + words("screen.marked",
                                     time=clock_time(order.at, session.plan.chat.zone))
            if order.network is not None:
                following = self.tabs.after(row, order.network, session.state,
                                            self.posting.in_flight.get(row.draft.cue.id, ()))
        if held:
            message += " · " + words("screen.held_meanwhile", n=held)
        if following is not None:
            # The cue still needs another network: the pane shows it, for the next `c`.
            message += " · " + words("screen.network_next", network=network_name(following))
        return Done((Notice(message, severity, "copy"),))

    def copy_by_hand(self, row_id: str | None) -> Outcome:
        """`v`: the text to copy by hand (the network's the draft pane shows)."""
        row = self._row(row_id)
        if isinstance(row, Refused):
            return row
        return CopyByHand(row.draft_on(self._network(row)).text)

    # --- networks --------------------------------------------------------------------

    def pick_network(self, place: int) -> Outcome:
        """`1`-`4`: the draft pane shows the plan's network at that place."""
        if not self.tabs.several:
            return NothingToDo(self._notice("screen.one_network", severity="warning",
                                            seconds=4))
        picked = self.tabs.pick(place)
        if picked is None:
            names = ", ".join(network_name(n) for n in self.tabs.networks)
            return NothingToDo(self._notice("screen.no_such_network", severity="warning",
                                            seconds=4, place=place, networks=names))
        return Done()

    def skip_network(self, row_id: str | None) -> Outcome:
        """`S`: skip the selected cue on the network the draft pane shows, only; the pane
        then goes to the next network that still needs it."""
        if not self.tabs.several:
            return NothingToDo(self._notice("screen.one_network", severity="warning",
                                            seconds=4))
        refused = self._writer()
        if refused is not None:
            return refused
        row = self._row(row_id)
        if isinstance(row, Refused):
            return row
        network = self.tabs.for_row(row)
        label = self._on(self._label(row), network)
        status = self.session.state.on_network(row.id, network)
        if status is not None:
            return Refused(self._notice(
                "screen.already_done", severity="warning", label=label,
                status=self.words(f"screen.status_{status}", time="").strip()))
        self.session.skip(row.id, network)
        following = self.tabs.after(row, network, self.session.state)
        message = self._notice("screen.skipped", label=label)
        if following is not None:
            message = Notice(message.text + " · " + self.words(
                "screen.network_next", network=network_name(following)),
                message.severity, message.kind)
        return Done((message,))

    # --- marks -----------------------------------------------------------------------

    def skip(self, row_id: str | None) -> Outcome:
        refused = self._writer()
        if refused is not None:
            return refused
        row = self._row(row_id)
        if isinstance(row, Refused):
            return row
        status = self.hour().status(row.id)
        if status in ("posted", "skipped"):
            return Refused(self._notice(
                "screen.already_done", severity="warning", label=self._label(row),
                status=self.words(f"screen.status_{status}", time="").strip()))
        self.session.skip(row.id)
        if self.tabs.several:
            self.tabs.shown = self.tabs.networks[0]  # done everywhere: the next cue starts
        return Done((self._notice("screen.skipped", label=self._label(row)),))

    def shift(self) -> Outcome:
        refused = self._writer()
        if refused is not None:
            return refused
        seconds = self.session.shift()
        if seconds is None:
            return NothingToDo(self._notice("screen.nothing_late", severity="warning"))
        return Done((self._notice("screen.shifted", delay=signed_span(seconds)),))

    def compress(self) -> Outcome:
        """Keep the planned end: spread the questions left, after a yes."""
        refused = self._writer()
        if refused is not None:
            return refused
        session = self.session
        plan = session.compression()
        if plan is None:
            return NothingToDo(self._notice("screen.nothing_to_compress", severity="warning"))
        return self._ask_compress(plan)

    def _ask_compress(self, plan: Compression) -> Confirm:
        """The compression's question. Left open, it follows the clock (the times it
        proposes are from now); a yes spreads the questions as the hour is then, never
        as it was when asked (at most the second the question last showed)."""
        session, words = self.session, self.words
        zone = session.plan.chat.zone
        end = exact_clock_time(plan.end or self.hour().end, zone)

        def name(cue_id: str) -> str:
            row = session.row(cue_id)
            return self._label(row) if row else cue_id

        times = ", ".join(f"{name(cue)} {exact_clock_time(at, zone)}" for cue, at in plan.times)
        body = words("screen.compress_body", times=times)
        if plan.skips:
            body += "\n" + words("screen.compress_skips", cues=", ".join(map(name, plan.skips)))

        def yes() -> Outcome:
            fresh = session.compression()
            if fresh is None:
                return NothingToDo(self._notice("screen.nothing_to_compress",
                                                severity="warning"))
            session.compress(fresh)
            return Done((self._notice("screen.compressed", end=exact_clock_time(
                fresh.end or self.hour().end, zone)),))

        def follow() -> Confirm | Done:
            fresh = session.compression()
            if fresh is None:
                return Done((self._notice("screen.nothing_to_compress", severity="warning"),))
            return self._ask_compress(fresh)

        return Confirm(words("screen.compress_title", end=end), body,
                       words("screen.compress_confirm"), yes=yes, follow=follow)

    def undo(self) -> Outcome:
        """`u`: take back the last mark, skip, shift or compression; right after a `P`,
        offer to delete what it posted."""
        refused = self._writer()
        if refused is not None:
            return refused
        latest = self.posting.latest
        if latest is not None:
            # `u` right after a `P` whose posts are still on their way: it is that `P`
            # the moderator takes back, and it cannot be deleted before it is out.
            return Refused(self._notice("screen.undo_posting", severity="warning",
                                        seconds=8, label=latest.label))
        last = self.posting.last
        if last is not None:
            if self._unit(last):
                return self._unpost_offer(last)
            self.posting.last = None  # something else came since: it is no longer offered
        words = self.words
        # The room's last action (a mute, a post handled) when it came after the last
        # mark: `u` takes back what was done last, wherever it was done.
        room = self.pane.undo(self.session.state.last_undoable)
        if room is not None:
            return room
        undone = self.session.undo()
        if undone is None:
            return NothingToDo(self._notice("screen.nothing_to_undo", severity="warning"))
        if undone.kind == "mark":
            self.guard.release()  # the text on the clipboard is marked no more
        if undone.kind == "shift":
            what = words("screen.undo_shift", delay=signed_span(undone.seconds or 0))
        elif undone.kind == "compress":
            what = words("screen.undo_compress")
        else:
            row = self.session.row(undone.cue or "")
            label = self._label(row) if row else (undone.cue or "")
            if undone.network is not None and self.tabs.several:
                label = self._on(label, undone.network)
                if undone.network in self.tabs.networks:
                    self.tabs.shown = undone.network  # back to the network it was on
            what = words(f"screen.undo_{undone.kind}", label=label)
        return Done((self._notice("screen.undone", what=what),), select=undone.cue)

    # --- posting (`P`) -----------------------------------------------------------------

    def _cue_rows(self, cue_id: str) -> list[Row]:
        """The rows of a cue: one, or a thread's parts."""
        return [row for row in self.session.rows if row.draft.cue.id == cue_id]

    def _cue_on(self, cue_id: str, network: str) -> str | None:
        """Whether the cue (every part it has there) is posted or skipped on `network`:
        "posted", "skipped", or None while a part is still to go out there."""
        state = self.session.state
        found = [state.on_network(row.id, network) for row in self._cue_rows(cue_id)
                 if not row.drafts or network in row.drafts]
        if not found or None in found:
            return None
        return "skipped" if all(f == "skipped" for f in found) else "posted"

    def _where(self, cue_id: str) -> str:
        """Where a cue is out: "Bluesky https://… · X 18:12 · Threads skipped"."""
        session, words = self.session, self.words
        links = self.posting.links(session.events)
        zone = session.plan.chat.zone
        places = []
        for network in session.source.networks:
            name = network_name(network)
            status = self._cue_on(cue_id, network)
            if status == "skipped":
                places.append(words("screen.where_skipped", network=name))
                continue
            link = links.get((cue_id, network), {}).get(1)
            if link:
                places.append(f"{name} {link}")
            else:
                times = [at for row in self._cue_rows(cue_id)
                         if (at := session.state.posted_on.get(row.id, {}).get(network)
                             or session.state.posted.get(row.id)) is not None]
                places.append(f"{name} {clock_time(min(times), zone)}" if times else name)
        return " · ".join(places)

    def publish(self, row_id: str | None) -> Outcome:
        """`P`: post the selected cue on every network of the plan with an account, and
        copy the text of the first one without (X, Threads), as `c` does. A cue already
        out on a network is not posted there again (nor copied); a thread goes whole,
        from the part where the last attempt stopped. The first `P` of a run names the
        accounts and asks once; a cue planned more than a minute ahead asks as `c` does.
        A rehearsal sends nothing: it shows what would be sent and marks as a copy.
        A plan without `[accounts]` posts nothing and opens no socket."""
        session, words, posting = self.session, self.words, self.posting
        accounts = session.plan.accounts
        if accounts is None:
            return Refused(self._notice("screen.no_accounts", severity="warning", seconds=8))
        refused = self._writer()
        if refused is not None:
            return refused
        row = self._row(row_id)
        if isinstance(row, Refused):
            return row
        from tui.core.run.publish.publisher import account_networks

        cue = row.draft.cue
        label = cue_name(cue, words)
        if cue.id in posting.in_flight:
            return Refused(self._notice("screen.posting_already", severity="warning",
                                        seconds=5, label=label))
        book = session.book
        with_account = account_networks(book)
        left = [n for n in session.source.networks if self._cue_on(cue.id, n) is None]
        if not left:
            return NothingToDo(self._notice("screen.post_everywhere", severity="warning",
                                            seconds=10, label=label,
                                            where=self._where(cue.id)))
        to_post = tuple(n for n in with_account if n in left)
        by_hand = [n for n in left if n not in with_account and n in row.drafts]
        order = PostOrder(row.id, cue, label, to_post, tuple(by_hand[:1]),
                          preview=session.rehearsal)
        state = session.state
        started = any(state.on_network(r.id, n) == "posted"
                      for r in self._cue_rows(cue.id) for n in r.drafts)
        hour = self.hour()
        early = not started and hour.needs_confirmation(row.cue)
        first = bool(to_post) and not posting.asked and not session.rehearsal
        if not (first or early):
            return self._post(order, row)
        parts = []
        if first:
            names = and_list([words("screen.post_account", account=accounts.handle(n),
                                    network=network_name(n)) for n in to_post], words)
            parts.append(words("screen.post_first_body", accounts=names))
            if by_hand:
                parts.append(words("screen.post_first_copy",
                                   networks=network_name(by_hand[0])))
        if early:
            parts.append(words("screen.post_early", label=label, time=self._time(row, hour),
                               delay=short_span(hour.ahead(row.cue))))

        def yes() -> Outcome:
            if first:
                posting.asked = True
            return self._post(order, row)

        return Confirm(
            words("screen.post_first_title" if first else "screen.early_title", label=label),
            "\n".join(parts), words("screen.post_confirm"), yes=yes,
            no=lambda: Done((self._notice("screen.post_cancelled", severity="warning",
                                          seconds=4, kind="copy", label=label),)))

    def _post(self, order: PostOrder, row: Row) -> Post:
        """`P` answered: the copy of the network without an account, and the posts (or,
        in a rehearsal, what would be sent, with the marks a copy makes)."""
        session = self.session
        copy = None
        if order.copied:
            network = order.copied[0]
            several = self.tabs.several
            copy = self._send(Copy(
                for_copy(row.draft_on(network).text), row.id, self.now(),
                label=self._on(self._label(row), network if several else None),
                network=network if several else None))
        if not order.networks:
            return Post(None, copy)
        if not order.preview:
            self.posting.started(order)
            return Post(order, copy)
        preview = self._preview(order)
        marks = [session.mark(order.cue.id, "rehearsal", network=n) for n in order.networks]
        self.posting.last = LastPost(order, tuple(marks))
        names = and_list([network_name(n) for n in order.networks], self.words)
        notice = self._notice("screen.preview_marked", seconds=8, kind="post",
                              label=order.label, networks=names)
        return Post(None, copy, preview, (notice,))

    def _preview(self, order: PostOrder) -> PreviewForm:
        """What `publish_cue` would send, worded: each part's text, facets, reply and
        key (`preview_cue`)."""
        from tui.core.run.publish.publisher import Run, preview_cue

        session, words = self.session, self.words
        events = list(session.events)

        def refuse(_event: Event) -> None:
            raise OSError("a preview writes nothing")

        run = Run(session.book, session.plan_path, lambda: events, refuse, session.now,
                  lambda: datetime.now(UTC))
        lines = []
        for entry in preview_cue(run, order.cue, order.networks):
            name = network_name(entry["network"])
            for part in entry["parts"]:
                lines.append(words("screen.preview_part", network=name, part=part["part"],
                                   parts=part["parts"], length=part["length"],
                                   limit=part["limit"]))
                lines.append(visible(part["text"]))
                facets = [f"{f['kind']} {visible(str(f['value']))} "
                          f"({f['byteStart']}–{f['byteEnd']})" for f in part.get("facets", ())]
                if facets:
                    lines.append(words("screen.preview_facets", facets=", ".join(facets)))
                if "reply" in part:
                    lines.append(words("screen.preview_reply",
                                       root=part["reply"]["root"]["part"],
                                       parent=part["reply"]["parent"]["part"]))
                if "image" in part:
                    lines.append(words("screen.preview_image", image=visible(part["image"]),
                                       alt=visible(part["alt"])))
                key = part.get("record_key") or part.get("idempotency_key") or ""
                lines.append(words("screen.preview_key", value=key))
                lines.append("")
        return PreviewForm(words("screen.preview_title", label=order.label),
                           "\n".join(lines).rstrip())

    def posting_run(self, keep: Callable[[Event], None]) -> Run:
        """What posting's worker posts with: the drafts, the plan's place, the log as on
        disk (another window or `tchat post` may have posted) and `keep`, which hands
        each event to the UI thread (`keep_posted`) and returns once it is on disk."""
        from tui.core.run.publish.publisher import Run

        session = self.session
        log = session.log
        return Run(session.book, session.plan_path, log.read, keep, session.now,
                   lambda: datetime.now(UTC))

    def keep_posted(self, event: Event) -> None:
        """An event of posting's worker, on the UI thread: on disk before the worker goes
        on (an intent before its post leaves), in the state at once (a mark shows).
        Raises OSError when it cannot be kept: the worker then sends nothing."""
        try:
            self.session.keep_now(event)
        except Following as following:  # the plan was taken by another window meanwhile
            raise OSError(self.words("screen.following_no_write",
                                     holder=following.holder.describe(self.words))) \
                from following
        if event.kind == "mark" and event.cue is not None:
            self._post_marks.setdefault(event.cue, []).append(event)

    def published(self, order: PostOrder, outcome: CueOutcome | None,
                  missing: Mapping[str, str], problem: str | None = None) -> Outcome:
        """The worker is back: what went out where, in a line (each failure in a line of
        its own). A network that failed keeps the cue to do there, the draft pane shows
        it, and its text goes to the clipboard unless `P` already put another there."""
        from tui.core.run.publish.outcomes import Failed, Posted, describe
        from tui.core.run.publish.outcomes import Refused as NotSent
        from tui.core.run.publish.parts import card_for

        words, label = self.words, order.label
        results = list(outcome.outcomes) if outcome is not None else []
        results += [NotSent(n, reason) for n, reason in missing.items()]
        if problem is not None:
            results += [NotSent(n, problem) for n in order.networks
                        if not any(r.network == n for r in results)]
        failures = {r.network: r.reason for r in results if isinstance(r, Failed | NotSent)}
        self.posting.finished(order.cue.id, failures)
        marks = tuple(self._post_marks.pop(order.cue.id, ()))
        posted = [r.network for r in results if isinstance(r, Posted) and r.first == 1]
        notices: list[Notice] = []
        if posted:
            line = words("screen.posted_on", label=label,
                         networks=and_list([network_name(n) for n in posted], words))
            if order.copied:
                line += " · " + words("screen.post_copied",
                                      networks=network_name(order.copied[0]))
                card = card_for(self.session.book, order.cue)
                if card is not None and order.copied[0] in ("x", "x-legacy", "threads"):
                    line += " · " + words("post.attach", image=visible(card.name))
            notices.append(Notice(line, "information", "post", 10))
        for result in results:
            if isinstance(result, Posted) and result.first == 1:
                continue
            bad = isinstance(result, Failed | NotSent)
            notices.append(Notice(one_line(describe(result, words, label), marked=True),
                                  "error" if bad else "information",
                                  # One notice per kind: each network's line stays.
                                  f"post-failed-{result.network}" if bad else
                                  f"post-{result.network}", 12 if bad else 8))
        if marks and any(isinstance(r, Posted) for r in results):
            self.posting.last = LastPost(order, marks)
        if not failures:
            shown = self.session.row(order.row_id)
            if shown is not None and self.tabs.several and \
                    not self.session.state.networks_left(shown.id):
                self.tabs.shown = self.tabs.networks[0]  # out everywhere: the next cue
            return Done(tuple(notices))
        failed = next(n for n in order.networks if n in failures) if any(
            n in failures for n in order.networks) else next(iter(failures))
        if failed in self.tabs.networks:
            self.tabs.shown = failed
        row = self.session.row(order.row_id)
        if order.copied or row is None:
            notices.append(self._notice("screen.post_failed_press_c", severity="warning",
                                        seconds=10, kind="post-next",
                                        network=network_name(failed)))
            return Done(tuple(notices))
        # Nothing else is on the clipboard: the text that did not go out is, unmarked
        # (pasted by hand, `c` marks it).
        copy = Copy(for_copy(row.draft_on(failed).text), None, self.now(),
                    label=self._on(self._label(row), failed if self.tabs.several else None))
        notices.append(self._notice("screen.post_failed_copied", severity="warning",
                                    seconds=10, kind="post-next",
                                    network=network_name(failed)))
        return Post(None, copy, notices=tuple(notices))

    def _unit(self, last: LastPost) -> list[Event]:
        """What `last`'s `P` did, on top of the undo stack: its posts' marks and the mark
        of the copy it made (which may land after them, when the clipboard is slow); empty
        when something else was done since (`u` is then no longer "right after" it)."""
        order, stack = last.order, self.session.state.undo_stack
        ours = {id(mark) for mark in last.marks}
        top: list[Event] = []
        for event in reversed(stack):
            copy = (event.kind == "mark" and event.cue == order.row_id
                    and event.network in order.copied)
            if id(event) not in ours and not copy:
                break
            top.append(event)
        found = {id(event) for event in top}
        return top if last.marks and ours <= found else []

    def _take_back(self, unit: list[Event]) -> None:
        for _ in unit:
            self.session.undo()

    def _unpost_offer(self, last: LastPost) -> Outcome:
        """`u` right after a `P`: delete what it posted (after a yes), then its marks."""
        words, order = self.words, last.order
        self.posting.last = None  # asked once: a "no" leaves the next `u` to the marks
        if order.preview:
            self._take_back(self._unit(last))  # the copy's mark too: the whole `P`
            return Done((self._notice("screen.unpost_preview", label=order.label),),
                        select=order.row_id)
        names = and_list([network_name(n) for n in order.networks], words)

        def yes() -> Outcome:
            self.posting.started(order)
            self.posting.last = last
            return Unpost(order)

        return Confirm(
            words("screen.unpost_title", label=order.label),
            words("screen.unpost_body", label=order.label, where=self._where(order.cue.id)),
            words("screen.unpost_confirm"), yes=yes,
            no=lambda: Done((self._notice("screen.unpost_kept", severity="warning",
                                          seconds=6, label=order.label, networks=names),)))

    def unposted(self, order: PostOrder, outcome: CueOutcome | None,
                 problem: str | None = None) -> Outcome:
        """The deletion is back: the marks of that `P` taken back, and set again on a
        network where the post could not be deleted."""
        from tui.core.run.publish.outcomes import Deleted, Failed

        words, label = self.words, order.label
        last, self.posting.last = self.posting.last, None
        results = list(outcome.outcomes) if outcome is not None else []
        self.posting.finished(order.cue.id, {})
        deleted = [r.network for r in results if isinstance(r, Deleted)]
        failed = {r.network: r.reason for r in results if isinstance(r, Failed)}
        if problem is not None:
            failed.update({n: problem for n in order.networks if n not in deleted})
        notices: list[Notice] = []
        unit = self._unit(last) if last is not None else []
        if unit:
            # Taken back together (the copy's mark may be above the posts'), then set
            # again where the post stays: a post not deleted, the text pasted by hand.
            self._take_back(unit)
            for event in reversed(unit):
                if event.network not in deleted:
                    self.session.mark(event.cue or order.cue.id, event.via or "post",
                                      event.clock, network=event.network)
        if deleted:
            notices.append(self._notice(
                "screen.unposted", label=label, seconds=8, kind="post",
                networks=and_list([network_name(n) for n in deleted], words)))
        for network, reason in failed.items():
            notices.append(self._notice("screen.unpost_failed", severity="error", seconds=12,
                                        kind=f"post-failed-{network}", label=label,
                                        network=network_name(network),
                                        reason=one_line(reason, marked=True)))
        return Done(tuple(notices), select=order.row_id)

    def open_intents(self) -> bool:
        """Whether the log holds a post whose answer never came (a crash, a lost
        connection): settled with its server at start-up, in a worker. Only a live run
        with accounts: a rehearsal posts nothing."""
        session = self.session
        if session.rehearsal or session.plan.accounts is None or self.posting.settled:
            return False
        from tui.core.run.publish.ledger import ledger

        self.posting.settled = True
        return bool(ledger(session.events).open_intents())

    def settled(self, found: list[tuple[PartRecord, str]]) -> Done:
        """What settling the open intents found, a line each (nothing when nothing)."""
        notices = []
        for record, decision in found:
            rows = self._cue_rows(record.cue)
            name = self._label(rows[0]) if rows else record.cue
            if len(rows) > 1:
                name = cue_name(rows[0].draft.cue, self.words)
            notices.append(self._notice(
                f"screen.settled_{decision}", seconds=12,
                kind=f"settled-{record.cue}-{record.network}-{record.part}",
                severity="information" if decision == "done" else "warning",
                label=name, network=network_name(record.network), part=record.part))
        return Done(tuple(notices))

    # --- the checklist ---------------------------------------------------------------

    def tick_hint(self, index: int | None) -> Done:
        """The first space shows which item a second one would tick: never tick an item
        the moderator is not looking at (a border's colour alone is easy to miss)."""
        if index is None:
            return Done()
        item = one_line(self.session.plan.checklist[index].text, marked=True)
        return Done((self._notice("screen.tick_next", seconds=4, kind="tick", item=item),))

    def tick(self, index: int | None) -> Outcome:
        """Tick (or untick) a checklist item; an all-hour reminder has no box to tick."""
        if index is None:
            return Refused(self._notice("screen.no_item", severity="warning"))
        entry = next((e for _phase, entries in checklist_groups(
            self.session.plan, self.session.state, self.session.cues, self.now()) for e in entries
            if e.index == index), None)
        if entry is not None and entry.reminder:
            item = one_line(entry.item.text, marked=True)
            return Refused(self._notice("screen.reminder_no_tick", seconds=4, item=item))
        refused = self._writer()
        if refused is not None:
            return refused
        # In the log (and on screen) whatever the plan file does; then its copy in the
        # plan. No notice when it goes through: the box and the strike-through say it,
        # in the same frame, and a notice per tick would pile up in the busy minutes.
        self.session.tick(index)
        return self._copy_ticks()

    def _copy_ticks(self, *, again: bool = False) -> Done:
        """The ticks the log holds, copied into the plan file now if it takes them. When
        it does not (an editor saving, a full disk), they wait for the heartbeat's next
        try (`again`), and that is said once, not at every press; once they are in, the
        next look (`poll`) withdraws it."""
        session = self.session
        try:
            session.write_ticks()
        except PlanChangedOnDisk as changed:
            if again and self._ticks_said:
                # Already said: what is new is the plan reloaded by the try, said as
                # every reload the heartbeat finds.
                return Done(self._plan_change(
                    PlanChange.FAILED if changed.reloaded is False else PlanChange.RELOADED))
            # Say "reloaded" only when it was: a file that does not load is not taken.
            return self._ticks_wait("screen.tick_waits_not_loaded" if changed.reloaded is False
                                    else "screen.tick_waits_changed")
        except PlanError as error:
            return self._ticks_wait("screen.tick_waits_failed",
                                    error=error.problems[0].text(self.words.language))
        except OSError as error:
            return self._ticks_wait("screen.tick_waits_failed",
                                    error=error.strerror or str(error))
        return Done()

    def _ticks_wait(self, key: str, **fields: object) -> Done:
        if self._ticks_said:
            return Done()
        self._ticks_said = True
        # Where the tick is, truly: in the log, or waiting in memory with the log's lines.
        kept = self.words("screen.tick_kept_memory" if self.session.pending
                          else "screen.tick_kept_log")
        return Done((self._notice(key, severity="warning", seconds=10, kind="ticks",
                                  kept=kept, **fields),))

    def _guarded(self, write: Callable[[], object]) -> Refused | None:
        """Run a plan write; on a conflict or an error, refused with the reason."""
        try:
            write()
        except PlanChangedOnDisk as changed:
            # Say "reloaded" only when it was: a file that does not load is not taken.
            key = ("screen.changed_not_loaded" if changed.reloaded is False
                   else "screen.changed_not_written")
            return Refused(self._notice(key, severity="error", seconds=10, kind="plan"))
        except PlanError as error:
            return Refused(self._notice("screen.write_failed", severity="error", seconds=10,
                                        kind="plan",
                                        error=error.problems[0].text(self.words.language)))
        except OSError as error:
            # A tick is kept in the log even when the plan refuses it.
            return Refused(self._notice("screen.write_failed", severity="error", seconds=10,
                                        kind="plan", error=error.strerror or str(error)))
        return None

    # --- editing, replying, highlights -----------------------------------------------

    def edit(self, row_id: str | None) -> Outcome:
        """`e`: the selected cue's template, to edit (a derived heads-up has none)."""
        refused = self._writer()
        if refused is not None:
            return refused
        row = self._row(row_id)
        if isinstance(row, Refused):
            return row
        if row.cue.derived:
            return Refused(self._notice("screen.not_editable", severity="warning", seconds=8))
        return EditForm.of(row)

    def save_template(self, row: Row, text: str) -> Outcome:
        refused = self._writer() or self._guarded(
            lambda: self.session.save_template(row, text))
        if refused is not None:
            return refused
        return Done((self._notice("screen.saved", label=self._label(row)),))

    def reply(self) -> Outcome:
        """`r`: a quick reply, the tag already in."""
        return self._writer() or ReplyForm()

    def send_reply(self, form: ReplyForm, text: str) -> Outcome:
        """The reply dialog's enter: copied (French typography), or posted as a real
        reply when it answers a post on a network with an account (`roomdesk`)."""
        return self.pane.send_reply(form, text)

    def count_reply(self, form: ReplyForm) -> Callable[[str], Count]:
        return self.pane.count_reply(form)

    def posts_on(self, network: str | None) -> bool:
        """The plan has an account on `network`: a reply there is posted, not copied
        (a rehearsal says what it would post)."""
        return network is not None and self.pane.posts_on(network)

    def _question(self, selected_id: str | None) -> Row | None:
        """The question a highlight belongs to: the selected one if it was posted, else
        the question asked last (`Hour.asked_last`); None before the first question.

        The selection usually follows the next cue, a question not asked yet: what
        people are answering right now is the last question posted."""
        session = self.session
        selected = session.row(selected_id) if selected_id else None
        if (selected is not None and selected.cue.kind == "question"
                and selected.id in session.state.posted):
            return selected
        asked = self.hour().asked_last
        return session.row(asked.id) if asked is not None else None

    def highlight(self, selected_id: str | None) -> Outcome:
        """`h`: a link or a quote to keep under the current question, for the recap."""
        refused = self._writer()
        if refused is not None:
            return refused
        question = self._question(selected_id)
        if question is None:
            return HighlightForm(None, None)
        return HighlightForm(self._label(question), question.id)

    def keep_highlight(self, form: HighlightForm, text: str) -> Outcome:
        refused = self._writer()
        if refused is not None:
            return refused
        self.session.highlight(text, form.cue_id)
        if form.label is None:
            return Done((self._notice("screen.highlight_saved_loose"),))
        return Done((self._notice("screen.highlight_saved", label=form.label),))

    # --- the Conversation pane: its other keys are the room desk's (`self.pane`,
    # `tui.core.run.roomdesk`), which the screen calls directly -------------------------

    def reply_to(self, item: Attributed | None) -> Outcome:
        """`r` on a post: a reply naming its author as their network needs it."""
        return self.pane.reply_to(item)

    def highlight_post(self, item: Attributed | None, selected_id: str | None) -> Outcome:
        """`h` on a post: a highlight under the question the post answers."""
        return self.pane.highlight_post(item, selected_id)

    def open_post(self, post: FeedPost | None) -> Outcome:
        """`o` on a post: in the browser (`link_not_opened` when there is none)."""
        return self.pane.open_post(post)

    def report(self) -> ReportForm:
        """`R`: planned versus actual, as `tchat report` prints it."""
        from tui.core.run.report import build_report

        session = self.session
        return ReportForm(build_report(session.plan, session.events, session.book),
                          session.rehearsal, session.log.path)

    # --- the plan file's ids ----------------------------------------------------------

    def check_work(self) -> tuple[Path, Plan]:
        """What the worker that finds the plan's errors reads: the file and the plan."""
        return self.session.plan_path, self.session.plan

    def ids_work(self) -> tuple[Path, Fingerprint, dict[str, str]]:
        """What the worker that prepares the plan's edits starts from, taken together:
        the path, the plan as loaded, the ids it lacks (none outside a live run)."""
        session = self.session
        return session.plan_path, session.loaded, session.missing_ids()

    def write_ids(self, prepared: PreparedEdit) -> None:
        """Missing ids written once, quietly: when the plan was written meanwhile (a
        tick, a template), on a conflict or a failed write, the plan keeps its positional
        ids and the next run tries again."""
        try:
            self.session.commit_ids(prepared)
        except (PlanChangedOnDisk, OSError):
            return

    # --- taking over the plan ----------------------------------------------------------

    def take_over(self) -> Confirm | NothingToDo:
        """T, in a window that follows another: take the plan's lock after a yes that
        names its holder and since when (a co-host's crashed machine, another host's,
        cannot be told from a live one from here)."""
        session = self.session
        holder = session.following
        if holder is None:
            return NothingToDo(self._notice("screen.not_following"))
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
        try:
            taken = self.session.take_over(holder)
        except OSError as error:
            return Refused(self._notice("screen.take_over_failed", severity="error",
                                        seconds=10, error=error.strerror or str(error)))
        if not taken:
            return self.take_over()  # the lock changed meanwhile: asked again, anew
        return Done((self._notice("screen.took_over_lock", severity="warning", seconds=10,
                                  holder=holder.describe(self.words)),))

    # --- quitting --------------------------------------------------------------------

    def quit(self) -> Quit | Confirm | QuitWaiting:
        """ctrl+q. What is not written yet is tried once more; what still waits is said,
        with the choice to wait for it or lose it (never a silent loss, in a rehearsal
        too); otherwise, in the live hour, a yes first; else quit at once."""
        session = self.session
        if session.pending:
            session.flush()
        if session.ticks_owed and not session.source.troubled:
            # The plan's copy of the ticks, one last try (the log holds them anyway).
            with contextlib.suppress(PlanChangedOnDisk, PlanError, OSError):
                session.write_ticks()
        if session.pending:
            return self._quit_waiting()
        hour = self.hour()
        if session.rehearsal or hour.phase != "during" or hour.over:
            return Quit()
        words = self.words
        return Confirm(words("screen.quit_title"), words("screen.quit_body"),
                       words("key.quit"), yes=Quit)

    def _quit_waiting(self) -> QuitWaiting:
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
            row = self.session.row(event.cue or "")
            label = self._label(row) if row else (event.cue or "")
            return words(f"screen.undo_{event.kind}", label=label)
        if event.kind == "shift":
            return words("screen.undo_shift", delay=signed_span(event.seconds or 0))
        if event.kind in ("compress", "tick", "reply", "highlight", "undo"):
            return words(f"screen.waiting_{event.kind}")
        return words("screen.waiting_other")

    def quit_when_written(self) -> Done:
        """Wait for the log's waiting lines: the heartbeat that writes the last one
        quits (`poll`)."""
        self._quit_when_written = True
        return Done((self._notice("screen.quit_when_written", severity="warning",
                                  kind="quit", seconds=3600,
                                  n=len(self.session.pending), every=RETRY_SECONDS),))

    def stay(self) -> Done:
        """Back to the run: no longer quitting once all is written."""
        self._quit_when_written = False
        return Done(withdraw=("quit",))

    # --- the conversation ------------------------------------------------------------

    def feed_setup(self) -> FeedPlan | None:
        """Which conversation the run shows; None without one (nothing read then)."""
        session = self.session
        return feed_plan(session.plan, session.plan_path, rehearsal=session.rehearsal,
                         replay=self.replay)

    def live_feed(self) -> tuple[Feed, str, datetime] | None:
        """A live run's sources, its tag and its start; None for a replay (or none)."""
        plan = self.session.plan
        if self.session.rehearsal or plan.feed is None or not plan.feed.live:
            return None
        return plan.feed, plan.chat.tag, plan.chat.start_at

    def open_feed(self, setup: FeedPlan) -> Callable[[], FeedSession]:
        """The conversation's opening, for a worker thread (it reads files only), with
        the room's actions folded from the log (who was welcomed, handled, muted) and the
        question posts tchat published known by their id."""
        session = self.session
        plan, path, book = session.plan, session.plan_path, session.book
        marks = room_marks(plan, session.events)
        posted = self.questions_posted()
        self._feed_from = self._feed_settings()

        def opening() -> FeedSession:
            feed = FeedSession.open(plan, path, setup, book, marks)
            feed.know_questions(posted)
            if feed.room is not None:
                feed.room.prepare()
            return feed

        return opening

    def questions_posted(self) -> tuple[PostedQuestion, ...]:
        """The question posts tchat published (`P`), as the feed's sources read their
        replies (`ThreadedSource.posted`): the screen hands them to the pane's worker
        whenever they change."""
        session = self.session
        return tuple(posted_questions(session.book, session.events))

    def _feed_settings(self) -> tuple[object, ...]:
        plan = self.session.plan
        return (plan.feed, plan.chat.tag)

    def feed_moved(self) -> bool:
        """The plan was reloaded with another `[feed]` (or tag) than the conversation was
        opened with: the screen opens it again with the new settings."""
        return self._feed_from is not None and self._feed_settings() != self._feed_from

    def no_feed(self) -> Refused:
        return Refused(self._notice("screen.no_feed", severity="warning", seconds=6))

    def feed_arrived(self, feed: FeedSession | None,
                     statuses: list[SourceStatus] | None) -> Done:
        """The conversation opened, or a poll's posts were taken (in the worker)."""
        if feed is not None:
            self.room.opened(feed)
        self.room.took(statuses)
        return Done(self._seen_in_feed())

    def _seen_in_feed(self) -> tuple[Notice, ...]:
        """Posts the feed shows the host publishing (from a phone, a scheduler) whose
        cue is not marked: marked posted at the post's time, logged `via = "feed"`, and
        said. Undone with `u` like any mark, and then never marked from the feed again
        (the log keeps that it was). A live run's window that holds the plan only: a
        rehearsal's replay is practice, a follower marks nothing."""
        session, feed = self.session, self.room.feed
        if feed is None or session.rehearsal or session.following is not None:
            return ()
        once = {e.cue for e in session.events if e.kind == "mark" and e.via == "feed"}
        waiting = {row.id: row.draft.text for row in session.rows
                   if not session.state.done(row.id) and row.id not in once}
        if not waiting:
            return ()
        # The worker takes each poll into the conversation under its lock: read it only
        # when free (the next poll's arrival looks again), never waiting on a flood.
        if not feed.lock.acquire(blocking=False):
            return ()
        try:
            found = feed.conversation.published(waiting)
        finally:
            feed.lock.release()
        if not found:
            return ()
        now, zone = self.now(), self.zone
        seen = []
        for row_id, post in sorted(found.items(), key=lambda item: item[1].created_at):
            row = session.row(row_id)
            if row is None:
                continue
            at = min(post.created_at, now)
            session.mark(row_id, "feed", at)
            seen.append(self.words("screen.seen_marked_one", label=self._label(row),
                                   network=NETWORK_NAMES.get(post.platform, post.platform),
                                   time=clock_time(at, zone)))
        return (Notice(self.words("screen.seen_marked", seen=" · ".join(seen)),
                       "information", "feed_mark", 10),) if seen else ()

