"""The run desk: what the run-sheet drives. Every key is one method that decides
everything and answers with an outcome (`tui.core.run.outcomes`); the screen shows it.

`RunDesk` is the one object the screen holds: it makes the run's parts, shares between
them what they share (the session, the hour, the draft pane's network, the clipboard's
guard, posting's state), and hands each key to the part that holds its rules, in one
line. The parts, one module each:

- `deskbasics.py`: what every key asks first: the selected cue and its name, **who may
  write** (a window that follows another writes nothing: refused with the holder's
  name), the hour;
- `copydesk.py`: `c` and `v`, **ahead of time** (a cue planned more than a minute ahead
  is copied only after a yes), the clipboard's answer and its mark;
- `markdesk.py`: `s`, `S` (**already done**: a cue posted or skipped is not skipped
  again) and the marks `u` takes back; `shiftdesk.py`: `d` and `D`;
- `postdesk.py`: `P` and what posting's worker brings back; `unpostdesk.py`: `u` right
  after a `P`;
- `checklistdesk.py`: space, and the ticks' copy in the plan file;
- `formdesk.py`: `e`, `r`, `h` and what their forms' enter writes (**the plan file**: a
  write that meets an edit made elsewhere writes nothing and says so);
- `windowdesk.py`: the lock, `T`, the heartbeat (`poll`: **the log**'s waiting lines
  written again, the plan reloaded) and `ctrl+q`;
- `startdesk.py`: what the run-sheet says when it opens and when the run ends; `R`;
- `feeddesk.py`: the conversation's opening and arrivals; `roomdesk.py`: the
  Conversation pane's keys (`pane`, which the screen calls as it calls the desk).

**Nothing to do** (nothing to undo, nothing late, nothing to compress) is said, never
done anyway, in every part.

`view(now)` is the one frozen view per frame that the widgets read (`tui.core.run.view`).
A new action is a new method on the part it belongs to (a new part when none does),
handed on here in one line and returning an outcome; a new rule goes in that method
(or, if it is about time, in `hour.py`), tested with plain pytest in
tests/core/test_desk.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.counting.result import Count
from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost
from tui.core.feed.status import SourceStatus
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Feed, Plan
from tui.core.plan.networks import network_name
from tui.core.plan.planedit import Fingerprint, PlanChangedOnDisk, PreparedEdit
from tui.core.room.session import FeedPlan, FeedSession
from tui.core.room.threads import PostedQuestion
from tui.core.run.asrun import Event
from tui.core.run.checklistdesk import ChecklistDesk
from tui.core.run.copydesk import CopyDesk, Via
from tui.core.run.copyguard import CopyGuard
from tui.core.run.deskbasics import DeskBasics
from tui.core.run.feeddesk import FeedDesk
from tui.core.run.formdesk import FormDesk
from tui.core.run.hour import Hour
from tui.core.run.markdesk import MarkDesk
from tui.core.run.outcomes import (
    Confirm,
    Copy,
    Done,
    HighlightForm,
    NothingToDo,
    Outcome,
    Quit,
    QuitWaiting,
    Refused,
    ReplyForm,
    ReportForm,
)
from tui.core.run.plansource import PlanLook, Row
from tui.core.run.postdesk import PostDesk
from tui.core.run.posting import Posting, PostOrder
from tui.core.run.roomdesk import RoomDesk
from tui.core.run.roomtalk import RoomTalk
from tui.core.run.session import Session
from tui.core.run.shiftdesk import ShiftDesk
from tui.core.run.startdesk import StartDesk
from tui.core.run.steering import Steering
from tui.core.run.tabs import Tabs
from tui.core.run.unpostdesk import UnpostDesk
from tui.core.run.view import RunView, ViewMaker
from tui.core.run.windowdesk import WindowDesk
from tui.core.text.words import Words

if TYPE_CHECKING:
    from tui.core.plan.accounts import Accounts
    from tui.core.run.publish.ledger import PartRecord
    from tui.core.run.publish.outcomes import CueOutcome
    from tui.core.run.publish.publisher import Run


class RunDesk:
    def __init__(self, session: Session, *, replay: Path | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        """`replay`: a recorded conversation a rehearsal replays instead of its plan's;
        `monotonic`: real time, for what must be measured in the moderator's seconds
        whatever the run's clock (a bounce of `c`)."""
        self.session = session
        self.guard = CopyGuard(monotonic)
        """What is on the clipboard, and when a `c` would replace it too soon."""
        self.words = words = Words(session.language)
        self.steering = Steering(session, words)
        self.room = RoomTalk(session.language)
        self.replay = replay
        self.tabs = Tabs(session.source.networks)
        """Which network the draft pane shows (a plan on several)."""
        self.posting = Posting()
        """What `P` has on its way, what failed, what the first `P` asked."""
        self._maker = ViewMaker(words)
        self._asked: tuple[tuple[object, ...], dict[int, datetime]] | None = None
        basics = self._basics = DeskBasics(session, words, self.tabs, self._maker)
        self._forms = FormDesk(basics)
        self.pane = RoomDesk(session, words, self.room, writer=basics.writer,
                             say=basics.say, question=self._forms.question)
        """The Conversation pane's keys (`tui.core.run.roomdesk`)."""
        self._copying = CopyDesk(basics, self.guard, self.posting, self.pane)
        self._marks = MarkDesk(basics, self.guard)
        self._shifts = ShiftDesk(basics)
        self._publishing = PostDesk(basics, self.posting, send=self._copying.send)
        self._unposting = UnpostDesk(basics, self.posting, where=self._publishing.where)
        self._checklist = ChecklistDesk(basics)
        self._window = WindowDesk(basics, self._checklist)
        self._start = StartDesk(basics)
        self._feed = FeedDesk(basics, self.room, replay)

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

    # --- the hour and the view -------------------------------------------------------

    def hour(self, now: datetime | None = None) -> Hour:
        """The hour at `now` (the clock's by default), made once per second and state."""
        return self._basics.hour(now)

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

    # --- the start and the end (`startdesk`), the window (`windowdesk`) --------------

    def greeting(self, *, room: bool) -> Done:
        return self._start.greeting(room=room)

    def plan_notices(self) -> Done:
        return self._start.plan_notices()

    def plan_errors_first(self) -> Done:
        return self._start.plan_errors_first()

    def end_of_run(self, *, in_view: bool) -> Outcome | None:
        return self._start.end_of_run(in_view=in_view)

    def report(self) -> ReportForm:
        return self._start.report()

    def take_lock(self) -> Done:
        return self._window.take_lock()

    def look_job(self) -> Callable[[], PlanLook]:
        return self._window.look_job()

    def poll(self, look: PlanLook | None = None) -> Done | Quit | None:
        return self._window.poll(look)

    def take_over(self) -> Confirm | NothingToDo:
        return self._window.take_over()

    def quit(self) -> Quit | Confirm | QuitWaiting:
        return self._window.quit()

    # --- copying (`copydesk`) --------------------------------------------------------

    def copy(self, row_id: str | None) -> Outcome:
        return self._copying.copy(row_id)

    def copied(self, order: Copy, via: Via, *, timed_out_after: float | None = None) -> Done:
        return self._copying.copied(order, via, timed_out_after=timed_out_after)

    def copy_by_hand(self, row_id: str | None) -> Outcome:
        return self._copying.copy_by_hand(row_id)

    def copy_reply(self, text: str) -> Outcome:
        """A quick reply (`r`), to the clipboard with the plan's typography; logged once
        it is there."""
        return self.send_reply(ReplyForm(), text)

    # --- networks, marks, the clock's shifts (`markdesk`, `shiftdesk`) ---------------

    def pick_network(self, place: int) -> Outcome:
        """`1`-`4`: the draft pane shows the plan's network at that place."""
        tabs, say = self.tabs, self._basics.say
        if not tabs.several:
            return NothingToDo(say("screen.one_network", severity="warning", seconds=4))
        if tabs.pick(place) is None:
            names = ", ".join(network_name(n) for n in tabs.networks)
            return NothingToDo(say("screen.no_such_network", severity="warning",
                                   seconds=4, place=place, networks=names))
        return Done()

    def skip(self, row_id: str | None) -> Outcome:
        return self._marks.skip(row_id)

    def skip_network(self, row_id: str | None) -> Outcome:
        return self._marks.skip_network(row_id)

    def shift(self) -> Outcome:
        return self._shifts.shift()

    def compress(self) -> Outcome:
        return self._shifts.compress()

    def undo(self) -> Outcome:
        """`u`: take back what was done last, wherever it was done: right after a `P`,
        the offer to delete what it posted; else the room's last action (a mute, a post
        handled) when it came after the last mark; else the last mark, skip, shift or
        compression."""
        refused = self._basics.writer()
        if refused is not None:
            return refused
        offered = self._unposting.offer()
        if offered is not None:
            return offered
        room = self.pane.undo(self.session.state.last_undoable)
        if room is not None:
            return room
        return self._marks.take_back()

    # --- posting (`postdesk`, `unpostdesk`) ------------------------------------------

    def publish(self, row_id: str | None) -> Outcome:
        return self._publishing.publish(row_id)

    def posting_run(self, keep: Callable[[Event], None]) -> Run:
        return self._publishing.posting_run(keep)

    def keep_posted(self, event: Event) -> None:
        self._publishing.keep_posted(event)

    def published(self, order: PostOrder, outcome: CueOutcome | None,
                  missing: Mapping[str, str], problem: str | None = None) -> Outcome:
        return self._publishing.published(order, outcome, missing, problem)

    def unposted(self, order: PostOrder, outcome: CueOutcome | None,
                 problem: str | None = None) -> Outcome:
        return self._unposting.unposted(order, outcome, problem)

    def open_intents(self) -> bool:
        return self._publishing.open_intents()

    def settled(self, found: list[tuple[PartRecord, str]]) -> Done:
        return self._publishing.settled(found)

    # --- the checklist (`checklistdesk`) ---------------------------------------------

    def tick_hint(self, index: int | None) -> Done:
        return self._checklist.tick_hint(index)

    def tick(self, index: int | None) -> Outcome:
        return self._checklist.tick(index)

    # --- editing, replying, highlights (`formdesk`; on a post, `roomdesk`) -----------

    def edit(self, row_id: str | None) -> Outcome:
        return self._forms.edit(row_id)

    def save_template(self, row: Row, text: str) -> Outcome:
        return self._forms.save_template(row, text)

    def reply(self) -> Outcome:
        return self._forms.reply()

    def highlight(self, selected_id: str | None) -> Outcome:
        return self._forms.highlight(selected_id)

    def keep_highlight(self, form: HighlightForm, text: str) -> Outcome:
        return self._forms.keep_highlight(form, text)

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

    def reply_to(self, item: Attributed | None) -> Outcome:
        """`r` on a post: a reply naming its author as their network needs it."""
        return self.pane.reply_to(item)

    def highlight_post(self, item: Attributed | None, selected_id: str | None) -> Outcome:
        """`h` on a post: a highlight under the question the post answers."""
        return self.pane.highlight_post(item, selected_id)

    def open_post(self, post: FeedPost | None) -> Outcome:
        """`o` on a post: in the browser (`link_not_opened` when there is none)."""
        return self.pane.open_post(post)

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

    # --- the conversation (`feeddesk`) -----------------------------------------------

    def feed_setup(self) -> FeedPlan | None:
        return self._feed.feed_setup()

    def live_feed(self) -> tuple[Feed, str, datetime] | None:
        return self._feed.live_feed()

    def open_feed(self, setup: FeedPlan) -> Callable[[], FeedSession]:
        return self._feed.open_feed(setup)

    def questions_posted(self) -> tuple[PostedQuestion, ...]:
        return self._feed.questions_posted()

    def feed_moved(self) -> bool:
        return self._feed.feed_moved()

    def no_feed(self) -> Refused:
        return self._feed.no_feed()

    def feed_arrived(self, feed: FeedSession | None,
                     statuses: list[SourceStatus] | None) -> Done:
        return self._feed.feed_arrived(feed, statuses)
