"""Which threads to read: the host's question posts, and a fair turn among them.

Many people answer by replying to the host's Qn post without the tag; such replies never
reach a tag timeline or a tag search. So once the host's Qn post is known, its replies
are read too (`tui.feed.replies`): a question post is known when the feed shows the
host publishing it (its draft's text, or a `Qn` start: `Attributor.asks`), or by its id
when tchat posted it (`PostedQuestion`).

Reading every thread at every poll would spend a server's rate limit (Mastodon allows
300 requests in 5 minutes): `ThreadSchedule` reads the question asked last at every
poll, where answers are arriving, and the earlier ones in turn, a few per poll.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from tui.core.feed.post import FeedPost

PER_POLL = 2
"""Threads read at one poll of one source: the newest question's, and one more."""
_EARLIEST = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class PostedQuestion:
    """A host question post known by its id rather than seen in the feed (tchat posted
    it; the posting code logs what the network answered)."""

    question: int
    network: str
    """"mastodon" or "bluesky"."""
    id: str
    """Bluesky: the post's at:// URI. Mastodon: the status's `uri` when known, else any
    name unique to it (the server reads it by `local_id` and learns its URI)."""
    server: str | None = None
    """Mastodon: the server it was posted to, whose id `local_id` is."""
    local_id: str | None = None
    """Mastodon: the status's id on `server` (what its context is asked by)."""
    at: datetime | None = None
    """When it was posted (the log's time), so the newest is read at every poll."""


@dataclass(frozen=True, slots=True)
class ThreadTarget:
    """One host question post whose replies are read."""

    question: int
    network: str
    id: str
    """As the feed keys the post (a Mastodon status's URI, a Bluesky at:// URI)."""
    asked: datetime | None = None
    """When it was posted, when known: the newest question is read at every poll."""
    server: str | None = None
    local_id: str | None = None


class QuestionPosts:
    """The host's question posts one source knows of: those it saw, those given by id."""

    def __init__(self, network: str, asks: Callable[[FeedPost], int | None]) -> None:
        self.network = network
        self._asks = asks
        self._targets: dict[str, ThreadTarget] = {}

    def see(self, posts: Iterable[FeedPost]) -> list[ThreadTarget]:
        """Note the host's question posts among `posts`; returns the new ones."""
        new = []
        for post in posts:
            if post.platform != self.network or post.id in self._targets:
                continue
            number = self._asks(post)
            if number is not None:
                target = ThreadTarget(number, self.network, post.id, post.created_at)
                self._targets[post.id] = target
                new.append(target)
        return new

    def posted(self, known: Iterable[PostedQuestion]) -> None:
        """Add the question posts known by id (those of another network are ignored)."""
        for item in known:
            if item.network == self.network and item.id not in self._targets:
                self._targets[item.id] = ThreadTarget(item.question, item.network, item.id,
                                                      item.at, item.server, item.local_id)

    @property
    def targets(self) -> list[ThreadTarget]:
        return list(self._targets.values())


class ThreadSchedule:
    """A fair turn: the question asked last at every poll, then the others in turn."""

    def __init__(self, per_poll: int = PER_POLL) -> None:
        self.per_poll = max(1, per_poll)
        self._turn = 0

    def due(self, targets: Sequence[ThreadTarget]) -> list[ThreadTarget]:
        if not targets:
            return []
        ordered = sorted(targets, key=lambda t: (t.asked or _EARLIEST, t.question, t.id))
        newest = ordered[-1]
        others = ordered[:-1]
        chosen = [newest]
        for _ in range(min(self.per_poll - 1, len(others))):
            chosen.append(others[self._turn % len(others)])
            self._turn += 1
        return chosen
