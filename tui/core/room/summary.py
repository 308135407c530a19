"""The conversation after the chat, from `PLAN.feed.jsonl` (or, for a rehearsal, the
conversation it replayed): for the report and exports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.core.feed.counts import ConversationCounts, answers_line
from tui.core.feed.post import FeedPost
from tui.core.feed.replay import Replay
from tui.core.feed.store import FeedFileError, feed_path_for, read_feed
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.room.pace import AnswerCurve, answer_curves, asked_times
from tui.core.room.planned import attributor_for


@dataclass(frozen=True, slots=True)
class Recording:
    """A conversation read from a file, and what could not be read of it."""

    posts: tuple[FeedPost, ...] = ()
    skipped_lines: tuple[int, ...] = ()
    """Lines of the file that are not posts (a crash's cut line is not one of them)."""
    problem: str | None = None
    """Why the file could not be read at all (`FILE: error: why`), when it could not."""
    path: Path | None = None
    replayed: bool = False
    """A past chat's conversation, replayed for a rehearsal (not this run's)."""


def recorded_posts(plan_path: Path) -> tuple[FeedPost, ...]:
    """The posts kept beside the plan; none when there is no (readable) feed file."""
    return recorded_feed(plan_path).posts


def recorded_feed(plan_path: Path) -> Recording:
    """The conversation kept beside the plan by a live run (`PLAN.feed.jsonl`); an
    empty recording when there is none."""
    return _read(feed_path_for(plan_path), missing_ok=True)


def replayed_feed(plan: Plan, replay: Path) -> Recording:
    """The conversation a rehearsal replayed from `replay`, at the times it was shown:
    shifted so that the recorded chat's start falls on the plan's (see `Replay`)."""
    try:
        found = read_feed(replay, missing_ok=False)
    except FeedFileError as error:
        return Recording(problem=str(error), path=replay, replayed=True)
    shifted = Replay(found.posts, found.start, plan.chat.start_at).posts
    return Recording(tuple(shifted), tuple(found.skipped_lines), None, replay, replayed=True)


def _read(path: Path, *, missing_ok: bool) -> Recording:
    try:
        found = read_feed(path, missing_ok=missing_ok)
    except FeedFileError as error:
        return Recording(problem=str(error), path=path)
    return Recording(tuple(found.posts), tuple(found.skipped_lines), None, path)


def count_posts(plan: Plan, posts: Sequence[FeedPost],
                book: DraftBook | None = None) -> ConversationCounts:
    attributor = attributor_for(plan, book)
    ordered = sorted(posts, key=lambda post: post.created_at)
    return ConversationCounts().add_all(attributor.add_all(ordered))


def answers_per_question(plan: Plan, counts: ConversationCounts,
                         curves: Sequence[AnswerCurve] = ()) -> list[str]:
    """ "Q1 · 14 answers from 9 people", one line per question of the plan, with its
    answer curve when given ("· peak 4/min · ▁▃█▅▂▁")."""
    language = plan.chat.language
    by_number = {curve.question: curve.line(language) for curve in curves}
    lines = []
    for n in range(1, len(plan.questions) + 1):
        line = f"Q{n} · {answers_line(*counts.answers(n), language)}"
        if by_number.get(n):
            line += f" · {by_number[n]}"
        lines.append(line)
    return lines


def question_curves(plan: Plan, posts: Sequence[FeedPost], asked: Mapping[int, datetime],
                    book: DraftBook | None = None) -> list[AnswerCurve]:
    """Each question's answers per minute from when it was asked (`asked`: the run's
    marks; the host's question posts seen fill the rest), Q1 first. Replies under the
    host's questions count, as in the run; leave muted accounts out of `posts` first."""
    items = attributor_for(plan, book).add_all(sorted(posts, key=lambda p: p.created_at))
    return answer_curves(items, asked_times(items, asked), range(1, len(plan.questions) + 1))

