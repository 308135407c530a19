"""`--to ics`: the chat as one calendar event, with a reminder an hour before.

Deterministic, so exporting twice gives the same file and a calendar that imports it
again updates the event instead of adding a second one:
- UID: a hash of the tag (any letter case: one hashtag) and the start, not a random one;
- DTSTAMP: the start itself, since a stamp taken from the clock would change every time;
- times in UTC, so no VTIMEZONE block (whose rules would follow the installed tzdata)
  is needed: every calendar shows the event in its owner's own zone.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from icalendar import Alarm, Calendar, Event

from tui.core.exports.context import ExportContext, ExportResult, follow_url, platform_name
from tui.core.exports.guest_brief import brief_text
from tui.core.exports.text import clean, one_line
from tui.core.words import Words

PRODID = "-//tchat//tchat export//EN"
REMINDER = timedelta(hours=1)


def event_uid(ctx: ExportContext) -> str:
    chat = ctx.plan.chat
    key = f"{chat.tag.casefold()}|{chat.start_at.isoformat()}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@tchat"


def calendar(ctx: ExportContext) -> Calendar:
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")

    event = Event()
    event.add("uid", event_uid(ctx))
    event.add("dtstamp", chat.start_at)
    event.add("dtstart", chat.start_at)
    event.add("duration", timedelta(minutes=chat.duration))
    event.add("summary", one_line(words("export.ics_summary", tag=chat.tag, title=chat.title)))
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
    alarm.add("description", one_line(words("export.ics_alarm", tag=chat.tag)))
    alarm.add("trigger", -REMINDER)
    event.add_component(alarm)
    cal.add_component(event)
    return cal


def ics(ctx: ExportContext) -> ExportResult:
    data: bytes = calendar(ctx).to_ical()
    return ExportResult(data.decode("utf-8"))
