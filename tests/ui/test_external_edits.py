"""Edits made elsewhere while the run-sheet runs: never overwritten, links kept, a plan
turned into a FIFO or a folder said once and never read on the UI thread."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FakeClipboard
from tests.ui.helpers import at, copy_plan, make_app, record_notifications, watcher_polled
from tui.core.files.atomic import Stamp
from tui.core.plan import planedit
from tui.core.plan.planedit import PlanChangedOnDisk, fingerprint, write_checklist_done
from tui.core.plan.planfile import load_plan
from tui.core.timing.clock import FrozenClock

SIZE = (120, 36)


def test_an_edit_saved_just_before_the_rename_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = copy_plan(tmp_path)
    loaded = fingerprint(plan)
    edited = plan.read_text(encoding="utf-8").replace("Relayer les réponses", "Relayer tout")
    real = planedit.replace_if_unchanged

    def editor_saves_meanwhile(path: Path, data: bytes, unchanged: Callable[[Path], bool],
                               ) -> Stamp:
        # The tick's own check has passed; the editor saves while the tick is written.
        plan.write_text(edited, encoding="utf-8")
        return real(path, data, unchanged)

    monkeypatch.setattr(planedit, "replace_if_unchanged", editor_saves_meanwhile)
    with pytest.raises(PlanChangedOnDisk):
        write_checklist_done(plan, loaded, 2, True)
    assert plan.read_text(encoding="utf-8") == edited
    assert [p.name for p in tmp_path.iterdir()] == [plan.name]  # no temporary file left


def test_a_plan_reached_through_a_symlink_stays_a_link(tmp_path: Path) -> None:
    target = copy_plan(tmp_path)
    link = tmp_path / "link.toml"
    link.symlink_to(target.name)
    write_checklist_done(link, fingerprint(link), 2, True)
    assert link.is_symlink() and os.readlink(link) == target.name
    assert load_plan(target).checklist[2].done is True


async def test_a_plan_replaced_by_a_fifo_or_folder_is_said_once(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(1)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        said = record_notifications(app)
        for replace in (os.mkfifo, os.mkdir):
            plan.unlink() if plan.is_fifo() or plan.is_file() else plan.rmdir()
            replace(plan)
            for _ in range(3):
                await watcher_polled(app, pilot)
        failures = [m for m in said if "ne se charge pas" in m]
        assert len(failures) == 2, said
        # Said in the plan's language, as tchat check says it.
        assert "tube nommé (FIFO)" in failures[0] and "dossier" in failures[1]
        assert app.session.row("q4") is not None  # the old plan is kept
