"""The as-run log: every action on disk at once, readable after a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tui.core.asrun import AsRunLog, Event, log_path_for, read_events
from tui.core.runstate import fold

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
    from tui.core.asrun import AsRunLog, Event

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
