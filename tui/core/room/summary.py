"""The conversation after the chat, from `PLAN.feed.jsonl`: for the report and exports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.core.feed.counts import ConversationCounts, answers_line
from tui.core.feed.post import FeedPost
from tui.core.feed.store import FeedFileError, feed_path_for, read_feed
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.plan.networks import NETWORKS
from tui.core.room.pace import AnswerCurve, answer_curves, asked_times
from tui.core.room.planned import attributor_for


@dataclass(frozen=True, slots=True)
class Recorded:
    """The conversation kept beside the plan, as far as it could be read."""

    path: Path
    posts: tuple[FeedPost, ...] = ()
    problem: FeedFileError | None = None
    """Why the feed file could not be read at all (a FIFO, a device, a folder, over
    64 MB, not a feed file): the report and the exports go on without the conversation
    and say so."""
    skipped_lines: tuple[int, ...] = ()


def recorded_conversation(plan_path: Path) -> Recorded:
    """The posts kept beside the plan, read without ever blocking or failing."""
    path = feed_path_for(plan_path)
    try:
        feed = read_feed(path)
    except FeedFileError as error:
        return Recorded(path, problem=error)
    return Recorded(path, tuple(feed.posts), skipped_lines=tuple(feed.skipped_lines))


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


def most_active(plan: Plan, counts: ConversationCounts, limit: int = 5) -> list[str]:
    """The participants who posted most, as @handles: neither the host nor a guest."""
    leave_out = [*(plan.chat.host_on(n) for n in NETWORKS),
                 *(h for g in plan.guests for _n, h in g.handles_on(NETWORKS))]
    attributor = attributor_for(plan)
    return ["@" + name for name in counts.most_active(limit * 3, leave_out)
            if not attributor.is_host(name) and not attributor.is_guest(name)][:limit]
