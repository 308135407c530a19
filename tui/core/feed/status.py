"""One line per source saying how the feed is doing; never a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from tui.core.text.vocabulary import Language
from tui.core.text.words import Words


@dataclass
class SourceStatus:
    name: str
    posts: int = 0
    updated: datetime | None = None
    offline_since: datetime | None = None
    retry_at: datetime | None = None
    error: str | None = None
    """The last failure, as one line (already says the source's name)."""

    def line(self, now: datetime, zone: tzinfo, language: Language) -> str:
        words = Words(language)
        if self.offline_since is not None and self.retry_at is not None:
            seconds = max(0, round((self.retry_at - now) / timedelta(seconds=1)))
            offline = words("feed.offline",
                            since=f"{self.offline_since.astimezone(zone):%H:%M}",
                            seconds=seconds)
            return f"{self.error or self.name} · {offline}"
        if self.updated is None:
            return words("feed.waiting", name=self.name)
        return words("feed.updated", name=self.name, posts=words("feed.posts", n=self.posts),
                     time=f"{self.updated.astimezone(zone):%H:%M:%S}")
