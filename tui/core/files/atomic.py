"""Writing files so that a crash never leaves one half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(
    path: Path, data: str | bytes, *, before_rename: Callable[[Path], None] | None = None
) -> None:
    """Write `data` to `path` through a flushed, fsynced temporary file and a rename.

    The temporary file is in the same folder so the final `os.replace` is a rename on one
    file system, which POSIX makes atomic: readers see the old file or the new one.

    A path that is a symlink is written through to its target (a plan kept in a synced
    folder and linked from elsewhere stays a link). `before_rename`, given the file
    about to be replaced, runs once the temporary file is on disk, right before the
    rename: the slow part (writing, fsync) is done, so a check it makes (has someone
    else changed the file?) leaves the smallest window. It raises to cancel the write.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, _mode_for(path))
        if before_rename is not None:
            before_rename(path)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(folder)


def _mode_for(path: Path) -> int:
    # mkstemp creates 0600; keep the mode of the file replaced (a shared plan may be
    # 0664), or give a new file the usual mode under the current umask.
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder entry is on disk.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
