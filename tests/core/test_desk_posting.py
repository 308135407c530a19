"""`P` at the run desk: what it posts where, what it copies, what it asks, what it says,
and `u` right after it. The posting worker's calls are made here by hand with channels
in memory (the screen's worker and the real clients against local servers are in
tests/ui/test_posting.py)."""

from __future__ import annotations

import json
import os
import shutil
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.plan.images import Image
from tui.core.run.asrun import log_path_for, read_events
from tui.core.run.desk import RunDesk
from tui.core.run.outcomes import (
    Confirm,
    Copy,
    Done,
    NothingToDo,
    Outcome,
    Post,
    Refused,
    Unpost,
)
from tui.core.run.planlock import lock_path_for
from tui.core.run.posting import PostOrder
from tui.core.run.publish.channel import Channel, ChannelError, Reply, Sent
from tui.core.run.publish.ledger import PartRecord
from tui.core.run.publish.parts import Part
from tui.core.run.publish.publisher import publish_cue, settle, undo_cue
from tui.core.run.session import Mode, Session
from tui.core.timing.clock import FrozenClock

PLANS = Path(__file__).resolve().parents[1] / "ui" / "plans"
START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 18:00 in Paris
ACCOUNTS = '\n[accounts]\nbluesky = "citylibrary.org"\nmastodon = "@citylibrary@social.example"\n'


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


@dataclass
class FakeChannel:
    network: str
    account: str = "citylibrary.org"
    sent: list[Part] = field(default_factory=list)
    fail: ChannelError | None = None
    deleted: list[str] = field(default_factory=list)

    def sign_in(self) -> str:
        return "did:plc:x"

    def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
        if self.fail is not None:
            raise self.fail
        self.sent.append(part)
        n = len(self.sent)
        return Sent(f"at://{self.network}/{n}", f"https://{self.network}.example/{n}", "cid")

    def find(self, record: PartRecord, text: str | None) -> Sent | None:
        return Sent(f"at://{self.network}/found", f"https://{self.network}.example/found")

    def delete(self, record: PartRecord) -> None:
        self.deleted.append(record.url or "")

    def repost(self, uri: str, cid: str | None) -> Sent:
        raise AssertionError("not reposted here")


def desk_at(tmp_path: Path, minute: float, *, accounts: str = ACCOUNTS,
            mode: Mode = "live", name: str = "chat-networks") -> RunDesk:
    plan = tmp_path / f"{name}.toml"
    shutil.copy(PLANS / f"{name}.toml", plan)
    plan.write_text(plan.read_text() + accounts)
    log = log_path_for(plan) if mode == "live" else tmp_path / "rehearsal.jsonl"
    return RunDesk(Session(plan, clock=FrozenClock(at(minute)), log_path=log, mode=mode))


def texts(outcome: object) -> list[str]:
    if isinstance(outcome, Done | Copy | Post):
        return [n.text for n in outcome.notices]
    assert isinstance(outcome, Refused | NothingToDo), outcome
    return [outcome.notice.text]


def answered(outcome: Outcome) -> Outcome:
    """The first `P`'s question, answered yes."""
    assert isinstance(outcome, Confirm), outcome
    return outcome.yes()


def work(desk: RunDesk, order: PostOrder, channels: dict[str, FakeChannel]) -> Outcome:
    """What the posting worker does with `order`, then hands back to the desk."""
    run = desk.posting_run(desk.keep_posted)
    wanted: dict[str, Channel] = {n: channels[n] for n in order.networks}
    return desk.published(order, publish_cue(run, order.cue, wanted, order.networks), {})


def fakes() -> dict[str, FakeChannel]:
    return {"bluesky": FakeChannel("bluesky"), "mastodon": FakeChannel("mastodon")}


def test_a_plan_without_accounts_says_so_and_opens_no_socket(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    desk = desk_at(tmp_path, 0.5, accounts="")
    refused = desk.publish("welcome")
    assert isinstance(refused, Refused)
    assert texts(refused) == ["No accounts in this plan: P posts nothing (add [accounts] to "
                              "post from tchat; c copies the text)"]
    assert not desk.open_intents()
    assert desk.session.events == []


def test_a_follower_posts_nothing(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    lock_path_for(desk.plan_path).write_text(json.dumps(
        {"pid": os.getpid(), "host": socket.gethostname(), "started": "2026-12-03T16:00:00"}))
    desk.take_lock()
    refused = desk.publish("welcome")
    assert isinstance(refused, Refused) and texts(refused)[0].startswith("Plan open elsewhere")


def test_the_first_P_names_the_accounts_and_asks_once(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    first = desk.publish("welcome")
    assert isinstance(first, Confirm)
    assert first.title == "Post Welcome from tchat?"
    assert first.body == (
        "P posts as citylibrary.org on Bluesky and @citylibrary@social.example on "
        "Mastodon, now and at every P (asked once).\n"
        "The X text goes to the clipboard, as with c.")
    no = first.no()
    assert texts(no) == ["Nothing posted: Welcome"] and desk.session.events == []
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None
    assert post.order.networks == ("bluesky", "mastodon") and post.order.copied == ("x",)
    # The X text goes to the clipboard at once, marked on X as `c` marks it.
    assert post.copy is not None and post.copy.network == "x"
    assert post.copy.text == desk.session.row("welcome").draft_on("x").text  # type: ignore[union-attr]
    assert desk.view().by_id["welcome"].posting  # the row says "posting…"
    states = {m.network: m.state for m in desk.view().by_id["welcome"].marks}
    assert states == {"x": "due", "bluesky": "posting", "mastodon": "posting"}
    work(desk, post.order, fakes())
    # Asked once per run: the next `P` posts at once.
    clock = desk.session.clock
    assert isinstance(clock, FrozenClock)
    clock.set(at(3.2))
    assert isinstance(desk.publish("q1"), Post)


def test_P_posts_where_there_is_an_account_and_says_so_in_one_line(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None and post.copy is not None
    desk.copied(post.copy, "system")
    channels = fakes()
    done = work(desk, post.order, channels)
    assert texts(done) == ["Welcome posted on Bluesky and Mastodon · X text on the clipboard"]
    assert [len(c.sent) for c in channels.values()] == [1, 1]
    assert "@camille.bsky.social" in channels["bluesky"].sent[0].text
    view = desk.view().by_id["welcome"]
    assert [(m.network, m.state, m.link) for m in view.marks] == [
        ("x", "posted", None), ("bluesky", "posted", "https://bluesky.example/1"),
        ("mastodon", "posted", "https://mastodon.example/1")]
    assert view.posts == ("Bluesky: https://bluesky.example/1",
                          "Mastodon: https://mastodon.example/1")
    assert view.link == "https://bluesky.example/1"  # the row links to the first post
    assert desk.hour().status("welcome") == "posted" and not view.posting
    marks = [(e.network, e.via) for e in read_events(log_path_for(desk.plan_path))
             if e.kind == "mark"]
    assert marks == [("x", "system"), ("bluesky", "post"), ("mastodon", "post")]


def test_a_second_P_says_where_the_cue_already_is(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None and post.copy is not None
    work(desk, post.order, fakes())
    # X not copied yet: a second `P` posts nothing and copies X's text.
    again = desk.publish("welcome")
    assert isinstance(again, Post) and again.order is None and again.copy is not None
    desk.copied(again.copy, "system")
    third = desk.publish("welcome")
    assert isinstance(third, NothingToDo)
    [line] = texts(third)
    assert line.startswith("Welcome is already on every network, nothing sent: X 18:00 · "
                           "Bluesky https://bluesky.example/1 · Mastodon https://")


def test_a_failure_is_a_line_and_leaves_the_network_to_do_with_its_text_copied(
        tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    desk.pick_network(2)
    desk.session.skip("welcome", "x")  # X is done: nothing else goes to the clipboard
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None and post.copy is None
    channels = fakes()
    channels["mastodon"].fail = ChannelError("https://social.example answered 503")
    done = work(desk, post.order, channels)
    assert isinstance(done, Post) and done.copy is not None
    assert done.copy.row_id is None  # on the clipboard, not marked: pasted, `c` marks it
    assert done.copy.text == desk.session.row("welcome").draft_on("mastodon").text  # type: ignore[union-attr]
    assert texts(done) == [
        "Welcome posted on Bluesky",
        "Welcome not posted on Mastodon: https://social.example answered 503",
        "The Mastodon text is on the clipboard: paste it there, then c marks it"]
    view = desk.view()
    assert view.network == "mastodon"
    assert {m.network: m.state for m in view.by_id["welcome"].marks}["mastodon"] == "failed"
    assert view.by_id["welcome"].posts[-1] == (
        "Mastodon: not posted: https://social.example answered 503")
    assert desk.hour().status("welcome") == "due"
    # The next `P` goes to Mastodon only.
    retry = desk.publish("welcome")
    assert isinstance(retry, Post) and retry.order is not None
    assert retry.order.networks == ("mastodon",)


def test_a_thread_resumes_where_it_stopped_saying_so(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 58.5)
    for network in ("x", "mastodon"):
        desk.session.skip("thanks", network)
    post = answered(desk.publish("thanks/2"))
    assert isinstance(post, Post) and post.order is not None
    assert post.order.cue.id == "thanks" and post.order.networks == ("bluesky",)

    class SecondFails(FakeChannel):
        def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
            if part.part == 2:
                raise ChannelError("bsky answered 500")
            return super().send(part, reply, image)

    failing = {"bluesky": SecondFails("bluesky")}
    done = work(desk, post.order, failing)  # type: ignore[arg-type]
    assert "Thanks: 1 of 2 posted on Bluesky, the rest at the next attempt: bsky answered 500" \
        in texts(done)
    again = desk.publish("thanks/1")
    assert isinstance(again, Post) and again.order is not None
    done = work(desk, again.order, fakes())
    assert texts(done) == ["Thanks posted on Bluesky from part 2 of 2: "
                           "https://bluesky.example/1 https://bluesky.example/1"]
    assert desk.hour().status("thanks/1") == "posted"
    assert desk.hour().status("thanks/2") == "posted"


def test_a_rehearsal_sends_nothing_shows_what_would_go_and_marks_as_a_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    desk = desk_at(tmp_path, 0.5, mode="rehearsal")
    post = desk.publish("welcome")  # nothing posted: nothing to ask
    assert isinstance(post, Post) and post.order is None and post.preview is not None
    assert post.copy is not None and post.copy.network == "x"
    assert post.preview.title == "Rehearsal: what P would send for Welcome"
    body = post.preview.body
    assert "Bluesky · part 1 of 1 · " in body and "Mastodon · part 1 of 1 · " in body
    # UTF-8 byte offsets: the emoji before the tag is 4 bytes.
    assert "facets: mention camille.bsky.social (34–54), tag TeenReads (71–81)" in body
    assert "key: " in body
    assert texts(post) == ["Rehearsal: nothing sent, Welcome marked posted on Bluesky and "
                           "Mastodon"]
    state = desk.session.state
    assert state.networks_left("welcome") == ("x",)
    # `u` right after takes the rehearsal's marks back at once (nothing to delete).
    undone = desk.undo()
    assert isinstance(undone, Done)
    assert texts(undone) == ["Rehearsal: Welcome's marks taken back (nothing had been sent)"]
    assert desk.session.state.networks_left("welcome") == ("x", "bluesky", "mastodon")
    assert not desk.open_intents()


def test_u_right_after_P_offers_to_delete_what_it_posted(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None
    channels = fakes()
    work(desk, post.order, channels)
    offer = desk.undo()
    assert isinstance(offer, Confirm) and offer.title == "Delete Welcome?"
    assert "Bluesky https://bluesky.example/1 · Mastodon https://mastodon.example/1" \
        in offer.body
    unpost = offer.yes()
    assert isinstance(unpost, Unpost)
    run = desk.posting_run(desk.keep_posted)
    deleted = undo_cue(run, unpost.order.cue, {n: channels[n] for n in unpost.order.networks})
    done = desk.unposted(unpost.order, deleted)
    assert texts(done) == ["Welcome deleted from Bluesky and Mastodon, its marks taken back"]
    assert channels["bluesky"].deleted == ["https://bluesky.example/1"]
    assert desk.session.state.networks_left("welcome") == ("x", "bluesky", "mastodon")
    kinds = [e.kind for e in read_events(log_path_for(desk.plan_path))]
    assert kinds.count("post-deleted") == 2 and kinds[-2:] == ["undo", "undo"]
    # Posted again, it is a new post.
    again = desk.publish("welcome")
    assert isinstance(again, Post) and again.order is not None
    assert again.order.networks == ("bluesky", "mastodon")


def test_u_after_P_then_another_action_undoes_that_action(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None
    work(desk, post.order, fakes())
    desk.skip("q1")
    undone = desk.undo()
    assert isinstance(undone, Done) and texts(undone) == ["Undone: Q1 is no longer skipped"]
    # No longer right after: `u` takes back the marks one by one, deleting nothing.
    assert isinstance(desk.undo(), Done)


def test_a_no_to_the_deletion_keeps_the_posts_and_the_next_u_takes_a_mark(
        tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None
    work(desk, post.order, fakes())
    offer = desk.undo()
    assert isinstance(offer, Confirm)
    assert texts(offer.no()) == ["Kept: Welcome stays on Bluesky and Mastodon (the next u: "
                                 "its marks)"]
    assert isinstance(desk.undo(), Done)
    assert desk.session.state.networks_left("welcome") == ("x", "mastodon")


def test_P_ahead_of_time_asks_as_c_does(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None
    work(desk, post.order, fakes())
    early = desk.publish("q3")
    assert isinstance(early, Confirm) and early.title == "Q3 is not due yet"
    assert early.body.startswith("Q3 is planned at 18:") and early.body.endswith("Post it now?")
    assert early.confirm == "Post"


def test_open_intents_are_settled_once_at_start_up(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None

    class Lost(FakeChannel):
        def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
            raise ChannelError("no answer within 10 s", uncertain=True)

    work(desk, post.order, {"bluesky": Lost("bluesky"), "mastodon": FakeChannel("mastodon")})
    plan = desk.plan_path
    restarted = RunDesk(Session(plan, clock=FrozenClock(at(1)), log_path=log_path_for(plan)))
    assert restarted.open_intents()
    run = restarted.posting_run(restarted.keep_posted)
    found = settle(run, {"bluesky": FakeChannel("bluesky")})
    done = restarted.settled(found)
    assert texts(done) == ["An interrupted post found: Welcome is on Bluesky (logged)"]
    assert not restarted.open_intents()  # once per run


def test_Ps_copy_never_points_at_a_network_P_is_posting_on(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None and post.copy is not None
    copied = desk.copied(post.copy, "system")
    # Bluesky and Mastodon are on their way: no "next: Bluesky (c)".
    assert "next" not in texts(copied)[0] and desk.view().network == "x"
    work(desk, post.order, fakes())
    assert desk.view().network == "x"  # out everywhere: the next cue starts on X


def test_u_while_P_is_on_its_way_waits_for_it(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None and post.copy is not None
    desk.copied(post.copy, "system")
    refused = desk.undo()  # not the X mark: the P is what was just done
    assert isinstance(refused, Refused)
    assert texts(refused) == ["Welcome is being posted: once it is out, u offers to delete it"]
    assert desk.session.state.networks_left("welcome") == ("bluesky", "mastodon")
    work(desk, post.order, fakes())
    assert isinstance(desk.undo(), Confirm)


def test_u_right_after_P_takes_it_back_whole_even_when_its_copy_landed_last(
        tmp_path: Path) -> None:
    # A slow clipboard: X's copy is marked after the posts' marks.
    desk = desk_at(tmp_path, 0.5, mode="rehearsal")
    post = desk.publish("welcome")
    assert isinstance(post, Post) and post.copy is not None
    desk.copied(post.copy, "system")
    undone = desk.undo()
    assert texts(undone) == ["Rehearsal: Welcome's marks taken back (nothing had been sent)"]
    assert desk.session.state.networks_left("welcome") == ("x", "bluesky", "mastodon")
    (tmp_path / "live").mkdir()
    live = desk_at(tmp_path / "live", 0.5)
    post = answered(live.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None and post.copy is not None
    channels = fakes()
    work(live, post.order, channels)
    live.copied(post.copy, "system")  # after the posts
    offer = live.undo()
    assert isinstance(offer, Confirm)
    unpost = offer.yes()
    assert isinstance(unpost, Unpost)
    run = live.posting_run(live.keep_posted)
    live.unposted(unpost.order, undo_cue(run, unpost.order.cue, dict(channels)))
    # Deleted where tchat posted; X, pasted by hand, stays posted.
    assert live.session.state.networks_left("welcome") == ("bluesky", "mastodon")


def test_a_failure_is_said_in_the_plans_language(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    plan = desk.plan_path
    plan.write_text(plan.read_text().replace('language = "en"', 'language = "fr"'))
    desk = RunDesk(Session(plan, clock=FrozenClock(at(0.5)), log_path=log_path_for(plan)))
    desk.pick_network(2)
    desk.session.skip("welcome", "x")
    post = answered(desk.publish("welcome"))
    assert isinstance(post, Post) and post.order is not None
    channels = fakes()
    channels["mastodon"].fail = ChannelError.of(
        "post.answered_status", server="https://social.example", path="/api/v1/statuses",
        status="503", said="HTTP 503")
    done = work(desk, post.order, channels)
    line = ("https://social.example\u00a0: /api/v1/statuses a répondu par le code 503 "
            "(HTTP 503)")
    assert f"Accueil non publié sur Mastodon\u00a0: {line}" in texts(done)
    assert desk.view().by_id["welcome"].posts[-1].endswith(line)
