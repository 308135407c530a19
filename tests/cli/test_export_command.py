"""`tchat export`: stdout or a file, never an overwrite without --force, plan problems
like `tchat check`, usage errors as exit 2."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
BROKEN = ROOT / "tests" / "cli" / "broken"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """The French fixture plan, its live log and its conversation, copied where files
    may be written."""
    target = tmp_path / "plan-fr.toml"
    for suffix in ("", ".asrun.jsonl", ".feed.jsonl"):
        shutil.copyfile(GOLDEN / f"plan-fr.toml{suffix}", tmp_path / f"plan-fr.toml{suffix}")
    return target


def golden(plan: str, name: str) -> bytes:
    return (GOLDEN / "expected" / plan / name).read_bytes()


def test_stdout_is_the_raw_export(plan: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    assert main(["export", str(plan), "--to", "ics"]) == 0
    after = datetime.now(UTC)
    captured = capsysbinary.readouterr()
    # CRLF kept, no wrapping; only the stamp differs: it is the moment of the export.
    stamp = re.compile(rb"DTSTAMP:(\d{8}T\d{6})Z\r\n")
    [made] = stamp.findall(captured.out)
    assert before <= datetime.strptime(made.decode(), "%Y%m%dT%H%M%S").replace(tzinfo=UTC) <= after
    assert stamp.sub(b"", captured.out) == stamp.sub(b"", golden("plan-fr", "ics.ics"))
    assert main(["export", str(plan), "--to", "recap-html"]) == 0
    # The live log beside the plan is read by default.
    assert capsysbinary.readouterr().out == golden("plan-fr", "recap-html.html")


def test_rehearsal_log(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    plan = tmp_path / "plan-en.toml"
    shutil.copyfile(GOLDEN / "plan-en.toml", plan)
    log = tmp_path / "plan-en.toml.rehearsal-1.jsonl"
    shutil.copyfile(GOLDEN / "plan-en.toml.rehearsal-1.jsonl", log)
    # The conversation that rehearsal replayed: --replay FILE, else the plan's
    # [feed] replay.
    replay = tmp_path / "plan-en.conversation.jsonl"
    shutil.copyfile(GOLDEN / "plan-en.conversation.jsonl", replay)
    for kind in ("recap-md", "transcript-html"):
        assert main(["export", str(plan), "--to", kind, "--log", str(log),
                     "--replay", str(replay)]) == 0
        suffix = ".md" if kind.endswith("md") else ".html"
        assert capsysbinary.readouterr().out == golden("plan-en", kind + suffix)
    with plan.open("a", encoding="utf-8") as text:
        text.write(f'\n[feed]\nreplay = "{replay.name}"\n')
    assert main(["export", str(plan), "--to", "transcript-html", "--log", str(log)]) == 0
    assert capsysbinary.readouterr().out == golden("plan-en", "transcript-html.html")


def test_missing_default_log_is_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "p.toml"
    shutil.copyfile(GOLDEN / "plan-en.toml", plan)
    assert main(["export", str(plan), "--to", "recap-md", "--all"]) == 0
    captured = capsys.readouterr()
    assert "no as-run log at" in captured.err
    assert captured.out.count("not posted") == 8


def test_output_file_and_force(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = plan.parent / "brief.md"
    assert main(["export", str(plan), "--to", "guest-brief", "-o", str(out)]) == 0
    assert out.read_bytes() == golden("plan-fr", "guest-brief.md")
    # Said in the plan's language, as every note of an export.
    assert f"✓ écrit\u00a0: {out} (guest-brief)" in capsys.readouterr().err

    out.write_text("mine", encoding="utf-8")
    assert main(["export", str(plan), "--to", "guest-brief", "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine"

    assert main(["export", str(plan), "--to", "guest-brief", "-o", str(out), "--force"]) == 0
    assert out.read_bytes() == golden("plan-fr", "guest-brief.md")


def test_never_overwrites_the_plan_or_its_log(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan.read_bytes()
    log = plan.parent / "plan-fr.toml.asrun.jsonl"
    log_before = log.read_bytes()
    for target in (plan, log):
        code = main(["export", str(plan), "--to", "thanks", "-o", str(target), "--force"])
        assert code == 2  # an output path that cannot be used as typed, like `new`
        assert "is the plan or its as-run log" in capsys.readouterr().err
    assert plan.read_bytes() == before and log.read_bytes() == log_before


def test_missing_folder_and_folder_output(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(plan), "--to", "ics", "-o", str(plan.parent / "no" / "x.ics")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["export", str(plan), "--to", "ics", "-o", str(plan.parent)]) == 2
    assert f"is a folder: give a file name, such as {plan.parent / 'plan-fr.ics'}" in " ".join(
        capsys.readouterr().err.split())
    assert main(["export", str(plan), "--to", "guest-brief", "-o", str(plan.parent)]) == 2
    assert str(plan.parent / "plan-fr-guest-brief.md") in "".join(capsys.readouterr().err.split())


def test_a_plan_that_cannot_load(capsys: pytest.CaptureFixture[str]) -> None:
    broken = BROKEN / "missing-title.toml"
    assert main(["export", str(broken), "--to", "guest-brief"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{broken}:" in captured.err and "error" in captured.err
    assert "chat.title" in captured.err
    assert main(["export", str(BROKEN / "does-not-exist.toml"), "--to", "ics"]) == 1
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["--to", "pdf"], "invalid choice"),
    ([], "required: --to"),
    (["--to", "runsheet-md", "--zones", "Europe/Paris,Mars/Olympus"], "Mars/Olympus"),
    (["--to", "runsheet-md", "--log", "x.jsonl"], "--log is only read by"),
])
def test_usage_errors(
    plan: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        code = main(["export", str(plan), *argv])
        raise SystemExit(code)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_missing_log_given_explicitly(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", str(plan), "--to", "recap-md", "--log", str(plan.parent / "no.jsonl")])
    assert code == 1
    assert "does not exist" in capsys.readouterr().err


def test_zones_option(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(plan), "--to", "runsheet-md",
                 "--zones", "America/Montreal, Europe/Paris"]) == 0
    out = capsys.readouterr().out
    # Not "Toronto", the zone it links to; and in French, Montréal.
    assert "Heures en\u00a0: Montréal, Paris" in out
    assert "### Accueil · 12:00 (Montréal) · 18:00 (Paris)" in out


def test_hostile_terminal_text_is_not_interpreted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "hostile.toml"
    shutil.copyfile(ROOT / "tests" / "ui" / "plans" / "hostile.toml", plan)
    assert main(["export", str(plan), "--to", "runsheet-md", "-o", str(tmp_path / "r.md")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "r.md" in err


@pytest.mark.slow
def test_real_process_into_a_closed_pipe() -> None:
    # `tchat export ... | head -1`: the reader leaves early; no traceback, exit 0.
    process = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(GOLDEN / "plan-fr.toml"),
         "--to", "runsheet-html"],
        capture_output=True, check=False, cwd=ROOT,
    )
    assert process.returncode == 0
    assert process.stdout == golden("plan-fr", "runsheet-html.html")
    head = subprocess.run(
        f"{sys.executable} -m tui export {GOLDEN / 'plan-fr.toml'} --to runsheet-md | head -1",
        shell=True, capture_output=True, check=False, cwd=ROOT, text=True,
    )
    assert head.stdout == (
        "# Conducteur · Mariage des enfants\u00a0: en parler pour y mettre fin\n"
    )
    assert "Traceback" not in head.stderr


def test_plan_errors_are_shown_but_do_not_stop_the_export(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The start falls in the spring-forward gap: every time in the export is suspect,
    # so the error is printed in full, as `tchat check` prints it.
    broken = BROKEN / "dst-gap.toml"
    assert main(["export", str(broken), "--to", "ics"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("BEGIN:VCALENDAR")
    assert f"{broken}:5: error: chat.start: start 2026-03-29 02:30 does not exist" in captured.err
    assert "exported despite 1 error; see" in captured.err


def test_a_log_that_is_not_a_log(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The plan itself given as --log by a slip: refused, not read as an empty run.
    code = main(["export", str(plan), "--to", "recap-md", "--log", str(plan)])
    assert code == 1
    assert "is not a tchat run log" in capsys.readouterr().err


def test_all_keeps_the_questions_never_asked_in_the_recap(
    plan: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    # Without the conversation, which saw the host post Q5 although the log skipped it.
    plan.with_name(plan.name + ".feed.jsonl").unlink()
    assert main(["export", str(plan), "--to", "recap-md"]) == 0
    assert b"Q5 \xc2\xb7 non publi" not in capsysbinary.readouterr().out
    assert main(["export", str(plan), "--to", "recap-md", "--all"]) == 0
    assert "### Q5 · non publiée (sautée)".encode() in capsysbinary.readouterr().out
    assert main(["export", str(plan), "--to", "ics", "--all"]) == 2
    assert b"--all is only read by recap-md, recap-html" in capsysbinary.readouterr().err


def test_a_transcript_from_a_broken_conversation_file(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Bad lines, a post twice, a post a week after, a line cut by a crash: still a
    # transcript, saying what is missing, and notes that name the file's lines.
    feed = plan.with_name(plan.name + ".feed.jsonl")
    lines = feed.read_text(encoding="utf-8").splitlines()
    week_later = lines[5].replace("2026-12-03T", "2026-12-10T").replace('"id":"', '"id":"w')
    feed.write_text("\n".join([*lines[:4], "not json", '{"platform": 3}', lines[4], lines[4],
                               week_later, *lines[5:], '{"platform":"mast']),
                    encoding="utf-8")
    assert main(["export", str(plan), "--to", "transcript-md"]) == 0
    captured = capsys.readouterr()
    text = captured.out.replace("\u00a0", " ").replace("\u202f", " ")
    assert "**2 lignes de la conversation enregistrée n'ont pas pu être lues" in text
    assert "**1 message publié plus de 10 minutes avant le début ou après la fin" in text
    assert text.count(lines[4].split('"text":"')[1][:30]) <= 1
    err = captured.err.replace("\u00a0", " ")
    assert "note : " in err and "plan-fr.toml.feed.jsonl: 2 lignes de la conversation ne " \
        "sont pas des messages (lignes 5, 6)" in err


def test_a_transcript_without_a_conversation(
    plan: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    feed = plan.with_name(plan.name + ".feed.jsonl")
    feed.unlink()
    assert main(["export", str(plan), "--to", "transcript-html"]) == 0
    captured = capsysbinary.readouterr()
    assert "La conversation n'a pas été enregistrée".encode() in captured.out
    feed.mkdir()  # a folder by the file's name: said, never a traceback
    assert main(["export", str(plan), "--to", "transcript-md"]) == 0
    captured = capsysbinary.readouterr()
    assert "n'a pas pu être lue".encode() in captured.out
    assert b"is a folder" in captured.err and b"Traceback" not in captured.err


def test_replay_goes_with_a_log(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(plan), "--to", "transcript-md", "--replay", str(plan)]) == 2
    assert "--replay goes with --log" in capsys.readouterr().err
    # A rehearsal's log with a replay named on the command line.
    log = plan.with_name("rehearsal.jsonl")
    shutil.copyfile(GOLDEN / "plan-fr.toml.asrun.jsonl", log)
    replay = plan.with_name("plan-fr.toml.feed.jsonl")
    assert main(["export", str(plan), "--to", "transcript-md", "--log", str(log),
                 "--replay", str(replay)]) == 0
    captured = capsys.readouterr()
    assert "R1 Bonsoir" in captured.out
    assert f"conversation rejouée : {replay}" in captured.err.replace("\u00a0", " ")
