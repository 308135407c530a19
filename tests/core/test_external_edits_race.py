"""An editor saving the plan at any moment of the run-sheet's own write is never
overwritten: its edit is in the file afterwards, whole.

Two kinds of editors: those that save by renaming a new file over the plan (most
editors), and those that write into it (`>>`, an editor keeping its file). The window
that lost one edit in 240 on a loaded machine was the one between the last check of
the file and the rename: each kind saves right there, on cue. Then the race itself, an
editor saving every few milliseconds while the run ticks and polls, under load from
CPU burners of its own."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.files import atomic
from tui.core.files.atomic import Superseded, replace_if_unchanged
from tui.core.plan import planedit
from tui.core.plan.planedit import PlanChangedOnDisk, fingerprint, write_checklist_done
from tui.core.plan.planfile import load_plan
from tui.core.run.asrun import log_path_for, read_events
from tui.core.run.desk import RunDesk
from tui.core.run.plansource import look_at
from tui.core.run.session import Session
from tui.core.timing.clock import FrozenClock

PLANS = Path(__file__).resolve().parents[1] / "ui" / "plans"
START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def plan_in(tmp_path: Path) -> Path:
    plan = tmp_path / "chat-en.toml"
    shutil.copy(PLANS / "chat-en.toml", plan)
    return plan


def save_by_rename(plan: Path, line: str) -> None:
    new = plan.with_name(plan.name + ".editor")
    new.write_text(plan.read_text(encoding="utf-8") + line, encoding="utf-8")
    os.replace(new, plan)


def save_in_place(plan: Path, line: str) -> None:
    with plan.open("a", encoding="utf-8") as handle:
        handle.write(line)


EDITORS = {"rename": save_by_rename, "in place": save_in_place}


def saving_after_the_last_check(
    monkeypatch: pytest.MonkeyPatch, save: Callable[[], None]
) -> None:
    """The editor saves as soon as the write's last look at the plan, right before it
    is replaced, is over (once)."""
    real = planedit.read_regular
    looks: list[Path] = []

    def looked(path: Path, *args: object) -> bytes:
        data = real(path, *args)  # type: ignore[arg-type]
        looks.append(path)
        if len(looks) == 1:
            save()
        return data

    monkeypatch.setattr(planedit, "read_regular", looked)


@pytest.mark.parametrize("editor", sorted(EDITORS))
def test_an_edit_saved_between_the_check_and_the_rename_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, editor: str
) -> None:
    plan = plan_in(tmp_path)
    loaded = fingerprint(plan)
    saving_after_the_last_check(monkeypatch, lambda: EDITORS[editor](plan, "# edited\n"))
    with pytest.raises(PlanChangedOnDisk):
        write_checklist_done(plan, loaded, 2, True)
    assert plan.read_text(encoding="utf-8").endswith("# edited\n")
    assert load_plan(plan).checklist[2].done is False  # the tick waits (the log has it)
    assert sorted(p.name for p in tmp_path.iterdir()) == [plan.name]  # nothing left over


def test_without_a_swap_a_save_in_place_during_the_rename_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another system, or a network file system: no renameat2. An editor writing into
    # the file in the instant it is replaced gets its file back.
    monkeypatch.setattr(atomic, "_renameat2", lambda: None)
    plan = plan_in(tmp_path)
    loaded = fingerprint(plan)
    editor = plan.open("a", encoding="utf-8")  # opened before: it writes into that file
    real = os.replace

    def replaced_while_written(source: str | Path, target: str | Path) -> None:
        real(source, target)
        if not editor.closed:
            editor.write("# edited\n")
            editor.close()

    monkeypatch.setattr(atomic.os, "replace", replaced_while_written)
    with pytest.raises(PlanChangedOnDisk):
        write_checklist_done(plan, loaded, 2, True)
    assert plan.read_text(encoding="utf-8").endswith("# edited\n")
    assert load_plan(plan).checklist[2].done is False


def test_an_edit_saved_right_after_the_write_is_reloaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_in(tmp_path)
    desk = RunDesk(Session(plan, clock=FrozenClock(START + timedelta(minutes=31)),
                           log_path=log_path_for(plan)))
    saved: list[bool] = []

    def then_the_editor_saves() -> None:
        if not saved:  # once: the editor's own rename comes through here too
            saved.append(True)
            text = plan.read_text(encoding="utf-8")
            new = plan.with_name("editor.toml")
            new.write_text(text.replace("Teen Reading", "Young Reading"), encoding="utf-8")
            os.replace(new, plan)

    real_exchange, real_replace = atomic._exchange, os.replace

    def exchanged(new: Path, old: Path) -> bool:
        done = real_exchange(new, old)
        then_the_editor_saves()
        return done

    def replaced(source: str | Path, target: str | Path) -> None:
        real_replace(source, target)
        then_the_editor_saves()

    monkeypatch.setattr(atomic, "_exchange", exchanged)
    monkeypatch.setattr(atomic.os, "replace", replaced)
    desk.tick(2)
    assert saved
    monkeypatch.undo()
    # The run's plan is the one it wrote; the file, the editor's: a change to reload.
    reloaded = desk.poll(look_at(plan, desk.session.loaded))
    assert reloaded is not None
    assert [n.text for n in reloaded.notices] == ["The plan changed on disk: reloaded, marks kept"]
    assert desk.session.plan.chat.title == "Young Reading Chat"


def test_a_swap_that_finds_another_file_puts_it_back_whole(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_text("old\n")
    calls: list[Path] = []

    def unchanged(path: Path) -> bool:
        calls.append(path)
        if len(calls) == 1:  # the check passes; the editor saves right after it
            save_by_rename(target, "new\n")
            return True
        return path.read_text() == "old\n"

    with pytest.raises(Superseded):
        replace_if_unchanged(target, b"ours\n", unchanged)
    assert target.read_text() == "old\nnew\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]
    stamp = replace_if_unchanged(target, b"ours\n", lambda _path: True)
    info = target.stat()
    assert (stamp.ino, stamp.mtime_ns, stamp.size) == (info.st_ino, info.st_mtime_ns, 5)


# --- the race, under load --------------------------------------------------------------

EDITOR = """
import os, random, sys, time
path, edits, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
for number in range(edits):
    time.sleep(rnd.uniform(0.001, 0.012))
    line = f"# edit {number}\\n"
    if number % 2:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(line)
    else:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path + ".editor", "w", encoding="utf-8") as handle:
            handle.write(text + line)
        os.replace(path + ".editor", path)
"""

BURN = "import time\nend = time.monotonic() + {seconds}\nwhile time.monotonic() < end: pass"


@pytest.fixture
def load() -> Iterator[None]:
    """Two CPU burners of the test's own, for 60 s at most, stopped when it ends: the
    race lost an edit only on a loaded machine."""
    burners = [subprocess.Popen([sys.executable, "-c", BURN.format(seconds=60)])
               for _ in range(2)]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()


@pytest.mark.usefixtures("load")
def test_no_edit_is_lost_while_the_run_ticks_and_polls(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    desk = RunDesk(Session(plan, clock=FrozenClock(START + timedelta(minutes=31)),
                           log_path=log_path_for(plan)))
    desk.take_lock()
    edits = 240
    editor = subprocess.Popen([sys.executable, "-c", EDITOR, str(plan), str(edits),
                               str(random.randrange(1000))])
    stop = threading.Event()

    def parse_ahead() -> None:  # as the run-sheet's worker does after its first frame
        while not stop.is_set():
            planedit.prepare_edits(plan, desk.session.loaded)
            stop.wait(0.005)

    worker = threading.Thread(target=parse_ahead)
    worker.start()
    presses = 0
    try:
        while editor.poll() is None:
            desk.tick(2)
            presses += 1
            desk.poll(look_at(plan, desk.session.loaded))
        # The editor stopped: the next look gives the plan the log's last tick.
        desk.poll(look_at(plan, desk.session.loaded))
    finally:
        stop.set()
        worker.join()
        editor.wait()
        desk.session.release_lock()
    text = plan.read_text(encoding="utf-8")
    assert [n for n in range(edits) if f"# edit {n}\n" not in text] == []
    # Every press ticked (none "changed on disk, try again"), and the plan caught up.
    assert presses > 0 and len(read_events(log_path_for(plan))) == presses
    assert desk.session.ticks_owed == 0
    assert load_plan(plan).checklist[2].done is (presses % 2 == 1)
