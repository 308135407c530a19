"""One window writes a plan's run at a time: a lock file beside the plan.

The first live run takes `PLAN.lock` (its pid, host and start time, as JSON). A second
run on the same plan, on this machine or another one over a shared folder, finds it
and opens as a follower: it shows the first one's marks as they reach the log and
writes nothing, until the lock is free again. A lock left by a process that died (a
crash, a `kill -9`) on this host is stale and taken over, with a notice; so is one
left before this machine rebooted, or whose pid now belongs to another process (the
lock records the boot and the process's own start, on Linux). A lock held from
another host cannot be checked from here: `take_over` takes it once the moderator
confirmed, after a dialog that names the holder and its age.

The lock file is read like every file tchat reads: through the one regular-file reader
(a FIFO in its place blocked the app at start), bounded, and what it says is checked
(a pid too large for the system crashed the check), made visible and cut before it is
shown (a host name holding `ESC ] 52` reached the terminal raw).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.files.jsonline import json_line
from tui.core.files.regularfile import NotReadable, read_regular
from tui.core.text.controls import visible
from tui.core.text.words import Words

ENGLISH = Words("en")

MAX_LOCK_BYTES = 4096
MAX_PID = 2**31 - 1
MAX_HOST = 253
"""A host name is 253 characters at most (DNS); a longer one is no host name."""
MAX_SHOWN_HOST = 64


def lock_path_for(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name + ".lock")


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a plan's lock."""

    pid: int
    host: str
    started: str
    boot: str = ""
    """The holder's machine's boot id (Linux), when it wrote one."""
    ticks: int | None = None
    """The holder process's own start, in clock ticks since boot (Linux): a pid that
    runs with another start is another process."""

    def describe(self, words: Words = ENGLISH) -> str:
        """ "pid 4242 on laptop", "pid 4242 sur laptop" in the plan's language (`words`):
        shown on screen, so made visible and cut (anyone who can write the shared folder
        writes this file)."""
        host = visible(self.host)
        if len(host) > MAX_SHOWN_HOST:
            host = host[: MAX_SHOWN_HOST - 1] + "…"
        return words("screen.lock_holder", pid=self.pid, host=host)

    def since(self) -> datetime | None:
        """When the holder took the lock, if the file says it readably."""
        if len(self.started) > 64:
            return None
        try:
            moment = datetime.fromisoformat(self.started)
        except ValueError:
            return None
        return moment if moment.tzinfo is not None else None

    def age(self, now: datetime) -> timedelta | None:
        """How long the lock has been held, for the take-over dialog ("held for 3 h")."""
        since = self.since()
        if since is None:
            return None
        try:
            return max(timedelta(0), now - since)
        except OverflowError:
            return None

    @property
    def on_this_host(self) -> bool:
        return self.host == socket.gethostname()

    @property
    def is_stale(self) -> bool:
        """Whether the holder is a process of this host that no longer runs: dead, from
        before a reboot, or whose pid another process now has. A holder on another host
        cannot be checked from here and is taken as alive."""
        if not self.on_this_host:
            return False
        boot = _boot_id()
        if self.boot and boot and self.boot != boot:
            return True
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        except OverflowError:
            return True  # no process can have this pid
        except OSError:
            pass  # alive, another user's
        if self.ticks is not None:
            ticks = _start_ticks(self.pid)
            if ticks is not None and ticks != self.ticks:
                return True
        return False


@dataclass(frozen=True, slots=True)
class Lock:
    """A lock this process holds."""

    path: Path
    me: Holder
    took_over: Holder | None = None
    """The holder whose lock was taken over (a dead process, or one the moderator chose
    to take over from), if any."""

    def release(self) -> None:
        """Remove the lock file if it is still ours."""
        if read_holder(self.path) == self.me:
            with contextlib.suppress(OSError):
                self.path.unlink()


def read_holder(path: Path) -> Holder | None:
    """The holder written in a lock file; None when there is none, or it is no lock tchat
    wrote (unreadable, not a regular file, not JSON, a pid no process can have)."""
    try:
        data = json_line(read_regular(path, MAX_LOCK_BYTES))
    except NotReadable:
        return None
    if not isinstance(data, dict):
        return None
    pid, host, started = data.get("pid"), data.get("host"), data.get("started")
    boot, ticks = data.get("boot", ""), data.get("ticks")
    if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid <= MAX_PID:
        return None
    if not isinstance(host, str) or not 0 < len(host) <= MAX_HOST:
        return None
    if not isinstance(started, str) or len(started) > 64:
        return None
    if not isinstance(boot, str) or len(boot) > 64:
        boot = ""
    if not isinstance(ticks, int) or isinstance(ticks, bool) or ticks < 0:
        ticks = None
    return Holder(pid, host, started, boot, ticks)


def _me() -> Holder:
    pid = os.getpid()
    return Holder(pid, socket.gethostname(), datetime.now(UTC).isoformat(),
                  _boot_id() or "", _start_ticks(pid))


def _payload(me: Holder) -> bytes:
    data: dict[str, object] = {"pid": me.pid, "host": me.host, "started": me.started}
    if me.boot:
        data["boot"] = me.boot
    if me.ticks is not None:
        data["ticks"] = me.ticks
    return json.dumps(data).encode()


def _create(path: Path, me: Holder) -> bool:
    """Create the lock file exclusively; False when one exists."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        data = memoryview(_payload(me))
        while data:  # a full disk may take part of it: the rest, or a failure
            written = os.write(fd, data)
            if written <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            data = data[written:]
        os.fsync(fd)
    except OSError:
        # Half a lock would read as no lock, and be taken by the next window: none.
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    os.close(fd)
    return True


def _snapshot(path: Path) -> bytes | None:
    try:
        return read_regular(path, MAX_LOCK_BYTES)
    except NotReadable:
        return None


def _remove_if_unchanged(path: Path, seen: bytes | None) -> None:
    """Remove the lock file if it still holds `seen` (None: still no readable lock).

    Moved aside first, atomically, then checked: when two windows take over the same
    stale lock at once, the second must not delete the lock the first just created. A
    file that changed meanwhile is put back."""
    if path.is_dir() and not path.is_symlink():
        # Not a lock tchat could have left: the caller runs without one, as in a
        # read-only folder, rather than move someone's folder away.
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a lock", str(path))
    aside = path.with_name(f"{path.name}.{uuid.uuid4().hex}.old")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return
    if _snapshot(aside) == seen:
        with contextlib.suppress(OSError):
            os.unlink(aside)
        return
    with contextlib.suppress(OSError):
        os.link(aside, path)  # put back, unless a new lock was made in the meantime
    with contextlib.suppress(OSError):
        os.unlink(aside)


def take_lock(plan_path: Path) -> Lock | Holder:
    """This process's lock on the plan, or the live holder of it.

    Raises OSError only when the lock file cannot be created at all (a read-only
    folder): the caller then runs without one.
    """
    path = lock_path_for(plan_path)
    me = _me()
    stale: Holder | None = None
    for _attempt in range(3):
        if _create(path, me):
            return Lock(path, me, took_over=stale)
        seen = _snapshot(path)
        holder = read_holder(path)
        if holder is not None and not holder.is_stale:
            return holder
        # Stale or unreadable (cut by a crash while written, or no lock at all): take
        # it over, if it is still the one just read.
        _remove_if_unchanged(path, seen)
        stale = holder
    holder = read_holder(path)
    return holder if holder is not None else Holder(-1, "?", "")


def take_over(plan_path: Path, holder: Holder) -> Lock | Holder:
    """Take the plan's lock from `holder`, once the moderator confirmed it (a lock held
    from another host, or by a process this host cannot tell apart from a live one).

    The confirmation names what is replaced: `holder.describe()` and `holder.age(now)`.
    Returns this process's lock (`took_over` is `holder`), or the holder found instead
    when the lock changed since the dialog was shown: another window took it, or the
    holder renewed it; then nothing was taken and the moderator is asked again."""
    path = lock_path_for(plan_path)
    seen = _snapshot(path)
    current = read_holder(path)
    if current is not None and current != holder:
        return current
    _remove_if_unchanged(path, seen)
    me = _me()
    if _create(path, me):
        return Lock(path, me, took_over=holder)
    found = read_holder(path)
    return found if found is not None else Holder(-1, "?", "")


# --- Linux's view of the machine and its processes (None elsewhere) -----------------

def _boot_id() -> str | None:
    try:
        text = read_regular(Path("/proc/sys/kernel/random/boot_id"), 128)
    except NotReadable:
        return None
    return text.decode("ascii", errors="replace").strip() or None


def _start_ticks(pid: int) -> int | None:
    """When process `pid` started, in clock ticks since boot (`/proc/PID/stat`)."""
    try:
        text = read_regular(Path(f"/proc/{pid}/stat"), 4096).decode("ascii", "replace")
    except NotReadable:
        return None
    # The command's name is in parentheses and may hold anything, parentheses too:
    # the fields that follow start after the last ")". starttime is the 22nd field.
    fields = text[text.rfind(")") + 1:].split()
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None
