"""What `h` and `r` do with the conversation and the keyboard, decided in the core: a
highlight goes under the question its post answers, a typed reply gets the plan's
typography."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from helpers import plan_dict
from hypothesis import given
from hypothesis import strategies as st

from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.room.planned import attributor_for
from tui.core.room.replies import highlight_question
from tui.core.text.replies import typed_reply
from tui.core.text.typography import for_post

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
NBSP = "\u00a0"


def post(id_: str, author: str, text: str, minute: float,
         reply_to: str | None = None) -> FeedPost:
    return FeedPost("mastodon", id_, author, author, text, f"https://m.example/{id_}",
                    START + timedelta(minutes=minute), reply_to)


def attributed() -> tuple[Plan, dict[str, Attributed]]:
    plan = Plan.model_validate(plan_dict(host="@host@m.example"))
    items = attributor_for(plan).add_all([
        post("1", "ann@m.example", "A1 Pas avant 18 ans #TestChat", 3),
        post("2", "host@m.example", "Q2 Question number 2? #TestChat", 20),
        post("3", "bob@m.example", "Exactement.", 21, reply_to="2"),
        post("4", "cy@m.example", "Hello everyone", 22),
    ])
    return plan, {item.post.id: item for item in items}


def test_a_highlight_of_an_answer_goes_under_its_question_even_before_it_was_marked() -> None:
    plan, items = attributed()
    cues = DraftBook(plan).cues
    ids = {cue.number: cue.id for cue in cues if cue.kind == "question"}
    # Q1 was never marked posted: nothing asked yet, and still A1 is Q1's.
    assert highlight_question(items["1"], cues, None) == ids[1]
    assert highlight_question(items["1"], cues, ids[3]) == ids[1]
    # In the thread under the host's Q2 post: Q2's.
    assert highlight_question(items["3"], cues, ids[1]) == ids[2]
    # Answering nothing: the question asked last, or none before the first.
    assert highlight_question(items["4"], cues, ids[2]) == ids[2]
    assert highlight_question(items["4"], cues, None) is None
    assert highlight_question(None, cues, ids[1]) == ids[1]


def test_a_french_quick_reply_gets_its_no_break_spaces() -> None:
    assert typed_reply("@ann Merci ! Et vous : d'où ? #Tag ", "fr") == (
        f"@ann Merci{NBSP}! Et vous{NBSP}: d'où{NBSP}? #Tag")
    assert typed_reply("@ann Thanks! Where : there ? #Tag", "en") == (
        "@ann Thanks! Where : there ? #Tag")
    assert typed_reply("« Oui » https://x.example/a?b=c #Tag", "fr") == (
        f"«{NBSP}Oui{NBSP}» https://x.example/a?b=c #Tag")


def test_nothing_typed_is_nothing_to_copy() -> None:
    assert typed_reply("   ", "fr") is None
    assert typed_reply(" @ann  #Tag ", "fr", prefilled="@ann  #Tag") is None
    assert typed_reply("@ann ok #Tag", "fr", prefilled="@ann  #Tag") == "@ann ok #Tag"


@given(st.text(max_size=80))
def test_a_reply_is_typeset_once(typed: str) -> None:
    reply = typed_reply(typed, "fr")
    if reply is not None:
        assert typed_reply(reply, "fr") == reply == for_post(typed.strip())
