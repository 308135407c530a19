"""Pilot tests: each state of the run-sheet and each action, on a frozen clock."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Digits, Footer, Input, Label, Static, TextArea

from tests.conftest import FakeClipboard
from tests.ui.helpers import (
    at,
    copies_done,
    copy_plan,
    ids_written,
    make_app,
    paste_time,
    record_notifications,
    sheet,
    until,
    watcher_polled,
)
from tui.clipboard import NoClipboard
from tui.core.plan.planfile import load_plan
from tui.core.run.asrun import AsRunLog, Event, log_path_for, read_events
from tui.core.run.copyguard import BOUNCE_SECONDS
from tui.core.timing.clock import FrozenClock
from tui.screens.dialogs import ManualCopyDialog
from tui.screens.reference import HelpDialog
from tui.screens.writing import EditDialog, ReplyDialog
from tui.widgets import heartbeat
from tui.widgets.countdown import Countdown
from tui.widgets.cuelist import CueList
from tui.widgets.draftbody import DraftBody
from tui.widgets.panes import Checklist

SIZE = (120, 36)


def shown(widget: object) -> str:
    """The plain text a Static (or Label) shows; for a container, each of its Statics'
    text on a line of its own, in order."""
    if not isinstance(widget, Static):
        assert isinstance(widget, Widget)
        return "\n".join(shown(child) for child in widget.query(Static))
    visual = widget.visual
    return visual.plain if isinstance(visual, Content) else str(widget.content)


def text_of(app: App[None], selector: str) -> str:
    widget = app.screen.query_one(selector)
    if isinstance(widget, Digits):
        return widget.value
    return shown(widget)


def log_kinds(plan: Path) -> list[str]:
    return [e.kind for e in read_events(log_path_for(plan))]


async def test_before_the_chat_counts_down_to_the_start(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    clock = FrozenClock(at(-125))
    app = make_app(copy_plan(tmp_path), clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(app, "#countdown-caption") == "Début dans"
        assert text_of(app, "#countdown-digits") == "02:05:00"
        assert app.screen.query_one(Countdown).has_class("-to-start")
        assert app.screen.has_class("-before")
        assert "DIRECT" in text_of(app, "#header-mode")
        assert text_of(app, "#header-clock") == "15:55:00"  # Paris time
        # Far away: days in the caption, the rest in the digits.
        clock.set(at(-3 * 1440 - 90))
        sheet(app).refresh_now()
        assert text_of(app, "#countdown-caption") == "Début dans 3\u00a0j +"
        assert text_of(app, "#countdown-digits") == "01:30:00"


async def test_during_next_cue_and_time_left(tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    plan = copy_plan(tmp_path)
    clock = FrozenClock(at(3))
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        pasted = paste_time(app)
        for _ in range(3):  # welcome, rules (both overdue), heads-up Q1 (due)
            await pilot.press("c")
            await copies_done(app, pilot)
            pasted()
        clock.set(at(4))
        sheet(app).refresh_now()
        assert text_of(app, "#countdown-caption") == "Q1 dans"
        assert text_of(app, "#countdown-digits") == "01:00"
        assert text_of(app, "#countdown-detail") == "reste 56:00 de chat"
        assert app.screen.query_one(CueList).selected_id == "q1"
        assert "Q1" in text_of(app, "#next-title")
        assert "4 sur 4 à poser" in text_of(app, "#next-meta")
        assert "Quel livre" in text_of(app, "#next-text")


async def test_overrun_counts_up_in_warning(tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    clock = FrozenClock(at(3.5))
    app = make_app(copy_plan(tmp_path), clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(app, "#countdown-caption") == "Accueil en retard de"
        assert text_of(app, "#countdown-digits") == "03:30"
        assert app.screen.query_one(Countdown).has_class("-overrun")
        clock.set(at(4))
        sheet(app).refresh_now()
        assert text_of(app, "#countdown-digits") == "04:00"  # from the clock, not ticks


async def test_after_the_end(tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    clock = FrozenClock(at(70))
    app = make_app(copy_plan(tmp_path), clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(app, "#countdown-caption") == "Terminé depuis"
        assert text_of(app, "#countdown-digits") == "10:00"
        assert app.screen.has_class("-after")


async def test_the_timer_follows_the_clock(tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    clock = FrozenClock(at(-10))
    app = make_app(copy_plan(tmp_path), clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.set(at(-5))
        # The widget's own timer notices the new second (when the loaded machine lets it).
        await until(pilot, lambda: text_of(app, "#countdown-digits") == "05:00",
                    bound=400, step=0.05)
        assert text_of(app, "#countdown-digits") == "05:00"


async def test_copy_marks_posted_and_moves_to_the_next(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    clock = FrozenClock(at(0.5))
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        cues = app.screen.query_one(CueList)
        assert cues.selected_id == "welcome@0"  # the next cue, selected by default
        await pilot.press("c")
        await copies_done(app, pilot)
        draft = app.session.row("welcome@0")
        assert draft is not None
        assert fake_clipboard.text == draft.draft.text
        assert "👋" in fake_clipboard.text
        assert app.session.state.posted["welcome@0"] == at(0.5)
        assert cues.selected_id == "rules@2"
        assert any("Copié (presse-papiers du système)" in m for m in said)
        assert any("publication notée à 18:00" in m for m in said)
        [event] = read_events(log_path_for(plan))
        assert (event.kind, event.cue, event.via) == ("mark", "welcome@0", "system")


async def test_undo_takes_back_the_last_mark(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(1)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await pilot.press("c")
        await copies_done(app, pilot)
        await pilot.press("u")
        assert app.session.state.posted == {}
        assert app.screen.query_one(CueList).selected_id == "welcome@0"
        assert any("Annulé" in m for m in said)
        await pilot.press("u")
        assert said[-1] == "Rien à annuler"
    assert log_kinds(plan) == ["mark", "undo"]


async def test_skip_and_shift(tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    plan = copy_plan(tmp_path)
    clock = FrozenClock(at(3))
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await pilot.press("s")  # skip the welcome
        assert "welcome@0" in app.session.state.skipped
        guard = sheet(app).desk.guard  # a second later: no bounce (tests below)
        later = guard.monotonic() + BOUNCE_SECONDS
        guard.monotonic = lambda: later  # type: ignore[method-assign]
        await pilot.press("s")  # then the rules: now Q1's heads-up (18:03) is due
        await pilot.press("d")  # shift: nothing late at 18:03:00 exactly
        assert said[-1] == "Rien n'est en retard"
        # Q1 (18:05) is two minutes late; its heads-up (18:03) is folded into it, so the
        # shift is Q1's delay, not the heads-up's four minutes.
        clock.set(at(7))
        sheet(app).refresh_now()
        assert app.screen.query_one(Countdown).has_class("-overrun")
        assert text_of(app, "#countdown-caption") == "Q1 en retard de"
        await pilot.press("d")
        assert said[-1] == "Tout ce qui reste est décalé de +2:00"
        assert "fin décalée 19:02 (+2:00)" in text_of(app, "#header-end")
        assert app.screen.query_one("#header").has_class("-shifted")
        assert not app.screen.query_one(Countdown).has_class("-overrun")
        # A posted or skipped cue cannot be skipped again.
        app.screen.query_one(CueList).select_id("welcome@0")
        await pilot.press("s")
        assert "déjà" in said[-1]
    assert log_kinds(plan) == ["skip", "skip", "shift"]


async def test_s_pressed_twice_or_held_skips_one_cue(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    """`s s` in a breath (or `s` held down, its repeats) skipped a cue, then the next
    one, then the next: the presses within a second of a skip are held, and said; `s`
    a second later skips as ever."""
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(3)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        guard = sheet(app).desk.guard
        now = guard.monotonic()
        guard.monotonic = lambda: now  # type: ignore[method-assign]
        await pilot.press("s", "s", "s")
        await pilot.pause()
        assert app.session.state.skipped == {"welcome@0"}
        assert "Règles n'est pas sauté" in said[-1] and "de nouveau sur s" in said[-1]
        guard.monotonic = lambda: now + BOUNCE_SECONDS  # type: ignore[method-assign]
        await pilot.press("s")
        await pilot.pause()
        assert app.session.state.skipped == {"welcome@0", "rules@2"}
    assert log_kinds(plan) == ["skip", "skip"]


async def test_tick_writes_done_into_the_plan_keeping_comments(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        checklist = app.screen.query_one(Checklist)
        # The current phase comes first: "during" is the chat's own tasks.
        assert checklist.options[0].id == "phase-during"
        assert checklist.selected_index == 2
        assert "en retard" in str(checklist.options[1].prompt)
        await pilot.press("space")  # the first press only moves to the checklist
        assert checklist.has_focus and log_kinds(plan) == []
        assert said == ["Espace encore pour cocher\u00a0: Relayer les réponses des invités"]
        await pilot.press("space")
        await pilot.pause()
        assert "✓" in str(checklist.options[1].prompt) or "☑" in str(
            checklist.options[1].prompt
        )
    text = plan.read_text()
    assert "# l'heure de Paris" in text and "# à faire tôt" in text
    assert load_plan(plan).checklist[2].done is True
    assert log_kinds(plan) == ["tick"]


async def test_a_tick_made_while_the_ids_are_prepared_is_kept_quietly(
    tmp_path: Path, fake_clipboard: FakeClipboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core.plan import planedit
    from tui.widgets import planwork

    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def held(*args: Any) -> planedit.PreparedEdit:
        prepared = planedit.prepare_ids(*args)
        calls.append(1)
        if len(calls) == 1:  # the first preparation waits for the tick
            started.set()
            assert release.wait(30)
        return prepared

    monkeypatch.setattr(planwork, "prepare_ids", held)
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        waited = 0.0
        while not started.is_set():
            assert waited < 30, "the ids were never prepared"
            await pilot.pause(0.05)
            waited += 0.05
        await pilot.press("space")  # to the checklist
        said = record_notifications(app)
        await pilot.press("space")
        await pilot.pause()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The ids prepared from the plan before the tick are dropped, silently.
        assert said == []
        assert load_plan(plan).checklist[2].done is True
        assert 'id = "q1"' not in plan.read_text()
        assert app.session.loaded == planedit.fingerprint(plan)
        # The next attempt starts from the ticked plan.
        sheet(app).start_edits()
        await ids_written(app, pilot)
        assert said == [] and len(calls) == 2
    assert 'id = "q1"' in plan.read_text()
    assert load_plan(plan).checklist[2].done is True
    assert log_kinds(plan) == ["tick"]


async def test_the_ids_are_parsed_and_checked_off_the_ui_thread(
    tmp_path: Path, fake_clipboard: FakeClipboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomlkit

    from tui.core.plan import planedit

    threads: list[threading.Thread] = []

    def recorded(work: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            threads.append(threading.current_thread())
            return work(*args, **kwargs)
        return run

    monkeypatch.setattr(planedit, "parse_plan", recorded(planedit.parse_plan))
    monkeypatch.setattr(tomlkit, "parse", recorded(tomlkit.parse))
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await ids_written(app, pilot)
    assert 'id = "q1"' in plan.read_text()
    assert threads and threading.main_thread() not in threads


async def test_rehearsal_ticks_leave_the_plan_alone(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    before = plan.read_bytes()
    log = tmp_path / "rehearsal.jsonl"
    app = make_app(plan, FrozenClock(at(31)), fake_clipboard, mode="rehearsal", log_path=log)
    async with app.run_test(size=SIZE) as pilot:
        assert "RÉPÉTITION" in text_of(app, "#header-mode")
        await pilot.press("space", "space")  # the first press goes to the checklist
    assert plan.read_bytes() == before
    assert [e.kind for e in read_events(log)] == ["tick"]
    assert not log_path_for(plan).exists()


async def test_osc52_fallback_when_no_clipboard_backend(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(0)), NoClipboard())
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await pilot.press("c")
        await copies_done(app, pilot)
        welcome = app.session.row("welcome@0")
        assert welcome is not None
        assert app.clipboard == welcome.draft.text
        assert any("OSC 52" in m for m in said)
    [event] = read_events(log_path_for(plan))
    assert event.via == "osc52"


async def test_last_resort_is_a_dialog_to_copy_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(0)), NoClipboard())

    def broken(text: str) -> None:
        raise OSError("terminal gone")

    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(app, "copy_to_clipboard", broken)
        await pilot.press("c")
        await copies_done(app, pilot)
        assert isinstance(app.screen, ManualCopyDialog)
        area = app.screen.query_one("#manual-text")
        assert area.selected_text == app.session.rows[1].draft.text  # type: ignore[attr-defined]
        await pilot.press("escape")
        assert not isinstance(app.screen, ManualCopyDialog)


async def test_edit_saves_the_template_and_keeps_comments(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(0)), fake_clipboard)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        said = record_notifications(app)
        app.screen.query_one(CueList).select_id("hu1")
        await pilot.press("e")
        assert "tchat" in said[-1] and not isinstance(app.screen, EditDialog)
        # The plan field is shown as written, not taken for a markup tag.
        assert "modifiez [chat] heads_up" in said[-1]
        await pilot.pause()
        [card] = [c for c in sheet(app).notice_bar.shown_cards if c.notice.text == said[-1]]
        assert "modifiez [chat] heads_up" in str(card.render())
        app.screen.query_one(CueList).select_id("q3")
        await pilot.press("e")
        assert isinstance(app.screen, EditDialog)
        area = app.screen.query_one("#edit-area", TextArea)
        assert area.cursor_location == area.document.end  # typing adds at the end
        count = app.screen.query_one("#edit-count", Label)
        assert "de trop" in str(count.content)  # Q3 runs past 280
        area = app.screen.query_one("#edit-area")
        area.text = "Une question courte, {tag} ?"  # type: ignore[attr-defined]
        await pilot.pause()
        assert "de trop" not in str(count.content)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("enregistré" in m for m in said)
        row = app.session.row("q3")
        assert row is not None and row.draft.text.startswith("Q3 Une question courte")
    assert load_plan(plan).questions[2].text == "Une question courte, {tag} ?"
    assert "# l'heure de Paris" in plan.read_text()


async def test_reply_is_copied_with_the_tag_and_logged(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(20)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, ReplyDialog)
        await pilot.press(*"Merci !")
        assert "21/280" in str(app.screen.query_one("#reply-count", Label).content)
        await pilot.press("enter")
        await copies_done(app, pilot)
        assert fake_clipboard.text == "Merci\u00a0! #TchatLecture"  # French typography
        assert app.session.state.posted == {}
    [event] = read_events(log_path_for(plan))
    assert (event.kind, event.text) == ("reply", "Merci\u00a0! #TchatLecture")


async def test_reopening_restores_every_mark(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    clock = FrozenClock(at(1))
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await copies_done(app, pilot)
        await pilot.press("s")
    again = make_app(plan, clock, fake_clipboard)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.session.state.posted == {"welcome@0": at(1)}
        assert again.session.state.skipped == {"rules@2"}
        assert again.screen.query_one(CueList).selected_id == "hu1"


async def test_plan_changed_on_disk_is_reloaded_with_marks_kept(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(1)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await pilot.press("c")
        await copies_done(app, pilot)
        plan.write_text(plan.read_text().replace("Un livre à offrir", "Un roman à offrir"))
        await watcher_polled(app, pilot)
        assert any("rechargé" in m for m in said)
        row = app.session.row("q4")
        assert row is not None and "Un roman à offrir" in row.draft.text
        assert "welcome@0" in app.session.state.posted
        # A broken edit keeps the old plan and is reported once.
        plan.write_text("[chat]\ntitle = ")
        await watcher_polled(app, pilot)
        await watcher_polled(app, pilot)
        assert sum("ne se charge pas" in m for m in said) == 1
        assert app.session.row("q4") is not None


async def test_ticks_met_by_an_editor_are_kept_and_reach_the_plan_once_it_stops(
    tmp_path: Path, fake_clipboard: FakeClipboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The heartbeat must not notice the edit first: on a loaded machine its 2 s look came
    # between the edit and the key, the plan was reloaded, and the tick was then right.
    monkeypatch.setattr(heartbeat, "BEAT_SECONDS", 3600.0)
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await ids_written(app, pilot)  # tchat's own write comes first, not after the edit
        said = record_notifications(app)
        edited = plan.read_text().replace("Relayer les réponses", "Relayer les meilleures réponses")
        plan.write_text(edited)
        await pilot.press("space", "space")
        await pilot.pause()
        # Ticked on screen and in the log; the plan file, the editor's, untouched.
        checklist = app.screen.query_one(Checklist)
        ticked = checklist.selected_index
        assert ticked is not None and app.session.state.ticks == {ticked: True}
        assert plan.read_text() == edited
        assert app.session.plan.checklist[2].text.startswith("Relayer les meilleures")
        # The editor saves again before each press: ticked, and said only once.
        for _ in range(3):
            plan.write_text(plan.read_text() + "# saved again\n")
            await pilot.press("space")
            await pilot.pause()
        waits = [m for m in said if "la coche est dans le journal" in m]
        assert waits == ["Le plan a changé sur le disque (rechargé)\u00a0: la coche est dans le "
                         "journal\u00a0; elle ira dans le plan dès que le fichier ne bougera plus"]
        assert log_kinds(plan) == ["tick"] * 4
        # The editor stops: the next look gives the plan the log's tick, edits kept.
        await watcher_polled(app, pilot)
        on_disk = load_plan(plan)
        assert on_disk.checklist[2].text.startswith("Relayer les meilleures")
        assert on_disk.checklist[ticked].done is app.session.state.ticks[ticked] is False
        assert plan.read_text().count("# saved again") == 3


async def test_hostile_plan_is_shown_literally(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path, "hostile")
    app = make_app(plan, FrozenClock(at(3)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(CueList).select_id("q1")
        await pilot.pause()
        draft = app.screen.query_one(DraftBody).text_shown
        assert "[link=https://evil.example]click[/link] [/] [red]x" in draft
        assert "\x1b" not in draft and "␛]52;c;aGk=␇" in draft
        title = shown(app.screen.query_one("#header-title"))
        assert "[bold]Evil[/] ␛[31mred" in title
        item = str(app.screen.query_one(Checklist).options[1].prompt)
        assert "[blink]tick[/blink] me" in item
        # Every dialog shows them as symbols, never raw: v, e, r, R.
        await pilot.press("v")
        assert "\x1b" not in app.screen.query_one("#manual-text", TextArea).text
        await pilot.press("escape")
        await pilot.press("e")
        edited = app.screen.query_one("#edit-area", TextArea).text
        # The editor holds the text as it is copied: the controls left out, and said.
        assert "\x1b" not in edited and "x ]52;c;aGk= done" in edited
        assert "(ESC, BEL)" in str(app.screen.query_one("#edit-left-out").render())
        await pilot.press("escape")
        await pilot.press("r")
        field = app.screen.query_one("#reply-input", Input)
        field.insert_text_at_cursor("pasted \x1b[2J \u202egnp")
        await pilot.pause()
        assert field.value.startswith("pasted [2J gnp")
        await pilot.press("escape")
        await pilot.press("R")
        await pilot.pause()
        report_title = str(app.screen.query_one("#dialog-title", Label).content)
        assert "\x1b" not in report_title and "␛[31mred" in report_title
        await pilot.press("escape")
        app.screen.query_one(CueList).select_id("q1")
        await pilot.press("c")
        await copies_done(app, pilot)
        # The clipboard gets the text without its control characters.
        assert fake_clipboard.text is not None and "x ]52;c;aGk= done" in fake_clipboard.text
        assert "\x1b" not in fake_clipboard.text and "\x07" not in fake_clipboard.text


async def test_words_follow_the_plan_and_lang_overrides(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    french = make_app(copy_plan(tmp_path), FrozenClock(at(0)), fake_clipboard)
    async with french.run_test(size=SIZE) as pilot:
        await pilot.pause()
        descriptions = {
            active.binding.description for active in french.screen.active_bindings.values()
            if active.binding.show
        }
        assert {"Copier", "Annuler", "Sauter", "Décaler", "Quitter"} <= descriptions
        assert "Copy" not in descriptions and "Quit" not in descriptions
    english = make_app(copy_plan(tmp_path, "chat-en"), FrozenClock(at(1)), fake_clipboard)
    async with english.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(english, "#countdown-caption") == "Welcome overdue by"
    forced = make_app(copy_plan(tmp_path), FrozenClock(at(-60)), fake_clipboard, language="en")
    async with forced.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(forced, "#countdown-caption") == "Starts in"
        assert forced.screen.query_one(Footer) is not None


async def test_help_screen_lists_every_key(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(0)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpDialog)
        keys = shown(app.screen.query_one("#help-keys"))
        for word in ("Copier", "Annuler", "Sauter", "Décaler", "Modifier", "Répondre",
                     "Cocher", "Quitter"):
            assert word in keys
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpDialog)


async def test_palette_offers_the_run_sheet_commands(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from textual.command import CommandPalette

    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(0)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)

        def first_command(name: str) -> bool:
            # The palette searches in a worker: wait for its list, not for a time.
            found = app.screen.query("CommandList")
            return bool(found) and found.first().option_count > 0 and name in str(
                found.first().get_option_at_index(0).prompt)  # type: ignore[attr-defined]

        await pilot.press(*"Sauter")
        await until(pilot, lambda: first_command("Sauter"), step=0.02)
        await pilot.press("enter")
        await until(pilot, lambda: "welcome@0" in app.session.state.skipped)
        assert "welcome@0" in app.session.state.skipped
        # The built-in commands are still there, worded in French.
        await pilot.press("ctrl+p")
        await pilot.press(*"Thème")
        await until(pilot, lambda: first_command("Thème"), step=0.02)
        rendered = app.screen.query_one("CommandList")
        assert "Thème" in str(rendered.get_option_at_index(0).prompt)  # type: ignore[attr-defined]
    assert log_kinds(plan) == ["skip"]


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (200, 60)])
async def test_no_crash_at_any_size(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int]
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(10)), fake_clipboard)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "down", "e", "escape", "r", "escape", "question_mark", "escape")
        await copies_done(app, pilot)
        assert app.session.state.posted
        # Idle means idle: no layout refresh loop (a scrollbar toggling on and off once
        # kept a core busy at small sizes).
        calls: list[str] = []
        original = Widget.refresh

        def counting(self: Widget, *args: Any, layout: bool = False, **kwargs: Any) -> Any:
            if layout:
                calls.append(str(self.id))
            return original(self, *args, layout=layout, **kwargs)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Widget, "refresh", counting)
            await pilot.pause(0.5)
        assert len(calls) < 5, calls


def test_log_lines_are_json(tmp_path: Path) -> None:
    # The log is for people too: one self-describing JSON object per line.
    plan = copy_plan(tmp_path)
    path = log_path_for(plan)
    path.write_text('{"v":1,"kind":"mark","clock":"2026-12-03T17:00:00+00:00",'
                    '"wall":"2026-12-03T17:00:00+00:00","cue":"q1"}\n')
    assert json.loads(path.read_text())["cue"] == "q1"


@pytest.mark.parametrize(
    ("minute", "shown"), [(-30, True), (10, False)], ids=["before", "during"]
)
async def test_start_in_the_audience_zones_before_the_chat(
    tmp_path: Path, fake_clipboard: FakeClipboard, minute: float, shown: bool
) -> None:
    plan = copy_plan(tmp_path)
    text = plan.read_text(encoding="utf-8").replace(
        'heads_up = 2', 'heads_up = 2\naudience_timezones = ["Africa/Dakar", "Africa/Douala"]'
    )
    plan.write_text(text, encoding="utf-8")
    app = make_app(plan, FrozenClock(at(minute)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        meta = text_of(app, "#next-meta")
        # Douala shares Paris's clock in December: only Dakar is named.
        # No line splits a day from its month or a time ("18 h 00").
        expected = ("Début\u00a0: jeudi 3\u00a0décembre à 18\u00a0h\u00a000 (Paris) · "
                    "17\u00a0h\u00a000 à Dakar")
        assert (expected in meta) is shown, meta
        # However long the start line, the count comes first: a cut line keeps it.
        assert meta.startswith("4 sur 4 à poser · "), meta


async def test_drafts_that_would_be_refused_are_named_at_start(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(-30)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert "Un texte serait refusé\u00a0: Q3 (307/280). Touche e pour le modifier." in said


async def test_a_plan_whose_drafts_all_fit_opens_without_warning(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    text = plan.read_text()
    # Cut Q3 (the one draft over the limit) down to a few words: every draft fits then.
    start = text.index("Comment donner envie de lire")
    end = text.index('"', start)
    plan.write_text(text[:start] + "Une astuce ?" + text[end:])
    app = make_app(plan, FrozenClock(at(-30)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert all(row.draft.count.valid for row in app.session.rows)
    assert not any("refusé" in message for message in said)


@pytest.mark.parametrize("settle", [True, False])
def test_the_heap_is_frozen_once_the_screen_is_up(settle: bool, tmp_path: Path) -> None:
    # In a process of its own: a frozen heap in the test process would keep every
    # later test's garbage.
    plan = copy_plan(tmp_path)
    code = (
        "import asyncio, gc\n"
        "gc.disable()  # as `tchat` starts (tui.launch): the settled heap turns it on\n"
        "from pathlib import Path\n"
        "import tui.app, tui.startup\n"
        "from tests.conftest import FakeClipboard\n"
        "from tests.ui.helpers import at\n"
        "from tui.core.timing.clock import FrozenClock\n"
        "tui.startup.HEAP_SETTLES_AFTER = 0.05\n"
        f"start = tui.startup.begin(Path({str(plan)!r}), clock=FrozenClock(at(3)))\n"
        f"app = tui.app.TchatApp(start, clipboard=FakeClipboard(), settle_heap={settle})\n"
        "async def main():\n"
        "    async with app.run_test(size=(120, 36)) as pilot:\n"
        "        await pilot.pause(0.5)\n"
        "        print(gc.get_freeze_count(), gc.isenabled())\n"
        "asyncio.run(main())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).parents[2])
    frozen, enabled = result.stdout.split()[-2:]
    assert (int(frozen) > 10_000) if settle else (int(frozen) == 0)
    assert enabled == str(settle)


async def test_before_the_start_the_first_cue_is_named_only_when_it_fits(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(-1438)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Next is the promotion due two minutes ago: "début à 18:00 · Annonce à J-1
        # 18:00" is longer than the pane, and cut it would end on a bare "J-…".
        assert text_of(app, "#countdown-detail") == "début à 18:00"
    posted = at(-1440)
    AsRunLog(log_path_for(plan)).append(
        Event("mark", clock=posted, wall=posted, cue="promo@-1440", via="system"))
    app = make_app(plan, FrozenClock(at(-10)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(app, "#countdown-detail") == "début à 18:00 · Accueil à 18:00"


async def test_the_mouse_selects_in_the_draft_text_and_in_its_note(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(4.5)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one(CueList).select_id("hu2")  # a derived heads-up: it has a note
        await pilot.pause()
        body = app.screen.query_one(DraftBody)
        assert body.text_shown.startswith("Q2 arrive") and body.note_top is not None
        await pilot.mouse_down(body, offset=(0, 1))  # line 0 is the blank over the text
        await pilot.hover(body, offset=(8, 1))
        await pilot.mouse_up(body, offset=(8, 1))
        await pilot.pause()
        assert app.screen.get_selected_text() == "Q2 arrive"
        app.screen.clear_selection()
        note_line = body.note_top + 1
        await pilot.mouse_down(body, offset=(0, note_line))
        await pilot.hover(body, offset=(5, note_line))
        await pilot.mouse_up(body, offset=(5, note_line))
        await pilot.pause()
        assert app.screen.get_selected_text() == "Rappel"  # the note's, not the draft's


# --- copy safety -----------------------------------------------------------------------


async def test_a_repeated_c_never_marks_a_cue_not_due(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from tui.screens.dialogs import ConfirmDialog

    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(0)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        pasted = paste_time(app)
        welcome = app.session.row("welcome@0")
        rules = app.session.row("rules@2")
        assert welcome is not None and rules is not None
        # The welcome, then (once pasted) the rules two minutes ahead only ask;
        # neither `c` again nor enter says yes.
        await pilot.press("c")
        await copies_done(app, pilot)
        pasted()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("c", "enter")
        await pilot.pause()
        await copies_done(app, pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert list(app.session.state.posted) == ["welcome@0"]
        assert fake_clipboard.text == welcome.draft.text
        # An explicit yes copies and marks it.
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await copies_done(app, pilot)
        assert list(app.session.state.posted) == ["welcome@0", "rules@2"]
        assert fake_clipboard.text == rules.draft.text
    assert log_kinds(plan) == ["mark", "mark"]


async def test_catching_up_on_overdue_cues_needs_no_confirmation(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(2.5)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        pasted = paste_time(app)
        await pilot.press("c")
        await copies_done(app, pilot)
        pasted()
        await pilot.press("c")
        await copies_done(app, pilot)
        assert list(app.session.state.posted) == ["welcome@0", "rules@2"]


async def test_the_cursor_never_wraps(tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(30)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        cues = app.screen.query_one(CueList)
        last = app.session.rows[-1].id
        cues.select_id(last)
        await pilot.press("down")
        assert cues.selected_id == last
        first = app.session.rows[0].id
        cues.select_id(first)
        await pilot.press("up")
        assert cues.selected_id == first


class StuckClipboard(FakeClipboard):
    """The first copy waits until released (a slow xclip); the others go at once."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.calls = 0
        self.waiting = threading.Event()
        """Set once the first copy is in the clipboard's hands: a state to wait for."""

    def copy(self, text: str) -> bool:
        self.calls += 1
        if self.calls == 1:
            self.waiting.set()
            self.release.wait(timeout=60)
        return super().copy(text)


async def stuck(app: App[None], pilot: Any, clipboard: StuckClipboard) -> None:
    """Wait until the first copy is stuck in the clipboard (a state, not a time); it
    never gives up there for the terminal's OSC 52, however loaded the machine."""
    sheet(app).copies.timeout = 120  # type: ignore[arg-type]
    for _ in range(500):
        if clipboard.waiting.is_set():
            return
        await pilot.pause(0.01)
    raise AssertionError("the copy never reached the clipboard")


async def settled(app: App[None], pilot: Any, clipboard: StuckClipboard) -> None:
    """Release the stuck copy and wait until every copy is marked and said."""
    clipboard.release.set()
    await copies_done(app, pilot)  # type: ignore[arg-type]


async def test_quick_presses_while_a_copy_is_on_its_way_are_held(tmp_path: Path) -> None:
    # Seen live: the rules late and the heads-up due, `c c c` marked both at once
    # while only the heads-up reached the clipboard (the rules' text was replaced
    # before anyone could paste it), and the notice left said "Nothing copied".
    clipboard = StuckClipboard()
    plan = copy_plan(tmp_path)
    log = AsRunLog(log_path_for(plan))
    log.append(Event("mark", clock=at(0), wall=at(0), cue="welcome@0", via="system"))
    app = make_app(plan, FrozenClock(at(3.5)), clipboard)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        paste_time(app)
        said = record_notifications(app)
        await pilot.press("c")  # the rules, stuck in a slow clipboard
        await stuck(app, pilot, clipboard)
        await pilot.press("c", "c")
        assert said[-1] == "c retenu\u00a0: Règles part vers le presse-papiers"
        await settled(app, pilot, clipboard)
        rules = app.session.row("rules@2")
        assert rules is not None and clipboard.copied == [rules.draft.text]
        assert list(app.session.state.posted) == ["welcome@0", "rules@2"]
        assert said[-1] == ("Copié (presse-papiers du système)\u00a0: Règles · publication "
                            "notée à 18:03 · 2 c pressés entre-temps, retenus")
        assert sheet(app).query_one(CueList).selected_id == "hu1"
    assert [e.cue for e in read_events(log_path_for(plan)) if e.kind == "mark"] == [
        "welcome@0", "rules@2"]


async def test_a_press_right_after_a_copy_is_held_then_a_deliberate_one_copies(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(3.5)), fake_clipboard)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        pasted = paste_time(app)
        said = record_notifications(app)
        await pilot.press("c")
        await copies_done(app, pilot)
        await pilot.press("c")  # a bounce: the welcome is not pasted yet
        await copies_done(app, pilot)
        assert list(app.session.state.posted) == ["welcome@0"]
        assert said[-1] == ("c retenu\u00a0: Accueil est dans le presse-papiers, publication "
                            "notée à 18:03\u00a0; collez-le, puis c pour la suite")
        [card] = [c for c in sheet(app).notice_bar.shown_cards if c.notice.kind == "copy"]
        assert card.notice.text == said[-1]  # the notice left says what is there
        pasted()
        await pilot.press("c")
        await copies_done(app, pilot)
        assert list(app.session.state.posted) == ["welcome@0", "rules@2"]


async def test_a_quick_press_after_a_question_ahead_never_confirms(tmp_path: Path) -> None:
    from tui.screens.dialogs import ConfirmDialog

    clipboard = StuckClipboard()
    app = make_app(copy_plan(tmp_path), FrozenClock(at(0)), clipboard)
    async with app.run_test(size=SIZE) as pilot:
        paste_time(app)
        # The welcome (stuck), then two quick presses: never the rules' question (two
        # minutes ahead), which a third press would have met.
        await pilot.press("c")
        await stuck(app, pilot, clipboard)
        await pilot.press("c", "c")
        await settled(app, pilot, clipboard)
        assert not any(isinstance(s, ConfirmDialog) for s in app.screen_stack)
        assert list(app.session.state.posted) == ["welcome@0"]


async def test_a_quick_press_after_a_confirmed_copy_is_held(tmp_path: Path) -> None:
    from tui.screens.dialogs import ConfirmDialog

    clipboard = StuckClipboard()
    app = make_app(copy_plan(tmp_path), FrozenClock(at(-5)), clipboard)
    async with app.run_test(size=SIZE) as pilot:
        paste_time(app)
        await pilot.press("c")  # the welcome, five minutes ahead: asked first
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")  # yes: its copy is on its way, stuck in the clipboard
        await stuck(app, pilot, clipboard)
        await pilot.press("c")  # neither the welcome again nor its question
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog), "asked again for the welcome"
        await settled(app, pilot, clipboard)
        assert list(app.session.state.posted) == ["welcome@0"]
        assert clipboard.calls == 1

# --- what the screen points at ----------------------------------------------------------


async def test_a_due_question_passes_over_its_heads_up(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    log = AsRunLog(log_path_for(plan))
    for cue_id, minute in (("welcome@0", 0), ("rules@2", 2)):
        log.append(Event("mark", clock=at(minute), wall=at(minute), cue=cue_id, via="system"))
    clock = FrozenClock(at(8))  # Q1 (18:05) three minutes late; its heads-up (18:03) unposted
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await pilot.pause()
        assert text_of(app, "#countdown-caption") == "Q1 en retard de"
        assert text_of(app, "#countdown-digits") == "03:00"
        cues = app.screen.query_one(CueList)
        assert cues.selected_id == "q1"
        assert "– passé" in str(cues.get_option("hu1").prompt)
        await pilot.press("d")
        assert said[-1] == "Tout ce qui reste est décalé de +3:00"


async def test_promotions_are_missed_once_the_chat_started(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(0.5)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cues = app.screen.query_one(CueList)
        assert cues.selected_id == "welcome@0"
        assert "– passé" in str(cues.get_option("promo@-1440").prompt)


async def test_a_late_promotion_is_shown_late_not_next(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(-10)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cues = app.screen.query_one(CueList)
        assert "! en retard" in str(cues.get_option("promo@-1440").prompt)
        assert cues.selected_id == "welcome@0"
        assert text_of(app, "#countdown-caption") == "Début dans"


async def test_at_zero_the_welcome_is_to_post_now(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    clock = FrozenClock(at(0) - timedelta(seconds=1))
    app = make_app(copy_plan(tmp_path), clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(app, "#countdown-digits") == "00:01"
        clock.set(at(0))
        sheet(app).refresh_now()
        assert text_of(app, "#countdown-caption") == "Accueil\u00a0: à poster"
        assert app.screen.query_one(Countdown).has_class("-now")
        assert not app.screen.query_one(Countdown).has_class("-overrun")
        clock.set(at(1))
        sheet(app).refresh_now()
        assert text_of(app, "#countdown-caption") == "Accueil en retard de"


async def test_quitting_a_live_hour_asks_first(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from tui.screens.dialogs import ConfirmDialog

    app = make_app(copy_plan(tmp_path), FrozenClock(at(30)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the focus is on "cancel"
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmDialog)
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


@pytest.mark.parametrize("mode", ["live", "rehearsal"])
async def test_ctrl_q_with_another_question_open_answers_it_no_and_quits(
    tmp_path: Path, fake_clipboard: FakeClipboard, mode: str
) -> None:
    """ctrl+q while `c` asks about a cue far ahead did nothing, silently (a newcomer's
    trial): it now answers that question no, as escape would, and quits as ever: after
    a yes in the live hour, at once in a rehearsal."""
    from tui.screens.dialogs import ConfirmDialog

    plan = copy_plan(tmp_path)
    options = ({"mode": "rehearsal", "log_path": tmp_path / "rehearsal.jsonl"}
               if mode == "rehearsal" else {})
    app = make_app(plan, FrozenClock(at(30)), fake_clipboard, **options)
    async def until(state: Callable[[], bool]) -> None:
        for _ in range(100):  # a loaded machine may take a few frames
            if state():
                return
            await pilot.pause()

    def asking(quitting: bool) -> bool:
        screen = app.screen
        return isinstance(screen, ConfirmDialog) and screen.quitting is quitting

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "c")  # the last cue, more than a minute ahead
        await until(lambda: asking(False))
        assert asking(False)
        await pilot.press("ctrl+q")
        if mode == "live":
            await until(lambda: asking(True))
            assert asking(True) and fake_clipboard.copied == []  # the copy was answered no
            await pilot.press("ctrl+q")  # again: the same question, nothing else
            await pilot.pause()
            assert asking(True)
            await pilot.press("y")
        await until(lambda: not app.is_running)
        assert fake_clipboard.copied == []
    assert not app.is_running


@pytest.mark.parametrize("mode", ["rehearsal", "before"])
async def test_a_rehearsal_or_a_run_before_the_start_quits_at_once(
    tmp_path: Path, fake_clipboard: FakeClipboard, mode: str
) -> None:
    plan = copy_plan(tmp_path)
    if mode == "rehearsal":
        app = make_app(plan, FrozenClock(at(30)), fake_clipboard, mode="rehearsal",
                       log_path=tmp_path / "rehearsal.jsonl")
    else:
        app = make_app(plan, FrozenClock(at(-30)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_compress_keeps_the_end_after_a_yes_and_u_takes_it_back(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from tui.screens.commands import RunSheetCommands
    from tui.screens.dialogs import ConfirmDialog

    plan = copy_plan(tmp_path)
    log = AsRunLog(log_path_for(plan))
    for cue_id, minute in (("welcome@0", 0), ("rules@2", 2), ("q1", 6)):
        log.append(Event("mark", clock=at(minute), wall=at(minute), cue=cue_id, via="system"))
    app = make_app(plan, FrozenClock(at(50)), fake_clipboard)  # 18:50: Q2-Q4 left
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        body = shown(app.screen.query_one("#confirm-body"))
        assert "Q2 18:50" in body and "Q3" in body and "Q4" in body  # Q4 cannot fit
        await pilot.press("y")
        await pilot.pause()
        state = app.session.state
        assert "q4" in state.skipped
        assert "fin prévue 19:00" in text_of(app, "#header-end")
        assert text_of(app, "#countdown-caption") == "Q2\u00a0: à poster"
        assert said[-1].startswith("Questions resserrées")
        await pilot.press("u")
        assert "q4" not in app.session.state.skipped
        names = [name for name, _h, _a in RunSheetCommands(app.screen)._commands()]
        assert "Resserrer" in names
    assert log_kinds(plan)[-2:] == ["compress", "undo"]


def _toasts(app: App[Any]) -> list[Widget]:
    """The notices on screen: the run-sheet's own and a dialog's (Textual's toasts)."""
    from tui.widgets.notices import NoticeCard

    shown = [card for card in app.screen.query(NoticeCard)
             if card.display and card.parent is not None and card.parent.display]
    return [*shown, *app.screen.query("Toast")]


async def test_no_run_sheet_notice_covers_a_dialog_question_or_its_keys(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from tui.screens.dialogs import ConfirmDialog

    # Seen in tmux at 50x15: the notice of `u` lay over the compress dialog's buttons
    # and its "y: yes" hint for seconds.
    plan = copy_plan(tmp_path)
    log = AsRunLog(log_path_for(plan))
    for cue_id, minute in (("welcome@0", 0), ("rules@2", 2), ("q1", 6), ("q2", 20)):
        log.append(Event("mark", clock=at(minute), wall=at(minute), cue=cue_id, via="system"))
    app = make_app(plan, FrozenClock(at(50)), fake_clipboard)
    async with app.run_test(size=(50, 15), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await copies_done(app, pilot)
        await pilot.press("u")
        for _ in range(20):
            await pilot.pause()
            if _toasts(app):
                break
        assert any("Annulé" in str(t.render()) for t in _toasts(app))
        await pilot.press("D")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        keys = [app.screen.query_one(selector).region
                for selector in ("#dialog-title", "#dialog-hint", "#cancel", "#confirm")]
        for toast in _toasts(app):
            for region in keys:
                assert not toast.region.overlaps(region), (toast.region, region)
        await pilot.press("n")
        for _ in range(20):  # held, not lost: back once the run-sheet is
            await pilot.pause()
            if _toasts(app):
                break
        assert any("Annulé" in str(t.render()) for t in _toasts(app))


async def test_the_editor_own_notice_shows_over_it(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(-30)), fake_clipboard)
    async with app.run_test(size=(50, 15), notifications=True) as pilot:
        await ids_written(app, pilot)
        app.screen.query_one(CueList).select_id("q1")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#edit-area", TextArea).text = "{recap_link} {tag}"
        await pilot.press("ctrl+s")
        for _ in range(20):
            await pilot.pause()
            if _toasts(app):
                break
        assert isinstance(app.screen, EditDialog)
        assert any("Pas enregistré" in str(t.render()) for t in _toasts(app))


async def test_the_editor_flags_and_refuses_an_unknown_placeholder(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from tui.core.plan.check import check_file

    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(-30)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await ids_written(app, pilot)
        before = plan.read_text()
        said = record_notifications(app)
        app.screen.query_one(CueList).select_id("q1")
        await pilot.press("e")
        area = app.screen.query_one("#edit-area", TextArea)
        area.text = "Le résumé sera ici : {recap_link} {tag}"
        await pilot.pause()
        problem = app.screen.query_one("#edit-problem", Static)
        assert problem.display
        assert "{recap_link}" in shown(problem) and "{tag}" in shown(problem)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditDialog)  # not saved, still editing
        assert plan.read_text() == before
        assert said[-1].startswith("Pas enregistré\u00a0: {recap_link}")
        area.text = "Le résumé sera ici : {{recap_link}} {tag}"
        await pilot.pause()
        assert not problem.display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, EditDialog)
    loaded, problems = check_file(plan)
    # The test plan's Q3 is over the limit on purpose: nothing else is wrong.
    assert loaded is not None
    assert [p.field for p in problems if p.is_error] == ["questions[3].text"], problems


async def test_the_plan_errors_are_not_covered_by_the_pre_flight(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from tui.screens.reference import ProblemsDialog

    # Seen at 120x36: opened the day before, the pre-flight notice (20 s, a dozen lines)
    # lay over the error dialog and cut its one error line in half.
    plan = copy_plan(tmp_path)
    overdue = "".join(f'\n[[checklist]]\nphase = "before"\ntext = "Tâche {n} en retard"\n'
                      f'due = "-{n}d"\n' for n in range(2, 14))
    plan.write_text(plan.read_text().replace(
        "C'était la dernière question", "Le résumé : {recap_link}. C'était la dernière"
    ) + overdue)
    app = make_app(plan, FrozenClock(at(-30)), fake_clipboard)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        for _ in range(200):
            await pilot.pause()
            if isinstance(app.screen, ProblemsDialog):
                break
        assert isinstance(app.screen, ProblemsDialog)
        await pilot.pause()
        dialog = app.screen.query_one("#dialog").region
        for toast in _toasts(app):
            assert not toast.region.overlaps(dialog), (toast.region, dialog)
        await pilot.press("escape")
        # The pre-flight, once the errors are read, in the checklist's place.
        side = sheet(app).side_notice
        await until(pilot, lambda: side.display)
        assert side.display and str(side.border_title).startswith("Avant le départ")


async def test_a_plan_with_errors_shows_them_before_anything_else(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from tui.screens.reference import ProblemsDialog

    plan = copy_plan(tmp_path)
    plan.write_text(plan.read_text().replace(
        "C'était la dernière question", "Le résumé : {recap_link}. C'était la dernière"))
    app = make_app(plan, FrozenClock(at(-30)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(200):
            await pilot.pause()
            if isinstance(app.screen, ProblemsDialog):
                break
        assert isinstance(app.screen, ProblemsDialog)
        text = shown(app.screen.query_one("#problems-text"))
        # As `tchat check` says them, in the plan's language.
        assert "posts[4].text: variable inconnue {recap_link}" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, ProblemsDialog)
