"""`tchat drafts PLAN [--network NAME] [--jsonl]`: every cue's draft, with its planned time
and its count, on each of the plan's networks.

`--jsonl` prints one JSON object per cue and network, in posting order (each cue on the
plan's networks in their order): `{"cue", "id", "network", "at", "text",
"weighted_length", "limit", "valid"}`. `text` is the draft exactly as counted; the
characters a terminal would act on (DEL, C1 controls, bidirectional overrides) are
escaped as JSON escapes, as JSON already escapes the C0 controls.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from tui.commands.console import safe_console
from tui.commands.output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    error_console,
    render_problems,
    said,
)
from tui.core.plan.check import placeholder_problems
from tui.core.plan.drafts import Draft, DraftBook
from tui.core.plan.model import Chat
from tui.core.plan.naming import cue_name
from tui.core.plan.networks import NETWORKS
from tui.core.plan.planfile import load_plan, read_plan_text
from tui.core.plan.problems import PlanError
from tui.core.text.controls import UNSAFE, visible
from tui.core.text.words import Words
from tui.core.timing.clocktime import clock_time


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "drafts",
        help=summary,
        description=(
            "Print every cue's draft as it will be pasted, with its planned time and the "
            "count the platform will show, on each of the plan's networks. Exit 1 when a "
            "draft is over the limit or still holds an unknown placeholder."
        ),
    )
    parser.add_argument("plan", type=Path, metavar="PLAN", help="the plan's TOML file")
    parser.add_argument(
        "--network", metavar="NAME",
        help="only the drafts on this one of the plan's networks (x, bluesky...)",
    )
    parser.add_argument(
        "--jsonl", action="store_true",
        help="one JSON object per cue and network: cue, id, network, at, text, "
             "weighted_length, limit, valid",
    )
    parser.set_defaults(func=run)


def draft_text(draft: Draft) -> Text:
    """The draft with the part past the limit marked, shown literally (no markup)."""
    text = Text(visible(draft.text))  # one for one: the overflow index still holds
    overflow = draft.count.overflow_index
    if overflow is not None:
        text.stylize("bold white on red", overflow)
    return text


def run(args: argparse.Namespace) -> int:
    path: Path = args.plan
    wanted: str | None = args.network
    if wanted is not None and wanted not in NETWORKS:
        raise UsageError(f"--network {wanted!r}: known networks are {', '.join(NETWORKS)}")
    try:
        # Only the drafts are shown: `tchat check` is the one that lists a plan's problems.
        plan = load_plan(path)
    except PlanError as error:
        render_problems(error_console(), path, error.problems)
        return EXIT_PROBLEMS
    chat = plan.chat
    # Cue names as the run-sheet and the report give them: "Rappel Q3" in a French plan.
    words = Words(chat.language)
    if wanted is not None and wanted not in chat.networks:
        raise UsageError(said(words("cli.network_not_in_plan", network=wanted,
                                    networks=", ".join(chat.networks)), chat.language))
    book = DraftBook(plan)
    networks = (wanted,) if wanted is not None else book.networks
    drafts = [d for d in book.every_draft() if d.network in networks]
    if args.jsonl:
        print_jsonl(drafts, chat, words)
    else:
        print_table(drafts, chat, words, networks)
    over = sum(not d.count.valid for d in drafts)
    # A draft still holding `{recap_link}` would be pasted with the braces in it: an
    # error. `{recap_url}` not set yet is only a warning (the recap goes online days
    # after the chat, as `tchat check` says), shown but not a failure.
    found = placeholder_problems(plan, read_plan_text(path))
    if found:
        render_problems(error_console(), path, found, chat.language)
    unknown = [problem for problem in found if problem.is_error]
    if over and not args.jsonl:
        safe_console().print(Text(said(words("cli.drafts_over", n=over), chat.language),
                                  style="bold red"))
    return EXIT_PROBLEMS if over or unknown else EXIT_OK


def print_table(drafts: list[Draft], chat: Chat, words: Words,
                networks: tuple[str, ...]) -> None:
    several = len(networks) > 1
    table = Table(
        # visible() here: Rich drops BEL, BS and CR from a Text before the console sees
        # them, so the title would lose the symbol its cells show.
        title=Text(visible(f"{chat.title} · {chat.tag} · {', '.join(networks)}")),
        show_lines=True, expand=True,
    )
    table.add_column(words("cli.col_time"), no_wrap=True)
    table.add_column(words("cli.col_cue"), no_wrap=True)
    if several:
        table.add_column(words("cli.col_network"), no_wrap=True)
    table.add_column(words("cli.col_draft"), ratio=1)
    table.add_column(words("cli.col_count"), justify="right", no_wrap=True)
    previous = None
    for draft in drafts:
        counted = draft.count
        count_text = Text(f"{counted.length}/{counted.limit}",
                          style="green" if counted.valid else "bold red")
        local = draft.cue.at.astimezone(chat.zone)
        when = clock_time(local, chat.zone)
        if local.date() != chat.start_at.astimezone(chat.zone).date():
            when = f"{local:%d/%m} {when}"
        name = cue_name(draft.cue, words, draft)
        # A cue's versions follow each other: its time and name once, on the first.
        first = draft.cue.id != previous
        previous = draft.cue.id
        cells = [Text(when if first else ""), Text(name if first or draft.part else "")]
        if several:
            cells.append(Text(draft.network))
        table.add_row(*cells, draft_text(draft), count_text)
    safe_console().print(table)


def print_jsonl(drafts: list[Draft], chat: Chat, words: Words) -> None:
    lines = []
    for draft in drafts:
        counted = draft.count
        lines.append(json_line({
            "cue": cue_name(draft.cue, words, draft),
            "id": draft.id,
            "network": draft.network,
            "at": draft.cue.at.astimezone(chat.zone).isoformat(),
            "text": draft.text,
            "weighted_length": counted.length,
            "limit": counted.limit,
            "valid": counted.valid,
        }))
    sys.stdout.write("".join(lines))
    sys.stdout.flush()


# JSON escapes the C0 controls itself; these it leaves raw, and a terminal acts on them.
_ESCAPED = {ord(c): f"\\u{ord(c):04x}" for c in UNSAFE if ord(c) >= 0x20}


def json_line(data: dict[str, Any]) -> str:
    """One JSON object on one line, readable (accents as they are), with nothing a
    terminal would take for a control sequence."""
    return json.dumps(data, ensure_ascii=False).translate(_ESCAPED) + "\n"
