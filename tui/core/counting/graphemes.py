"""User-perceived characters (extended grapheme clusters, UAX #29), as Bluesky,
Mastodon and Threads count them.

The `regex` module's `\\X` follows the current Unicode segmentation rules (emoji ZWJ
sequences, flags, Indic conjuncts); the standard library has no equivalent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import regex  # type: ignore[import-untyped]

_CLUSTER: Any = regex.compile(r"\X")

# Characters that never join a neighbour into one cluster: no marks, joiners, Prepend,
# Hangul jamo, regional indicators, Indic consonants, CR. (A few are pictographs, such as
# "©", which only join through a ZWJ, and a ZWJ is never in this set.) Between two of
# them there is always a cluster boundary, so only the text around other characters
# needs `\X`, which is slow when run over a whole post.
_LONE = (
    "\t\n\u0020-\u007e\u00a0-\u02ff\u0370-\u03ff\u0400-\u0482\u048a-\u052f"
    "\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u303f\u3041-\u3096"
    "\u30a1-\u30fa\u30fc-\u30ff\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff9d"
)
_JOINING_RUNS = re.compile(f"[^{_LONE}]+")


def grapheme_count(text: str) -> int:
    """How many grapheme clusters `text` holds."""
    if text.isascii():
        # In ASCII only CR LF joins two code points into one cluster.
        return len(text) - text.count("\r\n")
    total = len(text)
    start = end = -1
    for run in _JOINING_RUNS.finditer(text):
        # A run can join the character before it and the one after it: take both.
        run_start, run_end = max(run.start() - 1, 0), min(run.end() + 1, len(text))
        if run_start > end:
            total -= _joined(text, start, end)
            start = run_start
        end = run_end
    return total - _joined(text, start, end)


def _joined(text: str, start: int, end: int) -> int:
    """How many code points of text[start:end] do not start a cluster."""
    if start < 0:
        return 0
    return end - start - len(_CLUSTER.findall(text[start:end]))


def grapheme_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """`(start, end)` of each cluster of `text[start:end]`, left to right."""
    stop = len(text) if end is None else end
    for match in _CLUSTER.finditer(text, start, stop):
        yield match.span()


# Unicode 15.1 made an Indic conjunct one cluster (rule GB9c: क्ष, a consonant, a virama,
# a consonant); under Unicode 15.0 the second consonant starts a new cluster, as it does
# after any character but a Prepend one. A text without a virama (InCB=Linker) has no
# such join, so only those texts need the splitting.
_LINKER: Any = regex.compile(r"\p{InCB=Linker}")
_JOINED_CONSONANT: Any = regex.compile(r"(?<!\p{GCB=Prepend})\p{InCB=Consonant}")


def grapheme_count_15_0(text: str) -> int:
    """How many grapheme clusters `text` holds by the rules of Unicode 15.0."""
    total = grapheme_count(text)
    if text.isascii() or _LINKER.search(text) is None:
        return total
    return total + sum(1 for _ in _conjunct_splits(text, 0, len(text)))


def _conjunct_splits(text: str, start: int, end: int) -> Iterator[int]:
    """Where Unicode 15.0 starts a cluster inside the current clusters of text[start:end]."""
    for cluster_start, cluster_end in grapheme_spans(text, start, end):
        if cluster_end - cluster_start > 2:
            for found in _JOINED_CONSONANT.finditer(text, cluster_start + 1, cluster_end):
                yield found.start()
