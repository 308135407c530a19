"""`tchat drafts PLAN`: every cue's draft, with its planned time and its count."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from tui.commands.console import safe_console
from tui.commands.output import ENGLISH, EXIT_OK, EXIT_PROBLEMS, error_console, render_problems
from tui.core.plan.check import placeholder_problems
from tui.core.plan.drafts import Draft, DraftBook
from tui.core.plan.naming import cue_name
from tui.core.plan.planfile import load_plan, read_plan_text
from tui.core.plan.problems import PlanError
from tui.core.text.controls import visible
from tui.core.text.words import Words
from tui.core.timing.clocktime import clock_time


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "drafts",
        help=summary,
        description=(
            "Print every cue's draft as it will be pasted, with its planned time and the "
            "count the platform will show. Exit 1 when a draft is over the limit or "
            "still holds an unknown placeholder."
        ),
    )
    parser.add_argument("plan", type=Path, metavar="PLAN", help="the plan's TOML file")
    parser.set_defaults(func=run)


def draft_text(draft: Draft) -> Text:
    """The draft with the part past the limit marked, shown literally (no markup)."""
    text = Text(visible(draft.text))  # one for one: the overflow index still holds
    overflow = draft.count.overflow_index
    if overflow is not None:
        text.stylize("bold white on red", overflow)
    return text


def run(args: argparse.Namespace) -> int:
    console = safe_console()
    path: Path = args.plan
    try:
        # Only the drafts are shown: `tchat check` is the one that lists a plan's problems.
        plan = load_plan(path)
    except PlanError as error:
        render_problems(error_console(), str(path),
                        error.problems)
        return EXIT_PROBLEMS
    book = DraftBook(plan)
    chat = plan.chat
    # Cue names as the run-sheet and the report give them: "Rappel Q3" in a French plan.
    words = Words(chat.language)
    table = Table(
        # visible() here: Rich drops BEL, BS and CR from a Text before the console sees
        # them, so the title would lose the symbol its cells show.
        title=Text(visible(f"{chat.title} · {chat.tag} · {chat.platform}")),
        show_lines=True, expand=True,
    )
    table.add_column("time", no_wrap=True)
    table.add_column("cue", no_wrap=True)
    table.add_column("draft", ratio=1)
    table.add_column("count", justify="right", no_wrap=True)
    over = 0
    for draft in book.drafts:
        counted = draft.count
        fits = counted.valid
        over += not fits
        count_text = Text(f"{counted.length}/{counted.limit}",
                          style="green" if fits else "bold red")
        local = draft.cue.at.astimezone(chat.zone)
        when = clock_time(local, chat.zone)
        if local.date() != chat.start_at.astimezone(chat.zone).date():
            when = f"{local:%d/%m} {when}"
        table.add_row(
            Text(when),
            Text(cue_name(draft.cue, words, draft)),
            draft_text(draft),
            count_text,
        )
    console.print(table)
    # A draft still holding `{recap_link}` would be pasted with the braces in it: an
    # error. `{recap_url}` not set yet is only a warning (the recap goes online days
    # after the chat, as `tchat check` says), shown but not a failure.
    found = placeholder_problems(plan, read_plan_text(path))
    if found:
        render_problems(error_console(), str(path), found)
    unknown = [problem for problem in found if problem.is_error]
    if over:
        console.print(Text(ENGLISH("cli.drafts_over", n=over), style="bold red"))
    return EXIT_PROBLEMS if over or unknown else EXIT_OK

