"""A plan file that is not there is said once, in one line naming it, whatever the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main

COMMANDS = [
    ["new", "{dir}/next.toml", "--from", "{missing}"],
    ["export", "{missing}", "--to", "ics"],
    ["export", "{missing}", "--to", "recap-md"],
    ["check", "{missing}"],
    ["check", "{missing}", "--strict"],
    ["drafts", "{missing}"],
    ["report", "{missing}"],
    ["run", "{missing}"],
    ["{missing}"],
    ["rehearse", "{missing}"],
    ["feed", "{missing}", "--once"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_missing_plan_is_one_line_naming_it_exit_1(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothere.toml"
    argv = [word.format(dir=tmp_path, missing=missing) for word in command]
    assert main(argv) == 1
    captured = capsys.readouterr()
    lines = [line for line in (captured.out + captured.err).splitlines() if line.strip()]
    assert lines == [f"{missing}: error: does not exist"]
    assert not (tmp_path / "next.toml").exists()
