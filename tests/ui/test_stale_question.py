"""A question left open follows the clock and closes once its cue is no longer ahead;
the keys it does not take say so (tui.core.run.desk's `Confirm.follow`)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, Static

from tests.conftest import FakeClipboard
from tests.ui.helpers import (
    at,
    copies_done,
    copy_plan,
    make_app,
    paste_time,
    record_notifications,
    sheet,
)
from tui.core.run.asrun import AsRunLog, Event, log_path_for
from tui.core.timing.clock import FrozenClock
from tui.screens.dialogs import ConfirmDialog

SIZE = (120, 36)


async def test_a_question_left_open_follows_the_clock_then_closes(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    AsRunLog(log_path_for(plan)).append(
        Event("mark", clock=at(0), wall=at(0), cue="welcome@0", via="system"))
    clock = FrozenClock(at(0))
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        paste_time(app)
        said = record_notifications(app)
        sheet(app).cues.select_id("rules@2")
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        body = dialog.query_one("#confirm-body", Static)
        assert "dans 02:00" in str(body.render())
        # Fifteen `c` at a forgotten dialog: each says it does nothing here.
        await pilot.press("c", "c")
        hint = dialog.query_one("#dialog-hint", Label)
        assert str(hint.render()).startswith("«\u00a0c\u00a0» ne fait rien ici")
        assert hint.has_class("-swallowed")
        clock.set(at(0.5))
        sheet(app).refresh_now()
        await pilot.pause()
        assert "dans 01:30" in str(body.render())
        # Due within the minute: the question closes, and says why.
        clock.set(at(1.5))
        sheet(app).refresh_now()
        await pilot.pause()
        assert app.screen is sheet(app)
        assert said[-1] == ("Question fermée, rien copié\u00a0: Règles est à poster "
                            "maintenant, c le copie")
        assert list(app.session.state.posted) == ["welcome@0"]
        await pilot.press("c")
        await copies_done(app, pilot)
        assert list(app.session.state.posted) == ["welcome@0", "rules@2"]
