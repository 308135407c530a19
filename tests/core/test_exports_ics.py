"""The calendar export parses back with `icalendar` and says what the plan says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from helpers import make_plan
from icalendar import Calendar

from tui.core.exports import export, make_context
from tui.core.plan.model import Plan

CREATED = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def ics_text(plan: Plan, created: datetime = CREATED) -> str:
    return export("ics", make_context(plan, created=created)).text


def parsed(plan: Plan, created: datetime = CREATED) -> tuple[Any, Any]:
    text = ics_text(plan, created)
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


def test_stamp_is_the_export_moment_and_uid_is_stable() -> None:
    first = ics_text(make_plan())
    assert ics_text(make_plan()) == first  # the same plan at the same moment: same bytes
    assert ics_text(make_plan(title="Renamed")) != first
    _, event = parsed(make_plan())
    # DTSTAMP is when the file was made, in UTC, not the event's start.
    assert event.decoded("DTSTAMP") == CREATED
    paris = ZoneInfo("Europe/Paris")
    _, later = parsed(make_plan(), datetime(2026, 11, 28, 23, 5, tzinfo=paris))
    assert later.decoded("DTSTAMP") == datetime(2026, 11, 28, 22, 5, tzinfo=UTC)
    assert "DTSTAMP:20261128T220500Z" in ics_text(
        make_plan(), datetime(2026, 11, 28, 23, 5, tzinfo=paris)
    )
    # Exported again a week later: the same UID, so the calendar updates the event.
    assert str(later["UID"]) == str(event["UID"])
    _, renamed = parsed(make_plan(title="Renamed", tag="#testchat"))
    # Same hashtag (any case) at the same start: the same event, updated on re-import.
    assert str(event["UID"]) == str(renamed["UID"])
    assert str(event["UID"]).endswith("@tchat")
    _, moved = parsed(make_plan(start=datetime(2026, 12, 10, 18, 0)))  # noqa: DTZ001
    assert str(moved["UID"]) != str(event["UID"])


def test_special_characters_survive() -> None:
    plan = make_plan(title="Semi; colon, comma \\ back « é » 👋🏽", language="fr")
    _, event = parsed(plan)
    # French typography in a calendar too: no-break spaces before ":" and inside « ».
    assert str(event["SUMMARY"]) == (
        "Tchat #TestChat\u00a0: Semi; colon, comma \\ back «\u00a0é\u00a0» 👋🏽"
    )


def test_no_platform_address_for_mastodon() -> None:
    _, event = parsed(make_plan(platform="mastodon"))
    assert "URL" not in event
    assert "Mastodon" in str(event["LOCATION"])


def test_no_creation_time_is_refused() -> None:
    with pytest.raises(ValueError, match="creation time"):
        export("ics", make_context(make_plan()))


def test_a_single_chat_has_no_recurrence() -> None:
    _, event = parsed(make_plan())
    assert "RRULE" not in event
    assert "VTIMEZONE" not in ics_text(make_plan())


def test_weekly_chat_recurs_at_its_local_hour() -> None:
    calendar, event = parsed(make_plan(repeat="weekly"))
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["TH"]
    # Local start with its zone: after the clocks change, still 18:00 in Paris.
    start = event.decoded("DTSTART")
    assert start.utcoffset() == timedelta(hours=1)
    assert start.replace(tzinfo=None) == datetime(2026, 12, 3, 18, 0)  # noqa: DTZ001
    assert "DTSTART;TZID=Europe/Paris:20261203T180000" in ics_text(make_plan(repeat="weekly"))
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Paris"]


@pytest.mark.parametrize(
    ("day", "byday"),
    [(3, "1TH"), (10, "2TH"), (24, "4TH"), (31, "-1TH")],
)
def test_monthly_chat_recurs_on_the_same_weekday_of_the_month(day: int, byday: str) -> None:
    start = datetime(2026, 12, day, 18, 0)  # noqa: DTZ001 - local to the plan's zone
    _, event = parsed(make_plan(start=start, repeat="monthly"))
    assert event["RRULE"]["FREQ"] == ["MONTHLY"]
    assert [str(d) for d in event["RRULE"]["BYDAY"]] == [byday]
