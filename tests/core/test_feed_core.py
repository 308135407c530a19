"""The conversation's domain: plain text, attribution, counts, the feed file, replay."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.feed.attribution import Attributor, answer_number, question_number, same_account
from tui.core.feed.counts import ConversationCounts, answers_line
from tui.core.feed.mastodon_html import html_to_text
from tui.core.feed.post import FeedPost
from tui.core.feed.replay import Replay
from tui.core.feed.store import FeedFileError, FeedStore, feed_path_for, read_feed

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def post(
    text: str, author: str = "alice@mastodon.social", id_: str = "1", minute: float = 1,
    reply_to: str | None = None, platform: str = "mastodon",
) -> FeedPost:
    return FeedPost(platform, id_, author, author.split("@")[0].title(),  # type: ignore[arg-type]
                    text, f"https://m.example/@{author}/{id_}",
                    START + timedelta(minutes=minute), reply_to)


# --- HTML to text ---------------------------------------------------------------------

def test_mastodon_html_paragraphs_breaks_entities_and_links() -> None:
    html = (
        '<p>A1 &amp; more: <a href="https://example.com/long/path" rel="nofollow">'
        '<span class="invisible">https://</span><span class="ellipsis">example.com/lo'
        '</span><span class="invisible">ng/path</span></a></p>'
        '<p>line one<br>line two<br/>'
        '<a href="https://m.example/tags/tchat" class="hashtag">#<span>Tchat</span></a> '
        '<span class="h-card"><a href="https://m.example/@bob" class="u-url mention">'
        '@<span>bob</span></a></span></p>'
    )
    assert html_to_text(html) == (
        "A1 & more: https://example.com/long/path\n\nline one\nline two\n#Tchat @bob"
    )


def test_a_link_whose_text_hides_its_address_shows_the_address() -> None:
    html = '<p><a href="https://evil.example/x">https://bank.example</a></p>'
    assert html_to_text(html) == "https://evil.example/x"


def test_hostile_html_leaves_no_markup_and_scripts_are_dropped() -> None:
    html = ("<p>[bold red]x[/] <script>alert(1)</script>&lt;b&gt;"
            "<style>p{}</style>\x1b[2J</p><p><unclosed")
    text = html_to_text(html)
    assert text.startswith("[bold red]x[/] <b>\x1b[2J")  # literal, the screen sanitises
    assert "alert" not in text and "p{}" not in text


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_any_input_gives_bounded_text_without_raising(html: str) -> None:
    assert len(html_to_text(html, limit=300)) <= 300


# --- attribution -----------------------------------------------------------------------

@pytest.mark.parametrize("text, number", [
    ("A1 yes", 1), ("a1: yes", 1), ("R1 : oui", 1), ("A 1 - yes", 1), ("r2-oui", 2),
    ("A1", 1), ("@host @guest A3 yes", 3), ("@bob@m.example, a2: ok", 2), ("A10 late", 10),
    ("  A4. indented", 4),
])
def test_every_written_form_of_an_answer(text: str, number: int) -> None:
    assert answer_number(text) == number


@pytest.mark.parametrize("text", [
    "Answer: yes", "About A1", "A1b is a vitamin", "AA1", "Q1 what?", "I answer A1", "",
    "A", "R: 1",
])
def test_texts_that_are_not_answers(text: str) -> None:
    assert answer_number(text) is None


def test_a10_counts_for_q10_never_for_q1() -> None:
    attributor = Attributor(host="@Host", guests=(), questions=10)
    item = attributor.add(post("A10 something"))
    assert item.answers == 10 and item.kind == "answer"
    assert ConversationCounts().add_all([item]).answers(1) == (0, 0)


def test_a_mark_beyond_the_plans_questions_is_no_answer() -> None:
    attributor = Attributor(host="@Host", guests=(), questions=3)
    assert attributor.add(post("A7 hello")).answers is None


def test_the_hosts_posts_are_never_answers_even_quoting_a_mark() -> None:
    attributor = Attributor(host="@MyOrg", guests=(), questions=6)
    quoted = attributor.add(post("A1 is how you answer Q1, remember!", "myorg@m.example"))
    assert (quoted.kind, quoted.answers, quoted.asks) == ("host", None, None)
    hint = attributor.add(post("Reminder: Q1 is still open", "myorg@m.example", id_="2"))
    assert hint.asks is None  # "Q1" quoted inside a post does not make it the Q1 post
    asked = attributor.add(post("Q1 What risks?", "myorg@m.example", id_="3"))
    assert asked.asks == 1


def test_a_reply_to_the_hosts_question_post_answers_it() -> None:
    attributor = Attributor(host="@MyOrg", guests=(), questions=6)
    attributor.add(post("Q2 Where?", "myorg.bsky.social", id_="q2", platform="bluesky"))
    reply = attributor.add(post("at school", id_="r", reply_to="q2", platform="bluesky"))
    assert (reply.kind, reply.answers) == ("answer", 2)
    other = attributor.add(post("at home", id_="s", reply_to="q2"))  # other platform
    assert other.answers is None


def test_a_host_post_matching_a_question_draft_is_that_question() -> None:
    attributor = Attributor(host="@MyOrg", guests=(), questions=6,
                            question_texts={4: "Q4  What now?\n#Tag"})
    asked = attributor.add(post("Q4 What now? #Tag", "MyOrg@m.example", id_="q"))
    assert asked.asks == 4


def test_kinds_guest_question_other() -> None:
    attributor = Attributor(host="@MyOrg", guests=("@SafeScreens", ""), questions=6)
    guest = attributor.add(post("A1 from a guest", "safescreens@m.example"))
    assert (guest.kind, guest.answers) == ("guest", 1)
    asking = attributor.add(post("Will there be a replay?", id_="2"))
    assert (asking.kind, asking.answers) == ("question", None)
    answer_with_question = attributor.add(post("A2 why not?", id_="3"))
    assert answer_with_question.kind == "answer"
    assert attributor.add(post("Hello all", id_="4")).kind == "other"


def test_same_account_reads_handles_of_every_platform() -> None:
    assert same_account("@MyOrg", "myorg@mastodon.social")
    assert same_account("@MyOrg", "myorg.bsky.social")
    assert same_account("@myorg@mastodon.social", "MyOrg@mastodon.social")
    assert not same_account("@myorg@mastodon.social", "myorg@other.example")
    assert not same_account("@MyOrg", "myorganisation@m.example")
    assert not same_account("", "anyone")
    assert question_number("@guest Q3 next") == 3


# --- counts ----------------------------------------------------------------------------

def test_counts_per_question_people_and_totals() -> None:
    attributor = Attributor(host="@Host", guests=(), questions=3)
    items = attributor.add_all([
        post("A1 a", "ann", "1"), post("A1 b", "ann", "2"), post("a1 c", "bob", "3"),
        post("R2 d", "cy", "4", minute=25), post("hi", "host", "5"),
    ])
    counts = ConversationCounts().add_all(items)
    assert counts.answers(1) == (3, 2) and counts.answers(2) == (1, 1)
    assert counts.posts == 5 and counts.people == 4
    # Authors are named with their server (the posts' addresses are on m.example).
    assert counts.most_active(2) == ["ann@m.example", "bob@m.example"]
    assert counts.most_active(1, leave_out=["@ANN"]) == ["bob@m.example"]
    assert counts.most_active(1, leave_out=["@ann@m.example"]) == ["bob@m.example"]
    assert counts.most_active(1, leave_out=["@ann@other.example"]) == ["ann@m.example"]
    assert counts.busiest_segment(START, 60) == (0, 4)


def test_answers_are_split_by_network_only_when_they_come_from_several() -> None:
    attributor = Attributor(host="@Host", guests=(), questions=3)
    items = attributor.add_all([
        post("A1 a", "ann", "1"), post("A1 b", "bob.bsky.social", "2", platform="bluesky"),
        post("A1 c", "cy.bsky.social", "3", platform="bluesky"), post("A2 d", "dee", "4"),
    ])
    counts = ConversationCounts().add_all(items)
    assert counts.answers(1) == (3, 3)  # the total sums the networks
    assert counts.networks(1) == (("bluesky", 2), ("mastodon", 1))
    assert counts.networks(2) == ()  # one network: the total says it all
    assert counts.networks(3) == ()
    # A post answered for again moves its network's answer with it.
    counts.revise(items[1], attributor.add(post("A2 b", "bob.bsky.social", "2",
                                                platform="bluesky")))
    assert counts.networks(1) == (("bluesky", 1), ("mastodon", 1))
    assert counts.networks(2) == (("bluesky", 1), ("mastodon", 1))


@pytest.mark.parametrize("answers, people, language, line", [
    (14, 9, "en", "14 answers from 9 people"),
    (1, 1, "en", "1 answer from 1 person"),
    (0, 0, "en", "0 answers from 0 people"),
    (14, 9, "fr", "14 réponses de 9 personnes"),
    (1, 1, "fr", "1 réponse de 1 personne"),
    (0, 0, "fr", "0 réponse de 0 personne"),
    (2, 1, "fr", "2 réponses de 1 personne"),
])
def test_answers_line_in_both_languages(answers: int, people: int, language: str,
                                        line: str) -> None:
    assert answers_line(answers, people, language) == line  # type: ignore[arg-type]


# --- the feed file ---------------------------------------------------------------------

def test_store_dedups_appends_and_survives_a_cut_line(tmp_path: Path) -> None:
    path = feed_path_for(tmp_path / "chat.toml")
    assert path.name == "chat.toml.feed.jsonl"
    store = FeedStore(path, START)
    attributor = Attributor(host="@h", guests=(), questions=6)
    batch = [post("A1 x", id_="1"), post("A1 x", id_="1"), post("y", id_="2")]
    fresh = store.fresh(batch)
    assert [p.id for p in fresh] == ["1", "2"]
    store.append(attributor.add_all(fresh))
    assert store.fresh([post("again", id_="2")]) == []
    with path.open("ab") as handle:
        handle.write(b'{"platform":"mastodon","id":"3","aut')  # a crash mid-line
    reopened = FeedStore(path, START)
    assert [p.id for p in reopened.posts] == ["1", "2"]
    reopened.append(attributor.add_all(reopened.fresh([post("z", id_="4")])))
    recorded = read_feed(path)
    assert recorded.start == START
    assert [p.id for p in recorded.posts] == ["1", "2", "4"]
    assert recorded.skipped_lines == [4]
    first = json.loads(path.read_text().splitlines()[1])
    assert first["answers"] == 1 and first["kind"] == "answer"
    assert post("A1 x", id_="1") == recorded.posts[0]


def test_a_deleted_plan_folder_is_not_recreated_by_the_feed_file(tmp_path: Path) -> None:
    import shutil

    from tui.core.feed.conversation import Conversation

    folder = tmp_path / "share"
    folder.mkdir()
    path = feed_path_for(folder / "chat.toml")
    conversation = Conversation(Attributor("@h", (), 3), FeedStore(path, START))
    shutil.rmtree(folder)  # deleted during the run
    assert [i.post.id for i in conversation.take([post("a", id_="1")])] == ["1"]
    assert not folder.exists()  # the folder does not come back with only the feed in it
    assert [i.post.id for i in conversation.unwritten] == ["1"]
    folder.mkdir()  # put back: the next poll writes what waited, in order
    conversation.take([post("b", id_="2", minute=2)])
    assert [p.id for p in read_feed(path).posts] == ["1", "2"]
    assert conversation.unwritten == []


def test_store_fsyncs_every_append(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd)))
    store = FeedStore(tmp_path / "f.jsonl", START)
    store.append(Attributor("@h", (), 3).add_all(store.fresh([post("a")])))
    assert len(synced) == 1


def test_a_file_that_is_not_a_feed_says_so(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("hello\nworld\n")
    with pytest.raises(FeedFileError, match="bad.jsonl: error: is not a tchat feed"):
        read_feed(bad)
    with pytest.raises(FeedFileError, match="does not exist"):
        read_feed(tmp_path / "none.jsonl", missing_ok=False)
    with pytest.raises(FeedFileError, match="folder"):
        read_feed(tmp_path)


def test_posts_from_a_file_are_bounded_and_checked() -> None:
    assert FeedPost.from_dict({"platform": "x", "id": "1", "author": "a", "text": "t",
                               "created_at": START.isoformat()}) is None
    assert FeedPost.from_dict({"platform": "bluesky", "id": "1", "author": "a",
                               "text": "t", "created_at": "2026-12-03T17:00:00"}) is None
    long = FeedPost.from_dict({"platform": "bluesky", "id": "1", "author": "@a",
                               "text": "x" * 10_000, "created_at": START.isoformat()})
    assert long is not None and len(long.text) == 5000 and long.author == "a"


# --- replay ----------------------------------------------------------------------------

def test_replay_shifts_to_the_new_start_and_follows_a_stepped_clock() -> None:
    posts = [post("A1", id_=str(n), minute=n) for n in (3, 1, 2)]
    later = START + timedelta(days=30)
    replay = Replay(posts, START, later)
    assert replay.due(later) == []
    step = replay.due(later + timedelta(minutes=2))
    assert [p.id for p in step] == ["1", "2"]
    assert step[0].created_at == later + timedelta(minutes=1)
    assert replay.due(later + timedelta(minutes=2)) == []
    assert [p.id for p in replay.due(later + timedelta(hours=1))] == ["3"]
    assert replay.finished


def test_replay_without_a_recorded_start_begins_at_the_first_post() -> None:
    replay = Replay([post("a", minute=7)], None, START)
    assert replay.posts[0].created_at == START
