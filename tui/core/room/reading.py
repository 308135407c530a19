"""Reading the stream without losing one's place: the pane's pause, as a pure model.

TweetChat and Twubs let hosts pause a fast stream. Here reading is the pause: once the
moderator moves up from the newest post, the list holds still (what arrives is counted,
"12 new", not shown) until they come back to the bottom, where it follows again.

Posts are named by their sequence number (their place in the order of arrival), never by
an index on screen: a post arriving, or a muted one leaving, moves no selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Reading:
    """Where the moderator is in the stream."""

    selected: int | None = None
    """The sequence number of the post read; None: following the newest."""
    held: int | None = None
    """The newest sequence number shown while reading; None: nothing held."""

    @property
    def following(self) -> bool:
        return self.selected is None


@dataclass(frozen=True, slots=True)
class Held(Generic[T]):
    """The list as shown: `shown` ends at the held post while reading; `new` is how many
    arrived since; `selected` is the index of the post read in `shown`, or None."""

    shown: tuple[T, ...]
    new: int
    selected: int | None


def view(reading: Reading, items: Sequence[T], seq: Callable[[T], int]) -> Held[T]:
    """`items` (in order of arrival, muted ones already out) as the pane shows them."""
    if reading.held is None:
        return Held(tuple(items), 0, _index(items, seq, reading.selected))
    upto = reading.held
    cut = len(items)
    while cut > 0 and seq(items[cut - 1]) > upto:
        cut -= 1
    shown = tuple(items[:cut])
    return Held(shown, len(items) - cut, _index(shown, seq, reading.selected))


def move(reading: Reading, items: Sequence[T], seq: Callable[[T], int], step: int) -> Reading:
    """Up (`step` < 0) or down through what is shown. Leaving the newest post holds the
    list; reaching the bottom of the held list follows again (and shows the new ones)."""
    held = view(reading, items, seq)
    shown = held.shown
    if not shown:
        return Reading()
    current = len(shown) - 1 if held.selected is None else held.selected
    target = max(0, min(len(shown) - 1, current + step))
    if target == len(shown) - 1 and (step > 0 or reading.following):
        return Reading()  # at the bottom: follow, and the new posts show
    held_at = reading.held if reading.held is not None else seq(shown[-1])
    return Reading(seq(shown[target]), held_at)


def follow(reading: Reading) -> Reading:
    """Back to the newest post (`end`): the list follows the conversation again."""
    return replace(reading, selected=None, held=None)


def _index(items: Sequence[T], seq: Callable[[T], int], wanted: int | None) -> int | None:
    if wanted is None or not items:
        return None
    # The post read, or the nearest one before it still shown (it may have been muted).
    for index in range(len(items) - 1, -1, -1):
        if seq(items[index]) <= wanted:
            return index
    return 0
