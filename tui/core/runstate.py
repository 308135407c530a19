"""The state of a run, folded from the as-run log, and what it means at a given moment.

Everything here is a pure function of (plan, schedule, events, now): the screen asks
"what is the state at `now`?" at every tick rather than counting ticks, so nothing
drifts, and reopening a plan replays its log into exactly the same state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from tui.core.asrun import Event
from tui.core.countdown import Countdown, whole_second
from tui.core.model import ChecklistItem, Phase, Plan
from tui.core.schedule import Cue

CueStatus = Literal["upcoming", "due", "posted", "skipped"]

# The events that `u` can take back, newest first.
UNDOABLE = frozenset({"mark", "skip", "shift"})


@dataclass(frozen=True, slots=True)
class Shift:
    seconds: int
    cues: frozenset[str]


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    clock: datetime


@dataclass(slots=True)
class RunState:
    """What the log says happened, independent of the time now."""

    posted: dict[str, datetime] = field(default_factory=dict)
    """Cue id -> the run's time at which it was marked posted."""
    skipped: set[str] = field(default_factory=set)
    shifts: list[Shift] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)
    ticks: dict[int, bool] = field(default_factory=dict)
    """Checklist index -> done, as ticked during runs (the plan file may lag behind)."""
    undo_stack: list[Event] = field(default_factory=list)

    def done(self, cue_id: str) -> bool:
        return cue_id in self.posted or cue_id in self.skipped

    def apply(self, event: Event) -> None:
        """Fold one more event into the state."""
        if event.kind in UNDOABLE:
            self.undo_stack.append(event)
            self._replay_undoable()
        elif event.kind == "undo" and self.undo_stack:
            self.undo_stack.pop()
            self._replay_undoable()
        elif event.kind == "tick" and event.item is not None and event.done is not None:
            self.ticks[event.item] = event.done
        elif event.kind == "reply" and event.text is not None:
            self.replies.append(Reply(event.text, event.clock))

    def _replay_undoable(self) -> None:
        # Recomputed from the events still in force, so an undo restores exactly what was
        # there before (a cue skipped, then marked, then unmarked is skipped again).
        self.posted, self.skipped, self.shifts = {}, set(), []
        for event in self.undo_stack:
            if event.kind == "mark" and event.cue is not None:
                self.posted[event.cue] = event.clock
                self.skipped.discard(event.cue)
            elif event.kind == "skip" and event.cue is not None:
                self.skipped.add(event.cue)
                self.posted.pop(event.cue, None)
            elif event.kind == "shift" and event.seconds is not None:
                self.shifts.append(Shift(event.seconds, frozenset(event.cues)))

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def last_undoable(self) -> Event | None:
        return self.undo_stack[-1] if self.undo_stack else None

    @property
    def shifted_seconds(self) -> int:
        return sum(s.seconds for s in self.shifts)


def fold(events: Iterable[Event]) -> RunState:
    state = RunState()
    for event in events:
        state.apply(event)
    return state


# --- time-dependent views ------------------------------------------------------------


def effective_at(state: RunState, cue: Cue) -> datetime:
    """The cue's planned time moved by every shift that applied to it."""
    moved = sum(s.seconds for s in state.shifts if cue.id in s.cues)
    return cue.at + timedelta(seconds=moved)


def cue_status(state: RunState, cue: Cue, now: datetime) -> CueStatus:
    if cue.id in state.posted:
        return "posted"
    if cue.id in state.skipped:
        return "skipped"
    return "due" if effective_at(state, cue) <= now else "upcoming"


def projected_end(plan: Plan, state: RunState) -> datetime:
    """The end, moved by the shifts (a shift moves everything still to come)."""
    return plan.chat.end_at + timedelta(seconds=state.shifted_seconds)


def phase_at(plan: Plan, state: RunState, now: datetime) -> Phase:
    if now < plan.chat.start_at:
        return "before"
    if now >= projected_end(plan, state):
        return "after"
    return "during"


def stale(plan: Plan, state: RunState, cues: Sequence[Cue], cue: Cue, now: datetime) -> bool:
    """A promotion cue left behind: due, not done, and no longer worth posting.

    Cues planned before the chat are stale once it has started, or once a later one of
    them is due too. `next_cue` passes over them; the screen shows them as missed.
    """
    if cue.offset >= 0 or state.done(cue.id) or effective_at(state, cue) > now:
        return False
    if now >= plan.chat.start_at:
        return True
    return any(
        c.offset < 0 and c.offset > cue.offset and effective_at(state, c) <= now for c in cues
    )


def next_cue(plan: Plan, state: RunState, cues: Sequence[Cue], now: datetime) -> Cue | None:
    """The cue the moderator should post next, or None when nothing is left.

    The first cue neither posted nor skipped, in schedule order, except stale promotion
    (see `stale`): once the chat has started, cues planned before it no longer count;
    before it, a promotion post whose time has passed is superseded by a later one
    already due, posted or not (a missed two-weeks-before post is pointless once the
    one-week post is due, and still pointless once that one is out).
    """
    for cue in cues:
        if not state.done(cue.id) and not stale(plan, state, cues, cue, now):
            return cue
    return None


def countdown(plan: Plan, state: RunState, cues: Sequence[Cue], now: datetime) -> Countdown:
    """The countdown at `now`, to the whole second the header's clock shows."""
    now = whole_second(now)
    phase = phase_at(plan, state, now)
    upcoming = next_cue(plan, state, cues, now)
    start = plan.chat.start_at
    end = projected_end(plan, state)
    if phase == "before":
        return Countdown(phase, "to-start", start - now, upcoming, None)
    if phase == "after":
        return Countdown(phase, "since-end", now - end, upcoming, None)
    if upcoming is None:
        return Countdown(phase, "to-cue", end - now, None, end - now)
    at = effective_at(state, upcoming)
    if at < now:
        return Countdown(phase, "overrun", now - at, upcoming, end - now)
    return Countdown(phase, "to-cue", at - now, upcoming, end - now)


def shift_for(
    plan: Plan, state: RunState, cues: Sequence[Cue], now: datetime
) -> tuple[int, tuple[str, ...]] | None:
    """The shift that would absorb the current overrun: seconds and the cues it moves.

    None when nothing runs late. Every cue of the chat not yet posted or skipped moves
    by the same amount, so the spacing the moderator planned is kept.
    """
    if now < plan.chat.start_at:
        return None
    upcoming = next_cue(plan, state, cues, now)
    if upcoming is None:
        return None
    late = int((now - effective_at(state, upcoming)).total_seconds())
    if late <= 0:
        return None
    moved = tuple(c.id for c in cues if c.offset >= 0 and not state.done(c.id))
    return late, moved


def questions_left(state: RunState, cues: Sequence[Cue]) -> int:
    return sum(1 for c in cues if c.kind == "question" and not state.done(c.id))


def run_over(plan: Plan, state: RunState, cues: Sequence[Cue], now: datetime) -> bool:
    """The run is over: past the (shifted) end, or the chat's last cue posted or skipped.

    The last cue is the thank-you in most plans; once it is out, the hour is done even
    if the moderator skipped through a question or two on the way.
    """
    if now >= projected_end(plan, state):
        return True
    in_chat = [c for c in cues if c.offset >= 0]
    return bool(in_chat) and state.done(in_chat[-1].id)


WaypointKind = Literal["cue", "start", "end"]


@dataclass(frozen=True, slots=True)
class Waypoint:
    """A moment a rehearsal can jump to: a cue's time, the chat's start or its end."""

    at: datetime
    kind: WaypointKind
    cue: Cue | None = None


def waypoints(plan: Plan, state: RunState, cues: Sequence[Cue]) -> list[Waypoint]:
    """Every cue's effective time, the start and the projected end, in time order; one
    waypoint per moment (the first cue in posting order wins a shared minute).

    Cues already posted or skipped are left out: jumping to them would land on nothing
    to do."""
    points = [Waypoint(effective_at(state, c), "cue", c) for c in cues if not state.done(c.id)]
    points.append(Waypoint(plan.chat.start_at, "start"))
    points.append(Waypoint(projected_end(plan, state), "end"))
    rank = {"start": 0, "cue": 1, "end": 2}
    points.sort(key=lambda w: (w.at, rank[w.kind]))
    kept: list[Waypoint] = []
    for point in points:
        if kept and kept[-1].at == point.at:
            # A cue at the start reads better than "start"; a cue at the end likewise.
            if kept[-1].kind == "start" and point.kind == "cue":
                kept[-1] = point
            continue
        kept.append(point)
    return kept


def waypoint_after(points: Sequence[Waypoint], now: datetime) -> Waypoint | None:
    return next((w for w in points if w.at > now), None)


def waypoint_before(
    points: Sequence[Waypoint], now: datetime, grace: timedelta = timedelta(0)
) -> Waypoint | None:
    """The last waypoint earlier than `now - grace`: pressed just after a jump, "back"
    goes to the cue before rather than to the one just reached."""
    earlier = [w for w in points if w.at < now - grace]
    return earlier[-1] if earlier else None


# --- the checklist ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    index: int
    """Position in the plan's `checklist` array (the id used by ticks)."""
    item: ChecklistItem
    done: bool
    overdue: bool


def item_done(state: RunState, index: int, item: ChecklistItem) -> bool:
    return state.ticks.get(index, item.done)


def checklist_groups(
    plan: Plan, state: RunState, now: datetime
) -> list[tuple[Phase, list[ChecklistEntry]]]:
    """The checklist grouped by phase, the current phase first, then in run order."""
    current = phase_at(plan, state, now)
    order: list[Phase] = ["before", "during", "after"]
    order.remove(current)
    order.insert(0, current)
    start = plan.chat.start_at
    groups: list[tuple[Phase, list[ChecklistEntry]]] = []
    for phase in order:
        entries = []
        for index, item in enumerate(plan.checklist):
            if item.phase != phase:
                continue
            done = item_done(state, index, item)
            overdue = (
                not done and item.due is not None and start + timedelta(minutes=item.due) <= now
            )
            entries.append(ChecklistEntry(index, item, done, overdue))
        if entries:
            groups.append((phase, entries))
    return groups
