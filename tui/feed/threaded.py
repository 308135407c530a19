"""A source that also reads the replies under the host's question posts it meets.

Each poll of a server (or of Bluesky) reads the tag first, as before; then, among what it
has met, the host's question posts (`QuestionPosts`) and those tchat posted itself, the
threads due (`ThreadSchedule`: the question asked last at every poll, a few others in
turn), on the same server and within the same poll: one rate limit, one back-off, one
status line. A thread that fails is a note on that line; the tag's posts still come.
A rate limit met while reading threads pauses the threads (not the tag) until the
server's reset.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from tui.core.feed.post import FeedPost
from tui.core.feed.status import ThreadNote
from tui.core.room.threads import PostedQuestion, QuestionPosts, ThreadSchedule
from tui.feed.errors import FeedError
from tui.feed.poller import Source
from tui.feed.replies import BlueskyReplies, MastodonReplies, Read
from tui.net.transport import TIMEOUT, deadline

if TYPE_CHECKING:
    from tui.feed.bluesky_source import BlueskySource
    from tui.feed.mastodon_source import MastodonSource


class Canonical(Protocol):
    def __call__(self, posts: list[FeedPost]) -> list[FeedPost]: ...


class ThreadedSource:
    def __init__(self, inner: Source, read: Read, questions: QuestionPosts, *,
                 now: Callable[[], datetime], schedule: ThreadSchedule | None = None,
                 canonical: Canonical | None = None, server: str = "") -> None:
        self.inner = inner
        self.name = inner.name
        self.server = server
        self.read = read
        self.questions = questions
        self.schedule = schedule or ThreadSchedule()
        self._now = now
        self._canonical = canonical
        self._paused_until: datetime | None = None
        self.notes: tuple[ThreadNote, ...] = ()
        """What the last poll's threads left out or could not read."""
        self._given: set[str] = set()
        """Posts already given from a thread: a thread is read again at each turn, but
        only what is new in it goes on (the status's count of posts stays true)."""

    def cancel(self) -> None:
        """Stop the source's request under way (the app is closing)."""
        cancel = getattr(self.inner, "cancel", None)
        if callable(cancel):
            cancel()

    def posted(self, known: Iterable[PostedQuestion]) -> None:
        """Question posts known by id (tchat posted them): their threads are read too."""
        self.questions.posted(known)

    def fetch(self) -> list[FeedPost]:
        posts = self.inner.fetch()  # the tag: its failure is the source's, as before
        if self._canonical is not None:
            posts = self._canonical(posts)
        self.questions.see(posts)
        # The threads share one budget a poll, as the tag's pages do: every thread of a
        # chat read by `tchat feed --once` cannot hold it fifty times over.
        with deadline(getattr(self.inner, "timeout", TIMEOUT) * 2):
            found, notes = self._threads()
        self.notes = tuple(notes)
        return posts + found

    def _threads(self) -> tuple[list[FeedPost], list[ThreadNote]]:
        found: list[FeedPost] = []
        notes: list[ThreadNote] = []
        if self._paused_until is not None and self._now() < self._paused_until:
            return found, notes
        self._paused_until = None
        new_poll = getattr(self.read, "new_poll", None)
        if callable(new_poll):
            new_poll()
        due = self.schedule.due(self.questions.targets)
        budget = self.schedule.per_poll
        while due and budget > 0:
            target = due.pop(0)
            budget -= 1
            try:
                posts, more = self.read(target)
            except FeedError as error:
                notes.append(ThreadNote(target.question, "failed", why=error.said))
                if error.retry_after is not None:
                    self._paused_until = self._now() + timedelta(seconds=error.retry_after)
                    break
                continue
            fresh = [post for post in posts if post.id not in self._given]
            self._given.update(post.id for post in fresh)
            found += fresh
            notes += more
            # The host may thread Q2 under Q1: met in Q1's thread, read in this poll if
            # the turn allows, else at the next.
            due += self.questions.see(posts)
        return found, notes


def threaded_mastodon(source: MastodonSource, asks: Callable[[FeedPost], int | None], *,
                      now: Callable[[], datetime], per_poll: int) -> ThreadedSource:
    """A Mastodon server's tag timeline and the threads under the host's questions
    there, every post keyed by its URI (a post seen on two servers is one post)."""
    from tui.feed.mastodon_source import _post

    read = MastodonReplies(source, source.server, to_post=_post)

    def canonical(posts: list[FeedPost]) -> list[FeedPost]:
        for post in posts:
            uri = source.uris.get(post.id)
            if uri:
                read.remember(post.id, uri)
        return [read.canonical(post) for post in posts]

    return ThreadedSource(source, read, QuestionPosts("mastodon", asks), now=now,
                          schedule=ThreadSchedule(per_poll), canonical=canonical,
                          server=source.server)


def threaded_bluesky(source: BlueskySource, asks: Callable[[FeedPost], int | None], *,
                     now: Callable[[], datetime], per_poll: int) -> ThreadedSource:
    """Bluesky's search for the tag and the threads under the host's questions."""
    from tui.feed.bluesky_source import _post

    read = BlueskyReplies(source, source.service, to_post=_post)
    return ThreadedSource(source, read, QuestionPosts("bluesky", asks), now=now,
                          schedule=ThreadSchedule(per_poll))
