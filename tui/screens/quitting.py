"""The dialog of a quit that would lose actions not written yet (`QuitWaiting`).

The run desk decides that it is due and says what waits; this shows it with its three
ways out. The focus starts on "back", so enter (or ctrl+q again) never loses anything:
only `y` (`o`: "oui"), or the button itself, quits anyway.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tui.core.run.outcomes import Outcome, QuitWaiting
from tui.core.text.words import Words
from tui.screens.keys import reword
from tui.widgets.literal import literal


class QuitWaitingDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("w,a", "wait", "Wait", id="quit_wait", show=False),  # a: "attendre"
        Binding("y,o", "anyway", "Quit anyway", id="quit_anyway", show=False),
        Binding("n,escape", "back", "Back", id="back", show=False),
    ]
    AUTO_FOCUS = "#back"

    def __init__(self, choice: QuitWaiting, words: Words,
                 answer: Callable[[Outcome], None]) -> None:
        super().__init__()
        self.choice = choice
        self.words = words
        reword(self, words)
        self._answer: Callable[[Outcome], None] | None = answer

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="dialog", classes="-confirm -quit"):
            yield Label(self.choice.title, id="dialog-title", markup=False)
            with VerticalScroll(id="quit-scroll"):
                yield Static(literal(self.choice.body), id="confirm-body")
            yield Label(words("screen.quit_waiting_hint"), id="dialog-hint", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(words("screen.quit_back"), id="back")
                yield Button(words("key.quit_wait"), id="wait", variant="primary")
                yield Button(words("key.quit_anyway"), id="anyway", variant="error")

    def on_resize(self) -> None:
        # On 15 lines the body and the keys of the hint take the room (the title's
        # question is the body's last sentence; the buttons, the hint's keys).
        self.set_class(self.size.height < 20, "-short")

    @on(Button.Pressed, "#wait")
    def action_wait(self) -> None:
        self._choose(self.choice.wait)

    @on(Button.Pressed, "#anyway")
    def action_anyway(self) -> None:
        self._choose(self.choice.anyway)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self._choose(self.choice.back)

    def _choose(self, way: Callable[[], Outcome]) -> None:
        answer, self._answer = self._answer, None  # one answer, even if pressed twice
        if answer is None:
            return
        if self.is_current:
            self.dismiss(None)
        answer(way())
