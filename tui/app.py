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

from collections.abc import Iterable
from time import time
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.command import CommandPalette
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import ModalScreen, Screen

from tui import startup
from tui.clipboard import Clipboard, SystemClipboard
from tui.core.plan.problems import PlanError
from tui.core.text.clean import one_line
from tui.core.text.words import Words
from tui.screens.commands import RunSheetCommands
from tui.screens.keys import APP_KEYS, bindings_for, reword
from tui.startup import Start

if TYPE_CHECKING:
    from tui.core.run.session import Mode, Session
    from tui.screens.runsheet import RunSheet

class TchatApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "tchat"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(APP_KEYS, Words("en"))
    COMMANDS = App.COMMANDS | {RunSheetCommands}

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
        self._notices: dict[str, Notification] = {}
        # Replaced before they reached the screen (their Notify still on its way).
        self._withdrawn: set[str] = set()
        # The run-sheet's notices kept off a dialog, with when each was taken off.
        self._held: dict[str, tuple[Notification, float]] = {}
        self._holding = False
        self.load_error: PlanError | None = None
        """Why the plan did not load after the opening frame (the app has exited)."""
        if start.session is not None:
            self.session = start.session
            language, title = self.session.language, self.session.plan.chat.title
        else:
            assert start.glance is not None
            language, title = start.language or start.glance.language, start.glance.title
        self.words = Words(language)
        self.clipboard_backend: Clipboard = clipboard or SystemClipboard()
        self.settles_heap = settle_heap
        """Whether the heap is frozen once the screen is up (`tui.startup`, step 6)."""
        super().__init__()
        reword(self, self.words)
        # The title reaches the terminal's window title too: never let escapes through.
        self.title = f"tchat · {one_line(title, marked=True)}"

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
        self.screen_change_signal.subscribe(self, self._screen_changed)
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
        self.push_screen(self._run_sheet())

    async def action_quit(self) -> None:
        """Quit; in the middle of a live hour, only after a yes (rehearsals and the demo
        quit at once: nothing is lost there)."""
        if not self._live_hour():
            await super().action_quit()
            return
        from tui.screens.dialogs import ConfirmDialog

        if any(isinstance(s, ConfirmDialog) for s in self.screen_stack):
            return
        words = self.words

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.exit()

        self.push_screen(
            ConfirmDialog(words, words("screen.quit_title"), words("screen.quit_body"),
                          words("key.quit")),
            answered,
        )

    def _live_hour(self) -> bool:
        if not self.loaded or self._mode != "live":
            return False
        try:
            hour = self.run_sheet.hour
        except (StopIteration, AssertionError):
            return False
        return hour is not None and hour.phase == "during" and not hour.over

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
        kind: str | None = None,
    ) -> None:
        """Every notification is shown literally: they quote labels, paths, plan fields
        (`[chat] heads_up`) and the plan's own text, and none is written in markup.

        With a `kind`, the notice replaces the one of the same kind still on screen.
        Notices with a kind are the run-sheet's: while a dialog is open they are held
        back (see `_screen_changed`); a dialog's own notices have none and show over it."""
        if timeout is None:
            timeout = self.NOTIFICATION_TIMEOUT
        notification = Notification(message, title, severity, timeout, markup=False)
        if kind is not None:
            self.forget_notice(kind)
            self._notices[kind] = notification
        self.post_message(Notify(notification))

    def forget_notice(self, kind: str) -> None:
        """Take the notice of this kind off the screen, if it is still there."""
        notification = self._notices.pop(kind, None)
        if notification is None:
            return
        if self._held.pop(notification.identity, None) is not None:
            return
        if not self._take_off_screen(notification) and not notification.has_expired:
            self._withdrawn.add(notification.identity)  # posted, not shown yet: `on_notify`

    def _take_off_screen(self, notification: Notification) -> bool:
        """Withdraw a notification shown now; False when it is not on screen.

        Textual has no public way to withdraw one notification: this is the one door
        (tests/test_private_apis.py guards it)."""
        if notification not in self._notifications:
            return False
        self._unnotify(notification)
        return True

    def on_notify(self, event: Notify) -> None:
        # Runs before Textual's own handler, which shows the notification: two notices
        # of a kind given in one turn of the loop must not both appear.
        if event.notification.identity in self._withdrawn:
            self._withdrawn.discard(event.notification.identity)
            event.prevent_default()
        elif self._holding and self._from_run_sheet(event.notification):
            self._held[event.notification.identity] = (event.notification, time())
            event.prevent_default()

    def _from_run_sheet(self, notification: Notification) -> bool:
        return any(n is notification for n in self._notices.values())

    def _screen_changed(self, screen: Screen[object]) -> None:
        """A dialog's question and its answer keys are never under a notice: at 50x15 a
        toast covers the bottom right, where a dialog has its buttons and its hint. So
        while a dialog (any modal screen) is on top, the run-sheet's notices are taken
        off and held; when the run-sheet is back, they come back for the time they had
        left, since nobody could read them meanwhile."""
        holding = isinstance(screen, ModalScreen)
        if holding == self._holding:
            return
        self._holding = holding
        now = time()
        if holding:
            for notification in list(self._notices.values()):
                if self._take_off_screen(notification):
                    self._held[notification.identity] = (notification, now)
            return
        held, self._held = self._held, {}
        for notification, since in held.values():
            notification.raised_at += now - since
            self.post_message(Notify(notification))

    def get_default_screen(self) -> Screen[None]:
        if self.opening is not None and not self.loaded:
            from tui.screens.opening import Opening

            return Opening(self.opening, self.words, self._clock,
                           rehearsal=self._mode == "rehearsal")
        return self._run_sheet()

    def _run_sheet(self) -> RunSheet:
        from tui.screens.runsheet import RunSheet

        return RunSheet(self.session, self.clipboard_backend, replay=self.start.replay)

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
