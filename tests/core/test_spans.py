"""The one way each span of time is written: signed deltas, short spans, big digits."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tui.core.timing.spans import digits_text, short_span, signed_span, split_days


@pytest.mark.parametrize(("span", "text"), [
    (0, "+0:00"), (65, "+1:05"), (-30, "-0:30"), (3725, "+62:05"),
    (timedelta(seconds=119.6), "+2:00"), (timedelta(seconds=-0.4), "+0:00"),
])
def test_signed_span(span: timedelta | int, text: str) -> None:
    assert signed_span(span) == text


def test_short_span_and_digits() -> None:
    assert short_span(timedelta(minutes=23, seconds=10)) == "23:10"
    assert short_span(timedelta(hours=1, minutes=2, seconds=5)) == "1:02:05"
    assert short_span(timedelta(seconds=-5)) == "00:00"
    assert digits_text(timedelta(minutes=12, seconds=34)) == "12:34"
    assert digits_text(timedelta(days=2, hours=1, minutes=12, seconds=34)) == "01:12:34"
    assert split_days(timedelta(days=3, hours=2)) == (3, timedelta(hours=2))
