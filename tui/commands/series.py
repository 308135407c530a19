"""`tchat series PLAN... [--csv | --html] [-o FILE] [--force]`: a regular chat's editions.

One row per edition, by start: the questions asked, the posts, the people, the
first-timers and the people who came back, the answers and the answers per question,
each computed as the edition's recap computes them. Given one plan, its editions are
the plans beside it with the same tag (`tchat new NEXT --from LAST` keeps it); given
several, those plans. An edition that cannot be read is a row saying why.

Exit codes: 0 every edition read, 1 one could not be (the rest is still printed) or the
file cannot be written, 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from tui.commands.console import safe_console
from tui.commands.output import EXIT_OK, EXIT_PROBLEMS, UsageError, write_output
from tui.core.exports.series import (
    editions_beside,
    read_edition,
    row_note,
    series_csv,
    series_html,
    series_language,
    series_rows,
    table_cells,
    table_header,
)
from tui.core.run.asrun import log_path_for
from tui.core.text.controls import visible
from tui.core.text.words import Words


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "series",
        help=summary,
        description=(
            "Compare the editions of a regular chat: one row per edition (start, questions "
            "asked, posts, people, first-timers, returning people, answers, answers per "
            "question), from each plan's as-run log and recorded conversation. With one "
            "PLAN, its editions are the plans in the same folder with the same [chat] tag."
        ),
    )
    parser.add_argument("plans", type=Path, nargs="+", metavar="PLAN",
                        help="the editions' plans, in any order (one finds those beside it)")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true",
                      help="CSV for a spreadsheet (columns start, plan, questions_asked, "
                           "posts, people, first_timers, returning, answers, "
                           "answers_per_question, problem)")
    form.add_argument("--html", action="store_true",
                      help="one self-contained HTML page with the table and its charts")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE instead of standard output")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    plans: list[Path] = args.plans
    if args.output is not None and not (args.csv or args.html):
        raise UsageError("-o writes --csv or --html: add one of them")
    paths = editions_beside(plans[0]) if len(plans) == 1 else _once(plans)
    rows = series_rows([read_edition(path) for path in paths])
    language = series_language(rows)
    unreadable = any(row.edition.plan is None for row in rows)
    if args.csv or args.html:
        data = (series_csv(rows) if args.csv else series_html(rows)).encode("utf-8")
        if args.output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            protected = tuple(p for path in paths for p in (path, log_path_for(path)))
            write_output(args.output, data, force=args.force,
                         example="series.csv" if args.csv else "series.html",
                         protected=protected)
            words = Words(language)
            safe_console(stderr=True, soft_wrap=True).print(Text.assemble(
                ("✓ ", "bold green"), words("export.wrote", path=str(args.output),
                                            kind="series")))
        return EXIT_PROBLEMS if unreadable else EXIT_OK
    console = safe_console()
    # Light rules, a space between columns: eight columns fit 80 characters.
    table = Table(title=Text(visible(_title(rows))), expand=False, box=box.SIMPLE_HEAD,
                  padding=0, show_edge=False)
    for index, name in enumerate(table_header(language)):
        # A header wraps between its words, never inside one ("First-t…").
        table.add_column(name, justify="left" if index == 0 else "right",
                         no_wrap=index == 0, min_width=max(len(w) for w in name.split()))
    for row in rows:
        cells = table_cells(row, language)
        table.add_row(*(Text(visible(cell or "—")) for cell in cells),
                      style="red" if row.edition.plan is None else "")
    console.print(table)
    for row in rows:
        note = row_note(row, language)
        if note:
            console.print(Text(visible(note), style="red" if row.edition.plan is None
                               else "yellow"))
    return EXIT_PROBLEMS if unreadable else EXIT_OK


def _once(paths: list[Path]) -> list[Path]:
    """Each plan once, as given: the same file typed twice is one edition."""
    seen: set[Path] = set()
    kept = []
    for path in paths:
        try:
            key = path.resolve()
        except OSError:
            key = path
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


def _title(rows: list[Any]) -> str:
    plans = [row.edition.plan for row in rows if row.edition.plan is not None]
    if not plans:
        return ""
    chat = plans[-1].chat
    return f"{chat.tag} · {chat.title}"
