"""How `tchat` starts, from the command line to the live run-sheet, in order.

1. `tui.launch.entry` turns the garbage collector off (`collector_off`). Start-up makes
   hundreds of thousands of objects (Textual's classes, the plan, the widgets) that
   nearly all live until the end, and the collector, which runs every few hundred
   allocations, would walk them again and again for nothing: 25 ms of `tchat run`.
2. `tui.cli.main` turns it back on (`collector_on`) as soon as the command chosen opens
   no screen; `run` and `rehearse` leave it off.
3. `run` and `rehearse` make the app's `Start` with `begin`. In a terminal
   (`opens_on_a_glance`) the plan is only glanced at (`tui.core.plan.glance`, the `[chat]`
   table alone), so that the first frame is drawn before pydantic has even loaded. To
   a pipe or a script, or when the plan cannot be glanced at, `begin` loads and
   validates it at once, and a plan that does not load raises PlanError before any
   terminal setup: its problems are printed alone.
4. `TchatApp` draws its first frame: the opening frame from the glance
   (`tui.screens.opening`: header and countdown in the run-sheet's layout), or the
   run-sheet of a plan already loaded. Nothing imported up to here loads pydantic or
   the run-sheet (tests/ui/test_opening.py guards it).
5. Just after that frame is written, `TchatApp.finish_opening` loads the plan
   (`Start.load`, which also hands the session to `on_load`, such as a rehearsal
   started inside the hour that skips the earlier cues) and puts the run-sheet over the
   opening frame. A plan that does not load makes the app exit instead, its PlanError
   in `TchatApp.load_error` for the command to print once the terminal is back.
6. In the `tchat` process only (`settle_heap`: never in a test, where a frozen app
   would never be freed), `HEAP_SETTLES_AFTER` seconds after the screen is mounted
   `settle_heap` collects once, freezes what is alive (the plan, its drafts, the
   widgets) out of the collector's full passes, and turns the collector back on.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from tui.core.plan.glance import Glance
    from tui.core.run.session import Mode, Session
    from tui.core.text.vocabulary import Language
    from tui.core.timing.clock import Clock

HEAP_SETTLES_AFTER = 1.5  # seconds after start-up, once the first frames are drawn


def collector_off() -> None:
    """Step 1: no collection while start-up makes objects that live until the end."""
    gc.disable()


def collector_on() -> None:
    """Step 2: a command that opens no screen collects as usual."""
    gc.enable()


def terminal_missing() -> str | None:
    """Which of standard input and output is not a terminal ("stdin", "stdout"), or
    None when both are: the run-sheet reads keys and draws a screen, and without a
    terminal it would spin writing escape codes into a file (see
    `tui.commands.output.refused_without_terminal`)."""
    for name, stream in (("stdin", sys.stdin), ("stdout", sys.stdout)):
        try:
            if stream is None or not stream.isatty():
                return name
        except (AttributeError, ValueError):  # closed, or not a real stream
            return name
    return None


def opens_on_a_glance() -> bool:
    """Whether the screen opens on a glance at the plan and validates it just after.

    In a terminal, yes: the moderator sees the countdown before pydantic has even
    loaded, and a plan found invalid after the glance shows the screen for a blink
    before its problems are printed. Output that goes to no terminal (a script, a pipe)
    gets the problems alone, as the plan is then validated first; so does a plan that
    cannot be glanced at.
    """
    return sys.stdout.isatty()


class Start:
    """The plan an app opens and how its run is set up: loaded (`session` is set) or
    pending (the first frame is drawn from `glance`, and `load` follows it).

    A plain class, not a dataclass: every command imports this module (through
    `tui.launch`), and `dataclasses` with the `inspect` it loads cost `tchat count
    --jsonl` 10 ms of each launch for one constructor."""

    def __init__(
        self,
        path: Path,
        clock: Clock,
        log_path: Path,
        mode: Mode,
        language: Language | None,
        glance: Glance | None,
        on_load: Callable[[Session], None] | None,
        *,
        replay: Path | None = None,
    ) -> None:
        self.path = path
        self.clock = clock
        self.log_path = log_path
        self.mode: Mode = mode
        self.language = language
        """The screen's language; None: the plan's."""
        self.glance = glance
        self.on_load = on_load
        self.session: Session | None = None
        self.replay = replay
        """A recorded conversation a rehearsal replays instead of its plan's `[feed]
        replay`."""

    def load(self) -> Session:
        """The session, the plan loaded now if it was not yet. Raises PlanError."""
        if self.session is None:
            from tui.core.run.session import Session  # with pydantic and the plan model

            session = Session(self.path, clock=self.clock, log_path=self.log_path,
                              mode=self.mode, language=self.language)
            if self.on_load is not None:
                self.on_load(session)
            self.session = session
        return self.session


def begin(
    path: Path,
    *,
    clock: Clock | None = None,
    mode: Mode = "live",
    log_path: Path | None = None,
    language: Language | None = None,
    glance: Glance | None = None,
    on_load: Callable[[Session], None] | None = None,
    replay: Path | None = None,
) -> Start:
    """Step 3: the app's start. With `glance`, the plan is loaded after the first frame;
    without, now, and a plan that does not load raises PlanError here. The clock is the
    wall clock and the log the plan's live log unless given."""
    # Here, not at the top: `tui.cli` imports this module for every command.
    from tui.core.run.logname import log_path_for
    from tui.core.timing.clock import WallClock

    start = Start(path, clock or WallClock(), log_path or log_path_for(path), mode,
                  language, glance, on_load, replay=replay)
    if glance is None:
        start.load()
    return start


def settle_heap() -> None:
    """Step 6: keep the garbage collector's full passes off the live hour.

    Once the screen is up, nearly every object is the plan, its drafts and the widgets,
    all alive until the end. A full collection walks them all (30 ms with 500 cues), and
    when one fell in a key press, that key took twice as long. Frozen, they are skipped;
    what is made later is collected as usual.
    """
    gc.collect()
    gc.freeze()
    gc.enable()
