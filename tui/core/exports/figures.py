"""The figures of one chat, computed in one place: the recap, the transcript, their
charts and the series all read them here, so a number never differs between two pages.

- The conversation is the posts made from ten minutes before the start to ten minutes
  after the real end (answers to the last question trickle in), each once, bare reposts
  left out (`tui.core.room.record`). Posts outside that window are counted, not shown.
- People are the distinct authors of those posts, the host not counted; guests are
  people too, marked as such. Posts are theirs: the host's own posts are not counted.
- A question was asked when the as-run log marks it posted (on any network, from its
  first post there), else when the feed saw the host post it (not in a rehearsal, whose
  replayed host posts belong to another run); only the answers to a
  question asked count as answers (the organisers' version, `--all`, counts the answers
  to every question of the plan).

Everything takes the posts as a parameter, so figures for one network are the same call
on that network's posts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.exports.context import ExportContext
from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.plan.schedule import Cue
from tui.core.room.record import published_conversation
from tui.core.run.asrun import Event
from tui.core.run.report import build_report
from tui.core.run.runstate import RunState, fold, projected_end

GRACE = timedelta(minutes=10)
"""How long before the start and after the real end a post still belongs to the chat."""
BUSY_SEGMENT = 10
"""Minutes in the "busiest part of the hour"."""


@dataclass(frozen=True, slots=True)
class Asked:
    """A question as it went out."""

    cue: Cue
    at: datetime
    post: FeedPost | None = None
    """The host's post that asked it, when the feed saw one."""

    @property
    def number(self) -> int:
        return self.cue.number or 0


@dataclass(frozen=True, slots=True)
class Person:
    handle: str
    """`@name` as the platform gives it (`@amara_k@social.example`)."""
    name: str
    guest: bool
    posts: int
    platform: str


@dataclass(frozen=True, slots=True)
class Minute:
    answers: int = 0
    others: int = 0

    @property
    def posts(self) -> int:
        return self.answers + self.others


@dataclass(frozen=True, slots=True)
class QuestionFigures:
    answers: int = 0
    people: int = 0


@dataclass(frozen=True, slots=True)
class HourFigures:
    start: datetime
    end: datetime
    """When the chat really ended: the planned end moved by its shifts, or its last
    post when that went out later still."""
    asked: tuple[Asked, ...]
    """The questions asked, in the order they were asked."""
    counted: frozenset[int]
    """The questions whose answers count: those asked (every one with `--all`)."""
    items: tuple[Attributed, ...]
    """The conversation inside the window, in order, the host's posts included."""
    outside: int
    """Posts left out for falling outside the window."""
    reposts: int
    people: tuple[Person, ...]
    """In the order they first posted."""
    by_question: Mapping[int, QuestionFigures]
    first_minute: int
    """The minute of `minutes[0]`, from the start (negative for posts before it)."""
    minutes: tuple[Minute, ...]
    """The people's posts, minute by minute, over the whole window they fill."""
    is_host: Callable[[str], bool]

    @property
    def posts(self) -> int:
        """The people's posts (the host's not counted), as the chart shows them."""
        return sum(minute.posts for minute in self.minutes)

    @property
    def answers(self) -> int:
        return sum(minute.answers for minute in self.minutes)

    @property
    def guests(self) -> int:
        return sum(1 for person in self.people if person.guest)

    def answer_to(self, item: Attributed) -> int | None:
        """The question `item` answers, when it is one that counts."""
        if item.kind == "host" or item.answers not in self.counted:
            return None
        return item.answers

    def answers_to(self, number: int) -> QuestionFigures:
        return self.by_question.get(number, QuestionFigures())

    def minute_of(self, moment: datetime) -> int:
        return math.floor((moment - self.start) / timedelta(minutes=1))

    def busiest(self, duration: int) -> tuple[int, int] | None:
        """The `BUSY_SEGMENT`-minute part of the planned hour with the most posts: (its
        first minute after the start, its posts); None when no post fell inside."""
        totals: dict[int, int] = {}
        for index, minute in enumerate(self.minutes):
            offset = self.first_minute + index
            if 0 <= offset < duration and minute.posts:
                first = offset // BUSY_SEGMENT * BUSY_SEGMENT
                totals[first] = totals.get(first, 0) + minute.posts
        if not totals:
            return None
        return min(totals.items(), key=lambda pair: (-pair[1], pair[0]))


def first_posted(state: RunState, cue_id: str) -> datetime | None:
    """When the cue first went out on any network: on a plan on several networks, the
    public saw it from its first post on (`state.posted` waits for every network)."""
    moment = state.posted.get(cue_id)
    if moment is not None:
        return moment
    return min(state.posted_on.get(cue_id, {}).values(), default=None)


def real_end(plan: Plan, state: RunState, events: Sequence[Event], book: DraftBook) -> datetime:
    """The planned end moved by the shifts, or the chat's last post when later still."""
    end = projected_end(plan, state)
    last = build_report(plan, events, book).last_posted
    if last is not None and last.actual is not None and last.actual > end:
        return last.actual
    return end


def hour_figures(
    plan: Plan, book: DraftBook, events: Sequence[Event], posts: Sequence[FeedPost], *,
    all_questions: bool = False, replayed: bool = False,
) -> HourFigures:
    state = fold(events, plan.chat.networks)
    start = plan.chat.start_at
    end = real_end(plan, state, events, book)
    conversation = published_conversation(plan, posts, book)
    asked = _asked(book, state, () if replayed else conversation.items)
    counted = {a.number for a in asked}
    if all_questions:
        counted |= set(range(1, len(plan.questions) + 1))
    low, high = start - GRACE, end + GRACE
    items = tuple(i for i in conversation.items if low <= i.post.created_at <= high)
    theirs = [i for i in items if not conversation.is_host(i.post.author)]

    def answer_to(item: Attributed) -> int | None:
        return item.answers if item.answers in counted else None

    def minute_of(item: Attributed) -> int:
        return math.floor((item.post.created_at - start) / timedelta(minutes=1))

    by_author: dict[str, list[Attributed]] = {}
    by_question: dict[int, list[Attributed]] = {}
    for item in theirs:
        by_author.setdefault(item.post.author.lower(), []).append(item)
        number = answer_to(item)
        if number is not None:
            by_question.setdefault(number, []).append(item)
    first = min([0, *(minute_of(i) for i in theirs)])
    last = max([-1, *(minute_of(i) for i in theirs)])
    span = max(last + 1, math.ceil((end - start) / timedelta(minutes=1))) - first
    answers, others = [0] * span, [0] * span
    for item in theirs:
        tally = others if answer_to(item) is None else answers
        tally[minute_of(item) - first] += 1
    return HourFigures(
        start=start, end=end, asked=asked, counted=frozenset(counted), items=items,
        outside=len(conversation.items) - len(items), reposts=conversation.reposts,
        people=tuple(
            Person("@" + posted[0].post.author, posted[0].post.name,
                   conversation.is_guest(posted[0].post.author), len(posted),
                   posted[0].post.platform)
            for posted in by_author.values()
        ),
        by_question={
            n: QuestionFigures(len(said), len({i.post.author.lower() for i in said}))
            for n, said in by_question.items()
        },
        first_minute=first,
        minutes=tuple(Minute(a, o) for a, o in zip(answers, others, strict=True)),
        is_host=conversation.is_host,
    )


def figures_of(ctx: ExportContext) -> HourFigures:
    """The figures every page made from this context shows."""
    return hour_figures(ctx.plan, ctx.book, ctx.events, ctx.feed,
                        all_questions=ctx.all_questions, replayed=ctx.replayed)


def _asked(book: DraftBook, state: RunState, items: Sequence[Attributed]) -> tuple[Asked, ...]:
    host_posts: dict[int, FeedPost] = {}
    for item in items:
        if item.asks is not None:
            host_posts.setdefault(item.asks, item.post)
    asked = []
    for cue in book.cues:
        if cue.kind != "question" or cue.number is None:
            continue
        post = host_posts.get(cue.number)
        marked = first_posted(state, cue.id)
        if marked is not None:
            asked.append(Asked(cue, marked, post))
        elif post is not None:
            asked.append(Asked(cue, post.created_at, post))
    return tuple(sorted(asked, key=lambda a: (a.at, a.number)))
