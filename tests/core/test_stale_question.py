"""A question left open never acts on the state it was asked in: its facts follow the
clock, it closes (saying why) once what it asks about is gone, and a yes decides again.

Seen in a rehearsal: "… in 01:02, copy it and mark it posted now?" stayed open for 50
minutes of the hour, still saying 01:02, while the cue had long passed."""

from __future__ import annotations

from pathlib import Path

from tests.core.test_desk import at, clock_of, desk_at, plan_in, texts
from tui.core.run.desk import RunDesk
from tui.core.run.outcomes import Confirm, Copy, Done, NothingToDo
from tui.core.run.plansource import look_at


def asked(desk: RunDesk, row_id: str) -> Confirm:
    question = desk.copy(row_id)
    assert isinstance(question, Confirm) and question.follow is not None
    return question


def followed(question: Confirm) -> Confirm | Done:
    assert question.follow is not None
    return question.follow()


def test_the_early_copys_question_follows_the_clock_then_closes(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 0, marks={"welcome@0": 0})
    question = asked(desk, "rules@2")
    assert "02:00 from now" in question.body
    clock_of(desk).set(at(0.5))
    now = followed(question)
    assert isinstance(now, Confirm) and "01:30 from now" in now.body
    assert now.title == question.title
    # Less than a minute ahead: no question to ask any more.
    clock_of(desk).set(at(1.25))
    closed = followed(now)
    assert isinstance(closed, Done) and closed.notices[0].kind == "copy"
    assert texts(closed) == ["Question closed, nothing copied: Rules is due now, c copies it"]
    assert desk.session.state.posted == {"welcome@0": at(0)}


def test_a_cue_posted_or_skipped_meanwhile_closes_the_question(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 0, marks={"welcome@0": 0})
    question = asked(desk, "rules@2")
    desk.session.mark("rules@2", "system", at(0.2))  # from another window, say
    closed = followed(question)
    assert texts(closed) == ["Question closed, nothing copied: Rules is posted now"]
    # A yes that came first copies it again, without a second mark.
    yes = question.yes()
    assert isinstance(yes, Copy) and yes.row_id is None
    other = asked(desk, "hu1")
    desk.skip("hu1")
    assert texts(followed(other)) == [
        "Question closed, nothing copied: Heads-up Q1 is skipped now"]


def test_a_yes_copies_the_cue_as_it_is_then(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, 0, marks={"welcome@0": 0})
    question = asked(desk, "rules@2")
    rules = desk.session.row("rules@2")
    assert rules is not None
    plan.write_text(plan.read_text().replace(rules.cue.template, "The rules, fixed."))
    assert isinstance(desk.poll(look_at(plan, desk.session.loaded)), Done)  # reloaded
    clock_of(desk).set(at(0.5))
    yes = question.yes()
    assert isinstance(yes, Copy) and yes.row_id == "rules@2" and yes.at == at(0.5)
    assert "The rules, fixed." in yes.text


def test_a_cue_gone_from_the_plan_closes_the_question(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, -5)
    question = asked(desk, "welcome@0")
    plan.write_text(plan.read_text().replace('kind = "welcome"', 'kind = "custom"'))
    desk.poll(look_at(plan, desk.session.loaded))
    assert texts(followed(question)) == [
        "Nothing copied: this post is no longer in the plan"]
    assert texts(question.yes()) == ["Nothing copied: this post is no longer in the plan"]


def test_the_compressions_question_follows_the_clock_and_a_yes_acts_on_now(
    tmp_path: Path
) -> None:
    desk = desk_at(plan_in(tmp_path), 40, marks={"welcome@0": 0, "rules@2": 2, "q1": 6})
    question = desk.compress()
    assert isinstance(question, Confirm) and question.follow is not None
    # Left open ten minutes: the times it proposes are from now, not from then.
    clock_of(desk).set(at(50))
    now = followed(question)
    assert isinstance(now, Confirm) and "Q2 18:50" in now.body
    done = question.yes()  # the first question's yes, pressed now
    assert isinstance(done, Done)
    assert desk.view().header.end == at(60)
    times = dict(desk.hour().times)
    assert times["q2"] >= at(50)  # never spread from the minute it was asked
    # Nothing left to spread: the question closes, and a yes does nothing.
    assert texts(followed(now)) == ["Nothing to compress"]
    assert isinstance(now.yes(), NothingToDo)
