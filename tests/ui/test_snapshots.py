"""Snapshot tests: the run-sheet's main states at the two sizes that matter.

Each app runs on a frozen clock over a copy of the French test plan, with marks written
to its log beforehand, so every snapshot is the same on every machine. Regenerate with
`pytest tests/ui/test_snapshots.py --snapshot-update` and look at the diff report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest import FakeClipboard
from tests.ui.helpers import at, copy_plan, make_app
from tui.app import TchatApp
from tui.core.plan.glance import glance
from tui.core.run.asrun import AsRunLog, Event, log_path_for
from tui.core.timing.clock import FrozenClock, SimulatedClock
from tui.startup import begin

SnapCompare = Callable[..., bool]
RunBefore = Callable[[Pilot[Any]], Awaitable[None]]
WIDE, SMALL = (120, 36), (80, 24)


def quiet(then: RunBefore | None = None) -> RunBefore:
    """Clear the toasts shown at start (a refused draft, the rehearsal banner), then run
    `then`: whether a second toast is mounted yet when the picture is taken depends on
    timing, and the toasts have Pilot tests of their own."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        clear_notices(pilot.app)
        await pilot.pause()
        if then is not None:
            await then(pilot)

    return run_before


def clear_notices(app: Any) -> None:
    """No notice in the picture: the run-sheet's own and Textual's toasts."""
    app.clear_notifications()
    if isinstance(app, TchatApp) and app.loaded:
        sheet = app.run_sheet
        sheet.notices.clear()
        sheet.notice_bar.update()


def run_sheet(
    tmp_path: Path, minute: float, posted: dict[str, float], plan: str = "chat-fr"
) -> TchatApp:
    path = copy_plan(tmp_path, plan)
    log = AsRunLog(log_path_for(path))
    for cue, when in posted.items():
        moment: datetime = at(when)
        log.append(Event("mark", clock=moment, wall=moment, cue=cue, via="system"))
    return make_app(path, FrozenClock(at(minute)), FakeClipboard())


OPENING = {"welcome@0": 0.2, "rules@2": 2.1, "hu1": 3.0}


@pytest.mark.parametrize("size", [WIDE, SMALL], ids=["120x36", "80x24"])
def test_during_question_due(snap_compare: SnapCompare, tmp_path: Path, size: Any) -> None:
    assert snap_compare(run_sheet(tmp_path, 4.5, OPENING), terminal_size=size,
                        run_before=quiet())


@pytest.mark.parametrize("size", [WIDE, SMALL], ids=["120x36", "80x24"])
def test_overrun(snap_compare: SnapCompare, tmp_path: Path, size: Any) -> None:
    assert snap_compare(run_sheet(tmp_path, 7.25, OPENING), terminal_size=size,
                        run_before=quiet())


def test_before(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(run_sheet(tmp_path, -75, {}), terminal_size=WIDE,
                        run_before=quiet())


def test_after(snap_compare: SnapCompare, tmp_path: Path) -> None:
    everything = {**OPENING, "q1": 5, "hu2": 15, "q2": 17, "hu3": 28, "q3": 30,
                  "hu4": 40, "q4": 42, "closing@55": 55, "thanks@58": 58}
    assert snap_compare(run_sheet(tmp_path, 64, everything), terminal_size=SMALL,
                        run_before=quiet())


def test_over_limit_draft_selected(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def select_q3(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, TchatApp)
        app.run_sheet.query_one("#cues").select_id("q3")  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(run_sheet(tmp_path, 4.5, OPENING), terminal_size=WIDE,
                        run_before=quiet(select_q3))


def test_hostile_plan(snap_compare: SnapCompare, tmp_path: Path) -> None:
    assert snap_compare(run_sheet(tmp_path, 2, {}, "hostile"), terminal_size=SMALL,
                        run_before=quiet())


def test_light_theme(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = run_sheet(tmp_path, 7.25, OPENING)
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=WIDE,
                        run_before=quiet())


def test_help(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = run_sheet(tmp_path, 4.5, OPENING)

    async def open_help(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        # The log path changes with tmp_path: hide it from the picture.
        pilot.app.screen.query_one("#help-log").display = False

    assert snap_compare(app, terminal_size=SMALL, run_before=quiet(open_help))


def rehearsal_sheet(tmp_path: Path, minute: float, posted: dict[str, float]) -> TchatApp:
    """A rehearsal at ten times, its clock held still by a monotonic time that never moves
    (not paused: the picture shows a running rehearsal)."""
    path = copy_plan(tmp_path)
    log = AsRunLog(tmp_path / "chat-fr.toml.rehearsal-20261125-174501.jsonl")
    for cue, when in posted.items():
        moment: datetime = at(when)
        log.append(Event("mark", clock=moment, wall=moment, cue=cue, via="system"))
    clock = SimulatedClock(at(minute), speed=10, monotonic=lambda: 0.0)
    return make_app(path, clock, FakeClipboard(), mode="rehearsal", log_path=log.path)


@pytest.mark.parametrize("size", [WIDE, SMALL], ids=["120x36", "80x24"])
def test_rehearsal(snap_compare: SnapCompare, tmp_path: Path, size: Any) -> None:
    assert snap_compare(rehearsal_sheet(tmp_path, 7.25, OPENING), terminal_size=size,
                        run_before=quiet())


def test_rehearsal_paused_with_its_report(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = rehearsal_sheet(tmp_path, 7.25, {**OPENING, "q1": 6.5})

    async def pause_and_report(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("p")
        # Whether the pause's toast is mounted when the picture is taken depends on the
        # machine's load; the header shows the pause (test_rehearsal.py checks it).
        clear_notices(pilot.app)
        await pilot.press("R")
        await pilot.pause()
        pilot.app.screen.query_one("#report-log").display = False  # tmp_path varies

    assert snap_compare(app, terminal_size=WIDE, run_before=quiet(pause_and_report))


def test_opening_frame(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `tchat run`'s first frame, drawn from a glance while the plan loads: the run-sheet's
    # layout, header and countdown filled in, the panes still empty.
    monkeypatch.setattr(TchatApp, "finish_opening", lambda self: None)
    path = copy_plan(tmp_path)
    app = TchatApp(begin(path, clock=FrozenClock(at(-75)), glance=glance(path)),
                   clipboard=FakeClipboard())
    assert snap_compare(app, terminal_size=WIDE)
