"""The as-run log: what the moderator did during the chat, one JSON line per action.

Every event is appended, flushed and fsynced the moment it happens, so a crash or a
`kill -9` in the middle of a live hour loses nothing. Reading is forgiving: a last line
cut short by such a crash is skipped, and so is any line that is not an event.

The log lives beside the plan (`<plan>.asrun.jsonl`) for a live run; the path is always
a parameter so rehearsals can keep their own file: one per rehearsal,
`<plan>.rehearsal-YYYYMMDD-HHMMSS.jsonl`, named from the wall clock at launch, so a
rehearsal never leaves a mark in the live run and each one can be reported on its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, get_args

from tui.core.files.appending import append_lines
from tui.core.files.jsonline import json_line
from tui.core.files.regularfile import NotReadable, read_regular
from tui.core.plan.networks import NETWORKS
from tui.core.run.logname import log_path_for as log_path_for  # where it always was
from tui.core.timing.chattime import FIRST_YEAR, LAST_YEAR

EventKind = Literal[
    "mark", "undo", "skip", "shift", "compress", "tick", "reply", "reload", "highlight",
    # Posting from tchat (`tui.core.run.publish`): the intent is on disk before the post
    # leaves, so a crash between the two is settled at the next start, never posted twice.
    "post-intent", "post-done", "post-failed", "post-deleted", "repost",
    # The room (tui.core.run.roomlog): a welcome reply made, a post to answer handled
    # (`done`) or put back, an account muted or unmuted.
    "welcome", "handled", "mute", "unmute",
]
EVENT_KINDS: frozenset[str] = frozenset(get_args(EventKind))
FORMAT_VERSION = 1
# A shift absorbs an overrun of a chat that lasts a day at most; a log claiming more is
# not one tchat wrote, and summing such shifts would push cue times out of range.
MAX_SHIFT_SECONDS = 2 * 86_400
MAX_ITEM = 1_000_000
# A room event names a few accounts and one post; more is not a line tchat wrote.
MAX_ACCOUNTS = 50
MAX_NAME = 600
# A thread of a hundred posts is no chat's; a bigger number is not a line tchat wrote.
MAX_PARTS = 100




REHEARSAL_INFIX = ".rehearsal-"
_REHEARSAL_NAME = re.compile(r"\.rehearsal-(\d{8}-\d{6})(?:-(\d+))?\.jsonl$")


def new_rehearsal_log(plan_path: Path, launched: datetime) -> Path:
    """Create and return an empty log for one new rehearsal of `plan_path`.

    Named from `launched` (the wall clock, in the user's zone: it is the name a person
    will look for) as `demo.toml.rehearsal-20261125-174501.jsonl`; a second rehearsal
    started within the same second gets `-2`, `-3`... The file is created exclusively
    here, so two tchat processes can never share one.
    """
    stamp = launched.strftime("%Y%m%d-%H%M%S")
    plan_path.parent.mkdir(parents=True, exist_ok=True)
    number = 1
    while True:
        suffix = f"{REHEARSAL_INFIX}{stamp}" + (f"-{number}" if number > 1 else "") + ".jsonl"
        path = log_path_for(plan_path, suffix)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            number += 1
            continue
        return path


def rehearsal_logs(plan_path: Path) -> list[Path]:
    """Every rehearsal log beside the plan, oldest first (by the time in its name)."""
    found: list[tuple[str, int, Path]] = []
    prefix = plan_path.name + REHEARSAL_INFIX
    try:
        candidates = list(plan_path.parent.iterdir())
    except OSError:
        return []
    for path in candidates:
        if not path.name.startswith(prefix):
            continue
        match = _REHEARSAL_NAME.search(path.name[len(plan_path.name):])
        if match is None or match.start() != 0:
            continue
        # Sorted on the parsed stamp and number: as plain strings "-2.jsonl" would sort
        # before ".jsonl" and the second rehearsal of a second would look older.
        found.append((match.group(1), int(match.group(2) or 1), path))
    return [path for _stamp, _number, path in sorted(found)]


def last_rehearsal_log(plan_path: Path) -> Path | None:
    """The newest rehearsal log in which something happened (else the newest at all).

    A rehearsal opened and closed without a keypress says nothing about the timing, so
    it does not hide the last real one.
    """
    logs = rehearsal_logs(plan_path)
    for path in reversed(logs):
        try:
            if read_events(path):
                return path
        except LogError:
            continue  # a folder or a FIFO by that name: `report` says so when it reads it
    return logs[-1] if logs else None


@dataclass(frozen=True, slots=True)
class Event:
    """One thing the moderator did.

    `clock` is the run's own time (simulated in a rehearsal) and decides the state;
    `wall` is the real time, kept for the record.
    """

    kind: EventKind
    clock: datetime
    wall: datetime
    cue: str | None = None
    """The cue id, for mark and skip."""
    seconds: int | None = None
    """How far a shift moved the remaining cues, or a compression the end (back to the
    booked end after shifts)."""
    cues: tuple[str, ...] = ()
    """The cues a shift moved, or a compression moved (each by its own `moves`)."""
    moves: tuple[int, ...] = ()
    """A compression's seconds, one per cue of `cues`."""
    skips: tuple[str, ...] = ()
    """The questions a compression skipped (they could not fit)."""
    item: int | None = None
    """The checklist item's index, for a tick."""
    done: bool | None = None
    """A tick's new value."""
    text: str | None = None
    """A reply's text."""
    via: str | None = None
    """How a text reached the clipboard (system, osc52, manual), or `post` for a mark
    that tchat's own posting made."""
    network: str | None = None
    """The network of a mark or a skip on a plan with several (None: the cue on every
    network, as in every log written before plans had several), where a post-* event
    happened, or the network of a room event's post or people (bluesky, mastodon)."""
    part: int | None = None
    """A thread's part, counted from 1 (a post alone is part 1 of 1)."""
    parts: int | None = None
    key: str | None = None
    """What the server dedupes on: a Bluesky record key, a Mastodon Idempotency-Key."""
    uri: str | None = None
    """The post's own id on its network (an at:// URI, a Mastodon status id)."""
    url: str | None = None
    """The post's public web address."""
    cid: str | None = None
    """A Bluesky record's CID, which a reply to it needs."""
    reason: str | None = None
    """Why a post failed, in one line (never a secret: see `tui.post`)."""
    post: str | None = None
    """A handled post's id on its network (the room)."""
    accounts: tuple[str, ...] = ()
    """The accounts a welcome names, or the one a mute or unmute is about (the room)."""

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "v": FORMAT_VERSION,
            "kind": self.kind,
            "clock": self.clock.isoformat(),
            "wall": self.wall.isoformat(),
        }
        for name in ("cue", "seconds", "item", "done", "text", "via", "network", "part",
                     "parts", "key", "uri", "url", "cid", "reason", "post"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.cues:
            data["cues"] = list(self.cues)
        if self.moves:
            data["moves"] = list(self.moves)
        if self.skips:
            data["skips"] = list(self.skips)
        if self.accounts:
            data["accounts"] = list(self.accounts)
        # ensure_ascii keeps one event on one physical line whatever the text holds.
        return json.dumps(data, ensure_ascii=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, line: str) -> Event | None:
        """The event on one line, or None when the line is not a valid event."""
        data = json_line(line)
        try:
            if not isinstance(data, dict) or data.get("kind") not in EVENT_KINDS:
                return None
            clock = datetime.fromisoformat(data["clock"])
            wall = datetime.fromisoformat(data["wall"])
            if clock.tzinfo is None or wall.tzinfo is None:
                return None
            if not all(FIRST_YEAR <= moment.year <= LAST_YEAR + 1 for moment in (clock, wall)):
                return None  # a date no run of a plan can have; arithmetic on it overflows
            event = cls(
                kind=data["kind"],
                clock=clock,
                wall=wall,
                cue=_opt(data, "cue", str),
                seconds=_opt(data, "seconds", int),
                cues=tuple(str(c) for c in data.get("cues", ())),
                moves=tuple(_int(m) for m in data.get("moves", ())),
                skips=tuple(str(c) for c in data.get("skips", ())),
                item=_opt(data, "item", int),
                done=_opt(data, "done", bool),
                text=_opt(data, "text", str),
                via=_opt(data, "via", str),
                network=_opt(data, "network", str),
                part=_opt(data, "part", int),
                parts=_opt(data, "parts", int),
                key=_opt(data, "key", str),
                uri=_opt(data, "uri", str),
                url=_opt(data, "url", str),
                cid=_opt(data, "cid", str),
                reason=_opt(data, "reason", str),
                post=_opt(data, "post", str),
                accounts=_names(data.get("accounts", ())),
            )
        except (ValueError, KeyError, TypeError, RecursionError, OverflowError):
            # RecursionError: a line of 100,000 nested brackets is valid JSON to no one.
            return None
        if event.seconds is not None and abs(event.seconds) > MAX_SHIFT_SECONDS:
            return None
        if event.item is not None and not 0 <= event.item <= MAX_ITEM:
            return None
        if any(n is not None and not 1 <= n <= MAX_PARTS for n in (event.part, event.parts)):
            return None
        if event.post is not None and len(event.post) > MAX_NAME:
            return None
        if event.network is not None and event.network not in NETWORKS:
            return None  # no network tchat knows: not a line it wrote
        return event


def _names(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or len(value) > MAX_ACCOUNTS:
        raise TypeError("accounts")
    if not all(isinstance(name, str) and len(name) <= MAX_NAME for name in value):
        raise TypeError("accounts")
    return tuple(value)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("moves")
    return value


def _opt(data: dict[str, Any], key: str, kind: type[Any]) -> Any:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(key)
    return value


class LogError(Exception):
    """A file named as a run log that cannot be one (a folder, a FIFO, a plan, random
    bytes). Said as the plan's problems are: `FILE: error: reason`."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: error: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class LogReading:
    events: list[Event]
    skipped_lines: list[int]
    """Lines that are not events (out of range, cut, garbage), except a last line cut
    short by a crash, which is expected and not worth a word."""


def read_log(path: Path) -> LogReading:
    """Every event in the log, oldest first, and the numbers of the lines skipped; no
    file means no event yet. A path that cannot be a log (a folder, a FIFO, a device,
    over 10 MB) raises `LogError`: it is never read, so it can neither hang nor fill
    the memory."""
    try:
        data = read_regular(path)
    except NotReadable as error:
        if error.missing:
            return LogReading([], [])
        raise LogError(path, error.reason.replace("not a file", "not a run log")) from None
    lines = data.split(b"\n")
    events: list[Event] = []
    skipped: list[int] = []
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        event = Event.from_json(raw.decode("utf-8", errors="replace"))
        if event is not None:
            events.append(event)
        elif not (number == len(lines) and not data.endswith(b"\n")):
            skipped.append(number)
    return LogReading(events, skipped)


def read_events(path: Path) -> list[Event]:
    """Every event in the log, oldest first (see `read_log`); no file, no event."""
    return read_log(path).events


def read_named_log(path: Path) -> LogReading:
    """A log someone pointed a command at: forgiving of a crash's cut-off last line like
    `read_log`, but a missing file, or one with no event at all and lines that are not
    events, is not a tchat log, and says so instead of reading as an empty run."""
    if not path.exists() and not path.is_symlink():
        raise LogError(path, "does not exist")
    reading = read_log(path)
    if reading.skipped_lines and not reading.events:
        raise LogError(
            path, f"is not a tchat run log (line {reading.skipped_lines[0]} is not an event)")
    return reading


class AsRunLog:
    """An append-only log file; each `append` is on disk when it returns."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> list[Event]:
        return read_events(self.path)

    def make_folder(self) -> None:
        """Create the log's folder, at the start of a run only: a log named in a folder
        of its own gets it. Never at an append: a plan folder deleted during the run would
        come back with only the log inside, and nothing would say the plan is gone."""
        with contextlib.suppress(OSError):  # the first append says why, in the banner
            self.path.parent.mkdir(parents=True, exist_ok=True)

    def append(self, event: Event) -> None:
        """On disk, whole, when it returns; an OSError leaves nothing of it in the file
        (see `append_lines`), so the caller keeps the event waiting and writes it later."""
        append_lines(self.path, [event.to_json().encode("ascii") + b"\n"])
