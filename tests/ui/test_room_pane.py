"""The room's lists in the Conversation pane, and every key on them (issue 24), and the
keys on a post (issue 27): each pressed as a moderator would, on the demo's replay."""

from __future__ import annotations

import webbrowser
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input

from tests.conftest import FakeClipboard, FakeMonotonic
from tests.ui.helpers import copies_done, record_notifications
from tui.app import TchatApp
from tui.commands.demo import demo_copy
from tui.commands.rehearse import Rehearsal, build_app
from tui.core.room.room import RoomView
from tui.screens.dialogs import PostDialog
from tui.screens.writing import ReplyDialog
from tui.widgets.conversation import ConversationPane
from tui.widgets.cuelist import CueList

WIDE, SMALL = (120, 36), (80, 24)


def demo_at(tmp_path: Path, minute: float, clipboard: FakeClipboard,
            monotonic: FakeMonotonic, lang: str = "en") -> TchatApp:
    demo = demo_copy(lang, tmp_path)
    return build_app(Rehearsal(demo, offset=timedelta(minutes=minute)), clipboard=clipboard,
                     monotonic=monotonic)


async def room_open(app: TchatApp, pilot: Any) -> RoomView:
    """Wait for the replay's conversation and the room's first frame."""
    for _ in range(400):
        await pilot.pause()
        app.run_sheet.refresh_now()
        room = app.run_sheet.desk.room.frame.room
        if room is not None and room.stream:
            return room
    raise AssertionError("the room never opened")


def room(app: TchatApp) -> RoomView:
    app.run_sheet.refresh_now()
    view = app.run_sheet.desk.room.frame.room
    assert view is not None
    return view


def pane(app: TchatApp) -> ConversationPane:
    return app.run_sheet.query_one(ConversationPane)


def text_of(app: TchatApp) -> str:
    return pane(app).render().plain


def logged(app: TchatApp, kind: str) -> list[Any]:
    return [e for e in app.session.log.read() if e.kind == kind]


async def frame(app: TchatApp, pilot: Any) -> None:
    app.run_sheet.refresh_now()
    await pilot.pause()


# --- where the pane shows -------------------------------------------------------------

async def test_the_pane_shows_itself_beside_the_cues_when_roomy(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        sheet = app.run_sheet
        assert sheet.has_class("-conversation") and pane(app).display
        assert sheet.query_one(CueList).has_focus  # shown, not taking the keys
        assert pane(app).region.width > 0 and sheet.query_one(CueList).region.width > 0
        await pilot.press("space")  # the checklist comes up in the pane's place
        assert sheet.has_class("-checklist-up") and not pane(app).region.width
        await pilot.press("escape")
        assert not sheet.has_class("-checklist-up") and pane(app).region.width
        await pilot.press("f")  # shown: f gives it the focus
        assert pane(app).has_focus and sheet.has_class("-conversation")
        await pilot.press("f")  # then hides it
        assert not sheet.has_class("-conversation") and sheet.query_one(CueList).has_focus
        await pilot.resize_terminal(*SMALL)  # the moderator's f holds at any size
        await pilot.pause()
        assert not sheet.has_class("-conversation")


async def test_the_pane_stays_behind_f_on_a_small_terminal(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    async with app.run_test(size=SMALL) as pilot:
        await room_open(app, pilot)
        sheet = app.run_sheet
        assert not sheet.has_class("-conversation")
        await pilot.press("f")  # the main row whole: the cue list makes way
        assert sheet.has_class("-conversation") and pane(app).has_focus
        assert not sheet.query_one(CueList).region.width
        await pilot.press("escape")  # the cue list back
        assert not sheet.has_class("-conversation") and sheet.query_one(CueList).has_focus
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert not sheet.has_class("-conversation")  # esc said so; a resize does not undo it


@pytest.mark.parametrize("size", [WIDE, SMALL])
async def test_an_arrow_typed_right_after_f_goes_to_the_pane(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
    size: tuple[int, int],
) -> None:
    """`f` then `→` typed in one breath (a terminal hands both over in one read): the
    arrow reaches the pane `f` went to, not the cue list it left."""
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    async with app.run_test(size=size) as pilot:
        await room_open(app, pilot)
        # Both keys in the queue before the app handles the first, as a terminal's
        # driver puts them (pilot.press would wait for the app between them).
        app.post_message(events.Key("f", "f"))
        app.post_message(events.Key("right", None))
        for _ in range(20):
            await pilot.pause()
            if pane(app).tab != "stream":
                break
        assert pane(app).has_focus and pane(app).tab == "welcome"


# --- the lists and their keys ---------------------------------------------------------

async def test_lists_are_counted_in_the_bar_and_switched_with_the_arrows(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        await pilot.press("f")
        bar = text_of(app).split("\n")[0]
        assert "Welcome 5" in bar and "Answer 1" in bar and "Featured 3" in bar
        await pilot.press("right")
        assert pane(app).tab == "welcome"
        assert "@amara_k" in text_of(app) and "+ " in text_of(app)
        await pilot.press("right")
        assert pane(app).tab == "answer" and "Will this chat be saved" in text_of(app)
        await pilot.press("right")
        assert pane(app).tab == "featured" and "★ SafeScreens Foundation" in text_of(app)
        await pilot.press("right")
        assert pane(app).tab == "muted" and "Nobody muted" in text_of(app)
        await pilot.press("right", "left", "left")  # wraps round, both ways
        assert pane(app).tab == "featured"


async def test_w_welcomes_up_to_three_and_they_leave_the_list(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    seen = record_notifications(app)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        await pilot.press("f", "right", "down", "down")  # a Bluesky person
        assert pane(app).tab == "welcome"
        await pilot.press("w")
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog)
        field = dialog.query_one("#reply-input", Input)
        value = field.value
        await pilot.pause()
        # Wider than the field: it shows the end, the tag, where the cursor is.
        assert len(value) > field.content_size.width and field.scroll_x > 0
        # The selected person's network: the three Bluesky people, in one reply.
        assert "@lagos.techgirls.example" in value and "@nia.w.example" in value
        assert "@spam_bot_99.example" in value and "amara_k" not in value
        assert value.endswith("#GirlsSafeOnline")
        await pilot.press("enter")
        await copies_done(app, pilot)
        assert fake_clipboard.text == value
        assert "Welcome copied (system): 3 people welcomed" in seen
        [welcome] = logged(app, "welcome")
        assert welcome.network == "bluesky" and len(welcome.accounts) == 3
        await frame(app, pilot)
        assert [p.network for p in room(app).to_welcome] == ["mastodon", "mastodon"]
        await pilot.press("w", "enter")  # then the two on Mastodon
        await copies_done(app, pilot)
        assert "@amara_k@social.example" in fake_clipboard.text
        await frame(app, pilot)
        assert room(app).to_welcome == ()
        await pilot.press("w")  # nobody left: said, no dialog
        await pilot.pause()
        assert not isinstance(app.screen, ReplyDialog)
        assert seen[-1] == "Nobody to welcome yet"
        assert "Nobody to welcome" in text_of(app)


async def test_x_marks_a_post_handled_and_u_puts_it_back(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        await pilot.press("f", "right", "right")
        assert pane(app).tab == "answer"
        await pilot.press("x")
        [handled] = logged(app, "handled")
        assert handled.done is True and handled.network == "mastodon"
        await frame(app, pilot)
        assert room(app).to_answer == () and room(app).answered == 1
        assert "Nothing waiting" in text_of(app)
        await pilot.press("x")  # nothing selected in an empty list: nothing to do
        assert len(logged(app, "handled")) == 1
        await pilot.press("u")  # u takes the room's last action back, logged too
        await frame(app, pilot)
        assert [e.done for e in logged(app, "handled")] == [True, False]
        assert len(room(app).to_answer) == 1
        await pilot.press("x", "x")  # a double press: handled once, the list then empty
        await frame(app, pilot)
        assert [e.done for e in logged(app, "handled")] == [True, False, True]
        assert room(app).to_answer == ()


async def test_m_mutes_an_author_everywhere_and_the_muted_list_unmutes(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        await pilot.press("f")
        answers_before = app.run_sheet.desk.room.frame.answers[2]
        spam = next(i for i, p in enumerate(room(app).stream)
                    if p.item.post.author == "spam_bot_99.example")
        await pilot.press(*["up"] * (len(room(app).stream) - 1 - spam))
        await frame(app, pilot)
        selected = pane(app).selected
        assert selected is not None and selected.post.author == "spam_bot_99.example"
        await pilot.press("m")
        [muted] = logged(app, "mute")
        assert muted.accounts == ("spam_bot_99.example",)
        await frame(app, pilot)
        view = room(app)
        assert all(p.item.post.author != "spam_bot_99.example" for p in view.stream)
        assert view.muted == ("spam_bot_99.example",)
        assert "FREE GIFT" not in text_of(app)
        # Out of the counts too: its A2 no longer counts for Q2.
        assert app.run_sheet.desk.room.frame.answers[2][0] == answers_before[0] - 1
        await pilot.press("left")  # round to the muted list
        assert pane(app).tab == "muted" and "@spam_bot_99.example" in text_of(app)
        await pilot.press("m")
        assert [e.kind for e in app.session.log.read() if e.kind in ("mute", "unmute")] == [
            "mute", "unmute"]
        await frame(app, pilot)
        assert room(app).muted == ()
        assert app.run_sheet.desk.room.frame.answers[2] == answers_before


async def test_the_host_is_never_muted(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        await pilot.press("f")
        host = next(i for i, p in enumerate(room(app).stream) if p.item.kind == "host")
        await pilot.press(*["up"] * (len(room(app).stream) - 1 - host))
        await frame(app, pilot)
        await pilot.press("m")
        assert logged(app, "mute") == []


async def test_reading_holds_the_stream_and_counts_what_arrives(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 12.5, fake_clipboard, fake_monotonic)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        await pilot.press("f", "up", "up")
        await frame(app, pilot)
        held = pane(app).selected
        assert held is not None
        fake_monotonic.advance(3 * 60)  # minute 15.5: more posts arrive
        for _ in range(50):
            await frame(app, pilot)
            if room(app).new:
                break
        assert room(app).new > 0
        assert pane(app).selected == held  # the selection did not move
        assert f"+{room(app).new}" in text_of(app).split("\n")[0]
        assert "new · end shows them" in text_of(app)
        await pilot.press("end")
        await frame(app, pilot)
        assert room(app).new == 0 and room(app).selected is None


async def test_the_pace_of_the_question_asked_last_is_where_the_next_question_is(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic, lang="fr")
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        line = app.run_sheet.desk.view().next.answers
        assert line.startswith("Q2 · ") and "/min" in line
        assert line.endswith(("en hausse", "stable", "ralentit", "calme")), line


# --- the keys on a post ---------------------------------------------------------------

async def test_enter_shows_the_post_whole_and_o_copies_its_link_without_a_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_monotonic: FakeMonotonic,
    fake_clipboard: FakeClipboard,
) -> None:
    def no_browser(using: str | None = None) -> webbrowser.BaseBrowser:
        raise webbrowser.Error("no browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    async with app.run_test(size=SMALL) as pilot:
        await room_open(app, pilot)
        await pilot.press("f")
        selected = pane(app).selected
        assert selected is not None
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, PostDialog)
        assert dialog.text == selected.post.text  # whole, not the line's excerpt
        assert dialog.url == selected.post.url
        assert dialog.title_text.startswith("@nia.w.example")
        assert "A2: answers Q2" in dialog.marks
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await copies_done(app, pilot)
        assert not isinstance(app.screen, PostDialog)
        assert fake_clipboard.text == selected.post.url  # no browser here: copied
        await pilot.press("o")  # in the pane itself: "opening…", then not
        await app.workers.wait_for_complete()
        await copies_done(app, pilot)
        assert fake_clipboard.copied == [selected.post.url] * 2
        # What stays on screen says so; "opening in the browser" is gone.
        shown = [n.text for n in app.run_sheet.notices.shown()]
        assert not any("browser" in t and "No browser" not in t for t in shown), shown
        assert any(t.startswith("No browser here: the post's link is copied") for t in shown)
        assert logged(app, "reply") == []  # a link is not a reply


async def test_h_on_an_answer_files_it_under_its_question(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        await pilot.press("f")
        stream = room(app).stream
        a1 = max(i for i, p in enumerate(stream) if p.item.answers == 1)
        await pilot.press(*["up"] * (len(stream) - 1 - a1))
        await frame(app, pilot)
        selected = pane(app).selected
        assert selected is not None and selected.answers == 1
        await pilot.press("h")
        [highlight] = logged(app, "highlight")
        q1 = next(r for r in app.session.rows if r.cue.kind == "question" and r.cue.number == 1)
        assert highlight.cue == q1.id  # Q2 was asked last: the post's own question wins


async def test_r_on_a_french_post_gets_french_typography(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic, lang="fr")
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        await pilot.press("f", "r")
        assert isinstance(app.screen, ReplyDialog)
        await pilot.press(*"Merci !", "enter")
        await copies_done(app, pilot)
        assert "Merci\u00a0!" in fake_clipboard.text
        assert fake_clipboard.text.startswith("@")


async def test_b_without_an_account_says_so_and_opens_no_socket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_monotonic: FakeMonotonic,
    fake_clipboard: FakeClipboard,
) -> None:
    from tests.ui.helpers import refuse_network

    attempts = refuse_network(monkeypatch)
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    seen = record_notifications(app)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        await pilot.press("f", "b")
        await pilot.pause()
        assert any("No Bluesky account in [accounts]" in m for m in seen), seen
    assert attempts == []


# --- the conversation's worker: a [feed] reload applies, quitting stops the sources ----

RECORDING = (
    '{"v":1,"start":"2025-06-01T10:00:00+00:00"}\n'
    '{"platform":"bluesky","id":"at://x/1","author":"zoe.example","name":"Zoe",'
    '"text":"A1 another time","url":"https://bsky.app/profile/zoe.example/post/1",'
    '"created_at":"2025-06-01T10:06:00+00:00"}\n')


async def test_a_reload_that_changes_feed_opens_the_conversation_again(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    from tests.ui.helpers import watcher_polled

    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    plan = tmp_path / "demo-en.toml"
    (tmp_path / "other.jsonl").write_text(RECORDING, encoding="utf-8")
    seen = record_notifications(app)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace('replay = "demo-en.conversation.jsonl"',
                                     'replay = "other.jsonl"'), encoding="utf-8")
        await watcher_polled(app, pilot)
        for _ in range(400):
            await frame(app, pilot)
            stream = app.run_sheet.desk.room.frame.room
            if stream is not None and [p.item.post.author for p in stream.stream] == [
                    "zoe.example"]:
                break
        else:
            raise AssertionError("the new replay never showed")
        assert "zoe.example" in text_of(app) and app.run_sheet.has_class("-conversation")
        # Without [feed]: the pane goes, and f says why.
        plan.write_text(text.replace('[feed]\nreplay = "demo-en.conversation.jsonl"\n', ""),
                        encoding="utf-8")
        await watcher_polled(app, pilot)
        await frame(app, pilot)
        assert not app.run_sheet.has_class("-conversation")
        assert app.run_sheet.desk.room.frame.room is None
        await pilot.press("f")
        await pilot.pause()
        assert "No conversation: add a [feed] table to the plan (see the README)" in seen


async def test_quitting_cancels_the_sources_requests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_clipboard: FakeClipboard,
    mastodon: Any,
) -> None:
    from tests.ui.helpers import at, copy_plan, make_app
    from tui.core.timing.clock import FrozenClock
    from tui.feed.poller import FeedPoller

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.delenv("TCHAT_MASTODON_TOKEN", raising=False)
    cancelled: list[FeedPoller] = []
    cancel = FeedPoller.cancel

    def recorded(self: FeedPoller) -> None:
        cancelled.append(self)
        cancel(self)

    monkeypatch.setattr(FeedPoller, "cancel", recorded)
    _server, data = mastodon
    plan = copy_plan(tmp_path)
    plan.write_text(plan.read_text(encoding="utf-8")
                    + f'\n[feed]\nmastodon = "{data.base}"\n', encoding="utf-8")
    data.add("ann", "<p>R1 oui</p>", at(5.5))
    app = make_app(plan, FrozenClock(at(6)), fake_clipboard)
    async with app.run_test(size=WIDE) as pilot:
        for _ in range(600):
            await pilot.pause(0.01)
            feed = app.run_sheet.desk.room.feed
            if feed is not None and feed.conversation.counts.posts == 1:
                break
        else:
            raise AssertionError("the feed never brought the post")
        assert app.run_sheet.has_class("-conversation")  # [feed], 120x36: shown by itself
        assert cancelled == []
    assert len(cancelled) == 1  # the run ended: its sources' requests stopped


# --- replying and reposting from the pane, with an [accounts] account -----------------

async def test_r_and_b_post_on_the_posts_network_with_the_plans_account(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_clipboard: FakeClipboard,
    mastodon: Any, mastodon_account: Any,
) -> None:
    from tests.ui.helpers import at, copy_plan, make_app
    from tui.core.timing.clock import FrozenClock

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    _feed_server, feed = mastodon
    _server, account = mastodon_account
    monkeypatch.setenv("TCHAT_MASTODON_TOKEN", account.token)
    plan = copy_plan(tmp_path)
    plan.write_text(
        plan.read_text(encoding="utf-8").replace('platform = "x"',
                                                 'platforms = ["x", "mastodon"]')
        + f'\n[feed]\nmastodon = "{feed.base}"\n'
        + f'\n[accounts]\nmastodon = "@endcm@social.example"\n'
          f'mastodon_server = "{account.base}"\n', encoding="utf-8")
    status = feed.add("ann", "<p>Une question : est-ce enregistré ?</p>", at(5.5))
    uri = next(s["uri"] for s in feed.statuses if s["id"] == status)
    account.known[uri] = "777"  # the account's server finds the post under its own id
    app = make_app(plan, FrozenClock(at(6)), fake_clipboard)
    seen = record_notifications(app)
    async with app.run_test(size=WIDE) as pilot:
        for _ in range(600):
            await pilot.pause(0.01)
            app.run_sheet.refresh_now()
            frame_room = app.run_sheet.desk.room.frame.room
            if frame_room is not None and frame_room.stream:
                break
        else:
            raise AssertionError("the feed never brought the post")
        await pilot.press("f", "r")
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog)
        assert dialog.query_one("#dialog-hint").render().plain.startswith(  # type: ignore[attr-defined]
            "entrée publie la réponse")
        await pilot.press(*"Oui !", "enter")
        for _ in range(600):
            await pilot.pause(0.01)
            if logged(app, "reply"):
                break
        [reply] = logged(app, "reply")
        [sent] = account.posts
        import json

        body = json.loads(sent.body)
        assert body["in_reply_to_id"] == "777"
        assert body["status"].endswith("Oui\u00a0! #TchatLecture")
        assert reply.url and reply.url.startswith(account.base)
        assert any(m.startswith("Réponse publiée sur Mastodon") for m in seen), seen
        assert fake_clipboard.text is None or "Oui" not in fake_clipboard.text  # posted
        await pilot.press("b")
        for _ in range(600):
            await pilot.pause(0.01)
            if account.reblogs:
                break
        assert list(account.reblogs) == ["777"]
        assert any(m.startswith("Repartagé sur Mastodon") for m in seen), seen


async def test_x_pressed_twice_before_the_pane_is_drawn_again_acts_once(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    # Both presses reach the pane before the first one's message is handled (a key
    # bounce, `x x` typed fast): both act on what was on screen, and the post stays
    # handled (seen live in tmux: it was put back on the list).
    app = demo_at(tmp_path, 14, fake_clipboard, fake_monotonic)
    async with app.run_test(size=WIDE) as pilot:
        await room_open(app, pilot)
        await pilot.press("f", "right", "right")
        conversation = pane(app)
        assert conversation.tab == "answer"
        conversation.action_choose("handled")
        conversation.action_choose("handled")  # the pane not drawn again in between
        await pilot.pause()
        await frame(app, pilot)
        assert [e.done for e in logged(app, "handled")] == [True]
        assert room(app).to_answer == ()
