"""What several commands print the same way: a plan's problems, a log's skipped lines.

Its own module, light to import: `tchat run` needs it only when a plan does not load,
and importing `tchat check` for it would load every check before the first frame.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from tui.core.problems import Problem
from tui.core.words import Words

ENGLISH = Words("en")
"""The words of the command line's diagnostics, which are in English like `tchat check`."""


def render_problems(console: Console, file_name: str, problems: list[Problem]) -> None:
    for problem in problems:
        style = "bold red" if problem.is_error else "yellow"
        label = "error" if problem.is_error else "warning"
        field = f"{problem.field}: " if problem.field else ""
        console.print(Text.assemble(
            (problem.location(file_name), "bold"), ": ", (label, style), ": ", field,
            problem.message,
        ))


def report_plan_error(path: Path, problems: list[Problem]) -> None:
    """A plan that did not load, said on stderr: what `run` and `rehearse` print, whether
    it failed before the screen opened or just after its first frame."""
    render_problems(Console(stderr=True, highlight=False, soft_wrap=True), str(path), problems)


def warn_skipped(console: Console, log: Path, lines: list[int]) -> None:
    """Say which lines of a run log were not events (read on without them)."""
    if lines:
        shown = ", ".join(str(n) for n in lines[:5]) + ("…" if len(lines) > 5 else "")
        console.print(Text.assemble(
            (f"{log}: ", "bold"), ("warning", "yellow"),
            ": " + ENGLISH("cli.lines_skipped", n=len(lines), shown=shown),
        ))
