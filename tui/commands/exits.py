"""How a command ends: its exit codes, and the errors that stop it.

A module of its own that imports nothing: `tui.cli` needs these for every command, and
`tui.commands.output` (which loads the plan's problems and the words tables) would cost
each launch of `tchat count --jsonl`, the command a script runs, a few milliseconds for
three numbers and two classes. `output` re-exports them for the other commands.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """Why a command stopped, said in one line by `tui.cli.main`; exit `code` (1 by
    default)."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.code = code


class UsageError(CommandError):
    """A problem with what the user typed: reported in one line, exit code 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message, EXIT_USAGE)
