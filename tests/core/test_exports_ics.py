"""The calendar export parses back with `icalendar` and says what the plan says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from helpers import make_plan
from icalendar import Calendar

from tui.core.exports import export, make_context
from tui.core.model import Plan


def parsed(plan: Plan) -> tuple[Any, Any]:
    text = export("ics", make_context(plan)).text
    assert "\r\n" in text and all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = Calendar.from_ical(text.encode("utf-8"))
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def test_event_fields_round_trip() -> None:
    plan = make_plan(duration=90, host="@host", topic="safety online")
    calendar, event = parsed(plan)
    assert str(calendar["VERSION"]) == "2.0" and "tchat" in str(calendar["PRODID"])
    assert event.decoded("DTSTART") == datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    assert event.decoded("DURATION") == timedelta(minutes=90)
    assert str(event["SUMMARY"]) == "#TestChat chat: Test chat"
    assert "#TestChat" in str(event["LOCATION"])
    assert str(event["URL"]) == "https://x.com/hashtag/TestChat?f=live"
    description = str(event["DESCRIPTION"])
    # The guest brief, as plain text: the questions with their times, the contact.
    assert "Q8" in description and "Question number 8?" in description
    assert "Write to @host." in description
    assert "messages to the guests" not in description  # the moderator's part stays out
    assert "**" not in description


def test_reminder_an_hour_before() -> None:
    _, event = parsed(make_plan())
    alarms = event.walk("VALARM")
    assert len(alarms) == 1
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == timedelta(hours=-1)
    assert "#TestChat" in str(alarms[0]["DESCRIPTION"])


def test_deterministic_uid_and_stamp() -> None:
    first = export("ics", make_context(make_plan())).text
    assert export("ics", make_context(make_plan(title="Renamed"))).text != first
    _, event = parsed(make_plan())
    _, renamed = parsed(make_plan(title="Renamed", tag="#testchat"))
    # Same hashtag (any case) at the same start: the same event, updated on re-import.
    assert str(event["UID"]) == str(renamed["UID"])
    assert str(event["UID"]).endswith("@tchat")
    assert event.decoded("DTSTAMP") == datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    _, moved = parsed(make_plan(start=datetime(2026, 12, 10, 18, 0)))  # noqa: DTZ001
    assert str(moved["UID"]) != str(event["UID"])


def test_special_characters_survive() -> None:
    plan = make_plan(title="Semi; colon, comma \\ back « é » 👋🏽", language="fr")
    _, event = parsed(plan)
    assert str(event["SUMMARY"]) == "Tchat #TestChat : Semi; colon, comma \\ back « é » 👋🏽"


def test_no_platform_address_for_mastodon() -> None:
    _, event = parsed(make_plan(platform="mastodon"))
    assert "URL" not in event
    assert "Mastodon" in str(event["LOCATION"])
