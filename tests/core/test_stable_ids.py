"""Questions and posts carry stable ids: marks follow a question however the plan is
edited, and logs written before ids existed still name the same cues."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.plan.planedit import PlanChangedOnDisk, fingerprint, prepare_ids
from tui.core.plan.planfile import load_plan
from tui.core.run.asrun import AsRunLog, Event, log_path_for
from tui.core.run.session import Session
from tui.core.timing.clock import FrozenClock

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 3, 17, 20, tzinfo=UTC)


def session(plan: Path) -> Session:
    return Session(plan, clock=FrozenClock(NOW), log_path=log_path_for(plan))


def test_new_plans_carry_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "new.toml"
    assert main(["new", str(plan), "--lang", "en", "--start", "2026-12-03 18:00"]) == 0
    loaded = load_plan(plan)
    assert [q.id for q in loaded.questions][:3] == ["q1", "q2", "q3"]
    assert all(p.id for p in loaded.posts)
    assert 'id = "q1"' in plan.read_text(encoding="utf-8")
    capsys.readouterr()


def fill_ids(run: Session) -> bool:
    """What the run-sheet does in two steps (the ids prepared in a worker, then written
    on the UI thread), in one go; True when written."""
    ids = run.missing_ids()
    return bool(ids) and run.commit_ids(prepare_ids(run.plan_path, run.loaded, ids))


def test_a_question_inserted_before_q1_leaves_the_marks_where_they_were(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "plan.toml"
    shutil.copyfile(ROOT / "tests" / "ui" / "plans" / "chat-en.toml", plan)
    # A log written before the plan had ids: Q1 was posted.
    AsRunLog(log_path_for(plan)).append(
        Event("mark", clock=NOW, wall=NOW, cue="q1", via="system"))
    first = session(plan)
    old_q1 = first.plan.questions[0].text
    assert fill_ids(first)  # the app writes the ids once...
    assert first.state.posted.keys() == {"q1"}  # ...and nothing moves
    assert not first.missing_ids() and first.loaded == fingerprint(plan)
    reloaded = session(plan)
    assert first.plan == reloaded.plan
    assert [(r.id, r.cue, r.draft.text) for r in first.rows] == [
        (r.id, r.cue, r.draft.text) for r in reloaded.rows]
    text = plan.read_text(encoding="utf-8")
    assert 'id = "q1"' in text and "# " in text  # comments kept
    # A co-host inserts a question before Q1 in their editor.
    plan.write_text(text.replace("[[questions]]", '[[questions]]\ntext = "A new opener?"\n\n'
                                 "[[questions]]", 1), encoding="utf-8")
    second = session(plan)
    posted = [row for row in second.rows if row.id in second.state.posted]
    assert [row.cue.template for row in posted] == [old_q1]
    assert posted[0].cue.number == 2
    new_first = next(row for row in second.rows
                     if row.cue.number == 1 and row.cue.kind == "question")
    assert new_first.id == "q1.2" and new_first.id not in second.state.posted


def test_an_id_used_twice_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.toml"
    text = (ROOT / "tests" / "ui" / "plans" / "chat-en.toml").read_text(encoding="utf-8")
    plan.write_text(text.replace("[[questions]]", '[[questions]]\nid = "same"', 2),
                    encoding="utf-8")
    assert main(["check", str(plan)]) == 1
    assert "id 'same' is used twice" in capsys.readouterr().out


def test_ids_prepared_before_a_tick_are_dropped_and_the_tick_kept(tmp_path: Path) -> None:
    """The run-sheet prepares the ids in a worker; a tick written meanwhile wins, and the
    ids come with the next attempt."""
    plan = tmp_path / "plan.toml"
    shutil.copyfile(ROOT / "tests" / "ui" / "plans" / "chat-en.toml", plan)
    run = session(plan)
    prepared = prepare_ids(plan, run.loaded, run.missing_ids())
    assert run.tick(0)
    run.write_ticks()  # the tick's copy in the plan (the desk makes it right after)
    assert not run.commit_ids(prepared)  # made from the plan before the tick: dropped
    assert load_plan(plan).checklist[0].done is True
    assert 'id = "q1"' not in plan.read_text(encoding="utf-8")
    assert fill_ids(run)  # the next attempt starts from the ticked plan
    assert load_plan(plan).checklist[0].done is True
    assert run.plan.questions[0].id == "q1" and not run.missing_ids()


def test_a_prepared_edit_never_overwrites_an_edit_made_elsewhere(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    shutil.copyfile(ROOT / "tests" / "ui" / "plans" / "chat-en.toml", plan)
    run = session(plan)
    prepared = prepare_ids(plan, run.loaded, run.missing_ids())
    edited = plan.read_text(encoding="utf-8").replace("[[questions]]", "[[questions]]\n", 1)
    plan.write_text(edited, encoding="utf-8")
    with pytest.raises(PlanChangedOnDisk):
        run.commit_ids(prepared)
    assert plan.read_text(encoding="utf-8") == edited
    with pytest.raises(PlanChangedOnDisk):
        prepare_ids(plan, run.loaded, run.missing_ids())


def test_no_ids_are_written_in_a_rehearsal(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    shutil.copyfile(ROOT / "tests" / "ui" / "plans" / "chat-en.toml", plan)
    live = session(plan)
    prepared = prepare_ids(plan, live.loaded, live.missing_ids())
    rehearsal = Session(plan, clock=FrozenClock(NOW), log_path=tmp_path / "rehearsal.jsonl",
                        mode="rehearsal")
    assert rehearsal.missing_ids() == {}
    assert not fill_ids(rehearsal)
    assert not rehearsal.commit_ids(prepared)
    assert 'id = "q1"' not in plan.read_text(encoding="utf-8")
