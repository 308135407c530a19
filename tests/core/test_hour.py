"""The hour at one moment: countdown, next cue, what is due and missed, and shifts."""

from __future__ import annotations

import itertools
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import CUES, PLAN, at, cue, ev, plan_dict
from tui.core.plan.model import Plan
from tui.core.plan.schedule import Cue, build_schedule
from tui.core.run.asrun import Event
from tui.core.run.hour import (
    CONFIRM_AHEAD,
    LATE_PROMO,
    MIN_QUESTION_GAP,
    Compression,
    compression,
    hour_at,
    shift_for,
)
from tui.core.run.runstate import RunState, effective_at, fold, phase_at, projected_end


def promo_plan() -> tuple[Plan, list[Cue]]:
    data = plan_dict()
    data["posts"] += [
        {"kind": "promo", "at": "-7d", "text": "In a week"},
        {"kind": "promo", "at": "-1d", "text": "Tomorrow"},
        {"kind": "promo", "at": -30, "text": "In 30 minutes"},
    ]
    plan = Plan.model_validate(data)
    return plan, build_schedule(plan, "")


def test_countdown_before_during_overrun_after() -> None:
    state = RunState()
    before = hour_at(PLAN, state, CUES, at(-90)).countdown
    assert (before.mode, before.value) == ("to-start", timedelta(minutes=90))

    state.apply(ev("mark", 0, cue="welcome@0"))
    during = hour_at(PLAN, state, CUES, at(1)).countdown
    assert during.mode == "to-cue"
    assert during.cue is not None and during.cue.id == "rules@2"
    assert during.value == timedelta(minutes=1)
    assert during.to_end == timedelta(minutes=59)

    late = hour_at(PLAN, state, CUES, at(3.5)).countdown
    assert (late.mode, late.value) == ("overrun", timedelta(minutes=1.5))

    after = hour_at(PLAN, state, CUES, at(75)).countdown
    assert (after.mode, after.value) == ("since-end", timedelta(minutes=15))


def test_countdown_agrees_with_the_clock_to_the_second() -> None:
    # The header shows 18:00:06 at 18:00:06.4: 59:54 left (not 59:53), 4:54 to the
    # rules at 18:02... whatever the fraction of the second.
    state = fold([ev("mark", 0, cue="welcome@0")])
    for fraction in (0, 0.4, 0.999):
        now = at(0.1) + timedelta(seconds=fraction)
        shown = hour_at(PLAN, state, CUES, now).countdown
        assert shown.to_end == timedelta(minutes=59, seconds=54)
        assert shown.value == timedelta(minutes=1, seconds=54)
        late = hour_at(PLAN, state, CUES, at(3) + timedelta(seconds=fraction)).countdown
        assert (late.mode, late.value) == ("overrun", timedelta(minutes=1))


def test_the_start_has_a_moment_of_its_own() -> None:
    # "Starts in 00:01", then "post the welcome now" for a minute, then overdue.
    state = RunState()
    one_before = hour_at(PLAN, state, CUES, at(0) - timedelta(seconds=1)).countdown
    assert (one_before.mode, one_before.value) == ("to-start", timedelta(seconds=1))
    zero = hour_at(PLAN, state, CUES, at(0)).countdown
    assert zero.mode == "now"
    assert zero.cue is not None and zero.cue.id == "welcome@0"
    assert zero.value == timedelta(0)
    assert hour_at(PLAN, state, CUES, at(0.5)).countdown.mode == "now"
    assert hour_at(PLAN, state, CUES, at(1)).countdown.mode == "overrun"


def test_a_heads_up_is_folded_into_its_due_question() -> None:
    # The moderator fell behind: Q1 is due, its heads-up was never posted.
    state = fold([ev("mark", 0, cue="welcome@0"), ev("mark", 2, cue="rules@2")])
    early = hour_at(PLAN, state, CUES, at(4))
    assert early.next_cue is not None and early.next_cue.id == "hu1"
    late = hour_at(PLAN, state, CUES, at(8))
    assert late.status("hu1") == "missed"
    assert late.next_cue is not None and late.next_cue.id == "q1"
    assert late.countdown.cue is not None and late.countdown.cue.id == "q1"
    assert late.countdown.mode == "overrun"
    assert late.countdown.value == timedelta(minutes=3)
    assert [c.id for c in late.due] == ["q1"]
    # `d` absorbs the question's delay (3 min), not the heads-up's (5 min).
    found = shift_for(PLAN, state, CUES, at(8))
    assert found is not None and found[0] == 180
    # A question posted early makes its heads-up pointless too.
    early_q = fold([ev("mark", 0, cue="welcome@0"), ev("mark", 1, cue="rules@2"),
                    ev("mark", 1, cue="q1")])
    assert hour_at(PLAN, early_q, CUES, at(1)).status("hu1") == "missed"


def test_promotions_are_missed_once_the_chat_started() -> None:
    plan, cues = promo_plan()
    start = plan.chat.start_at
    week = next(c for c in cues if c.id == "promo@-10080")
    on_time = hour_at(plan, RunState(), cues, week.at)
    assert on_time.next_cue is not None and on_time.next_cue.id == "promo@-10080"
    during = hour_at(plan, RunState(), cues, start + timedelta(seconds=1))
    assert during.next_cue is not None and during.next_cue.id == "welcome@0"
    for promo in ("promo@-10080", "promo@-1440", "promo@-30"):
        assert during.status(promo) == "missed"
    assert all(c.offset >= 0 for c in during.due)


def test_a_promotion_late_before_the_start_is_late_not_next() -> None:
    plan, cues = promo_plan()
    start = plan.chat.start_at
    # Two minutes late: still the thing to post.
    soon = hour_at(plan, RunState(), cues, start - timedelta(minutes=28))
    assert soon.status("promo@-30") == "due"
    assert soon.next_cue is not None and soon.next_cue.id == "promo@-30"
    # Twenty minutes late: shown as late, and the welcome is next.
    late = hour_at(plan, RunState(), cues, start - timedelta(minutes=10))
    assert late.status("promo@-30") == "late"
    assert late.status("promo@-1440") == "missed"  # superseded by a later promotion
    assert late.next_cue is not None and late.next_cue.id == "welcome@0"
    assert [c.id for c in late.due] == ["promo@-30"]
    # An hour before, the one-day post is late (23 h), the 30-minute one upcoming.
    hour = hour_at(plan, RunState(), cues, start - timedelta(hours=1))
    assert hour.status("promo@-1440") == "late"
    assert hour.next_cue is not None and hour.next_cue.id == "promo@-30"
    # Once the latest promotion due is out, the earlier ones it superseded stay so.
    for kind in ("mark", "skip"):
        moment = start - timedelta(minutes=10)
        done = fold([Event(kind, clock=moment, wall=moment, cue="promo@-30")])
        after = hour_at(plan, done, cues, moment)
        assert after.next_cue is not None and after.next_cue.id == "welcome@0", kind
        assert after.status("promo@-1440") == "missed"


def test_questions_left_and_next_question() -> None:
    state = fold([ev("mark", 5, cue="q1"), ev("skip", 6, cue="q2")])
    hour = hour_at(PLAN, state, CUES, at(7))
    assert (hour.questions_total, hour.questions_left, hour.questions_unposted) == (8, 6, 7)
    assert hour.next_question is not None and hour.next_question.id == "q3"


def test_copying_far_ahead_needs_a_confirmation() -> None:
    hour = hour_at(PLAN, RunState(), CUES, at(0))
    assert not hour.needs_confirmation(cue("welcome@0"))
    assert hour.ahead(cue("rules@2")) == timedelta(minutes=2)
    assert hour.needs_confirmation(cue("rules@2"))
    just = hour_at(PLAN, RunState(), CUES, at(2) - CONFIRM_AHEAD)
    assert not just.needs_confirmation(cue("rules@2"))
    overdue = hour_at(PLAN, RunState(), CUES, at(30))
    assert not overdue.needs_confirmation(cue("rules@2"))


def test_shift_absorbs_the_overrun_and_moves_the_end() -> None:
    state = fold([ev("mark", 0, cue="welcome@0")])
    shift = shift_for(PLAN, state, CUES, at(4))
    assert shift is not None
    seconds, moved = shift
    assert seconds == 120
    assert "welcome@0" not in moved and "rules@2" in moved and "thanks@58" in moved
    state.apply(ev("shift", 4, seconds=seconds, cues=moved))
    assert effective_at(state, cue("rules@2")) == at(4)
    assert shift_for(PLAN, state, CUES, at(4)) is None
    assert effective_at(state, cue("q1")) == cue("q1").at + timedelta(minutes=2)
    assert projected_end(PLAN, state) == at(62)
    assert phase_at(PLAN, state, at(61)) == "during"
    assert hour_at(PLAN, state, CUES, at(61)).end == at(62)
    state.apply(ev("undo", 5))
    assert projected_end(PLAN, state) == at(60)


def test_no_shift_when_on_time_or_before_start() -> None:
    assert shift_for(PLAN, RunState(), CUES, at(-5)) is None
    assert shift_for(PLAN, RunState(), CUES, at(-0.5)) is None
    state = fold([ev("mark", 0, cue="welcome@0")])
    assert shift_for(PLAN, state, CUES, at(1)) is None


def test_over_at_the_end_or_once_the_last_cue_is_out() -> None:
    state = RunState()
    assert not hour_at(PLAN, state, CUES, at(59)).over
    assert hour_at(PLAN, state, CUES, at(60)).over
    # The thank-you posted early: the hour is done, skipped questions or not.
    state.apply(ev("mark", 58, cue="thanks@58"))
    assert hour_at(PLAN, state, CUES, at(58)).over
    state.apply(ev("undo", 58))
    state.apply(ev("skip", 58, cue="thanks@58"))
    assert hour_at(PLAN, state, CUES, at(58)).over
    shifted = fold([ev("shift", 10, seconds=300, cues=("q8", "thanks@58"))])
    assert not hour_at(PLAN, shifted, CUES, at(62)).over


EVENTS = st.lists(
    st.tuples(st.sampled_from(["mark", "skip", "undo"]), st.sampled_from([c.id for c in CUES]),
              st.floats(min_value=-10, max_value=70)),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(EVENTS, st.floats(min_value=-3000, max_value=3000, allow_nan=False))
def test_the_snapshot_holds_together(
    events: list[tuple[str, str, float]], minute: float
) -> None:
    state = fold([ev(kind, m, cue=None if kind == "undo" else cue_id)
                  for kind, cue_id, m in events])
    hour = hour_at(PLAN, state, CUES, at(minute))
    assert hour.countdown.value >= timedelta(0)
    assert hour.phase == phase_at(PLAN, state, hour.now)
    # The next cue is open, never missed or late; nothing missed is ever due.
    if hour.next_cue is not None:
        assert hour.status(hour.next_cue.id) in ("upcoming", "due")
        assert hour.countdown.phase != "during" or hour.countdown.cue == hour.next_cue
    assert all(hour.status(c.id) in ("due", "late") for c in hour.due)
    # No heads-up stands before its own question once that question is due.
    for c in CUES:
        if c.kind == "heads-up" and hour.status(f"q{c.number}") == "due":
            assert hour.status(c.id) in ("missed", "posted", "skipped")
    # Nothing of the opening stands before the first question once it is due.
    if hour.status("q1") in ("due", "posted"):
        assert hour.status("welcome@0") in ("missed", "posted", "skipped")
    # During the chat, no promotion is ever offered.
    if hour.phase != "before":
        assert all(c.offset >= 0 for c in hour.due)
    assert hour.questions_left <= hour.questions_unposted <= hour.questions_total
    # A shift, when there is one, is exactly the next cue's delay while it is late, or
    # at most the delay the last post was made with.
    found = shift_for(PLAN, state, CUES, at(minute))
    if found is not None:
        assert hour.next_cue is not None
        late = int((hour.now - hour.times[hour.next_cue.id]).total_seconds())
        if late > 0:
            assert found[0] == late
        else:
            made = [(state.posted[c.id], c) for c in CUES
                    if c.offset >= 0 and state.posted.get(c.id, hour.now) <= hour.now
                    and c.id in state.posted]
            assert made and 0 < found[0] <= max(
                (when - effective_at(state, c)).total_seconds() for when, c in made)


def test_late_promotion_threshold() -> None:
    plan, cues = promo_plan()
    promo = next(c for c in cues if c.id == "promo@-30")
    edge = hour_at(plan, RunState(), cues, promo.at + LATE_PROMO)
    assert edge.status(promo.id) == "due"
    past = hour_at(plan, RunState(), cues, promo.at + LATE_PROMO + timedelta(seconds=1))
    assert past.status(promo.id) == "late"


# --- compress: keep the end ----------------------------------------------------------------


def compress_event(minute: float, plan: Compression) -> Event:
    return ev("compress", minute, cues=tuple(c for c, _s in plan.moves),
              moves=tuple(s for _c, s in plan.moves), skips=plan.skips)


def test_compress_keeps_the_end_and_spreads_the_questions_left() -> None:
    # 18:20, only the welcome and the rules out: Q1-Q8 left, closing at 18:55.
    state = fold([ev("mark", 0, cue="welcome@0"), ev("mark", 2, cue="rules@2")])
    plan = compression(PLAN, state, CUES, at(20))
    assert plan is not None
    # 35 minutes at 3 minutes apart at least: 8 fit... at 4:22 apart; none skipped.
    assert plan.skips == ()
    moments = [moment for _c, moment in plan.times]
    assert moments[0] == at(20)
    assert all(b - a >= MIN_QUESTION_GAP for a, b in itertools.pairwise(moments))
    assert moments[-1] < at(55)
    state.apply(compress_event(20, plan))
    hour = hour_at(PLAN, state, CUES, at(20))
    assert hour.end == at(60)  # the planned end, kept
    assert effective_at(state, cue("closing@55")) == at(55)
    assert [hour.times[c] for c, _m in plan.times] == moments
    assert hour.next_cue is not None and hour.next_cue.id == "q1"
    # One `u` takes the whole compression back.
    state.apply(ev("undo", 21))
    assert effective_at(state, cue("q2")) == cue("q2").at


def test_compress_proposes_to_skip_the_last_questions() -> None:
    state = fold([ev("mark", 0, cue="welcome@0"), ev("mark", 2, cue="rules@2")])
    plan = compression(PLAN, state, CUES, at(45))  # 10 minutes for 8 questions
    assert plan is not None
    assert [c for c, _m in plan.times] == ["q1", "q2", "q3"]
    assert plan.skips == ("q4", "q5", "q6", "q7", "q8")
    state.apply(compress_event(45, plan))
    assert {"q4", "q8"} <= state.skipped
    assert hour_at(PLAN, state, CUES, at(45)).questions_left == 3


def test_nothing_to_compress_before_the_start_or_when_all_is_asked() -> None:
    assert compression(PLAN, RunState(), CUES, at(-5)) is None
    asked = fold([ev("mark", 1, cue=f"q{n}") for n in range(1, 9)])
    assert compression(PLAN, asked, CUES, at(30)) is None


@settings(max_examples=60, deadline=None)
@given(EVENTS, st.floats(min_value=0, max_value=59, allow_nan=False))
def test_compress_never_packs_questions_nor_moves_the_end(
    events: list[tuple[str, str, float]], minute: float
) -> None:
    state = fold([ev(kind, m, cue=None if kind == "undo" else cue_id)
                  for kind, cue_id, m in events])
    before = hour_at(PLAN, state, CUES, at(minute))
    plan = compression(PLAN, state, CUES, at(minute))
    if plan is None:
        return
    moments = [moment for _c, moment in plan.times]
    assert all(b - a >= MIN_QUESTION_GAP - timedelta(seconds=1)
               for a, b in itertools.pairwise(moments))
    assert all(m >= before.now for m in moments)
    left = [c.id for c in CUES if c.kind == "question" and not state.done(c.id)]
    assert [c for c, _m in plan.times] + list(plan.skips) == left
    state.apply(compress_event(minute, plan))
    assert hour_at(PLAN, state, CUES, at(minute)).end == before.end


def test_a_compression_survives_the_log() -> None:
    event = ev("compress", 20, cues=("q1", "hu2"), moves=(60, -120), skips=("q8",))
    again = Event.from_json(event.to_json())
    assert again == event
    assert Event.from_json(event.to_json().replace("[60,-120]", "[true,1]")) is None


def test_an_unposted_welcome_and_rules_fold_once_the_first_question_is_due() -> None:
    # Seen live: the welcome never marked (posted from a phone), and the countdown said
    # "Welcome overdue by 53:42" for the whole hour.
    state = RunState()
    before = hour_at(PLAN, state, CUES, at(4))
    assert before.status("welcome@0") == "due"
    assert before.next_cue is not None and before.next_cue.id == "welcome@0"
    q1 = next(c for c in CUES if c.id == "q1")
    during = hour_at(PLAN, state, CUES, q1.at)
    assert during.status("welcome@0") == during.status("rules@2") == "missed"
    assert during.next_cue is not None and during.next_cue.id == "q1"
    assert during.countdown.cue is not None and during.countdown.cue.id == "q1"
    assert [c.id for c in during.due] == ["q1"]
    # Posted early, Q1 folds them too; one posted keeps its mark.
    early = fold([ev("mark", 0.5, cue="welcome@0"), ev("mark", 1, cue="q1")])
    hour = hour_at(PLAN, early, CUES, at(1))
    assert (hour.status("welcome@0"), hour.status("rules@2")) == ("posted", "missed")


def test_d_offers_the_delay_a_late_post_was_made_with_once() -> None:
    # Seen live: Q1 posted 1:29 late, then `d` said "Nothing is late" and Q2 kept its
    # time, 1:29 closer to Q1 than planned.
    q1 = next(c for c in CUES if c.id == "q1")
    late_q1 = q1.at + timedelta(seconds=89)
    state = fold([ev("mark", 0, cue="welcome@0"), ev("mark", 2, cue="rules@2"),
                  Event("mark", clock=late_q1, wall=late_q1, cue="q1", via="system")])
    found = shift_for(PLAN, state, CUES, late_q1 + timedelta(seconds=20))
    assert found is not None and found[0] == 89 and "q1" not in found[1]
    assert "q2" in found[1]
    # Once shifted, nothing is left to absorb: a second `d` says so.
    state.apply(Event("shift", clock=late_q1, wall=late_q1, seconds=89, cues=found[1]))
    assert shift_for(PLAN, state, CUES, late_q1 + timedelta(seconds=30)) is None
    # A post on time (or early) offers nothing.
    on_time = fold([ev("mark", 0, cue="welcome@0"), ev("mark", 2, cue="rules@2"),
                    Event("mark", clock=q1.at, wall=q1.at, cue="q1", via="system")])
    assert shift_for(PLAN, on_time, CUES, q1.at + timedelta(seconds=30)) is None


def test_compress_after_d_keeps_the_booked_end() -> None:
    # Seen live: `D` after `d` kept the shifted end, not the hour the guests booked.
    def shifted() -> RunState:
        return fold([ev("mark", 0, cue="welcome@0"), ev("mark", 2, cue="rules@2"),
                     ev("mark", 9, cue="q1"),
                     ev("shift", 9, seconds=240, cues=tuple(
                         c.id for c in CUES if c.offset >= 5 and c.id != "q1"))])

    state = shifted()
    assert projected_end(PLAN, state) == PLAN.chat.end_at + timedelta(minutes=4)
    plan = compression(PLAN, state, CUES, at(20))
    assert plan is not None and plan.end == PLAN.chat.end_at and plan.end_move == -240
    # Applied as the log keeps it: the end and the closing posts are back where booked,
    # and every question left comes before them.
    state.apply(Event("compress", clock=at(20), wall=at(20),
                      cues=tuple(c for c, _s in plan.moves),
                      moves=tuple(s for _c, s in plan.moves), skips=plan.skips,
                      seconds=plan.end_move))
    assert projected_end(PLAN, state) == PLAN.chat.end_at
    closing = [c for c in CUES if c.kind in ("closing", "thanks")]
    assert all(effective_at(state, c) == c.at for c in closing)
    hour = hour_at(PLAN, state, CUES, at(20))
    left = [c for c in CUES if c.kind == "question" and not state.done(c.id)]
    assert left and all(hour.times[c.id] < min(c.at for c in closing) for c in left)
    # Once the booked end is past, the shifted end stays.
    late = compression(PLAN, shifted(), CUES, PLAN.chat.end_at + timedelta(minutes=1))
    assert late is not None and late.end_move == 0
    assert late.end == PLAN.chat.end_at + timedelta(minutes=4)
