"""X's post length: twitter-text's weighted length (config v3).

Input is NFC text. In v3 a code point in the light ranges weighs 1 and any other 2, an
emoji sequence weighs 2 in all, and a link weighs 23 whatever it holds. v2 is the same
without the emoji rule; it exists here only to check the counter against the v2
reference cases.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from tui.core.counting.emoji_sequences import (
    EMOJI_WEIGHT,
    EmojiRun,
    emoji_runs,
    emoji_sequence_spans,
)
from tui.core.counting.measure import Entity
from tui.core.counting.urls import UrlSpan, twitter_urls
from tui.core.counting.weights import HEAVY_WEIGHT, LIGHT_RANGES, heavy_flags, plain_weight

__all__ = [
    "HEAVY_WEIGHT", "LIGHT_RANGES", "MAX_LENGTH", "URL_WEIGHT", "entities", "first_invalid",
    "measure", "plain_weight",
]

URL_WEIGHT = 23
MAX_LENGTH = 280
LEGACY_MAX_LENGTH = 140
# Characters that make a post invalid on X whatever its length.
INVALID_CHARACTERS = "\ufffe\ufeff\uffff"
_INVALID = re.compile(f"[{INVALID_CHARACTERS}]")


def measure(text: str, limit: int, *, emoji_discount: bool = True) -> tuple[int, int | None]:
    """The weighted length of NFC `text`, and where it first runs past `limit` (the
    start of the code point or whole-counted span that crosses it), or None.

    The text is weighed once (a byte per code point, see `heavy_flags`), and each span
    counted as a whole by its difference to that; only a text over the limit is walked,
    and only up to where it crosses.
    """
    links = twitter_urls().spans(text)
    if text.isascii():
        length = len(text) + sum(URL_WEIGHT - end + start for start, end in links)
        if length <= limit:
            return length, None
        return length, _overflow([(s, e, URL_WEIGHT) for s, e in links], None, len(text), limit)
    flags = heavy_flags(text)
    # Loops, not sum() over generators: a post holds a link or two, and the generators
    # cost more to make than the additions (this runs once per line of a script's pipe).
    length = len(text) + flags.count(1)
    for start, end in links:
        length += URL_WEIGHT - end + start - flags.count(1, start, end)
    runs = emoji_runs(text) if emoji_discount else []
    found: list[Entity] | None = None
    if links and runs and _overlap(links, runs):
        # An emoji inside a link (its host): the link wins, as in twitter-text.
        found = _merged(links, emoji_sequence_spans(text))
        length = len(text) + flags.count(1)
        for start, end, weight in found:
            length += weight - end + start - flags.count(1, start, end)
    else:
        for run in runs:
            length -= run[2][1]
    if length <= limit:
        return length, None
    if found is None:
        found = [
            (start + first, start + last, EMOJI_WEIGHT)
            for start, _, (spans, _) in runs
            for first, last in spans
        ]
        if links:
            found = sorted([(s, e, URL_WEIGHT) for s, e in links] + found)
    return length, _overflow(found, flags, len(text), limit)


def entities(text: str, *, emoji_discount: bool = True) -> list[Entity]:
    """Links and emoji sequences that X counts as a whole, in text order."""
    links = twitter_urls().spans(text)
    if not emoji_discount or text.isascii():
        return [(start, end, URL_WEIGHT) for start, end in links]
    return _merged(links, emoji_sequence_spans(text))


def _overlap(links: list[UrlSpan], runs: list[EmojiRun]) -> bool:
    """Whether a stretch that may hold emoji sequences meets a link."""
    starts = [run[0] for run in runs]
    for start, end in links:
        before = bisect_left(starts, end)  # the runs starting before the link ends
        if before and runs[before - 1][1] > start:
            return True
    return False


def _merged(links: list[UrlSpan], emoji: list[tuple[int, int]]) -> list[Entity]:
    """Like twitter-text: a link wins over an emoji starting at the same place, and a
    span starting inside the one before it is not counted as a whole."""
    found = [(start, end, URL_WEIGHT) for start, end in links]
    if not emoji:
        return found
    found += [(start, end, EMOJI_WEIGHT) for start, end in emoji]
    if not links:
        return found
    merged: list[Entity] = []
    resume = 0
    # The sort is stable, so at the same start a link stays before an emoji.
    for start, end, weight in sorted(found, key=itemgetter(0)):
        if start >= resume:
            merged.append((start, end, weight))
            resume = end
    return merged


def _overflow(found: list[Entity], flags: bytes | None, size: int, limit: int) -> int:
    """Where a text of `size` code points (heavy where `flags` says; None for ASCII),
    whose whole-counted spans are `found` and which weighs more than `limit`, first
    runs past `limit`: stretches of plain text are weighed whole, and only the one that
    crosses the limit is bisected."""
    total = 0
    position = 0
    for start, end, weight in found:
        stretch = start - position + (flags.count(1, position, start) if flags else 0)
        if total + stretch > limit:
            return _first_code_point_over(flags, position, start, limit - total)
        total += stretch + weight
        if total > limit:
            return start
        position = end
    return _first_code_point_over(flags, position, size, limit - total)


def _first_code_point_over(flags: bytes | None, start: int, end: int, room: int) -> int:
    """The first index of the stretch [start, end) whose prefix weighs more than
    `room` (there is one)."""
    if flags is None:
        return start + room
    # The shortest prefix [start, stop) that weighs more than room ends at most room + 1
    # code points on. Its excess weight over room + 1 is made of heavy code points, so
    # half of it, in code points, can go back without the prefix fitting again: a Latin
    # stretch (excess 0 or 1) needs one count, a CJK one about as many as it halves.
    stop = min(end, start + room + 1)
    excess = stop - start + flags.count(1, start, stop) - room - 1
    while excess > 1:
        stop -= excess // 2
        excess = stop - start + flags.count(1, start, stop) - room - 1
    if excess == 1 and not flags[stop - 1]:
        stop -= 1  # its last code point weighs 1: the prefix without it still weighs more
    return stop - 1


def first_invalid(text: str) -> int | None:
    """Index of the first character X refuses in any post, or None."""
    if text.isascii():
        return None
    found = _INVALID.search(text)
    return None if found is None else found.start()
