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

from tui.commands.output import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, error_console, render_problems
from tui.core.plan.accounts import NETWORKS, Accounts
from tui.core.plan.planfile import load_plan
from tui.core.plan.problems import PlanError
from tui.core.text.controls import visible

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
        render_problems(err, str(path), error.problems)
        return EXIT_PROBLEMS
    accounts = plan.accounts
    network: str = args.network
    if accounts is None or getattr(accounts, network) is None:
        example = EXAMPLES[network]
        err.print(Text(f"{path}: [accounts] names no {network} account: add it first "
                       f"({example})"))
        return EXIT_PROBLEMS
    try:
        if network == "bluesky":
            secret = _bluesky(accounts, err, ask_secret, timeout)
        else:
            secret = _mastodon(accounts, err, ask, ask_secret, timeout)
    except (EOFError, KeyboardInterrupt):
        err.print(Text("tchat: nothing given, nothing kept"))
        return EXIT_USAGE
    if secret is None:
        return EXIT_PROBLEMS
    return _keep(network, accounts.handle(network), secret, err)


def _bluesky(accounts: Accounts, err: Console, ask_secret: Callable[[str], str],
             timeout: float) -> str | None:
    from tui.core.run.publish.channel import ChannelError
    from tui.post.bluesky import BlueskyChannel

    handle = accounts.handle("bluesky")
    err.print(Text(f"Bluesky app password for {visible(handle)} (Settings → Privacy and "
                   "security → App passwords; never your main password)."))
    password = ask_secret("App password: ").strip()
    if not password:
        raise EOFError
    try:
        BlueskyChannel(handle, password, accounts.bluesky_base, timeout=timeout).sign_in()
    except ChannelError as error:
        err.print(Text(f"tchat: not kept: {error.message}"))
        return None
    return password


def _mastodon(accounts: Accounts, err: Console, ask: Callable[[str], str],
              ask_secret: Callable[[str], str], timeout: float) -> str | None:
    from tui.core.run.publish.channel import ChannelError
    from tui.post.mastodon import (
        SCOPES,
        MastodonChannel,
        authorize_url,
        exchange_code,
        register_app,
    )

    account, server = accounts.handle("mastodon"), accounts.mastodon_base
    err.print(Text(f"Mastodon token for {visible(account)}: paste one made in Preferences → "
                   f"Development → New application (scopes {SCOPES}), or press enter to "
                   "authorize tchat in your browser."))
    token = ask_secret("Token (enter to authorize in the browser): ").strip()
    try:
        if not token:
            client_id, client_secret = register_app(server, timeout=timeout)
            err.print(Text("Open this address, sign in, authorize tchat, then paste the code "
                           "it shows:"))
            err.print(Text(authorize_url(server, client_id)), soft_wrap=True)
            code = ask("Code: ").strip()
            if not code:
                raise EOFError
            token = exchange_code(server, client_id, client_secret, code, timeout=timeout)
        MastodonChannel(account, token, server, timeout=timeout).sign_in()
    except ChannelError as error:
        err.print(Text(f"tchat: not kept: {error.message}"))
        return None
    return token


def _keep(network: str, account: str, secret: str, err: Console) -> int:
    from tui.post.credentials import VARIABLES, store

    try:
        store(network, account, secret)
    except Exception as error:  # noqa: BLE001 - no keyring backend: one line, no secret
        err.print(Text(f"tchat: the system keyring cannot keep it ({type(error).__name__}); "
                       f"set {VARIABLES[network]} instead"))
        return EXIT_PROBLEMS
    err.print(Text(f"Kept in the system keyring for {visible(account)}."))
    return EXIT_OK
