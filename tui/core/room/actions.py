"""What the moderator does to the room, and what it adds up to.

Four actions: welcome people (they leave the list to welcome), mark a post handled (or
not handled again), mute an account, unmute it. Each is logged (`tui.core.run.roomlog`
turns them into as-run events and back), so a restart folds the same marks: the room
reads the run's log, never the other way round.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tui.core.feed.attribution import same_account


def account_name(author: str) -> str:
    """An account as the lists keep it: no leading @, its case kept for showing."""
    return author.strip().removeprefix("@")


@dataclass(frozen=True, slots=True)
class Welcomed:
    """A welcome reply was made (copied or posted) naming these accounts of a network."""

    network: str
    accounts: tuple[str, ...]
    text: str = ""


@dataclass(frozen=True, slots=True)
class Handled:
    """A post to answer was dealt with (`done`), or put back on the list."""

    network: str
    post: str
    done: bool = True


@dataclass(frozen=True, slots=True)
class Muted:
    """An account's posts leave the room (`on`), or come back."""

    account: str
    on: bool = True


RoomAction = Welcomed | Handled | Muted


@dataclass
class RoomMarks:
    """The actions folded: who was welcomed, which posts are handled, who is muted.

    The plan's `[feed] mute` list is where muting starts; an unmute in the log takes an
    account off it too (the log is the moderator's latest word)."""

    welcomed: set[tuple[str, str]] = field(default_factory=set)
    """(network, account lowercased)."""
    handled: dict[tuple[str, str], bool] = field(default_factory=dict)
    """(network, post id) -> handled."""
    muted: list[str] = field(default_factory=list)
    version: int = 0
    """Grows with every action: the room rebuilds its lists only when it moved."""

    @classmethod
    def starting(cls, plan_mutes: Iterable[str]) -> RoomMarks:
        marks = cls()
        for name in plan_mutes:
            marks.apply(Muted(name))
        return marks

    def apply(self, action: RoomAction) -> None:
        if isinstance(action, Welcomed):
            self.welcomed.update((action.network, account_name(a).lower())
                                 for a in action.accounts)
        elif isinstance(action, Handled):
            self.handled[(action.network, action.post)] = action.done
        else:
            name = account_name(action.account)
            if not name:
                return
            same = [m for m in self.muted if m.lower() == name.lower()]
            if action.on and not same:
                self.muted.append(name)
            elif not action.on:
                self.muted = [m for m in self.muted if m.lower() != name.lower()]
        self.version += 1

    def apply_all(self, actions: Iterable[RoomAction]) -> RoomMarks:
        for action in actions:
            self.apply(action)
        return self

    def is_muted(self, author: str) -> bool:
        return any(same_account(name, author) for name in self.muted)

    def is_welcomed(self, network: str, author: str) -> bool:
        return (network, account_name(author).lower()) in self.welcomed

    def is_handled(self, network: str, post: str) -> bool:
        return self.handled.get((network, post), False)
