"""The run-sheet's dialogs that ask or show: the base every dialog shares (escape
closes it, its keys in the plan's language), a yes/no question, a post read whole,
a text read or copied by hand.

Those that take text are in `tui.screens.writing`; the report, the plan's problems and
help in `tui.screens.reference`."""
from __future__ import annotations

from collections.abc import Callable
from typing import cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Label, Static, TextArea

from tui.core.text.controls import for_copy
from tui.core.text.words import Words
from tui.screens.keys import reword
from tui.widgets.literal import literal, set_content


class FitsTheTerminal:
    """A dialog whose layout follows the terminal's size (`fit`), from its first frame.

    Set at the first resize only, the classes for a small terminal laid the dialog out
    again after a first frame drawn for a large one, and the terminal kept cells of that
    frame: at 50x15 the copy-by-hand text showed "for our guests / guests @Safe…", a
    word twice where it was once. So `fit` runs at mount, before anything is drawn, and
    again at each resize.
    """

    def fit(self, size: Size) -> None:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.fit(cast(Widget, self).app.size)

    def on_resize(self, event: events.Resize) -> None:
        self.fit(event.size)


class Dialog(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss_dialog", "Close", id="close")]

    def __init__(self, words: Words) -> None:
        super().__init__()
        self.words = words
        reword(self, words)

    def action_dismiss_dialog(self) -> None:
        self.dismiss(None)


class ConfirmDialog(FitsTheTerminal, ModalScreen[bool]):
    """A yes-or-no question whose "yes" no stray key can give.

    The focus starts on the cancel button, so enter (or the key that opened the dialog,
    pressed again) never confirms: only `y` (`o` in French too) or the confirm button
    itself does. Dismissed with True when confirmed.
    """

    BINDINGS = [
        # `o` too: "oui" in French.
        Binding("y,o", "confirm", "Yes", id="confirm", show=False),
        Binding("n,escape", "cancel", "No", id="cancel", show=False),
    ]
    AUTO_FOCUS = "#cancel"

    def __init__(self, words: Words, title: str, body: str, confirm: str, *,
                 answered: Callable[[bool], None] | None = None,
                 quitting: bool = False) -> None:
        """`answered` is called with the answer as the key is handled, before the dialog
        goes: a key pressed right after the yes meets what the yes did (a copy on its
        way), never the question again. `quitting`: the question is whether to quit
        (ctrl+q answers any other question no, and goes on quitting)."""
        super().__init__()
        self.words = words
        reword(self, words)
        self.title_text = title
        self.body = body
        self.confirm_text = confirm
        self._answered = answered
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="dialog", classes="-confirm"):
            yield Label(self.title_text, id="dialog-title", markup=False)
            with VerticalScroll(id="confirm-scroll"):
                yield Static(literal(self.body), id="confirm-body")
            yield Label(words("screen.confirm_hint"), id="dialog-hint", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(words("screen.cancel"), id="cancel")
                yield Button(self.confirm_text, id="confirm", variant="warning")

    def fit(self, size: Size) -> None:
        # A split pane (50x15): the buttons one line each, their labels whole under a
        # body that scrolls (a long question cut the labels in half, the hint stayed).
        short = size.height < 20
        self.set_class(short, "-short")
        for button in self.query(Button):
            button.compact = short

    def reword(self, title: str, body: str) -> None:
        """The question's facts brought up to date while it is open (`Confirm.follow`)."""
        self.title_text, self.body = title, body
        if self.is_mounted:
            set_content(self.query_one("#dialog-title", Label), literal(title))
            set_content(self.query_one("#confirm-body", Static), literal(body))

    def withdraw(self) -> None:
        """What it asked about is gone: it closes, unanswered (a yes now would act on
        what is no longer so)."""
        self._answered = None
        if self.is_current:
            self.dismiss(False)

    def on_key(self, event: events.Key) -> None:
        """A key the question does not take says so, in the hint's place: fifteen `c`
        pressed at a forgotten dialog must not do nothing silently."""
        if event.is_printable and event.character not in (None, " ", "y", "o", "n"):
            self.query_one("#dialog-hint", Label).update(
                literal(self.words("screen.confirm_swallowed", pressed=event.character)))
            self.query_one("#dialog-hint", Label).add_class("-swallowed")

    def action_confirm(self) -> None:
        self._answer(True)

    def action_cancel(self) -> None:
        self._answer(False)

    @on(Button.Pressed, "#confirm")
    def _confirm(self) -> None:
        self._answer(True)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self._answer(False)

    def _answer(self, yes: bool) -> None:
        answered, self._answered = self._answered, None  # one answer, even if pressed twice
        if answered is not None:
            answered(yes)
        if self.is_current:
            self.dismiss(yes)


class PostDialog(FitsTheTerminal, Dialog):
    """A post of the conversation whole: who, when, what the room makes of it, every
    word, and its link (`o` opens it, or copies it where no browser can)."""

    BINDINGS = [Binding("o", "open", "Open", id="open_post")]

    def __init__(self, words: Words, title: str, marks: str, text: str, url: str | None,
                 on_open: Callable[[str], None]) -> None:
        super().__init__(words)
        self.title_text = title
        self.marks = marks
        self.text = text
        self.url = url
        self.on_open = on_open

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="dialog", classes="-post"):
            yield Label(literal(self.title_text), id="dialog-title")
            if self.marks:
                yield Label(literal(self.marks), id="post-marks")
            with VerticalScroll(id="post-scroll"):
                yield Static(literal(self.text), id="post-text")
            link = self.url or words("screen.post_no_link")
            yield Static(literal(link, "underline" if self.url else "$text-muted"),
                         id="post-link")
            yield Label(words("screen.post_hint" if self.url else "screen.post_hint_no_link"),
                        id="dialog-hint", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(words("screen.close"), id="close", variant="primary")

    def on_mount(self) -> None:
        if self.url:
            from textual.style import Style

            link = self.query_one("#post-link", Static)
            link.update(literal(self.url, "underline").stylize(Style(link=self.url)))

    def fit(self, size: Size) -> None:
        self.set_class(size.height < 20, "-short")

    def action_open(self) -> None:
        if self.url:
            self.on_open(self.url)
        self.dismiss(None)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class ReadDialog(Dialog):
    """A text to read and close: what a rehearsal's `P` would have sent."""

    AUTO_FOCUS = "#close"

    def __init__(self, words: Words, title: str, body: str) -> None:
        super().__init__(words)
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="-read"):
            yield Label(self.title_text, id="dialog-title", markup=False)
            with VerticalScroll(id="read-scroll"):
                yield Static(literal(self.body), id="read-text")
            with Horizontal(id="dialog-buttons"):
                yield Button(self.words("screen.close"), id="close", variant="primary")

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class ManualCopyDialog(FitsTheTerminal, Dialog):
    """Last resort: the text, selected, to be copied with the terminal's own shortcut."""

    def __init__(self, text: str, words: Words) -> None:
        super().__init__(words)
        self.text = text

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="dialog", classes="-manual"):
            yield Label(words("screen.manual_title"), id="dialog-title", markup=False)
            yield Label(words("screen.manual_hint"), id="dialog-hint", markup=False)
            # What is selected here is what gets copied: the text as the clipboard gets it.
            yield TextArea(for_copy(self.text), id="manual-text", read_only=True,
                           soft_wrap=True)
            with Horizontal(id="dialog-buttons"):
                yield Button(words("screen.close"), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#manual-text", TextArea).select_all()

    def fit(self, size: Size) -> None:
        # A split pane (50x15): the text takes what the title, hint and button leave,
        # and the close button stays on screen.
        self.set_class(size.height < 20, "-short")

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
