"""Running a full-screen program in a pseudo-terminal, as a moderator's terminal would.

The child gets a real pty of a fixed size (120x36) and TERM=xterm-256color, so Textual
takes its normal Linux driver path: raw mode, escape-sequence output, a writer thread.
The parent reads everything the child writes, for two reasons: to see the first frame
that holds a marker (the countdown's caption), and because a pty whose reader stops
reading fills up and blocks the writer, which would make an idle app look cheaper than
it is.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

COLUMNS, ROWS = 120, 36
CTRL_Q = b"\x11"  # tchat's and Textual's quit key
ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


def terminal_env() -> dict[str, str]:
    """The parent's environment with the terminal made explicit and test knobs removed."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("TEXTUAL") and k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    env["COLORTERM"] = "truecolor"
    return env


@dataclass
class Child:
    """A program running on the slave side of a pty; `fd` is the master."""

    argv: list[str]
    pid: int
    fd: int
    started: float
    output: bytearray = field(default_factory=bytearray)
    eof: bool = False
    marker_at: float | None = None
    """Seconds from launch to the first read that completed the marker."""

    def read(self) -> None:
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the slave side closed, the child is gone
            data = b""
        if not data:
            self.eof = True
            return
        self.output += data

    def sees(self, marker: bytes) -> bool:
        return marker in self.output


def spawn(argv: list[str], *, cwd: Path = ROOT) -> Child:
    """Start `argv` in a new pty of COLUMNS x ROWS; the clock starts just before fork."""
    env = terminal_env()
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: size the terminal before the program can ask, then exec
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.chdir(cwd)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    return Child(argv, pid, fd, started)


def pump(children: list[Child], seconds: float) -> None:
    """Read whatever the children write, for `seconds`."""
    deadline = time.perf_counter() + seconds
    while True:
        left = deadline - time.perf_counter()
        open_fds = {c.fd: c for c in children if not c.eof}
        if left <= 0 or not open_fds:
            return
        ready, _, _ = select.select(list(open_fds), [], [], min(left, 0.1))
        for fd in ready:
            open_fds[fd].read()


def wait_for_marker(children: list[Child], markers: list[bytes], timeout: float) -> None:
    """Read until every child has shown its marker; `marker_at` is set on each.

    Raises TimeoutError (with the tail of what was shown) when one never does.
    """
    deadline = time.perf_counter() + timeout
    waiting = dict(zip((c.pid for c in children), markers, strict=True))
    by_fd = {c.fd: c for c in children}
    while waiting:
        left = deadline - time.perf_counter()
        if left <= 0:
            late = [c for c in children if c.pid in waiting]
            tails = "; ".join(f"{c.argv[-1]}: {bytes(c.output[-300:])!r}" for c in late)
            raise TimeoutError(f"no first frame within {timeout:.0f} s ({tails})")
        fds = [c.fd for c in children if c.pid in waiting and not c.eof]
        if not fds:
            raise RuntimeError("a benchmarked program exited before its first frame: "
                               + "; ".join(bytes(c.output[-300:]).decode("utf-8", "replace")
                                           for c in children if c.pid in waiting))
        ready, _, _ = select.select(fds, [], [], min(left, 0.05))
        now = time.perf_counter()
        for fd in ready:
            child = by_fd[fd]
            child.read()
            # Search only the tail: the marker ends in what was just read.
            if child.sees(waiting[child.pid]):
                child.marker_at = now - child.started
                del waiting[child.pid]


def stop(child: Child, timeout: float = 5.0) -> str:
    """End the child the way a moderator would (ctrl+q), harder only if it hangs.

    Returns how it ended: "quit", "terminated" or "killed".
    """
    how = "quit"
    try:
        os.write(child.fd, CTRL_Q)
    except OSError:
        pass
    if not _reap(child, timeout):
        how = "terminated"
        os.kill(child.pid, signal.SIGTERM)
        if not _reap(child, 2.0):
            how = "killed"
            os.kill(child.pid, signal.SIGKILL)
            os.waitpid(child.pid, 0)
    os.close(child.fd)
    return how


def _reap(child: Child, timeout: float) -> bool:
    # Keep reading while waiting: Textual restores the terminal on the way out, and a
    # full pty would block that write forever.
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        pid, _status = os.waitpid(child.pid, os.WNOHANG)
        if pid:
            return True
        pump([child], 0.05)
    return False


# --- /proc ------------------------------------------------------------------------------

_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of `pid` so far, from /proc/<pid>/stat."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name (field 2) may hold spaces: split after its closing parenthesis.
    fields = stat.rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of the whole line
    return (utime + stime) / _TICK


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of `pid` in MB (10^6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"no VmHWM for {pid}")


# --- what the benchmarks launch ---------------------------------------------------------


def tchat_command(plan: Path) -> list[str]:
    return [str(VENV_BIN / "tchat"), "run", str(plan)]


def floor_command() -> list[str]:
    return [sys.executable, str(Path(__file__).with_name("bare_app.py"))]
