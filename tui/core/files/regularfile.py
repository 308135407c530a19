"""Reading a file someone named, whatever it turns out to be.

A plan or a log path may name a FIFO (opening it for reading waits for a writer
forever), `/dev/zero` or `/dev/urandom` (reading never ends), a folder, or a 4 GB
video. Each is opened without blocking, checked to be a regular file on the open
descriptor itself (a check on the path could be raced by a rename), and read up to a
bound, so none of them can hang the caller or fill its memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Plans and logs are kilobytes; 10 MB is far above any real one."""


class NotReadable(OSError):
    """Why a path cannot be read as a text file, in words that follow its name.

    An OSError, so code that already handles a file that cannot be read handles these."""

    def __init__(self, reason: str, *, missing: bool = False, too_large: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing
        self.too_large = too_large


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, in words that follow its name."""
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, or `NotReadable` when it is not a regular file, cannot be
    opened, or is larger than `limit`."""
    return read_regular_stat(path, limit)[0]


def read_regular_stat(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes, os.stat_result]:
    """`read_regular`, with the stat of the very file read (taken on the open
    descriptor: a stat of the path could be another file's, renamed in meanwhile)."""
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise NotReadable("does not exist", missing=True) from None
    except IsADirectoryError:
        raise NotReadable("is a folder, not a file") from None
    except PermissionError:
        raise NotReadable("cannot be read (permission denied)") from None
    except (OSError, ValueError) as error:
        raise NotReadable(f"cannot be read ({_why(error)})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(kind_of(info.st_mode))
        if info.st_size > limit:
            raise NotReadable(_too_large(info.st_size, limit), too_large=True)
        chunks: list[bytes] = []
        total = 0
        while True:
            # A file growing while read (a log being appended to) is still bounded.
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise NotReadable(_too_large(total, limit), too_large=True)
        return b"".join(chunks), info
    except NotReadable:
        raise
    except OSError as error:
        raise NotReadable(f"cannot be read ({_why(error)})") from None
    finally:
        os.close(fd)


def _why(error: Exception) -> str:
    return str(getattr(error, "strerror", None) or error)


def _too_large(size: int, limit: int) -> str:
    return f"is {size / 1_048_576:.1f} MB, too large (the limit is {limit // 1_048_576} MB)"
