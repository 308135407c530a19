"""X's weight of plain text: each code point on its own (config v3 of twitter-text)."""

from __future__ import annotations

import re

# From twitter-text config/v3.json: weight 100 (scale 100) in these ranges, 200 elsewhere.
LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
HEAVY_WEIGHT = 2

_LIGHT_RUNS = re.compile(
    "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in LIGHT_RANGES) + "]+"
)


def plain_weight(text: str) -> int:
    """Weight of `text` counting every code point on its own (no links, no emoji rule)."""
    if text.isascii():
        return len(text)
    # Deleting the light runs leaves the heavy code points (faster than finding them).
    return len(text) + len(_LIGHT_RUNS.sub("", text)) * (HEAVY_WEIGHT - 1)


# One byte per code point of a text, 1 where it is heavy: from the text in UTF-32, whose
# second byte says most (a BMP character is light below U+1100) and whose third byte is
# set for every character past the BMP (all heavy); the few heavy characters of
# U+2000-U+20FF are set apart.
_HEAVY_SECOND_BYTE = bytes(0 if byte < 0x11 or byte == 0x20 else 1 for byte in range(256))
_PAST_BMP = bytes([0] + [1] * 255)
_HEAVY_PUNCTUATION = re.compile("[\u200e\u200f\u2020-\u2031\u2038-\u20ff]")


def heavy_flags(text: str) -> bytes:
    """For each code point of `text`, 1 if it weighs HEAVY_WEIGHT, else 0.

    Counting these bytes (`flags.count(1, start, end)`) weighs any stretch of the text
    without cutting it or scanning it with a pattern again.
    """
    data = text.encode("utf-32-le", "surrogatepass")
    second = data[1::4]
    size = len(text)
    flags = (
        int.from_bytes(second.translate(_HEAVY_SECOND_BYTE), "little")
        | int.from_bytes(data[2::4].translate(_PAST_BMP), "little")
    ).to_bytes(size, "little")
    if 0x20 in second and (found := _HEAVY_PUNCTUATION.search(text)) is not None:
        marked = bytearray(flags)
        while found is not None:
            marked[found.start()] = 1
            found = _HEAVY_PUNCTUATION.search(text, found.end())
        flags = bytes(marked)
    return flags
