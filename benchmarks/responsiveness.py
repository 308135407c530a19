"""Key press to repaint, driven by Textual's Pilot with the repaints timestamped.

Method. The app runs in `run_test()` at 120x36 with a frozen clock, a fake clipboard
and notifications on, made as `tchat` makes it (its heap frozen once the screen is up,
the first key after that); the plan is a throwaway copy in a temporary folder, in live mode,
so a checklist tick really rewrites the plan file as it would on the day. Each repaint
goes through `App._display` (the compositor's update for the screen); the benchmark
wraps it to note the time of every call and, since the headless driver skips it, to
turn the update into the escape sequences a real terminal would be sent
(`render_segments`), so that cost is counted too.

One sample: clear any toast and let the screen settle; note t0; `pilot.press(key)`
(the key event enters the app's queue as a terminal's would); wait for clipboard
workers; then wait until no repaint happened for 150 ms. Two figures per press: the
first frame (t0 to the first repaint: the highlight has moved, the moderator sees the
key was taken) and settled (t0 to the last repaint: everything the key changed, draft
pane, toast, checklist, scrollbars, is on screen). Targets are judged on both.
Pilot's own pauses are not counted: the end is a repaint's timestamp, not the moment
the test code resumes. The frozen clock makes the countdown's timer post nothing, so
no repaint in a window comes from anything but the key.

What it leaves out: reading the key from the terminal and writing the frame to it
(the same for every app, and part of the floor app's figure too).
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from rich.cells import cell_len
from rich.console import ConsoleRenderable
from rich.segment import ControlType
from textual._compositor import CompositorUpdate
from textual.app import App
from textual.pilot import Pilot

from benchmarks.bare_app import FloorApp
from benchmarks.plans import large_plan
from benchmarks.report import Figure, Target, samples
from tui.app import TchatApp
from tui.commands.demo import demo_plan_path
from tui.core.timing.clock import FrozenClock
from tui.startup import HEAP_SETTLES_AFTER, begin

SECTION = "Key press to repaint (Pilot, 120x36)"
SIZE = (120, 36)
QUIET = 0.15
TARGETS = (Target("<", 50), Target("<", 100, "p95"))
# The demo and the generated plans start at 18:00 in Paris on 3 December 2026.
DEMO_START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


class FakeClipboard:
    """Accepts every text at once: the benchmark times the app, not xclip."""

    def __init__(self) -> None:
        self.copied: list[str] = []

    def copy(self, text: str) -> bool:
        self.copied.append(text)
        return True


@dataclass
class Step:
    keys: tuple[tuple[str | None, str], ...]
    """(figure name, key) pairs, pressed in turn each round; a key without a name is
    pressed untimed, to bring the screen back to where the next sample starts."""
    rounds: int


class Repaints:
    """Timestamps of every repaint of `app`, each rendered to terminal sequences, and
    which of them changed what the terminal shows."""

    def __init__(self, app: App[Any]) -> None:
        self.times: list[float] = []
        self.dialogs_closed = 0
        self._console = app.console
        self._frames: list[tuple[float, CompositorUpdate]] = []
        self._seen = 0
        self._cells: dict[tuple[int, int], tuple[str, Any]] = {}
        original: Callable[..., None] = app._display
        console = app.console

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(console)
                self._frames.append((time.perf_counter(), renderable))
            self.times.append(time.perf_counter())

        app._display = display  # type: ignore[method-assign]

    def visible_since(self, started: float) -> tuple[list[float], int]:
        """Times of the repaints after `started` that changed a cell of the terminal
        (a character or its style), and how many repaints changed none.

        Textual repaints the scrollbars of the whole screen after a layout, in frames of
        their own, with what they already showed: the terminal gets the same cells again
        and nothing on screen moves. Those are not the moment the screen settles.
        """
        changed: list[float] = []
        unchanged = 0
        for when, frame in self._frames[self._seen:]:
            if self._apply(frame):
                if when >= started:
                    changed.append(when)
            elif when >= started:
                unchanged += 1
        self._seen = len(self._frames)
        return changed, unchanged

    def _apply(self, frame: CompositorUpdate) -> bool:
        """Write `frame` into the copy of the terminal's cells; True if any changed."""
        cells = self._cells
        changed = False
        x = y = 0
        # Every update (chops, full layout, inline) is a Rich renderable of segments.
        renderable = cast(ConsoleRenderable, frame)
        for segment in self._console.render(renderable, self._console.options):
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO and len(control) == 3:
                        x, y = control[1], control[2]
                continue
            style = segment.style
            for char in segment.text:
                if char == "\n":
                    x, y = 0, y + 1
                    continue
                cell = (char, style)
                if cells.get((x, y)) != cell:
                    cells[(x, y)] = cell
                    changed = True
                x += cell_len(char)
        return changed


async def _settle(pilot: Pilot[Any], repaints: Repaints) -> None:
    """Return once no repaint has happened for QUIET seconds."""
    while True:
        seen = len(repaints.times)
        await asyncio.sleep(QUIET)
        if len(repaints.times) == seen:
            return


def _dialog_open(app: Any) -> bool:
    if isinstance(app, TchatApp):
        return app.screen is not app.run_sheet
    return len(app.screen_stack) > 1


async def _press(
    pilot: Pilot[Any], repaints: Repaints, key: str
) -> tuple[float, float, int] | None:
    """(first, last) visible repaint in ms after the key, and the repaints that changed
    nothing; None if nothing on screen changed."""
    app = pilot.app
    while _dialog_open(app):  # a dialog the last key opened: not this sample's
        app.pop_screen()
        repaints.dialogs_closed += 1
    app.clear_notifications()
    if isinstance(app, TchatApp) and app.loaded:
        # The run-sheet's notices are its own (`tui.widgets.notices`), not Textual's.
        sheet = app.run_sheet
        sheet.notices.clear()
        sheet.notice_bar.update()
    await _settle(pilot, repaints)
    repaints.visible_since(time.perf_counter())  # the screen as it is before the key
    repaints.times.clear()
    started = time.perf_counter()
    await pilot.press(key)
    await app.workers.wait_for_complete()
    await _settle(pilot, repaints)
    visible, unchanged = repaints.visible_since(started)
    if not visible:
        return None
    return (visible[0] - started) * 1000, (visible[-1] - started) * 1000, unchanged


@dataclass
class Timings:
    first: list[float]
    last: list[float]
    silent: int = 0
    """Presses after which nothing on screen changed (not counted in the samples)."""
    unchanged: int = 0
    """Repaints that changed no cell on screen (after a layout: scrollbars again)."""
    dialogs_closed: int = 0
    """Dialogs a key opened that had to be closed before the next sample."""


async def _drive(app: App[Any], steps: list[Step]) -> dict[str, Timings]:
    """Per timed step, the first and last repaint after each press, in ms."""
    found: dict[str, Timings] = {}
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        repaints = Repaints(app)
        await pilot.pause()
        if isinstance(app, TchatApp) and app.settles_heap:
            # As `tchat` runs: the heap is frozen once the screen is up (and the plan is
            # parsed for its first edit); a moderator's first key comes later than that.
            await asyncio.sleep(HEAP_SETTLES_AFTER + 0.5)
        await _settle(pilot, repaints)
        for step in steps:
            for _ in range(step.rounds):
                for name, key in step.keys:
                    value = await _press(pilot, repaints, key)
                    if name is None:
                        continue
                    timings = found.setdefault(name, Timings([], []))
                    if value is None:
                        timings.silent += 1
                    else:
                        timings.first.append(value[0])
                        timings.last.append(value[1])
                        timings.unchanged += value[2]
        if repaints.dialogs_closed:
            for timings in found.values():
                timings.dialogs_closed = repaints.dialogs_closed
    return found


def _tchat_steps(presses: int) -> list[Step]:
    return [
        Step((("cue list: down", "down"), ("cue list: up", "up")), presses),
        # An untimed undo after each copy selects the cue again: every sample copies
        # and marks the same cue, and the run never reaches the last post (whose copy
        # opens the end-of-chat report).
        Step((("copy (c), marks posted", "c"), (None, "u")), presses),
        # The first space moves the focus to the checklist; the next ones tick and
        # untick the same item.
        Step(((None, "space"),), 1),
        Step((("checklist: tick (writes the plan)", "space"),), presses),
    ]


def _figures(plan: str, found: dict[str, Timings],
             targets: tuple[Target, ...]) -> list[Figure]:
    figures = []
    for name, timings in found.items():
        if not timings.first:
            raise RuntimeError(f"{plan}: {name}: no press repainted anything")
        notes = []
        if timings.silent:
            notes.append(f"{timings.silent} presses changed nothing on screen")
        if timings.unchanged:
            notes.append(f"{timings.unchanged} later repaints changed no cell, not counted")
        if timings.dialogs_closed:
            notes.append(f"{timings.dialogs_closed} dialogs opened by keys were closed")
        note = "; ".join(notes)
        figures.append(Figure(SECTION, f"{plan}: {name}, first frame", "ms",
                              samples(timings.first), targets, show_p95=True))
        figures.append(Figure(SECTION, f"{plan}: {name}, settled", "ms",
                              samples(timings.last), targets, note=note, show_p95=True))
    return figures


def measure(quick: bool) -> list[Figure]:
    presses = 10 if quick else 30
    with tempfile.TemporaryDirectory(prefix="tchat-bench-") as tmp:
        folder = Path(tmp)
        large = large_plan(folder / "large.toml", DEMO_START)
        demo = folder / "demo-fr.toml"
        shutil.copyfile(demo_plan_path("fr"), demo)
        # Half an hour into the chat, nothing posted yet: the selection starts on the
        # welcome, the oldest cue still due, with every row after it to move through.
        clock = FrozenClock(DEMO_START + timedelta(minutes=30))
        large_app = TchatApp(begin(large, clock=clock, log_path=folder / "large.asrun.jsonl"),
                             clipboard=FakeClipboard(), settle_heap=True)
        large_found = asyncio.run(_drive(large_app, _tchat_steps(presses)))
        clock = FrozenClock(DEMO_START + timedelta(minutes=20))
        demo_app = TchatApp(begin(demo, clock=clock, log_path=folder / "demo.asrun.jsonl"),
                            clipboard=FakeClipboard(), settle_heap=True)
        demo_found = asyncio.run(_drive(demo_app, _tchat_steps(presses)))
    floor_found = asyncio.run(_drive(FloorApp(), [Step((("label update", "down"),), presses)]))
    return [
        *_figures("large plan", large_found, TARGETS),
        *_figures("demo", demo_found, TARGETS),
        *_figures("floor", floor_found, ()),
    ]
