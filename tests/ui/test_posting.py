"""`P` in the run-sheet, against local servers on 127.0.0.1 speaking Bluesky's XRPC and
Mastodon's REST (tests/feed_servers.py): the first `P` asks once, the cue goes out on
both accounts while X's text goes to the clipboard, `u` right after deletes it, an
intent a crash left open is settled at start-up, and the run signs in to Bluesky once.
A plan without `[accounts]` opens no socket. The desk's rules are in
tests/core/test_desk_posting.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from feed_servers import BlueskyPds, FakeServer, MastodonAccount

from tests.conftest import FakeClipboard
from tests.ui.helpers import (
    at,
    copies_done,
    copy_plan,
    make_app,
    record_notifications,
    refuse_network,
)
from tui.app import TchatApp
from tui.core.run.asrun import AsRunLog, log_path_for, read_events
from tui.core.timing.clock import FrozenClock
from tui.screens.dialogs import ConfirmDialog
from tui.widgets.cuelist import CueList


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TCHAT_BLUESKY_APP_PASSWORD", "TCHAT_MASTODON_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


def with_accounts(tmp_path: Path, pds: str, mastodon: str) -> Path:
    plan = copy_plan(tmp_path, "chat-networks")
    plan.write_text(plan.read_text() + (
        f'\n[accounts]\nbluesky = "endcm.org"\nbluesky_service = "{pds}"\n'
        f'mastodon = "@endcm@social.example"\nmastodon_server = "{mastodon}"\n'))
    return plan


def row_text(app: TchatApp, index: int) -> str:
    return str(app.run_sheet.query_one(CueList).get_option_at_index(index).prompt)


async def posted(app: TchatApp, pilot: object) -> None:
    """Wait until posting's worker and the copies are done and their results shown."""
    await copies_done(app, pilot)
    await pilot.pause()  # type: ignore[attr-defined]


async def test_P_posts_on_both_accounts_copies_X_and_u_right_after_deletes(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str],
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path,
        fake_clipboard: FakeClipboard, monkeypatch: pytest.MonkeyPatch) -> None:
    _s, pds, pds_base = bluesky_pds
    _m, account = mastodon_account
    monkeypatch.setenv("TCHAT_BLUESKY_APP_PASSWORD", pds.password)
    monkeypatch.setenv("TCHAT_MASTODON_TOKEN", account.token)
    plan = with_accounts(tmp_path, pds_base, account.base)
    app = make_app(plan, FrozenClock(at(0.5)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # the first P names the accounts
        await pilot.press("y")
        await posted(app, pilot)
        assert len(pds.posts()) == 1 and len(account.statuses) == 1
        assert "#TeenReads" in account.statuses[0]["text"]
        assert fake_clipboard.copied and "@camille_lit" in fake_clipboard.copied[-1]
        assert "Welcome posted on Bluesky and Mastodon · X text on the clipboard" in said
        assert "X✓ B✓ M✓" in row_text(app, 0)
        # The row links to the posts, in the draft pane's notes (the selection went on
        # to Q1, the next cue: back up to the welcome).
        assert app.run_sheet.cues.selected_id == "q1"
        await pilot.press("up")
        await pilot.pause()
        notes = app.run_sheet.query_one("#draft-body").note_shown  # type: ignore[attr-defined]
        assert f"Mastodon: {account.base}/@endcm/" in notes
        # Again: nothing is sent twice; it says where the cue is.
        await pilot.press("P")
        await posted(app, pilot)
        assert said[-1].startswith("Welcome is already on every network, nothing sent: X ")
        assert len(pds.creates) == 1 and len(account.posts) == 1
        # `u` right after the P offers to delete what it posted.
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await posted(app, pilot)
        assert pds.posts() == [] and account.statuses == []
        assert "Welcome deleted from Bluesky and Mastodon, its marks taken back" in said
        assert "B! M!" in row_text(app, 0)
        # One run, one Bluesky sign-in: the post and the deletion shared the session.
        assert pds.sessions == 1
    kinds = [e.kind for e in read_events(log_path_for(plan))]
    assert kinds.count("post-intent") == 2 and kinds.count("post-deleted") == 2


async def test_a_plan_without_accounts_says_why_P_cannot_post_and_opens_no_socket(
        tmp_path: Path, fake_clipboard: FakeClipboard,
        monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = refuse_network(monkeypatch)
    app = make_app(copy_plan(tmp_path, "chat-networks"), FrozenClock(at(0.5)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("P")
        await posted(app, pilot)
        assert said[-1] == ("No accounts in this plan: P posts nothing (add [accounts] to "
                            "post from tchat; c copies the text)")
    assert attempts == [] and fake_clipboard.copied == []


async def test_a_failure_is_a_line_and_its_text_goes_to_the_clipboard(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str],
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path,
        fake_clipboard: FakeClipboard, monkeypatch: pytest.MonkeyPatch) -> None:
    _s, pds, pds_base = bluesky_pds
    _m, account = mastodon_account
    monkeypatch.setenv("TCHAT_BLUESKY_APP_PASSWORD", pds.password)  # no Mastodon token
    plan = with_accounts(tmp_path, pds_base, account.base)
    AsRunLog(log_path_for(plan))  # a fresh log
    app = make_app(plan, FrozenClock(at(0.5)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("1", "c")  # X by hand first
        await posted(app, pilot)
        await pilot.press("P", "y")
        await posted(app, pilot)
        assert len(pds.posts()) == 1 and account.posts == []
        assert any(s.startswith("Welcome not sent to Mastodon: no credential for "
                                "@endcm@social.example") for s in said)
        assert "The Mastodon text is on the clipboard: paste it there, then c marks it" in said
        assert said[-1] == "Welcome on Mastodon copied (system clipboard)"  # not marked
        assert "@camille@books.example" in fake_clipboard.copied[-1]
        assert "X✓ B✓ M!" in row_text(app, 0)
        assert app.run_sheet.query_one("#draft").border_title == "Text to paste · Mastodon"


async def test_an_intent_a_crash_left_open_is_settled_at_start_up(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str],
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path,
        fake_clipboard: FakeClipboard, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.cli import main

    _s, pds, pds_base = bluesky_pds
    _m, account = mastodon_account
    monkeypatch.setenv("TCHAT_BLUESKY_APP_PASSWORD", pds.password)
    plan = with_accounts(tmp_path, pds_base, account.base)
    assert main(["post", str(plan), "welcome", "--network", "bluesky"]) == 0
    # The crash: the post went out, its answer and the mark never reached the log.
    log = log_path_for(plan)
    lines = [line for line in log.read_text().splitlines()
             if '"post-done"' not in line and '"mark"' not in line]
    log.write_text("\n".join(lines) + "\n")
    app = make_app(plan, FrozenClock(at(0.5)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await posted(app, pilot)
        assert "An interrupted post found: Welcome is on Bluesky (logged)" in said
        assert len(pds.creates) == 1  # asked, never sent again
    assert [e.kind for e in read_events(log)][-1] == "post-done"
