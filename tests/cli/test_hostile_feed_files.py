"""The conversation's files as anyone can leave them, through every command that reads
them: `report` and `export` read `PLAN.feed.jsonl`, `check` a `[feed] replay`,
`rehearse --replay` its file. None hangs, none shows a traceback, each says what the
file is."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ui.helpers import copy_plan
from tui.cli import main
from tui.core.feed.store import MAX_FEED_BYTES, feed_path_for

KINDS = {
    "fifo": "named pipe (FIFO)",
    "folder": "is a folder",
    "zero": "is a device",
    "huge": "too large",
    "nested": "is not a tchat feed file (line 1 is not a post)",
}


def make(path: Path, kind: str) -> Path:
    """`path` made a file of `kind`; /dev/zero is linked, as a shared folder could."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    elif kind == "huge":
        with path.open("wb") as handle:
            handle.truncate(MAX_FEED_BYTES + 1)
    elif kind == "nested":
        path.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return path


def command(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """`tchat ARGV` in a thread that must end: a blocking read fails the test."""
    codes: list[int] = []
    thread = threading.Thread(target=lambda: codes.append(main(list(argv))), daemon=True)
    thread.start()
    thread.join(30)
    assert not thread.is_alive(), f"tchat {' '.join(argv)} blocked"
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "Traceback" not in out
    return codes[0], out


RUNS: dict[str, Callable[[Path], list[str]]] = {
    "report": lambda plan: ["report", str(plan)],
    "recap": lambda plan: ["export", str(plan), "--to", "recap-md"],
    "thanks": lambda plan: ["export", str(plan), "--to", "thanks"],
}


@pytest.mark.parametrize("run", list(RUNS))
@pytest.mark.parametrize("kind", list(KINDS))
def test_report_and_exports_go_on_without_a_feed_file_they_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, run: str,
) -> None:
    plan = copy_plan(tmp_path)
    make(feed_path_for(plan), kind)
    code, out = command(capsys, *RUNS[run](plan))
    assert code == 0, out
    assert f"{feed_path_for(plan)}: error: " in out and KINDS[kind] in out
    if run == "report":
        assert "la conversation est laissée de côté" in out  # the plan's language
    else:
        assert "note\u00a0: " in out  # the export's notes, in the plan's language (French)


@pytest.mark.parametrize("kind", list(KINDS))
def test_check_says_what_the_replay_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str,
) -> None:
    plan = copy_plan(tmp_path)
    make(tmp_path / "past.jsonl", kind)
    plan.write_text(plan.read_text(encoding="utf-8") + '\n[feed]\nreplay = "past.jsonl"\n',
                    encoding="utf-8")
    code, out = command(capsys, "check", str(plan))
    assert code == 1
    assert "feed.replay" in out and KINDS[kind] in out


@pytest.mark.parametrize("kind", list(KINDS))
def test_rehearse_replay_says_what_the_file_is_not_that_it_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str,
) -> None:
    plan = copy_plan(tmp_path)
    replay = make(tmp_path / "past.jsonl", kind)
    code, out = command(capsys, "rehearse", str(plan), "--replay", str(replay))
    assert code == 1
    assert f"{replay}: error: " in out and KINDS[kind] in out
    assert "does not exist" not in out
