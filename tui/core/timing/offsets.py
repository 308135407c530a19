"""Relative times in a plan: minutes from the chat's start, written the way people think.

A question at minute 12 is written `at = 12`; a promotion post two weeks before is
`at = "-14d"`, a checklist item due a day before `due = "-1d"`. Everything is held as
whole minutes (an int) so that arithmetic and TOML writing stay trivial.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, PlainSerializer

from tui.core.text.said import SaidError
from tui.core.timing.durations import OFFSET, parse_duration

_UNIT_MINUTES = {"d": 1440, "h": 60, "m": 1}

# Every offset and duration stays within a year of the start: a promotion two weeks
# before, a thank-you the day after. Bounding them here, in the model, keeps every date
# computed from them (start + offset) far inside what datetime can hold.
MAX_OFFSET_MINUTES = 366 * 1440
# More digits than any offset within a year can have: refused before int() reads them.
_MAX_DIGITS = 9

# Offsets within a few hours of the start stay plain integers in TOML (`at = 12`);
# larger ones read better as "-14d".
_PLAIN_RANGE = 180


def parse_offset(value: str) -> int:
    """Parse "-14d", "1h30m", "+45m" or "12" into minutes; raise ValueError otherwise."""
    if sum(c.isdigit() for c in value) > 3 * _MAX_DIGITS:
        raise SaidError.of("check.offset_too_far", value=_shown(value))
    return parse_duration(value, OFFSET) // timedelta(minutes=1)


def _shown(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 24 else text[:20] + "…")


def check_range(minutes: int, written: object = None) -> int:
    """`minutes` itself when within a year of the start, else a ValueError saying so
    (with the value as `written`, when given)."""
    if not -MAX_OFFSET_MINUTES <= minutes <= MAX_OFFSET_MINUTES:
        raise SaidError.of("check.offset_too_far",
                           value=_shown(minutes if written is None else written))
    return minutes


def format_offset(minutes: int) -> str:
    """The compact form of an offset: "-14d", "-1h30m", "0m"."""
    sign = "-" if minutes < 0 else ""
    rest = abs(minutes)
    parts = []
    for unit, size in _UNIT_MINUTES.items():
        amount, rest = divmod(rest, size)
        if amount:
            parts.append(f"{amount}{unit}")
    return sign + ("".join(parts) or "0m")


def _coerce(value: Any) -> Any:
    if isinstance(value, str):
        return check_range(parse_offset(value), value)
    return value


def _in_range(minutes: int) -> int:
    return check_range(minutes)


def _serialise(minutes: int) -> int | str:
    if -_PLAIN_RANGE <= minutes <= _PLAIN_RANGE:
        return minutes
    return format_offset(minutes)


Offset = Annotated[
    int,
    BeforeValidator(_coerce),
    AfterValidator(_in_range),
    PlainSerializer(_serialise, return_type=int | str, when_used="always"),
]
"""Minutes relative to the chat's start; TOML accepts an int or a string like "-7d"."""
