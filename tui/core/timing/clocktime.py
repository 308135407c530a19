"""Moments written as a wall clock shows them: "18:00", "J-1 18:00", "+1 00:10".

The run-sheet, the report and the compact exports write times this way in both
languages. No Babel here (24-hour digits read the same in French and English), so the
first frame can write its times without loading the locale data.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import lru_cache

from tui.core.text.vocabulary import Language
from tui.core.text.words import Words


def clock_time(moment: datetime, zone: tzinfo, *, seconds: bool = False) -> str:
    """ "18:00", or "18:00:05" with `seconds`: `moment` on the clocks of `zone`."""
    return moment.astimezone(zone).strftime("%H:%M:%S" if seconds else "%H:%M")


def exact_clock_time(moment: datetime, zone: tzinfo) -> str:
    """ "18:20", or "18:21:29" for a moment off the whole minute: after a shift of +1:29,
    a time shown to the minute would hide the half minute the shift added."""
    return clock_time(moment, zone, seconds=moment.second != 0)


@lru_cache(maxsize=4096)
def chat_clock_time(
    moment: datetime, zone: tzinfo, start: datetime, language: Language, *,
    seconds: bool = False,
) -> str:
    """ "18:12", or "J-1 18:00" ("D-1" in English) and "+1 00:10" for a moment on another
    day than the chat's `start`, both read in `zone`.

    Cached: the cue list asks for every row at every second, and a plan of 500 cues
    spent most of its idle redraw converting the same moments to local time again.
    """
    local = moment.astimezone(zone)
    days = (local.date() - start.astimezone(zone).date()).days
    text = local.strftime("%H:%M:%S" if seconds else "%H:%M")
    if days < 0:
        return f"{Words(language)('screen.day_before', n=-days)} {text}"
    if days > 0:
        return f"+{days} {text}"
    return text
