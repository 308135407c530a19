"""The dialogs that take text, counted as the network will count it: a template's
edit, a quick reply, a highlight kept."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.widgets import Button, Input, Label, Static, TextArea

from tui.core.counting.result import Count
from tui.core.plan.drafts import DraftBook
from tui.core.plan.naming import count_line, cue_name
from tui.core.run.plansource import Row
from tui.core.text.controls import for_copy, has_unsafe, visible
from tui.core.text.placeholders import KNOWN_PLACEHOLDERS, unknown_placeholders
from tui.core.text.words import Words
from tui.screens.dialogs import Dialog, FitsTheTerminal
from tui.widgets.inorder import InOrderInput, InOrderTextArea
from tui.widgets.literal import literal, with_overflow
from tui.widgets.panes import OVERFLOW_STYLE


class EditDialog(FitsTheTerminal, Dialog):
    """Edit a cue's template; the preview shows the filled draft, counted, overflow marked."""

    # Not a priority binding: the text field runs it in the order it was typed, after
    # the characters before it (`tui.widgets.inorder`), never ahead of them.
    BINDINGS = [Binding("ctrl+s", "save", "Save", id="save")]

    def __init__(
        self, book: DraftBook, row: Row, words: Words, on_save: Callable[[str], None], *,
        template: str | None = None, left_out: tuple[str, ...] = ()
    ) -> None:
        """`book` fills and counts the draft as it is typed. `template`: the text to
        edit (the run desk's `EditForm`: as it is copied, without its control
        characters, whose names are `left_out`); the row's template when None."""
        super().__init__(words)
        self.book = book
        self.row = row
        self.on_save = on_save
        self.template = row.cue.template if template is None else template
        self.left_out = left_out

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="dialog", classes="-edit"):
            label = cue_name(self.row.cue, words, self.row.draft)
            yield Label(words("screen.edit_title", label=label), id="dialog-title", markup=False)
            if self.left_out:
                yield Static(literal(words(
                    "screen.edit_left_out", n=len(self.left_out),
                    names=", ".join(dict.fromkeys(self.left_out)))), id="edit-left-out")
            yield InOrderTextArea(visible(self.template), id="edit-area",
                                  soft_wrap=True, show_line_numbers=False)
            with Horizontal(id="edit-count-row"):
                yield Label(id="edit-count", markup=False)
            yield Static(id="edit-problem", markup=False)
            with VerticalScroll(id="edit-preview-scroll"):
                yield Static(id="edit-preview", markup=False)
            yield Label(words("screen.edit_hint"), id="dialog-hint", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(words("screen.cancel"), id="cancel")
                yield Button(words("screen.save"), id="save", variant="primary")

    def fit(self, size: Size) -> None:
        # A split pane (50x15): what was left out takes one line, so the count under
        # the text stays in view.
        self.set_class(size.height < 20 and bool(self.left_out), "-short-note")

    def on_mount(self) -> None:
        # At the end of the text, as in any field that opens filled in: typing adds to
        # it instead of landing before its first word.
        area = self.query_one("#edit-area", TextArea)
        area.move_cursor(area.document.end)
        self._refresh_count()

    @on(TextArea.Changed, "#edit-area")
    def _refresh_count(self) -> None:
        area = self.query_one("#edit-area", TextArea)
        if has_unsafe(area.text):  # pasted: left out, as the copy would (never drawn raw)
            area.load_text(for_copy(area.text))
        template = area.text
        cue = dataclasses.replace(self.row.cue, template=template)
        text = self.book.text_for(cue)
        counted = self.book.count(text)
        self.query_one("#edit-count", Label).update(count_line(counted, self.words))
        self.query_one("#edit-count-row").set_class(not counted.valid, "-over-limit")
        self.query_one("#edit-preview", Static).update(
            with_overflow(text, counted.overflow_index, OVERFLOW_STYLE)
        )
        problem = self.query_one("#edit-problem", Static)
        unknown = unknown_placeholders(template)
        # Flagged as it is typed: a plan holding `{recap_link}` fails `tchat check`.
        problem.display = bool(unknown)
        if unknown:
            problem.update(literal(self.words(
                "screen.unknown_placeholders",
                names=", ".join(f"{{{name}}}" for name in unknown),
                known=" ".join(f"{{{name}}}" for name in KNOWN_PLACEHOLDERS),
            )))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        text = self.query_one("#edit-area", TextArea).text.strip()
        unknown = unknown_placeholders(text)
        if unknown:
            # Never save a text that makes the plan unusable: the dialog stays open.
            self.notify(self.words("screen.not_saved_placeholders",
                                   names=", ".join(f"{{{name}}}" for name in unknown)),
                        severity="error", timeout=8)
            return
        if text:
            self.on_save(text)
        self.dismiss(None)


def _without_controls(field: Input) -> str:
    """The field's value, after dropping any control a paste brought in: it would reach
    the terminal raw, and neither a reply nor a highlight has a use for one."""
    if has_unsafe(field.value):
        field.value = for_copy(field.value)
    return field.value


class ReplyDialog(Dialog):
    """A quick reply: the tag is already there, the count is live, enter copies it (or
    posts it as a reply on the post's network, when the plan has an account there)."""

    def __init__(self, book: DraftBook, words: Words, on_send: Callable[[str], None],
                 mention: str = "", *, text: str = "",
                 count: Callable[[str], Count] | None = None, posts: bool = False) -> None:
        """`book` counts the reply as it is typed (or `count`, as the network it goes to
        counts); its plan's tag ends it. `text`: a whole text to start from (a welcome),
        the cursor at its end. `posts`: enter posts it rather than copying it."""
        super().__init__(words)
        self.book = book
        self.on_send = on_send
        self.mention = mention
        """`@author` of the post replied to, before the text (the tag ends it)."""
        self.text = text
        self.count = count or book.count
        self.posts = posts

    def compose(self) -> ComposeResult:
        words = self.words
        tag = self.book.plan.chat.tag
        with Vertical(id="dialog", classes="-reply"):
            yield Label(words("screen.welcome_title" if self.text else "screen.reply_title"),
                        id="dialog-title", markup=False)
            start = f"{self.mention} " if self.mention else ""
            value = self.text or f"{start} {tag}"
            yield InOrderInput(value=visible(value), id="reply-input", select_on_focus=False)
            with Horizontal(id="edit-count-row"):
                yield Label(id="reply-count", markup=False)
            yield Static(id="reply-preview", markup=False)
            yield Label(words("screen.reply_hint_post" if self.posts else "screen.reply_hint"),
                        id="dialog-hint", markup=False)

    def on_mount(self) -> None:
        field = self.query_one("#reply-input", Input)
        # Type after the mention, before the tag; after a whole text, at its end.
        if self.text:
            # After the first layout: only then does the field know how far to scroll
            # for the end (a welcome wider than the field showed its start, tag unseen).
            def to_the_end() -> None:
                field.action_home()  # a move: the field scrolls to follow the cursor
                field.action_end()

            self.call_after_refresh(to_the_end)
        else:
            field.cursor_position = len(self.mention) + 1 if self.mention else 0
        self._refresh_count()

    @on(Input.Changed, "#reply-input")
    def _refresh_count(self) -> None:
        text = _without_controls(self.query_one("#reply-input", Input))
        counted = self.count(text.strip())
        self.query_one("#reply-count", Label).update(count_line(counted, self.words))
        self.query_one("#edit-count-row").set_class(not counted.valid, "-over-limit")
        self.query_one("#reply-preview", Static).update(
            with_overflow(text.strip(), counted.overflow_index, OVERFLOW_STYLE)
            if not counted.valid else ""
        )

    @on(Input.Submitted, "#reply-input")
    def _send(self) -> None:
        text = self.query_one("#reply-input", Input).value.strip()
        if text and text != self.book.plan.chat.tag:
            self.on_send(text)
        self.dismiss(None)


class HighlightDialog(Dialog):
    """A link or a quote of a notable post, kept under a question for the recap."""

    def __init__(self, words: Words, label: str | None, on_save: Callable[[str], None]) -> None:
        super().__init__(words)
        self.label = label
        self.on_save = on_save

    def compose(self) -> ComposeResult:
        words = self.words
        title = (words("screen.highlight_title", label=self.label) if self.label
                 else words("screen.highlight_title_loose"))
        with Vertical(id="dialog", classes="-highlight"):
            yield Label(title, id="dialog-title", markup=False)
            yield InOrderInput(id="highlight-input")
            yield Label(words("screen.highlight_hint"), id="dialog-hint", markup=False)

    @on(Input.Changed, "#highlight-input")
    def _clean(self) -> None:
        _without_controls(self.query_one("#highlight-input", Input))

    @on(Input.Submitted, "#highlight-input")
    def _save(self) -> None:
        text = self.query_one("#highlight-input", Input).value.strip()
        if text:
            self.on_save(text)
        self.dismiss(None)
