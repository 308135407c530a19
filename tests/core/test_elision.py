"""French elision where our words meet a value, and words said later in a language."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.text.elision import elide, join
from tui.core.text.said import Said, SaidError
from tui.core.text.words import Words
from tui.core.timing.dates import start_line


@pytest.mark.parametrize(("word", "value", "expected"), [
    ("de", "Abidjan", "d'Abidjan"),
    ("de", "Ouagadougou", "d'Ouagadougou"),
    ("de", "Édimbourg", "d'Édimbourg"),
    ("De", "Accra", "D'Accra"),
    ("de", "Paris", "de Paris"),
    ("de", "Yaoundé", "de Yaoundé"),  # y: a consonant there
    ("de", "Hanoï", "de Hanoï"),  # h: mute or not, the letter cannot tell
    ("de", "@awa_d", "de @awa_d"),
    ("de", "18 h 00", "de 18 h 00"),
    ("le", "Accueil", "l'Accueil"),
    ("que", "Awa", "qu'Awa"),
    ("à", "Abidjan", "à Abidjan"),  # French never elides "à"
    ("à", "Le Caire", "au Caire"),
    ("À", "Le Caire", "Au Caire"),
    ("de", "Le Caire", "du Caire"),
    ("de", "Les Amis de la Terre", "des Amis de la Terre"),
    ("à", "La Havane", "à La Havane"),
    ("de", "", "de "),
])
def test_join(word: str, value: str, expected: str) -> None:
    assert join(word, value) == expected


def test_the_words_table_elides_where_a_french_template_meets_a_place() -> None:
    fr, en = Words("fr"), Words("en")
    assert fr("export.email_questions", place="Abidjan") == (
        "Les questions, à l'heure d'Abidjan\u00a0:")
    assert fr("export.email_questions", place="Paris") == (
        "Les questions, à l'heure de Paris\u00a0:")
    assert fr("preflight.do_confirm", name="Awa Diallo") == "obtenir la confirmation d'Awa Diallo"
    assert fr("preflight.do_confirm", name="Le Monde") == "obtenir la confirmation du Monde"
    assert en("export.email_questions", place="Abidjan") == "The questions, in Abidjan time:"


def test_a_value_written_into_the_template_stays_literal() -> None:
    # "au Caire" is written into the template: braces in the value must not become fields.
    template = elide("à {place}", {"place": "Le {title}"})
    assert template.format(place="Le {title}") == "au {title}"


@given(st.text(max_size=30), st.sampled_from(["de", "le", "la", "que", "à", "De", "À"]))
def test_elision_keeps_the_value_whole(value: str, word: str) -> None:
    template = elide(f"x {word} {{v}} y", {"v": value})
    said = template.format(v=value)
    assert said.startswith("x ") and said.endswith(" y")
    # The value is there, whole, or (contracted) without its leading article only.
    assert value in said or value.partition(" ")[2] in said


def test_the_start_in_other_zones_contracts_le_caire() -> None:
    moment = datetime(2026, 12, 3, 17, tzinfo=UTC)
    line = start_line(moment, ZoneInfo("Africa/Abidjan"), ["Africa/Cairo", "Africa/Douala"],
                      "fr")
    assert "19 h 00 au Caire" in line and "18 h 00 à Douala" in line
    assert "19:00" not in line
    english = start_line(moment, ZoneInfo("Africa/Abidjan"), ["Africa/Cairo"], "en")
    assert english.endswith("7:00 PM in Cairo")


def test_said_later_in_either_language() -> None:
    said = Said.of("check.tag_long", tag="'#Tag'", length=20, limit=16)
    assert said.say("en") == ("tag '#Tag' is 20 characters long: every post pays for it, aim "
                              "for 16 or fewer")
    assert said.say("fr").startswith("le tag '#Tag' fait 20 caractères")
    # Words of its own, said in the same language; a text from a plan made visible.
    nested = Said.of("check.on_network", network="bluesky",
                     warning=Said.of("check.not_bluesky_handle", handle="'@a\x1b'"))
    assert nested.say("fr").startswith("sur bluesky\u00a0: '@a\u241b' n'est pas un compte Bluesky")
    assert str(SaidError(said)) == said.say("en")


def test_large_numbers_are_grouped_as_each_language_writes_them() -> None:
    said = Said.of("check.limit_range", where="", limit=100_000)
    assert said.say("en") == "should be between 1 and 100,000"
    assert said.say("fr") == "devrait être entre 1 et 100\u00a0000"


def test_a_text_field_is_made_visible_and_cut() -> None:
    # What a server answered may be anything: one Said for the feed and the plan.
    from tui.core.feed.status import Said as FeedSaid
    from tui.core.text.said import MAX_FIELD

    assert FeedSaid is Said
    said = Said.of("check.not_toml", reason="\x1b[31m" + "x" * 10_000)
    text = said.say("en")
    assert "\x1b" not in text and "\u241b[31m" in text
    assert len(text) == len("not valid TOML: ") + MAX_FIELD and text.endswith("…")
