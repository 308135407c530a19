"""Every number a server sends, bounded before use.

A header is a stranger's text: `inf`, `1e300`, `nan`, `-5`, five thousand nines or a
date in year 9999 must neither raise (`int(float("inf"))` is an OverflowError, a
`timedelta` of 1e20 seconds too) nor make tchat wait for ever. A wait becomes a number
of seconds between one second and the caller's longest; anything that is no number is
None, so the caller decides on its own (a back-off, a failure that says so).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from tui.core.feed.post import post_moment

MAX_WAIT = 15 * 60.0
"""The longest a server may make the feed wait (a rate limit) before it tries again."""
MAX_HEADER = 64
"""A reset time, a wait or a length is a few characters; a longer header is no number."""
MAX_DIGITS = 18
"""A Content-Length with more digits is no length tchat would read (far above any cap)."""


def bounded_wait(seconds: float, longest: float = MAX_WAIT) -> float | None:
    """A wait a server asked for, between one second and `longest`; None for no number.
    `inf` or 1e300 is a wait like any long one: `longest`; `-inf` or a past reset: one
    second."""
    if math.isnan(seconds):
        return None
    return min(longest, max(1.0, seconds))


def retry_after(headers: Mapping[str, str], now: datetime | None = None, *,
                longest: float = MAX_WAIT) -> float | None:
    """How long a 429 asks us to wait, from `Retry-After` (seconds or a date), Mastodon's
    `X-RateLimit-Reset` (a date) or Bluesky's `ratelimit-reset` (epoch seconds), read
    against the server's own `Date` when it sends one; bounded to `longest`; None when
    none of them reads."""
    lower = {str(k).lower(): str(v) for k, v in headers.items()}
    moment = now or datetime.now(UTC)
    server_now = _http_date(lower.get("date", "")) or moment
    for name in ("retry-after", "x-ratelimit-reset", "ratelimit-reset"):
        value = lower.get(name, "").strip()
        if not value or len(value) > MAX_HEADER:
            continue
        wait = _wait_in(value, server_now, relative=name == "retry-after", longest=longest)
        if wait is not None:
            return wait
    return None


def content_length(headers: Mapping[str, str]) -> int | None:
    """The answer's announced length, when it is one plain number tchat can compare
    (digits only, at most `MAX_DIGITS`); None otherwise (the parser then reads what
    comes, within the cap)."""
    lower = {str(k).lower(): str(v) for k, v in headers.items()}
    value = lower.get("content-length", "").strip()
    if not value or len(value) > MAX_DIGITS or not value.isascii() or not value.isdigit():
        return None
    return int(value)


def _wait_in(value: str, server_now: datetime, *, relative: bool,
             longest: float) -> float | None:
    """The wait one header says: seconds (`Retry-After`), an epoch (`ratelimit-reset`)
    or a date (either); None when it is no number, so the next header is read."""
    number = _number(value)
    if number is not None:
        seconds = number if relative else number - server_now.timestamp()
        return bounded_wait(seconds, longest)
    when = _http_date(value) if relative else post_moment(value)
    if when is not None:
        return bounded_wait((when - server_now).total_seconds(), longest)
    return None


def _number(text: str) -> float | None:
    try:
        return float(text)
    except (ValueError, OverflowError):
        return None


def _http_date(text: str) -> datetime | None:
    if not text or len(text) > MAX_HEADER:
        return None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return post_moment(when, naive_is_utc=True)
