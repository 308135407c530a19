"""Appending lines to a file so that what is counted written is on disk, whole.

The as-run log and the feed file are append-only JSON lines, each append flushed and
fsynced before it returns. Three things could still break a line:

- `os.write` may write less than it was given (a disk filling up): the rest is written
  in a loop, never dropped;
- a write or the fsync may fail part-way (no space left, an I/O error): the file is cut
  back to the size it had, so it never ends in half a line, and the caller keeps what
  it meant to write (it was not written) and tries again later;
- a crash cut the last line before this run: the next append starts on a fresh line.

A path that is not a regular file (a FIFO would block, a device swallow or refuse) is
refused on the open descriptor, before anything is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from tui.core.files.regularfile import kind_of


def append_lines(
    path: Path, lines: Sequence[bytes], *, header: Callable[[], bytes] | None = None,
    max_size: int | None = None,
) -> int:
    """Append `lines` (each ending in a newline) to `path`, creating it; on disk when it
    returns. `header()` is written first when the file is empty. With `max_size`, only
    the lines that keep the file within it are written (the first ones, in order).

    Returns how many of `lines` were written. Raises OSError (nothing of this call left
    in the file) when the file cannot be opened, is not a regular file, or the disk
    refuses the write."""
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o644)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, kind_of(info.st_mode), str(path))
        size = info.st_size
        head = b""
        if size == 0:
            head = header() if header is not None else b""
        elif os.pread(fd, 1, size - 1) != b"\n":
            # A crash cut the last line: ours starts on a fresh one, or the reader would
            # see one garbled line and lose this one too.
            head = b"\n"
        taken: list[bytes] = []
        total = size + len(head)
        for line in lines:
            if max_size is not None and total + len(line) > max_size:
                break
            taken.append(line)
            total += len(line)
        if not taken:
            return 0
        _write_all(fd, head + b"".join(taken), size)
        return len(taken)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes, size: int) -> None:
    view = memoryview(data)
    try:
        while view:
            written = os.write(fd, view)
            if written <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        # Nothing of this append may stay: a cut line would be read as garbage, and a
        # whole one that failed to fsync would be written a second time by the retry.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, size)
        raise
