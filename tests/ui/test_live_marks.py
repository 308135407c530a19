"""Marks that follow what happened, on the screen: `d` after a late post, an unposted
opening folded once the first question is due, a checklist item ticked by its posts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from feed_servers import FakeServer, MastodonData

from tests.conftest import FakeClipboard
from tests.ui.helpers import at, copy_plan, make_app, record_notifications, sheet
from tui.core.run.asrun import AsRunLog, Event, log_path_for
from tui.core.timing.clock import FrozenClock

SIZE = (120, 36)


def marked(plan: Path, *marks: tuple[str, float]) -> None:
    log = AsRunLog(log_path_for(plan))
    for cue, minute in marks:
        log.append(Event("mark", clock=at(minute), wall=at(minute), cue=cue, via="system"))


async def test_d_after_a_late_post_keeps_the_planned_spacing(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    marked(plan, ("welcome@0", 0), ("rules@2", 2), ("q1", 5 + 89 / 60))  # Q1 1:29 late
    app = make_app(plan, FrozenClock(at(7)), fake_clipboard)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        said = record_notifications(app)
        q2 = app.session.row("q2")
        assert q2 is not None
        await pilot.press("d")
        await pilot.pause()
        assert said[-1] == "Tout ce qui reste est décalé de +1:29"
        view = sheet(app).view
        assert view is not None
        assert view.hour.times["q2"] == q2.cue.at + timedelta(seconds=89)
        await pilot.press("d")  # pressed twice: absorbed once
        await pilot.pause()
        assert said[-1] == "Rien n'est en retard"
        assert len(app.session.state.shifts) == 1


async def test_an_unposted_opening_stops_holding_the_countdown(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(30)), fake_clipboard)  # nothing marked at all
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = sheet(app).view
        assert view is not None
        statuses = {row.id: row.status for row in view.rows}
        assert statuses["welcome@0"] == statuses["rules@2"] == "missed"
        assert view.countdown.label != "Accueil"


async def test_a_shift_off_the_minute_shows_its_seconds(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from textual.widgets import Static

    plan = copy_plan(tmp_path)
    marked(plan, ("welcome@0", 0), ("rules@2", 2), ("q1", 5 + 89 / 60))
    app = make_app(plan, FrozenClock(at(7)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        view = sheet(app).view
        assert view is not None
        q2 = view.row("q2")
        assert q2 is not None and q2.time.endswith(":29")  # "18:21:29", never "18:21"
        assert "19:01:29" in str(app.screen.query_one("#header-end", Static).render())


async def test_a_question_posted_from_a_phone_is_marked_from_the_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_clipboard: FakeClipboard,
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.delenv("TCHAT_MASTODON_TOKEN", raising=False)
    _server, data = mastodon
    plan = copy_plan(tmp_path)
    plan.write_text(plan.read_text(encoding="utf-8")
                    + f'\n[feed]\nmastodon = "{data.base}"\n', encoding="utf-8")
    marked(plan, ("welcome@0", 0), ("rules@2", 2))
    app = make_app(plan, FrozenClock(at(7)), fake_clipboard)
    q1 = app.session.row("q1")
    assert q1 is not None
    host = app.session.plan.chat.host.removeprefix("@")
    data.add(host, "<p>" + q1.draft.text.replace("\n", "<br>") + "</p>", at(5.5))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        said = record_notifications(app)
        for _ in range(600):  # until the feed's first poll is in: a state, not a time
            await pilot.pause(0.01)
            if "q1" in app.session.state.posted:
                break
        else:
            raise AssertionError("Q1 was never marked from the feed")
        assert app.session.state.posted["q1"] == at(5.5)
        assert said[-1] == ("Q1 vu sur Mastodon à 18:05\u00a0: publication notée (u l'annule)")
        await pilot.press("u")
        await pilot.pause()
        assert "q1" not in app.session.state.posted


async def test_compress_after_a_shift_brings_back_the_booked_end(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from textual.widgets import Static

    from tui.screens.dialogs import ConfirmDialog

    plan = copy_plan(tmp_path)
    marked(plan, ("welcome@0", 0), ("rules@2", 2))
    clock = FrozenClock(at(9))  # Q1 four minutes late
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        end = app.screen.query_one("#header-end", Static)
        assert "19:04" in str(end.render())
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "19:00" in app.screen.title_text
        await pilot.press("y")
        await pilot.pause()
        assert "19:00" in str(end.render()) and "19:04" not in str(end.render())
