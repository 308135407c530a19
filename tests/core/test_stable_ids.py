"""Questions and posts carry stable ids: marks follow a question however the plan is
edited, and logs written before ids existed still name the same cues."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.asrun import AsRunLog, Event, log_path_for
from tui.core.clock import FrozenClock
from tui.core.planfile import load_plan
from tui.core.session import Session

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
    assert first.fill_ids()  # the app writes the ids once...
    assert first.state.posted.keys() == {"q1"}  # ...and nothing moves
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
