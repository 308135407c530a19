"""A log that cannot be written never ends the run: every action is kept in memory and on
screen, a banner says so, and the waiting events are written, in order, once the disk
takes them again. Tested on a real read-only folder and a real full disk."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.conftest import FakeClipboard
from tests.ui.helpers import (
    at,
    copies_done,
    copy_plan,
    make_app,
    paste_time,
    record_notifications,
    sheet,
    watcher_polled,
)
from tui.core.plan.planfile import load_plan
from tui.core.run.asrun import log_path_for, read_events
from tui.core.timing.clock import FrozenClock

SIZE = (120, 36)


def _mount(*args: str) -> bool:
    try:
        done = subprocess.run(["mount", *args], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """`folder` read-only for this process: a read-only bind mount for root (whom file
    modes do not stop), the folder's and its files' modes for anyone else."""
    if os.geteuid() == 0:
        if not (_mount("--bind", str(folder), str(folder))
                and _mount("-o", "remount,bind,ro", str(folder))):
            subprocess.run(["umount", str(folder)], capture_output=True, check=False)
            pytest.skip("running as root where mounting is not allowed: no read-only folder")
        try:
            yield
        finally:
            subprocess.run(["umount", str(folder)], capture_output=True, check=False)
        return
    modes = {path: path.stat().st_mode for path in [folder, *folder.iterdir()]}
    for path in modes:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 kB tmpfs of its own, or a skip saying why there is none."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)):
        pytest.skip("mounting a small tmpfs is not allowed here (needs root or CAP_SYS_ADMIN)")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True, check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def banner(app: object) -> Static:
    return app.screen.query_one("#write-banner", Static)  # type: ignore[attr-defined]


async def test_full_disk_keeps_every_action_and_writes_them_once_it_can(
    small_disk: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(small_disk)
    log = log_path_for(plan)
    app = make_app(plan, FrozenClock(at(21)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        filler = fill(small_disk)
        session = app.session
        await pilot.press("c")  # the selected cue, marked
        await copies_done(app, pilot)
        marked = set(session.state.posted)
        assert marked, "the mark is kept in memory"
        assert banner(app).display
        assert "No space left on device" in str(banner(app).visual)
        await pilot.press("s")  # skip the next one
        await pilot.press("u")  # and take the skip back
        await pilot.press("h")
        app.screen.query_one("#highlight-input", Input).value = "https://example.org/a"
        await pilot.press("enter")
        await pilot.pause()
        assert [e.kind for e in session.pending] == ["mark", "skip", "undo", "highlight"]
        assert set(session.state.posted) == marked
        assert read_events(log) == []
        # Still on the run-sheet, still answering keys.
        assert app.screen is sheet(app) and app.is_running
        filler.unlink()
        await watcher_polled(app, pilot)
        assert not banner(app).display
        assert said[-1] == "Journal de nouveau écrit\u00a0: rien n'est perdu"
    assert [e.kind for e in read_events(log)] == ["mark", "skip", "undo", "highlight"]
    assert session.pending == []


async def test_read_only_folder_keeps_marks_ticks_and_shifts(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    plan = copy_plan(folder)
    clock = FrozenClock(at(4))
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        before = plan.read_bytes()
        with read_only(folder):
            # Welcome and rules skipped (before Q1 is due: after, they fold into it);
            # the heads-up of Q1 is a minute late.
            a_second_later = paste_time(app)  # two skips, not a key pressed twice
            await pilot.press("s")
            a_second_later()
            await pilot.press("s")
            await pilot.press("d")
            assert app.session.state.shifts, "the shift is kept in memory"
            await pilot.press("space", "space")  # a tick: neither plan nor log takes it
            await pilot.pause()
            # Said once, truly: the tick waits in memory with the log's lines.
            waiting = [m for m in said if m.startswith("Plan non écrit (")]
            assert len(waiting) == 1 and waiting[0].endswith(
                "\u00a0: la coche est gardée en mémoire avec le journal\u00a0; elle ira dans le "
                "plan dès que possible")
            assert banner(app).display
            kinds = [e.kind for e in app.session.pending]
            assert kinds == ["skip", "skip", "shift", "tick"]
            assert app.session.state.ticks
            assert plan.read_bytes() == before  # the plan was never half-written
        ticks = dict(app.session.state.ticks)
        await watcher_polled(app, pilot)
        assert not banner(app).display
        # The plan's copy caught up with the log at the same look.
        assert app.session.ticks_owed == 0
        assert {i: load_plan(plan).checklist[i].done for i in ticks} == ticks
    assert [e.kind for e in read_events(log_path_for(plan))] == ["skip", "skip", "shift", "tick"]


async def test_skipped_log_lines_are_said_once_on_screen(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    log = log_path_for(plan)
    good = ('{"v":1,"kind":"skip","clock":"2026-12-03T17:01:00+00:00",'
            '"wall":"2026-12-03T17:01:00+00:00","cue":"welcome@0"}')
    log.write_text(f"{good}\n{'[' * 50_000}\n{good.replace('2026', '9999')}\n", encoding="ascii")
    app = make_app(plan, FrozenClock(at(3)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "welcome@0" in app.session.state.skipped
        sheet(app).refresh_now()
    assert [m for m in said if "illisible" in m] == [
        "2 lignes illisibles du journal ignorées (2, 3)"]


async def test_a_deleted_plan_folder_is_never_recreated_and_stays_said(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    import shutil

    from tests.ui.helpers import ids_written

    # Seen in a trial: the folder deleted mid-run came back holding only the log, and
    # once the "does not load" notice expired nothing said the plan was gone.
    folder = tmp_path / "share"
    folder.mkdir()
    plan = copy_plan(folder)
    app = make_app(plan, FrozenClock(at(6)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await ids_written(app, pilot)
        gone = app.screen.query_one("#plan-gone-banner", Static)
        assert not gone.display
        shutil.rmtree(folder)
        await watcher_polled(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert not folder.exists()
        assert [e.kind for e in app.session.pending] == ["skip"]
        assert banner(app).display
        assert gone.display and "share" in str(gone.render())
        for _ in range(3):  # polls that find it still gone, long after any notice
            await watcher_polled(app, pilot)
        await watcher_polled(app, pilot)
        assert not folder.exists()
        assert gone.display
        folder.mkdir()
        copy_plan(folder)
        await watcher_polled(app, pilot)
        assert not gone.display


def _log_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.core.run.asrun import AsRunLog, Event

    def full(self: AsRunLog, event: Event) -> None:
        raise OSError(28, "No space left on device", str(self.path))

    monkeypatch.setattr(AsRunLog, "append", full)


async def test_quit_with_actions_in_memory_waits_for_them_then_quits(
    tmp_path: Path, fake_clipboard: FakeClipboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.screens.quitting import QuitWaitingDialog

    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(6)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        _log_refuses(monkeypatch)
        a_second_later = paste_time(app)  # two skips, not a key pressed twice
        await pilot.press("s")
        a_second_later()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitWaitingDialog)
        assert "2 actions ne sont qu'en mémoire" in app.screen.choice.body
        # Enter is "back" (the focus starts there); ctrl+q again shows the same dialog once.
        await pilot.press("ctrl+q")
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.screen is sheet(app)
        # Wait: the run goes on, said; a look that still cannot write does not quit.
        await pilot.press("ctrl+q", "w")
        await pilot.pause()
        assert app.screen is sheet(app) and said[-1].startswith(
            "tchat quittera dès que les 2 actions en mémoire seront écrites")
        await watcher_polled(app, pilot)
        assert app.is_running
        monkeypatch.undo()  # the disk takes them again: written, then quit by itself
        from textual.worker import WorkerCancelled

        with contextlib.suppress(WorkerCancelled):  # the app ends under the look
            await watcher_polled(app, pilot)
        assert app.return_code == 0 and not app.is_running
    assert [e.kind for e in read_events(log_path_for(plan))] == ["skip", "skip"]


async def test_quit_anyway_loses_only_what_it_said(
    tmp_path: Path, fake_clipboard: FakeClipboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(6)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        _log_refuses(monkeypatch)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+q", "w", "ctrl+q")  # waiting, then chosen again:
        await pilot.pause()
        await pilot.press("o")  # quit anyway ("oui")
        await pilot.pause()
        assert not app.is_running
    monkeypatch.undo()
    assert [e.kind for e in read_events(log_path_for(plan))] == ["skip"]
