"""Which network the draft pane shows, on a plan that runs on several at once.

The pane shows one network at a time (`1` `2` `3` `4` pick it by its place in the plan's
`platforms`); `c` copies that network's text and marks the cue posted there. The rules:

- **A row a network does not have** (the second part of a thank-you that Mastodon takes
  in one post) is shown on the first network that has it.
- **After a copy, or a skip on one network**, the pane goes to the next network, in the
  plan's order after the one just done (then round), that still needs this cue and that
  `P` is not posting it on: `c c c` posts one cue on three networks, in order. Once the
  cue is out everywhere (or on its way everywhere else), back to the plan's first
  network, where the next cue starts; so too when `P`'s posts come back whole.
- A plan reloaded without the network shown starts again on its first network.

On one network there is nothing to choose: `shown` is that network.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.run.plansource import Row
from tui.core.run.runstate import RunState


class Tabs:
    def __init__(self, networks: Sequence[str]) -> None:
        self.networks: tuple[str, ...] = tuple(networks)
        self.shown: str = self.networks[0]
        """The network the draft pane shows (when the selected row has it)."""

    @property
    def several(self) -> bool:
        return len(self.networks) > 1

    def follow(self, networks: Sequence[str]) -> None:
        """The plan's networks now (a reload may change them)."""
        networks = tuple(networks)
        if networks != self.networks:
            self.networks = networks
            if self.shown not in networks:
                self.shown = networks[0]

    def pick(self, place: int) -> str | None:
        """The network at `place` (from 1) shown from now on; None when there is none."""
        if not 1 <= place <= len(self.networks):
            return None
        self.shown = self.networks[place - 1]
        return self.shown

    def place(self, network: str) -> int:
        return self.networks.index(network) + 1 if network in self.networks else 0

    def for_row(self, row: Row) -> str:
        """The network the pane shows for `row`: the one picked, if the row has it."""
        networks = row.networks
        if not networks or self.shown in networks:
            return self.shown
        return networks[0]

    def after(self, row: Row, done: str, state: RunState,
              busy: Sequence[str] = ()) -> str | None:
        """Move to the next network that still needs `row` after `done` (and that `P` is
        not posting it on, `busy`); None (and back to the first network) when none does."""
        left = set(state.networks_left(row.id)) - set(busy)
        order = self.networks
        start = order.index(done) + 1 if done in order else 0
        for network in (*order[start:], *order[:start]):
            if network in left:
                self.shown = network
                return network
        self.shown = order[0]
        return None
