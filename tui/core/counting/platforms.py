"""The platforms a draft can be counted for, their limits, and how each one counts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from tui.core.counting import twitter
from tui.core.counting.measure import (
    Entity,
    UnitsOf,
    WeightOf,
    code_points,
    first_overflow,
    total_length,
)
from tui.core.counting.result import said

if TYPE_CHECKING:
    from tui.core.text.said import Said

# The counters of the other platforms (and the `regex` module their grapheme clusters
# need) are imported by the first count for them: a plan for X never loads them, and
# each was paid at start-up before the run-sheet's first frame.


class PlatformInfo(NamedTuple):
    """What a user picks: a platform's name, how to call it, and its usual limit."""

    name: str
    label: str
    default_limit: int


PLATFORMS: Mapping[str, PlatformInfo] = MappingProxyType({
    "x": PlatformInfo("x", "X (Twitter)", twitter.MAX_LENGTH),
    "x-legacy": PlatformInfo("x-legacy", "X, legacy 140", twitter.LEGACY_MAX_LENGTH),
    "bluesky": PlatformInfo("bluesky", "Bluesky", 300),
    "mastodon": PlatformInfo("mastodon", "Mastodon", 500),  # a server may set its own
    "threads": PlatformInfo("threads", "Threads", 500),
})


class UnknownPlatformError(ValueError):
    """A platform name that is not in PLATFORMS."""

    def __init__(self, name: str) -> None:
        known = ", ".join(PLATFORMS)
        super().__init__(f"unknown platform {name!r} (known: {known})")
        self.name = name


def platform_info(name: str) -> PlatformInfo:
    try:
        return PLATFORMS[name]
    except KeyError:
        raise UnknownPlatformError(name) from None


def resolve_limit(name: str, limit: int | None = None) -> int:
    """The limit to count against: `limit` when given (a Mastodon server's own, an X
    Premium account's), else the platform's default."""
    info = platform_info(name)
    if limit is None:
        return info.default_limit
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"a limit must be a whole number of at least 1, not {limit!r}")
    return limit


class Measure(NamedTuple):
    """A platform's verdict on NFC text: indices are in that NFC text."""

    length: int
    overflow: int | None
    invalid: int | None = None
    warnings: tuple[Said, ...] = ()
    # Why the platform refuses the post whatever its length (blank, too many bytes...).
    refusal: Said | None = None


def _measure(
    text: str,
    found: list[Entity],
    limit: int,
    weight_of: WeightOf,
    units_of: UnitsOf,
    length: int | None = None,
) -> tuple[int, int | None]:
    if length is None:
        length = total_length(text, found, weight_of)
    overflow = first_overflow(text, found, limit, weight_of, units_of) if length > limit else None
    return length, overflow


def _grapheme_units(text: str, start: int, end: int) -> list[Entity]:
    from tui.core.counting.graphemes import grapheme_spans

    return [(s, e, 1) for s, e in grapheme_spans(text, start, end)]


def _graphemes(text: str) -> int:
    from tui.core.counting.graphemes import grapheme_count

    return grapheme_count(text)


def _refused(text: str) -> tuple[int | None, tuple[Said, ...], Said | None]:
    """X's verdict on the characters of `text`: (invalid index, warnings, refusal)."""
    invalid = twitter.first_invalid(text)
    if invalid is None:
        return None, (), None
    return invalid, (), said("count.x_refuses", code=f"U+{ord(text[invalid]):04X}")


def _x(text: str, limit: int, *, emoji_discount: bool = True) -> Measure:
    length, overflow = twitter.measure(text, limit, emoji_discount=emoji_discount)
    if text.isascii():
        return Measure(length, overflow)
    return Measure(length, overflow, *_refused(text))


def _x_v2(text: str, limit: int) -> Measure:
    return _x(text, limit, emoji_discount=False)


def _x_legacy(text: str, limit: int) -> Measure:
    length, overflow = _measure(text, [], limit, len, code_points)
    return Measure(length, overflow, *_refused(text))


def _bluesky(text: str, limit: int) -> Measure:
    from tui.core.counting import bluesky

    found = bluesky.links(text)
    length, overflow = _measure(text, found.entities, limit, _graphemes, _grapheme_units)
    warnings: tuple[Said, ...] = ()
    if found.mangled:
        warnings = (said("count.bluesky_mangled"),)
    refusal = None
    if bluesky.is_blank(text):
        refusal = said("count.bluesky_blank")
    else:
        size = len(found.shortened.encode("utf-8", "surrogatepass"))
        if size > bluesky.MAX_BYTES:
            refusal = said("count.bluesky_bytes", most=bluesky.MAX_BYTES, size=size)
    return Measure(length, overflow, refusal=refusal, warnings=warnings)


def _mastodon(text: str, limit: int) -> Measure:
    from tui.core.counting import mastodon

    measured = mastodon.measure(text, limit)
    if measured is None:
        return Measure(0, None, refusal=said("count.mastodon_blank"))
    return Measure(*measured)


def _threads(text: str, limit: int) -> Measure:
    from tui.core.counting import threads

    found = threads.emoji_entities(text)
    length, overflow = _measure(text, found, limit, _graphemes, _grapheme_units)
    return Measure(
        length, overflow, warnings=threads.hashtag_warnings(text),
        refusal=threads.link_refusal(text),
    )


MEASURES: Mapping[str, Callable[[str, int], Measure]] = MappingProxyType({
    "x": _x,
    "x-legacy": _x_legacy,
    "bluesky": _bluesky,
    "mastodon": _mastodon,
    "threads": _threads,
})
# The app and the server count the text as typed: Bluesky's composer percent-encodes a
# decomposed accent in a link as typed, and Mastodon's server never normalises.
UNNORMALIZED = frozenset({"bluesky", "mastodon"})
# Not offered to users: twitter-text's v2 rules, kept to check against its v2 cases.
MEASURE_X_V2: Callable[[str, int], Measure] = _x_v2
