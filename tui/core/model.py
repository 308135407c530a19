"""The chat plan: what a moderator writes in TOML, as a strict pydantic model.

The model is strict on purpose: a typo such as `questoins` or `duration = "60"` must be
reported, not silently ignored or coerced, because the plan drives a live hour.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tui.core.chattime import chat_zone, known_zone, start_utc
from tui.core.offsets import Offset
from tui.core.vocabulary import GuestStatus as GuestStatus
from tui.core.vocabulary import Language as Language
from tui.core.vocabulary import Phase as Phase
from tui.core.vocabulary import Platform as Platform
from tui.core.vocabulary import PostKind as PostKind

PLATFORMS: tuple[str, ...] = get_args(Platform)
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

    @model_validator(mode="after")
    def _start_has_zone(self) -> Chat:
        if self.start.tzinfo is None and self.timezone is None:
            raise ValueError(START_WITHOUT_ZONE)
        return self

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


class Question(_Strict):
    """One `[[questions]]` entry. `at` is minutes after the start; spaced evenly if absent."""

    text: str = Field(min_length=1)
    at: Offset | None = None
    notes: str = ""


class Post(_Strict):
    """One `[[posts]]` entry: a prepared post at a time relative to the start."""

    kind: PostKind
    at: Offset
    text: str = Field(min_length=1)
    notes: str = ""
    add_tag: bool = True
    """Append the chat's tag when the text lacks it (the guide: always use the tag)."""


class ChecklistItem(_Strict):
    """One `[[checklist]]` entry."""

    phase: Phase
    text: str = Field(min_length=1)
    done: bool = False
    due: Offset | None = None


class Plan(_Strict):
    """A whole chat plan, as stored in one TOML file."""

    chat: Chat
    guests: list[Guest] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    posts: list[Post] = Field(default_factory=list)
    checklist: list[ChecklistItem] = Field(default_factory=list)
