"""The run's log as the run holds it: every event in memory first, then on disk.

The as-run log (`tui.core.run.asrun`) is append-only and fsynced line by line; this is
what a run keeps around it. Every event goes through `keep`: it is in `events` at once
(the state is folded from them), then appended. When the disk refuses (a read-only
share, a full disk), the event waits in `pending`, in order, and `flush` (with the
heartbeat's look at the plan, every `view.RETRY_SECONDS`) writes the waiting ones once
it can; nothing is ever dropped, and
`problem` says what fails for as long as it does.

A window that only follows another (`tui.core.run.planlock`) never writes: it reads the
log again whenever the file changed (`reread`), which is how the other window's marks
reach it.
"""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.plan.problems import PlanError, Problem
from tui.core.run.asrun import AsRunLog, Event, LogError, read_log


class Logbook:
    def __init__(self, path: Path, cue_ids: set[str]) -> None:
        """Read the log at `path`. Raises PlanError naming the log when it cannot be run
        on: a folder or a FIFO in its place, or the log of another plan (copied by
        mistake: none of its cues is in `cue_ids`)."""
        self.log = AsRunLog(path)
        self.log.make_folder()
        try:
            reading = read_log(path)
        except LogError as error:
            raise PlanError([Problem("error", f"its run log {path} {error.reason}")]) from None
        named = {e.cue for e in reading.events if e.kind in ("mark", "skip") and e.cue}
        if named and not named & cue_ids:
            shown = ", ".join(sorted(named)[:3]) + ("…" if len(named) > 3 else "")
            raise PlanError([Problem(
                "error",
                f"its run log {path} is not this plan's: none of its cues ({shown}) is in "
                "the plan. Move the log away (or rename it) to start a fresh run.",
            )])
        self.skipped_lines: list[int] = reading.skipped_lines
        """Lines of the log that were not events, skipped (the screen says so once)."""
        self.events: list[Event] = list(reading.events)
        """Every event of the run, those not written yet included."""
        self.pending: list[Event] = []
        """Events kept in memory that the log could not take yet, oldest first."""
        self.problem: str | None = None
        """Why the last write failed, while it still fails."""
        self._seen: tuple[int, ...] | None = None

    @property
    def path(self) -> Path:
        return self.log.path

    def keep(self, event: Event) -> None:
        """In memory at once, then on disk (now, or with the next `flush` that can)."""
        self.events.append(event)
        self.pending.append(event)
        self.flush()

    def flush(self) -> bool:
        """Write the pending events, in order; True when none is left waiting."""
        while self.pending:
            try:
                self.log.append(self.pending[0])
            except OSError as error:
                self.problem = _why(error, self.path)
                return False
            self.pending.pop(0)
        self.problem = None
        return True

    def watch(self) -> None:
        """From now on `reread` reads the log only when the file changed (a follower)."""
        self._seen = file_key(self.path)

    def reread(self) -> bool:
        """Read the log again if the file changed since the last look; True when the
        events did (another window wrote)."""
        key = file_key(self.path)
        if key == self._seen:
            return False
        self._seen = key
        try:
            events = read_log(self.path).events
        except LogError:
            return False
        self.events = list(events)
        return True


def _why(error: OSError, path: Path) -> str:
    """ "log.jsonl: No space left on device", for the banner."""
    return f"{error.filename or path}: {error.strerror or error}"


def file_key(path: Path) -> tuple[int, ...]:
    """What a file is now, by a stat alone: inode, type, size, time; (-1,) when missing."""
    try:
        info = os.stat(path)
    except OSError:
        return (-1,)
    return (info.st_ino, info.st_mode, info.st_size, info.st_mtime_ns)
