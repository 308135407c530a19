"""Writing files so that a crash never leaves one half-written, and so that a write
never replaces a file someone else saved in the meantime."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` through a flushed, fsynced temporary file and a rename.

    The temporary file is in the same folder so the final `os.replace` is a rename on one
    file system, which POSIX makes atomic: readers see the old file or the new one.

    A path that is a symlink is written through to its target (a plan kept in a synced
    folder and linked from elsewhere stays a link). A file someone else may be saving
    at the same moment (the plan, during a run) is written with `replace_if_unchanged`.
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


# --- replacing a file someone else may be saving at the same moment ------------------

RENAME_EXCHANGE = 2
"""renameat2's flag (Linux 3.15): swap two names atomically."""
AT_FDCWD = -100


class Superseded(Exception):
    """The file changed while it was being replaced: it is left as the other writer
    made it, and nothing of this write stays."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """The file a write put in place, by its stat (the rename keeps all three): what a
    later look compares the file with. Taken from the temporary file itself: a stat
    of the path after the rename could already be another writer's file."""

    ino: int
    mtime_ns: int
    size: int


def replace_if_unchanged(path: Path, data: bytes, unchanged: Callable[[Path], bool]) -> Stamp:
    """Put `data` in place of `path` only if `unchanged(file)` holds for the file it
    replaces, at the very moment it is replaced; raise `Superseded` otherwise.

    An editor may save the file at any moment, by renaming a new file over it or by
    writing into it. A check followed by a rename leaves a window between the two (on a
    loaded machine, long enough for an editor to save: its edit was then replaced
    unseen). So the new file is swapped with the old one in one step (renameat2's
    RENAME_EXCHANGE, Linux) and the file swapped out, the one really replaced, is
    checked after the swap: if it is not the one loaded, the swap is undone and the
    other writer's file is back, whole. Where the swap is not supported (another
    system, some network file systems), the check runs right before a plain rename,
    and a write into the old file during the rename is still caught and put back: only
    a new file renamed in that instant can then be lost.

    Written through a symlink to its target, like `write_atomic`. Raises OSError when
    the file cannot be written."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    ours = True  # whether `temp` names our file (after a swap it names the old one)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), _mode_for(path))
            mine = os.fstat(handle.fileno())
        stamp = Stamp(mine.st_ino, mine.st_mtime_ns, mine.st_size)
        if not unchanged(path):
            raise Superseded(str(path))
        if _exchange(temp, path):
            ours = False
            if unchanged(temp):
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                _fsync_folder(folder)
                return stamp
            ours = _swap_back(temp, path, mine.st_ino)
            raise Superseded(str(path))
        _replace_watching(temp, path, unchanged, mine.st_ino)
        ours = False
    except BaseException:
        if ours:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise
    _fsync_folder(folder)
    return stamp


def _exchange(new: Path, old: Path) -> bool:
    """Swap two names in one step; False (nothing done) where that is not supported.
    Raises Superseded when `old` is gone (deleted meanwhile), OSError otherwise."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(old), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    if code == errno.ENOENT:
        raise Superseded(str(old))
    raise OSError(code, os.strerror(code), str(old))


def _swap_back(temp: Path, path: Path, mine: int) -> bool:
    """Undo a swap whose replaced file was not the one loaded: the other writer's file
    back at `path`. Returns whether `temp` names our file again (to be removed)."""
    if not _exchange(temp, path):
        return False  # cannot happen after a swap that worked; leave both names
    try:
        back = os.stat(temp).st_ino
    except OSError:
        return False
    if back != mine:
        # A third file was renamed over ours in the instant between: it is the newest,
        # so it goes back in place; `temp` then names the older one, which it replaced.
        _exchange(temp, path)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return False
    return True


def _replace_watching(temp: Path, path: Path, unchanged: Callable[[Path], bool],
                      mine: int) -> None:
    """The plain rename, where no swap is possible: the old file is held open across
    it, and a write into it in that instant (an editor that saves in place) is put
    back at `path` rather than lost."""
    try:
        held = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        held = -1
    try:
        before = os.fstat(held) if held >= 0 else None
        if not unchanged(path):
            raise Superseded(str(path))
        os.replace(temp, path)
        if before is None:
            return
        after = os.fstat(held)
        if (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns):
            return
        # Written into while replaced: its content goes back, unless the path holds
        # yet another file by now (that one is newer still).
        theirs = os.pread(held, after.st_size, 0)
        if os.stat(path).st_ino == mine:
            write_atomic(path, theirs)
        raise Superseded(str(path))
    finally:
        if held >= 0:
            os.close(held)


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """libc's renameat2 (glibc 2.28), looked up once; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function: Callable[..., int] = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    return function
