"""A recorded conversation played again on a (simulated) clock.

The recorded times are shifted so the recorded chat's start falls on the start being
rehearsed: a post made two minutes after Q1 last month arrives two minutes after Q1
tonight, and pausing, speeding up or jumping the simulated clock applies to it too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from tui.core.feed.post import FeedPost


class Replay:
    """The posts of a recording, released as the clock passes their (shifted) time."""

    def __init__(
        self, posts: Sequence[FeedPost], recorded_start: datetime | None, start: datetime
    ) -> None:
        ordered = sorted(posts, key=lambda post: post.created_at)
        origin = recorded_start or (ordered[0].created_at if ordered else start)
        shift = start - origin
        self.posts = [replace(post, created_at=post.created_at + shift) for post in ordered]
        self._times = [post.created_at for post in self.posts]
        self._released = 0

    def due(self, now: datetime) -> list[FeedPost]:
        """The posts whose time has come since the last call (none twice)."""
        upto = bisect_right(self._times, now)
        if upto <= self._released:
            return []
        new = self.posts[self._released:upto]
        self._released = upto
        return new

    @property
    def finished(self) -> bool:
        return self._released >= len(self.posts)
