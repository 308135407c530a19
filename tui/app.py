"""The tchat application: one run-sheet screen over one plan.

The app opens a `Start` (`tui.startup`, whose docstring tells the whole start-up in
order): a plan loaded, or one glanced at whose first frame is drawn before it loads.
Time and the clipboard are handed in, so a rehearsal can run on a simulated clock and
tests can freeze time and fake the clipboard. The start's `mode` changes the banner and
colours, adds the keys that steer a simulated clock, and keeps checklist ticks out of
the plan; its `log_path` says where the run's actions go. This module and the opening
screen import neither pydantic nor the run-sheet, which load with the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.command import CommandPalette, Provider
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui import startup
from tui.core.plan.problems import PlanError
from tui.core.text.clean import one_line
from tui.core.text.words import Words
from tui.screens.keys import APP_KEYS, bindings_for, reword
from tui.startup import Start

if TYPE_CHECKING:
    from textual.message import Message
    from textual.pilot import Pilot

    from tui.clipboard import Clipboard
    from tui.core.run.session import Mode, Session
    from tui.screens.runsheet import RunSheet

def _run_sheet_commands() -> type[Provider]:
    """The run-sheet's commands in the palette, loaded when the palette first opens."""
    from tui.screens.commands import RunSheetCommands

    return RunSheetCommands


class TchatApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "tchat"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(APP_KEYS, Words("en"))
    COMMANDS = App.COMMANDS | {_run_sheet_commands}

    session: Session
    """The plan and its run. Set by the constructor, or with `opening` once the opening
    frame is on screen."""

    def __init__(
        self,
        start: Start,
        *,
        clipboard: Clipboard | None = None,
        settle_heap: bool = False,
    ) -> None:
        """A pending start is loaded once the opening frame is on screen; when its plan
        does not load, the app exits after that frame and `load_error` holds the
        PlanError for the caller to report. `settle_heap`: see `tui.startup`, step 6."""
        self.start = start
        self._clock = start.clock
        self.log_path = start.log_path
        self._mode: Mode = start.mode
        self.opening = start.glance if start.session is None else None
        self.load_error: PlanError | None = None
        """Why the plan did not load after the opening frame (the app has exited)."""
        if start.session is not None:
            self.session = start.session
            language, title = self.session.language, self.session.plan.chat.title
        else:
            assert start.glance is not None
            language, title = start.language or start.glance.language, start.glance.title
        self.words = Words(language)
        self.clipboard_backend: Clipboard | None = clipboard
        """The clipboard the run-sheet copies to; the system's when None (made with the
        run-sheet, never before the first frame)."""
        self.settles_heap = settle_heap
        """Whether the heap is frozen once the screen is up (`tui.startup`, step 6)."""
        super().__init__()
        reword(self, self.words)
        # The title reaches the terminal's window title too: never let escapes through.
        self.title = f"tchat · {one_line(title, marked=True)}"

    notices_shown = True
    """Whether the run-sheet shows its notices: always, but in a test run without
    notifications (`run_test(notifications=False)`), as Textual hides its toasts."""

    def run_test(  # type: ignore[override]
        self, *, headless: bool = True, size: tuple[int, int] | None = (80, 24),
        tooltips: bool = False, notifications: bool = False,
        message_hook: Callable[[Message], None] | None = None,
    ) -> AbstractAsyncContextManager[Pilot[None]]:
        self.notices_shown = notifications
        return super().run_test(headless=headless, size=size, tooltips=tooltips,
                                notifications=notifications, message_hook=message_hook)

    def load(self) -> Session:
        """The session, the plan loaded now if it was not yet. Raises PlanError."""
        if not self.loaded:
            self.session = self.start.load()
        return self.session

    @property
    def loaded(self) -> bool:
        """Whether the plan is loaded and the run-sheet can be shown."""
        return hasattr(self, "session")

    def on_mount(self) -> None:
        if self.settles_heap:
            self.set_timer(startup.HEAP_SETTLES_AFTER, startup.settle_heap)

    def on_ready(self) -> None:
        if not self.loaded:
            # After the opening frame is written, not before: that is the whole point.
            self.call_after_refresh(self.finish_opening)

    def finish_opening(self) -> None:
        """Load the plan and put the run-sheet over the opening frame; or, when the plan
        does not load, exit and leave the reason in `load_error`."""
        if self.loaded:
            return
        try:
            self.load()
        except PlanError as error:
            self.load_error = error
            self.exit(return_code=1)
            return
        # On top of the opening screen, which stays under it unseen: Textual cannot
        # switch away from an app's first screen, and a mode switch of its own holds
        # the screen back 50 ms to hide the change.
        self.push_screen(self.make_run_sheet())

    async def action_quit(self) -> None:
        """Quit as the run desk says (`RunDesk.quit`): at once, after a yes in the middle
        of a live hour, or after a choice when actions are not written yet."""
        from tui.screens.dialogs import ConfirmDialog
        from tui.screens.quitting import QuitWaitingDialog

        if not self.loaded:
            await super().action_quit()
            return
        stack = self.screen_stack
        if any(isinstance(s, QuitWaitingDialog) or isinstance(s, ConfirmDialog) and s.quitting
               for s in stack):
            return  # the quit's own question is up: ctrl+q again changes nothing
        for question in [s for s in stack if isinstance(s, ConfirmDialog)]:
            # Another question open (a copy ahead of time, D...): ctrl+q answers it no,
            # as escape would, and goes on quitting; it used to do nothing, silently.
            question.action_cancel()
        try:
            sheet = self.run_sheet
        except (StopIteration, AssertionError):
            await super().action_quit()
            return
        sheet.show(sheet.desk.quit())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is shown literally: a dialog's notices quote fields
        (`{recap_link}`) and the plan's own text, and none is written in markup. (The
        run-sheet's notices are its own: `RunSheet.notify`.)"""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def get_default_screen(self) -> Screen[None]:
        if self.opening is not None and not self.loaded:
            from tui.screens.opening import Opening

            return Opening(self.opening, self.words, self._clock,
                           rehearsal=self._mode == "rehearsal")
        return self.make_run_sheet()

    def make_run_sheet(self) -> RunSheet:
        """The run-sheet over the plan loaded, and the run desk it drives; its styles
        and its dialogs' are read now, never before the first frame."""
        from tui.core.run.desk import RunDesk
        from tui.screens.runsheet import RUN_SHEET_CSS, RunSheet

        stylesheet = self.stylesheet
        if not stylesheet.has_source(str(RUN_SHEET_CSS), ""):
            # Added to what is already parsed (each source is parsed once): a screen's own
            # CSS_PATH would make Textual parse every stylesheet again.
            stylesheet.read(RUN_SHEET_CSS)
            stylesheet.parse()
        if self.clipboard_backend is None:
            from tui.clipboard import SystemClipboard

            self.clipboard_backend = SystemClipboard()
        return RunSheet(RunDesk(self.session, replay=self.start.replay),
                        self.clipboard_backend)

    @property
    def run_sheet(self) -> RunSheet:
        from tui.screens.opening import Opening
        from tui.screens.runsheet import RunSheet

        # The base of the stack, or just above the opening frame's screen.
        screen = next(s for s in self.screen_stack if not isinstance(s, Opening))
        assert isinstance(screen, RunSheet)
        return screen

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own commands, kept, in the run's language.
        for command in super().get_system_commands(screen):
            title = self.words.get(f"sys.{command.title}", command.title)
            help_text = self.words.get(f"sys.{command.title}.help", command.help)
            yield SystemCommand(title, help_text, command.callback, command.discover)

    def action_command_palette(self) -> None:
        if not self.loaded:
            return  # the opening frame: nothing to command until the plan is in
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(
                placeholder=self.words("screen.palette_placeholder"), id="--command-palette"
            ))
