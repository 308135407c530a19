"""Shared fixtures: a reproducible terminal, a frozen clock, a stepped monotonic time
for simulated clocks, a fake clipboard, and a local Mastodon server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from tui.core.timing.clock import FrozenClock

if TYPE_CHECKING:
    from feed_servers import BlueskyPds, FakeServer, MastodonAccount, MastodonData

# No time limit per example: Hypothesis's 200 ms deadline is a timed assertion, and on
# a loaded 2-core machine a plan written, read and validated in one example passes it
# or not by the neighbours' load (test_glance failed so). Speed is benchmarks/' work.
settings.register_profile("tchat", deadline=None)
settings.load_profile("tchat")

# Snapshots and colours must not depend on the developer's shell.
for _name in ("NO_COLOR", "TEXTUAL_THEME"):
    os.environ.pop(_name, None)


class FakeClipboard:
    """Remembers what was copied; `working=False` makes it fail like a headless box."""

    def __init__(self, working: bool = True) -> None:
        self.working = working
        self.copied: list[str] = []

    def copy(self, text: str) -> bool:
        if not self.working:
            return False
        self.copied.append(text)
        return True

    @property
    def text(self) -> str | None:
        return self.copied[-1] if self.copied else None


class FakeMonotonic:
    """A monotonic time that moves only when told: a `SimulatedClock` built on it is
    stepped exactly, without sleeping (`SimulatedClock(..., monotonic=fake)`)."""

    def __init__(self) -> None:
        self.value = 0.0

    def __call__(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


@pytest.fixture
def fake_monotonic() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def fake_clipboard() -> FakeClipboard:
    return FakeClipboard()


@pytest.fixture
def frozen_clock() -> FrozenClock:
    # 17:20 UTC = 18:20 in Paris: during the test chats, which start at 18:00 Paris.
    return FrozenClock(datetime(2026, 12, 3, 17, 20, tzinfo=UTC))


@pytest.fixture
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # A blinking cursor makes snapshots flaky.
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)
    yield


@pytest.fixture
def mastodon() -> Iterator[tuple[FakeServer, MastodonData]]:
    """A local Mastodon server (127.0.0.1, a random port) with no post yet; `data.base`
    is its address, `data.add(...)` posts on it."""
    from feed_servers import MastodonData, served

    data = MastodonData()
    for server, base in served(data.handle):
        data.base = base
        yield server, data


@pytest.fixture
def mastodon_account() -> Iterator[tuple[FakeServer, MastodonAccount]]:
    """A local Mastodon server with one account that posts (`data.token` its token)."""
    from feed_servers import MastodonAccount, served

    data = MastodonAccount()
    for server, base in served(data.handle):
        data.base = base
        yield server, data
        data.release.set()


@pytest.fixture
def bluesky_pds() -> Iterator[tuple[FakeServer, BlueskyPds, str]]:
    """A local PDS with one account (`data.handle`, `data.password`) and its address."""
    from feed_servers import BlueskyPds, served

    data = BlueskyPds()
    for server, base in served(data.handle_request):
        yield server, data, base
        data.release.set()
