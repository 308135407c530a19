"""Pre-flight: what is late before the start, from a clock passed in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.plan.model import Plan
from tui.core.plan.newplan import NewPlanOptions, build_plan
from tui.core.plan.planfile import load_plan
from tui.core.run.preflight import Task, preflight, preflight_lines, time_left

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 18:00 in Paris


def new_plan(language: str = "en") -> Plan:
    return build_plan(
        NewPlanOptions(language=language, start="2026-12-03 18:00"),  # type: ignore[arg-type]
        START - timedelta(days=30),
    )


def test_twenty_six_minutes_before_a_new_plan() -> None:
    plan = new_plan()
    check = preflight(plan, START - timedelta(minutes=26))
    # The two-weeks, one-week and one-day posts, and the two an hour before.
    assert [c.offset for c in check.late_promotions] == [-14 * 1440, -7 * 1440, -1440, -65, -60]
    assert [g.name for g in check.invited] == ["Guest 1", "Guest 2"]
    assert [g.name for g in check.without_handle] == ["Guest 1", "Guest 2"]
    assert [t.item.due for t in check.overdue] == sorted(t.item.due or 0 for t in check.overdue)
    assert all(t.item.phase == "before" for t in check.overdue)
    assert check.overdue[-1].item.due == -65  # the -15 min item is not due yet
    assert check.first is check.late_promotions[-1]
    lines = preflight_lines(check, plan)
    assert lines[0] == "Pre-flight (26 min to the start):"
    assert "promotions whose time has passed, not marked posted: −14 d, −7 d, −1 d, −65 min, " \
           "−60 min" in lines
    assert lines[-1] == "First, now: post the −60 min promotion (due 17:00)"


def test_posted_promotions_and_done_items_are_not_late() -> None:
    plan = new_plan()
    now = START - timedelta(days=10)
    promos = preflight(plan, now).late_promotions
    assert [c.offset for c in promos] == [-14 * 1440]
    check = preflight(plan, now, done={promos[0].id})
    assert check.late_promotions == ()
    for item in plan.checklist:
        item.done = True
    for guest in plan.guests:
        guest.status, guest.handle = "confirmed", "@g"
    check = preflight(plan, now, done={promos[0].id})
    assert check.clear
    # Nothing late: the first thing is the next step ahead, the one-week promotion.
    assert check.first is not None and not isinstance(check.first, Task)
    lines = preflight_lines(check, plan)
    assert lines[1] == "nothing is late."
    assert lines[2] == "First, now: the −7 d promotion, Thu, Nov 26 18:00"


def test_french_pre_flight_and_nothing_once_started() -> None:
    plan = load_plan(GOLDEN / "plan-fr.toml")
    check = preflight(plan, START - timedelta(days=1, hours=2, minutes=5))
    lines = preflight_lines(check, plan)
    assert lines[0] == "Avant le départ (dans 1\u00a0j\u00a02\u00a0h\u00a05\u00a0min)\u00a0:"
    assert any(line.startswith("invités pas encore confirmés") and "juristes" in line
               for line in lines)
    assert "en retard (−7\u00a0j)\u00a0: Envoyer les questions aux invités à l'avance pour " \
           "qu'ils préparent leurs réponses" in lines
    assert preflight_lines(preflight(plan, START), plan) == []
    assert preflight_lines(preflight(plan, START + timedelta(hours=2)), plan) == []


def test_time_left() -> None:
    assert time_left(timedelta(minutes=26, seconds=59), "en") == "26 min"
    assert time_left(timedelta(days=2, hours=3), "fr") == "2\u00a0j\u00a03\u00a0h"
    assert time_left(timedelta(days=2, hours=3), "en") == "2 d 3 h"
    assert time_left(timedelta(seconds=20), "en") == "0 min"
