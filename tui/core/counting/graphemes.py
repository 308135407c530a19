"""User-perceived characters (extended grapheme clusters, UAX #29), as Bluesky,
Mastodon and Threads count them.

The `regex` module's `\\X` follows the current Unicode segmentation rules (emoji ZWJ
sequences, flags, Indic conjuncts); the standard library has no equivalent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex  # type: ignore[import-untyped]

_CLUSTER: Any = regex.compile(r"\X")


def grapheme_count(text: str) -> int:
    """How many grapheme clusters `text` holds."""
    if text.isascii():
        # In ASCII only CR LF joins two code points into one cluster.
        return len(text) - text.count("\r\n")
    return len(_CLUSTER.findall(text))


def grapheme_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """`(start, end)` of each cluster of `text[start:end]`, left to right."""
    stop = len(text) if end is None else end
    for match in _CLUSTER.finditer(text, start, stop):
        yield match.span()
