"""`tchat count [--platform NAME] [--limit N] [--jsonl] [TEXT ...]`: a post's length as
the platform counts it.

Human output: one line per text with its length, the limit and what is left (or over),
then why the platform refuses it whatever its length (a blank post, too many bytes or
links, a character it never takes), then any warning. `--jsonl`: one JSON string per
input line, one JSON object per output line, in order, flushed as it goes, so an editor
or a script can keep a pipe open.
Exit 0 when every text fits, 1 when one does not (or a JSONL line was unreadable),
2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from json import decoder
from typing import IO, TYPE_CHECKING, Any, TextIO

from tui.commands.exits import EXIT_OK, EXIT_PROBLEMS, UsageError
from tui.core.counting import (
    PLATFORMS,
    Count,
    UnknownPlatformError,
    count,
    counter,
    resolve_limit,
)

if TYPE_CHECKING:
    from rich.text import Text

_PREVIEW = 40


def register(subparsers: Any, summary: str) -> None:
    names = ", ".join(PLATFORMS)
    parser = subparsers.add_parser(
        "count",
        help=summary,
        description=(
            "Count each TEXT (or standard input) as the platform's composer does: X's "
            "weighted length with links as 23, graphemes on Bluesky, Mastodon and Threads. "
            "Exit 0 when every text fits, 1 when one is over the limit or invalid."
        ),
    )
    parser.add_argument(
        "--platform", default="x", metavar="NAME", help=f"one of {names} (default: x)"
    )
    parser.add_argument(
        "--limit", type=int, metavar="N",
        help="count against N instead of the platform's limit (a Mastodon server's own)",
    )
    parser.add_argument(
        "--jsonl", action="store_true",
        help="read one JSON string per line on standard input, write one JSON object per line",
    )
    parser.add_argument("texts", nargs="*", metavar="TEXT", help="texts to count")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    platform: str = args.platform
    try:
        limit = resolve_limit(platform, args.limit)
    except UnknownPlatformError as error:
        raise UsageError(str(error)) from None
    except ValueError as error:
        raise UsageError(f"--limit: {error}") from None
    try:
        if args.jsonl:
            if args.texts:
                raise UsageError("--jsonl reads standard input: give no TEXT with it")
            return run_jsonl(_stdin().buffer, sys.stdout, platform, limit)
        return run_human(args.texts, platform, limit)
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def run_human(texts: list[str], platform: str, limit: int) -> int:
    # Rich only here: `--jsonl` writes its lines itself, and a script pays each import.
    from rich.text import Text

    from tui.commands.console import safe_console
    from tui.commands.output import error_console

    out = safe_console(soft_wrap=True)
    err = error_console()
    if not texts:
        stdin = _stdin()
        if stdin.isatty():
            err.print("Reading the post from standard input; end it with Ctrl-D.")
        data = stdin.buffer.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            err.print("warning: standard input is not UTF-8; unreadable bytes count as U+FFFD.")
        texts = [_drop_final_newline(text)]
    label = PLATFORMS[platform].label
    problems = 0
    for text in texts:
        try:
            counted = count(text, platform, limit=limit)
        except Exception as error:  # noqa: BLE001 - report, never a traceback
            err.print(Text(f"tchat: could not count this text: {error}"))
            problems += 1
            continue
        problems += not counted.valid
        out.print(_line(counted, text, label, show_text=len(texts) > 1))
        if counted.refusal is not None:
            out.print(Text.assemble(("  refused: ", "bold red"), counted.refusal))
        for warning in counted.warnings:
            if warning != counted.refusal:
                out.print(Text.assemble(("  warning: ", "yellow"), warning))
    return EXIT_PROBLEMS if problems else EXIT_OK


def _stdin() -> TextIO:
    if sys.stdin is None:
        raise UsageError("no TEXT given and no standard input to read it from")
    return sys.stdin


def _drop_final_newline(text: str) -> str:
    # `echo "post" | tchat count` adds a newline nobody means to post.
    for ending in ("\r\n", "\n"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def _line(counted: Count, text: str, label: str, *, show_text: bool) -> Text:
    from rich.text import Text

    if counted.remaining >= 0:
        left = (f"{counted.remaining} left", "green" if counted.valid else "red")
    else:
        left = (f"{-counted.remaining} over", "bold red")
    line = Text.assemble(
        (f"{counted.length}", "bold"), f" / {counted.limit} · ", left, f"  ({label})"
    )
    if counted.length == 0:
        line.append("  empty post", style="red")
    if counted.overflow_index is not None:
        line.append(f"  overflows at character {counted.overflow_index + 1}", style="red")
    if show_text:
        # Surrogates from undecodable arguments cannot be printed: show "?" instead.
        preview = " ".join(text.split()).encode("utf-8", "replace").decode("utf-8")
        if len(preview) > _PREVIEW:
            preview = preview[: _PREVIEW - 1] + "…"
        # User text goes in as plain Text: brackets in a post are not markup.
        line.append("  ")
        line.append(preview, style="dim")
    return line


def run_jsonl(source: IO[bytes], sink: IO[str], platform: str, limit: int) -> int:
    """Answer each line of `source` on `sink`, in order.

    Answers are written a chunk of input at a time and flushed before the next read,
    which is the only call that can block: a script piping many lines does not pay one
    flush per line, and an editor that sends one line gets its answer at once.
    """
    count_one = counter(platform, limit=limit)
    problems = 0
    number = 0
    pending = b""
    read = getattr(source, "read1", source.read)
    while True:
        chunk = read(_CHUNK)
        if not chunk:
            break
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        answers = []
        for raw in lines:
            number += 1
            answer, fits = _answer(raw, number, count_one)
            problems += not fits
            answers.append(answer)
        sink.write("".join(answers))
        sink.flush()
    if pending:
        answer, fits = _answer(pending, number + 1, count_one)
        problems += not fits
        sink.write(answer)
        sink.flush()
    return EXIT_PROBLEMS if problems else EXIT_OK


_CHUNK = 1 << 16


def _answer(raw: bytes, number: int, count_one: Callable[[str], Count]) -> tuple[str, bool]:
    """The output line for one input line, and whether its text fits."""
    value = _decoded(raw, number)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) + "\n", False
    try:
        counted = count_one(value)
    except Exception as error:  # noqa: BLE001 - a bug must not end the stream
        return json.dumps({"error": f"line {number}: could not count ({error})"}) + "\n", False
    if counted.refusal_said is not None or counted.others:  # not `warnings`: made per call
        return json.dumps(as_json(counted), ensure_ascii=False) + "\n", counted.valid
    # The common answer, written straight from the count (json.dumps's generic walk
    # was the pipe's main cost after counting). Same keys, same spacing.
    overflow = counted.overflow_index
    return (
        f'{{"weighted_length": {counted.length}, "limit": {counted.limit}, '
        f'"valid": {"true" if counted.valid else "false"}, '
        f'"remaining": {counted.remaining}, '
        f'"overflow_index": {"null" if overflow is None else overflow}, '
        '"warnings": [], "refusal": null}\n'
    ), counted.valid


def jsonl_results(lines: Iterable[bytes], platform: str, limit: int) -> Iterable[dict[str, Any]]:
    """One result per input line: the count, or `{"error": ...}` for a line that is
    not a JSON string. Nothing on one line stops the next."""
    count_one = counter(platform, limit=limit)
    for number, raw in enumerate(lines, 1):
        value = _decoded(raw, number)
        if isinstance(value, dict):
            yield value
            continue
        try:
            yield as_json(count_one(value))
        except Exception as error:  # noqa: BLE001 - a bug must not end the stream
            yield {"error": f"line {number}: could not count ({error})"}


def _decoded(raw: bytes, number: int) -> str | dict[str, str]:
    """The JSON string on one line, or the error to answer with."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return {"error": f"line {number}: not UTF-8"}
    if line.startswith('"'):
        # A line that is one JSON string, as a script sends them, is read by the C
        # scanner `json.loads` itself calls, without the rest of its walk: as fast as
        # orjson was, whose import (it loads dataclasses, uuid and datetime) cost more
        # than it saved on a few thousand posts.
        try:
            value, end = _scanstring(line, 1)
        except ValueError:
            pass  # json.loads below says what is wrong
        else:
            if end == len(line) or not line[end:].strip(_JSON_SPACES):
                return value
    try:
        found = json.loads(line)
    except ValueError as error:
        return {"error": f"line {number}: not valid JSON ({error})"}
    if not isinstance(found, str):
        return {"error": f"line {number}: expected a JSON string, got {_json_kind(found)}"}
    return found


# json.loads's own string scanner (the C one when built), typed: typeshed leaves it out.
_scanstring: Callable[[str, int], tuple[str, int]] = decoder.scanstring  # type: ignore[attr-defined]
# What JSON allows around a value (str.strip's default takes more).
_JSON_SPACES = " \t\r\n"


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "an array" if isinstance(value, list) else "an object"


def as_json(counted: Count) -> dict[str, Any]:
    return {
        "weighted_length": counted.length,
        "limit": counted.limit,
        "valid": counted.valid,
        "remaining": counted.remaining,
        "overflow_index": counted.overflow_index,
        "warnings": list(counted.warnings),
        "refusal": counted.refusal,
    }
