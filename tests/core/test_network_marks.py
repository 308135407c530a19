"""Marks per network: a cue is done when posted or skipped on every network of the plan;
a mark without a network (every old log) is the cue on every network."""

from __future__ import annotations

from pathlib import Path

from helpers import at, ev, make_plan
from hypothesis import given
from hypothesis import strategies as st

from tui.core.run.asrun import AsRunLog, Event, read_log
from tui.core.run.report import build_report
from tui.core.run.runstate import fold

THREE = ("x", "bluesky", "mastodon")


def test_a_cue_is_done_once_posted_or_skipped_on_every_network() -> None:
    state = fold([ev("mark", 5, cue="q1", network="bluesky")], THREE)
    assert not state.done("q1") and state.networks_left("q1") == ("x", "mastodon")
    assert state.on_network("q1", "bluesky") == "posted"
    state.apply(ev("mark", 6, cue="q1", network="x"))
    state.apply(ev("skip", 7, cue="q1", network="mastodon"))
    assert state.done("q1") and state.networks_left("q1") == ()
    # Posted, at its first post: the moment the chat saw the question.
    assert state.posted == {"q1": at(5)} and "q1" not in state.skipped
    assert state.on_network("q1", "mastodon") == "skipped"


def test_skipped_on_every_network_is_skipped_and_undo_takes_one_network_back() -> None:
    state = fold([ev("skip", 1, cue="q2", network=n) for n in THREE], THREE)
    assert state.skipped == {"q2"} and state.posted == {}
    state.apply(ev("undo", 2))
    assert not state.done("q2") and state.networks_left("q2") == ("mastodon",)


def test_a_mark_without_a_network_is_the_cue_on_every_network() -> None:
    state = fold([ev("mark", 3, cue="q1"), ev("skip", 4, cue="q2")], THREE)
    assert state.posted == {"q1": at(3)} and state.skipped == {"q2"}
    assert [state.on_network("q1", n) for n in THREE] == ["posted"] * 3
    assert [state.on_network("q2", n) for n in THREE] == ["skipped"] * 3
    # ... and a network skipped afterwards leaves the cue posted on the others.
    state.apply(ev("skip", 5, cue="q1", network="x"))
    assert state.posted == {"q1": at(3)} and state.on_network("q1", "x") == "skipped"


def test_an_old_log_counts_for_the_plans_one_network() -> None:
    events = [ev("mark", 0, cue="welcome@0"), ev("skip", 2, cue="rules@2"),
              ev("compress", 10, cues=("q3",), moves=(60,), skips=("q8",))]
    one = fold(events, ("x",))
    legacy = fold(events)
    assert (one.posted, one.skipped) == (legacy.posted, legacy.skipped)
    assert one.on_network("welcome@0", "x") == "posted" and one.skipped == {"rules@2", "q8"}


def test_a_mark_on_a_network_the_plan_left_counts_for_nothing() -> None:
    state = fold([ev("mark", 1, cue="q1", network="threads")], ("x",))
    assert not state.done("q1")
    # x-legacy and x are one network: a plan moved from one to the other keeps its marks.
    assert fold([ev("mark", 1, cue="q1", network="x")], ("x-legacy",)).done("q1")
    # Without the plan's networks, every mark is the cue's, as it always was.
    assert fold([ev("mark", 1, cue="q1", network="threads")]).done("q1")


def test_the_network_goes_to_the_log_and_back(tmp_path: Path) -> None:
    log = AsRunLog(tmp_path / "plan.toml.asrun.jsonl")
    marked = ev("mark", 1, cue="q1", network="bluesky")
    log.append(marked)
    log.append(ev("mark", 2, cue="q2"))
    assert log.read() == [marked, ev("mark", 2, cue="q2")]
    assert '"network":"bluesky"' in log.path.read_text(encoding="utf-8")
    assert '"network"' not in ev("mark", 2, cue="q2").to_json()  # old lines stay as they were
    # A network tchat does not know is no line it wrote.
    line = marked.to_json().replace("bluesky", "myspace")
    assert Event.from_json(line) is None
    log.path.write_text(line + "\n", encoding="utf-8")
    assert read_log(log.path).skipped_lines == [1]


def test_the_report_counts_a_cue_once_it_is_out_on_every_network() -> None:
    plan = make_plan(platforms=["x", "bluesky"])
    report = build_report(plan, [ev("mark", 3, cue="q1", network="x")])
    [row] = [r for r in report.rows if r.id == "q1"]
    assert row.outcome == "not-done"
    report = build_report(plan, [ev("mark", 3, cue="q1", network="x"),
                                 ev("mark", 4, cue="q1", network="bluesky")])
    [row] = [r for r in report.rows if r.id == "q1"]
    assert row.outcome == "posted" and row.actual == at(3)


@given(st.lists(st.tuples(st.sampled_from(["mark", "skip", "undo"]),
                          st.sampled_from([None, *THREE])), max_size=12))
def test_done_means_every_network_has_it(steps: list[tuple[str, str | None]]) -> None:
    events = [ev(kind, minute, cue="q1", network=network) if kind != "undo"
              else ev("undo", minute) for minute, (kind, network) in enumerate(steps)]
    state = fold(events, THREE)
    each = [state.on_network("q1", n) for n in THREE]
    assert state.done("q1") == all(each)
    assert ("q1" in state.posted) == (all(each) and "posted" in each)
    assert ("q1" in state.skipped) == (all(each) and "posted" not in each)
    assert state.networks_left("q1") == tuple(n for n, s in zip(THREE, each, strict=True)
                                              if s is None)
