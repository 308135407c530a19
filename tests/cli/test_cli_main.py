"""The front door: `tchat --help` lists every command, and a command imports only itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import modules_loaded
from tui.cli import COMMANDS, main


def test_help_lists_every_command_with_its_summary(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    for name, summary in COMMANDS.items():
        assert f"{name} {summary}" in shown


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_has_its_own_full_help(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([name, "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: tchat {name}")
    assert "options:" in out


def test_opening_a_plan_imports_no_other_command() -> None:
    # The run-sheet's start-up pays for every module imported before its first frame;
    # `export` alone would bring icalendar.
    code = (
        "from tui.cli import build_parser\n"
        "parser, _ = build_parser('run')\n"
        "parser.parse_args(['run', 'plan.toml'])\n"
    )
    loaded = modules_loaded(code, ("tui.commands.", "tui.core.plan.check", "icalendar"))
    assert "tui.commands.run" in loaded
    for name in set(COMMANDS) - {"run"}:
        assert f"tui.commands.{name}" not in loaded
    assert not [m for m in loaded if m.startswith(("icalendar", "tui.core.plan.check"))]


@pytest.mark.parametrize(
    ("word", "hint"),
    [("rehaerse", "Did you mean `tchat rehearse`?"), ("frobnicate", "")],
)
def test_a_mistyped_command_is_not_taken_for_a_missing_plan(
    word: str, hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([word, "plans/x.toml"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"'{word}' is neither a command nor a plan file." in err
    assert hint in err and "Commands: run, rehearse" in err


def test_a_missing_plan_file_is_still_said_to_be_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "chat.toml"
    assert main([str(missing)]) == 1
    assert f"{missing}: error: does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "enabled"), [
    (["count", "Bonjour"], True),
    (["--version"], True),
    (["run", "missing.toml"], False),  # a screen turns it on once it is up
])
def test_tchat_starts_with_the_garbage_collector_off_until_it_is_of_use(
    argv: list[str], enabled: bool, tmp_path: Path
) -> None:
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('collector on:', gc.isenabled()))\n"
        f"sys.argv = ['tchat', *{argv!r}]\n"
        "from tui.launch import entry\n"
        "entry()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path)
    assert f"collector on: {enabled}" in result.stdout, result.stderr


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["--lang", "de"], "usage: tchat [-h] [--lang {fr,en}]"),
        (["plan.toml", "--lang", "de"], "usage: tchat [-h] [--lang {fr,en}]"),
        (["run", "--lang", "de"], "usage: tchat run [-h]"),
        (["new", "x.toml", "--frm", "y.toml"], "usage: tchat new [-h]"),
        (["check", "x.toml", "--strikt"], "usage: tchat check [-h]"),
        (["rehearse", "x.toml", "--at", "-2m", "--sped", "2"], "usage: tchat rehearse [-h]"),
        (["export", "x.toml", "--to", "ics", "extra"], "usage: tchat export [-h]"),
    ],
)
def test_a_usage_error_shows_the_usage_of_the_command_typed(
    argv: list[str], usage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage), err
    prog = usage.removeprefix("usage: ").removesuffix(" [-h]").split(" [")[0]
    assert f"{prog}: error: " in err
    assert f"Try '{prog} --help'." in err
