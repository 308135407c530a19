"""The state of a run, folded from the as-run log, and what it means at a given moment.

A plan on several networks has its marks per network: a mark or a skip names its network,
and a cue is done when it is posted or skipped on every network of the plan (`posted`
then holds its first post). A mark that names no network (every log written before
plans had several) is the cue on every network, so an old log counts for the plan's one
network; a skip that names none skips the cue where it is not posted yet (a cue posted on
X, then skipped, stays posted on X). `fold` without networks reads every mark as the
cue's, as it always did.

A cue split into a thread is one row per part (`thanks@58/1`, `thanks@58/2`), and its
parts need not be the same on every network: a thank-you may be two posts on X and one
on Mastodon. `fold` is then told the thread's rows (`Rows`): a part exists on the
networks that have it and is done once posted or skipped there; a mark or a skip on the
thread's own cue id (what posting logs: `thanks@58` on Bluesky) is every part of it on
that network.

Everything here is a pure function of (plan, schedule, events, now): the screen asks
"what is the state at `now`?" at every tick rather than counting ticks, so nothing
drifts, and reopening a plan replays its log into exactly the same state. What the
hour looks like at one moment (the countdown, the next cue, what was missed, each cue's
state in the one vocabulary the screen shows) is `tui.core.run.hour`'s; the checklist's
`tui.core.run.checklist`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from tui.core.plan.model import Phase, Plan
from tui.core.plan.networks import same_network
from tui.core.plan.schedule import Cue
from tui.core.run.asrun import Event

# The events that `u` can take back, newest first.
UNDOABLE = frozenset({"mark", "skip", "shift", "compress"})


@dataclass(frozen=True, slots=True)
class Shift:
    seconds: int
    cues: frozenset[str]
    moves_end: bool = True
    """A shift (`d`) moves the end with the cues; a compression keeps the end."""


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    clock: datetime


NetworkStatus = Literal["posted", "skipped"]


@dataclass(frozen=True, slots=True)
class Rows:
    """Where a plan's rows are not simply their cue on every network: the threads."""

    parts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """A threaded cue's id -> its rows' ids (`thanks@58` -> `thanks@58/1`, `…/2`)."""
    networks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """A row's id -> the networks it exists on, for a part some networks do not have."""


@dataclass(slots=True)
class RunState:
    """What the log says happened, independent of the time now."""

    networks: tuple[str, ...] = ()
    """The plan's networks; empty: one network, which every mark names."""
    rows: Rows = field(default_factory=Rows)
    """The threads' rows (see the module's notes)."""
    posted: dict[str, datetime] = field(default_factory=dict)
    """Cue id -> the run's time at which it was marked posted (on every network: its
    first post there)."""
    skipped: set[str] = field(default_factory=set)
    """Cue ids skipped (on every network)."""
    posted_on: dict[str, dict[str, datetime]] = field(default_factory=dict)
    """Cue id -> network -> when it was marked posted there (with `networks`)."""
    skipped_on: dict[str, set[str]] = field(default_factory=dict)
    """Cue id -> the networks it was skipped on (with `networks`)."""
    shifts: list[Shift] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)
    ticks: dict[int, bool] = field(default_factory=dict)
    """Checklist index -> done, as ticked during runs (the plan file may lag behind)."""
    undo_stack: list[Event] = field(default_factory=list)
    version: int = 0
    """Grows with every event folded in: what was computed from the state is stale."""

    def done(self, cue_id: str) -> bool:
        return cue_id in self.posted or cue_id in self.skipped

    def apply(self, event: Event) -> None:
        """Fold one more event into the state."""
        self.version += 1
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
        self.posted_on, self.skipped_on = {}, {}
        for event in self.undo_stack:
            if event.kind in ("mark", "skip") and event.cue is not None:
                network = self._network_of(event)
                for row in self.rows.parts.get(event.cue, (event.cue,)):
                    if network is None:
                        self._on_every_network(row, event.kind, event.clock)
                    elif network:
                        self._on_one_network(row, network, event.kind, event.clock)
            elif event.kind == "shift" and event.seconds is not None:
                self.shifts.append(Shift(event.seconds, frozenset(event.cues)))
            elif event.kind == "compress":
                for cue, seconds in zip(event.cues, event.moves, strict=False):
                    self.shifts.append(Shift(seconds, frozenset({cue}), moves_end=False))
                if event.seconds:  # the end back to the booked one, after shifts
                    self.shifts.append(Shift(event.seconds, frozenset()))
                for cue in event.skips:
                    self._on_every_network(cue, "skip", event.clock)

    def _network_of(self, event: Event) -> str | None:
        """The plan's network an event is about: None for every network, "" for one the
        plan does not run on (its marks count for nothing)."""
        if event.network is None or not self.networks:
            return None
        return next((n for n in self.networks if same_network(n, event.network)), "")

    def _on_every_network(self, cue: str, kind: str, clock: datetime) -> None:
        networks = self.networks_of(cue)
        if kind == "mark":
            self.posted[cue] = clock
            self.skipped.discard(cue)
            if networks:
                self.posted_on[cue] = dict.fromkeys(networks, clock)
                self.skipped_on.pop(cue, None)
        elif networks and self.posted_on.get(cue):
            # Posted somewhere already: skipping the cue is skipping the rest of it.
            for network in networks:
                if network not in self.posted_on[cue]:
                    self._on_one_network(cue, network, kind, clock)
        else:
            self.skipped.add(cue)
            self.posted.pop(cue, None)
            if networks:
                self.skipped_on[cue] = set(networks)
                self.posted_on.pop(cue, None)

    def _on_one_network(self, cue: str, network: str, kind: str, clock: datetime) -> None:
        networks = self.networks_of(cue)
        if network not in networks:
            return  # a part of a thread this network does not have
        posted = self.posted_on.setdefault(cue, {})
        skipped = self.skipped_on.setdefault(cue, set())
        if kind == "mark":
            posted[network] = clock
            skipped.discard(network)
        else:
            skipped.add(network)
            posted.pop(network, None)
        # Done when every network has it posted or skipped; posted when any has it.
        self.posted.pop(cue, None)
        self.skipped.discard(cue)
        if all(n in posted or n in skipped for n in networks):
            if posted:
                self.posted[cue] = min(posted.values())
            else:
                self.skipped.add(cue)

    def networks_of(self, cue_id: str) -> tuple[str, ...]:
        """The plan's networks the row exists on: every one, but for a part of a thread
        some networks do not have (empty without `networks`)."""
        return self.rows.networks.get(cue_id, self.networks) if self.networks else ()

    def on_network(self, cue_id: str, network: str) -> NetworkStatus | None:
        """Whether the cue is posted or skipped on `network`; None when it is not yet.
        Without `networks`, the cue's own state."""
        if not self.networks:
            return ("posted" if cue_id in self.posted
                    else "skipped" if cue_id in self.skipped else None)
        if network in self.posted_on.get(cue_id, {}):
            return "posted"
        if network in self.skipped_on.get(cue_id, set()):
            return "skipped"
        return None

    def networks_left(self, cue_id: str) -> tuple[str, ...]:
        """The plan's networks the cue still has to go out on, in the plan's order
        (with `networks`; empty without)."""
        return tuple(n for n in self.networks_of(cue_id) if self.on_network(cue_id, n) is None)

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def last_undoable(self) -> Event | None:
        return self.undo_stack[-1] if self.undo_stack else None

    @property
    def shifted_seconds(self) -> int:
        """How far the shifts (`d`) moved the end; a compression keeps it."""
        return sum(s.seconds for s in self.shifts if s.moves_end)


def fold(events: Iterable[Event], networks: Sequence[str] = (),
         rows: Rows | None = None) -> RunState:
    """The state the events leave, for a plan on `networks` whose threads are `rows`
    (see the module's notes)."""
    state = RunState(networks=tuple(networks), rows=rows or Rows())
    for event in events:
        state.apply(event)
    return state


# --- time-dependent views ------------------------------------------------------------


def effective_at(state: RunState, cue: Cue) -> datetime:
    """The cue's planned time moved by every shift that applied to it."""
    moved = sum(s.seconds for s in state.shifts if cue.id in s.cues)
    return cue.at + timedelta(seconds=moved)


def projected_end(plan: Plan, state: RunState) -> datetime:
    """The end, moved by the shifts (a shift moves everything still to come)."""
    return plan.chat.end_at + timedelta(seconds=state.shifted_seconds)


def phase_at(plan: Plan, state: RunState, now: datetime) -> Phase:
    if now < plan.chat.start_at:
        return "before"
    if now >= projected_end(plan, state):
        return "after"
    return "during"


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
