"""A moment as the run-sheet's clock writes it, with the day when it is not the chat's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.timing.clocktime import chat_clock_time, clock_time

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 18:00 in Paris


def test_clock_time_is_the_zones_wall_clock() -> None:
    moment = datetime(2026, 12, 3, 17, 4, 9, tzinfo=UTC)
    assert clock_time(moment, PARIS) == "18:04"
    assert clock_time(moment, PARIS, seconds=True) == "18:04:09"
    assert clock_time(moment, ZoneInfo("Africa/Dakar")) == "17:04"


@pytest.mark.parametrize(
    ("shift", "language", "expected"),
    [
        (timedelta(minutes=12), "fr", "18:12"),
        (timedelta(days=-1), "fr", "J-1 18:00"),
        (timedelta(days=-14), "en", "D-14 18:00"),
        (timedelta(hours=6, minutes=10), "fr", "+1 00:10"),  # past midnight in Paris
    ],
)
def test_another_day_is_said(shift: timedelta, language: str, expected: str) -> None:
    assert chat_clock_time(START + shift, PARIS, START, language) == expected  # type: ignore[arg-type]


def test_seconds_and_the_day_together() -> None:
    moment = START - timedelta(days=1) + timedelta(seconds=5)
    assert chat_clock_time(moment, PARIS, START, "en", seconds=True) == "D-1 18:00:05"


@given(st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60))
def test_the_clock_part_is_always_the_wall_clock(minutes: int) -> None:
    moment = START + timedelta(minutes=minutes)
    text = chat_clock_time(moment, PARIS, START, "fr")
    assert text.endswith(clock_time(moment, PARIS))
    same_day = moment.astimezone(PARIS).date() == START.astimezone(PARIS).date()
    assert (text == clock_time(moment, PARIS)) == same_day
