"""Lengths of time as people type them: "-14d", "1h30m", "30s", or plain minutes.

One parser for the plan's offsets (`at = "-14d"`) and the command line's durations
(`tchat rehearse --start-in 30s`, `--at -2m`): each use names its syntax, which says
whether a sign is allowed, which units, and what to tell a person who typed something
else. No pydantic here, so the command line can parse before the plan is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

_UNIT_SECONDS = {"d": 86_400, "h": 3600, "m": 60, "s": 1}


@dataclass(frozen=True, slots=True)
class DurationSyntax:
    name: str
    """What the text should have been, for the message: "a time offset"."""
    units: str
    """The unit letters allowed, among d, h, m and s."""
    signed: bool
    """Whether "-" and "+" are allowed (an offset before or after the start)."""
    hint: str
    """How to write it, for the message."""


OFFSET = DurationSyntax(
    "a time offset", "dhm", signed=True,
    hint='use minutes (12, -30) or units like "-14d", "-2h", "1h30m"',
)
"""Minutes from the chat's start: "12", "-30", "-14d", "1h30m", "+45m"."""

START_IN = DurationSyntax(
    "a duration", "dhms", signed=False, hint="use 30s, 2m, 1h30m or plain minutes",
)
"""How long from now: "30s", "2m", "1h30m", "5" (minutes); never negative."""


def parse_duration(text: str, syntax: DurationSyntax) -> timedelta:
    """`text` as a length of time in `syntax`; plain digits are minutes.

    Raises ValueError naming the text and the expected form.
    """
    stripped = text.strip()
    if re.search(r"\d{10}", stripped):
        # Beyond any length of time a chat has; int() and timedelta would choke on it.
        raise ValueError(f"{_shown(text)} is too large for {syntax.name}: {syntax.hint}")
    if re.fullmatch(r"[+-]?\d+" if syntax.signed else r"\d+", stripped):
        return timedelta(minutes=int(stripped))
    sign = r"([+-]?)\s*" if syntax.signed else r"()"
    unit = f"[{syntax.units}]"
    match = re.fullmatch(sign + rf"((?:\d+\s*{unit}\s*)+)", stripped, flags=re.IGNORECASE)
    if match is None:
        raise ValueError(f"{text!r} is not {syntax.name}: {syntax.hint}")
    seconds = sum(
        int(n) * _UNIT_SECONDS[u.lower()]
        for n, u in re.findall(rf"(\d+)\s*({unit})", match.group(2), flags=re.IGNORECASE)
    )
    try:
        return timedelta(seconds=-seconds if match.group(1) == "-" else seconds)
    except OverflowError:
        raise ValueError(f"{_shown(text)} is too large for {syntax.name}: {syntax.hint}") from None


def _shown(text: str) -> str:
    return repr(text if len(text) <= 24 else text[:20] + "…")
