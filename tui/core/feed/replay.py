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

from tui.core.feed.post import FeedPost, post_moment


class Replay:
    """The posts of a recording, released as the clock passes their (shifted) time."""

    def __init__(
        self, posts: Sequence[FeedPost], recorded_start: datetime | None, start: datetime
    ) -> None:
        ordered = sorted(posts, key=lambda post: post.created_at)
        origin = recorded_start or (ordered[0].created_at if ordered else start)
        shift = start - origin
        self.posts: list[FeedPost] = []
        self.unshifted = 0
        """Posts whose shifted time falls outside the dates a chat can have (a recording
        dated centuries away): left out, and said."""
        for post in ordered:
            try:
                moment = post_moment(post.created_at + shift)
            except OverflowError:
                moment = None
            if moment is None:
                self.unshifted += 1
            else:
                self.posts.append(replace(post, created_at=moment))
        self._times = [post.created_at for post in self.posts]
        self._released = 0

    def due(self, now: datetime, limit: int | None = None) -> list[FeedPost]:
        """The posts whose time has come since the last call (none twice), `limit` at
        most (the next call gives the rest)."""
        upto = bisect_right(self._times, now)
        if limit is not None:
            upto = min(upto, self._released + max(1, limit))
        if upto <= self._released:
            return []
        new = self.posts[self._released:upto]
        self._released = upto
        return new

    @property
    def finished(self) -> bool:
        return self._released >= len(self.posts)
