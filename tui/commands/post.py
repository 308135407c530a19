"""`tchat post PLAN CUE [--network N] [--dry-run]`: post a cue as the run-sheet's `P`.

CUE as the screen names it (`Q3`, `welcome`, `thanks`, "Accueil" in a French plan) or
its id. Asks nothing; everything goes to the plan's as-run log (intent, post, mark), so
a run-sheet open on the plan shows it within its 2 s poll. Prints each post's link.
`--dry-run` prints, one JSON line per network, exactly what would be sent (text,
facets, reply refs, language, record key or idempotency key) and sends nothing: it
opens no socket. Exit 0 every network posted (or already had it), 1 one failed (the
output says which went out), 2 usage.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
from tui.core.plan.accounts import NETWORKS
from tui.core.plan.drafts import DraftBook
from tui.core.plan.naming import cue_name
from tui.core.plan.planfile import load_plan
from tui.core.plan.problems import PlanError
from tui.core.plan.schedule import Cue
from tui.core.run.asrun import AsRunLog, LogError, log_path_for
from tui.core.run.publish.outcomes import (
    AlreadyPosted,
    Posted,
    Refused,
    copy_line,
    describe,
)
from tui.core.run.publish.parts import card_for, find_cue
from tui.core.run.publish.publisher import Run, account_networks, preview_cue, publish_cue
from tui.core.text.words import Words


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "post",
        help=summary,
        description=(
            "Post a cue on every network of the plan's [accounts] (Bluesky, Mastodon), as "
            "the run-sheet's P does: never twice, a thread in order, logged. CUE is its "
            "name on the screen (Q3, welcome, thanks) or its id. Exit 0 all posted, 1 one "
            "failed, 2 usage."
        ),
    )
    parser.add_argument("plan", type=Path, metavar="PLAN", help="the plan's TOML file")
    parser.add_argument("cue", metavar="CUE", help="Q3, welcome, thanks... or the cue's id")
    parser.add_argument("--network", choices=NETWORKS, default=None,
                        help="post on this network only")
    parser.add_argument("--dry-run", action="store_true",
                        help="print what would be sent, one JSON line per network; send "
                             "nothing")
    parser.set_defaults(func=run)


def cue_names(book: DraftBook) -> dict[str, str]:
    """Each cue's names on the screen, in the plan's language and in English."""
    names: dict[str, str] = {}
    languages = {book.plan.chat.language, "en"}
    for cue in book.cues:
        names[cue.id] = "\x1f".join(sorted({cue_name(cue, Words(lang)) for lang in languages}))
    return names


def choose_cue(book: DraftBook, name: str) -> Cue:
    match = find_cue(book, name, cue_names(book))
    if match.cue is not None:
        return match.cue
    words = Words(book.plan.chat.language)
    if match.others:
        shown = ", ".join(f"{c.id} ({cue_name(c, words)})" for c in match.others[:8])
        raise UsageError(said(words("cli.cue_ambiguous", name=repr(name), shown=shown),
                              words.language))
    known = ", ".join(cue_name(c, words) for c in book.cues[:12])
    raise UsageError(said(words("cli.cue_unknown", name=repr(name), known=known),
                          words.language))


def run(args: argparse.Namespace, *, environ: Mapping[str, str] | None = None,
        timeout: float = 10.0, sleep: Callable[[float], None] | None = None,
        now: Callable[[], datetime] | None = None) -> int:
    err = error_console()
    path: Path = args.plan
    try:
        plan = load_plan(path)
    except PlanError as error:
        render_problems(err, path, error.problems)
        return EXIT_PROBLEMS
    book = DraftBook(plan)
    cue = choose_cue(book, args.cue)
    accounts = plan.accounts
    words = Words(plan.chat.language)
    if accounts is None:
        err.print(Text(said(words("cli.post_no_accounts", path=str(path)), words.language)))
        return EXIT_PROBLEMS
    networks = account_networks(book)
    if args.network is not None:
        if args.network not in networks:
            raise UsageError(said(words("cli.post_no_network", network=args.network),
                                  words.language))
        networks = (args.network,)
    clock = now or (lambda: datetime.now(UTC))
    log = AsRunLog(log_path_for(path))
    posting = Run(book, path, log.read, log.append, clock, clock)
    try:
        log.read()
    except LogError as error:
        err.print(Text(str(error)))
        return EXIT_PROBLEMS
    if args.dry_run:
        for entry in preview_cue(posting, cue, networks):
            print(json.dumps(entry, ensure_ascii=False), flush=True)
        return EXIT_OK
    return post(posting, cue, networks, environ, timeout, sleep)


def post(posting: Run, cue: Cue, networks: tuple[str, ...],
         environ: Mapping[str, str] | None, timeout: float,
         sleep: Callable[[float], None] | None) -> int:
    from tui.post.channels import build_channels

    book = posting.book
    accounts = book.plan.accounts
    assert accounts is not None
    words = posting.words
    out, err = safe_console(soft_wrap=True), error_console()
    built = build_channels(accounts, words, networks=networks, environ=environ,
                           timeout=timeout, sleep=sleep)
    name = cue_name(cue, words)
    failed = False
    for network in networks:
        if network in built.missing:
            failed = True
            err.print(Text(describe(Refused(network, built.missing[network]), words, name)))
    outcome = publish_cue(posting, cue, built.channels, networks)
    for item in outcome.outcomes:
        line = Text(describe(item, words, name))
        if isinstance(item, Posted | AlreadyPosted):
            out.print(line)
        else:
            failed = True
            err.print(line)
    if outcome.copy_for:
        card = card_for(book, cue)
        out.print(Text(copy_line(outcome.copy_for, card.name if card else None, words)))
    return EXIT_PROBLEMS if failed else EXIT_OK
