"""`tchat feed PLAN [--once] [--jsonl]`: what the plan's `[feed]` sees, in the terminal.

It is how a moderator checks the connection the day before: one poll of each source
(`--once`) or polling until ctrl+c, as a table or one JSON object per line. It writes
nothing (the run-sheet keeps `PLAN.feed.jsonl`). `--login bluesky` asks for the handle
and app password and keeps them in the system keyring.
"""

from __future__ import annotations

import argparse
import getpass
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from tui.commands.console import safe_console
from tui.commands.output import render_problems, said
from tui.core.feed.attribution import Attributed
from tui.core.feed.conversation import Conversation, feed_since
from tui.core.feed.plaintext import link_target, one_line, visible
from tui.core.feed.status import status_lines
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.plan.planfile import load_plan
from tui.core.plan.problems import PlanError
from tui.core.room.people import first_posts, person_key
from tui.core.room.planned import attributor_for
from tui.core.room.threads import PER_POLL
from tui.core.run.asrun import Event, LogError, log_path_for, read_events
from tui.core.run.roomlog import posted_questions, room_marks
from tui.core.text.words import Words

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
ALL_THREADS = 50
"""Threads read by `--once`: every question of a chat, in one poll."""
MARKS = {"question": "?", "guest": "★", "host": "◆"}
LINK_INDENT = 16
"""The link starts under the post: the time (8) and the mark (3), each padded by a space."""


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "feed",
        help=summary,
        description=(
            "Read the tag's conversation as the plan's [feed] table says (each Mastodon "
            "server's public timeline, Bluesky's search, and the replies under the host's "
            "question posts there) and print it, muted accounts left out: once with --once "
            "(exit 1 when a source fails), or until ctrl+c. Writes nothing. Bluesky needs "
            "an app password: TCHAT_BLUESKY_HANDLE and TCHAT_BLUESKY_APP_PASSWORD, or "
            "--login bluesky to keep them in the system keyring."
        ),
    )
    parser.add_argument("plan", type=Path, metavar="PLAN", help="the plan's TOML file")
    parser.add_argument("--once", action="store_true", help="poll each source once and stop")
    parser.add_argument("--jsonl", action="store_true",
                        help="one JSON object per post: platform, id, author, name, text, "
                             "url, created_at, reply_to, answers, kind, first_post (and "
                             "network when the feed reads Mastodon and Bluesky)")
    parser.add_argument("--login", choices=("bluesky",), default=None,
                        help="ask for the Bluesky handle and app password and keep them in "
                             "the system keyring")
    parser.set_defaults(func=run)


def mark(item: Attributed, answer: str) -> str:
    if item.answers is not None:
        return f"{answer}{item.answers}"
    return MARKS.get(item.kind, "")


def as_json(item: Attributed, *, first_post: bool, network: bool = False) -> str:
    """One post as a line: its fields, what it means (`answers`, `kind`), whether it is
    its author's first of the chat, and its network when the feed reads several."""
    more: dict[str, object] = {"answers": item.answers, "kind": item.kind,
                               "first_post": first_post}
    if network:
        more["network"] = item.post.platform
    return item.post.to_json(**more)


def print_table(console: Console, items: list[Attributed], zone: tzinfo, answer: str) -> None:
    """The posts as the moderator checks them: time, mark, author and post in columns,
    then the post's link on a line of its own, whole: a link folded over a narrow cell
    could be neither copied nor opened."""
    for item in items:
        post = item.post
        row = Table(expand=True, show_edge=False, show_header=False, box=None, padding=(0, 1))
        row.add_column("time", no_wrap=True, width=8)
        row.add_column("mark", no_wrap=True, width=3)
        row.add_column("post", ratio=1, overflow="fold")
        row.add_row(
            Text(f"{post.created_at.astimezone(zone):%H:%M:%S}"),
            Text(mark(item, answer), style="bold"),
            Text.assemble(("@" + visible(post.author), "bold"), "  ", one_line(post.text)),
        )
        console.print(row)
        if post.url:
            # Soft wrap: a terminal may show it over two lines, but it is one line, whole.
            # A terminal link (OSC 8) only when the address holds nothing that could end
            # or start an escape sequence (C1 controls included): its target goes raw.
            target = link_target(post.url)
            style = Style(link=target) if target is not None else ""
            console.print(Text(" " * LINK_INDENT + visible(post.url), style=style),
                          soft_wrap=True)


def run(args: argparse.Namespace, *, now: Callable[[], datetime] | None = None,
        timeout: float = 10.0, sleep: Callable[[float], None] = time.sleep,
        environ: dict[str, str] | None = None) -> int:
    err = safe_console(stderr=True, soft_wrap=True)
    path: Path = args.plan
    if args.login == "bluesky":
        from tui.core.plan.glance import plan_language

        return login_bluesky(err, Words(plan_language(path)))
    try:
        plan = load_plan(path)
    except PlanError as error:
        render_problems(err, path, error.problems)
        return EXIT_PROBLEMS
    feed = plan.feed
    if feed is None or not feed.live:
        language = plan.chat.language
        err.print(Text(said(Words(language)("cli.no_source", path=str(path)), language)))
        return EXIT_PROBLEMS
    clock = now or (lambda: datetime.now(UTC))
    return follow(plan, args, clock, timeout, sleep, err, environ)


def follow(plan: Plan, args: argparse.Namespace, clock: Callable[[], datetime],
           timeout: float, sleep: Callable[[float], None], err: Console,
           environ: dict[str, str] | None) -> int:
    from tui.feed.poller import FeedPoller
    from tui.feed.sources import build_sources

    feed = plan.feed
    assert feed is not None
    chat = plan.chat
    since = feed_since(chat.start_at, clock())
    book = DraftBook(plan)
    attributor = attributor_for(plan, book)
    # The live run's log: the accounts muted during it, the question posts tchat
    # published (their replies are read even when the tag does not show them).
    events = _live_events(args.plan)
    # Once: every thread known is read in the one poll; following: the newest at every
    # poll and the others in turn, within the servers' rate limits.
    built = build_sources(feed, chat.tag, since, timeout=timeout, environ=environ,
                          asks=attributor.asks, posted=posted_questions(book, events),
                          now=clock,
                          threads_per_poll=ALL_THREADS if args.once else PER_POLL)
    for problem in built.problems:
        err.print(Text(problem))
    if not built.sources:
        return EXIT_PROBLEMS
    conversation = Conversation(attributor)
    # Muted accounts stay out, as in the run-sheet: the plan's, and the live run's log.
    conversation.mute(room_marks(plan, events).muted)
    several = bool(feed.mastodon_servers) and feed.bluesky
    poller = FeedPoller(built.sources, timedelta(seconds=feed.poll_seconds), clock)
    out = safe_console(soft_wrap=args.jsonl)
    answer = "R" if chat.language == "fr" else "A"
    firsts: dict[tuple[str, str], Attributed] = {}
    while True:
        items = [item for item in conversation.take(poller.poll_due())
                 if not conversation.is_muted(item.post.author)]
        firsts = first_posts([*firsts.values(), *items])
        if args.jsonl:
            for item in items:
                first = firsts.get(person_key(item)) is item
                print(as_json(item, first_post=first, network=several), flush=True)
        else:
            print_table(out, items, chat.zone, answer)
        for line in status_lines([p.status for p in poller.polled], clock(), chat.zone,
                                 chat.language):
            err.print(Text(visible(said(line, chat.language))))
        if args.once:
            failed = any(p.status.failing for p in poller.polled) or built.problems
            return EXIT_PROBLEMS if failed else EXIT_OK
        sleep(max(1.0, poller.wait_seconds()))


def _live_events(plan_path: Path) -> list[Event]:
    """The live run's log, for the accounts muted during it; none when unreadable."""
    try:
        return read_events(log_path_for(plan_path))
    except LogError:
        return []


def login_bluesky(err: Console, words: Words) -> int:
    from tui.feed.credentials import BlueskyLogin, store_bluesky_login

    language = words.language
    err.print(Text(said(words("cli.bluesky_password_intro"), language)))
    try:
        handle = input(said(words("cli.ask_bluesky_handle"), language)
                       ).strip().removeprefix("@")
        password = getpass.getpass(said(words("cli.ask_app_password"), language)).strip()
    except EOFError:
        err.print(Text(said(words("cli.no_handle_given"), language)))
        return EXIT_USAGE
    if not handle or not password:
        err.print(Text(said(words("cli.no_handle_given"), language)))
        return EXIT_USAGE
    try:
        store_bluesky_login(BlueskyLogin(handle, password))
    except Exception as error:  # noqa: BLE001 - no keyring backend: say so, in one line
        err.print(Text(said(words(
            "cli.keyring_failed", error=type(error).__name__,
            variables="TCHAT_BLUESKY_HANDLE, TCHAT_BLUESKY_APP_PASSWORD"), language)))
        return EXIT_PROBLEMS
    err.print(Text(said(words("cli.kept", account=visible(handle)), language)))
    return EXIT_OK


