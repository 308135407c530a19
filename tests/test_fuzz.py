"""Fuzzing plans and logs as the issue's fuzzer did: broken copies of a real plan and of
a real log go through the real loaders and the commands' code paths. Nothing may raise
but the project's own errors, and every message names the file.

Seeded (`derandomize`) so a failure is the same on every machine; a few hundred cases in
a few seconds: the core paths take most of them, the full command line a few dozen.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.core.exports import EXPORTS, export, make_context
from tui.core.plan.check import check_file
from tui.core.plan.drafts import DraftBook
from tui.core.plan.planfile import load_plan
from tui.core.plan.problems import PlanError
from tui.core.run.asrun import LogError, read_log, read_named_log
from tui.core.run.report import build_report
from tui.core.run.session import Session
from tui.core.timing.clock import FrozenClock

ROOT = Path(__file__).resolve().parents[1]
# The calendar export is stamped with its moment of creation, passed in.
CREATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
BASE_PLAN = (ROOT / "tests" / "ui" / "plans" / "chat-en.toml").read_text(encoding="utf-8")
BASE_LOG = [
    {"v": 1, "kind": "mark", "clock": "2026-12-03T17:01:00+00:00",
     "wall": "2026-12-03T17:01:00+00:00", "cue": "welcome@0", "via": "system"},
    {"v": 1, "kind": "shift", "clock": "2026-12-03T17:05:00+00:00",
     "wall": "2026-12-03T17:05:00+00:00", "seconds": 120, "cues": ["q1", "q2"]},
    {"v": 1, "kind": "tick", "clock": "2026-12-03T17:06:00+00:00",
     "wall": "2026-12-03T17:06:00+00:00", "item": 0, "done": True},
    {"v": 1, "kind": "highlight", "clock": "2026-12-03T17:07:00+00:00",
     "wall": "2026-12-03T17:07:00+00:00", "cue": "q1", "text": "https://example.org/a"},
]

HOSTILE_VALUES = [
    "99999999999999999999999", "-99999999999999999999999", "0", "-1", "1e308", "inf", "nan",
    "true", '""', '"-9999999d"', '"99999999d"', '"1h" ', "0001-01-01", "9999-12-31T23:59:59Z",
    "2026-10-25 02:30:00", "2026-03-29T02:30:00", "{}", "[]", "[[[]]]",
    "[" * 1000 + "]" * 1000, "[" * 60 + "]" * 60, '"' + "A" * 3000 + '"',
    '"\\u001b]52;c;aGk=\\u0007 \\u202e\\u009b"', '"{title}{start}{zones}{{{}}}{__class__}"',
    '"' + " ".join(["word"] * 3000) + '"', '"Europe/Paris"', '"../../../../etc/passwd"',
    '"' + "x" * 300 + '"', '"mastodon"', '"bluesky"', '"fr"', '"declined"', "[1, 2]",
]
HOSTILE_LINES = [
    "[chat]", "[[questions]]", "[[posts]]", "[[checklist]]", "[[guests]]", 'kind = "thanks"',
    "at = -525600", "due = 525600", 'text = "{guests} {guests} {guests}"', "heads_up = 30",
    "duration = 1440", "char_limit = 1", 'timezone = "America/New_York"', "x.y.z = 1",
    'phase = "during"', "add_tag = false", 'audience_timezones = ["Asia/Tokyo", "Nope/Nope"]',
]


@st.composite
def plan_texts(draw: st.DrawFn) -> bytes:
    lines = BASE_PLAN.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["value", "value", "delete", "insert", "duplicate"]))
        index = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if operation == "value" and lines and "=" in lines[index]:
            key = lines[index].split("=", 1)[0]
            lines[index] = f"{key}= {draw(st.sampled_from(HOSTILE_VALUES))}"
        elif operation == "delete" and lines:
            del lines[index]
        elif operation == "insert":
            lines.insert(index, draw(st.sampled_from(HOSTILE_LINES + [
                f"at = {value}" for value in HOSTILE_VALUES[:12]])))
        elif lines:
            lines.insert(index, lines[index])
    data = "\n".join(lines).encode("utf-8")
    tail = draw(st.sampled_from(["", "", "", "cut", "bytes"]))
    if tail == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif tail == "bytes":
        data += draw(st.binary(max_size=40))
    return data


@st.composite
def log_texts(draw: st.DrawFn) -> bytes:
    lines: list[str] = []
    for event in draw(st.lists(st.sampled_from(BASE_LOG), max_size=6)):
        event = dict(event)
        if draw(st.booleans()):
            field = draw(st.sampled_from(["clock", "wall", "seconds", "item", "cue", "kind",
                                          "cues", "done", "text", "v"]))
            event[field] = draw(st.one_of(
                st.sampled_from([
                    10**30, -(10**30), 2**63, "9999-12-31T23:59:59+00:00",
                    "0001-01-01T00:00:00+00:00", "2026-12-03T17:01:00", None, [], {},
                    "\x1b]52;c;aGk=\x07", "q1" * 500, True, 1.5,
                ]),
                st.text(max_size=20),
            ))
        lines.append(json.dumps(event))
    extra = draw(st.sampled_from(["", "", "deep", "junk", "cut", "binary"]))
    if extra == "deep":
        lines.append("[" * 100_000 + "]" * 100_000)
    elif extra == "junk":
        lines.append(draw(st.text(max_size=30)))
    text = "\n".join(lines) + "\n"
    data = text.encode("utf-8", errors="surrogatepass")
    if extra == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif extra == "binary":
        data += draw(st.binary(max_size=30))
    return data


def _plan_paths(path: Path) -> None:
    """What every command does with a plan, below the command line."""
    plan, problems = check_file(path)
    assert all(p.describe(str(path)).startswith(str(path)) for p in problems)
    try:
        plan = load_plan(path)
    except PlanError as error:
        assert error.problems, "a PlanError says why"
        return
    book = DraftBook(plan)
    assert book.drafts is not None
    context = make_context(plan, created=CREATED)
    for kind in ("runsheet-md", "guest-brief", "ics", "thanks"):
        export(kind, context)
    try:
        Session(path, clock=FrozenClock(datetime(2026, 12, 3, 17, 20, tzinfo=UTC)),
                log_path=path.with_name("log.jsonl"))
    except PlanError:
        pass


@settings(max_examples=250, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plan_texts())
def test_broken_plans_raise_nothing_but_plan_errors(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.toml"
        path.write_bytes(data)
        _plan_paths(path)


@settings(max_examples=150, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(log_texts())
def test_broken_logs_raise_nothing_but_log_errors(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "chat-en.toml"
        plan.write_text(BASE_PLAN, encoding="utf-8")
        log = Path(folder) / "chat-en.toml.asrun.jsonl"
        log.write_bytes(data)
        reading = read_log(log)
        loaded = load_plan(plan)
        build_report(loaded, reading.events)
        try:
            events = read_named_log(log).events
        except LogError as error:
            assert str(error).startswith(f"{log}: error: ")
        else:
            context = make_context(loaded, events=events, created=CREATED)
            for kind in (k for k, v in EXPORTS.items() if v.reads_log):
                export(kind, context)
        try:
            session = Session(plan, clock=FrozenClock(datetime(2026, 12, 3, 17, 20, tzinfo=UTC)),
                              log_path=log)
        except PlanError as error:
            assert str(log) in error.problems[0].message
        else:
            build_report(session.plan, session.events, session.book)


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=30, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plan_texts(), log_texts(), st.sampled_from(["check", "drafts", "report"]))
def test_commands_name_the_file_in_every_message(plan: bytes, log: bytes, command: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.toml"
        path.write_bytes(plan)
        (Path(folder) / "fuzzed.toml.asrun.jsonl").write_bytes(log)
        code, out, err = _run([command, str(path)])
        assert code in (0, 1)
        # check's standard output also holds the pre-flight, which is no message about
        # the file: its problems are the lines that say error or warning.
        problems = [line for line in out.splitlines() if "error:" in line or "warning:" in line]
        messages = err.splitlines() + (problems if command == "check" else [])
        for line in messages:
            if line.strip():
                assert line.startswith((str(path), f"✓ {path}")), line
