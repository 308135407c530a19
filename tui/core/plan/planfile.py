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
from tui.core.plan.problems import PlanError, Problem

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
        reason = error.reason.replace("not a file", "not a plan file")
        if error.too_large:
            reason = reason.replace("too large", "too large to be a plan") + (
                "; plans are a few KB")
        raise PlanError([Problem("error", reason)]) from None
    if not data.strip():
        raise PlanError([Problem(
            "error", "is empty: a plan needs at least a [chat] table (try `tchat new`)"
        )])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise PlanError([Problem(
            "error",
            f"is not UTF-8 text (byte {error.start}): is it really a TOML plan?",
            line=line,
        )]) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise PlanError([Problem("error", "holds binary data, not TOML text", line=line)])
    return text.removeprefix("\ufeff")


def parse_toml(text: str) -> dict[str, Any]:
    """The TOML document as a dict, or a `PlanError` pointing at the faulty line."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise PlanError([Problem(
            "error", "not valid TOML: too deeply nested (arrays or tables inside each other)"
        )]) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = None
        if match and match.group(1):
            line = int(match.group(1))
        elif match:
            line = text.count("\n") + 1
        reason = _TOML_POSITION.sub("", message).rstrip(".")
        if line is not None:
            reason = _impossible_date(text, line) or reason
        raise PlanError([Problem("error", f"not valid TOML: {reason}", line=line)]) from None


def _impossible_date(text: str, line: int) -> str | None:
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
        return f"{written} is not a real date and time (check the month, the day and the hour)"
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
        raise PlanError([Problem("error", "too deeply nested to be a plan")]) from None
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
    "missing": "is required",
    "string_type": "should be text, in quotes",
    "int_type": "should be a whole number, without quotes",
    "bool_type": "should be true or false, without quotes",
    "list_type": "should be a list",
    "model_type": "should be a table",
    "model_attributes_type": "should be a table",
    "dict_type": "should be a table",
    "datetime_type": (
        "should be a TOML date and time without quotes, such as "
        "2026-12-03T18:00:00+01:00 or 2026-12-03 18:00:00 with a timezone"
    ),
    "string_too_short": "should not be empty",
}


def _plain_message(error: Any) -> str:
    kind = error["type"]
    if kind in _PLAIN:
        return str(_PLAIN[kind])
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"should be one of {expected}"
    if kind in ("value_error", "assertion_error"):
        return str(error["ctx"]["error"])
    if kind == FIELD_PROBLEM:
        return str(error["msg"])
    return str(error["msg"][0].lower() + error["msg"][1:])


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
        if item["type"] == "extra_forbidden":
            name = str(loc[-1])
            known = _fields_at(loc)
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            if close:
                hint = f" (did you mean '{close[0]}'?)"
            else:
                hint = f"; known fields here: {', '.join(known)}" if known else ""
            message = f"unknown field '{name}'{hint}"
        else:
            message = _plain_message(item)
        if message == START_WITHOUT_ZONE:
            loc, path = ("chat", "start"), "chat.start"
        elif item["type"] == FIELD_PROBLEM:
            loc = (*loc, str(item["ctx"]["field"]))
            path = field_path(loc)
        problems.append(Problem("error", message, field=path, line=locate(text, loc)))
    seen = {q.message for q in problems}
    for problem in _zone_problems(document):
        if problem.message not in seen:
            problems.append(Problem(problem.severity, problem.message, problem.field,
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
