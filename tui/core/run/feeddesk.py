"""The run desk's side of the conversation: which conversation the run shows (a live
run's sources, or a rehearsal's replay), its opening in the feed's worker with the
room's actions folded from the log, a plan reloaded with another `[feed]`, and what
each arrival brings: the cues the feed shows the host posted outside tchat, marked
(`_seen_in_feed`). The Conversation pane's keys are `tui.core.run.roomdesk`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tui.core.feed.status import SourceStatus
from tui.core.plan.model import Feed
from tui.core.plan.networks import NETWORK_NAMES
from tui.core.room.session import FeedPlan, FeedSession, feed_plan
from tui.core.room.threads import PostedQuestion
from tui.core.run.deskbasics import DeskBasics, DeskPart
from tui.core.run.notices import Notice
from tui.core.run.outcomes import Done, Refused
from tui.core.run.roomlog import posted_questions, room_marks
from tui.core.run.roomtalk import RoomTalk
from tui.core.timing.clocktime import clock_time


class FeedDesk(DeskPart):
    def __init__(self, basics: DeskBasics, room: RoomTalk, replay: Path | None) -> None:
        super().__init__(basics)
        self.room = room
        """What the screen says of the conversation (the run desk's own, shared)."""
        self.replay = replay
        """A recorded conversation a rehearsal replays instead of its plan's."""
        self._feed_from: tuple[object, ...] | None = None
        """The plan's `[feed]` and tag the conversation was opened with."""

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
        return Refused(self.basics.say("screen.no_feed", severity="warning", seconds=6))

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
        now, zone = self.basics.now(), self.session.plan.chat.zone
        seen = []
        for row_id, post in sorted(found.items(), key=lambda item: item[1].created_at):
            row = session.row(row_id)
            if row is None:
                continue
            at = min(post.created_at, now)
            session.mark(row_id, "feed", at)
            seen.append(self.words("screen.seen_marked_one", label=self.basics.label(row),
                                   network=NETWORK_NAMES.get(post.platform, post.platform),
                                   time=clock_time(at, zone)))
        return (Notice(self.words("screen.seen_marked", seen=" · ".join(seen)),
                       "information", "feed_mark", 10),) if seen else ()

