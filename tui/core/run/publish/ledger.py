"""What the as-run log says about posting: per cue and network, each part's state.

A part is `open` from its `post-intent` until a `post-done` or `post-failed` with the
same key: a crash in between leaves it open, and `publisher.settle` asks the server
before anything is sent again. A `post-deleted` (undo) clears the cue on that network
and starts a new generation, so its next keys differ from the deleted post's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from tui.core.run.asrun import Event

PartState = Literal["open", "done", "failed"]


@dataclass(frozen=True, slots=True)
class PartRecord:
    """One part of a cue on one network, as the log last said it."""

    cue: str
    network: str
    part: int
    parts: int
    key: str
    state: PartState
    clock: datetime
    wall: datetime
    uri: str | None = None
    url: str | None = None
    cid: str | None = None
    reason: str | None = None


@dataclass(slots=True)
class CueOnNetwork:
    """Every part of one cue on one network in the current generation."""

    records: dict[int, PartRecord] = field(default_factory=dict)
    generation: int = 0

    @property
    def done(self) -> list[PartRecord]:
        return [r for _, r in sorted(self.records.items()) if r.state == "done"]

    @property
    def open(self) -> list[PartRecord]:
        return [r for _, r in sorted(self.records.items()) if r.state == "open"]

    @property
    def last_failure(self) -> PartRecord | None:
        failed = [r for r in self.records.values() if r.state == "failed"]
        return max(failed, key=lambda r: r.wall) if failed else None

    @property
    def parts(self) -> int | None:
        """How many parts the posting had, once one of them was sent."""
        return max((r.parts for r in self.records.values()), default=None)

    @property
    def whole(self) -> bool:
        """Every part of it is posted."""
        parts = self.parts
        return parts is not None and len(self.done) == parts


@dataclass(slots=True)
class Ledger:
    """Every cue's posts, by (cue, network)."""

    cues: dict[tuple[str, str], CueOnNetwork] = field(default_factory=dict)
    reposts: dict[tuple[str, str], Event] = field(default_factory=dict)
    """(network, the reposted post's uri, kept as the event's key) -> the repost."""

    def of(self, cue: str, network: str) -> CueOnNetwork:
        return self.cues.get((cue, network)) or CueOnNetwork()

    def apply(self, event: Event) -> None:
        if event.kind == "repost" and event.network and event.key:
            self.reposts[(event.network, event.key)] = event
            return
        if not event.kind.startswith("post-") or event.cue is None or event.network is None:
            return
        slot = self.cues.setdefault((event.cue, event.network), CueOnNetwork())
        if event.kind == "post-deleted":
            slot.records.pop(event.part or 1, None)
            slot.generation += 1  # every key after a deletion is new
            return
        if event.key is None:
            return
        part = event.part or 1
        previous = slot.records.get(part)
        if event.kind == "post-intent":
            if previous is not None and previous.state == "done":
                return  # a late intent never hides a post that is there
            state: PartState = "open"
        elif event.kind == "post-done":
            state = "done"
        else:
            if previous is not None and previous.state == "done":
                return
            state = "failed"
        slot.records[part] = PartRecord(
            event.cue, event.network, part, event.parts or 1, event.key, state,
            event.clock, event.wall,
            uri=event.uri or (previous.uri if previous else None),
            url=event.url or (previous.url if previous else None),
            cid=event.cid or (previous.cid if previous else None),
            reason=event.reason)

    def open_intents(self) -> list[PartRecord]:
        return [r for slot in self.cues.values() for r in slot.open]


def ledger(events: Iterable[Event]) -> Ledger:
    book = Ledger()
    for event in events:
        book.apply(event)
    return book
