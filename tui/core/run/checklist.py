"""The guide's checklist during a run: what is done, what is overdue, in which order.

One overdue rule for every surface: the run-sheet's badge and the pre-flight's list
(`tchat check`, the first screen) both ask `is_overdue`, so an item is never late on
one and on time on the other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.plan.model import ChecklistItem, Phase, Plan
from tui.core.plan.schedule import Cue
from tui.core.run.runstate import RunState, phase_at

ITEM_OWN_MINUTE = timedelta(seconds=60)
"""A checklist item's own minute, as a cue has one (`tui.core.run.hour.POST_NOW`): an
item due at the start is being done then, not overdue one second later."""


def due_at(item: ChecklistItem, start: datetime) -> datetime | None:
    """When the item is due, or None for an item without a due moment."""
    return None if item.due is None else start + timedelta(minutes=item.due)


def is_overdue(item: ChecklistItem, done: bool, start: datetime, now: datetime) -> bool:
    """The one overdue rule: not done, due, and past its own minute."""
    due = due_at(item, start)
    return not done and due is not None and due + ITEM_OWN_MINUTE <= now


def posted_kinds(state: RunState, cues: Iterable[Cue]) -> frozenset[str]:
    """The kinds of post marked posted so far ("welcome", "rules"...)."""
    return frozenset(cue.kind for cue in cues if cue.id in state.posted)


def item_done(state: RunState, index: int, item: ChecklistItem,
              posted: frozenset[str]) -> bool:
    """Ticked (or unticked) in the log; else done as the plan says, or by the posts that
    accomplish it (`done_with`, each kind listed in `posted`): the item "welcome the
    participants and recall the rules" ticks itself with the welcome and the rules. The
    plan file may lag behind the log."""
    accomplished = bool(item.done_with) and set(item.done_with or ()) <= posted
    return state.ticks.get(index, item.done or accomplished)


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    index: int
    """Position in the plan's `checklist` array (the id used by ticks)."""
    item: ChecklistItem
    done: bool
    overdue: bool
    reminder: bool = False
    """An item for the whole hour ("answer the public"): a reminder, never ticked."""


def checklist_groups(
    plan: Plan, state: RunState, cues: Iterable[Cue], now: datetime
) -> tuple[tuple[Phase, tuple[ChecklistEntry, ...]], ...]:
    """The checklist grouped by phase, the current phase first, then in run order."""
    posted = posted_kinds(state, cues)
    current = phase_at(plan, state, now)
    order: list[Phase] = ["before", "during", "after"]
    order.remove(current)
    order.insert(0, current)
    start = plan.chat.start_at
    groups: list[tuple[Phase, tuple[ChecklistEntry, ...]]] = []
    for phase in order:
        entries = []
        for index, item in enumerate(plan.checklist):
            if item.phase != phase:
                continue
            done = item_done(state, index, item, posted)
            reminder = phase == "during" and item.due is None
            # Only the current phase's items go overdue: during the hour, an invitation
            # not ticked in the before list is noise, not news.
            overdue = phase == current and not reminder and is_overdue(item, done, start, now)
            entries.append(ChecklistEntry(index, item, done, overdue, reminder))
        if entries:
            groups.append((phase, tuple(entries)))
    return tuple(groups)
