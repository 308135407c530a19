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


def count_x_v2(text: str) -> Count:
    """twitter-text's v2 weighted length (no emoji rule). For conformance checks only."""
    return _count(text, "x", resolve_limit("x"), MEASURE_X_V2)


def _count(text: str, platform: str, limit: int, measure: Measurer) -> Count:
    normalize = _as_typed if platform in UNNORMALIZED else nfc
    normalized = normalize(text)
    measured = measure(normalized, limit)
    overflow = None
    if measured.overflow is not None:
        overflow = _fitting_prefix_end(
            text, original_index(text, normalized, measured.overflow), limit, measure, normalize
        )
    invalid = None
    if measured.invalid is not None:
        invalid = original_index(text, normalized, measured.invalid)
    return Count(
        platform=platform,
        length=measured.length,
        limit=limit,
        valid=measured.refusal is None and invalid is None and 0 < measured.length <= limit,
        overflow_index=overflow,
        invalid_index=invalid,
        warnings=(
            (measured.refusal, *measured.warnings) if measured.refusal else measured.warnings
        ),
        refusal=measured.refusal,
    )


def _as_typed(text: str) -> str:
    return text


def _fitting_prefix_end(
    text: str, index: int, limit: int, measure: Measurer, normalize: Callable[[str], str]
) -> int:
    """`index`, moved back until `text[:index]` fits on its own.

    Cutting a text can change what its end means: `a.co@b` holds no link but `a.co` is
    one (23 on X). Such cases are rare; checking keeps "the prefix fits" always true.
    """
    # From the last space on, a superset of the last run when other spaces are about.
    if _LINKISH.search(text, text.rfind(" ", 0, index) + 1, index) is None:
        return index
    while index > 0 and measure(normalize(text[:index]), limit).length > limit:
        index -= 1
    return index


# What may turn the end of a cut text into a link or a mention: without any of these
# after its last space, a prefix fits as measured (the check above re-measures it, which
# costs as much as the count itself).
_LINKISH = re.compile("[.@:\uff20\u3002\uff0e\uff61]")
