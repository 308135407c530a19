from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.plan.newplan import NewPlanOptions, build_plan
from tui.core.plan.planfile import load_plan

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_write_a_french_plan_that_checks_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tchat.toml"
    assert main(["new", str(path)]) == 0
    out = capsys.readouterr().out
    # A French plan: what tchat new says of it is French too.
    assert f"{path} écrit\u00a0: 8 emplacements de question" in out
    assert f"tchat check {path}" in out
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ")
    plan = load_plan(path)
    assert (plan.chat.language, plan.chat.tag, plan.chat.timezone) == (
        "fr", "#MonTchat", "Europe/Paris"
    )
    assert plan.chat.start_at > datetime.now(UTC)
    assert plan.chat.start_at.astimezone(plan.chat.zone).weekday() == 3
    assert main(["check", str(path)]) == 0


def test_every_option_lands_in_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "safety.toml"
    code = main([
        "new", str(path), "--lang", "en", "--title", "Digital safety for girls",
        "--tag", "GirlsSafeOnline", "--start", "2026-12-03 18:00",
        "--timezone", "America/Montreal", "--platform", "bluesky", "--questions", "6",
    ])
    assert code == 0
    expected = build_plan(
        NewPlanOptions(
            language="en", title="Digital safety for girls", tag="GirlsSafeOnline",
            start="2026-12-03 18:00", timezone="America/Montreal", platform="bluesky",
            questions=6,
        ),
        datetime.now(UTC),
    )
    assert load_plan(path) == expected
    assert expected.chat.tag == "#GirlsSafeOnline"
    assert "2026-12-03 18:00 America/Montreal" in capsys.readouterr().out


def test_several_networks_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "three.toml"
    assert main(["new", str(path), "--lang", "en", "--platform", "x, bluesky,mastodon"]) == 0
    text = path.read_text(encoding="utf-8")
    assert "platforms = [" in text and "\nplatform =" not in text
    assert load_plan(path).chat.networks == ("x", "bluesky", "mastodon")
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    assert ": error:" not in capsys.readouterr().out
    # X's old 140 among them: the guide's short texts, as for x-legacy alone.
    short = tmp_path / "short.toml"
    assert main(["new", str(short), "--lang", "en", "--platform", "bluesky,x-legacy"]) == 0
    capsys.readouterr()
    main(["drafts", str(short), "--jsonl"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["network"] for r in rows} == {"bluesky", "x-legacy"}
    assert all(r["valid"] for r in rows)


def test_ten_questions(tmp_path: Path) -> None:
    path = tmp_path / "ten.toml"
    assert main(["new", str(path), "--questions", "10"]) == 0
    assert len(load_plan(path).questions) == 10


def test_an_existing_file_is_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("# my own plan, weeks of work\n", encoding="utf-8")
    assert main(["new", str(path)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert path.read_text(encoding="utf-8") == "# my own plan, weeks of work\n"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.toml"]


def test_force_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("old", encoding="utf-8")
    assert main(["new", str(path), "--force", "--lang", "en"]) == 0
    assert load_plan(path).chat.language == "en"


def test_force_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "shared" / "plan.toml"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "plan.toml"
    link.symlink_to(target)
    assert main(["new", str(link)]) == 1
    assert main(["new", str(link), "--force"]) == 0
    assert link.is_symlink()
    assert load_plan(target).chat.language == "fr"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--start", "next thursday"], "is not a date and time"),
        (["--start", "2026-02-30 18:00"], "not a real date"),
        (["--start", "2026-03-29 02:30"], "does not exist in Europe/Paris"),
        (["--timezone", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
        (["--tag", "#deux mots"], "space"),
        (["--title", ""], "title is empty"),
    ],
)
def test_usage_errors_exit_2_with_one_line_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    path = tmp_path / "plan.toml"
    assert main(["new", str(path), *options]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.startswith("tchat: ")
    assert err.count("\n") == 1
    assert not path.exists()


@pytest.mark.parametrize(
    "options",
    [["--lang", "de"], ["--questions", "11"], ["--questions", "five"], ["--platform", "myspace"],
     ["--platform", "x,bluesky,x"], ["--platform", "x,x-legacy"], ["--platform", "x,"]],
)
def test_argument_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["new", str(tmp_path / "plan.toml"), *options])
    assert caught.value.code == 2
    assert "error:" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nope" / "plan.toml"
    assert main(["new", str(path)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not path.parent.exists()


def test_a_folder_is_not_a_plan_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path), "--force"]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_a_past_start_is_written_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.toml"
    assert main(["new", str(path), "--start", "2020-01-02 18:00"]) == 0
    assert "le début est passé" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "en.toml"), "--lang", "en",
                 "--start", "2020-01-02 18:00"]) == 0
    assert "the start is in the past" in capsys.readouterr().err
    assert load_plan(path).chat.start.year == 2020


def test_a_long_tag_is_written_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.toml"
    assert main(["new", str(path), "--tag", "StopMariageEnfants"]) == 0
    assert "fait 19 caractères" in capsys.readouterr().err


def test_user_text_is_printed_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "[bold]plan[red].toml"
    assert main(["new", str(path), "--title", "[red]Q&A[/red]"]) == 0
    assert "[bold]plan[red].toml" in capsys.readouterr().out
    assert load_plan(path).chat.title == "[red]Q&A[/red]"


def test_runs_as_a_program(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    result = subprocess.run(
        [sys.executable, "-m", "tui", "new", str(path), "--lang", "en",
         "--start", "2026-12-03T18:00+01:00"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode == 0, result.stderr
    plan = load_plan(path)
    assert plan.chat.start_at == datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    assert plan.chat.timezone is None
    again = subprocess.run(
        [sys.executable, "-m", "tui", "new", str(path)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert again.returncode == 1
    assert "--force" in again.stderr


GOLDEN = ROOT / "tests" / "golden"


def test_from_writes_the_next_edition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "next.toml"
    assert main(["new", str(path), "--from", str(GOLDEN / "plan-fr.toml")]) == 0
    assert f"{path} écrit" in capsys.readouterr().out
    plan = load_plan(path)
    assert plan.chat.start == datetime(2027, 1, 7, 18, 0)  # noqa: DTZ001 - the last `next`
    assert {g.status for g in plan.guests} == {"invited"}
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Plan de tchat")
    assert "# Q4 Que dit la loi dans votre pays" in text
    assert main([
        "new", str(tmp_path / "feb.toml"), "--from", str(GOLDEN / "plan-en.toml"),
        "--start", "2027-02-04 16:00",
    ]) == 0
    assert load_plan(tmp_path / "feb.toml").chat.start == datetime(2027, 2, 4, 16)  # noqa: DTZ001


def test_from_refuses_what_the_last_plan_decides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = str(GOLDEN / "plan-fr.toml")
    assert main(["new", str(tmp_path / "a.toml"), "--from", last, "--lang", "en"]) == 2
    assert "--lang and --platform come from the --from plan" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "b.toml"), "--from", str(tmp_path / "none.toml")]) == 1
    assert "none.toml" in capsys.readouterr().err
    assert not (tmp_path / "a.toml").exists() and not (tmp_path / "b.toml").exists()


def test_a_chat_that_starts_soon_names_the_promotions_already_past(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    soon = (datetime.now(UTC) + timedelta(minutes=90)).strftime("%Y-%m-%dT%H:%M+00:00")
    assert main(["new", str(tmp_path / "soon.toml"), "--start", soon]) == 0
    err = capsys.readouterr().err
    assert ("3 annonces de la série sont déjà passées (−14\u00a0j, −7\u00a0j, −1\u00a0j)"
            in err)
    ten_days = (datetime.now(UTC) + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M+00:00")
    assert main(["new", str(tmp_path / "ten.toml"), "--start", ten_days, "--lang", "en"]) == 0
    assert ("1 promotion of the ladder is already past (−14 d): post it now"
            in capsys.readouterr().err)
    later = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M+00:00")
    assert main(["new", str(tmp_path / "later.toml"), "--start", later]) == 0
    assert "déjà passée" not in capsys.readouterr().err
