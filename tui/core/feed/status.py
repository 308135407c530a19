"""One line per source saying how the feed is doing; never a traceback.

What went wrong is kept as words to say (`Said`: a key of the words table and its
fields), not as a sentence, so the pane and `tchat feed` say it in the plan's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from tui.core.feed.plaintext import bounded, visible
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words

MAX_FIELD = 200
"""A field from outside (a server's name, what it answered) is cut to this."""


@dataclass(frozen=True, slots=True)
class Said:
    """Something to say in words: `Said.of("feed.unreachable", server=…, why=…)`.

    A field is a text (made visible and bounded: a server's answer may hold anything),
    a number, or words of its own, said in the same language."""

    key: str
    fields: tuple[tuple[str, str | int | Said], ...] = ()

    @classmethod
    def of(cls, key: str, **fields: str | int | Said) -> Said:
        return cls(key, tuple(fields.items()))

    def say(self, language: Language) -> str:
        values: dict[str, object] = {}
        for name, value in self.fields:
            if isinstance(value, Said):
                values[name] = value.say(language)
            elif isinstance(value, str):
                values[name] = bounded(visible(value), MAX_FIELD)
            else:
                values[name] = value
        return Words(language)(self.key, **values)


@dataclass
class SourceStatus:
    name: str
    posts: int = 0
    updated: datetime | None = None
    offline_since: datetime | None = None
    retry_at: datetime | None = None
    error: str | None = None
    """The last failure as a line already written (says the source's name)."""
    problem: Said | None = None
    """The last failure, to be said in the plan's language (`feed.failed`: the source's
    name, then why, naming the server and what it answered)."""

    @property
    def failing(self) -> bool:
        return self.problem is not None or self.error is not None

    def line(self, now: datetime, zone: tzinfo, language: Language) -> str:
        words = Words(language)
        if self.offline_since is not None and self.retry_at is not None:
            seconds = max(0, round((self.retry_at - now) / timedelta(seconds=1)))
            offline = words("feed.offline",
                            since=f"{self.offline_since.astimezone(zone):%H:%M}",
                            seconds=seconds)
            said = self.problem.say(language) if self.problem is not None else None
            return f"{said or self.error or self.name} · {offline}"
        if self.updated is None:
            return words("feed.waiting", name=self.name)
        return words("feed.updated", name=self.name, posts=words("feed.posts", n=self.posts),
                     time=f"{self.updated.astimezone(zone):%H:%M:%S}")
