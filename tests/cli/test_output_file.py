"""`tchat new PATH` and `tchat export -o FILE` protect their output file one way
(`tui.commands.output.write_output`), the README's "Exit 2 means..." paragraph."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui.helpers import copy_plan
from tui.cli import main


def command(kind: str, plan: Path, target: Path, *extra: str) -> list[str]:
    if kind == "new":
        return ["new", str(target), *extra]
    return ["export", str(plan), "--to", "ics", "-o", str(target), *extra]


@pytest.fixture(params=["new", "export"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_folder_or_a_missing_folder_is_a_usage_error(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = copy_plan(tmp_path)
    assert main(command(kind, plan, tmp_path)) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(command(kind, plan, tmp_path / "nowhere" / "out.txt")) == 2
    assert "does not exist" in capsys.readouterr().err


def test_an_existing_file_is_kept_without_force_and_replaced_with_it(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = copy_plan(tmp_path)
    target = tmp_path / "out.txt"
    target.write_text("mine")
    assert main(command(kind, plan, target)) == 1
    assert "already exists; nothing written" in capsys.readouterr().err
    assert target.read_text() == "mine"
    assert main(command(kind, plan, target, "--force")) == 0
    assert target.read_text() != "mine"


def test_a_dangling_symlink_is_not_followed_without_force(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = copy_plan(tmp_path)
    link = tmp_path / "link.txt"
    os.symlink(tmp_path / "elsewhere.txt", link)
    assert main(command(kind, plan, link)) == 1
    assert not (tmp_path / "elsewhere.txt").exists()
    assert main(command(kind, plan, link, "--force")) == 0
    assert link.is_symlink() and (tmp_path / "elsewhere.txt").exists()
