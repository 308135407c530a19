"""`tchat login PLAN bluesky|mastodon`: keep a posting account's credential in the keyring.

Bluesky: an app password (Settings → Privacy and security → App passwords), checked by
signing in once. Mastodon: a token pasted (Preferences → Development → New
application), or, with nothing pasted, tchat registers itself with the server and the
moderator authorizes it in the browser (the authorization code flow). Either way the
credential goes to the system keyring only, never to a file, never on the screen.
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from tui.commands.output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    error_console,
    render_problems,
    said,
)
from tui.core.plan.accounts import NETWORKS, Accounts
from tui.core.plan.planfile import load_plan
from tui.core.plan.problems import PlanError
from tui.core.text.controls import visible
from tui.core.text.words import Words

EXAMPLES = {"bluesky": 'bluesky = "name.bsky.social"', "mastodon": 'mastodon = "@name@server"'}


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "login",
        help=summary,
        description=(
            "Ask for the plan's Bluesky app password or Mastodon token, check it against "
            "the server, and keep it in the system keyring (never in a file). Without a "
            "keyring, set TCHAT_BLUESKY_APP_PASSWORD or TCHAT_MASTODON_TOKEN instead."
        ),
    )
    parser.add_argument("plan", type=Path, metavar="PLAN", help="the plan's TOML file")
    parser.add_argument("network", choices=NETWORKS, metavar="NETWORK",
                        help="bluesky or mastodon")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, *, ask: Callable[[str], str] | None = None,
        ask_secret: Callable[[str], str] | None = None, timeout: float = 10.0) -> int:
    # Looked up at the call, not bound at import: a test (or a wrapper) may replace them.
    ask = ask or input
    ask_secret = ask_secret or getpass.getpass
    err = error_console()
    path: Path = args.plan
    try:
        plan = load_plan(path)
    except PlanError as error:
        render_problems(err, path, error.problems)
        return EXIT_PROBLEMS
    words = Words(plan.chat.language)
    accounts = plan.accounts
    network: str = args.network
    if accounts is None or getattr(accounts, network) is None:
        err.print(Text(_said(words, "cli.no_account_for", path=str(path), network=network,
                             example=EXAMPLES[network])))
        return EXIT_PROBLEMS
    try:
        if network == "bluesky":
            secret = _bluesky(accounts, err, ask_secret, timeout, words)
        else:
            secret = _mastodon(accounts, err, ask, ask_secret, timeout, words)
    except (EOFError, KeyboardInterrupt):
        err.print(Text(_said(words, "cli.nothing_given")))
        return EXIT_USAGE
    if secret is None:
        return EXIT_PROBLEMS
    return _keep(network, accounts.handle(network), secret, err, words)


def _said(words: Words, key: str, **fields: object) -> str:
    return said(words(key, **fields), words.language)


def _bluesky(accounts: Accounts, err: Console, ask_secret: Callable[[str], str],
             timeout: float, words: Words) -> str | None:
    from tui.core.run.publish.channel import ChannelError
    from tui.post.bluesky import BlueskyChannel

    handle = accounts.handle("bluesky")
    err.print(Text(_said(words, "cli.login_bluesky", account=visible(handle))))
    password = ask_secret(_said(words, "cli.ask_app_password")).strip()
    if not password:
        raise EOFError
    try:
        BlueskyChannel(handle, password, accounts.bluesky_base, timeout=timeout).sign_in()
    except ChannelError as error:
        err.print(Text(_said(words, "cli.not_kept", reason=error.say(words))))
        return None
    return password


def _mastodon(accounts: Accounts, err: Console, ask: Callable[[str], str],
              ask_secret: Callable[[str], str], timeout: float, words: Words) -> str | None:
    from tui.core.run.publish.channel import ChannelError
    from tui.post.mastodon import (
        SCOPES,
        MastodonChannel,
        authorize_url,
        exchange_code,
        register_app,
    )

    account, server = accounts.handle("mastodon"), accounts.mastodon_base
    err.print(Text(_said(words, "cli.login_mastodon", account=visible(account),
                         scopes=SCOPES)))
    token = ask_secret(_said(words, "cli.ask_token")).strip()
    try:
        if not token:
            client_id, client_secret = register_app(server, timeout=timeout)
            err.print(Text(_said(words, "cli.open_address")))
            err.print(Text(authorize_url(server, client_id)), soft_wrap=True)
            code = ask(_said(words, "cli.ask_code")).strip()
            if not code:
                raise EOFError
            token = exchange_code(server, client_id, client_secret, code, timeout=timeout)
        MastodonChannel(account, token, server, timeout=timeout).sign_in()
    except ChannelError as error:
        err.print(Text(_said(words, "cli.not_kept", reason=error.say(words))))
        return None
    return token


def _keep(network: str, account: str, secret: str, err: Console, words: Words) -> int:
    from tui.post.credentials import VARIABLES, store

    try:
        store(network, account, secret)
    except Exception as error:  # noqa: BLE001 - no keyring backend: one line, no secret
        err.print(Text(_said(words, "cli.keyring_failed", error=type(error).__name__,
                             variables=VARIABLES[network])))
        return EXIT_PROBLEMS
    err.print(Text(_said(words, "cli.kept", account=visible(account))))
    return EXIT_OK
