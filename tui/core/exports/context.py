"""What every export needs: the plan, its drafts, the zones to show times in, the log.

Also the shared ways of writing times: an export never formats a date itself, so the
guest brief, the event text and the run-sheet agree to the letter. Dates come from Babel
in the plan's language (see `tui.core.dates`), never from the machine's locale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from urllib.parse import quote
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from tui.core.asrun import Event
from tui.core.clocktime import clock_time
from tui.core.dates import place_name, short_time
from tui.core.drafts import DraftBook
from tui.core.feed.post import FeedPost
from tui.core.model import Guest, Language, Plan
from tui.core.placeholders import fill
from tui.core.schedule import Cue

_DATE = {"fr": "EEEE d MMMM y", "en": "EEEE, MMMM d, y"}
_SHORT_DATE = {"fr": "EEE d MMM", "en": "EEE, MMM d"}
# Where people follow a tag live. Mastodon has no single address (each server has its
# own) and Threads' search address has changed before, so only these two are linked.
_FOLLOW_URL = {
    "x": "https://x.com/hashtag/{name}?f=live",
    "x-legacy": "https://x.com/hashtag/{name}?f=live",
    "bluesky": "https://bsky.app/hashtag/{name}",
}
Render = Callable[[datetime, tzinfo], str]
"""How one moment is written in one zone."""

PLATFORM_NAMES = {
    "x": "X", "x-legacy": "X", "bluesky": "Bluesky", "mastodon": "Mastodon",
    "threads": "Threads",
}


@dataclass(frozen=True, slots=True)
class ExportContext:
    plan: Plan
    book: DraftBook
    zones: tuple[tzinfo, ...]
    """Where to give times, the chat's own zone usually first."""
    events: tuple[Event, ...] = ()
    """The as-run log, for the exports made after the chat."""
    feed: tuple[FeedPost, ...] = ()
    """The conversation kept beside the plan (`PLAN.feed.jsonl`), when there is one."""
    created: datetime | None = None
    """When the export is made (aware): the calendar's DTSTAMP. Passed in, never read
    from the clock here, so the same plan, log and moment give the same bytes."""
    all_questions: bool = False
    """The recap lists the questions never asked too (the organisers' own report)."""

    @property
    def language(self) -> Language:
        return self.plan.chat.language

    @property
    def chat_zone(self) -> tzinfo:
        return self.plan.chat.zone


def default_zones(plan: Plan) -> tuple[tzinfo, ...]:
    """The chat's zone, then each audience zone, each once."""
    zones: list[tzinfo] = [plan.chat.zone]
    for name in plan.chat.audience_timezones:
        if all(getattr(z, "key", None) != name for z in zones):
            zones.append(ZoneInfo(name))
    return tuple(zones)


def make_context(
    plan: Plan,
    *,
    zones: Sequence[tzinfo] | None = None,
    events: Sequence[Event] = (),
    feed: Sequence[FeedPost] = (),
    created: datetime | None = None,
    all_questions: bool = False,
) -> ExportContext:
    chosen = tuple(zones) if zones else default_zones(plan)
    return ExportContext(
        plan, DraftBook(plan), chosen, tuple(events), tuple(feed), created, all_questions
    )


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
    return str(format_datetime(moment, _DATE[language], tzinfo=zone, locale=language))


def _grouped(
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


def _clock_render(language: str, *, compact: bool, reference: datetime | None) -> Render:
    def render(moment: datetime, zone: tzinfo) -> str:
        time = clock_time(moment, zone) if compact else short_time(moment, zone, language)
        # The day is said only when it is not the chat's own day in that zone, as a
        # paper run-sheet would: promotion posts days before, or past midnight.
        if reference is not None and (
            moment.astimezone(zone).date() != reference.astimezone(zone).date()
        ):
            day = format_datetime(moment, _SHORT_DATE[language], tzinfo=zone, locale=language)
            return f"{day} {time}"
        return time

    return render


def clock_in_zone(
    moment: datetime, zone: tzinfo, language: str, *, reference: datetime
) -> str:
    """ "18:07", or "jeu. 26 nov. 18:00" on another day than `reference`'s."""
    return _clock_render(language, compact=True, reference=reference)(moment, zone)


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
        for text, places in _grouped(moment, zones, language, render)
    )


def when_lines(ctx: ExportContext) -> list[tuple[str, str]]:
    """The chat's date and hours in each zone: [("Dakar, Abidjan", "jeudi 3 décembre 2026,
    17 h 00 – 18 h 00"), ...], zones with the same local date and hours named together."""
    chat = ctx.plan.chat
    language = ctx.language

    def render(moment: datetime, zone: tzinfo) -> str:
        start = short_time(moment, zone, language)
        end = short_time(chat.end_at, zone, language)
        if chat.end_at.astimezone(zone).date() != moment.astimezone(zone).date():
            day = format_datetime(chat.end_at, _SHORT_DATE[language], tzinfo=zone, locale=language)
            end = f"{day} {end}"
        return f"{long_date(moment, zone, language)}, {start} – {end}"

    return [
        (", ".join(places), text)
        for text, places in _grouped(chat.start_at, ctx.zones, language, render)
    ]


def guests_taking_part(plan: Plan) -> list[Guest]:
    """The guests who have not declined, as `{guests}` names them."""
    return [g for g in plan.guests if g.status != "declined"]


def guest_name(guest: Guest) -> str:
    """ "Filles d'Avenir (@FillesDAvenir)", or the name alone."""
    return f"{guest.name} ({guest.handle})" if guest.handle else guest.name


def question_cues(ctx: ExportContext) -> list[Cue]:
    return sorted((c for c in ctx.book.cues if c.kind == "question"), key=lambda c: c.number or 0)


def question_text(ctx: ExportContext, cue: Cue) -> str:
    """The question as written, placeholders filled, without the Q label or the tag that
    the posted draft adds (the brief and the recap show the label themselves)."""
    return fill(cue.template, ctx.book.values_for(cue)).strip()


def follow_url(plan: Plan) -> str | None:
    """Where the tag is followed live on the chat's platform, when there is one address."""
    pattern = _FOLLOW_URL.get(plan.chat.platform)
    if pattern is None:
        return None
    return pattern.format(name=quote(plan.chat.tag.removeprefix("#"), safe=""))


def offset_label(minutes: int, language: str) -> str:
    """ "+7 min", "−65 min", "−14 j" / "−14 d": a cue's place relative to the start."""
    sign = "−" if minutes < 0 else "+"
    amount = abs(minutes)
    if amount >= 24 * 60 and amount % (24 * 60) == 0:
        return f"{sign}{amount // (24 * 60)} {'j' if language == 'fr' else 'd'}"
    if amount >= 3 * 60 and amount % 60 == 0:
        return f"{sign}{amount // 60} h"
    return f"{sign}{amount} min"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An export's text, and what the moderator should know about it (on stderr)."""

    text: str
    notes: tuple[str, ...] = ()


def platform_name(plan: Plan) -> str:
    return PLATFORM_NAMES.get(plan.chat.platform, plan.chat.platform)
