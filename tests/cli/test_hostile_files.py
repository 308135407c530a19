"""Plans and logs written to hurt: each one gets `FILE[:LINE]: error: ...` and exit 1 from
every command that reads it, never a traceback, a hang or a crash."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.counting import Count, count
from tui.core.plan.drafts import split_thread

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "tests" / "golden" / "plan-en.toml"
COMMANDS: list[list[str]] = [
    ["check"], ["drafts"], ["export", "--to", "runsheet-md"], ["report"], ["run"],
]


def _with_chat(field: str, value: str) -> Callable[[str], str]:
    return lambda text: re.sub(rf"^{field} = .*$", f"{field} = {value}", text, count=1,
                               flags=re.MULTILINE)


def _first_question(line: str) -> Callable[[str], str]:
    return lambda text: text.replace("[[questions]]", f"[[questions]]\n{line}", 1)


HOSTILE: dict[str, tuple[Callable[[str], str], str]] = {
    "start-9999": (_with_chat("start", "9999-12-31 23:30:00"),
                   "chat.start: start 9999-12-31 is out of range"),
    "start-0001": (_with_chat("start", "0001-01-01 00:00:00"),
                   "chat.start: start 0001-01-01 is out of range"),
    "at-far-before": (_first_question('at = "-9999999d"'), "is more than a year from the start"),
    "at-huge-int": (_first_question("at = 99999999999999999999999"), "is more than a year"),
    "due-far-after": (
        lambda t: t + '\n[[checklist]]\nphase = "before"\ntext = "x"\ndue = "99999999d"\n',
        "checklist[20].due: '99999999d' is more than a year from the start",
    ),
    "zone-name-too-long": (_with_chat("timezone", '"' + "A" * 5000 + '"'),
                           "is not a known time zone"),
    "nested-1000": (lambda t: t + "\nx = " + "[" * 1000 + "]" * 1000 + "\n", "too deeply nested"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_plan_is_an_error_in_every_command(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, expected = HOSTILE[name]
    plan = tmp_path / f"{name}.toml"
    plan.write_text(change(BASE.read_text(encoding="utf-8")), encoding="utf-8")
    for command in COMMANDS:
        code = main([command[0], str(plan), *command[1:]])
        captured = capsys.readouterr()
        out = captured.out + captured.err
        assert code == 1, (command, out)
        assert expected in out, (command, out)
        assert f"{plan}" in out, (command, out)
        assert "Traceback" not in out


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_special_files_are_refused_at_once(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    for plan, reason in ((fifo, "named pipe (FIFO)"), (Path("/dev/zero"), "is a device")):
        assert main([command[0], str(plan), *command[1:]]) == 1
        captured = capsys.readouterr()
        assert f"{plan}: error: " in captured.out + captured.err
        assert reason in captured.out + captured.err


def test_plan_over_ten_megabytes_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "big.toml"
    shutil.copyfile(BASE, plan)
    with plan.open("ab") as handle:
        handle.write(b"#" * (10 * 1024 * 1024))
    assert main(["check", str(plan)]) == 1
    assert "too large to be a plan (the limit is 10 MB)" in capsys.readouterr().out


def test_dst_overlap_warns_and_names_the_moment_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "overlap.toml"
    cases = [
        ("2026-10-25 02:30:00", "Europe/Paris", "2026-10-25T02:30:00+02:00 (00:30 UTC)",
         "2026-10-25T02:30:00+01:00"),
        ("2026-11-01 01:30:00", "America/New_York", "2026-11-01T01:30:00-04:00 (05:30 UTC)",
         "2026-11-01T01:30:00-05:00"),
    ]
    for start, zone, used, other in cases:
        text = _with_chat("start", start)(BASE.read_text(encoding="utf-8"))
        plan.write_text(_with_chat("timezone", f'"{zone}"')(text), encoding="utf-8")
        assert main(["check", str(plan)]) == 0
        out = capsys.readouterr().out
        assert f"warning: chat.start: start {start[:16]} happens twice in {zone}" in out
        assert f"tchat uses the first one, {used}" in out
        assert f"for the second one write start = {other}" in out


def test_thread_splitting_counts_linearly_in_the_words() -> None:
    words = 4000
    text = " ".join(f"word{i}" for i in range(words))
    calls = 0

    def counting(part: str) -> Count:
        nonlocal calls
        calls += 1
        return count(part, "x")

    parts = split_thread(text, "#T", counting)
    assert len(parts) > 100 and all(count(p, "x").valid for p in parts)
    assert parts[0].endswith("#T 1/" + str(len(parts)))
    assert " ".join(p.rsplit(" ", 2)[0] for p in parts) == text
    # A few passes over the words at most (one per digit of the part count), not one
    # pass per possible part count as before (which made it quadratic).
    assert calls <= 4 * words
