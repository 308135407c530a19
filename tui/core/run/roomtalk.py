"""What the run-sheet says of the conversation: answers per question, drafts seen
published, and how the sources are doing.

The conversation itself (`tui.core.room.session.FeedSession`) is read by the
Conversation pane's worker and handed here as it arrives; everything the screen shows of
it is decided here, from the run's marks, so a widget never counts anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, tzinfo

from tui.core.feed.counts import answers_line
from tui.core.feed.post import FeedPost
from tui.core.feed.status import SourceStatus
from tui.core.room.session import FeedSession
from tui.core.run.plansource import Row
from tui.core.text.clean import safe_url
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words


class RoomTalk:
    def __init__(self, language: Language) -> None:
        self.language = language
        self.feed: FeedSession | None = None
        """The conversation, once its worker opened it; None without one."""
        self._published: dict[str, FeedPost] = {}
        self._published_from: tuple[int, int] = (-1, -1)

    @property
    def counting(self) -> bool:
        """Whether there is a conversation to count from (no "0 answers" without)."""
        return self.feed is not None and self.feed.problem is None

    def opened(self, feed: FeedSession) -> None:
        self.feed = feed

    def took(self, posts: list[FeedPost], statuses: list[SourceStatus] | None) -> None:
        """A poll's posts and the sources' statuses, as the worker brought them."""
        if self.feed is None:
            return
        if statuses is not None:
            self.feed.sources = statuses
        if posts:
            self.feed.conversation.take(posts)

    def advance(self, now: datetime, posted: Mapping[str, datetime],
                row: Callable[[str], Row | None]) -> None:
        """Release a replay's posts due by `now`; find the copied drafts the host's
        account was seen publishing (again only when a post or a mark came)."""
        feed = self.feed
        if feed is None:
            return
        feed.advance(now)
        version = (feed.conversation.version, len(posted))
        if version != self._published_from:
            self._published_from = version
            copied = {row_id: found.draft.text for row_id in posted
                      if (found := row(row_id)) is not None}
            self._published = feed.conversation.published(copied)

    def answers(self, number: int | None) -> str:
        """ "14 answers from 9 people" to question `number`; "" without a conversation."""
        if not self.counting or number is None:
            return ""
        assert self.feed is not None
        return answers_line(*self.feed.conversation.counts.answers(number), self.language)

    def extra(self, row: Row, posted: bool) -> str:
        """What the conversation says of a row, before its excerpt in the cue list."""
        if not self.counting:
            return ""
        parts = []
        cue = row.cue
        if cue.kind == "question" and cue.number is not None and posted:
            parts.append(self.answers(cue.number))
        if row.id in self._published:
            parts.append(Words(self.language)("screen.seen_published"))
        return " · ".join(parts)

    def link(self, row_id: str) -> str | None:
        """The post that published the row's draft, when its address is a safe one."""
        post = self._published.get(row_id)
        return safe_url(post.url, https_only=True) if post is not None else None

    def status(self, zone: tzinfo) -> str:
        """How each source is doing, in one line (the pane's border)."""
        if self.feed is None:
            return ""
        return " · ".join(self.feed.status_lines(datetime.now(UTC), zone, self.language))
