"""Run logs written to hurt: skipped by line number, or refused by name, never a crash."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.run.asrun import log_path_for, read_log

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"

GOOD = ('{"v":1,"kind":"mark","clock":"2026-12-03T17:01:00+00:00",'
        '"wall":"2026-12-03T17:01:00+00:00","cue":"welcome@0","via":"system"}')
BAD_LINES = [
    GOOD.replace("2026-12-03T17:01", "9999-12-31T23:59"),  # a date no run has
    GOOD.replace('"cue"', '"seconds":99999999999999999999,"kind2":1,"cue"').replace(
        '"mark"', '"shift"'),
    GOOD.replace('"cue":"welcome@0"', '"item":-5,"done":true').replace('"mark"', '"tick"'),
    "[" * 100_000 + "]" * 100_000,
]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "plan-fr.toml"
    shutil.copyfile(GOLDEN / "plan-fr.toml", target)
    return target


def test_out_of_range_and_deep_lines_are_skipped_by_number(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    log.write_text("\n".join([GOOD, *BAD_LINES, GOOD]) + "\n", encoding="ascii")
    reading = read_log(log)
    assert len(reading.events) == 2
    assert reading.skipped_lines == [2, 3, 4, 5]


@pytest.mark.parametrize(("command", "said"), [
    # The report and an export speak the plan's language (a French plan here).
    (["report"], "4 lignes ne sont pas des événements et ont été ignorées"),
    (["export", "--to", "recap-md"], "4 lignes ne sont pas des événements et ont été ignorées"),
])
def test_commands_name_the_skipped_lines(
    command: list[str], said: str, plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_path_for(plan).write_text("\n".join([GOOD, *BAD_LINES]) + "\n", encoding="ascii")
    assert main([command[0], str(plan), *command[1:]]) == 0
    err = capsys.readouterr().err
    assert f"{log_path_for(plan)}: warning: {said}" in err
    assert "(2, 3, 4, 5)" in err


@pytest.mark.parametrize("command", [["report"], ["export", "--to", "recap-md"], ["run"]])
def test_folder_or_fifo_in_place_of_the_log(
    command: list[str], plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = log_path_for(plan)
    log.mkdir()
    assert main([command[0], str(plan), *command[1:]]) == 1
    captured = capsys.readouterr()
    assert f"{log}" in captured.err and "is a folder" in captured.err
    assert "Traceback" not in captured.out + captured.err
    log.rmdir()
    os.mkfifo(log)
    assert main([command[0], str(plan), *command[1:]]) == 1
    assert "named pipe (FIFO)" in capsys.readouterr().err


def test_run_refuses_a_log_of_another_plan(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = json.loads(GOOD)
    foreign["cue"] = "q9@49"
    lines = [json.dumps(dict(foreign, cue=cue)) for cue in ("q9@49", "closing@77")]
    log_path_for(plan).write_text("\n".join(lines) + "\n", encoding="ascii")
    assert main(["run", str(plan)]) == 1
    err = capsys.readouterr().err
    assert f"{plan}: error: its run log {log_path_for(plan)} is not this plan's" in err
    assert "closing@77, q9@49" in err
