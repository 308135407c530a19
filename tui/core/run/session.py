"""One run of one plan: the plan and its drafts, the as-run log, the state folded from it.

No Textual here: the screen asks the session to do things (mark, skip, shift, tick...)
and redraws from it. Every action goes through one path, `_keep`: it is kept in memory
and in the state at once, then appended to the log. When the log cannot be written (a
read-only file or folder, a full disk), the event waits in `pending`, in order, and
`flush` (called again by the screen) writes the waiting events once it can; nothing in
memory is ever dropped, and the moderator keeps marking.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from tui.core.plan.drafts import Draft, DraftBook
from tui.core.plan.model import Language, Plan
from tui.core.plan.planedit import (
    Fingerprint,
    PlanChangedOnDisk,
    PreparedEdit,
    Written,
    changed_on_disk,
    commit,
    fingerprint,
    prepare_ids,
    write_checklist_done,
    write_template,
)
from tui.core.plan.planfile import load_plan
from tui.core.plan.problems import PlanError, Problem
from tui.core.plan.schedule import Cue, missing_ids
from tui.core.run.asrun import AsRunLog, Event, EventKind, LogError, LogReading, read_log
from tui.core.run.hour import Compression, compression, shift_for
from tui.core.run.planlock import Holder, Lock, lock_path_for, read_holder, take_lock
from tui.core.run.runstate import RunState, fold, item_done
from tui.core.timing.clock import Clock

Mode = Literal["live", "rehearsal"]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the run-sheet: a draft, and its cue under the draft's own id.

    A thank-you split into a thread has one row per part (`thanks@58/2`), each marked on
    its own; for every other cue the draft's id is the cue's id.
    """

    cue: Cue
    draft: Draft

    @property
    def id(self) -> str:
        return self.cue.id


class Session:
    def __init__(
        self,
        plan_path: Path,
        *,
        clock: Clock,
        log_path: Path,
        mode: Mode = "live",
        language: Language | None = None,
    ) -> None:
        self.plan_path = plan_path
        self.clock = clock
        self.mode: Mode = mode
        self.log = AsRunLog(log_path)
        self._language_override = language
        self.plan: Plan
        self.book: DraftBook
        self.rows: list[Row]
        self.loaded: Fingerprint
        self._ignored: tuple[int, ...] | None = None
        self.lock: Lock | None = None
        self.following: Holder | None = None
        """The window that holds the plan, while this one only follows it."""
        self._log_seen: tuple[int, ...] | None = None
        self._load()
        self.log.make_folder()
        reading = self._read_log()
        self.skipped_lines: list[int] = reading.skipped_lines
        """Lines of the log that were not events, skipped (the screen says so once)."""
        self.events: list[Event] = list(reading.events)
        """Every event of the run, those not written yet included."""
        self.pending: list[Event] = []
        """Events kept in memory that the log could not take yet, oldest first."""
        self.write_problem: str | None = None
        """Why the last write failed (the log's or the plan's), while it still fails."""
        self.state: RunState = fold(reading.events)

    # --- one window writes: the lock, and following the one that holds it ------------

    def acquire_lock(self) -> None:
        """Take the plan's lock for a live run, or become a follower of its holder.

        A rehearsal has a log of its own and needs none; a folder where no lock can be
        created (read-only) leaves the run without one, as before locks existed."""
        self.lock = None
        self.following = None
        if self.mode != "live":
            return
        try:
            taken = take_lock(self.plan_path)
        except OSError:
            return
        if isinstance(taken, Lock):
            self.lock = taken
        else:
            self.following = taken
            self._log_seen = _file_key(self.log.path)

    def release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def follow(self) -> bool:
        """A follower: read the log again when it changed; True when the state did."""
        key = _file_key(self.log.path)
        if key == self._log_seen:
            return False
        self._log_seen = key
        try:
            events = read_log(self.log.path).events
        except LogError:
            return False
        self.events = list(events)
        self.state = fold(events)
        return True

    def try_take_over(self) -> bool:
        """A follower: become the writer once the holder is gone; True when done."""
        holder = read_holder(lock_path_for(self.plan_path))
        if holder is not None and not holder.is_stale:
            return False
        self.follow()
        self._log_seen = None
        self.acquire_lock()
        return self.following is None

    def _read_log(self) -> LogReading:
        """The log's events, or a PlanError that names the log: a folder or a FIFO in its
        place, or a log of another plan (copied by mistake), cannot be run on."""
        path = self.log.path
        try:
            reading = read_log(path)
        except LogError as error:
            raise PlanError([Problem("error", f"its run log {path} {error.reason}")]) from None
        ids = {row.id for row in self.rows}
        named = {e.cue for e in reading.events if e.kind in ("mark", "skip") and e.cue}
        if named and not named & ids:
            shown = ", ".join(sorted(named)[:3]) + ("…" if len(named) > 3 else "")
            raise PlanError([Problem(
                "error",
                f"its run log {path} is not this plan's: none of its cues ({shown}) is in "
                "the plan. Move the log away (or rename it) to start a fresh run.",
            )])
        return reading

    # --- the plan -----------------------------------------------------------------

    def _load(self) -> None:
        try:
            # Taken before reading, so an edit made while we read is seen as a change.
            loaded = fingerprint(self.plan_path)
        except OSError:
            # Missing, a folder, unreadable: let the loader say which, in plain words.
            load_plan(self.plan_path)
            raise
        self._take(load_plan(self.plan_path), loaded)

    def _take(self, plan: Plan, loaded: Fingerprint) -> None:
        self.plan = plan
        self.loaded = loaded
        self.book = DraftBook(plan)
        self.rows = [
            Row(dataclasses.replace(d.cue, id=d.id) if d.part else d.cue, d)
            for d in self.book.drafts
        ]
        # Asked for by every row at every second: built once per plan, not per call.
        self._cues: tuple[Cue, ...] = tuple(row.cue for row in self.rows)
        self._row_by_id: dict[str, Row] = {}
        for row in self.rows:
            self._row_by_id.setdefault(row.id, row)  # the first, as a scan would find

    @property
    def rehearsal(self) -> bool:
        return self.mode == "rehearsal"

    @property
    def language(self) -> Language:
        return self._language_override or self.plan.chat.language

    @property
    def cues(self) -> Sequence[Cue]:
        return self._cues

    def row(self, row_id: str) -> Row | None:
        return self._row_by_id.get(row_id)

    def plan_changed(self) -> bool:
        """True when the file differs from the plan loaded (and from a known bad one),
        or when a bad file was put back as the plan loaded (its trouble is over).

        Reads the file: the screen calls it from a worker thread, never the UI's."""
        if self._ignored is not None:
            if _file_key(self.plan_path) == self._ignored:
                return False
            if not changed_on_disk(self.plan_path, self.loaded):
                self._ignored = None
                return True
        return changed_on_disk(self.plan_path, self.loaded)

    def file_is_loaded(self) -> bool:
        """The file on disk holds exactly the plan on screen."""
        return not changed_on_disk(self.plan_path, self.loaded)

    def is_ignored(self) -> bool:
        """Whether the file is still the one already found not to load (a stat only)."""
        return self._ignored is not None and _file_key(self.plan_path) == self._ignored

    def ignore_current_file(self) -> None:
        """The file on disk does not load: stop reporting it until it changes again.

        Known by its inode, type, size and time, not by its content: a FIFO or a folder
        put in its place cannot be read, and must be said once, not at every poll."""
        self._ignored = _file_key(self.plan_path)

    def reload(self) -> None:
        """Load the plan again; marks are kept since they are stored by cue id.

        Raises `PlanError` (and keeps the old plan) when the new file does not load.
        """
        self._load()

    def try_reload(self) -> PlanError | None:
        try:
            self.reload()
        except PlanError as error:
            return error
        return None

    # --- actions, each logged first ------------------------------------------------

    def now(self) -> datetime:
        return self.clock.now()

    def _record(self, kind: EventKind, **fields: object) -> Event:
        event = Event(kind, clock=self.now(), wall=datetime.now(UTC), **fields)  # type: ignore[arg-type]
        return self._keep(event)

    def _keep(self, event: Event) -> Event:
        """The one path of every action: in memory and on screen at once, then on disk
        (now, or with the next successful `flush`)."""
        if self.following is not None:
            raise Following(self.following)
        self.events.append(event)
        self.state.apply(event)
        self.pending.append(event)
        self.flush()
        return event

    def flush(self) -> bool:
        """Write the pending events, in order; True when none is left waiting."""
        while self.pending:
            try:
                self.log.append(self.pending[0])
            except OSError as error:
                self.write_problem = _why(error, self.log.path)
                return False
            self.pending.pop(0)
        self.write_problem = None
        return True

    def mark(self, row_id: str, via: str, at: datetime | None = None) -> Event:
        """Mark a row posted, at `at` (when the copy was asked) or now."""
        return self._keep(Event(
            "mark", clock=at or self.now(), wall=datetime.now(UTC), cue=row_id, via=via
        ))

    def skip(self, row_id: str) -> Event:
        return self._record("skip", cue=row_id)

    def skip_before(self, moment: datetime) -> None:
        """Skip every cue of the hour planned before `moment`, not yet posted or skipped:
        a rehearsal started at minute 25 begins with minute 25's cue, not with 25
        minutes of overdue posts. Promotion before the chat is left as it is (it shows
        as missed once the chat has started)."""
        for row in self.rows:
            if 0 <= row.cue.offset and row.cue.at < moment and not self.state.done(row.id):
                self.skip(row.id)

    def undo(self) -> Event | None:
        """Take back the last mark, skip or shift; returns it, or None if none."""
        last = self.state.last_undoable
        if last is None:
            return None
        self._record("undo", cue=last.cue)
        return last

    def shift(self) -> int | None:
        """Move every remaining cue by the current overrun; the seconds, or None."""
        found = shift_for(self.plan, self.state, self.cues, self.now())
        if found is None:
            return None
        seconds, moved = found
        self._record("shift", seconds=seconds, cues=moved)
        return seconds

    def compression(self) -> Compression | None:
        """What `compress` would do now (see `tui.core.run.hour.compression`)."""
        return compression(self.plan, self.state, self.cues, self.now())

    def compress(self, plan: Compression) -> Event:
        """Apply a compression the moderator confirmed: one event, undone by one `u`."""
        return self._record(
            "compress", cues=tuple(cue for cue, _s in plan.moves),
            moves=tuple(seconds for _c, seconds in plan.moves), skips=plan.skips,
        )

    def reply(self, text: str, via: str) -> Event:
        return self._record("reply", text=text, via=via)

    def highlight(self, text: str, cue_id: str | None) -> Event:
        """Keep a notable post (a link or a quote) under a question, for the recap."""
        return self._record("highlight", cue=cue_id, text=text)

    def current_question(self, selected_id: str | None = None) -> Row | None:
        """The question a highlight belongs to: the selected one if it was posted, else
        the question posted last; None before the first question.

        The selection usually follows the next cue, a question not asked yet: what
        people are answering right now is the last question posted.
        """
        posted = self.state.posted
        selected = self.row(selected_id) if selected_id else None
        if selected is not None and selected.cue.kind == "question" and selected.id in posted:
            return selected
        asked = [r for r in self.rows if r.cue.kind == "question" and r.id in posted]
        if not asked:
            return None
        return max(asked, key=lambda r: (posted[r.id], r.cue.offset))

    def tick(self, index: int) -> bool:
        """Toggle a checklist item; returns its new value.

        In a live run the plan file gets `done = true` too (comments kept). Raises
        `PlanChangedOnDisk` after reloading when someone else changed the file: nothing
        is written or logged then.
        """
        if self.following is not None:
            raise Following(self.following)
        item = self.plan.checklist[index]
        done = not item_done(self.state, index, item)
        if self.mode == "live":
            try:
                written = self._write(lambda: write_checklist_done(
                    self.plan_path, self.loaded, index, done, self.plan))
            except OSError:
                # The log holds the tick (and the state follows the log), so the run
                # keeps it; the caller says the plan itself could not take it.
                self._record("tick", item=index, done=done)
                raise
            # Only a checklist item changed: the schedule and the drafts (all counted)
            # are the same, so keep them and take the new plan alone.
            self.plan = self.book.plan = written.plan
            self.loaded = written.fingerprint
        self._record("tick", item=index, done=done)
        return done

    def missing_ids(self) -> dict[str, str]:
        """The ids `fill_ids` would write (see there): none outside a live run, or
        while following another instance's run."""
        if self.mode != "live" or self.following is not None:
            return {}
        return missing_ids(self.plan)

    def fill_ids(self) -> bool:
        """Give every question and post without an `id` one, written into the plan (a
        live run only): marks then follow them when questions are inserted or moved. The
        ids given are the cues' ids already (see `missing_ids`): nothing on screen or in
        the log changes. True when something was written.

        The run-sheet does the same in two steps, `prepare_ids` in a worker thread and
        `commit_ids` on the UI thread, which never waits for the parse."""
        ids = self.missing_ids()
        return bool(ids) and self.commit_ids(prepare_ids(self.plan_path, self.loaded, ids))

    def commit_ids(self, prepared: PreparedEdit) -> bool:
        """Write ids prepared (by `prepare_ids`) from the plan as loaded then; True when
        written. Dropped when the plan was written or reloaded since (a tick, a template,
        an edit elsewhere): the next run tries again. Raises PlanChangedOnDisk or OSError
        when the file changed behind the session's back, or cannot be written."""
        if (self.mode != "live" or self.following is not None
                or prepared.path != self.plan_path or prepared.loaded != self.loaded):
            return False
        # Not through `_write`: a conflict here must not reload the plan behind the
        # watcher's back (the edit would then never be said); the next run tries again.
        written = commit(prepared)
        # The ids written are the cues' ids already: the schedule, the drafts and the
        # rows are the same, so keep them and take the new plan alone (building them
        # again for a plan of a few hundred cues would hold the screen a fifth of a
        # second).
        self.plan = self.book.plan = written.plan
        self.loaded = written.fingerprint
        return True

    def save_template(self, row: Row, text: str) -> None:
        """Write a cue's new template into the plan (its question or post)."""
        if self.following is not None:
            raise Following(self.following)
        written = self._write(
            lambda: write_template(self.plan_path, self.loaded, row.cue.source, text)
        )
        # Our own write changed the file: take in the new plan without a "changed"
        # notice, and without reading back and validating what was just validated.
        self._take(written.plan, written.fingerprint)

    def _write(self, write: Callable[[], Written]) -> Written:
        try:
            return write()
        except PlanChangedOnDisk as changed:
            error = self.try_reload()
            if error is not None:
                self.ignore_current_file()
            changed.reloaded = error is None
            raise


def _why(error: OSError, path: Path) -> str:
    """ "log.jsonl: No space left on device", for the banner."""
    return f"{error.filename or path}: {error.strerror or error}"


class Following(Exception):
    """This window follows another one that holds the plan: it writes nothing."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(holder.describe())
        self.holder = holder


def _file_key(path: Path) -> tuple[int, ...]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1,)  # missing: one notice, until it is back
    return (info.st_ino, info.st_mode, info.st_size, info.st_mtime_ns)
