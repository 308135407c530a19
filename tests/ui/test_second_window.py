"""Two windows on one plan: the second follows the first, writes nothing, and takes over
when the first is gone; a lock left by a dead process is taken over with a notice."""

from __future__ import annotations

import json
import os
import socket
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import Static

from tests.conftest import FakeClipboard
from tests.ui.helpers import at, copies_done, copy_plan, make_app, record_notifications, sheet
from tui.core.run.asrun import AsRunLog, Event, log_path_for, read_events
from tui.core.run.planlock import Lock, lock_path_for, take_lock
from tui.core.timing.clock import FrozenClock

SIZE = (120, 36)


def hold(plan: Path, pid: int) -> None:
    lock_path_for(plan).write_text(json.dumps(
        {"pid": pid, "host": socket.gethostname(), "started": "2026-12-03T16:00:00+00:00"}))


async def test_a_second_window_follows_and_takes_over(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    hold(plan, os.getpid())  # the first window: a live process holds the plan
    app = make_app(plan, FrozenClock(at(1)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await pilot.pause()
        banner = app.screen.query_one("#follow-banner", Static)
        assert banner.display and f"pid {os.getpid()}" in str(banner.visual)
        # Its keys that write say why they do nothing.
        await pilot.press("s")
        assert said[-1].startswith("Plan ouvert ailleurs")
        await pilot.press("c")
        await copies_done(app, pilot)
        assert fake_clipboard.text is not None  # copying is still possible
        assert app.session.state.posted == {} and not log_path_for(plan).exists()
        # The first window marks: this one shows it at its next look at the log.
        AsRunLog(log_path_for(plan)).append(
            Event("mark", clock=at(1), wall=datetime.now(UTC), cue="welcome@0", via="system"))
        sheet(app).beat()
        assert "welcome@0" in app.session.state.posted
        # The first window quits: this one takes over and writes.
        lock_path_for(plan).unlink()
        sheet(app).beat()
        assert not banner.display and app.session.following is None
        assert said[-1] == "L'autre fenêtre est fermée\u00a0: celle-ci écrit désormais le journal"
        await pilot.press("s")
    assert [e.kind for e in read_events(log_path_for(plan))] == ["mark", "skip"]
    assert not lock_path_for(plan).exists()  # released on quitting


async def test_a_stale_lock_is_taken_over_with_a_notice(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    gone = subprocess.Popen(["true"])
    gone.wait()
    hold(plan, gone.pid)
    app = make_app(plan, FrozenClock(at(1)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.following is None and app.session.lock is not None
        assert not app.screen.query_one("#follow-banner", Static).display
        lock = json.loads(lock_path_for(plan).read_text())
        assert lock["pid"] == os.getpid()
    assert any(f"pid {gone.pid}" in m for m in said)


def test_one_lock_at_a_time(tmp_path: Path) -> None:
    plan = tmp_path / "p.toml"
    first = take_lock(plan)
    assert isinstance(first, Lock)
    second = take_lock(plan)
    assert not isinstance(second, Lock) and second.pid == os.getpid()
    first.release()
    assert isinstance(take_lock(plan), Lock)


async def test_t_takes_over_a_lock_held_from_another_host_after_a_yes(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from tui.screens.dialogs import ConfirmDialog

    plan = copy_plan(tmp_path)
    # A co-host's machine that crashed: another host, so never found stale from here.
    lock_path_for(plan).write_text(json.dumps(
        {"pid": 4242, "host": "studio-laptop", "started": "2026-12-03T16:55:00+00:00"}))
    app = make_app(plan, FrozenClock(at(7.25)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await pilot.pause()
        banner = app.screen.query_one("#follow-banner", Static)
        assert banner.display and "T\u00a0: prendre la main" in str(banner.visual)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "pid 4242 sur studio-laptop, depuis 17:55 (il y a 12:15)" in app.screen.body
        await pilot.press("T", "enter")  # T again, then enter: "cancel" has the focus
        await pilot.pause()
        assert app.screen is sheet(app) and app.session.following is not None
        await pilot.press("T", "o")  # "oui"
        await pilot.pause()
        assert app.screen is sheet(app) and app.session.following is None
        assert not banner.display
        assert said[-1] == ("Main reprise sur pid 4242 sur studio-laptop\u00a0: cette fenêtre "
                            "écrit désormais le journal")
        await pilot.press("s")
        await pilot.pause()
        assert json.loads(lock_path_for(plan).read_text())["pid"] == os.getpid()
    assert [e.kind for e in read_events(log_path_for(plan))] == ["skip"]
    assert not lock_path_for(plan).exists()  # released on quitting, as its own
