"""The recap, the thanks export and `tchat report` with a conversation kept beside the plan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import make_plan

from tui.cli import main
from tui.core.exports import export, make_context
from tui.core.feed.attribution import Attributor
from tui.core.feed.post import FeedPost
from tui.core.feed.store import FeedStore, feed_path_for
from tui.core.plan.planfile import save_plan
from tui.core.run.asrun import Event

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 18:00 in Paris


def post(n: int, author: str, text: str, minute: float) -> FeedPost:
    return FeedPost("mastodon", str(n), author, author.title(), text,
                    f"https://m.example/@{author}/{n}", START + timedelta(minutes=minute))


FEED = [
    post(1, "ann", "A1 yes", 6), post(2, "bob", "a1: no", 7), post(3, "ann", "A1 again", 8),
    post(4, "cy", "A2 maybe", 12), post(5, "host", "Q1 ...", 5), post(6, "one", "A1 guest", 9),
    post(7, "dee", "Hello", 31),
]
LOG = [Event("mark", START + timedelta(minutes=5), START, cue="q1"),
       Event("highlight", START + timedelta(minutes=9), START, cue="q1",
             text="@bob: a1: no <b>\nhttps://m.example/@bob/2")]


@pytest.mark.parametrize("language, lines", [
    # The host's own posts are not the conversation's: people and posts leave them out,
    # as the transcript and the chart do.
    ("en", ["4 answers from 3 people", "1 answer from 1 person",
            "Conversation: 6 posts from 5 people",
            "Busiest part of the hour: 6:00 PM–6:10 PM (4 posts)"]),
    ("fr", ["4 réponses de 3 personnes", "1 réponse de 1 personne",
            "Conversation : 6 messages de 5 personnes", "Moment le plus animé : 18 h 00"]),
])
def test_recap_counts_answers_per_question_and_the_conversation(
    language: str, lines: list[str],
) -> None:
    plan = make_plan(host="@host", language=language)
    # Q2 was never asked: only the organisers' full recap (--all) shows its answers.
    context = make_context(plan, events=LOG, feed=FEED, all_questions=True)
    # French exports carry no-break spaces (tui/core/text/typography.py).
    recap = export("recap-md", context).text.replace("\u00a0", " ").replace("\u202f", " ")
    for line in lines:
        assert line in recap, recap
    assert "https://m.example/@bob/2" in recap and "@bob" in recap and "a1: no" in recap
    html = export("recap-html", make_context(plan, events=LOG, feed=FEED)).text
    assert '<a href="https://m.example/@bob/2"' in html and "&lt;b&gt;" in html


def test_recap_without_a_conversation_is_unchanged() -> None:
    plan = make_plan(host="@host")
    assert "answers from" not in export("recap-md", make_context(plan, events=LOG)).text


def test_thanks_names_the_most_active_but_not_host_or_guests() -> None:
    plan = make_plan(host="@host")
    text = export("thanks", make_context(plan, feed=FEED)).text
    active = text.split("The most active in the conversation")[1]
    assert "@ann" in active and "@bob" in active
    assert "@host" not in active and "@one" not in active
    assert active.index("@ann") < active.index("@bob")  # two posts before one


def test_report_and_export_read_the_feed_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "chat.toml"
    plan = make_plan(host="@host")
    save_plan(plan, path)
    store = FeedStore(feed_path_for(path), START)
    store.append(Attributor("@host", ("@one",), 8).add_all(store.fresh(FEED)))
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Q1 · 4 answers from 3 people" in out and "Q8 · 0 answers from 0 people" in out
    # No question was marked posted: the published recap would leave them all out.
    assert main(["export", str(path), "--to", "recap-md", "--all"]) == 0
    assert "4 answers from 3 people" in capsys.readouterr().out
