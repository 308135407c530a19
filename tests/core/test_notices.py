"""The notice board: one notice per kind, withdrawn, held behind a dialog, timed."""

from __future__ import annotations

from tests.conftest import FakeMonotonic
from tui.core.run.notices import Folded, Notice, NoticeBoard, fold


def shown(board: NoticeBoard) -> list[str]:
    return [notice.text for notice in board.shown()]


def test_one_notice_per_kind_the_newest_last(fake_monotonic: FakeMonotonic) -> None:
    board = NoticeBoard(fake_monotonic)
    board.say(Notice("Copied: Welcome", kind="copy"))
    board.say(Notice("Plan reloaded", kind="plan"))
    board.say(Notice("Copied: Rules", kind="copy"))
    assert shown(board) == ["Plan reloaded", "Copied: Rules"]
    board.withdraw("plan")
    board.withdraw("nothing of this kind")
    assert shown(board) == ["Copied: Rules"]


def test_each_notice_goes_after_its_time(fake_monotonic: FakeMonotonic) -> None:
    board = NoticeBoard(fake_monotonic)
    board.say(Notice("short", kind="a", seconds=3))
    board.say(Notice("long", kind="b", seconds=10))
    assert board.next_expiry() == 3
    fake_monotonic.advance(3)
    assert board.expire() and shown(board) == ["long"]
    assert board.next_expiry() == 7
    fake_monotonic.advance(7)
    assert board.expire() and shown(board) == [] and board.next_expiry() is None


def test_held_behind_a_dialog_for_the_time_they_had_left(
    fake_monotonic: FakeMonotonic,
) -> None:
    board = NoticeBoard(fake_monotonic)
    board.say(Notice("Undone: Q3 posted", seconds=5))
    fake_monotonic.advance(2)
    board.hold()  # a dialog opens: nothing shows, no time runs
    board.say(Notice("Copied", kind="copy", seconds=4))  # said while it is open
    assert shown(board) == [] and board.next_expiry() is None and not board.expire()
    fake_monotonic.advance(60)
    board.release()
    assert shown(board) == ["Undone: Q3 posted", "Copied"]
    assert board.next_expiry() == 3  # 5 s, 2 of them seen before the dialog
    fake_monotonic.advance(3)
    board.expire()
    assert shown(board) == ["Copied"]  # all its 4 s after the dialog
    board.hold()
    board.withdraw("copy")  # withdrawn while held: gone for good
    board.release()
    assert shown(board) == []


def test_folded_where_there_is_room_for_fewer(fake_monotonic: FakeMonotonic) -> None:
    # A split pane has room for one: the newest shows, the older ones are counted, and
    # each shows again once the newer ones go, for the time it has left.
    board = NoticeBoard(fake_monotonic)
    copied, clock, shift = (Notice("Copied", kind="copy", seconds=5),
                            Notice("Clock at 18:00", kind="clock", seconds=3),
                            Notice("Nothing is late", kind="shift", seconds=2))
    for notice in (copied, clock, shift):
        board.say(notice)
    assert fold(board.shown(), 1) == Folded((shift,), 2)
    assert fold(board.shown(), 2) == Folded((clock, shift), 1)
    assert fold(board.shown(), None) == fold(board.shown(), 3) == Folded((copied, clock, shift))
    assert fold(board.shown(), 0) == Folded((), 3)
    fake_monotonic.advance(2)
    board.expire()
    assert fold(board.shown(), 1) == Folded((clock,), 1)
    fake_monotonic.advance(1)
    board.expire()
    assert fold(board.shown(), 1) == Folded((copied,))
