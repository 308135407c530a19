"""The conversation of one run: what the run-sheet's Conversation pane shows.

A live run reads the plan's live sources (in a worker, through `tui.feed`) and keeps
every post in `PLAN.feed.jsonl`; a rehearsal never reads a live feed: it replays a
recorded conversation (`--replay FILE`, else the plan's `[feed] replay`) on its
simulated clock, and writes no feed file.

Two threads share a session: the feed's worker takes each poll's posts (`take`: parsed,
attributed, counted, written, and the room's lists made again, all off the event loop,
so a flood of posts never stops the clock), and the screen reads what it shows. Both
hold `lock` while they touch the conversation; the screen only ever tries it (a frame
the worker is busy for shows the frame before), so it never waits on the network or on
a flood.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from tui.core.feed.attribution import Attributed
from tui.core.feed.conversation import Conversation
from tui.core.feed.post import FeedPost
from tui.core.feed.replay import Replay
from tui.core.feed.status import SourceStatus, status_lines
from tui.core.feed.store import FeedFileError, FeedStore, feed_path_for, read_feed
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.room.actions import RoomMarks
from tui.core.room.planned import attributor_for
from tui.core.room.room import Room
from tui.core.room.threads import PostedQuestion
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words


@dataclass(frozen=True, slots=True)
class FeedPlan:
    """Which conversation a run shows, decided before anything is read."""

    replay: Path | None = None
    live: bool = False


def feed_plan(plan: Plan, plan_path: Path, *, rehearsal: bool,
              replay: Path | None = None) -> FeedPlan | None:
    """None when the run shows no conversation (no `[feed]`, no `--replay`): then
    nothing is read and no socket is opened."""
    if rehearsal:
        if replay is None and plan.feed is not None and plan.feed.replay is not None:
            replay = Path(plan.feed.replay_path(plan_path) or plan_path)
        return FeedPlan(replay=replay) if replay is not None else None
    if plan.feed is not None and plan.feed.live:
        return FeedPlan(live=True)
    return None


@dataclass
class FeedSession:
    conversation: Conversation
    replay: Replay | None = None
    problem: str | None = None
    """Why the conversation cannot be shown (an unreadable replay file), in one line."""
    sources: list[SourceStatus] = field(default_factory=list)
    room: Room | None = None
    """The room's lists over the conversation (`tui.core.room.room`)."""
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False,
                                  compare=False)
    """Held by whoever touches the conversation: the feed's worker while it takes a poll,
    the screen while it reads a frame (the screen only tries it: see the docstring)."""

    @classmethod
    def open(cls, plan: Plan, plan_path: Path, setup: FeedPlan,
             book: DraftBook | None = None, marks: RoomMarks | None = None) -> FeedSession:
        """Reads files only (the feed file of a live run, a replay): no network here.
        `marks` are the room's actions folded from the run's log (`run.roomlog`), so a
        restart keeps who was welcomed, handled and muted."""
        attributor = attributor_for(plan, book)
        if setup.replay is not None:
            try:
                recorded = read_feed(setup.replay, missing_ok=False)
            except FeedFileError as error:
                return cls(Conversation(attributor), problem=str(error))
            conversation = Conversation(attributor)
            return cls(conversation,
                       Replay(recorded.posts, recorded.start, plan.chat.start_at),
                       room=Room(plan, conversation, marks))
        store = FeedStore(feed_path_for(plan_path), plan.chat.start_at)
        conversation = Conversation(attributor, store)
        return cls(conversation, room=Room(plan, conversation, marks))

    def advance(self, now: datetime, limit: int | None = None) -> list[Attributed]:
        """A replay's posts whose (shifted) time has come (`limit` at most: a jump over a
        recording of thousands of posts releases them over a few frames)."""
        if self.replay is None:
            return []
        return self.conversation.take(self.replay.due(now, limit))

    def take(self, posts: Iterable[FeedPost]) -> list[Attributed]:
        """A poll's posts, in the worker that read them: attributed, counted and kept,
        then the room's lists made again, so the screen's next frame only reads them."""
        with self.lock:
            taken = self.conversation.take(posts)
            if self.room is not None:
                self.room.prepare()
            return taken

    def know_questions(self, posted: Iterable[PostedQuestion]) -> None:
        """Question posts tchat published, known by their id: the replies under them
        answer their question even before the feed shows the post itself. A Bluesky
        post is keyed by its URI, as the feed keys it; a Mastodon status by the URI
        its server gives, which the feed learns when it reads the thread."""
        with self.lock:
            for question in posted:
                if question.network == "bluesky" and question.id.startswith("at://"):
                    self.conversation.know_question("bluesky", question.id,
                                                    question.question)

    def status_lines(self, now: datetime, zone: tzinfo, language: Language) -> list[str]:
        if self.problem is not None:
            return [self.problem]
        words = Words(language)
        if self.replay is not None:
            count = len(self.conversation.counts.times)
            lines = [words("feed.replay", posts=words("feed.posts", n=count))]
            if self.replay.unshifted:
                lines.append(words("feed.unshifted", n=self.replay.unshifted))
            return lines + self.dropped_lines(language)
        return status_lines(self.sources, now, zone, language) + self.dropped_lines(language)

    def dropped_lines(self, language: Language) -> list[str]:
        """What the conversation could not keep or show, one line each; none when all
        is well. Every bound on what is kept says here what it left out."""
        words = Words(language)
        conversation, store = self.conversation, self.conversation.store
        lines = []
        if store is not None and store.problem is not None:
            lines.append(words("feed.file_not_kept", file=str(store.path),
                               reason=store.problem.reason))
        if store is not None and store.dropped:
            lines.append(words("feed.file_full", n=store.dropped))
        if conversation.unwritten:
            lines.append(words("feed.unwritten", n=len(conversation.unwritten)))
        if conversation.unwritten_dropped:
            lines.append(words("feed.unwritten_lost", n=conversation.unwritten_dropped))
        if conversation.dropped:
            lines.append(words("feed.over_limit", n=conversation.dropped))
        return lines

    @property
    def waiting(self) -> int:
        """Posts seen but not yet in the feed file (the disk refused them so far): what
        a quit dialog can say is waiting besides the run's own actions."""
        return len(self.conversation.unwritten)
