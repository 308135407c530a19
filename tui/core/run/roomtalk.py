"""What the run-sheet says of the conversation: answers per question, drafts seen
published, the room's lists, the pace of the question asked last, and how the sources
are doing.

The conversation itself (`tui.core.room.session.FeedSession`) is read by the
Conversation pane's worker, which takes each poll's posts there, off the event loop.
Each frame, `refresh` makes one frozen `RoomFrame` of it for every pane: it only tries
the session's lock, so a frame the worker is busy for (a flood of posts being
attributed) shows the frame before, and the clock keeps ticking. What the moderator
does to the room (a mute, a post handled, a welcome, a move in the stream) is queued
with `change` and applied under the lock by the next frame that gets it: the action is
in the log at once, on screen a frame later at most.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from tui.core.feed.counts import answers_line
from tui.core.feed.post import FeedPost
from tui.core.feed.status import SourceStatus
from tui.core.plan.networks import network_letter
from tui.core.room.room import RoomView
from tui.core.room.session import FeedSession
from tui.core.run.plansource import Row
from tui.core.text.clean import safe_url
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words

REPLAY_PER_FRAME = 500
"""A replay's posts released in one frame at most: a jump over a long recording
releases them over a few frames, the clock ticking in between."""

Change = Callable[[FeedSession], None]


@dataclass(frozen=True, slots=True)
class RoomFrame:
    """The conversation as one frame shows it, frozen: widgets and the view read this,
    never the session under it."""

    counting: bool = False
    """There is a conversation to count from (no "0 answers" without one)."""
    answers: Mapping[int, tuple[int, int]] = field(default_factory=dict)
    """Question number -> (answers, people), muted accounts out."""
    networks: Mapping[int, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    """Question number -> its answers per network, when they come from several."""
    published: Mapping[str, FeedPost] = field(default_factory=dict)
    """Cue id -> the host's post seen publishing its copied draft (same text)."""
    room: RoomView | None = None
    """The room's lists (None: no room, e.g. a replay that could not be read)."""
    status: str = ""
    """How each source is doing, in one line (the pane's border)."""
    problem: bool = False
    """The conversation cannot be shown (an unreadable replay): `status` says why."""


class RoomTalk:
    def __init__(self, language: Language) -> None:
        self.language = language
        self.feed: FeedSession | None = None
        """The conversation, once its worker opened it; None without one."""
        self.frame = RoomFrame()
        """The last frame made: what the panes show."""
        self._changes: list[Change] = []
        self._published: dict[str, FeedPost] = {}
        self._published_from: tuple[int, int] = (-1, -1)
        self._answers: dict[int, tuple[int, int]] = {}
        self._networks: dict[int, tuple[tuple[str, int], ...]] = {}
        self._answers_from = -1

    @property
    def counting(self) -> bool:
        return self.frame.counting

    def opened(self, feed: FeedSession) -> None:
        """The conversation is open (again, after a plan reload changed `[feed]`)."""
        self.feed = feed
        self._published_from = (-1, -1)
        self._answers_from = -1

    def closed(self) -> None:
        """The plan was reloaded without a conversation: nothing is shown of one."""
        self.feed = None
        self.frame = RoomFrame()
        self._changes = []

    def took(self, statuses: list[SourceStatus] | None) -> None:
        """The sources' statuses after a poll (the posts are in the session already)."""
        if self.feed is not None and statuses is not None:
            self.feed.sources = statuses

    def change(self, change: Change) -> None:
        """Apply `change` to the session under its lock, at the next frame that gets
        it (at once when the worker is idle)."""
        self._changes.append(change)

    def refresh(self, now: datetime, asked: Mapping[int, datetime],
                posted: Mapping[str, datetime], row: Callable[[str], Row | None],
                zone: tzinfo) -> RoomFrame:
        """This frame's conversation: a replay's posts due by `now` released first, the
        moderator's changes applied, then counted. `asked` is when each question was
        marked posted; `posted`, every cue marked posted (its draft may be seen)."""
        feed = self.feed
        if feed is None:
            return self.frame
        if not feed.lock.acquire(blocking=False):
            return self.frame  # the worker is taking a poll: the last frame holds
        try:
            changes, self._changes = self._changes, []
            for change in changes:
                change(feed)
            feed.advance(now, REPLAY_PER_FRAME)
            conversation = feed.conversation
            version = (conversation.version, len(posted))
            if version != self._published_from:
                self._published_from = version
                copied = {row_id: found.draft.text for row_id in posted
                          if (found := row(row_id)) is not None}
                self._published = conversation.published(copied)
            if conversation.version != self._answers_from:
                self._answers_from = conversation.version
                counts = conversation.counts
                self._answers = {n: (c.answers, len(c.people))
                                 for n, c in counts.by_question.items()}
                self._networks = {n: split for n in counts.by_question
                                  if (split := counts.networks(n))}
            room = feed.room.view(now, asked) if feed.room is not None else None
            status = " · ".join(feed.status_lines(datetime.now(UTC), zone, self.language))
            self.frame = RoomFrame(
                counting=feed.problem is None, answers=dict(self._answers),
                networks=dict(self._networks),
                published=dict(self._published), room=room, status=status,
                problem=feed.problem is not None)
        finally:
            feed.lock.release()
        return self.frame

    # --- what the panes say, from the frame -------------------------------------------

    def answers(self, number: int | None) -> str:
        """ "14 answers from 9 people" to question `number`; "" without a conversation."""
        if not self.frame.counting or number is None:
            return ""
        return answers_line(*self.frame.answers.get(number, (0, 0)), self.language) \
            + self._split(number)

    def _split(self, number: int) -> str:
        """ " · B 9 · M 5": where question `number`'s answers come from, when from
        several networks (a chat on Bluesky and Mastodon at once)."""
        return "".join(f" · {network_letter(network)}\u00a0{n}"
                       for network, n in self.frame.networks.get(number, ()))

    def answer_forms(self, number: int) -> tuple[str, ...]:
        """The answers to question `number` in shorter and shorter words, for a list
        that shows the longest that fits: "161 answers from 60 people · B 100 · M 61"
        (from several networks), "161 answers from 60 people", "161 answers · 60
        people", "161 rép. · 60 pers.", "161 answers"."""
        words = Words(self.language)
        answers, people = self.frame.answers.get(number, (0, 0))
        split = self._split(number)
        return tuple(dict.fromkeys((
            *((answers_line(answers, people, self.language) + split,) if split else ()),
            answers_line(answers, people, self.language),
            words("feed.answers", n=answers) + " · " + words("feed.people", n=people),
            words("feed.answers_compact", n=answers, people=people),
            words("feed.answers", n=answers),
        )))

    def extra(self, row: Row, posted: bool) -> tuple[str, ...]:
        """What the conversation says of a row before its excerpt in the cue list: its
        answers, longest words first; none for a row that is not a question asked."""
        cue = row.cue
        if not self.frame.counting or cue.kind != "question" or cue.number is None \
                or not posted:
            return ()
        return self.answer_forms(cue.number)

    def seen(self, row_id: str) -> bool:
        """The host's account was seen publishing the row's draft."""
        return self.frame.counting and row_id in self.frame.published

    def link(self, row_id: str) -> str | None:
        """The post that published the row's draft, when its address is a safe one."""
        post = self.frame.published.get(row_id)
        return safe_url(post.url, https_only=True) if post is not None else None

    def pace(self) -> str:
        """ "Q3 · 14 answers from 9 people · 4/min, slowing" for the question asked last;
        "" before one was, or without a conversation."""
        room = self.frame.room
        if room is None or not self.frame.counting:
            return ""
        return room.pace_line(self.language)

    def status(self) -> str:
        return self.frame.status
