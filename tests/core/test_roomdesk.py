"""The run desk's Conversation keys (`tui.core.run.roomdesk`), without a screen: what
each decides, what it logs, and what the next frame shows of it."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.core.test_desk import at, desk_at, follower, plan_in, texts
from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPlatform, FeedPost
from tui.core.room.room import RoomView
from tui.core.run.asrun import read_events
from tui.core.run.desk import RunDesk
from tui.core.run.outcomes import (
    Copy,
    Done,
    NetworkOrder,
    NothingToDo,
    PostView,
    Refused,
    ReplyForm,
)
from tui.core.run.publish.outcomes import Failed
from tui.core.run.session import Mode

FEED = '\n[feed]\nmastodon = "https://social.example"\n'
ACCOUNTS = ('\n[accounts]\nbluesky = "host.example"\n'
            'mastodon = "@host@social.example"\n')


def post(n: int, author: str, text: str, platform: FeedPlatform = "mastodon",
         minute: float = 6, url: str | None = None) -> FeedPost:
    where = "social.example" if platform == "mastodon" else "bsky.app"
    return FeedPost(platform=platform, id=str(n), author=author, name="", text=text,
                    url=url or f"https://{where}/@{author}/{n}", created_at=at(minute))


POSTS = [
    post(1, "ann@far.example", "Hello all #Tag"),
    post(2, "bob", "Is this recorded? #Tag", minute=7),
    post(3, "cy.bsky.example", "A1 yes #Tag", platform="bluesky", minute=8),
]


def room_desk(tmp_path: Path, *, extra: str = "", mode: Mode = "live",
              posts: list[FeedPost] | None = None) -> RunDesk:
    """A desk at minute 10 whose conversation holds `posts` (the three above)."""
    plan = plan_in(tmp_path)
    text = plan.read_text(encoding="utf-8").replace(
        'platform = "x"', 'platforms = ["x", "bluesky", "mastodon"]')
    plan.write_text(text + FEED + extra, encoding="utf-8")
    desk = desk_at(plan, 10, mode=mode)
    return opened(desk, POSTS if posts is None else posts)


def opened(desk: RunDesk, posts: list[FeedPost]) -> RunDesk:
    setup = desk.feed_setup()
    assert setup is not None
    feed = desk.open_feed(setup)()
    desk.feed_arrived(feed, None)
    feed.take(posts)
    desk.view()
    return desk


def logged(desk: RunDesk, kind: str) -> list[object]:
    return [e for e in read_events(desk.log_path) if e.kind == kind]


def room_of(desk: RunDesk) -> RoomView:
    desk.view()
    room = desk.room.frame.room
    assert room is not None
    return room


def test_welcome_names_the_people_of_one_network_and_they_leave_the_list(
    tmp_path: Path,
) -> None:
    desk = room_desk(tmp_path)
    assert [p.network for p in room_of(desk).to_welcome] == ["mastodon", "mastodon",
                                                             "bluesky"]
    form = desk.pane.welcome(None)  # none selected: where someone waited longest
    assert isinstance(form, ReplyForm) and form.network == "mastodon"
    assert form.welcome is not None and "@ann@far.example" in form.text
    assert "@bob" in form.text and "cy.bsky.example" not in form.text
    copy = desk.send_reply(form, form.text)
    assert isinstance(copy, Copy) and copy.welcome is not None
    assert logged(desk, "welcome") == []  # not before it reached the clipboard
    desk.copied(copy, "system")
    [welcome] = logged(desk, "welcome")
    assert welcome.accounts == ("ann@far.example", "bob@social.example")  # type: ignore[attr-defined]
    assert [p.network for p in room_of(desk).to_welcome] == ["bluesky"]
    bluesky = desk.pane.welcome("mastodon")  # nobody left there: the network that has someone
    assert isinstance(bluesky, ReplyForm) and bluesky.network == "bluesky"


def test_nobody_to_welcome_and_no_feed_are_said(tmp_path: Path) -> None:
    desk = room_desk(tmp_path, posts=[])
    assert isinstance(desk.pane.welcome(None), NothingToDo)
    bare = desk_at(plan_in(tmp_path / "bare"), 10)
    assert texts(bare.pane.welcome(None)) == [
        "No conversation: add a [feed] table to the plan (see the README)"]


def test_handled_toggles_and_u_takes_the_last_room_action_back(tmp_path: Path) -> None:
    desk = room_desk(tmp_path)
    [waiting] = room_of(desk).to_answer
    assert waiting.item.post.author == "bob@social.example"
    not_waiting = room_of(desk).stream[0].item
    assert isinstance(desk.pane.handled(not_waiting), NothingToDo)
    assert isinstance(desk.pane.handled(waiting.item), Done)
    assert room_of(desk).to_answer == () and room_of(desk).answered == 1
    undone = desk.undo()
    assert texts(undone) == ["Undone: post handled"]
    assert [e.done for e in logged(desk, "handled")] == [True, False]  # type: ignore[attr-defined]
    assert len(room_of(desk).to_answer) == 1


def test_mute_leaves_the_counts_and_the_host_is_never_muted(tmp_path: Path) -> None:
    desk = room_desk(tmp_path, posts=[*POSTS, post(4, "biblio_ville", "Q1 go #Tag")])
    assert desk.room.frame.answers[1] == (1, 1)
    cy = next(p.item for p in room_of(desk).stream if p.item.post.author == "cy.bsky.example")
    assert texts(desk.pane.mute(cy))[0].startswith("@cy.bsky.example muted")
    assert room_of(desk).muted == ("cy.bsky.example",)  # applied by the next frame
    assert desk.room.frame.answers.get(1, (0, 0)) == (0, 0)  # out of the counts too
    host = next(p.item for p in room_of(desk).stream if p.item.kind == "host")
    assert isinstance(desk.pane.mute(host), Refused)
    assert isinstance(desk.pane.unmute("cy.bsky.example"), Done)
    assert room_of(desk).muted == ()
    assert desk.room.frame.answers[1] == (1, 1)
    assert [e.kind for e in read_events(desk.log_path)
            if e.kind in ("mute", "unmute")] == ["mute", "unmute"]


def test_a_follower_changes_nothing_in_the_room(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    plan.write_text(plan.read_text(encoding="utf-8") + FEED, encoding="utf-8")
    desk = opened(follower(plan, 10), POSTS)
    item = room_of(desk).to_answer[0].item
    for outcome in (desk.pane.welcome(None), desk.pane.handled(item), desk.pane.mute(item),
                    desk.reply_to(item), desk.highlight_post(item, None)):
        assert isinstance(outcome, Refused), outcome
    assert logged(desk, "handled") == [] and logged(desk, "mute") == []


def test_enter_shows_the_post_whole_with_what_the_room_makes_of_it(tmp_path: Path) -> None:
    hostile = post(5, "eve", "Free? \x1b]52;c;x\x07 #Tag", url="javascript:alert(1)")
    desk = room_desk(tmp_path, posts=[*POSTS, hostile])
    item = next(p.item for p in room_of(desk).stream if p.item.post.author == "bob@social.example")
    shown = desk.pane.view_post(item)
    assert isinstance(shown, PostView)
    assert shown.title.startswith("@bob@social.example · ")
    assert shown.marks == "question from the public · first post of the chat · " \
        "waiting for an answer"
    assert shown.url == "https://social.example/@bob/2"
    eve = next(p.item for p in room_of(desk).stream if p.item.post.author == "eve")
    assert desk.pane.view_post(eve).url is None  # type: ignore[union-attr]
    assert texts(desk.pane.view_post(None)) == ["No post selected"]


def test_h_files_an_answer_under_its_own_question(tmp_path: Path) -> None:
    desk = room_desk(tmp_path)
    cy = next(p.item for p in room_of(desk).stream if p.item.answers == 1)
    assert texts(desk.highlight_post(cy, None)) == ["Post by @cy.bsky.example kept under Q1"]
    [highlight] = logged(desk, "highlight")
    q1 = next(r for r in desk.session.rows if r.cue.kind == "question" and r.cue.number == 1)
    assert highlight.cue == q1.id  # type: ignore[attr-defined]


def test_a_reply_is_copied_without_an_account_and_sent_with_one(tmp_path: Path) -> None:
    desk = room_desk(tmp_path)
    ann = room_of(desk).stream[0].item
    form = desk.reply_to(ann)
    assert form == ReplyForm("@ann@far.example", network="mastodon", to=ann.post)
    copy = desk.send_reply(form, "@ann@far.example Bienvenue ! #TchatLecture")
    assert isinstance(copy, Copy) and copy.reply
    assert isinstance(desk.pane.repost(ann), Refused)  # no account to repost with

    live = room_desk(tmp_path / "live", extra=ACCOUNTS)
    ann = room_of(live).stream[0].item
    reply = live.reply_to(ann)
    assert isinstance(reply, ReplyForm)
    order = live.send_reply(reply, "@ann@far.example Welcome #TchatLecture")
    assert isinstance(order, NetworkOrder) and order.kind == "reply"
    assert order.network == "mastodon" and order.to == ann.post
    # It did not go out: copied instead, so the words are not lost, and said.
    failed = live.pane.network_done(order, Failed("mastodon", "answered 500", 0, 1))
    assert isinstance(failed, Copy) and failed.text == order.text
    assert "Reply not posted on Mastodon (answered 500)" in texts(failed)[0]
    assert isinstance(live.pane.repost(ann), NetworkOrder)


def test_a_rehearsal_never_posts_it_says_what_would_go(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        'platform = "x"', 'platforms = ["x", "bluesky", "mastodon"]') + ACCOUNTS,
        encoding="utf-8")
    desk = desk_at(plan, 10, mode="rehearsal")
    ann = Attributed(POSTS[0], "other", None)
    reply = desk.reply_to(ann)
    assert isinstance(reply, ReplyForm)
    said = desk.send_reply(reply, "@ann@far.example Welcome #TchatLecture")
    assert isinstance(said, Done)
    assert texts(said)[0].startswith("Rehearsal, nothing posted. Live, this would reply on "
                                     "Mastodon to @ann@far.example")
    assert isinstance(desk.pane.repost(ann), Done)


def test_a_key_pressed_twice_before_the_next_frame_acts_once(tmp_path: Path) -> None:
    # A flood: the feed's worker holds the conversation, so no frame shows the first
    # press before the second comes. The same action is not logged twice.
    desk = room_desk(tmp_path)
    [waiting] = room_of(desk).to_answer
    feed = desk.room.feed
    assert feed is not None
    with feed.lock:  # the worker taking a poll, from another thread's point of view
        done: list[object] = []
        thread = threading.Thread(target=lambda: done.extend([
            desk.pane.handled(waiting.item), desk.pane.handled(waiting.item),
            desk.view()]))
        thread.start()
        thread.join()
    assert isinstance(done[0], Done)
    assert texts(done[1]) == ["Already done (the key was pressed twice)"]
    assert [e.done for e in logged(desk, "handled")] == [True]  # type: ignore[attr-defined]
    assert room_of(desk).to_answer == ()  # the next frame shows it, once
    cy = next(p.item for p in room_of(desk).stream if p.item.post.author == "cy.bsky.example")
    with feed.lock:
        thread = threading.Thread(target=lambda: done.extend([
            desk.pane.mute(cy), desk.pane.mute(cy)]))
        thread.start()
        thread.join()
    assert isinstance(done[-2], Done) and isinstance(done[-1], NothingToDo)
    assert len(logged(desk, "mute")) == 1


def test_people_welcomed_are_never_named_again_before_the_frame_shows_it(
    tmp_path: Path,
) -> None:
    desk = room_desk(tmp_path)
    feed = desk.room.feed
    assert feed is not None
    form = desk.pane.welcome("mastodon")
    assert isinstance(form, ReplyForm)
    copy = desk.send_reply(form, form.text)
    assert isinstance(copy, Copy)
    with feed.lock:  # a flood: the next frame cannot be made yet
        said: list[object] = []
        thread = threading.Thread(target=lambda: said.extend([
            desk.copied(copy, "system"), desk.view(), desk.pane.welcome("mastodon")]))
        thread.start()
        thread.join()
    again = said[-1]
    assert isinstance(again, ReplyForm) and again.network == "bluesky"  # only cy is left
    assert "ann" not in again.text and "bob" not in again.text
