"""The posting accounts' secrets: the environment first, else the system keyring.

One entry per account (`bluesky-app-password:endcm.org`, `mastodon-token:@endcm@social.coop`)
under tchat's keyring name, read and written through the feed's helpers; a Bluesky app
password kept by `tchat feed --login bluesky` for the same handle is used too. Never
written anywhere else, never shown, never in an error message.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from tui.feed.credentials import BLUESKY_PASSWORD, MASTODON_TOKEN, secret, store_secret

VARIABLES = {"bluesky": BLUESKY_PASSWORD, "mastodon": MASTODON_TOKEN}


def entry(network: str, account: str) -> str:
    name = "bluesky-app-password" if network == "bluesky" else "mastodon-token"
    return f"{name}:{account}"


def credential(network: str, account: str, environ: Mapping[str, str] | None = None,
               lookup: Callable[[str], str | None] = secret) -> str | None:
    """The app password (Bluesky) or token (Mastodon) of `account`, or None."""
    env = os.environ if environ is None else environ
    value = env.get(VARIABLES[network], "").strip()
    if value:
        return value
    value = (lookup(entry(network, account)) or "").strip()
    if value:
        return value
    if network == "bluesky":
        # Kept by `tchat feed --login bluesky` for the same handle.
        handle = (lookup("bluesky-handle") or "").strip().removeprefix("@").lower()
        if handle == account.lower():
            return (lookup("bluesky-app-password") or "").strip() or None
    return None


def store(network: str, account: str, value: str) -> None:
    """Keep the credential in the system keyring (raises when none can keep it)."""
    store_secret(entry(network, account), value)
