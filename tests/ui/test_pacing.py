"""The run-sheet's frame pacer: at most one frame per interval, and never a slot lost.

A fake monotonic clock decides what the pacer believes the time is; the delays it asks
the event loop for are read from the scheduled handle.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.conftest import FakeClipboard, FakeMonotonic
from tests.ui.helpers import at, copy_plan, make_app
from tui.core.timing.clock import FrozenClock
from tui.screens.pacing import FramePacer

INTERVAL = 1 / 60


def scheduled_in(pacer: FramePacer) -> float:
    handle = pacer._pending
    assert handle is not None
    return handle.when() - asyncio.get_running_loop().time()


async def test_after_a_pause_the_frame_comes_at_once(fake_monotonic: FakeMonotonic) -> None:
    frames: list[float] = []
    pacer = FramePacer(INTERVAL, lambda: frames.append(fake_monotonic()), clock=fake_monotonic)
    pacer.resume()
    assert scheduled_in(pacer) <= 0.001
    await asyncio.sleep(0.005)
    assert frames == [fake_monotonic()] and not pacer.pending
    fake_monotonic.advance(5.0)  # idle for a while: the next frame is not held back
    pacer.resume()
    assert scheduled_in(pacer) <= 0.001


async def test_a_frame_asked_for_just_after_another_waits_one_interval_at_most(
    fake_monotonic: FakeMonotonic,
) -> None:
    frames: list[float] = []
    pacer = FramePacer(INTERVAL, lambda: frames.append(fake_monotonic()), clock=fake_monotonic)
    pacer.resume()
    await asyncio.sleep(0.005)
    assert len(frames) == 1
    # 10 ms after that frame (it took that long to draw), the toast asks for another:
    # it comes when the interval is up, 6.7 ms later, not at a later slot of a grid.
    fake_monotonic.advance(0.010)
    pacer.resume()
    assert scheduled_in(pacer) == pytest.approx(INTERVAL - 0.010, abs=0.001)
    # Asking again while one is scheduled changes nothing.
    handle = pacer._pending
    pacer.resume()
    assert pacer._pending is handle


async def test_pausing_takes_back_the_frame(fake_monotonic: FakeMonotonic) -> None:
    frames: list[float] = []
    pacer = FramePacer(INTERVAL, lambda: frames.append(fake_monotonic()), clock=fake_monotonic)
    pacer.resume()
    pacer.pause()
    assert not pacer.pending
    await asyncio.sleep(0.03)
    assert frames == []


async def test_the_run_sheet_is_paced_by_it_and_leaves_nothing_scheduled(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(4.5)), fake_clipboard)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        sheet = app.run_sheet
        pacer = sheet._update_timer
        assert isinstance(pacer, FramePacer)
        await pilot.press("down")
        await pilot.pause()
        assert pacer._last is not None, "the run-sheet's frames go through the pacer"
    assert not pacer.pending
