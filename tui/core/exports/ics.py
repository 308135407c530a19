"""`--to ics`: the chat as one calendar event, with a reminder an hour before.

A calendar that imports the file again must update the event, not add a second one:
- UID: a hash of the tag (any letter case: one hashtag) and the start, the same at
  every export of the same plan, never a random one;
- DTSTAMP: when the file was made (UTC), as RFC 5545 asks: a later stamp tells the
  calendar which copy is newer. The moment is passed in, so tests stay deterministic;
- times in UTC, so no VTIMEZONE block (whose rules would follow the installed tzdata)
  is needed: every calendar shows the event in its owner's own zone. A regular chat
  (`repeat`) is the exception: its RRULE must recur at 18:00 in the chat's zone across
  daylight-saving changes, which only a local start with its VTIMEZONE says.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from tui.core.exports.context import ExportContext, ExportResult, follow_url, platform_name
from tui.core.exports.guest_brief import brief_text
from tui.core.plan.model import Chat
from tui.core.text.clean import clean, one_line
from tui.core.text.typography import french_print
from tui.core.text.words import Words

PRODID = "-//tchat//tchat export//EN"
REMINDER = timedelta(hours=1)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# How far ahead the VTIMEZONE of a regular chat spells out its zone's changes.
_ZONE_YEARS = 10


def event_uid(ctx: ExportContext) -> str:
    chat = ctx.plan.chat
    key = f"{chat.tag.casefold()}|{chat.start_at.isoformat()}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@tchat"


def recurrence(chat: Chat) -> dict[str, object] | None:
    """The RRULE of a regular chat: every week on its weekday, or every month on the
    same weekday of the same week ("the first Thursday"), as regular chats are set."""
    if chat.repeat is None:
        return None
    local = chat.start_at.astimezone(chat.zone)
    weekday = _WEEKDAYS[local.weekday()]
    if chat.repeat == "weekly":
        return {"freq": "WEEKLY", "byday": weekday}
    week = (local.day - 1) // 7 + 1
    # A fifth Thursday does not come every month: "the last one" does.
    return {"freq": "MONTHLY", "byday": f"{-1 if week == 5 else week}{weekday}"}


def calendar(ctx: ExportContext) -> Calendar:
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    if ctx.created is None:
        raise ValueError("an ICS export needs its creation time (ExportContext.created)")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")

    event = Event()
    event.add("uid", event_uid(ctx))
    event.add("dtstamp", ctx.created.astimezone(UTC))
    rule = recurrence(chat)
    zone = chat.zone
    if rule is not None and isinstance(zone, ZoneInfo):
        event.add("dtstart", chat.start_at.astimezone(zone))
    else:
        event.add("dtstart", chat.start_at)
    event.add("duration", timedelta(minutes=chat.duration))
    if rule is not None:
        event.add("rrule", rule)
    event.add("summary", french_print(
        one_line(words("export.ics_summary", tag=chat.tag, title=chat.title)), language
    ))
    event.add("location", one_line(
        f"{words('export.online_on', platform=platform_name(plan))} · {chat.tag}"
    ))
    url = follow_url(plan)
    if url is not None:
        event.add("url", url)
    event.add("description", clean(brief_text(ctx)).rstrip("\n"))
    event.add("status", "CONFIRMED")
    event.add("sequence", 0)

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", french_print(
        one_line(words("export.ics_alarm", tag=chat.tag)), language
    ))
    alarm.add("trigger", -REMINDER)
    event.add_component(alarm)
    cal.add_component(event)
    if rule is not None and isinstance(zone, ZoneInfo):
        first = chat.start_at.astimezone(zone).date()
        cal.add_missing_timezones(
            first_date=date(first.year, 1, 1), last_date=date(first.year + _ZONE_YEARS, 1, 1)
        )
    return cal


def ics(ctx: ExportContext) -> ExportResult:
    data: bytes = calendar(ctx).to_ical()
    return ExportResult(data.decode("utf-8"))


