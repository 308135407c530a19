"""Polling the plan's sources, each on its own schedule, backing off when one fails.

No thread and no sleep here: the caller (the run-sheet's worker, `tchat feed`) asks
which sources are due and polls them, so the schedule is testable with a fake clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from tui.core.feed.post import FeedPost
from tui.core.feed.status import Said, SourceStatus
from tui.feed.errors import FeedError, failed

MAX_BACKOFF = timedelta(minutes=5)
MAX_WAIT = timedelta(minutes=15)
"""The longest wait a server's answer can impose (a rate limit's reset)."""


class Source(Protocol):
    name: str

    def fetch(self) -> list[FeedPost]: ...


@dataclass
class Polled:
    source: Source
    status: SourceStatus
    next_at: datetime
    failures: int = 0


@dataclass
class FeedPoller:
    sources: Sequence[Source]
    every: timedelta
    now: Callable[[], datetime]
    polled: list[Polled] = field(default_factory=list)

    def __post_init__(self) -> None:
        start = self.now()
        self.polled = [Polled(s, SourceStatus(s.name, server=getattr(s, "server", "")), start)
                       for s in self.sources]

    def due(self) -> list[Polled]:
        moment = self.now()
        return [p for p in self.polled if p.next_at <= moment]

    def poll(self, item: Polled) -> list[FeedPost]:
        """Fetch one source; a failure becomes its status line and a later retry."""
        try:
            posts = item.source.fetch()
        except FeedError as error:
            return self._failed(item, error)
        except Exception as error:  # noqa: BLE001 - a client's bug must not end the hour
            what = type(error).__name__
            return self._failed(item, failed(item.source.name,
                                             Said.of("feed.unexpected", what=what)))
        moment = self.now()
        item.failures = 0
        item.status.posts += len(posts)
        item.status.updated = moment
        item.status.offline_since = item.status.retry_at = None
        item.status.error = item.status.problem = None
        item.status.notes = tuple(getattr(item.source, "notes", ()))
        item.next_at = moment + self.every
        return posts

    def _failed(self, item: Polled, error: FeedError) -> list[FeedPost]:
        moment = self.now()
        item.failures += 1
        item.next_at = moment + self._wait(item, error)
        status = item.status
        status.offline_since = status.offline_since or moment
        status.retry_at = item.next_at
        status.problem = error.said
        status.error = None
        return []

    def _wait(self, item: Polled, error: FeedError) -> timedelta:
        """Until the next try: what the server asked (bounded), else a back-off that
        doubles from one poll interval up to `MAX_BACKOFF`."""
        asked = error.retry_after
        if asked is not None and not math.isnan(asked):
            # Bounded here too: a number from a server becomes a timedelta only once
            # it is one that a timedelta (and the next hour) can hold.
            seconds = min(MAX_WAIT.total_seconds(), max(1.0, asked))
            return timedelta(seconds=seconds)
        if error.lasting:
            return MAX_BACKOFF
        doublings = min(item.failures - 1, 16)
        backoff: timedelta = min(self.every * (2 ** doublings), MAX_BACKOFF)
        return max(timedelta(seconds=1), backoff)

    def poll_due(self) -> list[FeedPost]:
        posts: list[FeedPost] = []
        for item in self.due():
            posts.extend(self.poll(item))
        return posts

    def wait_seconds(self) -> float:
        """How long until the next source is due (0 when one already is)."""
        moment = self.now()
        soonest = min((p.next_at for p in self.polled), default=moment + self.every)
        return max(0.0, (soonest - moment).total_seconds())

    def cancel(self) -> None:
        """Stop a poll under way within a moment (the app is closing): every source's
        request in progress ends, and every later one fails at once."""
        for item in self.polled:
            cancel = getattr(item.source, "cancel", None)
            if callable(cancel):
                cancel()
