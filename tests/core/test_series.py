"""`tchat series`: a regular chat across its editions, who came back and who was new."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.exports.series import (
    editions_beside,
    read_edition,
    series_csv,
    series_html,
    series_rows,
)
from tui.core.feed.post import FeedPost
from tui.core.feed.store import FeedStore, feed_path_for
from tui.core.plan.edition import next_edition
from tui.core.plan.model import Plan
from tui.core.plan.planfile import load_plan, save_plan
from tui.core.room.planned import attributor_for
from tui.core.run.asrun import AsRunLog, Event, log_path_for

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
STARTS = ("2027-01-07 18:00", "2027-02-04 18:00", "2027-03-04 18:00")
# Who posted in each edition: the first has three people, the second brings one new,
# the third one back from the first and one new.
AUTHORS = (("awa", "bob", "cy"), ("bob", "cy", "dee"), ("awa", "eve"))


def write_edition(folder: Path, name: str, plan: Plan, authors: tuple[str, ...],
                  answers: int = 1) -> Path:
    path = folder / name
    save_plan(plan, path)
    start = plan.chat.start_at
    AsRunLog(log_path_for(path)).append(Event("mark", start + timedelta(minutes=5),
                                              start, cue="q1"))
    posts = [
        FeedPost("mastodon", f"{name}-{n}", author, author.title(),
                 f"R1 réponse {n}" if n < answers * len(authors) else "Bonsoir",
                 f"https://m.example/{n}", start + timedelta(minutes=6 + n))
        for n, author in enumerate(authors * 2)
    ]
    store = FeedStore(feed_path_for(path), start)
    store.append(attributor_for(plan).add_all(store.fresh(posts)))
    return path


@pytest.fixture
def editions(tmp_path: Path) -> list[Path]:
    """Three editions of the French fixture's chat, made as `tchat new --from` makes
    them, each with a log and a conversation, beside a plan of another chat."""
    last = load_plan(GOLDEN / "plan-fr.toml")
    paths = []
    for number, (start, authors) in enumerate(zip(STARTS, AUTHORS, strict=True), 1):
        last = next_edition(last, start=start)
        paths.append(write_edition(tmp_path, f"edition-{number}.toml", last, authors))
    other = last.model_copy(update={"chat": last.chat.model_copy(update={"tag": "#Autre"})})
    save_plan(other, tmp_path / "other-chat.toml")
    return paths


def test_first_timers_and_returning_people(editions: list[Path]) -> None:
    # Given in any order: sorted by start.
    rows = series_rows([read_edition(p) for p in reversed(editions)])
    assert [row.edition.path.name for row in rows] == [p.name for p in editions]
    assert [(r.people, r.first_timers, r.returning) for r in rows] == [
        (3, 3, 0), (3, 1, 2), (2, 1, 1)]
    assert [(r.asked, r.posts, r.answers) for r in rows] == [(1, 6, 3), (1, 6, 3), (1, 4, 2)]
    assert [r.per_question for r in rows] == [3.0, 3.0, 2.0]


def test_editions_are_found_beside_one_plan_by_their_tag(editions: list[Path]) -> None:
    found = editions_beside(editions[1])
    assert found == editions  # the other chat's plan is not one of them
    # A plan of the same chat that no longer loads is found too: it is a row.
    broken = editions[0].with_name("edition-0.toml")
    broken.write_text('[chat]\ntag = "#PasAvant18Ans"\ntitle = 3\nstart = "demain"\n',
                      encoding="utf-8")
    garbled = editions[0].with_name("edition-9.toml")
    garbled.write_text('[chat\ntag = "#PasAvant18Ans"\n', encoding="utf-8")
    assert editions_beside(editions[1]) == [broken, *editions, garbled]


def test_an_unreadable_edition_is_a_row(editions: list[Path]) -> None:
    broken = editions[0].with_name("edition-0.toml")
    broken.write_text('[chat]\ntag = "#PasAvant18Ans"\ntitle = 3\n', encoding="utf-8")
    feed = feed_path_for(editions[1])
    feed.unlink()
    feed.mkdir()  # a folder where the conversation should be
    log_path_for(editions[2]).write_bytes(b"\x00garbage\n")
    rows = series_rows([read_edition(p) for p in [broken, *editions]])
    assert [row.edition.path.name for row in rows] == [
        "edition-1.toml", "edition-2.toml", "edition-3.toml", "edition-0.toml"]
    last = rows[-1]
    assert last.edition.plan is None and last.people is None
    assert "chat.title" in last.edition.problem
    # No conversation for the second: its people are unknown, not zero, and the third's
    # first-timers are counted against the first alone.
    assert rows[1].people is None
    assert rows[1].edition.problem == "edition-2.toml.feed.jsonl: is a folder, not a feed file"
    assert (rows[2].first_timers, rows[2].returning) == (1, 1)
    # A log that holds no event reads as no question asked, not as the end of the series.
    assert rows[2].asked == 0
    table = list(csv.reader(io.StringIO(series_csv(rows))))
    assert table[0][:8] == ["start", "plan", "questions_asked", "posts", "people",
                            "first_timers", "returning", "answers"]
    assert table[1][:8] == ["2027-01-07T18:00+01:00", "edition-1.toml", "1", "6", "3", "3",
                            "0", "3"]
    assert table[2][3:7] == ["", "", "", ""]
    assert table[4][0] == "" and "chat.title" in table[4][-1]


def test_the_series_page(editions: list[Path]) -> None:
    rows = series_rows([read_edition(p) for p in editions])
    page = series_html(rows)
    root = ET.fromstring(page)
    assert root.get("lang") == "fr"
    [table] = list(root.iter("table"))
    assert [th.text for th in table.iter("th")][:3] == ["Date", "Questions posées", "Messages"]
    cells = [td for td in table.iter("td")]
    assert cells[1].get("data-label") == "Questions posées"  # for the phone's cards
    svgs = list(root.iter("svg"))
    # People and posts across editions, then each edition's hour.
    assert len(svgs) == 2 + 3
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    metas = {m.get("name") or m.get("property") for m in root.iter("meta")}
    assert {"description", "og:title", "og:description"} <= metas
    assert series_html(rows) == page


def test_series_command(editions: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", str(editions[2])]) == 0
    out = capsys.readouterr().out
    # French: a date a narrow column never splits, a mean with its decimal comma.
    assert "Nouveaux" in out and "Habitués" in out and "7\u00a0janv.\u00a02027" in out
    assert re.search("4\u00a0mars\u00a02027 +1 +4 +2 +1 +1 +2 +2,0", out)
    assert main(["series", str(editions[0]), str(editions[2]), "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[2].split(",")[5:7] == ["1", "1"]
    assert lines[2].split(",")[8] == "2.0"  # read by programs: a decimal point
    target = editions[0].parent / "series.html"
    assert main(["series", str(editions[0]), "--html", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["series", str(editions[0]), "--html", "-o", str(target)]) == 1  # exists
    assert main(["series", str(editions[0]), "-o", str(target)]) == 2
    assert main(["series", str(editions[0]), "--html", "-o", str(editions[1])]) == 2
    missing = editions[0].with_name("gone.toml")
    assert main(["series", str(missing), str(editions[0])]) == 1
    out = capsys.readouterr().out
    assert "gone.toml ne peut pas être lu" in out


def test_a_muted_account_is_out_of_the_series(editions: list[Path]) -> None:
    # Muted during the second edition's run: out of its people, and no first-timer.
    from tui.core.run.asrun import AsRunLog, Event

    plan = load_plan(editions[1])
    moment = plan.chat.start_at + timedelta(minutes=9)
    AsRunLog(log_path_for(editions[1])).append(
        Event("mute", moment, moment, accounts=("dee",)))
    rows = series_rows([read_edition(p) for p in editions])
    assert (rows[1].people, rows[1].first_timers, rows[1].returning) == (2, 0, 2)
