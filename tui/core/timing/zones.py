"""Times written for people in several zones: "18 h 07 (Paris, Douala) · 17 h 07 (Dakar)".

The one way a moment is written across zones, shared by the exports, the pre-flight and
`tchat new`, so the guest brief, the event text and the run-sheet agree to the letter.
Dates come from Babel in the plan's language (see `tui.core.timing.dates`), never from
the machine's locale. In French a number and its unit are joined by U+00A0 NO-BREAK
SPACE ("−14 j"), and a `held` date (the screen's and the terminal's) is too ("jeu.
26 nov."), so no line splits them; pages get theirs from `typography`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from tui.core.text.typography import NBSP
from tui.core.timing.clocktime import clock_time
from tui.core.timing.dates import place_name, short_time

DATE = {"fr": "EEEE d MMMM y", "en": "EEEE, MMMM d, y"}
SHORT_DATE = {"fr": "EEE d MMM", "en": "EEE, MMM d"}
HELD_SHORT_DATE = {**SHORT_DATE, "fr": f"EEE{NBSP}d{NBSP}MMM"}
Render = Callable[[datetime, tzinfo], str]
"""How one moment is written in one zone."""


def zone_label(zone: tzinfo, language: str, moment: datetime | None = None) -> str:
    """ "Paris", "Dakar"; "UTC+01:00" for a bare offset, which names no place."""
    if isinstance(zone, ZoneInfo):
        return place_name(zone.key, language)
    offset = zone.utcoffset(moment) or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def long_date(moment: datetime, zone: tzinfo, language: str) -> str:
    """ "jeudi 3 décembre 2026", "Thursday, December 3, 2026": with the year, for records."""
    return str(format_datetime(moment, DATE[language], tzinfo=zone, locale=language))



def grouped(
    moment: datetime, zones: Sequence[tzinfo], language: str, render: Render
) -> list[tuple[str, list[str]]]:
    # Zones that show the same thing are named together ("17 h 00 (Dakar, Abidjan)"):
    # an audience spread over one offset reads as one line, not five.
    groups: dict[str, list[str]] = {}
    for zone in zones:
        label = zone_label(zone, language, moment)
        places = groups.setdefault(render(moment, zone), [])
        if label not in places:
            places.append(label)
    return list(groups.items())



def _clock_render(language: str, *, compact: bool, reference: datetime | None,
                  held: bool = False) -> Render:
    def render(moment: datetime, zone: tzinfo) -> str:
        time = (clock_time(moment, zone) if compact
                else short_time(moment, zone, language, held=held))
        # The day is said only when it is not the chat's own day in that zone, as a
        # paper run-sheet would: promotion posts days before, or past midnight.
        if reference is not None and (
            moment.astimezone(zone).date() != reference.astimezone(zone).date()
        ):
            pattern = (HELD_SHORT_DATE if held else SHORT_DATE)[language]
            day = format_datetime(moment, pattern, tzinfo=zone, locale=language)
            return f"{day} {time}"
        return time

    return render



def clock_in_zone(
    moment: datetime, zone: tzinfo, language: str, *, reference: datetime,
    held: bool = False,
) -> str:
    """ "18:07", or "jeu. 26 nov. 18:00" on another day than `reference`'s; `held`, the
    date with no-break spaces in French."""
    return _clock_render(language, compact=True, reference=reference,
                         held=held)(moment, zone)



def times_in_zones(
    moment: datetime,
    zones: Sequence[tzinfo],
    language: str,
    *,
    compact: bool = False,
    reference: datetime | None = None,
) -> str:
    """ "18 h 07 (Paris, Douala) · 17 h 07 (Dakar, Abidjan)"; `compact` gives 18:07.

    With `reference` (the start), a moment on another day in a zone carries that day.
    """
    render = _clock_render(language, compact=compact, reference=reference)
    return " · ".join(
        f"{text} ({', '.join(places)})"
        for text, places in grouped(moment, zones, language, render)
    )



def offset_label(minutes: int, language: str) -> str:
    """ "+7 min", "−65 min", "−14 j" / "−14 d": a cue's place relative to the start (in
    French, the number and its unit joined by a no-break space, as pages write it too)."""
    sign = "−" if minutes < 0 else "+"
    amount = abs(minutes)
    space = NBSP if language == "fr" else " "
    if amount >= 24 * 60 and amount % (24 * 60) == 0:
        return f"{sign}{amount // (24 * 60)}{space}{'j' if language == 'fr' else 'd'}"
    if amount >= 3 * 60 and amount % 60 == 0:
        return f"{sign}{amount // 60}{space}h"
    return f"{sign}{amount}{space}min"


