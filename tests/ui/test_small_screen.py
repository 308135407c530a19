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
