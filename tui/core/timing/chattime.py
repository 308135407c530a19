"""When a chat happens: its zone and its start in UTC, from the `[chat]` table's values.

Kept free of pydantic so the first frame can be drawn from the raw TOML (see
`tui.core.plan.glance`) with the very rules the plan model applies.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tui.core.text.said import SaidError

# A chat starts within these years: every cue is the start plus up to a year, shown in
# several zones, and must stay far from datetime's own limits (years 1 and 9999).
FIRST_YEAR, LAST_YEAR = 1971, 2999


def known_zone(name: str) -> ZoneInfo:
    """The IANA zone `name`, or a ValueError (a `SaidError`) that says what to write
    instead."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # OSError: the name is looked up as a file, and a name longer than the file
        # system allows fails there, not as "not found".
        shown = name if len(name) <= 40 else name[:37] + "..."
        raise SaidError.of("check.unknown_zone", zone=repr(shown)) from None


def chat_zone(start: datetime, timezone: str | None) -> tzinfo:
    """The zone the chat is shown in: `timezone` if given, else the start's own offset."""
    if timezone is not None:
        return known_zone(timezone)
    if start.tzinfo is None:
        raise ValueError("start has no time zone and no timezone is given")
    return start.tzinfo


def start_utc(start: datetime, zone: tzinfo) -> datetime:
    """The start as an aware datetime in UTC.

    UTC because aware arithmetic in a ZoneInfo zone is wall-clock arithmetic: on a
    daylight-saving night, "start + 45 minutes" must count real minutes.
    """
    local = start if start.tzinfo else start.replace(tzinfo=zone)
    return local.astimezone(UTC)
