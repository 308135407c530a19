"""The as-run log: every action on disk at once, readable after a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.run.asrun import (
    AsRunLog,
    Event,
    LogError,
    last_rehearsal_log,
    log_path_for,
    new_rehearsal_log,
    read_events,
    read_named_log,
    rehearsal_logs,
)
from tui.core.run.runstate import fold

T0 = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def mark(cue: str, minute: int = 0) -> Event:
    moment = T0 + timedelta(minutes=minute)
    return Event("mark", clock=moment, wall=moment, cue=cue, via="system")


def test_log_sits_beside_the_plan() -> None:
    assert log_path_for(Path("/p/demo.toml")) == Path("/p/demo.toml.asrun.jsonl")
    assert log_path_for(Path("d.toml"), ".rehearsal.jsonl") == Path("d.toml.rehearsal.jsonl")


def test_round_trip_every_field(tmp_path: Path) -> None:
    log = AsRunLog(tmp_path / "a.jsonl")
    events = [
        mark("q1"),
        Event("skip", clock=T0, wall=T0, cue="hu2"),
        Event("shift", clock=T0, wall=T0, seconds=95, cues=("q2", "q3")),
        Event("tick", clock=T0, wall=T0, item=3, done=True),
        Event("reply", clock=T0, wall=T0, text="Merci ! 🎉 \"é\"\n2e ligne #Tchat", via="osc52"),
        Event("undo", clock=T0, wall=T0),
    ]
    for event in events:
        log.append(event)
    assert log.read() == events
    # One event per physical line, whatever the text holds.
    assert len(log.path.read_bytes().splitlines()) == len(events)


def test_missing_log_is_empty(tmp_path: Path) -> None:
    assert read_events(tmp_path / "none.jsonl") == []


def test_truncated_last_line_is_skipped_and_next_append_survives(tmp_path: Path) -> None:
    log = AsRunLog(tmp_path / "a.jsonl")
    log.append(mark("q1"))
    with log.path.open("ab") as handle:
        handle.write(b'{"v":1,"kind":"mark","clock":"2026-12-03T17:0')  # cut by a crash
    assert log.read() == [mark("q1")]
    log.append(mark("q2", 5))
    assert log.read() == [mark("q1"), mark("q2", 5)]


def test_garbage_lines_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        b'not json\n[1,2]\n{"kind":"explode"}\n'
        b'{"kind":"mark","clock":"2026-12-03T17:00:00","wall":"2026-12-03T17:00:00"}\n'
        b'{"kind":"mark","clock":"2026-12-03T17:00:00+00:00",'
        b'"wall":"2026-12-03T17:00:00+00:00","cue":7}\n\xff\xfe\n'
        + mark("q1").to_json().encode()
        + b"\n"
    )
    assert read_events(path) == [mark("q1")]


@given(st.text())
def test_any_reply_text_round_trips(text: str) -> None:
    event = Event("reply", clock=T0, wall=T0, text=text)
    line = event.to_json()
    assert "\n" not in line
    assert Event.from_json(line) == event


CHILD = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from tui.core.run.asrun import AsRunLog, Event

    log = AsRunLog(Path(sys.argv[1]))
    for n in range(1, 6):
        now = datetime.now(UTC)
        log.append(Event("mark", clock=now, wall=now, cue=f"q{n}"))
    print("marked", flush=True)
    sys.stdin.readline()  # wait to be killed
    """
)


def test_kill_9_loses_no_mark(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml.asrun.jsonl"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "marked"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    state = fold(read_events(path))
    assert set(state.posted) == {"q1", "q2", "q3", "q4", "q5"}


# --- rehearsal logs --------------------------------------------------------------------

LAUNCH = datetime(2026, 11, 25, 17, 45, 1, tzinfo=UTC)


def test_each_rehearsal_gets_its_own_log_named_from_the_launch(tmp_path: Path) -> None:
    plan = tmp_path / "demo.toml"
    first = new_rehearsal_log(plan, LAUNCH)
    assert first == tmp_path / "demo.toml.rehearsal-20261125-174501.jsonl"
    assert first.exists() and first.read_bytes() == b""  # created: the name is taken
    # Launched within the same second (two windows, a script): never the same file.
    second = new_rehearsal_log(plan, LAUNCH)
    third = new_rehearsal_log(plan, LAUNCH)
    assert second.name == "demo.toml.rehearsal-20261125-174501-2.jsonl"
    assert third.name == "demo.toml.rehearsal-20261125-174501-3.jsonl"
    assert log_path_for(plan) not in (first, second, third)


def test_rehearsal_logs_in_launch_order_and_only_this_plans(tmp_path: Path) -> None:
    plan = tmp_path / "demo.toml"
    later = new_rehearsal_log(plan, LAUNCH + timedelta(days=1))
    first = new_rehearsal_log(plan, LAUNCH)
    again = new_rehearsal_log(plan, LAUNCH)  # "-2": after `first`, not before it
    new_rehearsal_log(tmp_path / "other.toml", LAUNCH + timedelta(days=2))
    new_rehearsal_log(tmp_path / "demo.toml.bak", LAUNCH + timedelta(days=2))
    (tmp_path / "demo.toml.rehearsal-notes.txt").write_text("not a log")
    assert rehearsal_logs(plan) == [first, again, later]
    assert rehearsal_logs(tmp_path / "missing" / "x.toml") == []


def test_last_rehearsal_is_the_newest_with_something_in_it(tmp_path: Path) -> None:
    plan = tmp_path / "demo.toml"
    assert last_rehearsal_log(plan) is None
    older = new_rehearsal_log(plan, LAUNCH)
    assert last_rehearsal_log(plan) == older  # empty, but the only one
    newer = new_rehearsal_log(plan, LAUNCH + timedelta(minutes=5))
    AsRunLog(older).append(mark("q1"))
    # The newest was opened and closed untouched: it does not hide the real one.
    assert last_rehearsal_log(plan) == older
    AsRunLog(newer).append(mark("q1"))
    assert last_rehearsal_log(plan) == newer


def test_named_log_tells_junk_from_a_crash(tmp_path: Path) -> None:
    log = tmp_path / "run.jsonl"
    good = mark("q1").to_json()
    log.write_text(f"{good}\nnot json\n{good}\n{{\"kind\": \"ma", encoding="utf-8")
    reading = read_named_log(log)
    # The cut-off last line is what a crash leaves: skipped without a word.
    assert len(reading.events) == 2 and reading.skipped_lines == [2]
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\xff\x10binary\nmore\n")
    with pytest.raises(LogError, match="is not a tchat run log"):
        read_named_log(junk)
    with pytest.raises(LogError, match="does not exist"):
        read_named_log(tmp_path / "missing.jsonl")
