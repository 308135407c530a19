"""`PLAN.lock` as anyone with the shared folder can leave it: a FIFO, a pid no process
can have, escapes in the host name, a lock from before a reboot or from another host."""

from __future__ import annotations

import json
import os
import socket
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.run.planlock import (
    Holder,
    Lock,
    _start_ticks,
    lock_path_for,
    read_holder,
    take_lock,
    take_over,
)


def write_lock(plan: Path, **fields: object) -> None:
    data = {"pid": os.getpid(), "host": socket.gethostname(),
            "started": "2026-12-03T16:00:00+00:00", **fields}
    lock_path_for(plan).write_text(json.dumps(data), encoding="utf-8")


def finishes(work: object, seconds: float = 20) -> object:
    """`work()`'s result, from a thread that must end: a read that blocks for ever
    fails the test instead of hanging it."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)  # type: ignore[operator]
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked"
    return result[0]


def test_a_fifo_in_place_of_the_lock_neither_blocks_nor_is_a_holder(tmp_path: Path) -> None:
    plan = tmp_path / "chat.toml"
    os.mkfifo(lock_path_for(plan))
    assert finishes(lambda: read_holder(lock_path_for(plan))) is None
    taken = finishes(lambda: take_lock(plan))
    assert isinstance(taken, Lock)  # not a lock tchat wrote: replaced by ours
    assert read_holder(lock_path_for(plan)) == taken.me


@pytest.mark.parametrize("pid", [10**30, 2**63, -5, 0, True, "42", 4.2])
def test_a_pid_no_process_can_have_is_no_holder(tmp_path: Path, pid: object) -> None:
    plan = tmp_path / "chat.toml"
    write_lock(plan, pid=pid)
    assert read_holder(lock_path_for(plan)) is None
    assert isinstance(take_lock(plan), Lock)


def test_a_huge_pid_is_stale_rather_than_a_crash() -> None:
    assert Holder(10**30, socket.gethostname(), "").is_stale


def test_what_a_lock_says_is_shown_visible_and_cut(tmp_path: Path) -> None:
    plan = tmp_path / "chat.toml"
    host = "\x1b]52;c;SGFja2Vk\x07\x1b]0;pwned\x07\u202e\x9b2J" + "h" * 200
    write_lock(plan, host=host)
    holder = read_holder(lock_path_for(plan))
    assert holder is not None and not holder.on_this_host
    shown = holder.describe()
    assert shown.startswith(f"pid {os.getpid()} on ␛]52;c;SGFja2Vk␇")
    assert all(c.isprintable() for c in shown)
    assert len(shown) < 100


@pytest.mark.parametrize("content", [b"[" * 100_000, b"\xff\xfe", b"{}", b"", b"null"])
def test_garbage_and_nesting_are_no_holder(tmp_path: Path, content: bytes) -> None:
    plan = tmp_path / "chat.toml"
    lock_path_for(plan).write_bytes(content)
    assert read_holder(lock_path_for(plan)) is None


def test_a_lock_from_before_a_reboot_is_stale(tmp_path: Path) -> None:
    plan = tmp_path / "chat.toml"
    taken = take_lock(plan)
    assert isinstance(taken, Lock)
    if not taken.me.boot:
        pytest.skip("no boot id on this system (/proc/sys/kernel/random/boot_id)")
    write_lock(plan, boot="another-boot")  # this very pid, alive, but before a reboot
    holder = read_holder(lock_path_for(plan))
    assert holder is not None and holder.is_stale
    again = take_lock(plan)
    assert isinstance(again, Lock) and again.took_over == holder


def test_a_pid_now_held_by_another_process_is_stale(tmp_path: Path) -> None:
    plan = tmp_path / "chat.toml"
    ticks = _start_ticks(os.getpid())
    if ticks is None:
        pytest.skip("no /proc/PID/stat on this system")
    write_lock(plan, ticks=ticks + 1)  # the pid runs, but started after the lock's holder
    assert read_holder(lock_path_for(plan)).is_stale  # type: ignore[union-attr]
    write_lock(plan, ticks=ticks)  # the very process that wrote it: alive
    holder = read_holder(lock_path_for(plan))
    assert holder is not None and not holder.is_stale
    assert take_lock(plan) == holder


def test_a_lock_held_from_another_host_is_taken_over_after_confirmation(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "chat.toml"
    write_lock(plan, host="cohost-laptop", pid=4242)
    holder = take_lock(plan)
    assert isinstance(holder, Holder) and not holder.is_stale  # cannot be checked: a follower
    # What the dialog names: the holder and how long it has held the plan.
    assert holder.describe() == "pid 4242 on cohost-laptop"
    assert holder.age(datetime(2026, 12, 3, 19, 30, tzinfo=UTC)) == timedelta(hours=3.5)
    taken = take_over(plan, holder)
    assert isinstance(taken, Lock) and taken.took_over == holder
    assert read_holder(lock_path_for(plan)) == taken.me
    taken.release()
    assert not lock_path_for(plan).exists()


def test_a_take_over_after_the_lock_changed_takes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "chat.toml"
    write_lock(plan, host="cohost-laptop", pid=4242)
    old = take_lock(plan)
    assert isinstance(old, Holder)
    write_lock(plan, host="third-window", pid=77)  # someone else took it meanwhile
    found = take_over(plan, old)
    assert isinstance(found, Holder) and found.host == "third-window"
    assert read_holder(lock_path_for(plan)) == found  # untouched


def test_a_holder_with_an_unreadable_start_has_no_age() -> None:
    assert Holder(1, "h", "yesterday").age(datetime.now(UTC)) is None
    assert Holder(1, "h", "0001-01-01T00:00:00+14:00").age(datetime.now(UTC)) is not None


def test_a_lock_cut_by_a_full_disk_is_not_left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    from tui.core.run import planlock

    real = os.write
    calls = [0]

    def filling(fd: int, data: object) -> int:
        calls[0] += 1
        if calls[0] > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, bytes(data)[:10])  # type: ignore[call-overload]

    monkeypatch.setattr(planlock.os, "write", filling)
    plan = tmp_path / "chat.toml"
    with pytest.raises(OSError):
        take_lock(plan)  # the caller runs without a lock, as in a read-only folder
    assert not lock_path_for(plan).exists()  # no half lock for the next window to take
