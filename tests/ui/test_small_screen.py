"""Pilot tests of what a low or narrow terminal (a split pane, 50x15; 80x24) does with
what the run-sheet says: notices folded behind the newest, dialogs whose buttons fit,
the follower banner's key in view.

Seen while living the hour in tmux at 50x15; each test fails on the run-sheet before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button

from tests.conftest import FakeClipboard, FakeMonotonic
from tests.ui.helpers import at, copies_done, copy_plan, make_app, rehearsal_app, until
from tests.ui.test_layout import screen_lines
from tests.ui.test_snapshots import SnapCompare, quiet
from tui.app import TchatApp
from tui.core.run.notices import NoticeBoard
from tui.core.timing.clock import FrozenClock
from tui.widgets.notices import NoticeCard

TINY, SMALL, WIDE = (50, 15), (80, 24), (120, 36)


def cards(app: TchatApp) -> list[NoticeCard]:
    """The run-sheet's notice cards on screen."""
    return [card for card in app.run_sheet.notice_bar.shown_cards
            if card.parent is not None and card.parent.display]


def still_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """The run-sheet's notices on a clock that does not move: a loaded machine never
    sees one go before the test looks."""
    import tui.screens.runsheet as runsheet

    monkeypatch.setattr(runsheet, "NoticeBoard", lambda: NoticeBoard(clock=lambda: 0.0))


async def hurried(app: TchatApp, pilot: Any) -> None:
    """A hurried rehearsal: `c` (its notice once the copy is done), the clock jumped to
    the next cue, `d`; three notices of three kinds at once."""
    await pilot.press("c")
    await copies_done(app, pilot)
    await pilot.press("greater_than_sign", "d")
    await until(pilot, lambda: len(app.run_sheet.notices.shown()) == 3)
    await pilot.pause()


@pytest.mark.parametrize("size", [TINY, SMALL], ids=["50x15", "80x24"])
async def test_on_a_low_terminal_the_newest_notice_shows_and_counts_the_others(
    tmp_path: Path, fake_clipboard: FakeClipboard, fake_monotonic: FakeMonotonic,
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    # Seen at 50x15: the copy's, the clock's and the shift's notices stacked over most
    # of the cue list (at 80x24, over the draft to paste).
    still_notices(monkeypatch)
    app = rehearsal_app(copy_plan(tmp_path), fake_monotonic, fake_clipboard, minute=-1)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        app.run_sheet.notices.clear()  # the rehearsal's greeting (80 columns)
        await hurried(app, pilot)
        said = app.run_sheet.notices.shown()
        await until(pilot, lambda: len(cards(app)) == 1 and cards(app)[0].notice == said[-1])
        [card] = cards(app)
        assert card.notice == said[-1] and card.more == "+2 avis"
        assert str(card.render()).endswith(" · +2 avis")
        # A click takes it away: the one before shows, and counts the last one left.
        await pilot.click(card)
        await until(pilot, lambda: [c.notice for c in cards(app)] == [said[-2]])
        assert cards(app)[0].more == "+1 avis"


async def test_a_tall_terminal_keeps_every_notice(
    tmp_path: Path, fake_clipboard: FakeClipboard, fake_monotonic: FakeMonotonic,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    still_notices(monkeypatch)
    app = rehearsal_app(copy_plan(tmp_path, "chat-en"), fake_monotonic, fake_clipboard,
                        minute=-1)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        app.run_sheet.notices.clear()
        await hurried(app, pilot)
        said = app.run_sheet.notices.shown()
        await until(pilot, lambda: len(cards(app)) == 3)
        assert [c.notice for c in cards(app)] == list(said)
        assert not any(c.more for c in cards(app))


@pytest.mark.parametrize("size", [TINY, SMALL], ids=["50x15", "80x24"])
def test_snapshot_notices_folded(snap_compare: SnapCompare, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    still_notices(monkeypatch)
    app = rehearsal_app(copy_plan(tmp_path), FakeMonotonic(), FakeClipboard(), minute=-1)

    async def in_a_hurry(pilot: Any) -> None:
        await hurried(app, pilot)
        await until(pilot, lambda: len(cards(app)) == 1 and bool(cards(app)[0].more))

    assert snap_compare(app, terminal_size=size, run_before=quiet(in_a_hurry))


def held_elsewhere(plan: Path) -> None:
    """Another host's window holds the plan: this one follows (its `T` takes over)."""
    import json

    from tui.core.run.planlock import lock_path_for

    lock_path_for(plan).write_text(json.dumps(
        {"pid": 4242, "host": "studio-laptop", "started": "2026-12-03T16:55:00+00:00"}))


def follower(tmp_path: Path, name: str = "chat-fr") -> TchatApp:
    plan = copy_plan(tmp_path, name)
    held_elsewhere(plan)
    return make_app(plan, FrozenClock(at(7.25)), FakeClipboard())


@pytest.mark.parametrize("size", [TINY, SMALL], ids=["50x15", "80x24"])
@pytest.mark.parametrize("name", ["chat-fr", "chat-en"])
async def test_the_take_over_question_shows_its_buttons_whole(
    tmp_path: Path, size: tuple[int, int], name: str
) -> None:
    # Seen at 50x15: the take-over question's six lines pushed the buttons half out of
    # the dialog, "Annuler" and "Prendre la main" cut, the hint kept.
    from tui.screens.dialogs import ConfirmDialog

    app = follower(tmp_path, name)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.pause()
        dialog = app.screen.query_one("#dialog")
        inside = dialog.content_region
        for button in app.screen.query(Button):
            label = str(button.label)
            assert inside.contains_region(button.region), (label, button.region, inside)
            assert button.content_region.height >= 1
            assert button.content_region.width >= len(label), label
        assert inside.contains_region(app.screen.query_one("#dialog-hint").region)
        await pilot.press("n")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog))


def test_snapshot_take_over_in_english_at_50x15(snap_compare: SnapCompare,
                                                tmp_path: Path) -> None:
    async def ask(pilot: Any) -> None:
        await pilot.press("T")
        await pilot.pause()

    assert snap_compare(follower(tmp_path, "chat-en"), terminal_size=TINY,
                        run_before=quiet(ask))


# --- the count of a text holding control characters ----------------------------------------


async def test_the_cue_list_and_the_editor_count_what_is_copied(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    # Seen on a plan whose Q1 held ESC and BEL: 6,034 in the cue list, 6,036 in the
    # editor, and the copy had neither. Both now count the text the copy gets.
    from textual.widgets import Label, TextArea

    from tui.core.counting import count
    from tui.screens.writing import EditDialog

    app = make_app(copy_plan(tmp_path, "hostile"), FrozenClock(at(3)), fake_clipboard)
    async with app.run_test(size=WIDE) as pilot:
        sheet = app.run_sheet
        sheet.cues.select_id("q1")
        await pilot.pause()
        assert sheet.view is not None
        shown = sheet.view.row("q1")
        assert shown is not None
        draft = shown.row.draft
        assert "\x1b" in draft.text  # shown as ␛, never copied
        in_list = str(sheet.cues.get_option("q1").prompt)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EditDialog))
        await pilot.pause()
        in_editor = str(app.screen.query_one("#edit-count", Label).content)
        edited = app.screen.query_one("#edit-area", TextArea).text
        left_out = str(app.screen.query_one("#edit-left-out").render())
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is sheet)
        await pilot.press("c")
        await copies_done(app, pilot)
    copied = fake_clipboard.text
    assert copied is not None and "\x1b" not in copied and "\x07" not in copied
    plan = app.session.plan
    posted = count(copied, "x", limit=plan.chat.limit_on("x"))
    assert draft.count.length == posted.length
    assert f"{posted.length}/{posted.limit}" in in_list
    assert in_editor == f"{posted.length}/{posted.limit}"
    # The editor holds the template as it is copied, and says what it left out.
    assert "␛" not in edited and "]52;c;aGk= done" in edited
    assert left_out == ("2 control characters left out (ESC, BEL): never copied, they "
                        "leave the plan when saved")


@pytest.mark.parametrize("size", [SMALL, TINY], ids=["80x24", "50x15"])
def test_snapshot_editor_of_a_template_with_controls(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int], no_cursor_blink: None
) -> None:
    app = make_app(copy_plan(tmp_path, "hostile"), FrozenClock(at(3)), FakeClipboard())

    async def edit_q1(pilot: Any) -> None:
        app.run_sheet.cues.select_id("q1")
        await pilot.press("e")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=quiet(edit_q1))


# --- the follower banner ---------------------------------------------------------------------


@pytest.mark.parametrize(("size", "name", "key"), [
    (TINY, "chat-fr", "T\u00a0: prendre la main"), (TINY, "chat-en", "T: take over"),
    (SMALL, "chat-fr", "T\u00a0: prendre la main"), (WIDE, "chat-en", "T: take over")])
async def test_the_follower_banner_keeps_its_key_in_view(
    tmp_path: Path, size: tuple[int, int], name: str, key: str
) -> None:
    # Seen at 50x15: the banner's two lines ended at "suit ses marques", its
    # "T : prendre la main" cut. Where the sentence does not fit, the key comes first.
    app = follower(tmp_path, name)
    async with app.run_test(size=size) as pilot:
        banner = app.screen.query_one("#follow-banner")
        await until(pilot, lambda: banner.display and banner.region.height > 0)
        await pilot.pause()
        lines = screen_lines(app)
        shown = " ".join(line.strip() for line in lines[banner.region.y:banner.region.bottom])
        assert key in shown, shown
        # The sentence as it was where it fits (80x24 and up).
        assert str(banner.render()).startswith(f"⧉ {key}") == (size == TINY)


@pytest.mark.parametrize("name", ["chat-fr", "chat-en"])
def test_snapshot_follower_banner_at_50x15(snap_compare: SnapCompare, tmp_path: Path,
                                           name: str) -> None:
    assert snap_compare(follower(tmp_path, name), terminal_size=TINY, run_before=quiet())


# --- the Conversation pane's keys in the footer ----------------------------------------------


def demo_room(tmp_path: Path, language: str) -> TchatApp:
    """The demo's replay at 18:14, its clock held still: the room has posts."""
    from datetime import timedelta

    from tui.commands.demo import demo_copy
    from tui.core.plan.planfile import load_plan
    from tui.core.timing.clock import SimulatedClock

    plan = demo_copy(language, tmp_path)
    start = load_plan(plan).chat.start_at
    log = plan.with_name(plan.name + ".rehearsal-20261203-090000.jsonl")
    clock = SimulatedClock(start + timedelta(minutes=14.2), speed=1, monotonic=lambda: 0.0)
    return make_app(plan, clock, FakeClipboard(), mode="rehearsal", log_path=log)


async def footer_says(app: TchatApp, pilot: Any, *words: str) -> str:
    """The footer's line once it shows `words` (it recomposes a frame or more after
    the focus moves)."""
    await until(pilot, lambda: all(w in footer_text(app) for w in words))
    line = footer_text(app)
    assert all(w in line for w in words), line
    return line


def footer_text(app: TchatApp) -> str:
    from textual.widgets import Footer

    return screen_lines(app)[app.screen.query_one(Footer).region.y]


@pytest.mark.parametrize(("size", "language", "pane_keys", "sheet_keys"), [
    (WIDE, "en", ("w Welcome", "x Handled", "⏎ Read", "r Reply", "←→ Lists"), ("c Copy",)),
    (SMALL, "fr", ("w Accueillir", "x Traité", "⏎ Lire", "r Répondre"), ()),
    (TINY, "en", ("w Welcome", "x Handled"), ())], ids=["120x36", "80x24", "50x15"])
async def test_the_conversation_pane_shows_its_keys_while_it_has_the_focus(
    tmp_path: Path, size: tuple[int, int], language: str, pane_keys: tuple[str, ...],
    sheet_keys: tuple[str, ...]
) -> None:
    # The footer showed the run-sheet's keys (c, u, s...) while the pane had the focus,
    # never its own (w, x, m, enter, o, r, h, the arrows).
    app = demo_room(tmp_path, language)
    help_key, quit_key = ("? Help", "^q Quit") if language == "en" else ("? Aide", "^q Quitter")
    copy_key = "c Copy" if language == "en" else "c Copier"
    async with app.run_test(size=size) as pilot:
        sheet = app.run_sheet

        def room_open() -> bool:
            sheet.refresh_now()
            room = sheet.desk.room.frame.room
            return room is not None and bool(room.stream)

        await until(pilot, room_open)
        before = await footer_says(app, pilot, copy_key, help_key, quit_key)
        assert pane_keys[0] not in before
        await pilot.press("f")
        await until(pilot, lambda: sheet.conversation.has_focus)
        line = await footer_says(app, pilot, *pane_keys, help_key, quit_key)
        assert all(key in line for key in sheet_keys), line
        assert line.index(pane_keys[0]) < line.index(help_key)
        # Its `r` replaces the run-sheet's in the footer: said once.
        assert line.count(" r ") + line.startswith("r ") <= 1, line
        await pilot.press("escape" if size != WIDE else "tab")
        await until(pilot, lambda: not sheet.conversation.has_focus)
        after = await footer_says(app, pilot, copy_key, help_key)
        assert pane_keys[0] not in after, after


# --- the keys follow the plan as reloaded ----------------------------------------------------


async def test_the_keys_follow_the_plan_as_reloaded(tmp_path: Path) -> None:
    # A plan edited on disk to add accounts and leave Mastodon kept the keys it opened
    # with: no P in the footer or help, "Network 3" in the palette.
    from tests.ui.helpers import watcher_polled
    from tests.ui.test_snapshot_networks import ACCOUNTS
    from tui.screens.commands import RunSheetCommands

    plan = copy_plan(tmp_path, "chat-networks")
    app = make_app(plan, FrozenClock(at(0.5)), FakeClipboard())

    def palette() -> set[str]:
        return {name for name, _help, _action in RunSheetCommands(app.screen)._commands()}

    async with app.run_test(size=WIDE) as pilot:
        sheet = app.run_sheet
        before = await footer_says(app, pilot, "c Copy", "? Help")
        assert "P Post" not in before
        assert {"Network 3", "Skip here"} <= palette()
        assert "P" not in await help_keys(app, pilot)
        plan.write_text(plan.read_text().replace(
            'platforms = ["x", "bluesky", "mastodon"]', 'platforms = ["x", "bluesky"]')
            + ACCOUNTS)
        await watcher_polled(app, pilot)
        await until(pilot, lambda: sheet.desk.accounts is not None and "P Post" in footer_text(app))
        await footer_says(app, pilot, "c Copy", "P Post", "? Help")
        assert {"Network 2", "Skip here", "Post"} <= palette()
        assert "Network 3" not in palette()
        assert "P" in await help_keys(app, pilot)


async def help_keys(app: TchatApp, pilot: Any) -> list[str]:
    """The keys help lists (it is opened, read and closed)."""
    from tui.screens.reference import HelpDialog

    await pilot.press("question_mark")
    await until(pilot, lambda: isinstance(app.screen, HelpDialog))
    keys = [str(label.content) for label in app.screen.query(".help-key")]
    await pilot.press("escape")
    await until(pilot, lambda: not isinstance(app.screen, HelpDialog))
    return keys


async def test_a_notice_over_the_cue_list_never_hides_the_selected_row(
    tmp_path: Path, fake_clipboard: FakeClipboard, fake_monotonic: FakeMonotonic,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen at 50x15: the copy's three-line notice lay over the row `c` had just moved
    # the selection to (the next cue), and over the rows `↓` went to.
    still_notices(monkeypatch)
    app = rehearsal_app(copy_plan(tmp_path), fake_monotonic, fake_clipboard, minute=-1)
    async with app.run_test(size=TINY, notifications=True) as pilot:
        cues = app.run_sheet.cues

        def selected_row_above_the_card() -> bool:
            shown = cards(app)
            if not shown or cues.highlighted is None:
                return False
            y = cues.content_region.y + cues.highlighted - round(cues.scroll_offset.y)
            return cues.content_region.y <= y < shown[0].region.y

        await pilot.pause()
        app.run_sheet.notices.clear()
        await pilot.press("c")
        await copies_done(app, pilot)
        await until(pilot, lambda: bool(cards(app)) and cards(app)[0].region.height >= 3)
        await until(pilot, selected_row_above_the_card)
        assert selected_row_above_the_card()
        for _ in range(3):
            await pilot.press("down")
            await until(pilot, selected_row_above_the_card)
            assert selected_row_above_the_card()


def test_snapshot_copy_notice_above_the_selection_at_50x15(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    still_notices(monkeypatch)
    app = rehearsal_app(copy_plan(tmp_path), FakeMonotonic(), FakeClipboard(), minute=-1)

    async def copy(pilot: Any) -> None:
        await pilot.press("c")
        await copies_done(app, pilot)
        await until(pilot, lambda: bool(cards(app)) and cards(app)[0].region.height >= 3)
        await until(pilot, lambda: app.run_sheet.cues.scroll_offset.y > 0)
        await pilot.pause()

    assert snap_compare(app, terminal_size=TINY, run_before=quiet(copy))
