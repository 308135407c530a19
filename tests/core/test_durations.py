"""One duration parser, two syntaxes: the plan's offsets and `--start-in`."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.timing.durations import OFFSET, START_IN, parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", timedelta(minutes=12)), ("-30", timedelta(minutes=-30)),
     ("-14d", timedelta(days=-14)), ("+45m", timedelta(minutes=45)),
     ("- 1d 2h", -timedelta(hours=26)), ("1H30M", timedelta(minutes=90))],
)
def test_offsets(text: str, expected: timedelta) -> None:
    assert parse_duration(text, OFFSET) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("30s", timedelta(seconds=30)), ("5", timedelta(minutes=5)),
     ("1h30s", timedelta(seconds=3630)), (" 2m ", timedelta(minutes=2)), ("0s", timedelta(0))],
)
def test_start_in(text: str, expected: timedelta) -> None:
    assert parse_duration(text, START_IN) == expected


@pytest.mark.parametrize(
    ("text", "syntax", "message"),
    [
        ("25s", OFFSET, "'25s' is not a time offset: use minutes (12, -30) or units like"),
        ("--3d", OFFSET, "is not a time offset"),
        ("1.5h", OFFSET, "is not a time offset"),
        ("-5m", START_IN, "'-5m' is not a duration: use 30s, 2m, 1h30m or plain minutes"),
        ("-5", START_IN, "is not a duration"),
        ("2 weeks", START_IN, "is not a duration"),
        ("", START_IN, "is not a duration"),
    ],
)
def test_other_text_is_refused_with_the_form_to_use(text: str, syntax: object,
                                                    message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_duration(text, syntax)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from("dhms"))
def test_one_unit(amount: int, unit: str) -> None:
    seconds = {"d": 86_400, "h": 3600, "m": 60, "s": 1}[unit]
    assert parse_duration(f"{amount}{unit}", START_IN) == timedelta(seconds=amount * seconds)
