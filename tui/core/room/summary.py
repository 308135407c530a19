"""The conversation after the chat, from `PLAN.feed.jsonl`: for the report and exports."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui.core.feed.counts import ConversationCounts, answers_line
from tui.core.feed.post import FeedPost
from tui.core.feed.store import FeedFileError, feed_path_for, read_feed
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.plan.networks import NETWORKS
from tui.core.room.planned import attributor_for


def recorded_posts(plan_path: Path) -> tuple[FeedPost, ...]:
    """The posts kept beside the plan; none when there is no (readable) feed file."""
    try:
        return tuple(read_feed(feed_path_for(plan_path)).posts)
    except FeedFileError:
        return ()


def count_posts(plan: Plan, posts: Sequence[FeedPost],
                book: DraftBook | None = None) -> ConversationCounts:
    attributor = attributor_for(plan, book)
    ordered = sorted(posts, key=lambda post: post.created_at)
    return ConversationCounts().add_all(attributor.add_all(ordered))


def answers_per_question(plan: Plan, counts: ConversationCounts) -> list[str]:
    """ "Q1 · 14 answers from 9 people", one line per question of the plan."""
    language = plan.chat.language
    return [f"Q{n} · {answers_line(*counts.answers(n), language)}"
            for n in range(1, len(plan.questions) + 1)]


def most_active(plan: Plan, counts: ConversationCounts, limit: int = 5) -> list[str]:
    """The participants who posted most, as @handles: neither the host nor a guest."""
    leave_out = [*(plan.chat.host_on(n) for n in NETWORKS),
                 *(h for g in plan.guests for _n, h in g.handles_on(NETWORKS))]
    attributor = attributor_for(plan)
    return ["@" + name for name in counts.most_active(limit * 3, leave_out)
            if not attributor.is_host(name) and not attributor.is_guest(name)][:limit]
