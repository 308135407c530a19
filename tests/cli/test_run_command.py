"""`tchat run` with a plan it cannot open: a message and exit 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main


@pytest.mark.parametrize("command", [["run"], [], ["rehearse"]])
def test_missing_plan_and_folder_are_reported(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.toml"
    assert main([*command, str(missing)]) == 1
    assert f"{missing}: error: does not exist" in capsys.readouterr().err
    assert main([*command, str(tmp_path)]) == 1
    assert "is a folder, not a plan file" in capsys.readouterr().err
