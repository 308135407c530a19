"""How the conversation went: answers per question, people, the busiest part of the hour.

The pane keeps only the last few hundred posts; the counts are kept here from all of
them, so a long, busy chat is counted whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from tui.core.feed.attribution import Attributed
from tui.core.feed.identity import same_account
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words


@dataclass
class QuestionCount:
    answers: int = 0
    by_person: Counter[str] = field(default_factory=Counter)
    """Answers per author: a revised post can take its answer back."""
    by_network: Counter[str] = field(default_factory=Counter)
    """Answers per network ("bluesky", "mastodon"): a chat on several networks sees
    where its answers come from."""

    @property
    def people(self) -> set[str]:
        return {name for name, n in self.by_person.items() if n > 0}


@dataclass
class ConversationCounts:
    """Running totals, fed one attributed post at a time."""

    by_question: dict[int, QuestionCount] = field(default_factory=dict)
    posts: int = 0
    authors: Counter[str] = field(default_factory=Counter)
    times: list[datetime] = field(default_factory=list)

    def add(self, item: Attributed) -> None:
        self.posts += 1
        author = item.post.author.lower()
        self.authors[author] += 1
        self.times.append(item.post.created_at)
        if item.answers is not None:
            self._answer(item.answers, author, item.post.platform, 1)

    def _answer(self, number: int, author: str, network: str, step: int) -> None:
        count = self.by_question.setdefault(number, QuestionCount())
        count.answers += step
        count.by_person[author] += step
        count.by_network[network] += step

    def revise(self, old: Attributed, new: Attributed) -> None:
        """One post answered for again (the same post, another question or none)."""
        author = new.post.author.lower()
        if old.answers is not None:
            self._answer(old.answers, author, old.post.platform, -1)
        if new.answers is not None:
            self._answer(new.answers, author, new.post.platform, 1)

    def add_all(self, items: Iterable[Attributed]) -> ConversationCounts:
        for item in items:
            self.add(item)
        return self

    def answers(self, number: int) -> tuple[int, int]:
        """(answers, people) for question `number`."""
        count = self.by_question.get(number)
        return (count.answers, len(count.people)) if count else (0, 0)

    def networks(self, number: int) -> tuple[tuple[str, int], ...]:
        """Question `number`'s answers per network, most first (ties by name); empty
        when they all come from one network (the total says it all)."""
        count = self.by_question.get(number)
        if count is None:
            return ()
        split = sorted(((network, n) for network, n in count.by_network.items() if n > 0),
                       key=lambda pair: (-pair[1], pair[0]))
        return tuple(split) if len(split) > 1 else ()

    @property
    def people(self) -> int:
        return len(self.authors)

    def most_active(self, limit: int = 3, leave_out: Iterable[str] = ()) -> list[str]:
        """The authors who posted most, busiest first (ties by name, for stable output),
        but those `leave_out` names (handles of the plan: the host, the guests)."""
        skipped = [name for name in leave_out if name.strip()]
        ranked = sorted(self.authors.items(), key=lambda pair: (-pair[1], pair[0]))
        return [name for name, _n in ranked
                if not any(same_account(handle, name) for handle in skipped)][:limit]

    def busiest_segment(
        self, start: datetime, minutes: int, segment: int = 10
    ) -> tuple[int, int] | None:
        """The `segment`-minute part of the hour with the most posts: (its first minute
        after the start, how many posts), or None when no post fell inside the hour."""
        buckets: Counter[int] = Counter()
        for moment in self.times:
            minute = (moment - start).total_seconds() / 60
            if 0 <= minute < minutes:
                buckets[int(minute // segment) * segment] += 1
        if not buckets:
            return None
        first, count = min(buckets.items(), key=lambda pair: (-pair[1], pair[0]))
        return first, count


def answers_line(answers: int, people: int, language: Language) -> str:
    """ "14 answers from 9 people", "1 réponse de 1 personne"."""
    words = Words(language)
    return words("feed.answers", n=answers) + words("feed.from_people", n=people)
