"""A disk that fills up mid-write: `os.write` writes part of a line, then refuses.

Before, the count `os.write` returned was not looked at: the log ended in a cut line
while the event counted as written, and it was lost (1 in 41 on a full disk). Now an
append writes the whole line or leaves nothing of it, and raises, so the caller keeps
the event waiting and writes it again once the disk takes it.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.feed.attribution import Attributor
from tui.core.feed.conversation import Conversation
from tui.core.feed.post import FeedPost
from tui.core.feed.store import FeedStore, read_feed
from tui.core.files import appending
from tui.core.run.asrun import AsRunLog, Event, read_log

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
real_write = os.write


def event(n: int) -> Event:
    return Event("mark", clock=START + timedelta(minutes=n), wall=START, cue=f"q{n}",
                 via="system")


def filling_disk(room: int) -> Callable[[int, object], int]:
    """`os.write` on a disk with `room` bytes left: a short write, then ENOSPC."""
    left = [room]

    def write(fd: int, data: object) -> int:
        chunk = bytes(data)[: left[0]]  # type: ignore[call-overload]
        if not chunk:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        left[0] -= len(chunk)
        return real_write(fd, chunk)

    return write


def test_a_short_write_then_a_full_disk_leaves_no_cut_line_and_keeps_the_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    log = AsRunLog(tmp_path / "chat.toml.asrun.jsonl")
    log.append(event(1))
    before = log.path.read_bytes()
    monkeypatch.setattr(appending.os, "write", filling_disk(room=20))
    with pytest.raises(OSError) as refused:
        log.append(event(2))
    assert refused.value.errno == errno.ENOSPC
    assert log.path.read_bytes() == before  # nothing of the event: it is still waiting
    monkeypatch.setattr(appending.os, "write", real_write)  # room again
    log.append(event(2))
    reading = read_log(log.path)
    assert [e.cue for e in reading.events] == ["q1", "q2"] and reading.skipped_lines == []


def test_short_writes_that_go_on_write_the_whole_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def seven_at_a_time(fd: int, data: object) -> int:
        return real_write(fd, bytes(data)[:7])  # type: ignore[call-overload]

    monkeypatch.setattr(appending.os, "write", seven_at_a_time)
    log = AsRunLog(tmp_path / "chat.toml.asrun.jsonl")
    for n in range(3):
        log.append(event(n))
    assert [e.cue for e in log.read()] == ["q0", "q1", "q2"]


def test_a_failing_fsync_leaves_nothing_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    log = AsRunLog(tmp_path / "chat.toml.asrun.jsonl")
    log.append(event(1))
    before = log.path.read_bytes()

    def fsync(_fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(appending.os, "fsync", fsync)
    with pytest.raises(OSError):
        log.append(event(2))
    assert log.path.read_bytes() == before


def test_a_fifo_or_a_device_in_place_of_the_log_is_refused_not_written(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "fifo.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="named pipe"):
        AsRunLog(fifo).append(event(1))
    with pytest.raises(OSError, match="device"):
        AsRunLog(Path("/dev/null")).append(event(1))


def post(n: int) -> FeedPost:
    return FeedPost("mastodon", str(n), f"user{n}", "", f"A1 answer {n}",
                    f"https://m.example/@u/{n}", START + timedelta(seconds=n))


def test_the_feed_file_keeps_waiting_posts_through_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "chat.toml.feed.jsonl"
    conversation = Conversation(Attributor("@host", (), 3), FeedStore(path, START))
    conversation.take([post(1)])
    before = path.read_bytes()
    monkeypatch.setattr(appending.os, "write", filling_disk(room=30))
    conversation.take([post(2), post(3)])
    assert path.read_bytes() == before  # no cut line
    assert [i.post.id for i in conversation.unwritten] == ["2", "3"]
    assert conversation.counts.posts == 3  # shown and counted all the same
    monkeypatch.setattr(appending.os, "write", real_write)
    conversation.take([post(4)])
    assert conversation.unwritten == []
    kept = read_feed(path)
    assert [p.id for p in kept.posts] == ["1", "2", "3", "4"] and kept.skipped_lines == []
