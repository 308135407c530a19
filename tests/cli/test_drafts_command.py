"""`tchat drafts PLAN`: every draft with its time and count, cue names in the plan's language."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui.cli import main
from tui.commands.count import jsonl_results

PLANS = Path(__file__).parents[2] / "plans"
TEST_PLANS = Path(__file__).parents[1] / "ui" / "plans"


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")


def test_every_draft_is_listed_with_its_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["drafts", str(PLANS / "demo-fr.toml")]) == 0
    out = capsys.readouterr().out
    for shown in ("Accueil", "Rappel Q1", "Q8", "Annonce", "Merci", "185/280", "194/280"):
        assert shown in out
    assert "heads-up" not in out and "welcome" not in out  # the run-sheet's French names
    assert main(["drafts", str(PLANS / "demo-en.toml")]) == 0
    out = capsys.readouterr().out
    assert "Heads-up Q1" in out and "Welcome" in out


def test_a_draft_over_the_limit_is_counted_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "chat-fr.toml"
    shutil.copyfile(TEST_PLANS / "chat-fr.toml", plan)
    assert main(["drafts", str(plan)]) == 1
    out = capsys.readouterr().out
    # A French plan: its headers and its verdict are French.
    assert "307/280" in out and "1 texte dépasse la limite" in out
    assert "texte" in out.splitlines()[2] and "draft" not in out


def test_a_plan_that_does_not_load_is_reported_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "broken.toml"
    plan.write_text("[chat]\ntitle = \n", encoding="utf-8")
    assert main(["drafts", str(plan)]) == 1
    err = capsys.readouterr().err
    # No `language` in its [chat]: a French plan, said in French.
    assert f"{plan}:2: error: TOML invalide" in err and "Traceback" not in err


def test_an_unknown_placeholder_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "demo-en.toml"
    text = (PLANS / "demo-en.toml").read_text(encoding="utf-8")
    marker = 'kind = "closing"'
    assert marker in text
    start = text.index(marker)
    line_start = text.index('text = "', start)
    text = text[:line_start] + 'text = "The recap: {recap_link} " \n' + text[
        text.index("\n", line_start) + 1:]
    plan.write_text(text, encoding="utf-8")
    assert main(["drafts", str(plan)]) == 1
    captured = capsys.readouterr()
    assert "{recap_link}" in captured.out  # the draft as it would be pasted
    assert "unknown placeholder {recap_link}" in captured.err


def test_a_brand_new_plan_exits_0_with_its_recap_post_waiting_for_an_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `tchat new` writes a post for two days after, with {recap_url}: the recap is
    # online only then. `tchat check` warns about it; drafts shows the warning and
    # exits 0, since nothing is wrong with the plan yet.
    plan = tmp_path / "new.toml"
    assert main(["new", str(plan), "--start", "2030-03-07 18:00"]) == 0
    capsys.readouterr()
    assert main(["drafts", str(plan)]) == 0
    captured = capsys.readouterr()
    assert "{recap_url}" in captured.out
    # A French plan: the warning is French.
    assert "warning" in captured.err and "{recap_url} n'est pas encore renseigné" in captured.err


THREE_NETWORKS = """\
[chat]
title = "Girls and online safety"
tag = "#GirlsSafeOnline"
start = 2026-12-03 18:00:00
timezone = "Europe/London"
platforms = ["x", "bluesky", "mastodon"]
language = "en"
host = { x = "@EndCMOrg", bluesky = "endcm.org", mastodon = "@endcm@social.coop" }
char_limit = { mastodon = 1000 }

[[guests]]
name = "Safe Screens"
status = "confirmed"

[guests.handle]
x = "@SafeScreensOrg"
bluesky = "safescreens.bsky.social"
mastodon = "@safescreens@mastodon.social"

[[questions]]
text = "What risks do girls meet online today? Tell us with {answer}1 \U0001f469\u200d\U0001f4bb"
variants = { x = "What risks do girls meet online?" }

[[questions]]
text = "Who do they tell?"

[[posts]]
kind = "welcome"
at = 0
text = "Welcome! With {guests}, hosted by {host}."
"""


def three_networks(tmp_path: Path) -> Path:
    plan = tmp_path / "three.toml"
    plan.write_text(THREE_NETWORKS, encoding="utf-8")
    return plan


def test_jsonl_gives_every_cue_on_every_network_counted_as_tchat_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["drafts", str(three_networks(tmp_path)), "--jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(list(row) == ["cue", "id", "network", "at", "text", "weighted_length",
                             "limit", "valid"] for row in rows)
    # Each cue on the plan's networks in their order, cues in posting order.
    assert [(r["cue"], r["network"]) for r in rows[:6]] == [
        ("Welcome", "x"), ("Welcome", "bluesky"), ("Welcome", "mastodon"),
        ("Heads-up Q1", "x"), ("Heads-up Q1", "bluesky"), ("Heads-up Q1", "mastodon")]
    assert len(rows) == 5 * 3 and {r["id"] for r in rows} == {"welcome@0", "hu1", "q1",
                                                              "hu2", "q2"}
    welcome = {r["network"]: r["text"] for r in rows if r["id"] == "welcome@0"}
    assert welcome["bluesky"].startswith("Welcome! With @safescreens.bsky.social, hosted by "
                                         "@endcm.org.")
    q1 = {r["network"]: r for r in rows if r["id"] == "q1"}
    assert q1["x"]["text"] == "Q1 What risks do girls meet online? #GirlsSafeOnline"
    assert q1["x"]["at"] == "2026-12-03T18:03:00+00:00"
    assert [q1[n]["limit"] for n in ("x", "bluesky", "mastodon")] == [280, 300, 1000]
    for row in rows:  # what `tchat count --jsonl --platform N --limit L` answers
        [counted] = jsonl_results([json.dumps(row["text"]).encode()], row["network"],
                                  row["limit"])
        assert (counted["weighted_length"], counted["valid"]) == (
            row["weighted_length"], row["valid"])


def test_network_shows_one_network_and_the_table_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = str(three_networks(tmp_path))
    assert main(["drafts", plan, "--network", "bluesky", "--jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 5 and {r["network"] for r in rows} == {"bluesky"}
    assert main(["drafts", plan]) == 0
    out = capsys.readouterr().out
    assert "x, bluesky, mastodon" in out and "network" in out
    assert "@safescreens@mastodon.social" in out and "/1000" in out
    assert main(["drafts", plan, "--network", "mastodon"]) == 0
    out = capsys.readouterr().out
    assert "@safescreens@mastodon.social" in out and "@SafeScreensOrg" not in out


@pytest.mark.parametrize(("network", "said"), [
    ("threads", "--network threads: the plan runs on x, bluesky, mastodon"),
    ("myspace", "--network 'myspace': known networks are x, x-legacy, bluesky"),
])
def test_a_network_the_plan_does_not_run_on_is_a_usage_error(
    network: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["drafts", str(three_networks(tmp_path)), "--network", network]) == 2
    assert said in capsys.readouterr().err


def test_jsonl_of_an_old_plan_and_its_over_limit_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "chat-fr.toml"
    shutil.copyfile(TEST_PLANS / "chat-fr.toml", plan)
    assert main(["drafts", str(plan), "--jsonl"]) == 1
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["network"] for r in rows} == {"x"}
    over = [r for r in rows if not r["valid"]]
    assert [(r["weighted_length"], r["limit"]) for r in over] == [(307, 280)]
    assert any(r["cue"] == "Rappel Q1" for r in rows)  # the French screen's names


@pytest.mark.parametrize("columns", ["60", "70", "90"])
def test_no_line_of_the_table_breaks_at_a_no_break_space(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], columns: str
) -> None:
    """French drafts hold a no-break space before `: ! ?` and inside `« »`: a cell's line
    never starts with the mark it holds to its word ("Suivez #PasAvant18Ans / !")."""
    monkeypatch.setenv("COLUMNS", columns)
    assert main(["drafts", str(PLANS / "demo-fr.toml")]) == 0
    cells = [cell.strip() for line in capsys.readouterr().out.splitlines()
             for cell in line.split("│")]
    assert any(cell.endswith(("\u00a0!", "\u00a0?", "\u00a0:")) for cell in cells)
    assert not [cell for cell in cells if cell.startswith((":", "!", "?", ";", "»"))]
    assert not [cell for cell in cells if cell.endswith("«")]
