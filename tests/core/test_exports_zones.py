"""Times in every zone, right across daylight-saving changes, written by Babel in the
plan's language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from helpers import make_plan, plan_dict

from tui.core.exports import export, make_context
from tui.core.exports.context import when_lines
from tui.core.plan.model import Plan
from tui.core.timing.zones import times_in_zones


def test_europe_and_america_change_on_different_weekends() -> None:
    # Paris left summer time on 25 October 2026, New York only does on 1 November:
    # for that one week the gap is five hours, not six.
    october = make_plan(start=datetime(2026, 10, 29, 18, 0),  # noqa: DTZ001
                        audience_timezones=["America/New_York"])
    november = make_plan(start=datetime(2026, 11, 5, 18, 0),  # noqa: DTZ001
                         audience_timezones=["America/New_York"])
    assert when_lines(make_context(october))[1] == (
        "New York", "Thursday, October 29, 2026, 1:00 PM – 2:00 PM"
    )
    assert when_lines(make_context(november))[1] == (
        "New York", "Thursday, November 5, 2026, 12:00 PM – 1:00 PM"
    )


def test_a_chat_across_the_spring_forward_night() -> None:
    # 01:30 in Paris on 29 March 2026; at 02:00 the clocks jump to 03:00. The hour ends
    # at 03:30 local time, and minute 45 is 03:15, not 02:15.
    data = plan_dict(start=datetime(2026, 3, 29, 1, 30), language="fr")  # noqa: DTZ001
    data["questions"][5]["at"] = 45
    plan = Plan.model_validate(data)
    ctx = make_context(plan, zones=[ZoneInfo("Europe/Paris"), ZoneInfo("UTC")])
    assert when_lines(ctx)[0] == ("Paris", "dimanche 29 mars 2026, 1 h 30 – 3 h 30")
    q6 = next(c for c in ctx.book.cues if c.id == "q6")
    assert times_in_zones(q6.at, ctx.zones, "fr", compact=True) == (
        "03:15 (Paris) · 01:15 (UTC)"
    )
    assert "### Q6 · 03:15 (Paris) · 01:15 (UTC)" in export("runsheet-md", ctx).text


def test_a_bare_offset_is_named_by_its_offset() -> None:
    plan = make_plan(start=datetime.fromisoformat("2026-12-03T18:00:00+01:00"), timezone=None)
    assert when_lines(make_context(plan)) == [
        ("UTC+01:00", "Thursday, December 3, 2026, 6:00 PM – 7:00 PM")
    ]


def test_zones_given_replace_the_defaults_in_their_order() -> None:
    plan = make_plan(audience_timezones=["America/New_York"], language="fr")
    ctx = make_context(plan, zones=[ZoneInfo("Africa/Dakar"), ZoneInfo("Europe/Paris")])
    text = export("runsheet-md", ctx).text
    assert "Heures en\u00a0: Dakar, Paris" in text
    assert "### Accueil · 17:00 (Dakar) · 18:00 (Paris)" in text
    assert "New York" not in text


def test_same_clock_zones_are_named_together() -> None:
    plan = make_plan(audience_timezones=["Africa/Dakar", "Africa/Abidjan", "Africa/Douala"],
                     language="fr")
    assert [places for places, _ in when_lines(make_context(plan))] == [
        "Paris, Douala", "Dakar, Abidjan",
    ]


def test_another_day_is_said() -> None:
    plan = make_plan(audience_timezones=["Pacific/Auckland"], language="fr")
    plan.posts.append(plan.posts[0].model_copy(update={"kind": "promo", "at": -7 * 1440}))
    ctx = make_context(plan)
    # 18:00 in Paris is 06:00 the next morning in Auckland: the brief says which day.
    assert when_lines(ctx)[1] == (
        "Auckland", "vendredi 4 décembre 2026, 6 h 00 – 7 h 00"
    )
    text = export("runsheet-md", ctx).text
    # During the chat each zone is on its own chat day: no date to repeat.
    assert "### Accueil · 18:00 (Paris) · 06:00 (Auckland)" in text
    # A week before, the day is given in each zone, and differs between them.
    assert "### Annonce · jeu. 26 nov. 18:00 (Paris) · ven. 27 nov. 06:00 (Auckland)" in text


def test_a_zone_is_named_by_the_city_written() -> None:
    # America/Montreal is a tzdata link to America/Toronto; Babel alone says "Toronto".
    plan = make_plan(audience_timezones=["America/Montreal", "America/Buenos_Aires"])
    assert [places for places, _ in when_lines(make_context(plan))] == [
        "Paris", "Montreal", "Buenos Aires",
    ]


def test_place_names_in_french() -> None:
    # Babel's French where it has one, and Montréal, which its data lacks.
    plan = make_plan(language="fr", audience_timezones=[
        "America/Montreal", "Europe/Moscow", "Asia/Singapore", "Europe/Brussels",
    ])
    assert [places for places, _ in when_lines(make_context(plan))] == [
        "Paris, Bruxelles", "Montréal", "Moscou", "Singapour",
    ]
