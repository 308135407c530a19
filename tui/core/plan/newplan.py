"""A complete new plan from a few options: what `tchat new` writes.

Everything that can be wrong in the options (a start that is not a date, an unknown time
zone, a tag with a space) raises `NewPlanError` with one line to show the user; the core
does not know about exit codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ValidationError

from tui.core.counting import platform_info
from tui.core.plan.check import MAX_QUESTIONS, MIN_QUESTIONS, tag_problems
from tui.core.plan.guide_texts import (
    CHECKLIST,
    DEFAULT_TAG,
    DEFAULT_TITLE,
    FIRST_QUESTION,
    GUEST_NAMES,
    GUEST_ROLE,
    LAST_QUESTION,
    POSTS,
    QUESTION_HINTS,
    QUESTION_NOTES,
    UNWRITTEN,
)
from tui.core.plan.model import (
    Chat,
    ChecklistItem,
    Guest,
    Language,
    Plan,
    Platform,
    Post,
    Question,
)
from tui.core.plan.schedule import missing_ids
from tui.core.timing.offsets import parse_offset

DEFAULT_TIMEZONE = "Europe/Paris"
DEFAULT_QUESTIONS = 8
# Thursday at 18:00 by default: a usual slot for hashtag chats, after work or school
# from West Africa to Europe.
DEFAULT_WEEKDAY = 3
DEFAULT_HOUR = 18
# Below this limit (legacy X, 140), posts leave out the title and most of the words:
# the full ones need about 200 characters once a title and three handles are in.
COMPACT_BELOW = 200

# "2026-12-03 18:00", "2026-12-03T9:30", with optional seconds and an optional offset
# (Z, +01:00, +0100). A bare date is refused: midnight is never what was meant.
_START = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})[T ]"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:(?P<utc>Z)|(?P<sign>[+-])(?P<off_h>\d{2}):?(?P<off_m>\d{2}))?",
    re.IGNORECASE,
)


class NewPlanError(ValueError):
    """An option that cannot make a plan, said in one line."""


@dataclass(frozen=True, slots=True)
class NewPlanOptions:
    language: Language = "fr"
    title: str | None = None
    tag: str | None = None
    start: str | None = None
    """As typed: "2026-12-03 18:00" (local to `timezone`) or ISO with an offset."""
    timezone: str | None = None
    """IANA name; Europe/Paris when None, unless `start` carries its own offset."""
    platform: Platform = "x"
    platforms: tuple[str, ...] = ()
    """Several networks, in order (`tchat new --platform x,bluesky`); `platform` when
    empty."""
    questions: int = DEFAULT_QUESTIONS


def zone_named(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise NewPlanError(
            f"unknown time zone {name!r}: use an IANA name such as Europe/Paris, "
            "Africa/Dakar or America/Montreal"
        ) from None


def normalise_tag(tag: str) -> str:
    """`tag` with its '#', checked as a hashtag the platforms will link whole."""
    text = tag.strip()
    if not text.startswith("#"):
        text = "#" + text
    problems = tag_problems(text)
    if problems:
        raise NewPlanError(problems[0].say("en"))  # a usage error: said as argparse says them
    return text


def next_default_start(now: datetime, zone: tzinfo) -> datetime:
    """The next Thursday at 18:00 in `zone`, as a local (naive) datetime.

    Strictly after today: on a Thursday the default is a week later, which leaves at
    least some time to prepare.
    """
    today = now.astimezone(zone).date()
    days = (DEFAULT_WEEKDAY - today.weekday()) % 7 or 7
    day = today + timedelta(days=days)
    return datetime(day.year, day.month, day.day, DEFAULT_HOUR)  # noqa: DTZ001 - local + zone


def parse_start(text: str, zone: tzinfo) -> datetime:
    """A start as typed: naive when local to `zone`, aware when it carries an offset."""
    match = _START.fullmatch(text.strip())
    if match is None:
        raise NewPlanError(
            f"start {text!r} is not a date and time: write \"2026-12-03 18:00\" "
            "(local time) or \"2026-12-03T18:00+01:00\""
        )
    part = match.group
    offset: tzinfo | None = None
    try:
        if part("utc"):
            offset = UTC
        elif part("sign"):
            delta = timedelta(hours=int(part("off_h")), minutes=int(part("off_m")))
            offset = timezone(-delta if part("sign") == "-" else delta)
        moment = datetime(
            int(part("year")), int(part("month")), int(part("day")),
            int(part("hour")), int(part("minute")), int(part("second") or 0),
            tzinfo=offset,
        )
    except ValueError:
        raise NewPlanError(
            f"start {text!r} is not a real date and time (check the month, day, hour "
            "and offset)"
        ) from None
    if moment.tzinfo is None:
        _check_exists(moment, zone)
    return moment


def _check_exists(local: datetime, zone: tzinfo) -> None:
    # On the night the clocks jump forward, 02:30 never happens: a plan starting then
    # would silently start an hour off.
    aware = local.replace(tzinfo=zone)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local:
        raise NewPlanError(
            f"start {local:%Y-%m-%d %H:%M} does not exist in {zone} (the clocks jump "
            "forward that night): pick another time"
        )


def build_plan(options: NewPlanOptions, now: datetime) -> Plan:
    """A complete plan following the guide; `now` (aware) decides the default start."""
    language = options.language
    if not MIN_QUESTIONS <= options.questions <= MAX_QUESTIONS:
        raise NewPlanError(
            f"{options.questions} questions: the guide advises {MIN_QUESTIONS} to "
            f"{MAX_QUESTIONS} for a one-hour chat"
        )
    title = DEFAULT_TITLE[language] if options.title is None else options.title.strip()
    if not title:
        raise NewPlanError("the title is empty: write a few words, such as \"Mon tchat\"")
    tag = normalise_tag(DEFAULT_TAG[language] if options.tag is None else options.tag)

    zone_name = options.timezone
    zone = zone_named(DEFAULT_TIMEZONE if zone_name is None else zone_name)
    if options.start is None:
        start = next_default_start(now, zone)
    else:
        start = parse_start(options.start, zone)
    if start.tzinfo is None and zone_name is None:
        # A local time means nothing without its zone: always write the zone used.
        zone_name = DEFAULT_TIMEZONE

    networks = options.platforms or (options.platform,)
    # The guide's texts come short when one of the networks is X's old 140.
    compact = min(platform_info(n).default_limit for n in networks) < COMPACT_BELOW
    written: dict[str, Any] = (
        {"platform": networks[0]} if len(networks) == 1 else {"platforms": list(networks)})
    try:
        chat = Chat.model_validate({
            "title": title, "tag": tag, "start": start, "timezone": zone_name,
            "language": language, **written,
        })
    except ValidationError as error:
        raise NewPlanError(str(error.errors()[0]["msg"]).removeprefix("Value error, ")) \
            from None
    plan = Plan(
        chat=chat,
        guests=[
            Guest(name=name, role=GUEST_ROLE[language]) for name in GUEST_NAMES[language]
        ],
        questions=questions(language, options.questions),
        posts=[
            Post(
                kind=post.kind, at=parse_offset(post.at),
                text=(post.short if compact else post.text)[language],
                notes=post.notes[language],
            )
            for post in POSTS
        ],
        checklist=[
            ChecklistItem(
                phase=item.phase, text=item.text[language],
                due=None if item.due is None else parse_offset(item.due),
                done_with=list(item.done_with) or None,
            )
            for item in CHECKLIST
        ],
    )
    # Stable ids from the start: marks follow a question however the plan is edited.
    ids = missing_ids(plan)
    return plan.model_copy(update={
        "questions": [q.model_copy(update={"id": ids[f"questions[{i}]"]})
                      for i, q in enumerate(plan.questions, 1)],
        "posts": [p.model_copy(update={"id": ids[f"posts[{i}]"]})
                  for i, p in enumerate(plan.posts, 1)],
    })


def questions(language: Language, count: int) -> list[Question]:
    """`count` question slots: an opener, hints to write, a closing question."""
    hints = QUESTION_HINTS[language]
    middle = [
        Question(
            text=f"{UNWRITTEN[language]} {hints[index % len(hints)]}",
            notes=QUESTION_NOTES[language],
        )
        for index in range(count - 2)
    ]
    return [
        Question(text=FIRST_QUESTION[language]),
        *middle,
        Question(text=LAST_QUESTION[language]),
    ]
