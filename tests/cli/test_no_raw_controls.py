"""No text from a plan reaches the terminal as a control sequence, from any command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.text.controls import visible

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "plan-en.toml"
    shutil.copyfile(ROOT / "tests" / "golden" / "plan-en.toml", target)
    text = target.read_text(encoding="utf-8")
    hostile = "\\u001b]52;c;aGk=\\u0007 \\u001b[2J \\u009b31m \\u202e"
    text = text.replace('title = "Staying', f'title = "{hostile}Staying', 1)
    text = text.replace('name = "', 'name = "\\u001b]0;pwned\\u0007', 1)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("command", [
    ["check"], ["drafts"], ["drafts", "--jsonl"], ["report"], ["export", "--to", "facebook-event"],
    ["export", "--to", "runsheet-md"], ["export", "--to", "recap-html"],
])
def test_no_escape_reaches_the_terminal(
    command: list[str], plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([command[0], str(plan), *command[1:]])
    captured = capsys.readouterr()
    out = captured.out + captured.err
    for raw in ("\x1b", "\x9b", "\x07", "\u202e"):
        assert raw not in out, (command, raw)


def test_check_warns_per_control_with_field_and_code_point(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--strict", str(plan)]) == 1
    out = capsys.readouterr().out
    title = [line for line in out.splitlines() if ": chat.title: holds a" in line]
    assert any("control character U+001B (ESC) at character 1" in line for line in title)
    assert any("U+009B (C1 control)" in line for line in title)
    assert any("bidirectional control (it reorders the text around it) U+202E" in line
               for line in title)
    assert f"{plan}:" in title[0]
    assert any(": guests[1].name: holds a control character U+001B (ESC)" in line
               for line in out.splitlines())


@pytest.mark.parametrize("command", ["drafts", "report"])
def test_a_title_shows_a_bell_as_the_cells_do(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Rich drops BEL from a Text before the console can make it visible: the title
    # lost the symbol that the same character showed as in a draft.
    target = tmp_path / "plan-en.toml"
    text = (ROOT / "tests" / "golden" / "plan-en.toml").read_text(encoding="utf-8")
    target.write_text(text.replace('title = "Staying', 'title = "Ring\\u0007Staying', 1),
                      encoding="utf-8")
    main([command, str(target)])
    out = capsys.readouterr().out
    bell = visible("\x07")
    assert bell != "\x07"
    title = next(line for line in out.splitlines() if "Staying" in line)
    assert f"Ring{bell}Staying" in title, title
