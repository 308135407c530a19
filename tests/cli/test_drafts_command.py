"""`tchat drafts PLAN`: every draft with its time and count, cue names in the plan's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.cli import main

PLANS = Path(__file__).parents[2] / "plans"
TEST_PLANS = Path(__file__).parents[1] / "ui" / "plans"


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")


def test_every_draft_is_listed_with_its_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["drafts", str(PLANS / "demo-fr.toml")]) == 0
    out = capsys.readouterr().out
    for shown in ("Accueil", "Rappel Q1", "Q8", "Annonce", "Merci", "185/280", "194/280"):
        assert shown in out
    assert "heads-up" not in out and "welcome" not in out  # the run-sheet's French names
    assert main(["drafts", str(PLANS / "demo-en.toml")]) == 0
    out = capsys.readouterr().out
    assert "Heads-up Q1" in out and "Welcome" in out


def test_a_draft_over_the_limit_is_counted_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "chat-fr.toml"
    shutil.copyfile(TEST_PLANS / "chat-fr.toml", plan)
    assert main(["drafts", str(plan)]) == 1
    out = capsys.readouterr().out
    assert "307/280" in out and "1 draft over the limit" in out


def test_a_plan_that_does_not_load_is_reported_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "broken.toml"
    plan.write_text("[chat]\ntitle = \n", encoding="utf-8")
    assert main(["drafts", str(plan)]) == 1
    err = capsys.readouterr().err
    assert f"{plan}:2: error: not valid TOML" in err and "Traceback" not in err


def test_an_unknown_placeholder_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "demo-en.toml"
    text = (PLANS / "demo-en.toml").read_text(encoding="utf-8")
    marker = 'kind = "closing"'
    assert marker in text
    start = text.index(marker)
    line_start = text.index('text = "', start)
    text = text[:line_start] + 'text = "The recap: {recap_link} " \n' + text[
        text.index("\n", line_start) + 1:]
    plan.write_text(text, encoding="utf-8")
    assert main(["drafts", str(plan)]) == 1
    captured = capsys.readouterr()
    assert "{recap_link}" in captured.out  # the draft as it would be pasted
    assert "unknown placeholder {recap_link}" in captured.err


def test_a_brand_new_plan_exits_0_with_its_recap_post_waiting_for_an_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `tchat new` writes a post for two days after, with {recap_url}: the recap is
    # online only then. `tchat check` warns about it; drafts shows the warning and
    # exits 0, since nothing is wrong with the plan yet.
    plan = tmp_path / "new.toml"
    assert main(["new", str(plan), "--start", "2030-03-07 18:00"]) == 0
    capsys.readouterr()
    assert main(["drafts", str(plan)]) == 0
    captured = capsys.readouterr()
    assert "{recap_url}" in captured.out
    assert "warning" in captured.err and "{recap_url} is not set yet" in captured.err
