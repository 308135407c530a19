"""Planned versus actual: the report's rows, deltas, overrun and CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from tests.helpers import make_plan, plan_dict
from tui.core.plan.model import Plan
from tui.core.run.asrun import Event
from tui.core.run.report import CSV_COLUMNS, build_report, format_delta, to_csv
from tui.core.timing.spans import round_seconds

PLAN = make_plan()
START = PLAN.chat.start_at


def at(minutes: float) -> datetime:
    return (START + timedelta(minutes=minutes)).astimezone(UTC)


def ev(kind: str, minute: float, **fields: object) -> Event:
    return Event(kind, clock=at(minute), wall=at(minute), **fields)  # type: ignore[arg-type]


RUN = [
    ev("mark", 0.2, cue="welcome@0"),
    ev("mark", 2.5, cue="rules@2"),
    ev("skip", 3, cue="hu1"),
    ev("mark", 4.5, cue="q1"),  # 30 s early
    ev("mark", 12 + 5 / 60, cue="q2"),  # planned at minute 11: 1:05 late
    ev("highlight", 13, cue="q2", text="https://x.com/a/status/1"),
    ev("reply", 13, text="Merci !"),
]


def test_rows_follow_the_schedule_with_actual_times_and_outcomes() -> None:
    report = build_report(PLAN, RUN)
    by_id = {r.id: r for r in report.rows}
    assert [r.id for r in report.rows][:4] == ["welcome@0", "rules@2", "hu1", "q1"]
    assert by_id["welcome@0"].outcome == "posted"
    assert by_id["welcome@0"].delta == timedelta(seconds=12)
    assert (by_id["hu1"].outcome, by_id["hu1"].actual, by_id["hu1"].delta) == (
        "skipped", None, None)
    assert by_id["q1"].delta == timedelta(seconds=-30)
    assert by_id["q3"].outcome == "not-done" and by_id["q3"].delta is None
    assert by_id["q2"].planned == by_id["q2"].cue.at  # the plan's time, nothing else
    assert (report.posted, report.skipped) == (4, 1)
    assert report.not_done == len(report.rows) - 5


def test_overrun_is_the_delay_of_the_last_post_of_the_chat() -> None:
    report = build_report(PLAN, RUN)
    last = report.last_posted
    assert last is not None and last.id == "q2"
    assert report.overrun is not None and round_seconds(report.overrun) == 65
    # Ahead of time gives a negative overrun, said as such.
    early = build_report(PLAN, [ev("mark", 57, cue="thanks@58")])
    assert early.overrun == timedelta(minutes=-1)
    assert build_report(PLAN, []).overrun is None


def test_shifts_do_not_move_the_planned_time() -> None:
    events = [ev("shift", 6, seconds=120, cues=("q1", "q2")), ev("mark", 7, cue="q1")]
    row = next(r for r in build_report(PLAN, events).rows if r.id == "q1")
    assert row.planned == at(5) and row.delta == timedelta(minutes=2)


def test_undone_marks_and_unknown_cues_are_left_out() -> None:
    events = [ev("mark", 0, cue="welcome@0"), ev("undo", 1), ev("mark", 1, cue="gone@9")]
    report = build_report(PLAN, events)
    assert report.posted == 0
    assert "gone@9" not in {r.id for r in report.rows}


def test_promotion_before_the_start_only_when_something_was_done_with_it() -> None:
    data = plan_dict()
    data["posts"].append({"kind": "promo", "at": "-1d", "text": "Tomorrow!"})
    data["posts"].append({"kind": "promo", "at": "-1h", "text": "In an hour!"})
    plan = Plan.model_validate(data)
    quiet = build_report(plan, [])
    assert all(r.cue.offset >= 0 for r in quiet.rows)
    done = build_report(plan, [ev("mark", -59, cue="promo@-60")])
    assert done.rows[0].id == "promo@-60" and done.rows[0].delta == timedelta(minutes=1)
    # A promotion is not the chat: it never sets the overrun.
    assert done.overrun is None


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "+0:00"), (65, "+1:05"), (-30, "-0:30"), (7500, "+125:00"), (59.6, "+1:00"),
     (-0.4, "+0:00"), (-59.5, "-1:00"), (0.5, "+0:01")],
)
def test_delta_text(seconds: float, text: str) -> None:
    assert format_delta(timedelta(seconds=seconds)) == text


def test_actual_times_are_whole_seconds_so_time_and_delta_agree() -> None:
    marks = [ev("mark", 5 + 2.6 / 60, cue="q1"), ev("mark", 11 + 2.4 / 60, cue="q2")]
    rows = {r.id: r for r in build_report(PLAN, marks).rows}
    assert rows["q1"].actual == at(5) + timedelta(seconds=3)
    assert rows["q2"].actual == at(11) + timedelta(seconds=2)
    assert rows["q1"].delta == timedelta(seconds=3)


def test_rounding_is_symmetric() -> None:
    for seconds in (0.5, 1.49, 59.5, 3600.5):
        assert round_seconds(timedelta(seconds=-seconds)) == -round_seconds(
            timedelta(seconds=seconds))


def test_csv_is_plain_complete_and_deterministic() -> None:
    text = to_csv(build_report(PLAN, RUN))
    assert text == to_csv(build_report(PLAN, list(RUN)))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(build_report(PLAN, RUN).rows)
    welcome, _rules, heads_up, q1 = rows[:4]
    assert welcome == {
        "cue": "welcome@0", "kind": "welcome", "question": "", "part": "",
        "planned": "2026-12-03T18:00:00+01:00", "actual": "2026-12-03T18:00:12+01:00",
        "outcome": "posted", "delta_seconds": "12", "delta": "+0:12",
    }
    assert (heads_up["outcome"], heads_up["actual"], heads_up["delta"]) == ("skipped", "", "")
    assert (q1["question"], q1["delta_seconds"], q1["delta"]) == ("1", "-30", "-0:30")
    assert "\r" not in text and "\x1b" not in text
