"""`count`: a draft's length, limit and overflow for one platform."""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.core.counting.normalization import nfc, original_index
from tui.core.counting.platforms import (
    MEASURE_X_V2,
    MEASURES,
    UNNORMALIZED,
    Measure,
    resolve_limit,
)
from tui.core.counting.result import Count

Measurer = Callable[[str, int], Measure]


def count(text: str, platform: str = "x", *, limit: int | None = None) -> Count:
    """Count `text` as `platform` does, against `limit` or the platform's default.

    Raises UnknownPlatformError for a name not in PLATFORMS, ValueError for a limit
    below 1.
    """
    return _count(text, platform, resolve_limit(platform, limit), MEASURES[platform])


def counter(platform: str = "x", *, limit: int | None = None) -> Callable[[str], Count]:
    """`count` for one platform and limit, checked once: for counting many texts."""
    resolved = resolve_limit(platform, limit)
    measure = MEASURES[platform]

    def count_one(text: str) -> Count:
        return _count(text, platform, resolved, measure)

    return count_one


def count_x_v2(text: str) -> Count:
    """twitter-text's v2 weighted length (no emoji rule). For conformance checks only."""
    return _count(text, "x", resolve_limit("x"), MEASURE_X_V2)


def _count(text: str, platform: str, limit: int, measure: Measurer) -> Count:
    normalized = text if platform in UNNORMALIZED else nfc(text)
    length, overflow, invalid, warnings, refusal = measure(normalized, limit)
    if overflow is not None:
        overflow = original_index(text, normalized, overflow)
        linkish = _LINKISH.get(platform, _ANY_LINK_OR_MENTION)
        if linkish is not None:
            overflow = _fitting_prefix_end(text, overflow, limit, measure, platform, linkish)
    if invalid is not None:
        invalid = original_index(text, normalized, invalid)
    return Count(
        platform,
        length,
        limit,
        refusal is None and invalid is None and 0 < length <= limit,
        overflow,
        invalid,
        refusal,
        warnings,
    )


def _fitting_prefix_end(
    text: str, index: int, limit: int, measure: Measurer, platform: str, linkish: re.Pattern[str]
) -> int:
    """`index`, moved back until `text[:index]` fits on its own.

    Cutting a text can change what its end means: `a.co@b` holds no link but `a.co` is
    one (23 on X). Such cases are rare; checking keeps "the prefix fits" always true.
    """
    # From the last space on, a superset of the last run when other spaces are about.
    if linkish.search(text, text.rfind(" ", 0, index) + 1, index) is None:
        return index
    while index > 0:
        prefix = text[:index]
        if measure(prefix if platform in UNNORMALIZED else nfc(prefix), limit).length <= limit:
            break
        index -= 1
    return index


# What may turn the end of a cut text into something that weighs more than it did: a
# link, or (on Mastodon) a mention that is no longer shortened. Without any of these
# after its last space, a prefix fits as measured (the check above re-measures it, which
# costs as much as the count itself). On X only a link can, and it needs a dot; where
# links count as typed and every character on its own, no cut can.
_ANY_LINK_OR_MENTION = re.compile("[.@:\uff20\u3002\uff0e\uff61]")
_LINKISH: dict[str, re.Pattern[str] | None] = {
    "x": re.compile("[.\u3002\uff0e\uff61]"),
    "x-legacy": None,
    "threads": None,
    "bluesky": _ANY_LINK_OR_MENTION,
    "mastodon": _ANY_LINK_OR_MENTION,
}
