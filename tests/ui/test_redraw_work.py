"""Edits made from the document parsed ahead (issue 7: the large plan's tick) write
what a fresh parse would, and never once the file changed. How much work a tick or a
second saves is measured in benchmarks/work.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tui.core.plan.planedit as planedit
from tests.ui.helpers import copy_plan
from tui.core.plan.planfile import load_plan


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
                planedit._last_written = planedit._LastDocument()
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
