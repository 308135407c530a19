"""The real clipboard: under a private Xvfb server, with xclip, text arrives exactly.

Skipped, with the reason, when Xvfb or xclip is missing (Debian: xvfb xclip xauth).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyperclip
import pytest

from tests.ui.helpers import at, copies_done, copy_plan, make_app
from tui.app import TchatApp
from tui.clipboard import SystemClipboard
from tui.core.run.asrun import log_path_for, read_events
from tui.core.timing.clock import FrozenClock

TRICKY = "Été « Q1 » : réponds avec R1 🎉👩🏽‍💻 #TchatLecture\nligne 2\ttab"


def _missing() -> str | None:
    absent = [tool for tool in ("Xvfb", "xclip") if shutil.which(tool) is None]
    return f"{' and '.join(absent)} not installed (apt-get install xvfb xclip)" if absent else None


@pytest.fixture
def x_display(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private X server on a free display number, chosen by Xvfb itself (-displayfd)."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            pytest.skip("Xvfb did not start")
        display = f":{number}"
        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        pyperclip.set_clipboard("xclip")
        yield display
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()


def x_clipboard(display: str) -> str:
    result = subprocess.run(
        ["xclip", "-o", "-selection", "clipboard"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        timeout=5,
        check=True,
    )
    return result.stdout.decode("utf-8")


def test_system_clipboard_round_trip(x_display: str) -> None:
    assert SystemClipboard().copy(TRICKY) is True
    assert x_clipboard(x_display) == TRICKY


async def test_copy_key_puts_the_draft_on_the_x_clipboard(
    x_display: str, tmp_path: Path
) -> None:
    plan = copy_plan(tmp_path)
    app: TchatApp = make_app(plan, FrozenClock(at(0.5)), SystemClipboard())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c")
        await copies_done(app, pilot)
        welcome = app.session.row("welcome@0")
        assert welcome is not None
        assert "👋" in welcome.draft.text
        assert x_clipboard(x_display) == welcome.draft.text
    [event] = read_events(log_path_for(plan))
    assert event.via == "system"


def test_dead_display_is_detected_not_trusted(
    x_display: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DISPLAY names a server that is not there: xclip fails, maybe quietly; the read-back
    # catches it so the app falls back to OSC 52 instead of claiming success.
    monkeypatch.setenv("DISPLAY", ":4095")
    assert SystemClipboard().copy(TRICKY) is False


def test_no_backend_is_a_failure_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_backend(text: str) -> None:
        raise pyperclip.PyperclipException("no copy/paste mechanism")

    monkeypatch.setattr(pyperclip, "copy", no_backend)
    assert SystemClipboard().copy("x") is False
