"""A `c` never marks a text that was replaced on the clipboard before it could be
pasted: a bounce or a double press is held, and says what is on the clipboard."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FakeMonotonic
from tests.core.test_desk import at, desk_at, plan_in, texts
from tui.core.run.copyguard import BOUNCE_SECONDS, STUCK_SECONDS, CopyGuard
from tui.core.run.desk import RunDesk
from tui.core.run.outcomes import Confirm, Copy, NothingToDo


def stepped(desk: RunDesk) -> FakeMonotonic:
    real = FakeMonotonic()
    desk.guard.monotonic = real
    return real


def test_c_c_c_marks_only_what_reached_the_clipboard(tmp_path: Path) -> None:
    # Seen live: the rules late, the heads-up due; `c c c` marked both while only the
    # heads-up was on the clipboard, and the last notice said "Nothing copied".
    desk = desk_at(plan_in(tmp_path), 3.5, marks={"welcome@0": 0})
    real = stepped(desk)
    first = desk.copy("rules@2")
    assert isinstance(first, Copy) and first.row_id == "rules@2"
    # The second press, while the rules are on their way: held.
    second = desk.copy("rules@2")
    assert isinstance(second, NothingToDo)
    assert texts(second) == ["c held: Rules is on its way to the clipboard"]
    done = desk.copied(first, "system")
    assert texts(done) == ["Rules copied (system clipboard) · marked posted at 18:03"
                           " · 1 c pressed meanwhile, held"]
    # The third, a moment after they landed, with the selection on the heads-up: held.
    real.advance(0.3)
    third = desk.copy("hu1")
    assert isinstance(third, NothingToDo) and third.notice.kind == "copy"
    assert texts(third) == ["c held: Rules is on the clipboard, marked posted at 18:03;"
                            " paste it, then press c for the next"]
    assert list(desk.session.state.posted) == ["welcome@0", "rules@2"]
    # Pasted and posted: the next press copies the heads-up.
    real.advance(BOUNCE_SECONDS)
    after = desk.copy("hu1")
    assert isinstance(after, Copy) and after.row_id == "hu1"


def test_a_bounce_never_opens_the_question_of_a_cue_ahead(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 0)
    real = stepped(desk)
    welcome = desk.copy("welcome@0")
    assert isinstance(welcome, Copy)
    desk.copied(welcome, "system")
    assert isinstance(desk.copy("rules@2"), NothingToDo)  # the bounce: no dialog
    real.advance(BOUNCE_SECONDS)
    assert isinstance(desk.copy("rules@2"), Confirm)  # a deliberate press asks


def test_a_confirmed_copy_holds_the_presses_after_it(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), -5)
    stepped(desk)
    asked = desk.copy("welcome@0")
    assert isinstance(asked, Confirm)
    yes = asked.yes()
    assert isinstance(yes, Copy)
    assert texts(desk.copy("welcome@0")) == [
        "c held: Welcome is on its way to the clipboard"]


def test_a_copy_that_marks_nothing_holds_nothing(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 3, marks={"welcome@0": 0})
    stepped(desk)
    again = desk.copy("welcome@0")  # posted already: copied again, not marked
    assert isinstance(again, Copy) and again.row_id is None
    assert isinstance(desk.copy("welcome@0"), Copy)  # on its way, and holds nothing
    desk.copied(again, "system")
    assert isinstance(desk.copy("welcome@0"), Copy)
    reply = desk.copy_reply("Thanks #TchatLecture")
    assert isinstance(reply, Copy)
    desk.copied(reply, "system")
    assert isinstance(desk.copy("rules@2"), Copy)


def test_a_row_gone_before_its_copy_landed_holds_nothing(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, 2.5)
    stepped(desk)
    copy = desk.copy("welcome@0")
    assert isinstance(copy, Copy)
    plan.write_text(plan.read_text().replace('kind = "welcome"', 'kind = "custom"'))
    from tui.core.run.plansource import look_at

    desk.poll(look_at(plan, desk.session.loaded))
    desk.copied(copy, "system")
    assert desk.session.state.posted == {}
    assert isinstance(desk.copy("rules@2"), Copy)  # nothing marked: nothing to protect


def test_a_copy_stuck_on_its_way_stops_holding() -> None:
    real = FakeMonotonic()
    guard = CopyGuard(real)
    guard.sent("Q1", at(5))
    assert guard.holding() is not None
    real.advance(STUCK_SECONDS)
    assert guard.holding() is None


def test_a_bounce_is_measured_in_real_time_not_the_runs(tmp_path: Path) -> None:
    # A rehearsal at 60 times speed: a minute of its clock is a second of the
    # moderator's, who cannot have pasted meanwhile.
    desk = desk_at(plan_in(tmp_path), 3.5, marks={"welcome@0": 0})
    real = stepped(desk)
    copy = desk.copy("rules@2")
    assert isinstance(copy, Copy)
    desk.copied(copy, "system")
    desk.session.clock.set(at(10))  # type: ignore[attr-defined]
    assert isinstance(desk.copy("hu1"), NothingToDo)
    real.advance(BOUNCE_SECONDS - 0.01)
    assert isinstance(desk.copy("hu1"), NothingToDo)
    real.advance(0.01)
    assert isinstance(desk.copy("hu1"), Copy)


def test_an_undone_mark_holds_nothing(tmp_path: Path) -> None:
    # `c` on the wrong cue, `u` at once: the next `c` is meant, and copies.
    desk = desk_at(plan_in(tmp_path), 3.5, marks={"welcome@0": 0})
    stepped(desk)
    copy = desk.copy("rules@2")
    assert isinstance(copy, Copy)
    desk.copied(copy, "system")
    assert isinstance(desk.copy("hu1"), NothingToDo)
    desk.undo()
    assert list(desk.session.state.posted) == ["welcome@0"]
    again = desk.copy("rules@2")
    assert isinstance(again, Copy) and again.row_id == "rules@2"
