"""What the plan tells the feed: who hosts, who the guests are, how the questions read."""

from __future__ import annotations

from tui.core.feed.attribution import Attributor
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.plan.networks import NETWORKS


def attributor_for(plan: Plan, book: DraftBook | None = None) -> Attributor:
    drafts = (book or DraftBook(plan)).drafts
    texts = {d.cue.number: d.text for d in drafts
             if d.cue.kind == "question" and d.cue.number is not None and (d.part or 1) == 1}
    # The feed reads several networks at once: a handle written for any of them counts.
    chat = plan.chat
    guests = tuple(dict.fromkeys(h for g in plan.guests for _n, h in g.handles_on(NETWORKS)))
    hosts = [h for h in dict.fromkeys(chat.host_on(n) for n in NETWORKS) if h]
    return Attributor(hosts[0] if hosts else "", guests, len(plan.questions), texts,
                      other_hosts=tuple(hosts[1:]))
