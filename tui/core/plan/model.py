"""The chat plan: what a moderator writes in TOML, as a strict pydantic model.

The model is strict on purpose: a typo such as `questoins` or `duration = "60"` must be
reported, not silently ignored or coerced, because the plan drives a live hour.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo
from pathlib import PurePath
from typing import get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tui.core.plan.accounts import Accounts
from tui.core.plan.feedurl import feed_url_problem
from tui.core.text.vocabulary import GuestStatus as GuestStatus
from tui.core.text.vocabulary import Language as Language
from tui.core.text.vocabulary import Phase as Phase
from tui.core.text.vocabulary import Platform as Platform
from tui.core.text.vocabulary import PostKind as PostKind
from tui.core.text.vocabulary import Repeat as Repeat
from tui.core.timing.chattime import FIRST_YEAR, LAST_YEAR, chat_zone, known_zone, start_utc
from tui.core.timing.offsets import Offset

PLATFORMS: tuple[str, ...] = get_args(Platform)
# An http(s) address without spaces or quotes: it is pasted into posts and pages.
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`\\^{|}]+", re.IGNORECASE)
START_WITHOUT_ZONE = (
    "start has no time zone: write an offset (2026-12-03T18:00:00+01:00) "
    'or add timezone = "Europe/Paris" to [chat]'
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, validate_assignment=True)


class Chat(_Strict):
    """The `[chat]` table: what, when, where."""

    title: str = Field(min_length=1)
    topic: str = ""
    tag: str = Field(min_length=1)
    start: datetime
    timezone: str | None = None
    duration: int = Field(default=60, ge=5, le=24 * 60)
    platform: Platform = "x"
    char_limit: int | None = Field(default=None, ge=1, le=100_000)
    language: Language = "fr"
    host: str = ""
    audience_timezones: list[str] = Field(default_factory=list)
    heads_up: int = Field(default=2, ge=0, le=30)
    """Minutes before each question at which a heads-up post is offered; 0 for none."""
    next: datetime | None = None
    """The next edition's start, when known: named by `{next}` (thank-you, recap)."""
    repeat: Repeat | None = None
    """A regular chat: the calendar event recurs (an RRULE), and `tchat new --from`
    proposes the next date from it."""
    recap_url: str = ""
    """Where the recap is published, for `{recap_url}` in the post announcing it."""

    @field_validator("start")
    @classmethod
    def _sane_start(cls, value: datetime) -> datetime:
        # Every cue is start + an offset of up to a year and is shown in several zones:
        # keep the start far from datetime's own limits (years 1 and 9999).
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise ValueError(
                f"start {value.date().isoformat()} is out of range: a chat starts between "
                f"{FIRST_YEAR} and {LAST_YEAR}"
            )
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            known_zone(value)
        return value

    @field_validator("audience_timezones")
    @classmethod
    def _known_zones(cls, value: list[str]) -> list[str]:
        for name in value:
            known_zone(name)
        return value

    @field_validator("recap_url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if value and not _WEB_ADDRESS.fullmatch(value):
            raise ValueError(
                "recap_url should be one web address, such as https://example.org/recap"
            )
        return value

    @model_validator(mode="after")
    def _start_has_zone(self) -> Chat:
        if self.start.tzinfo is None and self.timezone is None:
            raise ValueError(START_WITHOUT_ZONE)
        if self.next is not None and self.next.tzinfo is None and self.timezone is None:
            raise ValueError(
                "next has no time zone: write an offset, as for start, or add timezone"
            )
        return self

    @property
    def next_at(self) -> datetime | None:
        """The next edition's start in UTC, when `next` is given."""
        return None if self.next is None else start_utc(self.next, self.zone)

    @property
    def zone(self) -> tzinfo:
        """The zone the chat is shown in: `timezone` if given, else start's own offset."""
        return chat_zone(self.start, self.timezone)  # a zone is guaranteed by _start_has_zone

    @property
    def start_at(self) -> datetime:
        """The start as an aware datetime in UTC (see `chattime.start_utc`)."""
        return start_utc(self.start, self.zone)

    @property
    def end_at(self) -> datetime:
        return self.start_at + timedelta(minutes=self.duration)


class Guest(_Strict):
    """One `[[guests]]` entry: an invited expert or organisation."""

    name: str = Field(min_length=1)
    handle: str = ""
    role: str = ""
    status: GuestStatus = "invited"
    email: str = ""


# A stable name for a question or a post, written into the plan once (by `tchat new`, or
# by the app when missing) so that marks follow it when questions are inserted or moved.
ID_PATTERN = r"^[A-Za-z0-9_@#.:-]{1,40}$"


class Question(_Strict):
    """One `[[questions]]` entry. `at` is minutes after the start; spaced evenly if absent."""

    id: str | None = Field(default=None, pattern=ID_PATTERN)
    text: str = Field(min_length=1)
    at: Offset | None = None
    notes: str = ""
    image: str | None = Field(default=None, min_length=1)
    """A question card, beside the plan, posted with the text (see `plan.images`)."""
    alt: str | None = None
    """The image's alt text, required with it. (None, not "": a plan written by tchat
    leaves out what it does not use.)"""


class Post(_Strict):
    """One `[[posts]]` entry: a prepared post at a time relative to the start."""

    id: str | None = Field(default=None, pattern=ID_PATTERN)
    kind: PostKind
    at: Offset
    text: str = Field(min_length=1)
    notes: str = ""
    add_tag: bool = True
    """Append the chat's tag when the text lacks it (the guide: always use the tag)."""
    thread: bool | None = None
    """true: a text over the limit is split into a numbered thread (`1/3`...), posted
    as a chain."""
    image: str | None = Field(default=None, min_length=1)
    alt: str | None = None


class ChecklistItem(_Strict):
    """One `[[checklist]]` entry."""

    phase: Phase
    text: str = Field(min_length=1)
    done: bool = False
    due: Offset | None = None


class Feed(_Strict):
    """The optional `[feed]` table: where to read the tag's conversation during the chat.

    Without it tchat opens no socket at all. Credentials never go here: they come from
    the environment or the system keyring (see `tui.feed.credentials`)."""

    mastodon: str | None = None
    """A Mastodon server whose public timeline of the tag is read."""
    bluesky: bool = False
    """Search Bluesky for the tag (needs an app password)."""
    bluesky_service: str | None = None
    """Another Bluesky service than bsky.social (a test server, a self-hosted PDS)."""
    poll_seconds: int = Field(default=15, ge=5, le=3600)
    replay: str | None = Field(default=None, min_length=1)
    """A recorded conversation (JSON lines), relative to the plan, replayed in rehearsal."""

    @field_validator("mastodon", "bluesky_service")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None:
            problem = feed_url_problem(value)
            if problem:
                raise ValueError(problem)
        return value.rstrip("/") if value is not None else None

    @field_validator("replay")
    @classmethod
    def _relative_file(cls, value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            raise ValueError("should be a file name")
        return value

    @property
    def live(self) -> bool:
        """Whether any live source is asked for (a replay alone opens no socket)."""
        return self.mastodon is not None or self.bluesky

    def replay_path(self, plan_path: PurePath) -> PurePath | None:
        """The replay file, relative to the plan's folder as written in the plan."""
        if self.replay is None:
            return None
        return plan_path.parent / self.replay


class Plan(_Strict):
    """A whole chat plan, as stored in one TOML file."""

    chat: Chat
    guests: list[Guest] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    posts: list[Post] = Field(default_factory=list)
    checklist: list[ChecklistItem] = Field(default_factory=list)
    feed: Feed | None = None
    accounts: Accounts | None = None
    """Where tchat posts itself (Bluesky, Mastodon); none: it posts nothing."""

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Plan:
        seen: set[str] = set()
        ids = [q.id for q in self.questions] + [p.id for p in self.posts]
        for item_id in ids:
            if item_id is not None:
                if item_id in seen:
                    raise ValueError(
                        f"id {item_id!r} is used twice: each question and post needs its "
                        "own (delete one id line, and the app writes a new one)")
                seen.add(item_id)
        return self
