"""The tchat application: one run-sheet screen over one plan.

Time and the clipboard are handed in (`clock`, `clipboard`), so a rehearsal can run on a
simulated clock and tests can freeze time and fake the clipboard. `mode` changes the
banner and colours, adds the keys that steer a simulated clock, and keeps checklist
ticks out of the plan; `log_path` says where the run's actions go.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.clipboard import Clipboard, SystemClipboard
from tui.core.asrun import log_path_for
from tui.core.clock import Clock, WallClock
from tui.core.model import Language
from tui.screens.commands import RunSheetCommands
from tui.screens.keys import APP_KEYS, bindings_for, reword
from tui.screens.runsheet import RunSheet
from tui.screens.session import Mode, Session
from tui.strings import Words
from tui.widgets.literal import one_line

HEAP_SETTLES_AFTER = 1.5  # seconds after start-up, once the first frames are drawn


class TchatApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "tchat"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(APP_KEYS, Words("en"))
    COMMANDS = App.COMMANDS | {RunSheetCommands}

    def __init__(
        self,
        plan_path: Path,
        *,
        clock: Clock | None = None,
        clipboard: Clipboard | None = None,
        mode: Mode = "live",
        log_path: Path | None = None,
        language: Language | None = None,
        settle_heap: bool = False,
    ) -> None:
        # Load first: a plan that does not load raises PlanError before any terminal setup.
        self.session = Session(
            plan_path,
            clock=clock or WallClock(),
            log_path=log_path or log_path_for(plan_path),
            mode=mode,
            language=language,
        )
        self.words = Words(self.session.language)
        self.clipboard_backend: Clipboard = clipboard or SystemClipboard()
        self.settles_heap = settle_heap
        """Whether the heap is frozen once the screen is up (see `_freeze_heap`)."""
        super().__init__()
        reword(self, self.words)
        # The title reaches the terminal's window title too: never let escapes through.
        self.title = f"tchat · {one_line(self.session.plan.chat.title)}"

    def on_mount(self) -> None:
        if self.settles_heap:
            self.set_timer(HEAP_SETTLES_AFTER, self._freeze_heap)

    def _freeze_heap(self) -> None:
        """Keep the garbage collector's full passes off the live hour.

        Once the screen is up, nearly every object is the plan, its drafts and the
        widgets, all alive until the end. A full collection walks them all (30 ms with
        500 cues), and when one fell in a key press, that key took twice as long.
        Frozen, they are skipped; what is made later is collected as usual. Only for
        the `tchat` process itself: in a test session a frozen app would never be freed.
        """
        gc.collect()
        gc.freeze()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is shown literally: they quote labels, paths, plan fields
        (`[chat] heads_up`) and the plan's own text, and none is written in markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def get_default_screen(self) -> Screen[None]:
        return RunSheet(self.session, self.clipboard_backend)

    @property
    def run_sheet(self) -> RunSheet:
        screen = self.screen_stack[0]
        assert isinstance(screen, RunSheet)
        return screen

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own commands, kept, in the run's language.
        for command in super().get_system_commands(screen):
            title = self.words.get(f"sys.{command.title}", command.title)
            help_text = self.words.get(f"sys.{command.title}.help", command.help)
            yield SystemCommand(title, help_text, command.callback, command.discover)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(
                placeholder=self.words("palette_placeholder"), id="--command-palette"
            ))
