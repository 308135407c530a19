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
