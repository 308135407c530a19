"""French values filled into the words: a line never splits a number from its unit or a
day from its month, and a number with decimals has its decimal comma. English is
written as it always was, and what a post or a page says is left to `typography`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tui.core.plan.newplan import NewPlanOptions, build_plan
from tui.core.run.preflight import preflight, preflight_lines, time_left
from tui.core.text.numbers import decimal
from tui.core.text.said import Said
from tui.core.text.words import Words
from tui.core.timing.dates import short_time, start_line
from tui.core.timing.zones import clock_in_zone, offset_label

NBSP = "\u00a0"
START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # Thursday, 18:00 in Paris
PARIS = ZoneInfo("Europe/Paris")


def test_time_left_in_french_is_one_unbroken_value() -> None:
    left = time_left(timedelta(days=1, hours=2, minutes=5), "fr")
    assert left == f"1{NBSP}j{NBSP}2{NBSP}h{NBSP}5{NBSP}min"
    assert " " not in left
    assert time_left(timedelta(days=1, hours=2, minutes=5), "en") == "1 d 2 h 5 min"


def test_an_offset_holds_its_unit_in_french_only() -> None:
    assert [offset_label(m, "fr") for m in (-14 * 1440, -240, -65, 7)] == [
        f"−14{NBSP}j", f"−4{NBSP}h", f"−65{NBSP}min", f"+7{NBSP}min"]
    assert [offset_label(m, "en") for m in (-14 * 1440, -240, -65, 7)] == [
        "−14 d", "−4 h", "−65 min", "+7 min"]


def test_a_short_date_on_screen_is_held_a_page_keeps_its_own() -> None:
    week_before = START - timedelta(days=7)
    held = clock_in_zone(week_before, PARIS, "fr", reference=START, held=True)
    assert held == f"jeu.{NBSP}26{NBSP}nov. 18:00"
    # Exports put their typography on the whole page: their value is as it was.
    assert clock_in_zone(week_before, PARIS, "fr", reference=START) == "jeu. 26 nov. 18:00"
    assert clock_in_zone(week_before, PARIS, "en", reference=START,
                         held=True) == "Thu, Nov 26 18:00"


def test_the_start_on_screen_holds_its_date_and_times_a_post_is_unchanged() -> None:
    audience = ["Europe/Paris", "Asia/Tokyo"]
    shown = start_line(START, PARIS, audience, "fr", held=True)
    assert shown == (f"jeudi 3{NBSP}décembre à 18{NBSP}h{NBSP}00 (Paris) · "
                     f"ven.{NBSP}4 2{NBSP}h{NBSP}00 à Tokyo")
    # A post's {zones}: written as before (a post gets its spaces from `for_post`).
    assert start_line(START, PARIS, audience, "fr") == (
        "jeudi 3 décembre à 18 h 00 (Paris) · ven. 4 2 h 00 à Tokyo")
    assert start_line(START, PARIS, audience, "en", held=True) == start_line(
        START, PARIS, audience, "en")
    assert short_time(START, PARIS, "fr", held=True) == f"18{NBSP}h{NBSP}00"
    assert short_time(START, PARIS, "fr") == "18 h 00"


def test_the_pre_flight_never_splits_its_values() -> None:
    plan = build_plan(
        NewPlanOptions(language="fr", start="2026-12-03 18:00"),  # type: ignore[arg-type]
        START - timedelta(days=30))
    # The two-weeks promotion is late: what to do first names its day ("(prévue mer. 2
    # / déc. 18:00)" was seen split at 120x36).
    lines = preflight_lines(preflight(plan, START - timedelta(days=8)), plan)
    assert lines[0] == f"Avant le départ (dans 8{NBSP}j){NBSP}:"
    assert f"publiées{NBSP}: −14{NBSP}j" in lines[1]
    assert lines[-1].endswith(
        f"publier l'annonce −14{NBSP}j (prévue jeu.{NBSP}19{NBSP}nov. 18:00)")


def test_the_decimal_comma_in_french() -> None:
    assert decimal(0.2, "fr") == "0,2"
    assert decimal(0.2, "en") == "0.2"
    assert decimal(23.25, "fr", ".1f") == "23,2"
    assert decimal(10.0, "fr") == "10"
    words = Words("fr")
    assert words("screen.clipboard_timeout", seconds=decimal(0.2, "fr")) == (
        f"Le presse-papiers du système n'a pas répondu en 0,2{NBSP}s.")


def test_a_said_number_with_decimals_gets_the_comma_and_keeps_its_unit() -> None:
    said = Said.of("check.file_too_large", size=12.5, limit=10)
    assert f"fait 12,5{NBSP}Mo" in said.say("fr") and f"de 10{NBSP}Mo" in said.say("fr")
    assert "is 12.5 MB" in said.say("en")
