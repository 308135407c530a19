"""Polling the plan's sources, each on its own schedule, backing off when one fails.

No thread and no sleep here: the caller (the run-sheet's worker, `tchat feed`) asks
which sources are due and polls them, so the schedule is testable with a fake clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from tui.core.feed.post import FeedPost
from tui.core.feed.status import SourceStatus
from tui.feed.errors import FeedError

MAX_BACKOFF = timedelta(minutes=5)


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
        except Exception:  # noqa: BLE001 - a client's bug must not end the chat's hour
            return self._failed(item, FeedError(f"{item.source.name}: unexpected failure"))
        moment = self.now()
        item.failures = 0
        item.status.posts += len(posts)
        item.status.updated = moment
        item.status.offline_since = item.status.retry_at = item.status.error = None
        item.status.notes = tuple(getattr(item.source, "notes", ()))
        item.next_at = moment + self.every
        return posts

    def _failed(self, item: Polled, error: FeedError) -> list[FeedPost]:
        moment = self.now()
        item.failures += 1
        if error.retry_after is not None:
            wait = timedelta(seconds=error.retry_after)
        elif error.lasting:
            wait = MAX_BACKOFF
        else:
            wait = min(self.every * (2 ** (item.failures - 1)), MAX_BACKOFF)
        item.next_at = moment + max(wait, timedelta(seconds=1))
        status = item.status
        status.offline_since = status.offline_since or moment
        status.retry_at = item.next_at
        status.error = error.message
        return []

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
