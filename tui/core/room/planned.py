"""What the plan tells the feed: who hosts, who the guests are, how the questions read."""

from __future__ import annotations

from tui.core.feed.attribution import Attributor
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan


def attributor_for(plan: Plan, book: DraftBook | None = None) -> Attributor:
    drafts = (book or DraftBook(plan)).drafts
    texts = {d.cue.number: d.text for d in drafts
             if d.cue.kind == "question" and d.cue.number is not None and (d.part or 1) == 1}
    guests = tuple(g.handle for g in plan.guests if g.handle)
    return Attributor(plan.chat.host, guests, len(plan.questions), texts)
