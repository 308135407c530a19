"""NFC normalisation, and the way back from an index in the NFC text to the original.

Counters work on the NFC form (what the platforms store), but the editor shows the
text as typed: an overflow found in the NFC text has to be placed in the original.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Hangul vowels and trailing consonants compose with the syllable before them by an
# algorithm, not through decomposition data.
_HANGUL_JOINING = ((0x1161, 0x1175), (0x11A8, 0x11C2))
# Canonical pairs only exist below this code point (higher ones are singletons).
_PAIRS_BELOW = 0x20000


def nfc(text: str) -> str:
    """`text` in Normalisation Form C (cheap when it already is)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


@cache
def _joins_previous() -> frozenset[str]:
    """Starters that can compose with the character before them (NFC_Quick_Check=Maybe)."""
    second: set[str] = set()
    for code in range(0x300, _PAIRS_BELOW):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                second.add(chr(int(parts[1], 16)))
    for low, high in _HANGUL_JOINING:
        second.update(map(chr, range(low, high + 1)))
    return frozenset(c for c in second if unicodedata.combining(c) == 0)


def _is_boundary(char: str) -> bool:
    """True when NFC never joins `char` to what precedes it, nor reorders across it."""
    if char < "\u0300":
        return True
    if unicodedata.combining(char) or char in _joins_previous():
        return False
    return unicodedata.combining(unicodedata.normalize("NFD", char)[0]) == 0


def original_index(text: str, normalized: str, index: int) -> int:
    """The index in `text` that matches `index` in `normalized` (= nfc(text)).

    When `index` falls inside a run that NFC rewrites as a whole (a base letter and
    its accents), the start of that run is returned, so `text[:result]` normalises to
    a prefix of `normalized` no longer than `index`.
    """
    if text is normalized or text == normalized:
        return index
    segment_start = 0
    normalized_start = 0
    for position in range(1, len(text) + 1):
        if position < len(text) and not _is_boundary(text[position]):
            continue
        normalized_end = normalized_start + len(
            unicodedata.normalize("NFC", text[segment_start:position])
        )
        if index < normalized_end:
            return segment_start
        segment_start, normalized_start = position, normalized_end
    return len(text)
