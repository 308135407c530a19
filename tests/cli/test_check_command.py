"""`tchat check` on a corpus of broken plans: each file says what it expects."""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.cli import main
from tui.commands.check import check_at

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(BROKEN.glob("*.toml"))


def expectations(path: Path) -> dict[str, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} has no expectation header"
    return dict(part.split("=", 1) for part in shlex.split(first.removeprefix("# expect: ")))


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_broken_plan(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = expectations(path)
    code, out = run_check(capsys, str(path))
    assert code == int(expected["exit"]), out
    lines = [line for line in out.splitlines() if expected["message"] in line]
    assert lines, f"no line says {expected['message']!r}:\n{out}"
    if "field" in expected:
        assert any(f": {expected['field']}: " in line for line in lines), out
    if "line" in expected:
        assert any(line.startswith(f"{path}:{expected['line']}:") for line in lines), out
    if "strict_exit" in expected:
        strict_code, _ = run_check(capsys, "--strict", str(path))
        assert strict_code == int(expected["strict_exit"])
    assert "Traceback" not in out


def test_corpus_is_not_empty() -> None:
    assert len(CASES) >= 15


def test_every_problem_is_reported_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (BROKEN / "quoted-number.toml").read_text(encoding="utf-8")
    text = text.replace('title = "Broken plans corpus"', "title = 3")
    text += '\n[[questions]]\nnotes = "no text"\n'
    path = tmp_path / "many.toml"
    path.write_text(text, encoding="utf-8")
    code, out = run_check(capsys, str(path))
    assert code == 1
    assert re.search(r"chat\.title: should be text", out)
    assert re.search(r"chat\.duration: should be a whole number", out)
    assert re.search(r"questions\[7\]\.text: is required", out)
    assert "3 errors" in out


def test_an_unknown_placeholder_is_reported_beside_a_field_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Seen: with heads_up = -1, check said only that; {recap_link} in a question came out
    # after that fix, one more round for the newcomer.
    text = (BROKEN / "unknown-placeholder.toml").read_text(encoding="utf-8")
    text = text.replace('language = "en"', 'language = "en"\nheads_up = -1')
    path = tmp_path / "two.toml"
    path.write_text(text, encoding="utf-8")
    code, out = run_check(capsys, str(path))
    assert code == 1
    assert re.search(r"two\.toml:\d+: error: chat\.heads_up: ", out), out
    assert re.search(r"two\.toml:27: error: posts\[3\]\.text: unknown placeholder \{hashtag\}",
                     out), out
    assert "2 errors" in out


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02\xff" * 1000, b"[chat]\n" + b"x" * 5000, b"[[[[", b"\xef\xbb\xbf"],
    ids=["empty", "binary", "garbage", "brackets", "bom-only"],
)
def test_never_a_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.toml"
    path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(path)],
        capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "junk.toml" in result.stdout


def test_folder_and_huge_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_check(capsys, str(tmp_path))
    assert code == 1 and "is a folder" in out
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    code, out = run_check(capsys, str(huge))
    assert code == 1 and "too large to be a plan" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["check", "--bogus", "x.toml"])
    assert caught.value.code == 2


@pytest.mark.parametrize("language", ["fr", "en"])
def test_bundled_demo_plans_pass_strict(
    language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = Path(__file__).resolve().parents[2] / "plans" / f"demo-{language}.toml"
    code, out = run_check(capsys, "--strict", str(demo))
    assert code == 0, out
    assert ("aucun problème" if language == "fr" else "no problem found") in out


def test_an_unknown_placeholder_does_not_hide_an_over_limit_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = Path(__file__).parents[1] / "ui" / "plans" / "chat-fr.toml"
    text = source.read_text(encoding="utf-8").replace(
        "C'était la dernière question", "Le résumé : {recap_link}. C'était la dernière question"
    )
    path = tmp_path / "both.toml"
    path.write_text(text, encoding="utf-8")
    code, out = run_check(capsys, str(path))
    assert code == 1
    # A French plan: its problems are said in French.
    assert "variable inconnue {recap_link}" in out
    assert "Q3 compte 307/280" in out  # seen in the same run, not after the fix


def readme_new_command() -> list[str]:
    """The `tchat new` line of the README's "A chat, step by step", as arguments."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    match = re.search(r"\.venv/bin/tchat (new .*?)\n(?!\s)", readme.replace("\\\n", " "))
    assert match is not None
    return shlex.split(match.group(1))


def test_check_on_the_readme_example_shows_the_pre_flight(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = readme_new_command()
    path = tmp_path / "my-chat.toml"
    arguments[1] = str(path)
    assert main(arguments) == 0
    capsys.readouterr()
    # Two days before the README's start (Thursday 3 December 2026, 18:00 in London).
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert check_at(argparse.Namespace(plan=path, strict=False), now) == 0
    out = capsys.readouterr().out
    lines = [line.strip() for line in out.splitlines()]
    assert "Pre-flight (2 d 6 h to the start):" in lines
    assert "• promotions whose time has passed, not marked posted: −14 d, −7 d" in lines
    assert "• guests not confirmed yet (invited): Guest 1, Guest 2" in lines
    assert "• guests without a handle: Guest 1, Guest 2" in lines
    assert "• overdue (−7 d): Send the questions to the guests in advance so they can " \
           "prepare" in lines
    assert "• First, now: post the −7 d promotion (due Thu, Nov 26 18:00)" in lines


def test_no_pre_flight_once_the_chat_has_started(
    capsys: pytest.CaptureFixture[str]
) -> None:
    demo = Path(__file__).resolve().parents[2] / "plans" / "demo-en.toml"
    started = datetime(2030, 1, 1, tzinfo=UTC)
    assert check_at(argparse.Namespace(plan=demo, strict=True), started) == 0
    assert "Pre-flight" not in capsys.readouterr().out


def test_a_refused_post_is_said_once_with_the_platform_s_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = BROKEN / "refused-character.toml"
    code, out = run_check(capsys, str(path))
    assert code == 1
    assert "empty or invalid" not in out
    # The reason is the error's; no warning repeats it.
    assert out.count("U+FFFE") == 1, out
    assert "1 error, 0 warnings" in out
