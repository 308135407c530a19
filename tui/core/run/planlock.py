"""One window writes a plan's run at a time: a lock file beside the plan.

The first live run takes `PLAN.lock` (its pid, host and start time, as JSON). A second
run on the same plan, on this machine or another one over a shared folder, finds it
and opens as a follower: it shows the first one's marks as they reach the log and
writes nothing, until the lock is free again. A lock left by a process that died (a
crash, a `kill -9`) on this host is stale and taken over, with a notice.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tui.core.text.words import Words

ENGLISH = Words("en")


def lock_path_for(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name + ".lock")


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a plan's lock."""

    pid: int
    host: str
    started: str

    def describe(self, words: Words = ENGLISH) -> str:
        """ "pid 4242 on laptop", "pid 4242 sur laptop": in the plan's language (`words`)
        for the follower's banner."""
        return words("screen.lock_holder", pid=self.pid, host=self.host)

    @property
    def is_stale(self) -> bool:
        """Whether the holder is a process of this host that no longer runs. A holder on
        another host cannot be checked from here and is taken as alive."""
        if self.host != socket.gethostname():
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False  # alive, another user's
        return False


@dataclass(frozen=True, slots=True)
class Lock:
    """A lock this process holds."""

    path: Path
    me: Holder
    took_over: Holder | None = None
    """The dead process whose stale lock was taken over, if any."""

    def release(self) -> None:
        """Remove the lock file if it is still ours."""
        if read_holder(self.path) == self.me:
            with contextlib.suppress(OSError):
                self.path.unlink()


def read_holder(path: Path) -> Holder | None:
    """The holder written in a lock file; None when there is none or it is unreadable."""
    try:
        with open(path, "rb") as handle:  # noqa: PTH123 - a few bytes, a regular file
            data = json.loads(handle.read(4096))
        return Holder(int(data["pid"]), str(data["host"]), str(data["started"]))
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def take_lock(plan_path: Path) -> Lock | Holder:
    """This process's lock on the plan, or the live holder of it.

    Raises OSError only when the lock file cannot be created at all (a read-only
    folder): the caller then runs without one.
    """
    path = lock_path_for(plan_path)
    me = Holder(os.getpid(), socket.gethostname(), datetime.now(UTC).isoformat())
    payload = json.dumps({"pid": me.pid, "host": me.host, "started": me.started}).encode()
    stale: Holder | None = None
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_holder(path)
            if holder is not None and not holder.is_stale:
                return holder
            # Stale or unreadable (cut by a crash while written): take it over. Removed
            # then created exclusively again, so two windows cannot both take it.
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            stale = holder
            continue
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        return Lock(path, me, took_over=stale)
    holder = read_holder(path)
    return holder if holder is not None else Holder(-1, "?", "")
