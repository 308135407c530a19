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

from tui.core.text.said import Said, SaidError

_UNIT_SECONDS = {"d": 86_400, "h": 3600, "m": 60, "s": 1}


@dataclass(frozen=True, slots=True)
class DurationSyntax:
    name: str
    """What the text should have been, for the message: a key of the words table
    ("a time offset")."""
    units: str
    """The unit letters allowed, among d, h, m and s."""
    signed: bool
    """Whether "-" and "+" are allowed (an offset before or after the start)."""
    hint: str
    """How to write it, for the message: a key of the words table."""

    def refusal(self, key: str, text: str) -> SaidError:
        return SaidError.of(key, text=text, what=Said.of(self.name), hint=Said.of(self.hint))


OFFSET = DurationSyntax("check.offset_name", "dhm", signed=True, hint="check.offset_hint")
"""Minutes from the chat's start: "12", "-30", "-14d", "1h30m", "+45m"."""

START_IN = DurationSyntax("cli.duration_name", "dhms", signed=False,
                          hint="cli.duration_hint")
"""How long from now: "30s", "2m", "1h30m", "5" (minutes); never negative."""


def parse_duration(text: str, syntax: DurationSyntax) -> timedelta:
    """`text` as a length of time in `syntax`; plain digits are minutes.

    Raises ValueError (a `SaidError`) naming the text and the expected form.
    """
    stripped = text.strip()
    if re.search(r"\d{10}", stripped):
        # Beyond any length of time a chat has; int() and timedelta would choke on it.
        raise syntax.refusal("check.duration_too_large", _shown(text))
    if re.fullmatch(r"[+-]?\d+" if syntax.signed else r"\d+", stripped):
        return timedelta(minutes=int(stripped))
    sign = r"([+-]?)\s*" if syntax.signed else r"()"
    unit = f"[{syntax.units}]"
    match = re.fullmatch(sign + rf"((?:\d+\s*{unit}\s*)+)", stripped, flags=re.IGNORECASE)
    if match is None:
        raise syntax.refusal("check.not_duration", repr(text))
    seconds = sum(
        int(n) * _UNIT_SECONDS[u.lower()]
        for n, u in re.findall(rf"(\d+)\s*({unit})", match.group(2), flags=re.IGNORECASE)
    )
    try:
        return timedelta(seconds=-seconds if match.group(1) == "-" else seconds)
    except OverflowError:
        raise syntax.refusal("check.duration_too_large", _shown(text)) from None


def _shown(text: str) -> str:
    return repr(text if len(text) <= 24 else text[:20] + "…")
