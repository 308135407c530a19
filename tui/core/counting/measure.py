"""Length and first overflow of a text made of plain stretches and whole-counted spans.

Every platform counts the same way: stretches of ordinary text, each unit (a code point
or a grapheme cluster) with its weight, and spans that count as a whole (a link, an
emoji sequence, a shortened mention). Only the weights differ.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

# (start, end, weight) of a span counted as a whole.
Entity = tuple[int, int, int]
# Weight of a stretch of plain text.
WeightOf = Callable[[str], int]
# The units of text[start:end] as (start, end, weight), left to right.
UnitsOf = Callable[[str, int, int], Iterable[Entity]]


def total_length(text: str, entities: Sequence[Entity], weight_of: WeightOf) -> int:
    total = 0
    position = 0
    for start, end, weight in entities:
        total += weight_of(text[position:start]) + weight
        position = end
    return total + weight_of(text[position:])


def first_overflow(
    text: str,
    entities: Sequence[Entity],
    limit: int,
    weight_of: WeightOf,
    units_of: UnitsOf,
) -> int | None:
    """Start of the first unit or span that takes the total past `limit`, or None."""
    total = 0
    position = 0
    for start, end, weight in [*entities, (len(text), len(text), 0)]:
        stretch = weight_of(text[position:start])
        if total + stretch > limit:
            if units_of is code_points:
                return _first_code_point_over(text, position, start, limit - total, weight_of)
            # Only the stretch that crosses the limit is walked unit by unit.
            for unit_start, _unit_end, unit_weight in units_of(text, position, start):
                total += unit_weight
                if total > limit:
                    return unit_start
        total += stretch
        if total + weight > limit:
            return start
        total += weight
        position = end
    return None


def code_points(text: str, start: int, end: int) -> Iterable[Entity]:
    """Marks a stretch whose weight adds up code point by code point (any cut is a unit
    boundary): `first_overflow` then bisects it instead of walking it."""
    raise NotImplementedError("a marker: first_overflow bisects such stretches")


def _first_code_point_over(
    text: str, start: int, end: int, room: int, weight_of: WeightOf
) -> int:
    """The first index of text[start:end] whose prefix weighs more than `room`."""
    low, high = start, end  # weight_of(text[start:high]) > room always holds
    while high - low > 1:
        middle = (low + high) // 2
        if weight_of(text[start:middle]) > room:
            high = middle
        else:
            low = middle
    return low
