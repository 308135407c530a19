"""Dates and times written the way a reader of the plan's language writes them.

Babel, not `strftime`: the machine's locale must not decide whether a French post says
"jeudi 3 décembre à 18 h 00" or "Thursday, December 3 at 6:00 PM".

`held` values are the screen's and the terminal's: in French a line never splits them,
U+00A0 NO-BREAK SPACE inside a time ("18 h 00") and between a day and its month or its
weekday ("3 décembre", "ven. 4"), as `typography` writes the words around them. Posts
and pages get their spaces from `typography` on the whole text, so theirs are written
as they always were.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.core import get_global
from babel.dates import format_datetime, get_timezone_location

from tui.core.text.elision import join
from tui.core.text.typography import NBSP

_DATE_TIME = {
    "fr": "EEEE d MMMM 'à' H 'h' mm",
    "en": "EEEE, MMMM d 'at' h:mm a",
}
_TIME = {"fr": "H 'h' mm", "en": "h:mm a"}
_DAY = {"fr": "EEE d", "en": "EEE d"}
_HELD_DATE_TIME = {**_DATE_TIME, "fr": f"EEEE d{NBSP}MMMM 'à' H{NBSP}'h'{NBSP}mm"}
_HELD_TIME = {**_TIME, "fr": f"H{NBSP}'h'{NBSP}mm"}
_HELD_DAY = {**_DAY, "fr": f"EEE{NBSP}d"}


# tzdata keeps old names as links (America/Montreal -> America/Toronto) and Babel names
# a link by its target's city: people in Montreal would read "Toronto". A zone written
# as such a geographic link keeps the city written.
_AREAS = ("Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/",
          "Pacific/")


@lru_cache(maxsize=1)
def _zone_aliases() -> Mapping[str, str]:
    # Read from Babel's data on first use: a run-sheet whose chat names no other zone
    # never needs it, and loading it cost a few ms before the first frame.
    aliases: Mapping[str, str] = get_global("zone_aliases")
    return aliases


# Cities whose French name Babel's data (CLDR) does not give, because their zone is a
# link with no exemplar city of its own: written as French readers write them.
_FRENCH_CITIES = {"America/Montreal": "Montréal"}


@lru_cache(maxsize=64)
def place_name(zone_name: str, language: str) -> str:
    """The city that names a zone, in the given language: "Paris", "Dakar", "Moscou"."""
    city = zone_name.rsplit("/", 1)[-1]
    if language == "fr" and zone_name in _FRENCH_CITIES:
        return _FRENCH_CITIES[zone_name]
    if zone_name in _zone_aliases() and zone_name.startswith(_AREAS) and not city.isupper():
        return city.replace("_", " ")
    try:
        return str(get_timezone_location(ZoneInfo(zone_name), locale=language, return_city=True))
    except (LookupError, ValueError):
        return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def _zone_name(zone: tzinfo) -> str | None:
    return zone.key if isinstance(zone, ZoneInfo) else None


def long_datetime(moment: datetime, zone: tzinfo, language: str) -> str:
    """ "jeudi 3 décembre à 18 h 00 (Paris)"; the place is omitted for a bare offset."""
    text = str(format_datetime(moment, _DATE_TIME[language], tzinfo=zone, locale=language))
    name = _zone_name(zone)
    return f"{text} ({place_name(name, language)})" if name else text


def short_time(moment: datetime, zone: tzinfo, language: str, *, held: bool = False) -> str:
    """ "18 h 00" or "6:00 PM"; `held`, with no-break spaces in French."""
    pattern = (_HELD_TIME if held else _TIME)[language]
    return str(format_datetime(moment, pattern, tzinfo=zone, locale=language))


def start_line(moment: datetime, zone: tzinfo, audience: list[str], language: str, *,
               every_zone: bool = False, held: bool = False) -> str:
    """The start in the chat's zone, then in each audience zone whose clock differs, the
    zones that share a clock named together.

    "jeudi 3 décembre à 18 h 00 (Paris) · 17 h 00 à Dakar, Abidjan"

    With `every_zone` (the `{zones}` of a post, read by the audience), an audience zone
    on the chat's own clock is named beside the chat's place rather than left out:
    "jeudi 3 décembre à 18 h 00 (Abidjan, Dakar)" for a chat in Abidjan.

    `held`: the screen's, whose dates and times a line never splits (see above).
    """
    pattern = (_HELD_DATE_TIME if held else _DATE_TIME)[language]
    text = str(format_datetime(moment, pattern, tzinfo=zone, locale=language))
    own_name = _zone_name(zone)
    own = [place_name(own_name, language)] if own_name else []
    local = moment.astimezone(zone)
    places: dict[str, list[str]] = {}
    for name in audience:
        there = moment.astimezone(ZoneInfo(name))
        place = place_name(name, language)
        if there.utcoffset() == local.utcoffset() and there.date() == local.date():
            if every_zone and place not in own:
                own.append(place)
            continue
        time = short_time(moment, ZoneInfo(name), language, held=held)
        if there.date() != local.date():
            day = format_datetime(moment, (_HELD_DAY if held else _DAY)[language],
                                  tzinfo=ZoneInfo(name), locale=language)
            time = f"{day} {time}"
        named = places.setdefault(time, [])
        if place not in named:
            named.append(place)
    parts = [f"{text} ({', '.join(own)})" if own else text]
    for time, names in places.items():
        # "17 h 00 à Dakar", "19 h 00 au Caire" (Babel's "Le Caire"), "in Cairo".
        where = join("à", ", ".join(names)) if language == "fr" else f"in {', '.join(names)}"
        parts.append(f"{time} {where}")
    return " · ".join(parts)
