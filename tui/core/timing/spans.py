"""Spans of time as the screen, the report and the command line write them.

One home for each way a length of time is written, so the header's "(+2:00)", the
shift's notice and the report's delta column can never disagree:

- `signed_span`: "+1:05" late, "-0:30" early, "+0:00" on the second; minutes are not
  capped at 60, so a column of deltas reads and sorts the same way;
- `short_span`: "23:10" or "1:02:05", a span under the big digits or in a sentence;
- `digits_text`: "12:34" or "01:12:34", the big digits (whole days go in a caption,
  see `split_days`).
"""

from __future__ import annotations

from datetime import timedelta


def round_seconds(delta: timedelta) -> int:
    """Whole seconds, half away from zero (a mark at 17:59:59.6 is 0 s early, not 1)."""
    total = delta.total_seconds()
    whole = int(abs(total) + 0.5)
    return -whole if total < 0 else whole


def signed_span(span: timedelta | int) -> str:
    """ "+1:05", "-0:30", "+0:00": a span (or whole seconds) with its sign."""
    seconds = span if isinstance(span, int) else round_seconds(span)
    sign = "-" if seconds < 0 else "+"
    minutes, rest = divmod(abs(seconds), 60)
    return f"{sign}{minutes}:{rest:02d}"


def split_days(value: timedelta) -> tuple[int, timedelta]:
    """Whole days, and what is left of `value` under a day (never negative)."""
    whole = max(int(value.total_seconds()), 0)
    days, rest = divmod(whole, 86_400)
    return days, timedelta(seconds=rest)


def digits_text(value: timedelta) -> str:
    """ "12:34" under an hour, "01:12:34" under a day; days are said in the caption."""
    _days, rest = split_days(value)
    hours, remainder = divmod(int(rest.total_seconds()), 3600)
    minutes, seconds = divmod(remainder, 60)
    if hours:
        return f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"


def short_span(value: timedelta) -> str:
    """ "23:10" or "1:02:05", for the small line under the digits or a sentence."""
    whole = max(int(value.total_seconds()), 0)
    hours, remainder = divmod(whole, 3600)
    minutes, seconds = divmod(remainder, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
