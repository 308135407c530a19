"""When a chat happens: its zone and its start in UTC, from the `[chat]` table's values.

Kept free of pydantic so the first frame can be drawn from the raw TOML (see
`tui.core.glance`) with the very rules the plan model applies.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def known_zone(name: str) -> ZoneInfo:
    """The IANA zone `name`, or a ValueError that says what to write instead."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(
            f"{name!r} is not a known time zone (use an IANA name such as Europe/Paris)"
        ) from error


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
