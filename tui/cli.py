"""The `tchat` command: argparse front door, Rich for non-TUI output.

Each subcommand lives in `tui.commands.<name>` and exposes `register(subparsers)`,
which adds its parser and sets `func` to a callable taking the parsed namespace and
returning an exit code. Exit codes: 0 ok, 1 problems found, 2 usage errors.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from tui import __version__, startup
from tui.commands.exits import EXIT_USAGE, CommandError

# Order is the order shown in `tchat --help`, with the line it shows for each. The
# lines live here, not in the command modules, so that `tchat --help` and `tchat run`
# import no command but the one they need: importing `export` alone loads icalendar,
# and every millisecond before the run-sheet's first frame is the moderator's.
COMMANDS: dict[str, str] = {
    "run": "open a plan's live run-sheet (the default command)",
    "rehearse": "rehearse a chat offline on a simulated clock (nothing is posted)",
    "new": "write a new plan that follows the guide",
    "check": "validate a plan and list every problem",
    "drafts": "print every post draft with its time and character count",
    "count": "count a post's characters as the platform does",
    "report": "planned versus actual time of every cue, from the live log or a rehearsal",
    "export": "write a guest brief, calendar event, recap, transcript... from a plan",
    "series": "compare a regular chat's editions: people, first-timers, returning, answers",
    "feed": "print the tag's conversation as the plan's [feed] reads it (checks the connection)",
    "post": "post a cue on the plan's Bluesky and Mastodon accounts, once",
    "login": "keep a posting account's app password or token in the system keyring",
}

# The commands that open the run-sheet, which turns the garbage collector back on.
SCREEN_COMMANDS = frozenset({"run", "rehearse"})

class _Parser(argparse.ArgumentParser):
    commands: dict[str, argparse.ArgumentParser]
    """The top-level parser's subcommands by name (set by `build_parser`)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse exits 2 on its own; we only make the message say how to get help.
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\nTry '{self.prog} --help'.\n")


def build_parser(
    command: str | None = None, *, implicit_run: bool = False
) -> tuple[_Parser, set[str]]:
    """The parser, and the names of the subcommands it knows.

    With `command`, only that subcommand's module is imported and given its full parser;
    the others are listed with their help line only, which is all `tchat --help` shows.
    With `implicit_run`, the user typed `tchat [PLAN] ...` without the word `run`: its
    usage and errors say `tchat`, the command they typed.
    """
    parser = _Parser(
        prog="tchat",
        description=(
            "A terminal run-sheet for hashtag chats. With no command, opens the bundled demo "
            "plan in French (`tchat --lang en`: in English); with a plan file, opens its "
            "run-sheet (`tchat run --help`: its --lang)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"tchat {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, summary in COMMANDS.items():
        if command is None or name == command:
            module = importlib.import_module(f"tui.commands.{name}")
            module.register(subparsers, summary)
            if implicit_run and name == "run":
                subparsers.choices[name].prog = parser.prog
        else:
            subparsers.add_parser(name, help=summary, add_help=False)
    parser.commands = dict(subparsers.choices)
    return parser, set(COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    known = set(COMMANDS)
    # `tchat` alone opens the demo; `tchat PLAN` is short for `tchat run PLAN`.
    # Options of the top-level parser itself; anything else starting with "-" (such as
    # `tchat --lang en`) belongs to `run`.
    top_level = {"-h", "--help", "--version"}
    implicit_run = not args_list or (
        args_list[0] not in known and args_list[0] not in top_level)
    if implicit_run:
        if args_list and _looks_like_a_command(args_list[0]):
            return _unknown_command(args_list[0])
        args_list = ["run", *args_list]
    chosen = args_list[0] if args_list[0] in known else None
    if chosen not in SCREEN_COMMANDS:
        startup.collector_on()  # off since tui.launch; a screen turns it on later
    parser, _known = build_parser(chosen, implicit_run=implicit_run)
    args, unknown = parser.parse_known_args(args_list)
    if unknown:
        # argparse leaves a subcommand's unknown words to the top-level parser, whose
        # usage (`tchat [-h] [--version] COMMAND`) does not help with `tchat new --frm`.
        typed = parser.commands.get(chosen or "", parser)
        typed.error(f"unrecognized arguments: {' '.join(unknown)}")
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = func(args)
    except CommandError as error:
        # Here, not at the top: output loads the words, which a command that ends well
        # (a script's `tchat count --jsonl`) never needs.
        from tui.commands.output import print_error

        print_error(str(error))
        return error.code
    except KeyboardInterrupt:
        return 130
    return code


def _looks_like_a_command(word: str) -> bool:
    """A bare word that names no file (`tchat rehaerse`): a mistyped command, not a plan
    that does not exist."""
    return (not word.startswith("-") and "/" not in word and "." not in word
            and not os.path.exists(word))  # os.path: pathlib costs every command 3 ms


def _unknown_command(word: str) -> int:
    import difflib  # only for a mistyped command: never before the run-sheet's first frame

    from tui.commands.output import print_error

    close = difflib.get_close_matches(word, list(COMMANDS), n=1)
    hint = f" Did you mean `tchat {close[0]}`?" if close else ""
    print_error(
        f"'{word}' is neither a command nor a plan file.{hint} "
        f"Commands: {', '.join(COMMANDS)}. See `tchat --help`."
    )
    return EXIT_USAGE


if __name__ == "__main__":
    # `python -m tui.cli`; `tchat` and `python -m tui` come in through `tui.launch`.
    sys.exit(main())
