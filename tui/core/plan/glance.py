"""A glance at a plan's `[chat]` table, read straight from the TOML, without validating.

The run-sheet's first frame needs only this: the title, tag and platform for the header,
and the start for the countdown. Validating the whole plan takes pydantic, and loading
pydantic and the plan model takes longer than Python and Textual take to draw a first
frame; so `tchat run` draws the header and the countdown from a glance, and validates
the plan right after (`tui.startup`). A plan whose `[chat]` table is
anything but plain gets no glance (None), and is validated before the screen opens, as
before: its problems are then said without a screen flashing first.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, Protocol, get_args

from tui.core.files.regularfile import NotReadable, read_regular
from tui.core.text.vocabulary import Language, Platform
from tui.core.timing.chattime import FIRST_YEAR, LAST_YEAR, chat_zone, start_utc

# The model's defaults, for a `[chat]` table that leaves them out; a test keeps them
# equal to `tui.core.plan.model.Chat`'s.
DEFAULT_DURATION = 60
DEFAULT_PLATFORM: Platform = "x"
DEFAULT_LANGUAGE: Language = "fr"
# A plan larger than this is not glanced at: it may be no plan at all (see planfile).
MAX_GLANCE_BYTES = 2 * 1024 * 1024


class ChatFacts(Protocol):
    """What the header and the countdown read of a chat: a validated `Chat` has it, and
    so has a `Glance`."""

    @property
    def title(self) -> str: ...
    @property
    def tag(self) -> str: ...
    @property
    def platform(self) -> str: ...
    @property
    def networks(self) -> tuple[Platform, ...]: ...
    @property
    def zone(self) -> tzinfo: ...
    @property
    def start_at(self) -> datetime: ...
    @property
    def end_at(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class Glance:
    """What the first frame shows of a plan; the attributes are named as `Chat`'s."""

    title: str
    tag: str
    platform: Platform
    """The first network, as `Chat.platform`."""
    networks: tuple[Platform, ...]
    language: Language
    zone: tzinfo
    start_at: datetime
    end_at: datetime


def glance(path: Path) -> Glance | None:
    """The plan's `[chat]` facts, or None when anything about them is not plain (the
    file cannot be read, is not TOML, a value is missing or of another type). Never
    raises: the full validation that follows says what is wrong."""
    try:
        data = read_regular(path, MAX_GLANCE_BYTES)  # never blocks on a FIFO
        document = tomllib.loads(data.decode("utf-8").removeprefix("\ufeff"))
        return _from_chat(document.get("chat"))
    except (NotReadable, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError,
            OverflowError, RecursionError):
        return None


def _from_chat(chat: Any) -> Glance | None:
    if not isinstance(chat, dict):
        return None
    title, tag, start = chat.get("title"), chat.get("tag"), chat.get("start")
    timezone = chat.get("timezone")
    duration = chat.get("duration", DEFAULT_DURATION)
    networks = _networks(chat)
    language = chat.get("language", DEFAULT_LANGUAGE)
    if not (isinstance(title, str) and title and isinstance(tag, str) and tag):
        return None
    if not isinstance(start, datetime) or not (timezone is None or isinstance(timezone, str)):
        return None
    # bool is an int to Python, not to the strict model.
    if type(duration) is not int or not 5 <= duration <= 24 * 60:
        return None
    if networks is None or language not in get_args(Language):
        return None
    if not FIRST_YEAR <= start.year <= LAST_YEAR:
        return None
    zone = chat_zone(start, timezone)  # ValueError for an unknown zone or none at all
    start_at = start_utc(start, zone)
    return Glance(title, tag, networks[0], networks, language, zone, start_at,
                  start_at + timedelta(minutes=duration))


def _networks(chat: dict[str, Any]) -> tuple[Platform, ...] | None:
    """`platforms`, or `platform` alone, when plainly written (see `Chat.networks`)."""
    if "platforms" not in chat:
        platform = chat.get("platform", DEFAULT_PLATFORM)
        return (platform,) if platform in get_args(Platform) else None
    written = chat["platforms"]
    if "platform" in chat or not isinstance(written, list) or not written:
        return None
    if not all(n in get_args(Platform) for n in written) or len(set(written)) < len(written):
        return None
    if {"x", "x-legacy"} <= set(written):
        return None
    return tuple(written)


# `language = "fr"` on a line of its own, as plans write it (a comment may follow).
# Linear in a line whatever it holds: anchored at its start, runs taken whole (possessive
# quantifiers), so even a search tries one start only.
_LANGUAGE_LINE = re.compile(r"""^\s*+language\s*+=\s*+["'](\w{2})["']\s*+(?:#.*)?""")
_TABLE_LINE = re.compile(r"^\s*+\[\[?+([^\]]*+)\]\]?+\s*+(?:#.*)?")


def plan_language(path: Path) -> Language:
    """The language a plan's problems are said in when the plan does not load: its
    `[chat] language` when that can be read, even in a file TOML refuses (read line by
    line then), the model's default (French) for a `[chat]` table without one, and
    English for a file that is no plan at all (missing, a folder, binary, no `[chat]`)."""
    try:
        text = read_regular(path, MAX_GLANCE_BYTES).decode("utf-8").removeprefix("\ufeff")
    except (NotReadable, OSError, UnicodeDecodeError):
        return "en"
    return language_of(text)


def language_of(text: str) -> Language:
    """`plan_language` of a plan's text."""
    try:
        document = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return _language_by_lines(text)
    chat = document.get("chat")
    if not isinstance(chat, dict):
        return "en"
    language = chat.get("language", DEFAULT_LANGUAGE)
    return language if language in get_args(Language) else "en"


def _language_by_lines(text: str) -> Language:
    table: str | None = None
    seen_chat = False
    for line in text.splitlines():
        header = _TABLE_LINE.fullmatch(line)
        if header is not None:
            table = header.group(1).strip("\"' ")
            seen_chat = seen_chat or table == "chat"
            continue
        written = _LANGUAGE_LINE.fullmatch(line) if table == "chat" else None
        if written is not None:
            language = written.group(1)
            return language if language in get_args(Language) else "en"  # type: ignore[return-value]
    return DEFAULT_LANGUAGE if seen_chat else "en"
