"""Pilot tests of rehearsals: a simulated clock stepped exactly, its keys, its banner, its
own log; highlights and the planned-versus-actual dialog, in both modes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.conftest import FakeClipboard, FakeMonotonic
from tests.ui.helpers import (
    START,
    at,
    copies_done,
    copy_plan,
    make_app,
    record_notifications,
    refuse_network,
    rehearsal_app,
    sheet,
)
from tests.ui.test_runsheet import shown, text_of
from tui.app import TchatApp
from tui.commands.demo import demo_copy
from tui.commands.rehearse import Rehearsal, build_app
from tui.core.run.asrun import log_path_for, read_events, rehearsal_logs
from tui.core.run.hour import hour_at
from tui.core.run.session import Session
from tui.core.timing.clock import FrozenClock, SimulatedClock
from tui.screens.commands import RunSheetCommands
from tui.screens.reference import HelpDialog, ReportDialog
from tui.screens.writing import HighlightDialog
from tui.widgets.cuelist import CueList

SIZE = (120, 36)
CLOCK_KEYS = {"p", "plus", "minus", "greater_than_sign", "less_than_sign"}


def clock_of(app: TchatApp) -> SimulatedClock:
    clock = app.session.clock
    assert isinstance(clock, SimulatedClock)
    return clock


def step(app: TchatApp, fake: FakeMonotonic, seconds: float) -> None:
    """Let `seconds` of real time pass and redraw, as the countdown's timer would.

    Synchronous on purpose: a pilot pause per step costs tens of milliseconds of idle
    waiting, and a simulated hour takes hundreds of steps. The timer's own path is
    exercised by `test_the_timer_drives_a_running_rehearsal`.
    """
    fake.advance(seconds)
    app.run_sheet.refresh_now()


async def copy(app: TchatApp, pilot: Any) -> None:
    """Press `c` and return once the copy's result has been handled (marked)."""
    await pilot.press("c")
    await copies_done(app, pilot)


# --- keys that only a rehearsal has ---------------------------------------------------


async def test_live_run_offers_no_clock_keys(tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(10)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not CLOCK_KEYS & set(app.screen.active_bindings)
        assert {"h", "R"} <= set(app.screen.active_bindings)  # these serve live too
        assert "DIRECT" in text_of(app, "#header-mode")
        assert not app.screen.query_one("#header-sim").display
        assert not app.screen.has_class("-rehearsal")
        await pilot.press("p", "plus", "greater_than_sign")
        assert app.session.now() == at(10)  # nothing steered, nothing happened
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        keys = shown(app.screen.query_one("#help-keys"))
        assert "Temps fort" in keys and "Bilan" in keys
        assert "Pause" not in keys and "Plus vite" not in keys
        await pilot.press("escape")
        names = [name for name, _help, _action in RunSheetCommands(app.screen)._commands()]
        assert "Temps fort" in names and "Pause" not in names
    assert read_events(log_path_for(plan)) == []


async def test_rehearsal_banner_speed_and_pause_always_in_view(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    app = rehearsal_app(copy_plan(tmp_path), fake_monotonic, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await pilot.pause()
        header = app.screen.query_one("#header")
        assert "RÉPÉTITION" in text_of(app, "#header-mode")
        assert header.has_class("-rehearsal") and app.screen.has_class("-rehearsal")
        assert text_of(app, "#header-sim") == "×1"
        assert text_of(app, "#header-clock") == "17:58:00"  # Paris, the chat's own day
        assert CLOCK_KEYS <= set(app.screen.active_bindings)
        await pilot.press("plus", "plus")
        assert text_of(app, "#header-sim") == "×5" and said[-1] == "Répétition à ×5"
        await pilot.press("p")
        assert text_of(app, "#header-sim") == "×5 · EN PAUSE" and header.has_class("-paused")
        step(app, fake_monotonic, 60)
        assert text_of(app, "#header-clock") == "17:58:00"  # paused means paused
        await pilot.press("p", "minus")
        assert text_of(app, "#header-sim") == "×2" and not header.has_class("-paused")
        step(app, fake_monotonic, 30)
        assert text_of(app, "#header-clock") == "17:59:00"
        # The same banner, worded in English.
        await pilot.press("question_mark")
        keys = shown(app.screen.query_one("#help-keys"))
        assert "Pause" in keys and "Plus vite" in keys and "Envoi suivant" in keys


async def test_the_timer_drives_a_running_rehearsal(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    app = rehearsal_app(copy_plan(tmp_path), fake_monotonic, fake_clipboard, speed=60)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fake_monotonic.advance(2.5)  # two and a half minutes at sixty times
        await pilot.pause(0.3)  # the countdown's own timer notices
        assert text_of(app, "#header-clock") == "18:00:30"
        assert text_of(app, "#countdown-caption") == "Accueil\u00a0: à poster"


def status_now(session: Session, row_id: str) -> str:
    return hour_at(session.plan, session.state, session.cues, session.now()).status(row_id)


async def test_jump_to_the_next_cue_and_back(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    app = rehearsal_app(copy_plan(tmp_path), fake_monotonic, fake_clipboard, speed=10)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        clock = clock_of(app)
        await pilot.press("greater_than_sign")
        assert clock.now() == at(0) and said[-1] == "Horloge à 18:00\u00a0: Accueil"
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert clock.now() == at(3) and said[-1] == "Horloge à 18:03\u00a0: Rappel Q1"
        assert text_of(app, "#header-clock") == "18:03:00"
        assert clock.speed == 10 and not clock.paused  # a jump keeps both
        # Straight after a jump, back goes to the cue before it ...
        await pilot.press("less_than_sign")
        assert clock.now() == at(2)
        # ... but a while after a cue, back returns to that cue.
        step(app, fake_monotonic, 3)  # 30 s at ten times
        await pilot.press("less_than_sign")
        assert clock.now() == at(2)
        for _ in range(30):
            app.run_sheet.action_jump_next()  # the same action, without a keypress each
        assert clock.now() == at(60) and "Horloge à 19:00\u00a0: fin du tchat" in said
        assert said[-1] == "Plus aucun envoi après"


async def test_cues_fall_due_in_schedule_order(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    """Step the clock ten simulated seconds at a time and watch the list's own statuses:
    each cue of the hour becomes due at its minute, in the schedule's order."""
    app = rehearsal_app(copy_plan(tmp_path), fake_monotonic, fake_clipboard, minute=-1,
                        speed=10)
    async with app.run_test(size=SIZE):
        session = app.session
        cues = app.run_sheet.query_one(CueList)
        in_chat = [row for row in session.rows if row.cue.offset >= 0]
        became_due: list[tuple[str, timedelta]] = []
        while session.now() < at(60):
            step(app, fake_monotonic, 1)
            for row in in_chat:
                known = {cue_id for cue_id, _ in became_due}
                prompt = str(cues.get_option(row.id).prompt)
                if row.id not in known and "! à poster" in prompt:
                    assert status_now(session, row.id) == "due"
                    became_due.append((row.id, session.now() - START))
        assert [cue_id for cue_id, _ in became_due] == [row.id for row in in_chat]
        # Each at its own minute, seen at the first step at or after it.
        for (cue_id, seen), row in zip(became_due, in_chat, strict=True):
            assert timedelta(minutes=row.cue.offset) <= seen < timedelta(
                minutes=row.cue.offset, seconds=10), cue_id


async def test_a_whole_hour_at_60x_then_the_report(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    """The full hour rehearsed at sixty times: every cue copied the moment it is due, the
    planned-versus-actual dialog opening by itself when the last one is out."""
    plan = copy_plan(tmp_path)
    app = rehearsal_app(plan, fake_monotonic, fake_clipboard, speed=60)
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        in_chat = [row.id for row in session.rows if row.cue.offset >= 0]
        # The moderator's real seconds are the test's: a minute apart at 60x is a second
        # to paste in, and a `c` then is no bounce (tui.core.run.copyguard).
        app.run_sheet.desk.guard.monotonic = fake_monotonic
        # Let the first frame's own selection land before the clock starts stepping.
        await pilot.pause()
        while not isinstance(app.screen, ReportDialog):
            assert session.now() < at(61), "the report never came"
            step(app, fake_monotonic, 0.25)  # 15 simulated seconds
            due = [r for r in session.rows if r.cue.offset >= 0
                   and status_now(session, r.id) == "due"]
            if due:
                await pilot.pause()  # what the redraw queued is handled before the key
                assert app.run_sheet.query_one(CueList).selected_id == due[0].id
                await copy(app, pilot)
        assert list(session.state.posted) == in_chat
        for cue_id, moment in session.state.posted.items():
            row = session.row(cue_id)
            assert row is not None and moment == row.cue.at  # exactly on time
        summary = shown(app.screen.query_one("#report-summary"))
        assert len(in_chat) > 1
        # Babel's French plural: 0 and 1 take the singular.
        assert f"{len(in_chat)} postés, 0 sauté, 0 non fait" in summary
        assert "Dépassement total\u00a0: +0:00 (Merci\u00a0: posté à 18:58:00" in summary
        assert "Prévu / réel (répétition)" in text_of(app, "#dialog-title")
        await pilot.press("escape")
        # Offered once: time running on past the end does not open it again.
        step(app, fake_monotonic, 10)
        assert not isinstance(app.screen, ReportDialog)
    assert len(fake_clipboard.copied) == len(in_chat)
    assert not log_path_for(plan).exists()


# --- rehearsals never touch the live run -------------------------------------------


async def test_three_rehearsals_then_the_live_run_shows_nothing_posted(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    before = plan.read_bytes()
    launch = START - timedelta(days=7)  # a week ahead: the chat's date does not matter
    for number in range(3):
        app = build_app(Rehearsal(plan, offset=timedelta(minutes=29)),
                        clipboard=fake_clipboard, launched=launch, monotonic=fake_monotonic)
        async with app.run_test(size=SIZE) as pilot:
            await copy(app, pilot)  # something posted
            await pilot.press("s", "space", "space")  # a skip, then a checklist tick
            await pilot.press("r", "M", "enter")
            await copies_done(app, pilot)
            await pilot.press("h")
            app.screen.query_one("#highlight-input", Input).value = f"citation {number}"
            await pilot.press("enter")
            assert app.session.state.posted and app.session.state.ticks
    logs = rehearsal_logs(plan)
    assert len(logs) == 3 and len({p.name for p in logs}) == 3
    for log in logs:
        kinds = {e.kind for e in read_events(log)}
        assert {"mark", "skip", "tick", "reply", "highlight"} <= kinds
    assert plan.read_bytes() == before  # no tick written into the plan
    assert not log_path_for(plan).exists()
    live = make_app(plan, FrozenClock(at(30)), fake_clipboard)
    async with live.run_test(size=SIZE) as pilot:
        await pilot.pause()
        state = live.session.state
        assert (state.posted, state.skipped, state.ticks, state.replies) == ({}, set(), {}, [])
        prompts = [str(o.prompt) for o in live.screen.query_one(CueList).options]
        assert not any("✓" in prompt for prompt in prompts)
        assert "DIRECT" in text_of(live, "#header-mode")


async def test_rehearses_and_copies_with_the_network_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_monotonic: FakeMonotonic,
    fake_clipboard: FakeClipboard,
) -> None:
    attempts = refuse_network(monkeypatch)
    # The bare `tchat` path: the bundled demo, on a copy.
    demo = demo_copy("fr", tmp_path)
    app = build_app(Rehearsal(demo, offset=timedelta(minutes=-1)), clipboard=fake_clipboard,
                    monotonic=fake_monotonic)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("greater_than_sign")  # to the chat's start
        await copy(app, pilot)
        welcome = app.session.row("welcome@0")
        assert welcome is not None and fake_clipboard.text == welcome.draft.text
        await pilot.press("R")
        assert isinstance(app.screen, ReportDialog)
    assert [e.kind for e in app.session.log.read()] == ["mark"]
    assert attempts == []


async def test_editing_a_draft_in_a_rehearsal_saves_it_in_the_plan(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    """Rehearsing is where a question turns out too long: `e` edits the plan there too
    (plan editing, not run state); only the run's own actions stay in the rehearsal."""
    plan = copy_plan(tmp_path)
    app = rehearsal_app(plan, fake_monotonic, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(CueList).select_id("q3")
        await pilot.press("e")
        app.screen.query_one("#edit-area").text = "Plus court, {tag} ?"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "Plus court, {tag} ?" in plan.read_text()
    assert not log_path_for(plan).exists()


# --- highlights and the report, live as in rehearsal ---------------------------------


async def test_highlight_goes_under_the_last_question_posted(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    clock = FrozenClock(at(4))
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await pilot.press("h")  # before any question: kept, under no question
        assert isinstance(app.screen, HighlightDialog)
        assert "aucune question posée" in text_of(app, "#dialog-title")
        app.screen.query_one("#highlight-input", Input).value = "https://x.com/a/status/1"
        await pilot.press("enter")
        assert said[-1] == "Temps fort noté (aucune question posée encore)"
        for cue_id, minute in (("q1", 5), ("q2", 17)):
            clock.set(at(minute))
            app.session.mark(cue_id, "system")
        sheet(app).refresh_now()
        # The selection is on the next cue to post (the welcome and the rules, never
        # posted, folded into Q1), not on a question being answered.
        assert app.screen.query_one(CueList).selected_id == "hu3"
        await pilot.press("h")
        assert text_of(app, "#dialog-title") == "Temps fort sous Q2"
        app.screen.query_one("#highlight-input", Input).value = "« Lire, c'est voyager » @ana"
        await pilot.press("enter")
        assert said[-1] == "Temps fort noté sous Q2"
        # A posted question picked by hand wins; escape and an empty line keep nothing.
        app.screen.query_one(CueList).select_id("q1")
        await pilot.press("h", "x", "enter", "h", "escape", "h", "enter")
        await pilot.pause()
    highlights = [(e.cue, e.text) for e in read_events(log_path_for(plan))
                  if e.kind == "highlight"]
    assert highlights == [
        (None, "https://x.com/a/status/1"),
        ("q2", "« Lire, c'est voyager » @ana"),
        ("q1", "x"),
    ]


async def test_report_key_and_the_end_of_a_live_run(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    clock = FrozenClock(at(57.5))
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        app.session.mark("welcome@0", "system", at(0.5))
        app.session.skip("rules@2")
        await pilot.press("R")
        assert isinstance(app.screen, ReportDialog)
        table = app.screen.query_one("#report-table")
        assert "Prévu / réel ·" in text_of(app, "#dialog-title")
        assert "répétition" not in text_of(app, "#dialog-title")
        assert shown(table) is not None
        summary = shown(app.screen.query_one("#report-summary"))
        assert "1 posté, 1 sauté" in summary and "+0:30 (Accueil" in summary
        await pilot.press("escape")
        # The thank-you goes out: the run is over, the report comes by itself.
        app.screen.query_one(CueList).select_id("thanks@58")
        clock.set(at(58.25))
        await copy(app, pilot)
        assert isinstance(app.screen, ReportDialog)
        assert "Dépassement total\u00a0: +0:15 (Merci\u00a0: posté à 18:58:15" in shown(
            app.screen.query_one("#report-summary"))


async def test_opening_a_finished_run_says_where_the_report_is(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(70)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, ReportDialog)
        assert "R affiche le bilan" in said[0]
