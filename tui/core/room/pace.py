"""The pace of each question: how fast its answers come, now and over the hour.

The guide asks every question or only some "depending on the flow": the pace line puts
the flow in figures where the next question is ("Q3 · 14 answers from 9 people · 4/min,
slowing"), so moving on is a decision with data. Its rate is the answers of the last
five minutes (or of the minutes since the question, when fewer); its trend compares the
last half of that window with the half before it.

After the chat, each question's answer curve (answers per minute from when it was asked)
is for the report, the recap and its chart: `answer_curves`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from tui.core.feed.attribution import Attributed
from tui.core.feed.counts import answers_line
from tui.core.text.numbers import decimal
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words

WINDOW = timedelta(minutes=5)
Trend = Literal["rising", "steady", "slowing", "quiet"]
MAX_CURVE_MINUTES = 24 * 60
"""A curve is cut there: a post dated years later (anyone writes Bluesky's createdAt)
must not make a list of millions of minutes."""


@dataclass(frozen=True, slots=True)
class Pace:
    question: int
    answers: int
    people: int
    per_minute: float
    """Answers per minute over the last five minutes (since the question, when less)."""
    trend: Trend | None
    """None in the question's first half window: too early to say."""

    def line(self, language: Language) -> str:
        """ "Q3 · 14 answers from 9 people · 4/min, slowing"."""
        words = Words(language)
        rate = words("feed.pace_rate", rate=per_minute_text(self.per_minute, language))
        if self.trend is not None:
            rate = words("feed.pace_trend", rate=rate, trend=words(f"feed.trend_{self.trend}"))
        return f"Q{self.question} · {answers_line(self.answers, self.people, language)} · {rate}"


def per_minute_text(rate: float, language: Language) -> str:
    """4, 2.5 (2,5 in French), 0.2: whole numbers from 10 up, one decimal below."""
    rate = round(rate, 1)  # 1.96 reads "2", never "2.0"
    return decimal(rate, language, ".0f" if rate >= 10 or rate == int(rate) else ".1f")


def pace(items: Iterable[Attributed], question: int, asked: datetime | None,
         now: datetime, window: timedelta = WINDOW) -> Pace:
    """The pace of `question` at `now`, from every (unmuted) post; `asked` is when the
    question went out (None: from its first answer)."""
    times = sorted(item.post.created_at for item in _answers(items, question))
    people = len({item.post.author.lower() for item in _answers(items, question)})
    seen = [moment for moment in times if moment <= now]
    begin = asked if asked is not None else (seen[0] if seen else now)
    span = min(window, max(now - begin, timedelta(0)))
    start = now - span
    recent = [moment for moment in seen if moment > start]
    minutes = span / timedelta(minutes=1)
    per_minute = len(recent) / minutes if minutes >= 1 else float(len(recent))
    return Pace(question, len(seen), people, per_minute, _trend(recent, now, span, window))


def _answers(items: Iterable[Attributed], question: int) -> list[Attributed]:
    return [item for item in items if item.answers == question]


def _trend(recent: list[datetime], now: datetime, span: timedelta,
           window: timedelta) -> Trend | None:
    if not recent:
        return "quiet" if span >= window / 2 else None
    if span < window / 2:
        return None
    middle = now - span / 2
    before = sum(1 for moment in recent if moment <= middle)
    after = len(recent) - before
    # A quarter more (or fewer), and at least two: one answer more is no trend.
    margin = max(2.0, 0.25 * max(before, after))
    if after - before >= margin:
        return "rising"
    if before - after >= margin:
        return "slowing"
    return "steady"


def asked_times(items: Iterable[Attributed], asked: Mapping[int, datetime]) -> dict[int, datetime]:
    """When each question went out: the run's mark (`asked`), else the host's earliest
    question post seen in the feed."""
    times = dict(asked)
    for item in items:
        number = item.asks
        if item.kind != "host" or number is None or number in asked:
            continue
        known = times.get(number)
        if known is None or item.post.created_at < known:
            times[number] = item.post.created_at
    return times


SPARKS = "▁▂▃▄▅▆▇█"
SPARK_MINUTES = 40


def sparkline(series: Sequence[int], width: int = SPARK_MINUTES) -> str:
    """A curve in block characters, one a minute (the first `width` minutes, then …)."""
    shown = series[:width]
    top = max(shown, default=0)
    if top <= 0:
        return SPARKS[0] * len(shown)
    line = "".join(SPARKS[0] if n <= 0 else SPARKS[min(len(SPARKS) - 1,
                                                        math.ceil(n * len(SPARKS) / top) - 1)]
                   for n in shown)
    return line + ("…" if len(series) > width else "")


@dataclass(frozen=True, slots=True)
class AnswerCurve:
    """A question's answers per minute: minute 0 starts at `start` (when it was asked,
    else its first answer); answers made before that count in minute 0."""

    question: int
    start: datetime | None
    """None when the question was neither asked nor answered."""
    asked: datetime | None
    per_minute: tuple[int, ...]

    @property
    def answers(self) -> int:
        return sum(self.per_minute)

    @property
    def peak(self) -> int:
        return max(self.per_minute, default=0)

    def line(self, language: Language) -> str:
        """ "peak 4/min · ▁▃█▅▂▁" for the report; empty without an answer."""
        if not self.answers:
            return ""
        return Words(language)("feed.curve", peak=self.peak, line=sparkline(self.per_minute))


def answer_curves(items: Iterable[Attributed], asked: Mapping[int, datetime],
                  questions: Iterable[int]) -> list[AnswerCurve]:
    """Each question's curve, in the order of `questions`; a question with neither an
    ask time nor an answer has an empty curve."""
    by_question: dict[int, list[datetime]] = {}
    for item in items:
        if item.answers is not None:
            by_question.setdefault(item.answers, []).append(item.post.created_at)
    curves = []
    for number in questions:
        times = sorted(by_question.get(number, []))
        when = asked.get(number)
        start = when if when is not None else (times[0] if times else None)
        if start is None:
            curves.append(AnswerCurve(number, None, None, ()))
            continue
        minutes = [max(0, math.floor((moment - start) / timedelta(minutes=1)))
                   for moment in times]
        minutes = [m for m in minutes if m < MAX_CURVE_MINUTES]
        series = [0] * (max(minutes) + 1 if minutes else 0)
        for minute in minutes:
            series[minute] += 1
        curves.append(AnswerCurve(number, start, when, tuple(series)))
    return curves
