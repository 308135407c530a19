"""Building a run-sheet app over a throwaway copy of a test plan."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tui.app import TchatApp
from tui.clipboard import Clipboard
from tui.core.timing.clock import Clock, SimulatedClock
from tui.screens.runsheet import RunSheet
from tui.startup import begin

PLANS = Path(__file__).parent / "plans"
REPO = Path(__file__).resolve().parents[2]
# Every test plan starts on 3 December 2026 at 18:00 in Paris (17:00 UTC).
START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def copy_plan(tmp_path: Path, name: str = "chat-fr") -> Path:
    source = PLANS / f"{name}.toml"
    if not source.exists():
        source = REPO / "plans" / f"{name}.toml"
    target = tmp_path / f"{name}.toml"
    shutil.copy(source, target)
    return target


def make_app(
    plan: Path, clock: Clock, clipboard: Clipboard, **options: Any
) -> TchatApp:
    return TchatApp(begin(plan, clock=clock, **options), clipboard=clipboard)


def rehearsal_app(
    plan: Path, monotonic: Callable[[], float], clipboard: Clipboard, *, minute: float = -2,
    speed: float = 1, log_name: str = "rehearsal.jsonl", **options: Any
) -> TchatApp:
    """A rehearsal of `plan` from `minute`, its simulated clock stepped by `monotonic`
    (a FakeMonotonic), its log next to the plan."""
    clock = SimulatedClock(at(minute), speed=speed, monotonic=monotonic)
    return make_app(plan, clock, clipboard, mode="rehearsal",
                    log_path=plan.parent / log_name, **options)


def sheet(app: TchatApp) -> RunSheet:
    return app.run_sheet


def record_notifications(app: TchatApp) -> list[str]:
    """Every notification's text, in order (toasts are not rendered by run_test)."""
    seen: list[str] = []
    original = app.notify

    def notify(message: str, *args: Any, **kwargs: Any) -> None:
        seen.append(message)
        original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return seen


async def copies_done(app: TchatApp, pilot: Any) -> None:
    """Wait until every copy started has been handled (marked, notified): the clipboard
    worker handles its own result, so this is the end of every worker."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def ids_written(app: TchatApp, pilot: Any, bound: float = 30.0) -> None:
    """Wait until the live run has written the plan's missing ids (a second after the
    screen is up), so a test comparing the plan's text compares it after that write."""
    from tui.core.plan.schedule import missing_ids

    waited = 0.0
    while missing_ids(app.session.plan):
        assert waited < bound, "the plan's ids were never written"
        await pilot.pause(0.05)
        waited += 0.05


def refuse_network(monkeypatch: Any) -> list[object]:
    """Make every connection and name lookup fail; the attempts, to assert there were
    none."""
    import socket

    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network refused by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


async def watcher_polled(app: TchatApp, pilot: Any) -> None:
    """Have the plan watcher poll now rather than in two seconds, and wait until it has
    read the plan (on a worker thread) and said what it found."""
    from tui.widgets.watcher import PlanWatcher

    app.screen.query_one("#watcher", PlanWatcher).check()
    await app.workers.wait_for_complete()
    await pilot.pause()
