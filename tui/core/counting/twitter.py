"""X's post length: twitter-text's weighted length (config v3).

Input is NFC text. In v3 a code point in the light ranges weighs 1 and any other 2, an
emoji sequence weighs 2 in all, and a link weighs 23 whatever it holds. v2 is the same
without the emoji rule; it exists here only to check the counter against the v2
reference cases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

from tui.core.counting.emoji_sequences import emoji_sequence_spans
from tui.core.counting.measure import Entity
from tui.core.counting.urls import twitter_urls

# From twitter-text config/v3.json: weight 100 (scale 100) in these ranges, 200 elsewhere.
LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
HEAVY_WEIGHT = 2
EMOJI_WEIGHT = 2
URL_WEIGHT = 23
MAX_LENGTH = 280
LEGACY_MAX_LENGTH = 140
# Characters that make a post invalid on X whatever its length.
INVALID_CHARACTERS = "\ufffe\ufeff\uffff"
_INVALID = re.compile(f"[{INVALID_CHARACTERS}]")

_LIGHT_RUNS = re.compile(
    "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in LIGHT_RANGES) + "]+"
)


def plain_weight(text: str) -> int:
    """Weight of `text` counting every code point on its own (no links, no emoji rule)."""
    if text.isascii():
        return len(text)
    # Deleting the light runs leaves the heavy code points (faster than finding them).
    return len(text) + len(_LIGHT_RUNS.sub("", text)) * (HEAVY_WEIGHT - 1)


@lru_cache(maxsize=4096)
def _span_weight(span: str) -> int:
    # Spans are links and emoji sequences: the same few recur keystroke after keystroke.
    return plain_weight(span)


def weighted_length(text: str, found: Sequence[Entity]) -> int:
    """The weighted length of NFC `text` whose whole-counted spans are `found`."""
    total = plain_weight(text)
    for start, end, weight in found:
        total += weight - _span_weight(text[start:end])
    return total


def entities(text: str, *, emoji_discount: bool = True) -> list[Entity]:
    """Links and emoji sequences that X counts as a whole, in text order.

    Like twitter-text, a link wins over an emoji starting at the same place, and a span
    starting inside the one before it is not counted as a whole.
    """
    links = [(start, end, URL_WEIGHT) for start, end in twitter_urls().spans(text)]
    if not emoji_discount or text.isascii():
        return links
    emoji = [(start, end, EMOJI_WEIGHT) for start, end in emoji_sequence_spans(text)]
    if not links or not emoji:
        return links or emoji
    merged: list[Entity] = []
    resume = 0
    # The sort is stable, so at the same start a link stays before an emoji.
    for start, end, weight in sorted(links + emoji, key=itemgetter(0)):
        if start >= resume:
            merged.append((start, end, weight))
            resume = end
    return merged


def first_invalid(text: str) -> int | None:
    """Index of the first character X refuses in any post, or None."""
    if text.isascii():
        return None
    found = _INVALID.search(text)
    return None if found is None else found.start()
