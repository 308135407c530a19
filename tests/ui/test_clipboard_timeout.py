"""A clipboard that never answers: the mark is recorded, OSC 52 takes over with a
notice, and quitting does not wait for it."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.ui.helpers import at, copies_done, copy_plan, make_app, record_notifications, sheet
from tui.clipboard import copy_within
from tui.core.run.asrun import log_path_for, read_events
from tui.core.timing.clock import FrozenClock


class HungClipboard:
    """Like an `xclip` that never returns: `copy` blocks until the test releases it."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.called = threading.Event()

    def copy(self, text: str) -> bool:
        self.called.set()
        self.release.wait()
        return True


async def test_a_hung_clipboard_falls_back_to_osc52_and_marks(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    hung = HungClipboard()
    app = make_app(plan, FrozenClock(at(0)), hung)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            said = record_notifications(app)
            sheet(app).copies.timeout = 0.2  # the real bound is 2 s; the same path
            sent: list[str] = []
            app.copy_to_clipboard = sent.append  # type: ignore[method-assign]
            await pilot.press("c")
            await copies_done(app, pilot)
            assert hung.called.is_set()
            assert sent and "Bienvenue" in sent[0]
            assert "welcome@0" in app.session.state.posted
            assert said[-1].startswith(
                "Le presse-papiers du système n'a pas répondu en 0,2\u00a0s.")
        [event] = read_events(log_path_for(plan))
        assert (event.kind, event.cue, event.via) == ("mark", "welcome@0", "osc52")
    finally:
        hung.release.set()


async def test_copy_within_gives_up_without_holding_the_thread() -> None:
    hung = HungClipboard()
    try:
        assert await copy_within(hung, "x", timeout=0.05) == "timeout"
        # The copy runs on a daemon thread: an exiting process does not wait for it.
        threads = [t for t in threading.enumerate() if t.name == "clipboard-copy"]
        assert threads and all(t.daemon for t in threads)
    finally:
        hung.release.set()
