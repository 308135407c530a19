"""The room's lists as the core decides them: first posts and who to welcome, what to
answer, who is featured, who is muted (and a restart keeps it), reading without losing
one's place, and the pace of each question."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from helpers import plan_dict
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.counting.counter import count
from tui.core.exports import export, make_context
from tui.core.exports.curves import question_curves
from tui.core.feed.conversation import Conversation
from tui.core.feed.post import FeedPost
from tui.core.plan.model import Plan
from tui.core.room.actions import Handled, Muted, RoomMarks, Welcomed
from tui.core.room.answering import mentions
from tui.core.room.pace import answer_curves, pace, per_minute_text, sparkline
from tui.core.room.planned import attributor_for
from tui.core.room.reading import Reading, follow, move, view
from tui.core.room.room import Room
from tui.core.run.asrun import Event
from tui.core.run.roomlog import action_of, event_for, room_marks, unmuted

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 18:00 in Paris


def at(minute: float) -> datetime:
    return START + timedelta(minutes=minute)


def make(feed: dict[str, Any] | None = None, **chat: Any) -> Plan:
    data = plan_dict(host="@host", **chat)
    if feed is not None:
        data["feed"] = feed
    return Plan.model_validate(data)


def post(id_: str, author: str, text: str, minute: float, reply_to: str | None = None,
         platform: str = "mastodon") -> FeedPost:
    return FeedPost(platform, id_, author, author.split("@")[0].title(),  # type: ignore[arg-type]
                    text, f"https://m.example/{id_}", at(minute), reply_to)


def room_with(posts: list[FeedPost], plan: Plan | None = None,
              marks: RoomMarks | None = None) -> Room:
    plan = plan or make()
    conversation = Conversation(attributor_for(plan))
    conversation.take(posts)
    return Room(plan, conversation, marks)


CHAT = [
    post("q1", "host@m.example", "Q1 Question number 1? #TestChat", 5),
    post("a", "ann@far.example", "A1 yes", 6),
    post("b", "bob@m.example", "@host thanks for hosting", 7),
    post("c", "ann@far.example", "A1 again", 8),
    post("d", "one@m.example", "A1 from the guest", 9),
    post("e", "cy.bsky.social", "Hello everyone", 4, platform="bluesky"),
    post("f", "dee@m.example", "What is the tag again?", 10),
    post("g", "eve@m.example", "@host A1 I think so", 11, reply_to="q1"),
]


# --- first posts and welcomes ----------------------------------------------------------

def test_first_posts_are_marked_once_per_person_and_the_host_never() -> None:
    view_ = room_with(CHAT).view(at(12))
    firsts = [p.item.post.id for p in view_.stream if p.first_post]
    assert firsts == ["e", "a", "b", "d", "f", "g"]  # in time order: e came at minute 4


def test_a_late_older_post_becomes_the_first_post() -> None:
    room = room_with(CHAT[:3])
    room.conversation.take([post("early", "ann@far.example", "hi all", 1)])
    firsts = {p.item.post.id for p in room.view(at(12)).stream if p.first_post}
    assert "early" in firsts and "a" not in firsts


def test_who_to_welcome_leaves_out_host_guests_featured_and_muted() -> None:
    plan = make({"feature": ["@dee"], "mute": ["eve"]})
    people = room_with(CHAT, plan).view(at(12)).to_welcome
    # Oldest first post first; the guest @one, featured @dee and muted @eve are out.
    assert [p.account for p in people] == ["cy.bsky.social", "ann@far.example", "bob@m.example"]


def test_a_welcome_names_up_to_three_of_one_network_with_the_tag_counted() -> None:
    posts = [post(str(n), f"p{n}@far.example", "hi", n) for n in range(1, 6)]
    room = room_with(posts)
    draft = room.welcome_draft("mastodon")
    assert draft is not None
    assert draft.text == ("Welcome @p1@far.example, @p2@far.example and @p3@far.example! "
                          "Glad to have you with us. #TestChat")
    assert draft.count == count(draft.text, "mastodon")
    room.apply(room.welcomed(draft))
    assert [p.account for p in room.view(at(9)).to_welcome] == ["p4@far.example",
                                                                  "p5@far.example"]
    assert room.welcome_draft("bluesky") is None


def test_a_french_welcome_has_french_typography_and_names_in_words() -> None:
    room = room_with([post("1", "zoe.bsky.social", "salut", 1, platform="bluesky"),
                      post("2", "yan.bsky.social", "coucou", 2, platform="bluesky")],
                     make(language="fr"))
    draft = room.welcome_draft("bluesky")
    assert draft is not None
    assert draft.text.startswith("Bienvenue @zoe.bsky.social et @yan.bsky.social\u00a0!")
    assert draft.text.endswith("#TestChat")


def test_a_welcome_that_would_not_fit_names_fewer_people() -> None:
    long = "x" * 95
    posts = [post(str(n), f"{long}{n}.bsky.social", "hi", n, platform="bluesky")
             for n in range(1, 4)]
    draft = room_with(posts).welcome_draft("bluesky")
    assert draft is not None and draft.count.valid and len(draft.people) == 2


# --- to answer --------------------------------------------------------------------------

def test_questions_and_mentions_wait_oldest_first_answers_never() -> None:
    room = room_with(CHAT)
    waiting = room.view(at(12)).to_answer
    # g mentions the host but answers Q1 (a reply under it): counted, not on the list.
    assert [(p.item.post.id, p.waiting.why if p.waiting else None) for p in waiting] == [
        ("b", "mention"), ("f", "question")]


def test_a_key_or_the_hosts_reply_marks_a_post_handled() -> None:
    room = room_with(CHAT)
    b = next(p.item for p in room.view(at(12)).to_answer if p.item.post.id == "b")
    action = room.toggle_handled(b)
    assert action == Handled("mastodon", "b", True)
    room.apply(action)
    room.conversation.take([post("h", "host@m.example", "yes it is", 13, reply_to="f")])
    view_ = room.view(at(14))
    assert view_.to_answer == () and view_.answered == 2
    room.apply(room.toggle_handled(b))  # back on the list
    assert [p.item.post.id for p in room.view(at(14)).to_answer] == ["b"]


def test_mentions_are_found_in_linear_time_on_any_text() -> None:
    assert mentions("@ann, thanks! cc @bob@far.example. @zoe.bsky.social?") == [
        "ann", "bob@far.example", "zoe.bsky.social"]
    assert mentions("@" * 100_000 + " a@" * 50_000) == []  # a few ms, never minutes


# --- featured and muted ------------------------------------------------------------------

def test_guests_and_featured_accounts_are_found_with_their_posts() -> None:
    plan = make({"feature": ["@dee", "@one"]})
    room = room_with(CHAT, plan)
    featured = room.view(at(12)).featured
    assert [(f.account, f.name, f.guest, f.posts, f.answers) for f in featured] == [
        ("@one", "Guest One", True, 1, 1), ("@dee", "@dee", False, 1, 0)]
    assert [p.item.post.id for p in room.view(at(12)).stream if p.featured] == ["d", "f"]


def test_a_mute_leaves_pane_counts_and_lists_and_undo_brings_it_back() -> None:
    room = room_with(CHAT)
    counts = room.conversation.counts
    assert counts.answers(1) == (4, 3)
    action = room.mute("ann@far.example")
    room.apply(action)
    view_ = room.view(at(12))
    assert "a" not in {p.item.post.id for p in view_.stream}
    assert room.conversation.counts.answers(1) == (2, 2)
    assert view_.muted == ("ann@far.example",)
    undo = Room.undo_of(action)
    assert undo == Muted("ann@far.example", False)
    room.apply(undo)
    assert room.conversation.counts.answers(1) == (4, 3)


def test_room_actions_go_through_the_log_and_a_restart_folds_them_again() -> None:
    plan = make({"mute": ["spam"]})
    actions = [Welcomed("mastodon", ("ann@far.example",), "Welcome @ann@far.example!"),
               Handled("bluesky", "at://did:plc:x/app.bsky.feed.post/1", True),
               Muted("bob@m.example"), Muted("spam", False), Muted("cy.bsky.social")]
    events = [event_for(a, at(n), at(n)) for n, a in enumerate(actions)]
    lines = [e.to_json() for e in events]
    read = [Event.from_json(line) for line in lines]
    assert [e.kind for e in read if e] == ["welcome", "handled", "mute", "unmute", "mute"]
    assert [action_of(e) for e in read if e] == actions
    marks = room_marks(plan, [e for e in read if e])
    assert marks.muted == ["bob@m.example", "cy.bsky.social"]
    assert marks.is_welcomed("mastodon", "@Ann@far.example")
    assert marks.is_handled("bluesky", "at://did:plc:x/app.bsky.feed.post/1")
    kept = unmuted(plan, [e for e in read if e], CHAT)
    assert {p.author for p in kept} == {p.author for p in CHAT} - {"bob@m.example",
                                                                   "cy.bsky.social"}


@pytest.mark.parametrize("line", [
    '{"v":1,"kind":"mute","clock":"2026-12-03T17:00:00+00:00",'
    '"wall":"2026-12-03T17:00:00+00:00","accounts":"spam"}',
    '{"v":1,"kind":"welcome","clock":"2026-12-03T17:00:00+00:00",'
    '"wall":"2026-12-03T17:00:00+00:00","accounts":[1,2]}',
    '{"v":1,"kind":"handled","clock":"2026-12-03T17:00:00+00:00",'
    '"wall":"2026-12-03T17:00:00+00:00","post":"' + "x" * 5000 + '"}',
])
def test_room_events_tchat_did_not_write_are_skipped(line: str) -> None:
    assert Event.from_json(line) is None


def test_muted_accounts_are_out_of_the_exports() -> None:
    plan = make({"mute": ["ann"]})
    text = export("recap-md", make_context(plan, feed=CHAT, all_questions=True)).text
    assert "2 answers from 2 people" in text  # without Ann's two


# --- reading: the pause ----------------------------------------------------------------

def seq(n: int) -> int:
    return n


def test_reading_holds_the_list_and_counts_what_arrives_until_the_bottom() -> None:
    items = list(range(10))
    reading = move(Reading(), items, seq, -3)
    assert reading.selected == 6 and reading.held == 9
    items += [10, 11, 12]
    held = view(reading, items, seq)
    assert held.shown[-1] == 9 and held.new == 3 and held.shown[held.selected or 0] == 6
    reading = move(reading, items, seq, 2)
    assert reading.selected == 8
    reading = move(reading, items, seq, 5)  # to the bottom: follows, the new ones show
    assert reading == Reading()
    assert view(reading, items, seq).new == 0
    assert follow(move(Reading(), items, seq, -1)) == Reading()


def test_a_muted_post_leaving_moves_no_selection() -> None:
    reading = move(Reading(), list(range(10)), seq, -4)  # reads post 5
    without = [n for n in range(12) if n != 5]
    held = view(reading, without, seq)
    assert held.shown[held.selected or 0] == 4  # the nearest before it


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(-5, 5), max_size=30), st.integers(0, 40), st.integers(0, 20))
def test_reading_never_shows_a_post_past_the_held_one(steps: list[int], first: int,
                                                      more: int) -> None:
    items = list(range(first))
    reading = Reading()
    for step in steps:
        reading = move(reading, items, seq, step)
    items += list(range(first, first + more))
    held = view(reading, items, seq)
    assert len(held.shown) + held.new == len(items)
    if reading.following:
        assert held.new == 0
    else:
        assert held.new == more and (held.selected is None or
                                     0 <= held.selected < len(held.shown))


# --- the pace of a question -----------------------------------------------------------

def answers(question: int, minutes: list[float]) -> list[Any]:
    attributor = attributor_for(make())
    return attributor.add_all(post(f"{question}-{n}", f"p{n}@x.example", f"A{question} ok", m)
                              for n, m in enumerate(minutes))


def test_the_pace_line_says_answers_people_rate_and_trend() -> None:
    items = answers(3, [10.2, 10.6, 11, 11.4, 11.8, 12.2, 12.6, 13, 13.4, 13.8, 14.2, 14.6])
    p = pace(items, 3, at(10), at(15))
    assert (p.answers, p.people, p.per_minute, p.trend) == (12, 12, 2.4, "steady")
    assert p.line("en") == "Q3 · 12 answers from 12 people · 2.4/min, steady"
    assert p.line("fr") == "Q3 · 12 réponses de 12 personnes · 2,4/min, stable"
    slowing = pace(answers(3, [10.1, 10.2, 10.4, 10.6, 11, 11.3, 12, 14]), 3, at(10), at(15))
    assert slowing.trend == "slowing"
    rising = pace(answers(3, [11, 13, 13.5, 14, 14.5, 14.8]), 3, at(10), at(15))
    assert rising.trend == "rising"
    assert pace(answers(3, [10.5]), 3, at(10), at(20)).trend == "quiet"
    assert pace(answers(3, [10.5]), 3, at(10), at(11)).trend is None  # too early


def test_the_room_gives_the_pace_of_the_question_asked_last() -> None:
    room = room_with(CHAT + [post("q2", "host@m.example", "Q2 next #TestChat", 20),
                             post("z", "zed@m.example", "A2 sure", 21)])
    assert room.view(at(22)).pace_line("en").startswith("Q2 · 1 answer from 1 person · ")
    # The run's mark for Q1 later than Q2's post: Q1 is the one asked last.
    assert room.view(at(22), {1: at(21.5)}).pace_line("en").startswith("Q1 · ")
    assert room_with([]).view(at(1)).pace is None


def test_rates_are_written_for_a_glance() -> None:
    assert [per_minute_text(r, "en") for r in (4.0, 2.45, 0.2, 12.7)] == ["4", "2.5", "0.2",
                                                                          "13"]
    assert per_minute_text(2.4, "fr") == "2,4"


def test_answer_curves_per_minute_from_the_question() -> None:
    items = answers(1, [4, 5.5, 6, 6.9, 9]) + answers(2, [20.5])
    curves = answer_curves(items, {1: at(5)}, [1, 2, 3])
    assert [(c.question, c.per_minute) for c in curves] == [
        (1, (2, 2, 0, 0, 1)), (2, (1,)), (3, ())]
    assert curves[0].asked == at(5) and curves[1].asked is None
    assert curves[0].peak == 2 and curves[0].answers == 5
    assert sparkline(curves[0].per_minute) == "██▁▁▄"


def test_a_post_dated_far_away_makes_no_endless_curve() -> None:
    items = answers(1, [6, 60 * 24 * 365 * 50])
    (curve,) = answer_curves(items, {1: at(5)}, [1])
    assert curve.per_minute == (0, 1)


def test_the_exports_get_each_questions_curve_from_the_log() -> None:
    plan = make()
    log = [Event("mark", at(5), at(5), cue="q1")]
    feed = [post("r", "ann@x.example", "yes", 6.5, reply_to="q1p"),
            post("q1p", "host@m.example", "Q1 Question number 1? #TestChat", 5.2)]
    curves = question_curves(make_context(plan, events=log, feed=feed))
    assert curves[0].asked == at(5) and curves[0].per_minute == (0, 1)
    assert len(curves) == len(plan.questions)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["host@m.example", "one@m.example", "ann@x.example",
                                           "bob@x.example", "cy.bsky.social", "spam@x.example"]),
                          st.integers(0, 60)), max_size=25))
def test_one_first_post_per_person_and_never_the_host_guests_or_muted_to_welcome(
    authored: list[tuple[str, int]],
) -> None:
    posts = [post(str(n), author, "hi", minute,
                  platform="bluesky" if author.endswith("bsky.social") else "mastodon")
             for n, (author, minute) in enumerate(authored)]
    room = room_with(posts, make({"mute": ["spam"]}))
    view_ = room.view(at(61))
    authors = {a for a, _m in authored} - {"spam@x.example"}
    marked = [p.item.post.author for p in view_.stream if p.first_post]
    assert sorted(marked) == sorted(authors - {"host@m.example"})
    for p in view_.stream:
        if p.first_post:
            assert p.item.post.created_at == min(q.created_at for q in posts
                                                 if q.author == p.item.post.author)
    assert {p.account for p in view_.to_welcome} == authors - {"host@m.example",
                                                              "one@m.example"}


def test_the_question_posts_tchat_published_are_given_to_the_feed() -> None:
    from tui.core.plan.drafts import DraftBook
    from tui.core.run.roomlog import posted_questions

    data = plan_dict(host="@host")
    data["accounts"] = {"bluesky": "host.bsky.social", "mastodon": "@host@social.example"}
    book = DraftBook(Plan.model_validate(data))
    q2 = next(c for c in book.cues if c.kind == "question" and c.number == 2)
    log = [
        Event("post-intent", at(10), at(10), cue=q2.id, network="bluesky", part=1, parts=1,
              key="k1"),
        Event("post-done", at(10), at(10), cue=q2.id, network="bluesky", part=1, parts=1,
              key="k1", uri="at://did:plc:host/app.bsky.feed.post/q2", url="https://bsky.app/x"),
        Event("post-done", at(10), at(10.1), cue=q2.id, network="mastodon", part=1, parts=1,
              key="k2", uri="1134", url="https://social.example/@host/1134"),
        Event("post-intent", at(20), at(20), cue="q3", network="bluesky", part=1, parts=1,
              key="k3"),  # never done: not a question post anyone can reply to
    ]
    found = posted_questions(book, log)
    assert [(p.question, p.network, p.id, p.server, p.local_id) for p in found] == [
        (2, "bluesky", "at://did:plc:host/app.bsky.feed.post/q2", None, None),
        (2, "mastodon", "https://social.example#1134", "https://social.example", "1134")]
    assert found[1].at == at(10.1)


def test_a_plan_on_several_networks_finds_the_host_and_guests_on_each() -> None:
    data = plan_dict(platforms=["x", "bluesky", "mastodon"],
                     host={"x": "@EndCM", "bluesky": "endcm.org",
                           "mastodon": "@endcm@social.coop"})
    data["guests"] = [{"name": "Safe Screens", "status": "confirmed",
                       "handle": {"bluesky": "safescreens.bsky.social",
                                  "mastodon": "@safe@mastodon.social"}}]
    plan = Plan.model_validate(data)
    room = room_with([
        post("1", "zoe.bsky.social", "@endcm.org thanks for this", 1, platform="bluesky"),
        post("2", "safe@mastodon.social", "A1 from us", 2),
        post("3", "safescreens.bsky.social", "hello", 3, platform="bluesky"),
        post("4", "endcm@social.coop", "Q1 Question number 1? #TestChat", 4),
    ], plan)
    view_ = room.view(at(5))
    assert [p.item.post.id for p in view_.to_answer] == ["1"]
    assert [(f.account, f.posts, f.answers) for f in view_.featured] == [
        ("@safescreens.bsky.social", 2, 1)]
    assert [p.account for p in view_.to_welcome] == ["zoe.bsky.social"]
