"""Pilot tests of what a low or narrow terminal (a split pane, 50x15; 80x24) does with
what the run-sheet says: notices folded behind the newest, dialogs whose buttons fit,
the follower banner's key in view.

Seen while living the hour in tmux at 50x15; each test fails on the run-sheet before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FakeClipboard, FakeMonotonic
from tests.ui.helpers import copies_done, copy_plan, rehearsal_app, until
from tests.ui.test_snapshots import SnapCompare, quiet
from tui.app import TchatApp
from tui.core.run.notices import NoticeBoard
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
