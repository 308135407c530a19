"""The dialogs that list: planned versus actual (the report), the plan's problems,
every key (help)."""
from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalGroup, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Button, Label, Static

from tui.core.plan.problems import Problem
from tui.core.run.report import Report
from tui.core.text.controls import visible
from tui.core.text.words import Words
from tui.screens.dialogs import Dialog, FitsTheTerminal
from tui.screens.keys import APP_KEYS, Key
from tui.widgets.literal import literal


class ReportDialog(FitsTheTerminal, Dialog):
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

    def fit(self, size: Size) -> None:
        # A split pane (50x15): the rows matter most; escape closes it, the log path is
        # in `tchat report`.
        self.set_class(size.height < 20, "-short")
        self.set_class(size.width < 60, "-narrow")

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class ProblemsDialog(Dialog):
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


class HelpDialog(FitsTheTerminal, Dialog):
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

    def fit(self, size: Size) -> None:
        # Too narrow for three columns: each description goes under its key's name.
        self.set_class(size.width < 60, "-narrow")
        self.set_class(size.height < 20, "-short")
        self.set_class(size.height >= 34, "-tall")
        # Under the run-sheet's header and countdown: 9 lines, 8 when short, 6 in a split
        # pane (tui/app.tcss).
        self.set_class(size.height < 30, "-below-short")
        self.set_class(size.height < 30 and size.width < 64, "-below-tiny")

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
