"""Keys typed faster than the app handles them apply in the order they were typed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from tests.conftest import FakeClipboard
from tests.ui.helpers import at, burst, copy_plan, ids_written, make_app, sheet
from tui.core.plan.planfile import load_plan
from tui.core.timing.clock import FrozenClock
from tui.screens.writing import EditDialog, HighlightDialog
from tui.widgets.cuelist import CueList

SIZE = (120, 36)


async def test_keys_after_a_refused_save_apply_in_order(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    # Seen live: after a refused save, six quick backspaces and a URL left
    # `{liehttps://…` (two backspaces before the typing, four eating its end).
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(-30)), fake_clipboard)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ids_written(app, pilot)
        sheet(app).query_one(CueList).select_id("rules@2")
        await pilot.press("e")
        assert isinstance(app.screen, EditDialog)
        burst(app, *" Plus d’infos : {lien}", "ctrl+s")  # refused: unknown placeholder
        for _ in range(50):
            await pilot.pause()
            if app.screen.query_one("#edit-area", TextArea).text.endswith("{lien}"):
                break
        assert isinstance(app.screen, EditDialog)
        burst(app, *["backspace"] * 6, *"https://eauecoles.example/t")
        for _ in range(50):
            await pilot.pause()
            if app.screen.query_one("#edit-area", TextArea).text.endswith("/t"):
                break
        area = app.screen.query_one("#edit-area", TextArea)
        assert area.text.endswith(" Plus d’infos : https://eauecoles.example/t")
        burst(app, "ctrl+s")
        for _ in range(50):
            await pilot.pause()
            if not isinstance(app.screen, EditDialog):
                break
        assert not isinstance(app.screen, EditDialog)
    rules = next(p for p in load_plan(plan).posts if p.kind == "rules")
    assert rules.text.endswith(" Plus d’infos : https://eauecoles.example/t")


async def test_a_save_typed_right_after_the_text_saves_all_of_it(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    # ctrl+s came before the keys typed just before it: the plan missed their end.
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(-30)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await ids_written(app, pilot)
        sheet(app).query_one(CueList).select_id("rules@2")
        await pilot.press("e")
        burst(app, *" Voir ", "backspace", *" https://a.example/b", "ctrl+s")
        for _ in range(50):
            await pilot.pause()
            if not isinstance(app.screen, EditDialog):
                break
        assert not isinstance(app.screen, EditDialog)
    rules = next(p for p in load_plan(plan).posts if p.kind == "rules")
    assert rules.text.endswith("{tag}. Voir https://a.example/b")


async def test_a_highlight_typed_quickly_keeps_its_order(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(10)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HighlightDialog)
        burst(app, *"abcdef", "backspace", "backspace", *"xy")
        field = app.screen.query_one(Input)
        for _ in range(50):
            await pilot.pause()
            if field.value.endswith("y"):
                break
        assert field.value == "abcdxy"
