"""Small edits written back into a hand-written plan, keeping its comments and layout.

The run-sheet ticks checklist items and saves edited templates while the moderator (or a
co-host, or an editor) may have the same file open. So every write is guarded: it goes
through only if the file on disk is still the one the app loaded; otherwise
`PlanChangedOnDisk` is raised and nothing is written, never overwriting someone's edit.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.files.atomic import Superseded, replace_if_unchanged
from tui.core.files.regularfile import read_regular, read_regular_stat
from tui.core.plan.model import Plan
from tui.core.plan.planfile import parse_plan, read_plan_text

if TYPE_CHECKING:
    import tomlkit
    from tomlkit.items import String

_SOURCE = re.compile(r"^(questions|posts)\[(\d+)\]$")


class PlanChangedOnDisk(Exception):
    """The plan file is no longer the one loaded: reload before writing."""

    reloaded: bool | None = None
    """Set by whoever tried to reload: whether the new file loaded (None: not tried)."""


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the plan file was when loaded: cheap to poll (inode, mtime, size), exact
    (digest)."""

    mtime_ns: int
    size: int
    digest: str
    ino: int = 0
    """The file's inode: a new file renamed in place (as editors save) is another one,
    even with the same size in the same tick of a coarse clock."""

    def same_stat(self, path: Path) -> bool:
        try:
            stat = path.stat()
        except OSError:
            return False
        return ((stat.st_ino, stat.st_mtime_ns, stat.st_size)
                == (self.ino, self.mtime_ns, self.size))


def fingerprint(path: Path) -> Fingerprint:
    """Raises OSError (`NotReadable`) for a file that cannot be read, or is not a regular
    file: a plan replaced by a FIFO must not block the reader. The stat is the very
    file read's (a stat of the path, then a read, could see two files)."""
    data, stat = read_regular_stat(path)
    digest = hashlib.sha256(data).hexdigest()
    return Fingerprint(stat.st_mtime_ns, stat.st_size, digest, stat.st_ino)


def changed_on_disk(path: Path, loaded: Fingerprint) -> bool:
    """True when the file's content differs from what was loaded (a bare touch is not)."""
    if loaded.same_stat(path):
        return False
    try:
        return fingerprint(path).digest != loaded.digest
    except OSError:
        return True


@dataclass(frozen=True, slots=True)
class Written:
    """A write that went through: the file as it now is, and the plan it holds."""

    fingerprint: Fingerprint
    plan: Plan


class _LastDocument:
    """The document of the last write (or of the parse made ahead of the first edit), by
    file and digest of the text it holds. The next edit of that same file, unchanged
    since, starts from it instead of parsing the whole file again with tomlkit (a
    quarter of a second on a 200 kB plan).

    Given by the worker thread that parses ahead (`prepare_edits`) and taken by the
    UI thread that edits, so behind a lock: a document is handed over whole, taken once
    (the edit changes it in place), and the worker's never replaces one kept since."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: tuple[Path, str, tomlkit.TOMLDocument] | None = None

    def keep(self, path: Path, digest: str, document: tomlkit.TOMLDocument, *,
             unless_kept: bool = False) -> None:
        with self._lock:
            if unless_kept and self._kept is not None:
                return
            self._kept = (path, digest, document)

    def take(self, path: Path, digest: str) -> tomlkit.TOMLDocument | None:
        """The document kept for this file as it is now, once; a failed edit leaves
        none behind."""
        with self._lock:
            kept, self._kept = self._kept, None
        if kept is not None and kept[0] == path and kept[1] == digest:
            return kept[2]
        return None


_last_written = _LastDocument()


def _document(path: Path, loaded: Fingerprint) -> tomlkit.TOMLDocument:
    document = _last_written.take(path, loaded.digest)
    if document is not None:
        return document
    import tomlkit

    return tomlkit.parse(read_plan_text(path))


def _parsed(data: bytes) -> tomlkit.TOMLDocument:
    import tomlkit  # only once something is written: it is not needed to open a plan

    return tomlkit.parse(data.decode("utf-8").removeprefix("\ufeff"))


def prepare_edits(path: Path, loaded: Fingerprint) -> None:
    """Parse the plan for its first edit ahead of time, if the file is still `loaded`.

    tomlkit takes a third of a second on a plan of a few hundred cues; the run-sheet
    calls this from a worker thread after its first frame, so the first checklist tick
    of the hour does not wait for it. Any failure is left for the edit itself to report.
    """
    try:
        data = read_regular(path)
        if hashlib.sha256(data).hexdigest() != loaded.digest:
            return
        document = _parsed(data)
    except Exception:  # noqa: BLE001 - only a head start: the edit reads the file again
        return
    _last_written.keep(path, loaded.digest, document, unless_kept=True)


@dataclass(frozen=True, slots=True)
class PreparedEdit:
    """An edit made and validated but not yet written: `commit` writes it.

    Made in a worker thread (reading, parsing, dumping and validating a plan of a few
    hundred cues takes most of a second), written from the UI thread, where the caller
    first checks that nothing was written since `loaded`.
    """

    path: Path
    loaded: Fingerprint
    document: tomlkit.TOMLDocument
    text: str
    plan: Plan


def prepare_ids(path: Path, loaded: Fingerprint, ids: dict[str, str]) -> PreparedEdit:
    """`id = "..."` added to each question or post named by source (`questions[3]`), in
    the file as it was when `loaded`, ready for `commit`.

    Safe in a worker thread: the document is parsed anew, never taken from the one kept
    for the next edit, which the UI thread may be editing at the same moment. Raises
    PlanChangedOnDisk when the file is no longer `loaded`, OSError when it cannot be
    read, PlanError when the plan with its ids would not load.
    """
    data = read_regular(path)
    if hashlib.sha256(data).hexdigest() != loaded.digest:
        raise PlanChangedOnDisk(str(path))
    document = _parsed(data)
    _add_ids(document, ids)
    text = document.as_string()
    return PreparedEdit(path, loaded, document, text, parse_plan(text))


def commit(edit: PreparedEdit) -> Written:
    """Write a prepared edit, if the file is still the one it was made from: checked
    before anything is written, and again on the very file replaced, at the moment it
    is replaced (`replace_if_unchanged`): an editor saving at any moment of the write
    is seen, never overwritten. Raises PlanChangedOnDisk, or OSError."""
    path, loaded = edit.path, edit.loaded
    if changed_on_disk(path, loaded):
        raise PlanChangedOnDisk(str(path))

    def unchanged(target: Path) -> bool:
        try:
            return hashlib.sha256(read_regular(target)).hexdigest() == loaded.digest
        except OSError:
            return False  # gone, or no longer a file: not the plan loaded

    data = edit.text.encode("utf-8")
    try:
        stamp = replace_if_unchanged(path, data, unchanged)
    except Superseded:
        raise PlanChangedOnDisk(str(path)) from None
    # What was written, by the stat of the file written: the path may already hold an
    # editor's next save, which the next look must see as a change.
    written = Fingerprint(stamp.mtime_ns, stamp.size, hashlib.sha256(data).hexdigest(),
                          stamp.ino)
    _last_written.keep(path, written.digest, edit.document)
    return Written(written, edit.plan)


def _edit(
    path: Path,
    loaded: Fingerprint,
    apply: Callable[[tomlkit.TOMLDocument], None],
    result: Callable[[], Plan] | None = None,
) -> Written:
    """Apply an edit to the file's document and write it back.

    The new text is parsed and validated before it is written (never write a plan that
    would no longer load), unless the caller knows the `result` already: an edit that
    cannot make a valid plan invalid, applied to the plan that was loaded.
    """
    if changed_on_disk(path, loaded):
        raise PlanChangedOnDisk(str(path))
    document = _document(path, loaded)
    apply(document)
    text = document.as_string()
    plan = parse_plan(text) if result is None else result()
    return commit(PreparedEdit(path, loaded, document, text, plan))


def write_checklist_done(
    path: Path, loaded: Fingerprint, index: int, done: bool, plan: Plan | None = None
) -> Written:
    """Write `done = true|false` into the `index`-th `[[checklist]]` item (see
    `write_checklist`)."""
    return write_checklist(path, loaded, {index: done}, plan)


def write_checklist(
    path: Path, loaded: Fingerprint, done: Mapping[int, bool], plan: Plan | None = None
) -> Written:
    """Write `done = true|false` into each `[[checklist]]` item named by its index, in
    one write; the file's new fingerprint and the plan as written.

    With `plan`, the plan the file held when `loaded` was taken, the plan written is
    derived from it rather than read back: a true or false in a `done` field cannot make
    a valid plan invalid, and validating a plan of a few hundred cues again at every
    tick would cost more than the whole rest of the key press.
    """

    def tick(document: tomlkit.TOMLDocument) -> None:
        for index, value in done.items():
            document["checklist"][index]["done"] = value

    def ticked() -> Plan:
        assert plan is not None
        items = list(plan.checklist)
        for index, value in done.items():
            items[index] = items[index].model_copy(update={"done": value})
        return plan.model_copy(update={"checklist": items})

    return _edit(path, loaded, tick, None if plan is None else ticked)


def write_template(path: Path, loaded: Fingerprint, source: str, text: str) -> Written:
    """Replace the text of the question or post a cue comes from (`questions[3]`); the
    file's new fingerprint and the plan as written."""
    match = _SOURCE.match(source)
    if match is None:
        raise ValueError(f"{source} is not a question or post of the plan")
    table, number = match.group(1), int(match.group(2))

    def replace(document: tomlkit.TOMLDocument) -> None:
        document[table][number - 1]["text"] = _toml_string(text)

    return _edit(path, loaded, replace)


def _toml_string(text: str) -> String:
    import tomlkit

    # A post written on several lines stays readable in the file as a multi-line string.
    return tomlkit.string(text, multiline="\n" in text)


def _add_ids(document: tomlkit.TOMLDocument, ids: dict[str, str]) -> None:
    for source, item_id in ids.items():
        match = _SOURCE.match(source)
        if match is None:
            raise ValueError(f"{source} is not a question or post of the plan")
        document[match.group(1)][int(match.group(2)) - 1]["id"] = item_id
