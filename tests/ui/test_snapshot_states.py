"""Snapshots of every state a moderator can meet beyond the run-sheet's own: the
Conversation pane with its answers, the three banners (this window follows another, the
log cannot be written, the plan file is gone), and the dialogs (copy ahead of time,
compress, the plan's errors, the editor, a reply), at the sizes where their layout
changes.

Frozen clocks and fixed files, as in test_snapshots.py: a banner names a plan by the
path it was opened with, so these open theirs by a relative path from a temporary
working folder, and the window a follower names is another host's. Regenerate with
`pytest tests/ui/test_snapshot_states.py --snapshot-update` and look at the diff report.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from textual.pilot import Pilot

from tests.conftest import FakeClipboard
from tests.ui.helpers import at, copy_plan, make_app, paste_time
from tests.ui.test_snapshots import SMALL, WIDE, RunBefore, SnapCompare, clear_notices, quiet
from tui.app import TchatApp
from tui.commands.demo import demo_copy
from tui.core.plan.planfile import load_plan
from tui.core.run.asrun import AsRunLog, Event, log_path_for
from tui.core.run.planlock import lock_path_for
from tui.core.timing.clock import FrozenClock, SimulatedClock

TINY = (50, 15)
SIZES = pytest.mark.parametrize("size", [WIDE, SMALL], ids=["120x36", "80x24"])
THREE_SIZES = pytest.mark.parametrize("size", [WIDE, SMALL, TINY],
                                      ids=["120x36", "80x24", "50x15"])
OPENING = {"welcome@0": 0.2, "rules@2": 2.1, "hu1": 3.0}


def marked(log_path: Path, posted: dict[str, float],
           start: datetime | None = None) -> None:
    """Marks at minutes from `start` (the test plans' by default)."""
    log = AsRunLog(log_path)
    for cue, when in posted.items():
        moment: datetime = at(when) if start is None else start + timedelta(minutes=when)
        log.append(Event("mark", clock=moment, wall=moment, cue=cue, via="system"))


def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str = "chat-fr") -> Path:
    """The test plan, opened by its name from its folder, as `tchat run chat-fr.toml`."""
    copy_plan(tmp_path, name)
    monkeypatch.chdir(tmp_path)
    return Path(f"{name}.toml")


def live(plan: Path, minute: float, posted: dict[str, float] | None = None) -> TchatApp:
    marked(log_path_for(plan), posted or {})
    return make_app(plan, FrozenClock(at(minute)), FakeClipboard())


def then(*keys: str) -> RunBefore:
    """Press `keys`, then clear what they said in passing: the picture is of the state
    they leave (a notice is timed, and the run-sheet's have tests of their own)."""

    async def press(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        clear_notices(pilot.app)
        await pilot.pause()

    return quiet(press)


def paced(*keys: str) -> RunBefore:
    """`then`, a second apart: each key a decision of its own, never a key pressed twice
    (a second `s` within a second is held: tui.core.run.markdesk)."""

    async def press(pilot: Pilot[Any]) -> None:
        between = paste_time(cast(TchatApp, pilot.app))
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            between()
        clear_notices(pilot.app)
        await pilot.pause()

    return quiet(press)


# --- the Conversation pane --------------------------------------------------------------


@SIZES
def test_conversation_with_answers(snap_compare: SnapCompare, tmp_path: Path,
                                   size: Any) -> None:
    # The demo's recorded conversation replayed at 18:14: Q1 and Q2 answered, counted in
    # the list, the next-question pane and the pane's own marks.
    plan = demo_copy("en", tmp_path)
    start = load_plan(plan).chat.start_at
    log = plan.with_name(plan.name + ".rehearsal-20261203-090000.jsonl")
    marked(log, {**OPENING, "q1": 5.1, "hu2": 9.2, "q2": 11.1}, start)
    clock = SimulatedClock(start + timedelta(minutes=14.2), speed=1, monotonic=lambda: 0.0)
    app = make_app(plan, clock, FakeClipboard(), mode="rehearsal", log_path=log)

    async def show_the_conversation(pilot: Pilot[Any]) -> None:
        for _ in range(400):
            await pilot.pause()
            if app.run_sheet.desk.room.feed is not None:
                break
        await pilot.press("f")
        app.run_sheet.refresh_now()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=quiet(show_the_conversation))


def demo_at_14(tmp_path: Path, ticks: list[float] | None = None) -> TchatApp:
    """The demo's replay at 18:14, Q1 and Q2 marked: every list of the room has people.
    `ticks[0]` is the monotonic time the simulated clock reads (0: held still)."""
    plan = demo_copy("en", tmp_path)
    start = load_plan(plan).chat.start_at
    log = plan.with_name(plan.name + ".rehearsal-20261203-090000.jsonl")
    marked(log, {**OPENING, "q1": 5.1, "hu2": 9.2, "q2": 11.1}, start)
    moment = ticks if ticks is not None else [0.0]
    clock = SimulatedClock(start + timedelta(minutes=14.2), speed=1,
                           monotonic=lambda: moment[0])
    return make_app(plan, clock, FakeClipboard(), mode="rehearsal", log_path=log)


def in_the_room(*keys: str, ticks: list[float] | None = None) -> RunBefore:
    """Once the replay's room is open: `f` to the pane, then `keys` (then, with `ticks`,
    two minutes go by: posts arrive while the moderator reads)."""

    async def press(pilot: Pilot[Any]) -> None:
        app: Any = pilot.app
        for _ in range(400):
            await pilot.pause()
            app.run_sheet.refresh_now()
            room = app.run_sheet.desk.room.frame.room
            if room is not None and room.stream:
                break
        for key in ("f", *keys):
            await pilot.press(key)
            app.run_sheet.refresh_now()
            await pilot.pause()
        if ticks is not None:
            ticks[0] += 120
            for _ in range(100):
                app.run_sheet.refresh_now()
                await pilot.pause()
                if app.run_sheet.desk.room.frame.room.new:
                    break
        clear_notices(app)
        await pilot.pause()

    return quiet(press)


ROOM_STATES = {
    # the list, and the keys that lead to it
    "welcome": ("right",),
    "answer": ("right", "right"),
    "featured": ("left", "left"),
    "muted": ("up", "m", "left"),  # the spam bot's A2 muted, the muted list
    "held": ("up", "up", "up"),  # reading: the stream held still, "N new" below
    "post": ("up", "up", "enter"),  # a post whole, with its link
}


@SIZES
@pytest.mark.parametrize("state", list(ROOM_STATES))
def test_room_lists(snap_compare: SnapCompare, tmp_path: Path, size: Any,
                    state: str) -> None:
    ticks = [0.0] if state == "held" else None
    app = demo_at_14(tmp_path, ticks)
    assert snap_compare(app, terminal_size=size,
                        run_before=in_the_room(*ROOM_STATES[state], ticks=ticks))


@pytest.mark.parametrize("state", ["stream", "post"])
def test_room_at_50x15(snap_compare: SnapCompare, tmp_path: Path, state: str) -> None:
    # The smallest layout: the pane takes the main row; a post whole keeps its link and
    # hint in view, its text scrolling, escape closing it (no room for the button).
    keys = ("enter",) if state == "post" else ()
    assert snap_compare(demo_at_14(tmp_path), terminal_size=TINY,
                        run_before=in_the_room(*keys))


# --- the banners ----------------------------------------------------------------------


@SIZES
def test_follower_banner(snap_compare: SnapCompare, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch, size: Any) -> None:
    plan = here(tmp_path, monkeypatch)
    lock_path_for(plan).write_text(json.dumps(
        {"pid": 4242, "host": "studio-laptop", "started": "2026-12-03T16:55:00+00:00"}))
    assert snap_compare(live(plan, 7.25, OPENING), terminal_size=size, run_before=quiet())


@SIZES
def test_cannot_write_banner(snap_compare: SnapCompare, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch, size: Any) -> None:
    plan = here(tmp_path, monkeypatch)
    app = live(plan, 7.25, OPENING)

    def full(self: AsRunLog, event: Event) -> None:
        raise OSError(28, "No space left on device", "chat-fr.toml.asrun.jsonl")

    monkeypatch.setattr(AsRunLog, "append", full)
    assert snap_compare(app, terminal_size=size, run_before=paced("s", "s"))


@SIZES
def test_plan_gone_banner(snap_compare: SnapCompare, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch, size: Any) -> None:
    plan = here(tmp_path, monkeypatch)
    app = live(plan, 7.25, OPENING)

    async def delete_the_plan(pilot: Pilot[Any]) -> None:
        plan.unlink()
        sheet = app.run_sheet
        sheet.beat(sheet.desk.look_job()())  # the heartbeat's look, without its thread
        await pilot.pause()
        clear_notices(pilot.app)  # "does not load" goes in seconds; the banner stays
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=quiet(delete_the_plan))


# --- the dialogs ------------------------------------------------------------------------


@THREE_SIZES
def test_confirm_a_copy_ahead_of_time(snap_compare: SnapCompare, tmp_path: Path,
                                      size: Any) -> None:
    app = live(copy_plan(tmp_path), -5)  # the welcome, five minutes ahead
    assert snap_compare(app, terminal_size=size, run_before=then("c"))


@THREE_SIZES
def test_compress_dialog(snap_compare: SnapCompare, tmp_path: Path, size: Any) -> None:
    app = live(copy_plan(tmp_path), 50, {"welcome@0": 0, "rules@2": 2, "q1": 6})
    assert snap_compare(app, terminal_size=size, run_before=then("D"))


@SIZES
def test_problems_dialog(snap_compare: SnapCompare, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch, size: Any) -> None:
    from tui.screens.reference import ProblemsDialog

    plan = here(tmp_path, monkeypatch)
    plan.write_text(plan.read_text().replace(
        "C'était la dernière question", "Le résumé : {recap_link}. C'était la dernière"))
    app = live(plan, -30)

    async def wait_for_the_errors(pilot: Pilot[Any]) -> None:
        for _ in range(400):
            await pilot.pause()
            if isinstance(app.screen, ProblemsDialog):
                break
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=quiet(wait_for_the_errors))


@THREE_SIZES
def test_edit_dialog(snap_compare: SnapCompare, tmp_path: Path, size: Any,
                     no_cursor_blink: None) -> None:
    app = live(copy_plan(tmp_path), 4.5, OPENING)

    async def edit_q3(pilot: Pilot[Any]) -> None:
        app.run_sheet.cues.select_id("q3")  # over the limit: the count and overflow say so
        await pilot.press("e")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=quiet(edit_q3))


@SIZES
def test_reply_dialog(snap_compare: SnapCompare, tmp_path: Path, size: Any,
                      no_cursor_blink: None) -> None:
    app = live(copy_plan(tmp_path), 20, OPENING)
    assert snap_compare(app, terminal_size=size,
                        run_before=then("r", *"Merci pour ce partage !"))


def _log_full(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    def full(self: AsRunLog, event: Event) -> None:
        raise OSError(28, "No space left on device", f"{name}.toml.asrun.jsonl")

    monkeypatch.setattr(AsRunLog, "append", full)


@THREE_SIZES
def test_quit_while_actions_wait(snap_compare: SnapCompare, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch, size: Any) -> None:
    # Two skips and a tick in memory only: what ctrl+q says before they could be lost.
    plan = here(tmp_path, monkeypatch)
    app = live(plan, 7.25, OPENING)
    _log_full(monkeypatch, "chat-fr")
    assert snap_compare(app, terminal_size=size,
                        run_before=paced("s", "s", "ctrl+q"))


@pytest.mark.parametrize("size", [WIDE, SMALL], ids=["120x36", "80x24"])
def test_quit_while_actions_wait_in_english(snap_compare: SnapCompare, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            size: Any) -> None:
    plan = here(tmp_path, monkeypatch, "chat-en")
    app = live(plan, 7.25, OPENING)
    _log_full(monkeypatch, "chat-en")
    assert snap_compare(app, terminal_size=size, run_before=then("s", "ctrl+q"))


def _held_elsewhere(plan: Path) -> None:
    lock_path_for(plan).write_text(json.dumps(
        {"pid": 4242, "host": "studio-laptop", "started": "2026-12-03T16:55:00+00:00"}))


@THREE_SIZES
def test_take_over_dialog(snap_compare: SnapCompare, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch, size: Any) -> None:
    # T in a window that follows another host's: who holds the plan, since when.
    plan = here(tmp_path, monkeypatch)
    _held_elsewhere(plan)
    assert snap_compare(live(plan, 7.25, OPENING), terminal_size=size, run_before=then("T"))


@SIZES
def test_take_over_dialog_in_english(snap_compare: SnapCompare, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch, size: Any) -> None:
    plan = here(tmp_path, monkeypatch, "chat-en")
    _held_elsewhere(plan)
    assert snap_compare(live(plan, 7.25, OPENING), terminal_size=size, run_before=then("T"))


# --- the pre-flight -----------------------------------------------------------------------


@SIZES
def test_pre_flight_in_the_checklists_place(snap_compare: SnapCompare, tmp_path: Path,
                                            size: Any) -> None:
    # Three minutes before the start, a promotion late and a guest not confirmed: the
    # pre-flight takes the checklist's place, the draft and the clock stay in view.
    app = live(copy_plan(tmp_path), -3)

    async def pre_flight_only(pilot: Pilot[Any]) -> None:
        sheet = app.run_sheet
        for _ in range(200):
            await pilot.pause()
            if sheet.side_notice.display:
                break
        sheet.notices.withdraw("refused")  # a one-line notice of its own, in the corner
        sheet.notice_bar.update()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=pre_flight_only)


@THREE_SIZES
def test_copy_by_hand_dialog(snap_compare: SnapCompare, tmp_path: Path, size: Any,
                             no_cursor_blink: None) -> None:
    # `v` on Q1, due: at 50x15 the text and its Close button, whole.
    app = live(copy_plan(tmp_path), 4.5, OPENING)
    assert snap_compare(app, terminal_size=size, run_before=then("v"))


@THREE_SIZES
def test_help_under_the_countdown(snap_compare: SnapCompare, tmp_path: Path,
                                  size: Any) -> None:
    app = live(copy_plan(tmp_path), 4.5, OPENING)
    assert snap_compare(app, terminal_size=size, run_before=then("question_mark"))
