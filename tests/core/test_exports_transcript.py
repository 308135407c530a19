"""The transcript: every post once, in order, under the question it answers, with the
links shared and the people; what is missing said, never a traceback."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

from helpers import make_plan
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.exports import export, make_context
from tui.core.exports.figures import figures_of
from tui.core.feed.post import FeedPost
from tui.core.plan.model import Plan
from tui.core.run.asrun import Event

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 18:00 in Paris


def at(minute: float) -> datetime:
    return START + timedelta(minutes=minute)


def post(n: int, author: str, text: str, minute: float, *, reply_to: str | None = None,
         platform: str = "mastodon") -> FeedPost:
    return FeedPost(platform, str(n), author, author.title(), text,  # type: ignore[arg-type]
                    f"https://m.example/@{author}/{n}", at(minute), reply_to)


def mark(cue: str, minute: float) -> Event:
    return Event("mark", at(minute), at(minute), cue=cue)


def plan() -> Plan:
    return make_plan(host="@host")


LOG = [mark("welcome@0", 0), mark("rules@2", 2), mark("q1", 5), mark("q2", 11),
       mark("thanks@58", 58)]
FEED = [
    post(1, "ann", "Ready for #TestChat!", -3),
    post(2, "host", "Welcome to Test chat! #TestChat", 0),  # the feed saw the welcome
    post(3, "host", "Q1 Question number 1? #TestChat", 5),
    post(4, "ann", "A1 yes, see https://example.org/guide.", 6),
    post(5, "bob", "I agree", 7, reply_to="3"),  # a reply to the host's Q1: an answer
    post(6, "one", "A1 from the guest https://example.org/guide", 8),
    post(7, "cy", "Where is the replay?", 9),
    post(8, "host", "Q2 Question number 2? #TestChat", 11),
    post(9, "dee", "A2 sure (https://fr.wikipedia.org/wiki/Mali_(pays))", 12),
    post(10, "bob", "A1 late, but still about Q1", 14),
    post(11, "eve", "RT @ann: A1 yes, see https://example.org/guide.", 15),  # bare repost
    post(12, "fay", "", 16),  # an empty repost
    post(13, "gus", "A3 about a question never asked", 20),
]
DUPLICATE = FeedPost("mastodon", "4", "ann", "Ann", "A1 changed text", "https://x.example/4",
                     at(30))


def transcript(**more: object) -> str:
    ctx = make_context(plan(), events=LOG, feed=[*FEED, DUPLICATE], **more)  # type: ignore[arg-type]
    return export("transcript-md", ctx).text


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def test_answers_under_their_question_and_chatter_where_it_fell() -> None:
    text = transcript()
    q1 = section(text, "## Q1 · Question number 1?")
    q2 = section(text, "## Q2 · Question number 2?")
    assert "Asked at 6:05 PM" in q1 and "4 answers from 3 people" in q1
    # The late answer to Q1 is under Q1; the reply to the host's Q1 post too.
    assert "A1 late, but still about Q1" in q1 and "I agree" in q1
    assert "Where is the replay?" in q1  # chatter after Q1 was asked
    assert "A2 sure" in q2
    # An answer to a question never asked is chatter where it fell.
    assert "A3 about a question never asked" in q2
    opening = section(text, "## Before Q1")
    assert "Ready for #TestChat!" in opening
    # Posts in order within a section.
    assert q1.index("A1 yes") < q1.index("I agree") < q1.index("A1 late")


def test_every_post_once_and_reposts_left_out() -> None:
    text = transcript()
    assert text.count("A1 yes, see") == 1  # the same id twice, and again in a repost
    assert "A1 changed text" not in text  # the first copy of an id is kept
    assert "RT @ann" not in text and "Fay" not in text


def test_the_hosts_posts_come_from_the_feed_or_else_from_the_log() -> None:
    text = transcript()
    # The welcome was seen on the feed: once, with its link.
    assert text.count("Welcome to Test chat!") == 1
    assert "[6:00 PM](<https://m.example/@host/2>)" in text
    # The rules and the thanks were not: they come from the log, at their marked time.
    assert "- 6:02 PM · **[@host](<https://x.com/host>)** ◆ host: Answer Q1 with A1." in text
    assert "- 6:58 PM · **[@host](<https://x.com/host>)** ◆ host: Thank you" in text
    # The host's question posts are their headings, never a post under them.
    assert "Q1 Question number 1? #TestChat" not in text


def test_links_shared_and_people() -> None:
    text = transcript()
    links = section(text, "## Links shared")
    assert links.count("https://example.org/guide") == 1  # deduplicated, punctuation off
    # m.example's own accounts, named with their server as every Mastodon account is.
    assert "shared by @ann@m.example, @one@m.example" in links
    assert "<https://fr.wikipedia.org/wiki/Mali_(pays)> — shared by @dee@m.example" in links
    people = section(text, "## Who took part: 6 people")
    # The host is not counted; the guest is marked.
    assert "@host" not in people
    assert "**[@one](<https://m.example/@one>)** (One) ★ guest · 1 post" not in people
    assert "(One) ★ guest · 1 post" in people
    assert "8 posts from 6 people, with 5 answers to the questions asked." in text
    assert "Among them 1 guest, marked ★." in text


def test_questions_never_asked_only_with_all() -> None:
    assert "Question number 3?" not in transcript()
    everything = transcript(all_questions=True)
    assert "## Questions not asked" in everything
    assert "### Q3 · Question number 3?" in everything


def test_what_is_missing_is_said() -> None:
    far = [post(20, "zed", "A1 a week later", 7 * 24 * 60), post(21, "yan", "A1 too early", -90)]
    ctx = make_context(plan(), events=LOG, feed=[*FEED, *far], feed_skipped=(3, 9))
    result = export("transcript-md", ctx)
    assert "**2 lines of the recorded conversation could not be read: what they held is " \
        "missing here.**" in result.text
    assert "**2 posts made more than 10 minutes before the start or after the end are left " \
        "out.**" in result.text
    assert "a week later" not in result.text and "too early" not in result.text


def test_without_a_conversation_the_hosts_posts_from_the_log() -> None:
    result = export("transcript-md", make_context(plan(), events=LOG))
    assert "**The conversation was not recorded: only the host's posts are here.**" \
        in result.text
    assert "## Q1 · Question number 1?" in result.text
    assert "Answer Q1 with A1." in result.text
    assert any("PLAN.feed.jsonl" in note for note in result.notes)
    unreadable = export("transcript-md", make_context(
        plan(), events=LOG, feed_problem="chat.feed.jsonl: error: is a folder"))
    assert "The recorded conversation could not be read" in unreadable.text
    # Nothing at all: still a page, saying so.
    empty = export("transcript-html", make_context(plan())).text
    assert "No question is marked as asked" in empty
    ET.fromstring(empty)


def test_the_chart_in_the_page() -> None:
    ctx = make_context(plan(), events=LOG, feed=FEED)
    page = export("transcript-html", ctx).text
    root = ET.fromstring(page)
    [svg] = [el for el in root.iter("svg")]
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "hour-t hour-d"
    assert svg.get("viewBox") == "0 0 400 180" and "width" not in svg.attrib
    assert svg.find("title") is not None
    desc = svg.find("desc")
    assert desc is not None and desc.text is not None
    assert desc.text.startswith("From 5:57 PM to 7:00 PM: 8 posts, 5 answers among them")
    figures = figures_of(ctx)
    assert figures.posts == 8 and figures.answers == 5
    # One rectangle per minute and kind of post, answers told apart from the rest; each
    # question asked marked.
    rects = [el for el in svg.iter("rect") if el.get("class") in ("answers", "others")]
    kinds = [el.get("class") for el in rects]
    assert kinds.count("answers") == 5 and kinds.count("others") == 3
    labels = [el.text for el in svg.iter("text") if el.get("class") == "asked-label"]
    assert labels == ["Q1", "Q2"]
    # The Markdown says it in words.
    assert "From 5:57 PM to 7:00 PM: 8 posts, 5 answers among them" in \
        export("transcript-md", ctx).text


def test_the_same_bytes_for_the_same_inputs() -> None:
    shuffled = list(reversed(FEED))
    one = export("transcript-html", make_context(plan(), events=LOG, feed=FEED)).text
    two = export("transcript-html", make_context(plan(), events=LOG, feed=shuffled)).text
    assert one == two


def test_recap_and_transcript_give_the_same_figures() -> None:
    ctx = make_context(plan(), events=LOG, feed=FEED)
    recap = export("recap-md", ctx).text
    text = export("transcript-md", ctx).text
    assert "Conversation: 8 posts from 6 people" in recap
    assert "8 posts from 6 people" in text
    assert section(recap, "### Q1").count("4 answers from 3 people") == 1
    assert "4 answers from 3 people" in section(text, "## Q1")


def test_french_transcript() -> None:
    french = make_plan(host="@host", language="fr")
    text = export("transcript-md", make_context(french, events=LOG, feed=FEED)).text
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert text.startswith("# Transcription · Test chat\n")
    assert "## Avant Q1" in text and "Posée à 18 h 05" in text
    assert "## Qui a participé : 6 personnes" in text
    assert "★ invité·e" in text and "◆ hôte" in text


AUTHORS = st.sampled_from(["ann", "bob", "host", "one", "cy", "dee@far.example", "x.bsky.example"])
TEXTS = st.one_of(
    st.text(max_size=40),
    st.builds(lambda n, t: f"A{n} {t}", st.integers(0, 12), st.text(max_size=20)),
    st.builds(lambda n: f"Q{n} ...", st.integers(1, 9)),
    st.just("RT @ann: A1 yes"),
)
POSTS = st.lists(
    st.builds(
        lambda n, author, text, minute, reply: post(n, author, text, minute,
                                                    reply_to=str(reply) if reply else None),
        st.integers(0, 40), AUTHORS, TEXTS, st.floats(-200, 24 * 60), st.integers(0, 40)),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(POSTS, st.booleans())
def test_any_conversation_gives_a_transcript_whose_figures_add_up(
    posts: list[FeedPost], everything: bool,
) -> None:
    ctx = make_context(plan(), events=LOG, feed=posts, all_questions=everything)
    figures = figures_of(ctx)
    assert figures.posts == sum(1 for i in figures.items if not figures.is_host(i.post.author))
    assert figures.answers == sum(q.answers for q in figures.by_question.values())
    assert len({p.handle.lower() for p in figures.people}) == len(figures.people)
    for kind in ("transcript-md", "transcript-html"):
        text = export(kind, ctx).text
        assert text.endswith("\n")
    ET.fromstring(export("transcript-html", ctx).text)


def test_a_plan_on_several_networks() -> None:
    from helpers import plan_dict

    host = {"x": "@host", "bluesky": "host.example", "mastodon": "@host@m.example"}
    several = Plan.model_validate(plan_dict(platforms=["x", "bluesky", "mastodon"], host=host))
    # Q1 marked on Bluesky only: asked, from that first post on; the rules are marked
    # with no network (every one), and come from the log once, as the first network
    # words them.
    log = [Event("mark", at(2), at(2), cue="rules@2"),
           Event("mark", at(5), at(5), cue="q1", network="bluesky")]
    text = export("transcript-md", make_context(several, events=log, feed=FEED)).text
    assert "## Q1 · Question number 1?" in text and "Asked at 6:05 PM" in text
    assert text.count("Answer Q1 with A1.") == 1
    assert "Hosted by X [@host](<https://x.com/host>) · Bluesky " in text
