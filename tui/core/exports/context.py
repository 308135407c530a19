"""What every export needs: the plan, its drafts, the zones to show times in, the log.

Also the shared ways of writing times: an export never formats a date itself, so the
guest brief, the event text and the run-sheet agree to the letter. Dates come from Babel
in the plan's language (see `tui.core.timing.dates`), never from the machine's locale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from urllib.parse import quote
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from tui.core.feed.post import FeedPost
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Guest, Language, Plan
from tui.core.plan.networks import network_name
from tui.core.plan.schedule import Cue
from tui.core.run.asrun import Event
from tui.core.run.roomlog import unmuted
from tui.core.text.placeholders import fill
from tui.core.timing.dates import short_time
from tui.core.timing.zones import (
    SHORT_DATE,
    grouped,
    long_date,
)

# Where people follow a tag live. Mastodon has no single address (each server has its
# own) and Threads' search address has changed before, so only these two are linked.
_FOLLOW_URL = {
    "x": "https://x.com/hashtag/{name}?f=live",
    "x-legacy": "https://x.com/hashtag/{name}?f=live",
    "bluesky": "https://bsky.app/hashtag/{name}",
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
    """The conversation kept beside the plan (`PLAN.feed.jsonl`), when there is one; for
    a rehearsal's log, the conversation it replayed."""
    feed_skipped: tuple[int, ...] = ()
    """Lines of that conversation's file that could not be read as posts."""
    feed_problem: str | None = None
    """Why that file could not be read at all (`FILE: error: why`), when it could not."""
    created: datetime | None = None
    """When the export is made (aware): the calendar's DTSTAMP. Passed in, never read
    from the clock here, so the same plan, log and moment give the same bytes."""
    all_questions: bool = False
    """The recap lists the questions never asked too (the organisers' own report)."""
    replayed: bool = False
    """`feed` is a past chat's conversation that a rehearsal replayed: its host posts
    asked nothing in this run, so only the log says which questions were asked."""

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
    feed_skipped: Sequence[int] = (),
    feed_problem: str | None = None,
    replayed: bool = False,
) -> ExportContext:
    chosen = tuple(zones) if zones else default_zones(plan)
    # A muted account (the plan's `[feed] mute`, or muted during the run) is out of
    # every export, as it was out of the pane and the counts.
    kept = tuple(unmuted(plan, events, feed)) if feed else ()
    return ExportContext(
        plan, DraftBook(plan), chosen, tuple(events), kept, tuple(feed_skipped),
        feed_problem, created, all_questions, replayed,
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
            day = format_datetime(chat.end_at, SHORT_DATE[language], tzinfo=zone, locale=language)
            end = f"{day} {end}"
        return f"{long_date(moment, zone, language)}, {start} – {end}"

    return [
        (", ".join(places), text)
        for text, places in grouped(chat.start_at, ctx.zones, language, render)
    ]


def guests_taking_part(plan: Plan) -> list[Guest]:
    """The guests who have not declined, as `{guests}` names them."""
    return [g for g in plan.guests if g.status != "declined"]


def handles_on_networks(plan: Plan, handle_on: Callable[[str], str]) -> list[tuple[str, str]]:
    """(network, handle) for each of the plan's networks a person has a handle on; one
    pair with no network ("") when the same handle serves every network (or there is
    one network)."""
    networks = plan.chat.networks
    pairs: list[tuple[str, str]] = [(n, h) for n in networks if (h := handle_on(n))]
    if len(pairs) == len(networks) and len({h for _n, h in pairs}) == 1:
        return [("", pairs[0][1])]
    return pairs


def handles_text(pairs: Sequence[tuple[str, str]]) -> str:
    """ "@SafeScreensOrg", or "X @SafeScreensOrg · Bluesky @safescreens.bsky.social"."""
    return " · ".join(f"{network_name(n)} {h}" if n else h for n, h in pairs)


def host_text(plan: Plan) -> str:
    """The host's handles, as `handles_text` writes them ("" when there is none)."""
    return handles_text(handles_on_networks(plan, plan.chat.host_on))


def guest_name(guest: Guest, plan: Plan) -> str:
    """ "Filles d'Avenir (@FillesDAvenir)", "Safe Screens (X @SafeScreensOrg · Bluesky
    @safescreens.bsky.social)" on several networks, or the name alone."""
    handles = handles_text(handles_on_networks(plan, guest.handle_on))
    return f"{guest.name} ({handles})" if handles else guest.name


def question_cues(ctx: ExportContext) -> list[Cue]:
    return sorted((c for c in ctx.book.cues if c.kind == "question"), key=lambda c: c.number or 0)


def question_text(ctx: ExportContext, cue: Cue) -> str:
    """The question as written, placeholders filled, without the Q label or the tag that
    the posted draft adds (the brief and the recap show the label themselves)."""
    return fill(cue.template, ctx.book.values_for(cue)).strip()


def follow_url(plan: Plan) -> str | None:
    """Where the tag is followed live on the chat's platform, when there is one address
    (and one network: a chat on several is followed on each)."""
    if len(plan.chat.networks) > 1:
        return None
    pattern = _FOLLOW_URL.get(plan.chat.platform)
    if pattern is None:
        return None
    return pattern.format(name=quote(plan.chat.tag.removeprefix("#"), safe=""))


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An export's text, and what the moderator should know about it (on stderr)."""

    text: str
    notes: tuple[str, ...] = ()


def platform_name(plan: Plan) -> str:
    """Where the chat happens: "X", or "X, Bluesky, Mastodon" in the plan's order."""
    return ", ".join(dict.fromkeys(network_name(n) for n in plan.chat.networks))
