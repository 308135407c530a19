"""The plan file under a run: loaded once, watched, reloaded, written with care.

A plan is the moderator's file, edited in other editors and by co-hosts while the run
goes on. This is the one place that knows it as a file:

- **Rows.** The plan's drafts as the run-sheet lists them (`Row`: a draft and its cue
  under the draft's own id), rebuilt whenever the plan is; `generation` grows with
  every rebuild, so a screen knows when its list must be made again.
- **Watching.** `look_at` reads the file (a stat, then a digest when the stat moved) and
  decides nothing; it runs on a worker thread, since a plan on a slow share or a FIFO
  put in its place must never hold the screen. `take` is given that look on the UI
  thread and is the only code that changes anything: the plan reloaded, a file that
  does not load remembered (by its stat alone) and said once, the same bad file put
  back as loaded (its trouble over). Nothing here is written from two threads.
- **Guarded writes.** A tick (`done = true`) or a template is written only if the file
  is still the one loaded (`tui.core.plan.planedit`); if an editor saved in between,
  nothing is written and the plan is reloaded, and the caller learns whether the new
  file loaded. A tick lives in the log first: the ticks the plan could not take yet
  are owed (`owed`) and written at the next try that goes through.
- **Ids.** Questions and posts without an `id` get the one their cue already has,
  written once in a live run (`missing_ids`, `commit_ids`), so marks follow them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from tui.core.plan.drafts import Draft, DraftBook
from tui.core.plan.model import Plan
from tui.core.plan.planedit import (
    Fingerprint,
    PlanChangedOnDisk,
    PreparedEdit,
    Written,
    changed_on_disk,
    commit,
    fingerprint,
    write_checklist,
    write_template,
)
from tui.core.plan.planfile import load_plan
from tui.core.plan.problems import PlanError
from tui.core.plan.schedule import Cue, missing_ids
from tui.core.run.logbook import file_key
from tui.core.run.runstate import Rows


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the run-sheet: a draft, and its cue under the draft's own id.

    A thank-you split into a thread has one row per part (`thanks@58/2`), each marked on
    its own; for every other cue the draft's id is the cue's id. On a plan with several
    networks a row holds its draft on each (`drafts`); a thread has as many rows as its
    longest version has parts, and a part exists on the networks whose version has it
    (a network that does not split the text has its whole text as part 1).
    """

    cue: Cue
    draft: Draft
    """The draft on the first network that has the row: what code made for one
    network reads."""
    drafts: Mapping[str, Draft] = field(default_factory=dict)
    """Network -> the row's draft there, in the plan's order; only the networks that
    have the row."""

    @property
    def id(self) -> str:
        return self.cue.id

    @property
    def networks(self) -> tuple[str, ...]:
        return tuple(self.drafts)

    def draft_on(self, network: str | None) -> Draft:
        """The row's draft on `network`; the first one's when it has none there."""
        return self.drafts.get(network or "", self.draft)

    @property
    def named(self) -> Draft:
        """The draft that names the row: a thread's part in its longest version
        ("Merci 1/3" where one network splits it in three and another in two)."""
        return max(self.drafts.values(), key=lambda d: d.parts or 0, default=self.draft)


def build_rows(book: DraftBook) -> tuple[list[Row], Rows]:
    """The run-sheet's rows of `book`, and where the threads' parts exist (for `fold`).

    On one network, a row per draft, as always. On several, a row per cue, or per part
    of a thread in its longest version: part k exists on the networks whose version has
    k parts or more (a version that is not split is its part 1)."""
    networks = book.networks
    if len(networks) == 1:
        network = networks[0]
        rows = [Row(dataclasses.replace(d.cue, id=d.id) if d.part else d.cue, d, {network: d})
                for d in book.drafts]
        parts: dict[str, tuple[str, ...]] = {}
        for row in rows:
            if row.draft.part is not None:
                parts[row.draft.cue.id] = (*parts.get(row.draft.cue.id, ()), row.id)
        return rows, Rows(parts=parts)
    per_network = {n: book.drafts_by_cue(n) for n in networks}
    rows = []
    parts = {}
    present: dict[str, tuple[str, ...]] = {}
    for index, cue in enumerate(book.cues):
        versions = {n: per_network[n][index] for n in networks}
        if all(len(v) == 1 and v[0].part is None for v in versions.values()):
            drafts = {n: v[0] for n, v in versions.items()}
            rows.append(Row(cue, drafts[networks[0]], drafts))
            continue
        longest = max(len(v) for v in versions.values())
        ids = []
        for number in range(1, longest + 1):
            drafts = {n: v[number - 1] for n, v in versions.items() if len(v) >= number}
            row = Row(dataclasses.replace(cue, id=f"{cue.id}/{number}"),
                      next(iter(drafts.values())), drafts)
            rows.append(row)
            ids.append(row.id)
            if len(drafts) < len(networks):
                present[row.id] = tuple(drafts)
        parts[cue.id] = tuple(ids)
    return rows, Rows(parts=parts, networks=present)


@dataclass(frozen=True, slots=True)
class PlanLook:
    """What the plan file was at one look, from a worker thread."""

    loaded: Fingerprint
    """The plan the look compared the file with."""
    key: tuple[int, ...]
    """The file by its stat (`logbook.file_key`)."""
    changed: bool
    """Its content differs from `loaded` (a bare touch does not)."""
    gone: bool
    """No file at all (a symlink whose target is gone is not gone)."""


def look_at(path: Path, loaded: Fingerprint) -> PlanLook:
    """Read the plan file and compare it with `loaded`; changes nothing (any thread)."""
    gone = not path.exists() and not path.is_symlink()
    return PlanLook(loaded, file_key(path), changed_on_disk(path, loaded), gone)


class PlanChange(Enum):
    NONE = "none"
    RELOADED = "reloaded"
    """The file changed and loaded: the run goes on with it, marks kept (by id)."""
    FAILED = "failed"
    """The file changed and does not load: the last good plan stays (said once)."""
    BACK = "back"
    """A file that did not load was put back as the plan loaded: its trouble is over."""


class PlanSource:
    def __init__(self, path: Path) -> None:
        """Load the plan at `path`. Raises PlanError (or OSError) when it does not load."""
        self.path = path
        self.plan: Plan
        self.book: DraftBook
        self.rows: list[Row]
        self.threads: Rows
        """Where the threads' parts exist, for folding the log (`build_rows`)."""
        self.loaded: Fingerprint
        self.generation = 0
        """Grows every time the rows are built again."""
        self.gone = False
        """The file was missing at the last look (a banner says so while it is)."""
        self.failure: PlanError | None = None
        """Why the last reload failed (set with `PlanChange.FAILED`)."""
        self._ignored: tuple[int, ...] | None = None
        self.owed: dict[int, bool] = {}
        """Ticks the log holds that the plan's copy does not yet (an editor saved in
        between, the disk refused): checklist index -> done."""
        self._load()

    # --- the plan and its rows -------------------------------------------------------

    def _load(self) -> None:
        try:
            # Taken before reading, so an edit made while we read is seen as a change.
            loaded = fingerprint(self.path)
        except OSError:
            # Missing, a folder, unreadable: let the loader say which, in plain words.
            load_plan(self.path)
            raise
        self._take(load_plan(self.path), loaded)

    @property
    def networks(self) -> tuple[str, ...]:
        """The plan's networks, in its order."""
        return self.book.networks

    def _take(self, plan: Plan, loaded: Fingerprint) -> None:
        self.plan = plan
        self.loaded = loaded
        self.book = DraftBook(plan)
        self.rows, self.threads = build_rows(self.book)
        # Asked for by every row at every second: built once per plan, not per call.
        self.cues: Sequence[Cue] = tuple(row.cue for row in self.rows)
        self._row_by_id: dict[str, Row] = {}
        for row in self.rows:
            self._row_by_id.setdefault(row.id, row)  # the first, as a scan would find
        self.generation += 1

    def _keep_rows(self, written: Written) -> None:
        """Take a plan our own write produced whose cues and drafts are the same (a tick,
        ids): building them again for a few hundred cues would hold the screen."""
        self.plan = self.book.plan = written.plan
        self.loaded = written.fingerprint

    def row(self, row_id: str) -> Row | None:
        return self._row_by_id.get(row_id)

    @property
    def troubled(self) -> bool:
        """The file on disk does not load (said once): nothing is written until it does."""
        return self._ignored is not None

    # --- watching --------------------------------------------------------------------

    def look_job(self) -> Callable[[], PlanLook]:
        """The look to run on a worker thread: it gets the path and the plan loaded now,
        and reads nothing else of this object."""
        path, loaded = self.path, self.loaded
        return lambda: look_at(path, loaded)

    def take(self, look: PlanLook) -> PlanChange:
        """What a look found, acted on (UI thread): reloaded, failed, back, or nothing."""
        self.gone = look.gone
        if look.loaded != self.loaded:
            return PlanChange.NONE  # written or reloaded since: the next look will see
        if self._ignored is not None:
            if look.key == self._ignored:
                return PlanChange.NONE  # the same bad file, already said
            if not look.changed:
                self._ignored = None
                return PlanChange.BACK
        if not look.changed:
            return PlanChange.NONE
        return self.reload()

    def reload(self) -> PlanChange:
        """Load the file again; on failure keep the last good plan and remember the file
        (by its stat: a FIFO or a folder cannot be read) so it is said once."""
        try:
            self._load()
        except PlanError as error:
            self._ignored = file_key(self.path)
            self.failure = error
            return PlanChange.FAILED
        self._ignored = None
        self.failure = None
        return PlanChange.RELOADED

    # --- guarded writes --------------------------------------------------------------

    def owe_tick(self, index: int, done: bool) -> None:
        """A tick the log holds, for the plan's copy to catch up with (`write_ticks`)."""
        self.owed[index] = done

    def write_ticks(self) -> None:
        """Copy the ticks the log holds into the plan (`done = true|false`), all in one
        write; none is left owed once it went through. Ticks go by the item's place, as
        the log's do (what the screen shows is what the plan gets); one whose item is
        gone (an edit removed it) or already says the same is dropped. Raises
        PlanChangedOnDisk (after reloading: its `reloaded` says whether the new file
        loaded), PlanError, or OSError; the ticks stay owed then, for the next try."""
        items = self.plan.checklist
        due = {index: done for index, done in self.owed.items()
               if index < len(items) and items[index].done != done}
        if due:
            written = self._write(lambda: write_checklist(
                self.path, self.loaded, due, self.plan))
            # Only checklist items changed: the schedule and the drafts are the same.
            self._keep_rows(written)
        self.owed.clear()

    def write_template(self, row: Row, text: str) -> None:
        """A cue's new template into the plan (its question or post); raises as above."""
        written = self._write(
            lambda: write_template(self.path, self.loaded, row.cue.source, text))
        # Our own write changed the file: take in the new plan without a "changed"
        # notice, and without reading back and validating what was just validated.
        self._take(written.plan, written.fingerprint)

    def _write(self, write: Callable[[], Written]) -> Written:
        try:
            return write()
        except PlanChangedOnDisk as changed:
            changed.reloaded = self.reload() is PlanChange.RELOADED
            raise

    # --- ids -------------------------------------------------------------------------

    def missing_ids(self) -> dict[str, str]:
        """The ids to write: each question's and post's without one (`missing_ids`)."""
        return missing_ids(self.plan)

    def commit_ids(self, prepared: PreparedEdit) -> bool:
        """Write ids prepared (by `prepare_ids`) from the plan as loaded then; True when
        written. Dropped when the plan was written or reloaded since (a tick, a template,
        an edit elsewhere): the next run tries again. Raises PlanChangedOnDisk or OSError
        when the file changed behind the run's back, or cannot be written."""
        if prepared.path != self.path or prepared.loaded != self.loaded:
            return False
        # Not through `_write`: a conflict here must not reload the plan behind the
        # watcher's back (the edit would then never be said); the next run tries again.
        # The ids written are the cues' ids already: the rows stay as they are.
        self._keep_rows(commit(prepared))
        return True
