from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.timing.offsets import format_offset, parse_offset


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("12", 12), ("-30", -30), ("-14d", -14 * 1440), ("-1h", -60), ("1h30m", 90),
     ("+45m", 45), ("-1d 2h", -1560), ("2H", 120), ("0m", 0)],
)
def test_parse_offset(text: str, minutes: int) -> None:
    assert parse_offset(text) == minutes


@pytest.mark.parametrize("text", ["", "abc", "-", "1x", "1.5h", "h1", "--3d"])
def test_parse_offset_rejects_garbage(text: str) -> None:
    with pytest.raises(ValueError, match="not a time offset"):
        parse_offset(text)


def test_format_offset_reads_naturally() -> None:
    assert format_offset(-14 * 1440) == "-14d"
    assert format_offset(-90) == "-1h30m"
    assert format_offset(0) == "0m"


@given(st.integers(min_value=-10**6, max_value=10**6))
def test_format_then_parse_is_identity(minutes: int) -> None:
    assert parse_offset(format_offset(minutes)) == minutes
