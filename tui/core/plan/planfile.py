"""Reading and writing plan files, with every problem located and said in plain words.

Whatever a file holds (binary junk, nothing, 50 MB, a folder), loading ends either with
a `Plan` or with a `PlanError` listing problems; it never lets an exception escape.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ValidationError

from tui.core.files.atomic import write_atomic
from tui.core.files.regularfile import MAX_FILE_BYTES, NotReadable, read_regular
from tui.core.plan.model import BOTH_PLATFORMS, FIELD_PROBLEM, START_WITHOUT_ZONE, Plan
from tui.core.plan.problems import PlanError, Problem, problem
from tui.core.text.said import Said, SaidError

# Real plans are a few kilobytes; refusing early keeps a wrong path (a video, a disk
# image, /dev/zero) from being read into memory.
MAX_PLAN_BYTES = MAX_FILE_BYTES

# The patterns read lines of a shared file: each runs in linear time, starting white
# space only at the first of a run and taking runs whole (possessive quantifiers).
_TOML_POSITION = re.compile(
    r"(?<!\s)\s*+\(at line (\d+), column (\d+)\)|(?<!\s)\s*+\(at end of document\)")
# A value written as a TOML date and time: `key = 2026-12-03 18:00:00`, offset optional.
_DATE_VALUE = re.compile(
    r"=\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    r"(?:Z|[+-]\d{2}:\d{2})?)\s*(?:#.*)?$"
)
_HEADER = re.compile(r"^\s*+(\[\[?+)\s*+([A-Za-z0-9_.\-\"' ]++)\s*+\]\]?\s*(?:#.*)?$")


def read_plan_text(path: Path) -> str:
    """The text of a plan file, or a `PlanError` that says why it cannot be read."""
    try:
        data = read_regular(path, MAX_PLAN_BYTES)
    except NotReadable as error:
        raise PlanError([Problem("error", _unreadable(error))]) from None
    if not data.strip():
        raise PlanError([problem("error", "check.file_empty")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise PlanError([problem("error", "check.not_utf8", line=line, byte=error.start)]
                        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise PlanError([problem("error", "check.binary", line=line)])
    return text.removeprefix("\ufeff")


# The reader's reasons, in its words (`tui.core.files` sits below the words table), and
# the words a plan's reader says them with.
_FILE_KINDS = (
    ("is a folder", "check.file_folder"),
    ("is a named pipe", "check.file_fifo"),
    ("is a device", "check.file_device"),
    ("is a socket", "check.file_socket"),
    ("is not a regular file", "check.file_special"),
    ("cannot be read (permission denied)", "check.file_denied"),
)
_TOO_LARGE = re.compile(r"is (\d+(?:\.\d+)?) MB, too large \(the limit is (\d+) MB\)")
_CANNOT_READ = re.compile(r"cannot be read \((.*)\)", re.DOTALL)


def _unreadable(error: NotReadable) -> Said:
    """Why a plan file cannot be read, in words of the table."""
    reason = error.reason
    if error.missing:
        return Said.of("check.file_missing")
    large = _TOO_LARGE.fullmatch(reason)
    if error.too_large and large:
        # A number, not the English text: "12,5 Mo" in French.
        return Said.of("check.file_too_large", size=float(large.group(1)),
                       limit=large.group(2))
    for start, key in _FILE_KINDS:
        if reason.startswith(start):
            return Said.of(key)
    other = _CANNOT_READ.fullmatch(reason)
    return Said.of("check.file_unreadable", why=other.group(1) if other else reason)


def parse_toml(text: str) -> dict[str, Any]:
    """The TOML document as a dict, or a `PlanError` pointing at the faulty line."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise PlanError([problem("error", "check.toml_nested")]) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = None
        if match and match.group(1):
            line = int(match.group(1))
        elif match:
            line = text.count("\n") + 1
        reason: str | Said = _TOML_POSITION.sub("", message).rstrip(".")
        if line is not None:
            reason = _impossible_date(text, line) or reason
        # TOML's own reason stays in its words (English): it names the characters at fault.
        raise PlanError([problem("error", "check.not_toml", line=line, reason=reason)]
                        ) from None


def _impossible_date(text: str, line: int) -> Said | None:
    """Why the faulty line fails when it holds a date that does not exist (the 32nd, the
    13th month, 25:00): TOML's own message speaks of a missing newline there."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    found = _DATE_VALUE.search(lines[line - 1])
    if found is None:
        return None
    written = found.group(1)
    try:
        tomllib.loads(f"value = {written}")
    except tomllib.TOMLDecodeError:
        return Said.of("check.impossible_date", written=written)
    return None


def parse_plan(text: str) -> Plan:
    """A validated `Plan` from TOML text, or a `PlanError` with every problem located."""
    document = parse_toml(text)
    both = _both_platforms(document, text)
    if both:
        # Said with every other problem: the rest is validated as if `platform` were gone.
        chat = {k: v for k, v in document["chat"].items() if k != "platform"}
        document = {**document, "chat": chat}
    try:
        plan = Plan.model_validate(document)
    except ValidationError as error:
        raise PlanError(both + _problems_from(error, text, document)) from None
    except RecursionError:
        raise PlanError([problem("error", "check.plan_nested")]) from None
    if both:
        raise PlanError(both)
    return plan


def _both_platforms(document: dict[str, Any], text: str) -> list[Problem]:
    chat = document.get("chat")
    if isinstance(chat, dict) and "platform" in chat and "platforms" in chat:
        return [Problem("error", BOTH_PLATFORMS, "chat.platforms",
                        locate(text, ("chat", "platforms")))]
    return []


def load_plan(path: Path) -> Plan:
    return parse_plan(read_plan_text(path))


def dump_plan(plan: Plan) -> str:
    """The plan as TOML text. `None` fields are left out: TOML has no null."""
    data = plan.model_dump(mode="python", exclude_none=True)
    # Multi-line strings read best, but TOML readers turn a "\r\n" inside them into
    # "\n"; a plan holding a carriage return is written with escapes to round-trip.
    return tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))


def _has_carriage_return(value: object) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_carriage_return(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_carriage_return(v) for v in value)
    return False


def save_plan(plan: Plan, path: Path, *, header: str = "") -> None:
    """Write the whole plan atomically (temporary file, fsync, rename)."""
    write_atomic(path, header + dump_plan(plan))


# --- turning pydantic's errors into a moderator's words ------------------------------


def field_path(loc: Sequence[int | str]) -> str:
    """("questions", 2, "text") -> "questions[3].text": counted from 1, as Q3 is."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part + 1}]"
        else:
            path += f".{part}" if path else part
    return path


_PLAIN = {
    "missing": "check.missing",
    "string_type": "check.string_type",
    "int_type": "check.int_type",
    "bool_type": "check.bool_type",
    "list_type": "check.list_type",
    "model_type": "check.table_type",
    "model_attributes_type": "check.table_type",
    "dict_type": "check.table_type",
    "datetime_type": "check.datetime_type",
    "string_too_short": "check.empty_text",
    "string_pattern_mismatch": "check.id_pattern",
}


def _plain_message(error: Any) -> Said:
    kind = error["type"]
    context = error.get("ctx", {})
    if kind in _PLAIN:
        return Said.of(_PLAIN[kind])
    if kind == "literal_error":
        # Pydantic's list ends in English ("'fr' or 'en'"): its "or" is said here.
        items, _or, last = str(context.get("expected", "")).rpartition(" or ")
        if items:
            return Said.of("check.one_of_several", items=items, last=last)
        return Said.of("check.one_of", expected=last)
    if kind in ("greater_than_equal", "less_than_equal"):
        limit = context.get("ge" if kind == "greater_than_equal" else "le")
        if isinstance(limit, int):
            key = "check.at_least" if kind == "greater_than_equal" else "check.at_most"
            return Said.of(key, limit=limit)
    if kind == "too_long" and isinstance(context.get("max_length"), int):
        return Said.of("check.too_long_list", n=context["max_length"])
    if kind in ("value_error", "assertion_error"):
        cause = context.get("error")
        if isinstance(cause, SaidError):
            return cause.said
        return Said.of("check.other", message=str(cause))
    if kind == FIELD_PROBLEM:
        said = context.get("said")
        return said if isinstance(said, Said) else Said.of("check.other", message=error["msg"])
    message = str(error["msg"])
    return Said.of("check.other", message=message[:1].lower() + message[1:])


def _fields_at(loc: Sequence[int | str]) -> list[str]:
    model: type[BaseModel] = Plan
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        annotation = field.annotation
        args = getattr(annotation, "__args__", ())
        candidates = [annotation, *args]
        nested = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        if not nested:
            return []
        model = nested[0]
    return list(model.model_fields)


def _problems_from(
    error: ValidationError, text: str, document: dict[str, Any]
) -> list[Problem]:
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        path = field_path(loc)
        message: Said
        if item["type"] == "extra_forbidden":
            name = repr(str(loc[-1]))
            known = _fields_at(loc)
            close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
            if close:
                message = Said.of("check.unknown_field_close", name=name, close=repr(close[0]))
            elif known:
                message = Said.of("check.unknown_field_known", name=name,
                                  known=", ".join(known))
            else:
                message = Said.of("check.unknown_field", name=name)
        else:
            message = _plain_message(item)
        if message == START_WITHOUT_ZONE:
            loc, path = ("chat", "start"), "chat.start"
        elif item["type"] == FIELD_PROBLEM:
            loc = (*loc, str(item["ctx"]["field"]))
            path = field_path(loc)
        problems.append(Problem("error", message, field=path, line=locate(text, loc)))
    seen = {q.said for q in problems}
    for found in _zone_problems(document):
        if found.said not in seen:
            problems.append(Problem(found.severity, found.said, found.field,
                                    locate(text, ("chat", "start"))))
    return problems


def _zone_problems(document: dict[str, Any]) -> list[Problem]:
    # Pydantic runs the model-level "start needs a zone" check only once every field is
    # valid; checking it here too lets `tchat check` report it alongside the rest.
    chat = document.get("chat")
    if not isinstance(chat, dict):
        return []
    start = chat.get("start")
    if isinstance(start, datetime) and start.tzinfo is None and "timezone" not in chat:
        return [Problem("error", START_WITHOUT_ZONE, field="chat.start")]
    return []


def locate(text: str, loc: Sequence[int | str]) -> int | None:
    """The TOML line holding the field at `loc`, found by reading table headers.

    Good enough for hand-written plans (`[chat]`, `[[questions]]`, `key = value`); for
    exotic layouts (inline tables) it returns None and the field path alone is shown.
    """
    if not loc:
        return None
    outline = _outline(text)
    section = str(loc[0])
    index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
    rest = [str(p) for p in loc[(2 if index is not None else 1):] if not isinstance(p, int)]
    key = rest[0] if rest else None

    starts = outline.headers.get(section, [])
    position = 0 if index is None else index
    if position >= len(starts):
        top = outline.keys.get(_TOP, {}).get(section)
        return top + 1 if top is not None else None
    start = starts[position]
    if key is None:
        return start + 1
    return outline.keys.get(start, {}).get(key, start) + 1


_TOP = -1
_KEY = re.compile(r"^\s*[\"']?([A-Za-z0-9_\-]+)[\"']?\s*=")


@dataclass(frozen=True, slots=True)
class _Outline:
    headers: dict[str, list[int]]
    """Table name -> the (0-based) line of each of its headers, in order."""
    keys: dict[int, dict[str, int]]
    """Header line (or _TOP) -> key -> the line of its first assignment in that table."""


@lru_cache(maxsize=4)
def _outline(text: str) -> _Outline:
    # Read once per text: `tchat check` asks for a line per problem and per draft, and
    # rescanning a large plan each time made checking quadratic.
    headers: dict[str, list[int]] = {}
    keys: dict[int, dict[str, int]] = {_TOP: {}}
    current = _TOP
    for number, line in enumerate(text.splitlines()):
        header = _HEADER.match(line)
        if header:
            current = number
            headers.setdefault(header.group(2).strip("\"' "), []).append(number)
            keys[current] = {}
            continue
        key = _KEY.match(line)
        if key:
            keys[current].setdefault(key.group(1), number)
    return _Outline(headers, keys)
