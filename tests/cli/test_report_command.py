"""`tchat report`: the table, the CSV, and which log it reads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.ui.helpers import at, copy_plan
from tui.cli import main
from tui.core.run.asrun import AsRunLog, Event, log_path_for, new_rehearsal_log

LAUNCH = datetime(2026, 11, 25, 17, 45, 1, tzinfo=UTC)


def write(log: Path, marks: dict[str, float], skips: tuple[str, ...] = ()) -> Path:
    run = AsRunLog(log)
    for cue, minute in marks.items():
        moment = at(minute)
        run.append(Event("mark", clock=moment, wall=moment, cue=cue, via="system"))
    for cue in skips:
        run.append(Event("skip", clock=at(0), wall=at(0), cue=cue))
    return log


def report(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["report", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def line_of(out: str, label: str) -> str:
    return next(line for line in out.splitlines() if f" {label} " in f" {line} ")


def test_live_table_with_deltas_and_total_overrun(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = copy_plan(tmp_path)
    write(log_path_for(plan), {"welcome@0": 0.5, "rules@2": 1.75, "q1": 6}, skips=("hu1",))
    code, out, _err = report(capsys, str(plan))
    assert code == 0
    assert "Prévu / réel · Tchat Lecture Jeunesse · #TchatLecture" in out
    for header in ("Envoi", "Prévu", "Réel", "Écart"):
        assert header in out
    assert "18:00:30" in line_of(out, "Accueil") and "+0:30" in line_of(out, "Accueil")
    assert "-0:15" in line_of(out, "Règles")
    assert "sauté" in line_of(out, "Rappel Q1")
    assert "—" in line_of(out, "Q2")
    assert "Dépassement total\u00a0: +1:00 (Q1\u00a0: posté à 18:06:00, prévu à 18:05)" in out
    assert "3 postés, 1 sauté, " in out  # Babel: French singular for 0 and 1
    assert "Annonce" not in out  # the promotion the day before was not run: left out


def test_english_words_with_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = copy_plan(tmp_path)
    write(log_path_for(plan), {"welcome@0": 0})
    code, out, _err = report(capsys, str(plan), "--lang", "en")
    assert code == 0
    assert "Planned versus actual" in out and "Total overrun: +0:00" in out


def test_csv_is_plain_and_stable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = copy_plan(tmp_path)
    write(log_path_for(plan), {"welcome@0": 0.5})
    code, out, err = report(capsys, str(plan), "--csv")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "cue,kind,question,part,planned,actual,outcome,delta_seconds,delta"
    assert lines[1] == ("welcome@0,welcome,,,2026-12-03T18:00:00+01:00,"
                        "2026-12-03T18:00:30+01:00,posted,30,+0:30")
    assert lines[4] == "q1,question,1,,2026-12-03T18:05:00+01:00,,not-done,,"
    assert "\x1b" not in out
    assert report(capsys, str(plan), "--csv")[1] == out


def test_rehearsal_last_is_the_newest_rehearsal_not_the_live_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = copy_plan(tmp_path)
    write(log_path_for(plan), {"welcome@0": 10})
    write(new_rehearsal_log(plan, LAUNCH), {"welcome@0": 1})
    newest = write(new_rehearsal_log(plan, LAUNCH + timedelta(hours=1)), {"welcome@0": 2})
    new_rehearsal_log(plan, LAUNCH + timedelta(hours=2))  # opened, nothing done
    for argv in (["--rehearsal"], ["--rehearsal", "LAST"], ["--rehearsal", "last"]):
        code, out, _err = report(capsys, str(plan), "--csv", *argv)
        assert code == 0 and ",posted,120,+2:00" in out, argv
    code, out, _err = report(capsys, str(plan), "--rehearsal")
    assert "Prévu / réel (répétition)" in out and newest.name in out.replace("\n", "")
    code, out, _err = report(capsys, str(plan), "--csv")
    assert ",posted,600,+10:00" in out  # without --rehearsal: the live log


def test_rehearsal_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = copy_plan(tmp_path)
    older = write(new_rehearsal_log(plan, LAUNCH), {"welcome@0": 3})
    write(new_rehearsal_log(plan, LAUNCH + timedelta(hours=1)), {"welcome@0": 1})
    code, out, _err = report(capsys, str(plan), "--csv", "--rehearsal", str(older))
    assert code == 0 and ",posted,180,+3:00" in out


def test_problems_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = copy_plan(tmp_path)
    code, _out, err = report(capsys, str(plan), "--rehearsal")
    # A French plan: what report says of it is French (the log's own reasons are the
    # log reader's, in English).
    assert code == 1 and "pas encore de journal de répétition" in err
    assert "tchat rehearse" in err
    code, _out, err = report(capsys, str(plan), "--rehearsal", str(tmp_path / "nope.jsonl"))
    assert code == 1 and "nope.jsonl: error: does not exist" in err
    code, _out, err = report(capsys, str(plan), "--rehearsal", str(tmp_path))
    assert code == 1 and "is a folder, not a run log" in err
    # A plan (or any file) named by mistake is not read as an empty run.
    code, _out, err = report(capsys, str(plan), "--rehearsal", str(plan))
    assert code == 1 and "is not a tchat run log (line 1 is not an event)" in err
    broken = tmp_path / "broken.toml"
    broken.write_text("[chat]\ntitle = 'x'\n")
    code, _out, err = report(capsys, str(broken))
    assert code == 1 and "broken.toml:1: error" in err and "Traceback" not in err
    # No live run yet: every cue not done, said plainly, not an error.
    code, out, err = report(capsys, str(plan))
    assert code == 0 and "rien de posté" in out and "pas encore de journal" in err
    code, out, err = report(capsys, str(plan), "--lang", "en")
    assert code == 0 and "nothing posted" in out and "no log yet" in err


@pytest.mark.parametrize(("lang", "counts", "nothing"), [
    ("fr", "1 posté, ", "Dépassement total\u00a0: — (rien de posté pendant le tchat)"),
    ("en", "1 posted, ", "Total overrun: — (nothing posted during the chat)"),
])
def test_a_promotion_alone_is_not_said_to_be_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, counts: str, nothing: str
) -> None:
    # Seen: "1 posté(s)" next to "(rien de posté)": the promotion was posted, the chat not.
    plan = copy_plan(tmp_path)
    write(log_path_for(plan), {"promo@-1440": -1440})
    code, out, _err = report(capsys, str(plan), "--lang", lang)
    assert code == 0
    assert counts in out and nothing in out
    assert "(rien de posté)" not in out and "(nothing posted)" not in out
