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


def _record(app: TchatApp, seen: Callable[[str, float | None], None]) -> None:
    """Hand every notice to `seen` (its text and time on screen), in order, from now on:
    the run-sheet's (its own bar) and the dialogs' (Textual's toasts), the run-sheet's
    first ones included when it is not made yet."""

    def recording(notify: Callable[..., None]) -> Callable[..., None]:
        def recorded(message: str, *args: Any, **kwargs: Any) -> None:
            seen(message, kwargs.get("timeout"))
            notify(message, *args, **kwargs)
        return recorded

    app.notify = recording(app.notify)  # type: ignore[method-assign]
    try:
        made = app.run_sheet
    except (StopIteration, AssertionError, AttributeError):
        make = app.make_run_sheet

        def made_and_recorded() -> RunSheet:
            sheet = make()
            sheet.notify = recording(sheet.notify)  # type: ignore[method-assign]
            return sheet

        app.make_run_sheet = made_and_recorded  # type: ignore[method-assign]
    else:
        made.notify = recording(made.notify)  # type: ignore[method-assign]


def record_notifications(app: TchatApp) -> list[str]:
    """Every notice's text, in order (toasts are not rendered by run_test)."""
    texts: list[str] = []
    _record(app, lambda text, _seconds: texts.append(text))
    return texts


def record_notices(app: TchatApp) -> list[tuple[str, float | None]]:
    """Every notice's text and time on screen, in order."""
    notices: list[tuple[str, float | None]] = []
    _record(app, lambda text, seconds: notices.append((text, seconds)))
    return notices


async def copies_done(app: TchatApp, pilot: Any) -> None:
    """Wait until every copy started has been handled (marked, notified): the clipboard
    worker handles its own result, so this is the end of every worker.

    A copy's worker starts the next copy itself when a press was kept while it was on
    its way (`CopyQueue`), after `wait_for_complete` took its list of workers: those
    are waited for too (missing them made the quick-presses tests fail under load)."""
    await app.workers.wait_for_complete()
    for _ in range(100):
        pending = [worker for worker in app.workers
                   if worker.group == "clipboard" and not worker.is_finished]
        if not pending:
            break
        await app.workers.wait_for_complete(pending)
    await pilot.pause()


async def until(pilot: Any, done: Callable[[], object], bound: int = 500,
                step: float | None = None) -> None:
    """Pause until `done()` holds (at most `bound` pauses of `step` seconds, or of one
    turn of the loop): wait for a state, never for a time. The test asserts the state
    after, so a state never reached still fails."""
    for _ in range(bound):
        if done():
            return
        await pilot.pause(step)


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
    """Have the heartbeat look at the plan (and write what the log could not take) now
    rather than in two seconds, and wait until the look (on a worker thread) is in and
    the run desk has said what it found."""
    from tui.widgets.heartbeat import Heartbeat

    app.run_sheet.query_one(Heartbeat).beat(look=True)
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


KEY_NAMES = {" ": "space", "{": "left_curly_bracket", "}": "right_curly_bracket"}


def burst(app: TchatApp, *keys: str) -> None:
    """Send keys the way a terminal does when they come faster than the app handles
    them: all at once, none waiting for the one before (Pilot's `press` waits for the
    app to be idle after each key, which hides any reordering). A key is a name
    ("backspace", "ctrl+s") or one character."""
    import unicodedata

    from textual import events

    for key in keys:
        if len(key) == 1:
            name = key if key.isalnum() else KEY_NAMES.get(key) or (
                unicodedata.name(key).lower().replace("-", "_").replace(" ", "_"))
            app.post_message(events.Key(name, key))
        else:
            app.post_message(events.Key(key, None))


def paste_time(app: TchatApp) -> Callable[[], None]:
    """Put the run desk's real time in the test's hands; returns `pasted()`, which lets
    the moderator's second pass after the last copy (time to paste it), so the next `c`
    is a new press, never a bounce (`tui.core.run.copyguard`)."""
    from tests.conftest import FakeMonotonic
    from tui.core.run.copyguard import BOUNCE_SECONDS

    real = FakeMonotonic()
    app.run_sheet.desk.guard.monotonic = real
    return lambda: real.advance(BOUNCE_SECONDS)
