"""What a key press or a second does not redo: reading back our own write, rebuilding
every checklist option or every cue's line (issue 7: the large plan's tick and copy)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tui.core.planedit as planedit
import tui.core.session as session_module
from tests.conftest import FakeClipboard
from tests.ui.helpers import at, copy_plan, make_app
from tui.core.clock import FrozenClock
from tui.core.planfile import load_plan
from tui.widgets.cuelist import CueList
from tui.widgets.panes import Checklist

SIZE = (120, 36)


async def test_a_tick_does_not_read_the_plan_back(
    tmp_path: Path, fake_clipboard: FakeClipboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        book, rows = app.session.book, app.session.rows

        def no_load(path: Path) -> None:
            raise AssertionError(f"{path} read back after our own write")

        monkeypatch.setattr(session_module, "load_plan", no_load)
        await pilot.press("space", "space")
        await pilot.pause()
        assert app.session.plan.checklist[2].done is True
        assert app.session.book is book and app.session.rows is rows  # drafts not recounted
        assert not app.session.plan_changed()
    assert load_plan(plan).checklist[2].done is True


def test_edits_from_the_kept_document_write_what_a_fresh_parse_would(tmp_path: Path) -> None:
    kept = copy_plan(tmp_path)
    fresh = tmp_path / "fresh.toml"
    shutil.copy(kept, fresh)
    edits = [("tick", 0, True), ("tick", 2, True), ("template", "questions[2]", "Deux ?\nOui"),
             ("tick", 0, False), ("tick", 3, True)]
    loaded = {kept: planedit.fingerprint(kept), fresh: planedit.fingerprint(fresh)}
    for path, reuse in ((kept, True), (fresh, False)):
        for what, where, value in edits:
            if not reuse:
                planedit._last_written = None
            if what == "tick":
                written = planedit.write_checklist_done(path, loaded[path], where, value)
            else:
                written = planedit.write_template(path, loaded[path], where, value)
            loaded[path] = written.fingerprint
    assert kept.read_bytes() == fresh.read_bytes()


def test_the_kept_document_is_not_used_once_the_file_changed(tmp_path: Path) -> None:
    path = copy_plan(tmp_path)
    loaded = planedit.write_checklist_done(path, planedit.fingerprint(path), 0, True).fingerprint
    edited = path.read_text().replace("Relayer les réponses", "Relayer les meilleures réponses")
    path.write_text(edited)
    with pytest.raises(planedit.PlanChangedOnDisk):
        planedit.write_checklist_done(path, loaded, 1, True)
    planedit.write_checklist_done(path, planedit.fingerprint(path), 1, True)
    plan = load_plan(path)
    assert plan.checklist[2].text.startswith("Relayer les meilleures")
    assert plan.checklist[0].done and plan.checklist[1].done


async def test_a_tick_replaces_only_its_own_option(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        checklist = app.screen.query_one(Checklist)
        before = [o.prompt for o in checklist.options]
        ticked = checklist.highlighted
        await pilot.press("space", "space")
        await pilot.pause()
        after = [o.prompt for o in checklist.options]
        assert checklist.highlighted == ticked
        changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a is not b]
        assert changed == [ticked]
        assert "☑" in str(after[ticked])


async def test_a_second_with_nothing_changed_keeps_every_cue_line(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        cues = app.screen.query_one(CueList)
        await pilot.pause()
        before = [o.prompt for o in cues.options]
        app.run_sheet.refresh_now()
        await pilot.pause()
        assert all(a is b for a, b in zip(before, [o.prompt for o in cues.options], strict=True))
