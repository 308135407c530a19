"""A full Mastodon handle is the person a server names without its server: with
`host = "@EndCMHub@social.example"`, social.example's timeline names the host `EndCMHub`.

One rule (`tui.core.feed.identity`), used by the feed's attribution, the room's lists,
the counts and the exports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from helpers import plan_dict

from tui.core.exports import export, make_context
from tui.core.exports.figures import figures_of
from tui.core.exports.thanks import most_active
from tui.core.feed.conversation import Conversation
from tui.core.feed.identity import full_account, mention_for, same_account, server_of
from tui.core.feed.post import FeedPost
from tui.core.plan.model import Plan
from tui.core.room.planned import attributor_for
from tui.core.room.room import Room
from tui.core.room.summary import count_posts

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
HOST = "@EndCMHub@social.example"


def at(minute: float) -> datetime:
    return START + timedelta(minutes=minute)


def local(id_: str, user: str, text: str, minute: float,
          reply_to: str | None = None) -> FeedPost:
    """A status as social.example's own tag timeline gives it: a local account is named
    without its server, its address is on social.example."""
    return FeedPost("mastodon", id_, user, user, text,
                    f"https://social.example/@{user}/{id_}", at(minute), reply_to)


def make(**chat: Any) -> Plan:
    data = plan_dict(host=HOST, **chat)
    data["guests"] = [{"name": "Guest", "handle": "@guest@social.example",
                       "status": "confirmed"}]
    data["feed"] = {"mastodon": "https://social.example"}
    return Plan.model_validate(data)


@pytest.mark.parametrize(("handle", "name", "server", "same"), [
    (HOST, "EndCMHub", "social.example", True),
    (HOST, "endcmhub@SOCIAL.example", "", True),
    (HOST, "EndCMHub", "other.example", False),  # another server's EndCMHub
    (HOST, "EndCMHub@other.example", "social.example", False),
    (HOST, "EndCMHub", "", True),  # a mention in a text: its name is all it says
    ("@EndCMHub", "endcmhub@any.example", "", True),  # a bare handle: any server
    ("@EndCMHub", "EndCMHub", "social.example", True),
    ("@EndCMHub", "endcmhub.bsky.social", "", True),
    ("endcm.bsky.social", "endcm", "", False),
    (HOST, "", "social.example", False),
    ("", "EndCMHub", "social.example", False),
])
def test_one_rule_for_a_handle_and_an_account(handle: str, name: str, server: str,
                                              same: bool) -> None:
    assert same_account(handle, name, server) is same


def test_a_post_s_author_is_completed_with_the_server_of_its_address() -> None:
    assert local("1", "EndCMHub", "hi", 1).author == "EndCMHub@social.example"
    remote = FeedPost("mastodon", "2", "ann@far.example", "Ann", "hi",
                      "https://social.example/@ann@far.example/2", at(1))
    assert remote.author == "ann@far.example"
    # A status known by its URI only, and a Bluesky post (a handle is a domain).
    by_uri = FeedPost("mastodon", "https://social.example/users/bob/statuses/3", "bob",
                      "Bob", "hi", "", at(1))
    assert by_uri.author == "bob@social.example"
    bluesky = FeedPost("bluesky", "at://x", "zoe.bsky.social", "Zoe", "hi",
                       "https://bsky.app/profile/zoe.bsky.social/post/x", at(1))
    assert bluesky.author == "zoe.bsky.social"
    assert FeedPost.from_dict(local("4", "cy", "hi", 1).to_dict()) == local("4", "cy", "hi", 1)
    assert server_of("javascript:alert(1)") == "" and full_account("@ann", "") == "ann"


CHAT = [
    local("1", "EndCMHub", "Q1 Quel âge pour se marier ? #Tag", 5),
    local("2", "ann", "Pas avant 18 ans, jamais.", 6, reply_to="1"),
    local("3", "guest", "A1 La loi dit 18 ans. #Tag", 7),
    local("4", "bob", "@EndCMHub où trouver le rapport ? #Tag", 8),
    local("5", "EndCMHub", "Merci à toutes et à tous ! #Tag", 50),
    local("6", "ann", "A1 encore #Tag", 9),
]


def test_the_host_s_own_posts_are_the_host_s_and_replies_to_them_count() -> None:
    plan = make()
    items = {i.post.id: i for i in Conversation(attributor_for(plan)).take(CHAT)}
    assert (items["1"].kind, items["1"].asks) == ("host", 1)  # ◆, never "a question"
    assert (items["2"].kind, items["2"].answers) == ("answer", 1)  # under Q1: counted
    assert (items["3"].kind, items["3"].answers) == ("guest", 1)  # ★
    assert items["5"].kind == "host"


def test_seen_published_finds_the_host_s_post() -> None:
    plan = make()
    conversation = Conversation(attributor_for(plan))
    conversation.take(CHAT)
    found = conversation.published({"q1": "Q1 Quel âge pour se marier ? #Tag"})
    assert found["q1"].id == "1"


def test_the_room_leaves_the_host_out_and_lists_a_mention_of_the_host() -> None:
    plan = make()
    conversation = Conversation(attributor_for(plan))
    conversation.take(CHAT)
    view = Room(plan, conversation).view(at(10))
    assert [p.account for p in view.to_welcome] == ["ann@social.example",
                                                    "bob@social.example"]
    # Bob wrote "@EndCMHub" (Mastodon shows a mention without its server): the host.
    assert [w.item.post.id for w in view.to_answer] == ["4"]


def test_the_thanks_never_thank_the_host() -> None:
    plan = make()
    counts = count_posts(plan, CHAT)
    assert counts.answers(1) == (3, 2)
    active = most_active(figures_of(make_context(plan, feed=CHAT)))
    assert "@ann@social.example" in active
    assert not any("endcmhub" in name.lower() or "guest" in name for name in active)
    text = export("thanks", make_context(plan, feed=CHAT)).text
    assert "@EndCMHub@social.example" not in text.split("@ann@social.example")[-1]
    assert "@ann@social.example" in text


def test_a_muted_full_handle_mutes_the_local_account() -> None:
    plan = make()
    conversation = Conversation(attributor_for(plan))
    conversation.take(CHAT)
    conversation.mute(["@bob@social.example"])
    assert [i.post.id for i in conversation.shown()] == ["1", "2", "3", "6", "5"]
    conversation.mute(["@bob@other.example"])  # someone else
    assert "4" in [i.post.id for i in conversation.shown()]


@pytest.mark.parametrize(("author", "own", "mention"), [
    ("student_gh@mastodon.africa.example", "social.example",
     "@student_gh@mastodon.africa.example"),
    ("ann@social.example", "social.example", "@ann"),
    ("ann@Social.Example", "social.example", "@ann"),
    ("student_gh@mastodon.africa.example", "", "@student_gh@mastodon.africa.example"),
    ("zoe.bsky.social", "", "@zoe.bsky.social"),
])
def test_the_mention_of_a_reply(author: str, own: str, mention: str) -> None:
    platform = "bluesky" if author.endswith("bsky.social") else "mastodon"
    assert mention_for(author, platform, own) == mention


def test_a_reply_keeps_the_server_of_a_remote_author() -> None:
    from tui.core.room.replies import posting_server, reply_mention

    plan = make()  # the host posts from social.example
    remote = FeedPost("mastodon", "9", "student_gh@mastodon.africa.example", "Student",
                      "A1 yes", "https://mastodon.africa.example/@student_gh/9", at(9))
    assert posting_server(plan) == "social.example"
    assert reply_mention(remote, plan) == "@student_gh@mastodon.africa.example"
    assert reply_mention(local("2", "ann", "A1", 6), plan) == "@ann"
    # [accounts] says which account posts: from social.coop, ann is remote.
    data = plan.model_dump(exclude_none=True)
    data["accounts"] = {"mastodon": "@endcm@social.coop"}
    coop = Plan.model_validate(data)
    assert reply_mention(local("2", "ann", "A1", 6), coop) == "@ann@social.example"
    # A host written for X names no server: the full form, which every server reads.
    bare = Plan.model_validate({**plan.model_dump(exclude_none=True),
                                "chat": {**plan.chat.model_dump(exclude_none=True),
                                         "host": "@EndCM"}})
    assert reply_mention(local("2", "ann", "A1", 6), bare) == "@ann@social.example"
