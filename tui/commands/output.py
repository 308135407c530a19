"""What every command shares: exit codes, the errors that stop a command, how errors,
a plan's problems and a log's skipped lines are printed, and how an output file is
written without losing one.

`tui.cli` and each `tui.commands.<name>` import from here, never from each other. Its
own module, light to import: `tchat run` needs it only when a plan does not load, and
importing `tchat check` for it would load every check before the first frame.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from tui.commands.exits import EXIT_OK as EXIT_OK
from tui.commands.exits import EXIT_PROBLEMS as EXIT_PROBLEMS
from tui.commands.exits import EXIT_USAGE as EXIT_USAGE
from tui.commands.exits import CommandError as CommandError
from tui.commands.exits import UsageError as UsageError
from tui.core.plan.problems import PlanError, Problem
from tui.core.text.typography import french_post
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words

if TYPE_CHECKING:
    from rich.console import Console

    from tui.core.room.summary import Recording

# Rich (25 ms of imports) is loaded by the functions that print, not here: `tchat count
# --jsonl` imports this module and prints nothing through Rich unless a command fails.

ENGLISH = Words("en")
"""The command line's words before any plan is read (usage, a file that is no plan)."""

def error_console() -> Console:
    """Standard error, for what the moderator reads: never Rich's highlighting, never a
    line cut."""
    from tui.commands.console import safe_console

    return safe_console(stderr=True, soft_wrap=True)


def print_error(message: str) -> None:
    """`tchat: message`, the one line a stopped command leaves on standard error."""
    from rich.text import Text

    error_console().print(Text.assemble(("tchat: ", "bold red"), message))


def write_output(
    path: Path, data: bytes, *, force: bool, example: str, protected: tuple[Path, ...] = ()
) -> None:
    """Write a command's output file (`tchat new PATH`, `tchat export -o FILE`).

    Exit 2 (UsageError) when the path cannot be written as typed: a folder (`example`
    names a file to suggest in it), a file in a folder that does not exist, or one of
    the `protected` files (the plan and its live log: even --force never replaces them,
    a slip of the shell's completion must not cost the plan). Exit 1 (CommandError)
    when the file system says no: the file exists and there is no --force, or the write
    fails. A symlink is written through, so a file kept elsewhere stays there.
    """
    # Here, not at the top: `tchat run` imports this module before its first frame.
    from tui.core.files.atomic import write_atomic

    if path.is_dir():
        raise UsageError(f"{path} is a folder: give a file name, such as {path / example}")
    target = path.resolve()
    for keep in protected:
        if keep.exists() and target == keep.resolve():
            raise UsageError(f"{path} is the plan or its as-run log: choose another file")
    if not path.parent.is_dir():
        raise UsageError(
            f"folder {path.parent} does not exist: create it first, or choose another path"
        )
    try:
        if force:
            write_atomic(target if path.is_symlink() else path, data)
            return
        # "x": created only if absent, in one system call, so a file that appears
        # between a check and the write is not replaced either.
        with path.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except FileExistsError:
        raise CommandError(f"{path} already exists; nothing written. Add --force to replace it.") \
            from None
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None


def said(text: str, language: Language) -> str:
    """A line of the command line in `language`: French gets its no-break spaces before
    `: ; ! ?` (U+00A0, as in posts), so a terminal never breaks a line there."""
    return french_post(text, language)


def render_problems(console: Console, file_name: str | Path, problems: list[Problem],
                    language: Language | None = None) -> None:
    """Each problem on a line, `plan.toml:12: error: questions[3].text: …`: the message in
    `language` (the plan's), or for a plan that did not load in the language its text
    names (`plan_language`). The rest of the line keeps its shape in every language."""
    from rich.text import Text

    if problems and language is None:
        from tui.core.plan.glance import plan_language

        language = plan_language(Path(file_name))
    for problem in problems:
        style = "bold red" if problem.is_error else "yellow"
        label = "error" if problem.is_error else "warning"
        field = f"{problem.field}: " if problem.field else ""
        console.print(Text.assemble(
            (problem.location(str(file_name)), "bold"), ": ", (label, style), ": ", field,
            said(problem.text(language or "en"), language or "en"),
        ))


def report_plan_error(path: Path, problems: list[Problem],
                      language: Language | None = None) -> None:
    """A plan that did not load, said on stderr: what `run` and `rehearse` print, whether
    it failed before the screen opened or just after its first frame; in `language`
    (`--lang`) or the plan's."""
    render_problems(error_console(), path, problems, language)


def warn_skipped(console: Console, log: Path, lines: list[int], words: Words = ENGLISH) -> None:
    """Say which lines of a run log were not events (read on without them), in the plan's
    language (`words`)."""
    from rich.text import Text

    if lines:
        shown = ", ".join(str(n) for n in lines[:5]) + ("…" if len(lines) > 5 else "")
        text = words("cli.lines_skipped", n=len(lines), shown=shown)
        console.print(Text.assemble(
            (f"{log}: ", "bold"), ("warning", "yellow"), ": " + said(text, words.language),
        ))


def warn_feed(console: Console, recording: Recording, words: Words = ENGLISH) -> None:
    """Say why the conversation kept beside the plan is left out (`FILE: error: why`), or
    which of its lines were not posts; nothing when it read well (or there is none). In
    the plan's language (`words`); the file reader's own reason stays in its words."""
    from rich.text import Text

    language = words.language
    if recording.problem is not None:
        console.print(Text.assemble(
            (recording.problem, "yellow"),
            ": " + said(words("cli.feed_left_out_short"), language),
        ))
    elif recording.skipped_lines:
        lines = recording.skipped_lines
        shown = ", ".join(str(n) for n in lines[:5]) + ("…" if len(lines) > 5 else "")
        console.print(Text.assemble(
            (f"{recording.path}: ", "bold"), ("warning", "yellow"),
            ": " + said(words("cli.feed_lines_skipped", n=len(lines), shown=shown),
                        language),
        ))


def refused_without_terminal(plan: Path | None, *, live: bool = False) -> int | None:
    """The exit code when there is no terminal to draw the run-sheet on, else None.

    Seen: run from a script, the app ran at full CPU for ten minutes writing escape
    codes into a file. Without a terminal, a plan's problems are still reported (exit
    1, as `tchat check` would); otherwise exit 2 at once, pointing at the commands
    made for scripts. A `live` run reads its as-run log too, so a log it would refuse
    (a folder, a FIFO, another plan's) is reported the same way.
    """
    from rich.text import Text

    from tui import startup

    missing = startup.terminal_missing()
    if missing is None:
        return None
    if plan is not None:
        from tui.core.plan.planfile import load_plan

        try:
            if live:
                startup.begin(plan)  # the plan and its run log, as the run-sheet reads them
            else:
                load_plan(plan)
        except PlanError as error:
            report_plan_error(plan, error.problems)
            return EXIT_PROBLEMS
    error_console().print(Text(
        f"tchat: error: the run-sheet needs a terminal, and {missing} is not one. "
        "For scripts: tchat drafts PLAN (every post with its count), tchat report PLAN "
        "(planned versus actual), tchat check PLAN."
    ))
    return EXIT_USAGE
