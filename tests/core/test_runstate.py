"""Run state folded from the log, and what it means at a given moment."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import CUES, PLAN, at, cue, ev, plan_dict
from tui.core.plan.model import Plan
from tui.core.plan.planedit import (
    PlanChangedOnDisk,
    changed_on_disk,
    fingerprint,
    write_checklist_done,
    write_template,
)
from tui.core.plan.planfile import load_plan
from tui.core.plan.schedule import build_schedule
from tui.core.run.checklist import checklist_groups
from tui.core.run.hour import hour_at
from tui.core.run.runstate import (
    RunState,
    fold,
    phase_at,
    waypoint_after,
    waypoint_before,
    waypoints,
)


def test_marks_skips_and_undo() -> None:
    state = fold([ev("mark", 0, cue="welcome@0"), ev("skip", 1, cue="rules@2")])
    assert state.posted == {"welcome@0": at(0)}
    assert state.skipped == {"rules@2"}
    state.apply(ev("undo", 2))
    assert state.skipped == set()
    state.apply(ev("undo", 3))
    assert state.posted == {}
    state.apply(ev("undo", 4))  # nothing left: harmless
    assert not state.can_undo


def test_undo_restores_what_was_before() -> None:
    state = fold([ev("skip", 0, cue="q1"), ev("mark", 1, cue="q1"), ev("undo", 2)])
    assert hour_at(PLAN, state, CUES, at(10)).status("q1") == "skipped"


def test_ticks_and_replies_are_not_undone() -> None:
    state = fold([
        ev("tick", 0, item=0, done=True), ev("reply", 1, text="Merci"), ev("undo", 2)
    ])
    assert state.ticks == {0: True}
    assert [r.text for r in state.replies] == ["Merci"]


def test_status_follows_time_and_marks() -> None:
    q1 = cue("q1")
    state = RunState()
    assert hour_at(PLAN, state, CUES, q1.at - timedelta(seconds=1)).status("q1") == "upcoming"
    assert hour_at(PLAN, state, CUES, q1.at).status("q1") == "due"
    state.apply(ev("mark", q1.offset, cue="q1"))
    assert hour_at(PLAN, state, CUES, q1.at + timedelta(hours=1)).status("q1") == "posted"


def test_phases() -> None:
    state = RunState()
    assert phase_at(PLAN, state, at(-1)) == "before"
    assert phase_at(PLAN, state, at(0)) == "during"
    assert phase_at(PLAN, state, at(59.9)) == "during"
    assert phase_at(PLAN, state, at(60)) == "after"


def test_checklist_current_phase_first_and_overdue() -> None:
    data = plan_dict()
    data["checklist"] = [
        {"phase": "before", "text": "Invite", "due": "-7d"},
        {"phase": "during", "text": "Retweet guests", "due": 30},
        {"phase": "after", "text": "Write a summary"},
        {"phase": "before", "text": "Done already", "done": True, "due": -60},
    ]
    plan = Plan.model_validate(data)
    groups = checklist_groups(plan, RunState(), (), plan.chat.start_at + timedelta(minutes=31))
    assert [phase for phase, _ in groups] == ["during", "before", "after"]
    during = groups[0][1]
    assert during[0].overdue
    before = dict(groups)["before"]
    # During the hour, a before item left undone is not flagged: that is noise then.
    assert [(e.item.text, e.done, e.overdue) for e in before] == [
        ("Invite", False, False), ("Done already", True, False)
    ]
    on_the_eve = dict(checklist_groups(plan, RunState(), (), plan.chat.start_at
                                       - timedelta(hours=1)))["before"]
    assert [(e.item.text, e.overdue) for e in on_the_eve] == [
        ("Invite", True), ("Done already", False)
    ]
    ticked = fold([ev("tick", 0, item=0, done=True)])
    before = dict(checklist_groups(plan, ticked, (), plan.chat.start_at))["before"]
    assert before[0].done and not before[0].overdue


def test_a_checklist_item_has_its_own_minute_before_it_is_overdue() -> None:
    # Seen in a terminal: "Welcome the participants" (due at 0) flagged overdue one
    # second after the start, while the moderator was posting the welcome.
    data = plan_dict()
    data["checklist"] = [{"phase": "during", "text": "Welcome everyone", "due": 0}]
    plan = Plan.model_validate(data)
    start = plan.chat.start_at

    def overdue(seconds: int) -> bool:
        groups = dict(checklist_groups(plan, RunState(), (), start + timedelta(seconds=seconds)))
        return groups["during"][0].overdue

    assert not overdue(1) and not overdue(59)
    assert overdue(60) and overdue(600)


@given(st.lists(st.sampled_from(["mark", "skip", "undo"]), max_size=30),
       st.lists(st.sampled_from([c.id for c in CUES]), min_size=30, max_size=30))
def test_undo_of_everything_leaves_nothing(kinds: list[str], ids: list[str]) -> None:
    events = [ev(k, i, cue=None if k == "undo" else ids[i]) for i, k in enumerate(kinds)]
    state = fold(events)
    while state.can_undo:
        state.apply(ev("undo", 40))
    assert state.posted == {} and state.skipped == set() and state.shifts == []


# --- writing back into the plan ---------------------------------------------------------

HAND_WRITTEN = """\
# My chat, written by hand.
[chat]
title = "Chat"   # the title
tag = "#T"
start = 2026-12-03T18:00:00+01:00
language = "en"

[[questions]]
text = "First?"  # keep me

[[questions]]
text = "Second?"

[[checklist]]
phase = "before"
text = "Invite guests"  # important
"""


def test_tick_and_template_keep_comments(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN)
    loaded = fingerprint(path)
    loaded = write_checklist_done(path, loaded, 0, True).fingerprint
    loaded = write_template(path, loaded, "questions[2]", "Deux ?\nSur deux lignes").fingerprint
    text = path.read_text()
    for comment in ("# My chat", "# the title", "# keep me", "# important"):
        assert comment in text
    plan = load_plan(path)
    assert plan.checklist[0].done
    assert plan.questions[1].text == "Deux ?\nSur deux lignes"
    assert not changed_on_disk(path, loaded)


def test_never_overwrites_someone_elses_edit(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN)
    loaded = fingerprint(path)
    path.write_text(HAND_WRITTEN.replace("First?", "Edited elsewhere?"))
    assert changed_on_disk(path, loaded)
    with pytest.raises(PlanChangedOnDisk):
        write_checklist_done(path, loaded, 0, True)
    assert "Edited elsewhere?" in path.read_text()
    assert "done" not in path.read_text()


def test_touch_is_not_a_change(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN)
    loaded = fingerprint(path)
    path.write_text(HAND_WRITTEN)
    assert not changed_on_disk(path, loaded)


# --- the end of a run, and where a rehearsal can jump --------------------------------


def test_waypoints_are_the_cues_the_start_and_the_end_in_time_order() -> None:
    points = waypoints(PLAN, RunState(), CUES)
    moments = [p.at for p in points]
    assert moments == sorted(set(moments))  # one per moment
    # The welcome stands for the start (same minute); the end has a waypoint of its own.
    assert (points[0].kind, points[0].cue and points[0].cue.id) == ("cue", "welcome@0")
    assert (points[-1].kind, points[-1].at) == ("end", at(60))
    assert waypoint_after(points, at(0)) == points[1]
    assert waypoint_after(points, at(60)) is None
    assert waypoint_before(points, at(0)) is None
    # Just past a cue, "back" goes to the one before it rather than to the same cue.
    q1 = next(p for p in points if p.cue is not None and p.cue.id == "q1")
    before_q1 = points[points.index(q1) - 1]
    assert waypoint_before(points, q1.at) == before_q1
    assert waypoint_before(points, q1.at + timedelta(seconds=1), timedelta(seconds=2)) == before_q1
    assert waypoint_before(points, q1.at + timedelta(seconds=30), timedelta(seconds=2)) == q1


def test_waypoints_pass_over_cues_already_posted_or_skipped() -> None:
    state = fold([ev("mark", 0, cue="welcome@0"), ev("skip", 1, cue="rules@2")])
    points = waypoints(PLAN, state, CUES)
    ids = [p.cue.id for p in points if p.cue is not None]
    assert "welcome@0" not in ids and "rules@2" not in ids and "q1" in ids
    # The start stands again where the welcome was; the next jump is the first cue left.
    assert (points[0].kind, points[0].at) == ("start", at(0))
    nxt = waypoint_after(points, at(0))
    assert nxt is not None and nxt.cue is not None and nxt.cue.id == ids[0]


def test_a_plan_without_a_post_at_the_start_has_a_start_waypoint() -> None:
    data = plan_dict()
    data["posts"] = [p for p in data["posts"] if p["at"] != 0]
    plan = Plan.model_validate(data)
    cues = build_schedule(plan, "")
    points = waypoints(plan, RunState(), cues)
    assert (points[0].kind, points[0].at) == ("start", plan.chat.start_at)


def test_waypoints_follow_shifts() -> None:
    state = fold([ev("shift", 20, seconds=120, cues=("q3",))])
    points = waypoints(PLAN, state, CUES)
    q3 = next(p for p in points if p.cue is not None and p.cue.id == "q3")
    assert q3.at == cue("q3").at + timedelta(minutes=2)
    assert points[-1].at == at(62)


def test_a_tick_derives_the_plan_the_file_now_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The run-sheet takes the plan from the tick instead of validating the file again:
    # it must be the plan a fresh load gives, item after item, ticked and unticked.
    from tui.core.plan import planedit

    validated: list[str] = []
    real_parse = planedit.parse_plan

    def parse_plan(text: str) -> Plan:
        validated.append(text)
        return real_parse(text)

    monkeypatch.setattr(planedit, "parse_plan", parse_plan)
    path = tmp_path / "plan.toml"
    path.write_text((Path(__file__).parents[2] / "plans" / "demo-en.toml").read_text())
    plan, loaded = load_plan(path), fingerprint(path)
    assert len(plan.checklist) >= 5
    for index in (0, len(plan.checklist) - 1, 2, 0):
        for done in (not plan.checklist[index].done, plan.checklist[index].done):
            written = write_checklist_done(path, loaded, index, done, plan)
            assert validated == []  # derived, not read back
            assert written.plan == load_plan(path)
            assert written.plan.checklist[index].done is done
            plan, loaded = written.plan, written.fingerprint


def test_edits_are_not_prepared_from_a_file_changed_since_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core.plan import planedit

    monkeypatch.setattr(planedit, "_last_written", planedit._LastDocument())
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN)
    loaded = fingerprint(path)
    path.write_text(HAND_WRITTEN.replace("First?", "Edited elsewhere?"))
    planedit.prepare_edits(path, loaded)
    planedit.prepare_edits(tmp_path / "missing.toml", loaded)
    # Back as it was when loaded: the tick must edit that text, not the one prepared
    # from while the file was changed.
    path.write_text(HAND_WRITTEN)
    write_checklist_done(path, loaded, 0, True)
    assert "Edited elsewhere?" not in path.read_text()
    assert load_plan(path).checklist[0].done


def test_an_item_the_posts_accomplish_ticks_itself_with_them() -> None:
    # Seen live: "Welcome the participants and recall the rules" stayed overdue after
    # the welcome and the rules were posted.
    data = plan_dict()
    data["checklist"] = [{"phase": "during", "text": "Welcome and recall the rules",
                          "due": 0, "done_with": ["welcome", "rules"]},
                         {"phase": "during", "text": "Retweet guests", "due": 0}]
    plan = Plan.model_validate(data)
    cues = build_schedule(plan, "")
    moment = plan.chat.start_at + timedelta(minutes=4)

    def during(state: RunState) -> list[tuple[bool, bool]]:
        entries = dict(checklist_groups(plan, state, cues, moment))["during"]
        return [(e.done, e.overdue) for e in entries]

    assert during(RunState()) == [(False, True), (False, True)]
    welcome_only = fold([ev("mark", 0, cue="welcome@0")])
    assert during(welcome_only) == [(False, True), (False, True)]  # the rules too
    both = fold([ev("mark", 0, cue="welcome@0"), ev("mark", 2, cue="rules@2")])
    assert during(both) == [(True, False), (False, True)]
    # A tick says the last word: unticked by hand, it stays unticked.
    unticked = fold([ev("mark", 0, cue="welcome@0"), ev("mark", 2, cue="rules@2"),
                     ev("tick", 3, item=0, done=False)])
    assert during(unticked)[0] == (False, True)
    # A mark undone takes the tick back with it.
    undone = fold([ev("mark", 0, cue="welcome@0"), ev("mark", 2, cue="rules@2"),
                   ev("undo", 3)])
    assert during(undone)[0] == (False, True)
