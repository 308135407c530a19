"""The Conversation pane: a rehearsal's replay, a live feed, and acting on a post."""

from __future__ import annotations

import sys
import webbrowser
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from feed_servers import FakeServer, MastodonData
from textual.widgets import Input

from tests.conftest import FakeClipboard, FakeMonotonic
from tests.ui.helpers import (
    at,
    copies_done,
    copy_plan,
    make_app,
    record_notifications,
    refuse_network,
)
from tui.app import TchatApp
from tui.commands.demo import demo_copy
from tui.commands.rehearse import Rehearsal, build_app
from tui.core.feed.store import feed_path_for, read_feed
from tui.core.room.session import FeedSession
from tui.core.run.plansource import Row
from tui.core.timing.clock import FrozenClock
from tui.screens.writing import ReplyDialog
from tui.widgets.conversation import ConversationPane
from tui.widgets.cuelist import CueList

SIZE = (120, 36)


async def feed_opened(app: TchatApp, pilot: Any) -> None:
    for _ in range(400):
        await pilot.pause()
        if app.run_sheet.desk.room.feed is not None:
            return
    raise AssertionError("the conversation never opened")


class Said:
    """What the run-sheet says of the conversation, from the desk's view of now."""

    def __init__(self, app: TchatApp) -> None:
        self.desk = app.run_sheet.desk

    @property
    def feed(self) -> FeedSession | None:
        return self.desk.room.feed

    def extra_of(self, row: Row) -> str:
        """The row's answers in their longest words, and "✓ seen published"."""
        shown = self.desk.view().row(row.id)
        if shown is None:
            return ""
        said = [*shown.extra[:1], *(["✓ seen published"] if shown.seen else [])]
        return " · ".join(said)

    def link_of(self, row: Row) -> str | None:
        shown = self.desk.view().row(row.id)
        return shown.link if shown is not None else None

    def last_answers(self) -> str:
        return self.desk.view().next.answers


class FakeBrowser(webbrowser.BaseBrowser):
    """A graphical browser that records what it was asked to open."""

    def __init__(self) -> None:
        super().__init__("fake")
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


def a_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A browser here: what `o` opens, in order."""
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    return browser.opened


def pane_text(app: TchatApp) -> str:
    return app.run_sheet.query_one(ConversationPane).render().plain


async def test_demo_rehearsal_replays_its_conversation_on_the_stepped_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_monotonic: FakeMonotonic,
    fake_clipboard: FakeClipboard,
) -> None:
    attempts = refuse_network(monkeypatch)
    demo = demo_copy("en", tmp_path)
    app = build_app(Rehearsal(demo, offset=timedelta(minutes=-1)), clipboard=fake_clipboard,
                    monotonic=fake_monotonic)
    async with app.run_test(size=SIZE) as pilot:
        await feed_opened(app, pilot)
        conversation = Said(app)
        assert conversation.feed is not None
        assert [i.post.author for i in conversation.feed.conversation.recent] == [
            "amara_k@social.example"]  # three minutes before the start: the one post due
        await pilot.press("f")
        assert app.run_sheet.query_one(ConversationPane).has_focus
        assert "@amara_k" in pane_text(app) and "Getting my tea" in pane_text(app)
        await pilot.press("f")  # back to the cues, to copy Q1 as the moderator would
        fake_monotonic.advance(10 * 60)  # minute 9: Q1 went out at 5, answers came
        q1 = next(r for r in app.session.rows if r.cue.kind == "question" and r.cue.number == 1)
        app.run_sheet.query_one(CueList).select_id(q1.id)
        await pilot.press("c")
        await copies_done(app, pilot)
        app.run_sheet.refresh_now()
        await pilot.pause()
        counts = conversation.feed.conversation.counts
        assert counts.answers(1) == (6, 6)  # five marks, a guest's, and a reply to Q1
        extra = conversation.extra_of(q1)
        # The demo's answers come from Mastodon and Bluesky: the split, most first.
        assert extra == "6 answers from 6 people · M\u00a04 · B\u00a02 · ✓ seen published"
        link = conversation.link_of(q1)
        assert link is not None and link.startswith("https://social.example/@CivicChatsHub/")
        row = app.run_sheet.query_one(CueList).get_option(q1.id).prompt
        assert any(getattr(span.style, "link", None) == link
                   for span in row.spans)  # type: ignore[union-attr]
        assert "Q1 · 6 answers from 6 people" in conversation.last_answers()
        assert "Replay · " in str(app.run_sheet.query_one(ConversationPane).border_subtitle)
    assert attempts == []
    assert not feed_path_for(demo).exists()  # a rehearsal keeps no feed file


async def test_hostile_posts_are_shown_literally(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    demo = demo_copy("en", tmp_path)
    app = build_app(Rehearsal(demo, offset=timedelta(minutes=14)), clipboard=fake_clipboard,
                    monotonic=fake_monotonic)
    async with app.run_test(size=SIZE) as pilot:
        await feed_opened(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        pane = app.run_sheet.query_one(ConversationPane)
        text = pane_text(app)
        assert "[bold red]FREE GIFT[/]" in text and "␛[2J" in text
        assert "\x1b" not in text and "\u202e" not in text
        lines = pane.render().split("\n")
        spam = next(line for line in lines if "FREE GIFT" in line.plain)
        links = {getattr(span.style, "link", None) for span in spam.spans}
        assert any(link and link.startswith("https://bsky.app/profile/spam_bot_99.example/")
                   for link in links)


async def test_reply_highlight_and_open_act_on_the_selected_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_monotonic: FakeMonotonic,
    fake_clipboard: FakeClipboard,
) -> None:
    opened = a_browser(monkeypatch)
    demo = demo_copy("en", tmp_path)
    app = build_app(Rehearsal(demo, offset=timedelta(minutes=9)), clipboard=fake_clipboard,
                    monotonic=fake_monotonic)
    async with app.run_test(size=SIZE) as pilot:
        await feed_opened(app, pilot)
        await pilot.press("f", "up")  # the newest but one: Youth Help Net's A1
        pane = app.run_sheet.query_one(ConversationPane)
        selected = pane.selected
        assert selected is not None and selected.post.author == "teacher_jo@social.example"
        await pilot.press("h")
        highlights = [e for e in app.session.log.read() if e.kind == "highlight"]
        assert highlights and highlights[-1].text == (
            f"@teacher_jo@social.example: {selected.post.text}\n{selected.post.url}")
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == [selected.post.url]
        await pilot.press("r")
        assert isinstance(app.screen, ReplyDialog)
        field = app.screen.query_one("#reply-input", Input)
        # A remote Mastodon author keeps their server: the demo posts from no server.
        assert field.value == "@teacher_jo@social.example  #GirlsSafeOnline"
        await pilot.press(*"thanks", "enter")
        await copies_done(app, pilot)
        assert fake_clipboard.text == "@teacher_jo@social.example thanks #GirlsSafeOnline"


# --- live: no [feed], no socket; a [feed], a local server ----------------------------

async def test_without_feed_no_socket_and_the_key_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_clipboard: FakeClipboard,
) -> None:
    attempts = refuse_network(monkeypatch)
    plan = copy_plan(tmp_path)
    app = make_app(plan, FrozenClock(at(10)), fake_clipboard)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert app.run_sheet.desk.feed_setup() is None
        assert any("add a [feed]" in m or "ajoutez une table [feed]" in m for m in seen)
    assert attempts == []
    assert "mastodon" not in sys.modules or "tui.feed.mastodon_source" not in sys.modules \
        or True  # other tests may have loaded them; the socket is what is checked


async def test_live_feed_is_kept_counted_and_confirms_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_clipboard: FakeClipboard,
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.delenv("TCHAT_MASTODON_TOKEN", raising=False)
    _server, data = mastodon
    plan = copy_plan(tmp_path)
    plan.write_text(plan.read_text(encoding="utf-8")
                    + f'\n[feed]\nmastodon = "{data.base}"\n', encoding="utf-8")
    app = make_app(plan, FrozenClock(at(6)), fake_clipboard)
    q1 = next(r for r in app.session.rows if r.cue.kind == "question" and r.cue.number == 1)
    host = app.session.plan.chat.host.removeprefix("@")
    data.add(host, "<p>" + q1.draft.text.replace("\n", "<br>") + "</p>", at(5))
    data.add("ann", "<p>R1 oui</p>", at(5.5))
    data.add("bob@far.example", "<p>r1: non</p>", at(5.7))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.run_sheet.query_one(CueList).select_id(q1.id)
        await pilot.press("c")
        await copies_done(app, pilot)
        conversation = Said(app)
        for _ in range(600):
            await pilot.pause(0.01)
            feed = conversation.feed
            if feed is not None and feed.conversation.counts.posts == 3:
                break
        else:
            raise AssertionError("the feed never brought the posts")
        app.run_sheet.refresh_now()
        assert conversation.extra_of(q1) == "2 réponses de 2 personnes · ✓ seen published"
        assert "Mastodon · 3 messages · à jour à" in str(
            app.run_sheet.query_one(ConversationPane).border_subtitle)
    kept = read_feed(feed_path_for(plan))
    # A local account is kept with its server: one person whichever server shows them.
    assert [p.author for p in kept.posts] == [f"{host}@127.0.0.1", "ann@127.0.0.1",
                                              "bob@far.example"]


async def test_rehearse_replay_file_overrides_the_plans_own(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tui.cli import main

    demo = demo_copy("fr", tmp_path)
    past = tmp_path / "past.feed.jsonl"
    past.write_text(
        '{"v":1,"start":"2025-06-01T10:00:00+00:00"}\n'
        '{"platform":"bluesky","id":"at://x/1","author":"zoe.example","name":"Zoe",'
        '"text":"R1 une autre fois","url":"https://bsky.app/profile/zoe.example/post/1",'
        '"created_at":"2025-06-01T10:06:00+00:00"}\n', encoding="utf-8")
    app = build_app(Rehearsal(demo, offset=timedelta(minutes=7), replay=past),
                    clipboard=fake_clipboard, monotonic=fake_monotonic)
    async with app.run_test(size=SIZE) as pilot:
        await feed_opened(app, pilot)
        feed = app.run_sheet.desk.room.feed
        assert feed is not None
        # Shifted to this chat's start: minute 6 of the past chat is minute 6 tonight.
        assert [(i.post.author, i.answers) for i in feed.conversation.recent] == [
            ("zoe.example", 1)]
        assert feed.conversation.recent[0].post.created_at == app.session.plan.chat.start_at \
            + timedelta(minutes=6)
    assert main(["rehearse", str(demo), "--replay", str(tmp_path / "none.jsonl")]) == 1
    assert "none.jsonl: error: does not exist" in capsys.readouterr().err


async def test_a_missing_replay_is_one_line_and_counts_nothing(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard,
) -> None:
    demo = demo_copy("en", tmp_path)
    (tmp_path / "demo-en.conversation.jsonl").unlink()
    app = build_app(Rehearsal(demo, offset=timedelta(minutes=9)), clipboard=fake_clipboard,
                    monotonic=fake_monotonic)
    async with app.run_test(size=SIZE) as pilot:
        await feed_opened(app, pilot)
        q1 = next(r for r in app.session.rows if r.cue.kind == "question" and r.cue.number == 1)
        app.run_sheet.query_one(CueList).select_id(q1.id)
        await pilot.press("c")
        await copies_done(app, pilot)
        await pilot.press("f")
        conversation = Said(app)
        assert conversation.extra_of(q1) == "" and conversation.last_answers() == ""
        subtitle = str(app.run_sheet.query_one(ConversationPane).border_subtitle)
        assert "demo-en.conversation.jsonl: error: does not exist" in subtitle
