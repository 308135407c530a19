"""NFC normalisation, and the way back from an index in the NFC text to the original.

Counters work on the NFC form (what the platforms store), but the editor shows the
text as typed: an overflow found in the NFC text has to be placed in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from tui.core.counting.data import data_text

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
    if index >= len(normalized):
        return len(text)
    if unicodedata.is_normalized("NFD", text):
        # NFD of a prefix of the NFC text is a prefix of the text, up to the segment
        # holding `index` at most: its start is the first boundary back from there.
        found = len(unicodedata.normalize("NFD", normalized[:index]))
        while found > 0 and not _is_boundary(text[found]):
            found -= 1
        return found
    changing = _changing()
    if changing is None:
        return _segment_start(text, 0, len(text), 0, index)
    # Between the stretches that NFC may change (a character it changes or joins to
    # the one before, with that one), the text maps one to one: only those stretches
    # are normalised, and only the one holding `index` is walked segment by segment.
    shift = 0  # len(normalized[:i + shift]) == len(text[:i]) + shift past each stretch
    for stretch in changing.finditer(text):
        start, end = max(stretch.start() - 1, 0), stretch.end()
        if index < start + shift:
            return index - shift
        size = len(unicodedata.normalize("NFC", text[start:end]))
        if index < start + shift + size:
            return _segment_start(text, start, end, start + shift, index)
        shift += size - (end - start)
    return min(index - shift, len(text))


def _segment_start(text: str, start: int, end: int, normalized_start: int, index: int) -> int:
    """Where the segment of text[start:end] that NFC makes cover `index` starts (a
    segment starts at each character NFC never joins to the one before); `end` if none.
    `text[start]` starts a segment, and `normalized_start` is where it lands in NFC."""
    segment_start = start
    for position in range(start + 1, end + 1):
        if position < end and not _is_boundary(text[position]):
            continue
        normalized_end = normalized_start + len(
            unicodedata.normalize("NFC", text[segment_start:position])
        )
        if index < normalized_end:
            return segment_start
        segment_start, normalized_start = position, normalized_end
    return end


@cache
def _changing() -> re.Pattern[str] | None:
    """Runs of the characters NFC may change or join to the one before them, from
    `nfc_changing.txt`; None when this Python's Unicode data is not the file's."""
    lines = data_text("nfc_changing.txt").splitlines()
    if lines[0] != f"# Unicode {unicodedata.unidata_version}":
        return None
    ranges = [line.split("-") for line in lines if line and not line.startswith("#")]
    return re.compile(
        "[" + "".join(f"\\U{int(low, 16):08x}-\\U{int(high, 16):08x}" for low, high in ranges)
        + "]+"
    )


def changing_ranges() -> list[tuple[int, int]]:
    """The characters NFC may change or join to the one before, from this Python's
    Unicode data, as ranges (slow: for `nfc_changing.txt` and its test)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x110000):
        char = chr(code)
        if _is_boundary(char) and unicodedata.normalize("NFC", char) == char:
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


def changing_file_text() -> str:
    """What `nfc_changing.txt` holds for this Python. To write it again:
    python -c "from tui.core.counting.normalization import changing_file_text as t;
    print(t(), end='')" > tui/core/counting/nfc_changing.txt
    """
    lines = [f"# Unicode {unicodedata.unidata_version}",
             "# Characters that NFC may change or join to the one before (see normalization.py)."]
    lines += [f"{low:04X}-{high:04X}" for low, high in changing_ranges()]
    return "\n".join(lines) + "\n"
