from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from helpers import make_plan, plan_dict

from tui.core.plan.model import Plan
from tui.core.plan.schedule import build_schedule, question_offsets


def test_questions_spread_between_rules_and_closing() -> None:
    offsets = question_offsets(make_plan())
    # rules at 2 (+3 minutes), closing at 55: eight questions, 6.25 minutes apart.
    assert offsets == [5, 11, 17, 23, 30, 36, 42, 48]


def test_written_minutes_are_kept_and_the_gaps_filled_evenly() -> None:
    data = plan_dict()
    data["questions"][0]["at"] = 10
    data["questions"][3]["at"] = 30
    offsets = question_offsets(Plan.model_validate(data))
    assert offsets[0] == 10 and offsets[3] == 30
    assert offsets[1:3] == [16, 23]
    assert offsets == sorted(offsets)
    assert offsets[-1] < 55


def test_without_opening_or_closing_posts_defaults_frame_the_hour() -> None:
    data = plan_dict(duration=90)
    data["posts"] = []
    offsets = question_offsets(Plan.model_validate(data))
    assert offsets[0] == 5
    assert offsets[-1] < 85


def test_schedule_is_in_posting_order_with_heads_ups() -> None:
    cues = build_schedule(make_plan(), "{q} in {minutes} min")
    kinds = [c.kind for c in cues]
    assert kinds[:3] == ["welcome", "rules", "heads-up"]
    assert [c.offset for c in cues] == sorted(c.offset for c in cues)
    heads_ups = [c for c in cues if c.kind == "heads-up"]
    assert [c.number for c in heads_ups] == list(range(1, 9))
    assert all(c.derived for c in heads_ups)
    questions = {c.number: c.offset for c in cues if c.kind == "question"}
    assert all(questions[h.number] - h.offset == 2 for h in heads_ups if h.number)


def test_no_derived_heads_ups_when_the_plan_writes_its_own() -> None:
    data = plan_dict()
    data["posts"].append({"kind": "heads-up", "at": 20, "text": "{q} soon"})
    cues = build_schedule(Plan.model_validate(data), "{q} in {minutes} min")
    assert [c.derived for c in cues if c.kind == "heads-up"] == [False]


def test_heads_up_never_takes_a_busy_minute() -> None:
    data = plan_dict()
    data["questions"][0]["at"] = 4  # heads-up would be at 2, the rules' minute
    cues = build_schedule(Plan.model_validate(data), "{q}")
    assert not any(c.kind == "heads-up" and c.number == 1 for c in cues)


def test_cue_ids_survive_text_edits_and_new_posts() -> None:
    before = {c.id for c in build_schedule(make_plan(), "")}
    data = plan_dict()
    data["posts"][0]["text"] = "Welcome, edited!"
    data["posts"].insert(0, {"kind": "promo", "at": "-1d", "text": "Tomorrow!"})
    after = {c.id for c in build_schedule(Plan.model_validate(data), "")}
    assert before <= after
    assert after - before == {"promo@-1440"}


def test_daylight_saving_night_counts_real_minutes() -> None:
    # 29 March 2026, Paris: 02:00 CET jumps to 03:00 CEST. A chat at 01:30 for an hour.
    plan = make_plan(start=datetime(2026, 3, 29, 1, 30), duration=60)  # noqa: DTZ001
    paris = ZoneInfo("Europe/Paris")
    assert plan.chat.start_at == datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    assert plan.chat.end_at.astimezone(paris).strftime("%H:%M %Z") == "03:30 CEST"
    cues = build_schedule(plan, "")
    closing = next(c for c in cues if c.kind == "closing")
    assert closing.at.astimezone(paris).strftime("%H:%M") == "03:25"
    assert (closing.at - plan.chat.start_at).total_seconds() == 55 * 60


def test_autumn_night_keeps_elapsed_time_across_the_repeated_hour() -> None:
    # 25 October 2026, Paris: 03:00 CEST goes back to 02:00 CET.
    data = plan_dict(start=datetime(2026, 10, 25, 1, 45), duration=120)  # noqa: DTZ001
    data["posts"].append({"kind": "custom", "at": 118, "text": "Still here"})
    cues = build_schedule(Plan.model_validate(data), "")
    paris = ZoneInfo("Europe/Paris")
    thanks = next(c for c in cues if c.kind == "thanks")
    late = next(c for c in cues if c.offset == 118)
    # Both read 02:43 on the wall, an hour of real time apart.
    assert thanks.at.astimezone(paris).strftime("%H:%M %Z") == "02:43 CEST"
    assert late.at.astimezone(paris).strftime("%H:%M %Z") == "02:43 CET"


def test_start_line_names_zones_that_share_a_clock_together() -> None:
    from tui.core.timing.dates import start_line

    plan = make_plan(language="fr")
    line = start_line(plan.chat.start_at, plan.chat.zone,
                      ["Africa/Dakar", "Africa/Abidjan", "Africa/Douala", "America/New_York"],
                      "fr")
    # Douala has Paris's clock in December; New York is six hours behind.
    assert line == ("jeudi 3 décembre à 18 h 00 (Paris) · 17 h 00 à Dakar, Abidjan"
                    " · 12 h 00 à New York")
    # The audience's {zones} names it beside Paris, not left out.
    assert start_line(plan.chat.start_at, plan.chat.zone,
                      ["Africa/Dakar", "Africa/Douala"], "fr", every_zone=True) == (
        "jeudi 3 décembre à 18 h 00 (Paris, Douala) · 17 h 00 à Dakar")


def test_zones_name_an_audience_city_on_the_chats_own_clock() -> None:
    from tui.core.plan.drafts import DraftBook

    # A chat in Abidjan for Dakar and Paris: Dakar shares Abidjan's time all year.
    plan = make_plan(language="fr", timezone="Africa/Abidjan",
                     audience_timezones=["Africa/Dakar", "Europe/Paris"])
    zones = DraftBook(plan).common_values["zones"]
    assert zones == "jeudi 3 décembre à 18 h 00 (Abidjan, Dakar) · 19 h 00 à Paris"
    english = make_plan(timezone="Africa/Abidjan", audience_timezones=["Africa/Dakar"])
    assert DraftBook(english).common_values["zones"] == \
        "Thursday, December 3 at 6:00 PM (Abidjan, Dakar)"
