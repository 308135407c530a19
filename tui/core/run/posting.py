"""The run-sheet's posting (`P`), as the run desk keeps it between key presses.

Posting itself (intent on disk, the post, never twice) is `tui.core.run.publish`'s; the
calls run in a worker, since each may take up to 10 s. This is what the screen shows of
it and what the desk remembers:

- **on its way**: the cues being posted, and on which networks (the row says
  "posting…", each network's mark `…`);
- **failed**: the last failure on a network, in one line, until the cue goes out there;
- **asked**: the first `P` of a run names the accounts it posts as and asks once;
- **the last P**: what `u` right after it offers to delete, and the marks it made;
- **posted**: each post's link, from the log (`post-done`), per cue, network and part.

No Textual here, and no network: the worker's calls are made by the screen's posting
widget with posting's clients (`tui.post`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.core.plan.schedule import Cue
from tui.core.run.asrun import Event
from tui.core.run.publish.ledger import ledger


@dataclass(frozen=True, slots=True)
class PostOrder:
    """One `P`: what the worker posts (the cue's thread whole, on `networks`)."""

    row_id: str
    """The row `P` was pressed on (a thread's part: the whole thread is posted)."""
    cue: Cue
    """The cue as the plan has it (its own id, not a part's)."""
    label: str
    networks: tuple[str, ...]
    """The networks tchat posts to (those with an account that still need the cue)."""
    copied: tuple[str, ...] = ()
    """The networks whose text went to the clipboard at the same time (no account)."""
    preview: bool = False
    """A rehearsal's: shown, never sent."""


@dataclass(frozen=True, slots=True)
class LastPost:
    """What the last `P` did: what `u` right after it takes back."""

    order: PostOrder
    marks: tuple[Event, ...]
    """The marks it logged, one per network it went out on: `u` is "right after" it
    while they are the last things done."""


@dataclass(slots=True)
class Posting:
    in_flight: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """A cue's id -> the networks it is being posted on now."""
    failed: dict[tuple[str, str], str] = field(default_factory=dict)
    """(cue id, network) -> why it did not go out the last time, in one line."""
    asked: bool = False
    """The first `P` of the run was answered yes."""
    last: LastPost | None = None
    settled: bool = False
    """The open intents of an earlier run were looked at (once per run)."""
    latest: PostOrder | None = None
    """The last order started, while it is on its way: `u` then waits for it."""
    _links: tuple[tuple[int, int], dict[tuple[str, str], dict[int, str]]] = (
        (-1, -1), {})

    def links(self, events: Sequence[Event]) -> dict[tuple[str, str], dict[int, str]]:
        """(cue id, network) -> part -> the post's link, from the log's `post-done`
        lines (made again only when the log grew)."""
        key = (id(events), len(events))
        if key != self._links[0]:
            book = ledger(events)
            found: dict[tuple[str, str], dict[int, str]] = {}
            for (cue, network), slot in book.cues.items():
                parts = {r.part: r.url or r.uri or "" for r in slot.done}
                if parts:
                    found[(cue, network)] = parts
            self._links = (key, found)
        return self._links[1]

    def started(self, order: PostOrder) -> None:
        self.latest = order
        self.in_flight[order.cue.id] = order.networks
        for network in order.networks:
            self.failed.pop((order.cue.id, network), None)

    def finished(self, cue_id: str, failures: dict[str, str]) -> None:
        self.in_flight.pop(cue_id, None)
        if self.latest is not None and self.latest.cue.id == cue_id:
            self.latest = None
        for network, reason in failures.items():
            self.failed[(cue_id, network)] = reason
