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


@pytest.mark.parametrize("command", [["run", "PLAN"], ["PLAN"], ["rehearse", "PLAN"], [],
                                     ["--lang", "en"]])
def test_without_a_terminal_the_run_sheet_exits_2_at_once(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.app import TchatApp

    monkeypatch.setattr(TchatApp, "run", lambda self: pytest.fail("no screen expected"))
    plan = tmp_path / "chat.toml"
    plan.write_bytes((Path(__file__).parents[1] / "ui" / "plans" / "chat-fr.toml").read_bytes())
    argv = [str(plan) if word == "PLAN" else word for word in command]
    # Under pytest, standard output is captured: not a terminal, as in a script.
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "needs a terminal" in err and ("stdin" in err or "stdout" in err)
    assert "tchat drafts" in err and "tchat report" in err
    assert [p.name for p in tmp_path.iterdir()] == ["chat.toml"]  # no log left behind


def test_without_a_terminal_a_broken_plan_is_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[chat]\ntitle = 'x'\nlanguage = 'en'\n")
    assert main(["run", str(broken)]) == 1
    assert "chat.tag: is required" in capsys.readouterr().err


def test_in_a_pty_the_run_sheet_still_opens(tmp_path: Path) -> None:
    """The terminal check must not refuse a real terminal: the rehearsal opens in a pty
    and ctrl+q closes it (a rehearsal quits at once)."""
    import os
    import select
    import sys
    import time

    from benchmarks.terminal import spawn

    plan = tmp_path / "chat-en.toml"  # its rehearsal log goes beside it
    plan.write_bytes((Path(__file__).parents[1] / "ui" / "plans" / "chat-en.toml").read_bytes())
    child = spawn([sys.executable, "-m", "tui.cli", "rehearse", str(plan)])
    seen = b""
    deadline = time.monotonic() + 60  # a generous bound on a loaded machine
    try:
        while b"REHEARSAL" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([child.fd], [], [], 0.2)
            if ready:
                try:
                    seen += os.read(child.fd, 65536)
                except OSError:
                    break
        assert b"REHEARSAL" in seen, seen[-500:]
        os.write(child.fd, b"\x11")  # ctrl+q
        while time.monotonic() < deadline:
            pid, status = os.waitpid(child.pid, os.WNOHANG)
            if pid:
                assert os.waitstatus_to_exitcode(status) == 0
                return
            ready, _, _ = select.select([child.fd], [], [], 0.2)
            if ready:
                try:
                    os.read(child.fd, 65536)
                except OSError:
                    pass
        raise AssertionError("the rehearsal did not quit")
    finally:
        try:
            os.kill(child.pid, 9)
            os.waitpid(child.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
