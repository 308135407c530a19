"""The dialogs: edit a template, compose a quick reply, keep a highlight, copy by hand,
planned versus actual, what a rehearsal's `P` would send, help."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalGroup, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from tui.core.counting.result import Count
from tui.core.plan.drafts import DraftBook
from tui.core.plan.naming import count_line, cue_name
from tui.core.plan.problems import Problem
from tui.core.run.plansource import Row
from tui.core.run.report import Report
from tui.core.text.controls import for_copy, has_unsafe, visible
from tui.core.text.placeholders import KNOWN_PLACEHOLDERS, unknown_placeholders
from tui.core.text.words import Words
from tui.screens.keys import APP_KEYS, Key, reword
from tui.widgets.inorder import InOrderInput, InOrderTextArea
from tui.widgets.literal import literal, set_content, with_overflow
from tui.widgets.panes import OVERFLOW_STYLE


class _Dialog(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss_dialog", "Close", id="close")]

    def __init__(self, words: Words) -> None:
        super().__init__()
        self.words = words
        reword(self, words)

    def action_dismiss_dialog(self) -> None:
        self.dismiss(None)


class EditDialog(_Dialog):
    """Edit a cue's template; the preview shows the filled draft, counted, overflow marked."""

    # Not a priority binding: the text field runs it in the order it was typed, after
    # the characters before it (`tui.widgets.inorder`), never ahead of them.
    BINDINGS = [Binding("ctrl+s", "save", "Save", id="save")]

    def __init__(
        self, book: DraftBook, row: Row, words: Words, on_save: Callable[[str], None]
    ) -> None:
        """`book` fills and counts the draft as it is typed."""
        super().__init__(words)
        self.book = book
        self.row = row
        self.on_save = on_save

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="dialog", classes="-edit"):
            label = cue_name(self.row.cue, words, self.row.draft)
            yield Label(words("screen.edit_title", label=label), id="dialog-title", markup=False)
            yield InOrderTextArea(visible(self.row.cue.template), id="edit-area",
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

    def on_mount(self) -> None:
        # At the end of the text, as in any field that opens filled in: typing adds to
        # it instead of landing before its first word.
        area = self.query_one("#edit-area", TextArea)
        area.move_cursor(area.document.end)
        self._refresh_count()

    @on(TextArea.Changed, "#edit-area")
    def _refresh_count(self) -> None:
        area = self.query_one("#edit-area", TextArea)
        if has_unsafe(area.text):  # pasted: shown as symbols, never drawn raw
            area.load_text(visible(area.text))
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


class ConfirmDialog(ModalScreen[bool]):
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
                 answered: Callable[[bool], None] | None = None) -> None:
        """`answered` is called with the answer as the key is handled, before the dialog
        goes: a key pressed right after the yes meets what the yes did (a copy on its
        way), never the question again."""
        super().__init__()
        self.words = words
        reword(self, words)
        self.title_text = title
        self.body = body
        self.confirm_text = confirm
        self._answered = answered

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="dialog", classes="-confirm"):
            yield Label(self.title_text, id="dialog-title", markup=False)
            yield Static(literal(self.body), id="confirm-body")
            yield Label(words("screen.confirm_hint"), id="dialog-hint", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(words("screen.cancel"), id="cancel")
                yield Button(self.confirm_text, id="confirm", variant="warning")

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


def _without_controls(field: Input) -> str:
    """The field's value, after dropping any control a paste brought in: it would reach
    the terminal raw, and neither a reply nor a highlight has a use for one."""
    if has_unsafe(field.value):
        field.value = for_copy(field.value)
    return field.value


class ReplyDialog(_Dialog):
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


class PostDialog(_Dialog):
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

    def on_resize(self) -> None:
        self.set_class(self.size.height < 20, "-short")

    def action_open(self) -> None:
        if self.url:
            self.on_open(self.url)
        self.dismiss(None)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class HighlightDialog(_Dialog):
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


class ReportDialog(_Dialog):
    """Planned versus actual: the very table `tchat report` prints."""

    AUTO_FOCUS = "#report-scroll"  # arrows and page keys scroll a long run at once

    def __init__(self, report: Report, words: Words, *, rehearsal: bool, log_path: Path) -> None:
        super().__init__(words)
        self.report = report
        self.rehearsal = rehearsal
        self.log_path = log_path

    def compose(self) -> ComposeResult:
        # Imported here: the table lives with the command, which the run-sheet otherwise
        # never needs at start-up.
        from tui.report_table import report_summary, report_table, report_title

        words = self.words
        with Vertical(id="dialog", classes="-report"):
            yield Label(visible(report_title(self.report, words, rehearsal=self.rehearsal)),
                        id="dialog-title", markup=False)
            with VerticalScroll(id="report-scroll"):
                yield Static(report_table(self.report, words), id="report-table")
            yield Static(Content("\n").join(
                Content.from_rich_text(line) for line in report_summary(self.report, words)
            ), id="report-summary")
            yield Static(literal(words("screen.report_log", path=str(self.log_path))),
                         id="report-log")
            with Horizontal(id="dialog-buttons"):
                yield Button(words("screen.close"), id="close", variant="primary")

    def on_resize(self) -> None:
        # A split pane (50x15): the rows matter most; escape closes it, the log path is
        # in `tchat report`.
        self.set_class(self.size.height < 20, "-short")
        self.set_class(self.size.width < 60, "-narrow")

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class ProblemsDialog(_Dialog):
    """The plan's errors, as `tchat check` says them, before the run-sheet is used."""

    AUTO_FOCUS = "#close"

    def __init__(self, words: Words, path: Path, problems: list[Problem]) -> None:
        super().__init__(words)
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        words = self.words
        lines = [
            f"{self.path.name}{f':{p.line}' if p.line else ''}: {p.field}: "
            f"{p.text(self.words.language)}"
            for p in self.problems
        ]
        with Vertical(id="dialog", classes="-problems"):
            yield Label(words("screen.plan_errors_title", n=len(self.problems)), id="dialog-title",
                        markup=False)
            with VerticalScroll(id="problems-scroll"):
                yield Static(literal("\n".join(lines)), id="problems-text")
            yield Label(words("screen.plan_errors_hint", path=str(self.path)), id="dialog-hint",
                        markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(words("screen.close"), id="close", variant="primary")

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class ReadDialog(_Dialog):
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


class ManualCopyDialog(_Dialog):
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

    def on_resize(self) -> None:
        # A split pane (50x15): the text takes what the title, hint and button leave,
        # and the close button stays on screen.
        self.set_class(self.size.height < 20, "-short")

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class HelpDialog(_Dialog):
    """Every key, from the same list as the footer and the palette.

    One row per key: the key, its name, what it does. A long description wraps inside
    its own column, never back under the key, so no line reads as a stray label.
    """

    BINDINGS = [Binding("question_mark", "dismiss_dialog", "Close", id="close", show=False)]

    def __init__(self, words: Words, log_path: Path, keys: tuple[Key, ...]) -> None:
        super().__init__(words)
        self.log_path = log_path
        self.keys = keys

    def compose(self) -> ComposeResult:
        words = self.words
        with Vertical(id="dialog", classes="-help"):
            yield Label(words("screen.help_title"), id="dialog-title", markup=False)
            with VerticalScroll(id="help-scroll"):
                yield Static(literal(words("screen.help_intro")), id="help-intro")
                with Vertical(id="help-keys"):
                    for key in (k for k in (*self.keys, *APP_KEYS) if k.in_help):
                        with HorizontalGroup(classes="help-row"):
                            yield Label(key.key_display or key.key, classes="help-key",
                                        markup=False)
                            with HorizontalGroup(classes="help-entry"):
                                yield Label(words(f"key.{key.id}"), classes="help-name",
                                            markup=False)
                                yield Static(words(f"help.{key.id}"), classes="help-text",
                                             markup=False)
                yield Static(literal(words("screen.help_log", path=str(self.log_path))),
                             id="help-log")
            with Horizontal(id="dialog-buttons"):
                yield Button(words("screen.close"), id="close", variant="primary")

    def on_resize(self) -> None:
        # Too narrow for three columns: each description goes under its key's name.
        self.set_class(self.size.width < 64, "-narrow")
        self.set_class(self.size.height < 20, "-short")
        self.set_class(self.size.width < 60, "-narrow")
        self.set_class(self.size.height >= 34, "-tall")
        # Under the run-sheet's header and countdown: 9 lines, 8 when short, 6 in a split
        # pane (tui/app.tcss).
        self.set_class(self.size.height < 30, "-below-short")
        self.set_class(self.size.height < 30 and self.size.width < 64, "-below-tiny")

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
