"""One line per source saying how the feed is doing; never a traceback.

Several Mastodon servers are one source each (each has its own rate limit and its own
failures) but one line on screen: "Mastodon · 2 of 3 servers answer · 42 posts · updated
18:12:05", then the failing servers' own lines. What the replies under the questions
left out (a thread cut at its bound, one that could not be read) follows as notes.

What went wrong is kept as words to say (`Said`: a key of the words table and its
fields), not as a sentence, so the pane and `tchat feed` say it in the plan's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Literal

from tui.core.text.said import Said as Said
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words

NoteKind = Literal["cut", "deep", "failed"]


@dataclass(frozen=True, slots=True)
class ThreadNote:
    """What reading the replies under question `question` left out, or why it failed."""

    question: int
    kind: NoteKind
    count: int = 0
    """Replies left out ("deep"), or the bound reached ("cut")."""
    limit: int = 0
    why: Said | str = ""
    """For "failed": the failure, one line (already names the server)."""

    def line(self, language: Language) -> str:
        words = Words(language)
        if self.kind == "cut":
            return words("feed.thread_cut", question=self.question, limit=self.limit)
        if self.kind == "deep":
            return words("feed.thread_deep", question=self.question, n=self.count,
                         depth=self.limit)
        why = self.why.say(language) if isinstance(self.why, Said) else self.why
        return words("feed.thread_failed", question=self.question, why=why)


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
    server: str = ""
    """The server read, for a network with several (Mastodon)."""
    notes: tuple[ThreadNote, ...] = field(default_factory=tuple)
    """What the last reading of the replies under the questions left out."""

    @property
    def answering(self) -> bool:
        return self.updated is not None and self.offline_since is None

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


def status_lines(statuses: Sequence[SourceStatus], now: datetime, zone: tzinfo,
                 language: Language) -> list[str]:
    """A line per source; the servers of one network (same name, several servers) as
    one line saying how many answer, then each failing server's own line; notes last."""
    words = Words(language)
    lines: list[str] = []
    groups: dict[str, list[SourceStatus]] = {}
    for status in statuses:
        groups.setdefault(status.name, []).append(status)
    for name, group in groups.items():
        if len(group) == 1 or not all(s.server for s in group):
            lines += [s.line(now, zone, language) for s in group]
            continue
        answering = [s for s in group if s.answering]
        head = words("feed.servers", name=name, n=len(answering), total=len(group))
        if answering:
            # No count of posts here: a post two servers show is one post, and only the
            # conversation knows which.
            newest = max(s.updated for s in answering if s.updated is not None)
            head = words("feed.updated_at", name=head,
                         time=f"{newest.astimezone(zone):%H:%M:%S}")
        lines.append(head)
        lines += [s.line(now, zone, language) for s in group
                  if not s.answering and s.offline_since is not None]
    lines += [note.line(language) for status in statuses for note in status.notes]
    return lines
