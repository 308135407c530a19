"""The channels a plan's `[accounts]` asks for, each with its credential."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.plan.accounts import Accounts
from tui.core.run.publish.channel import Channel
from tui.core.text.words import Words
from tui.net.transport import TIMEOUT
from tui.post.credentials import VARIABLES, credential

if TYPE_CHECKING:
    from tui.net.bluesky import Sessions


@dataclass
class Built:
    channels: dict[str, Channel] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    """Network -> why it has no channel (no credential), one line."""


def build_channels(accounts: Accounts, words: Words, *, networks: tuple[str, ...] = (),
                   environ: Mapping[str, str] | None = None, timeout: float = TIMEOUT,
                   sleep: Callable[[float], None] | None = None,
                   sessions: Sessions | None = None) -> Built:
    """A channel for each account (of `networks`, when given) that has its credential.
    With `sessions` (the run's), Bluesky posts with the session the feed reads with."""
    built = Built()
    for network in accounts.networks:
        if networks and network not in networks:
            continue
        account = accounts.handle(network)
        secret = credential(network, account, environ)
        if secret is None:
            built.missing[network] = words("post.no_credential", account=account,
                                           network=network, variable=VARIABLES[network])
            continue
        wait = sleep or time.sleep
        if network == "bluesky":
            from tui.post.bluesky import BlueskyChannel

            built.channels[network] = BlueskyChannel(
                account, secret, accounts.bluesky_base, timeout=timeout, sleep=wait,
                sessions=sessions)
        else:
            from tui.post.mastodon import MastodonChannel

            built.channels[network] = MastodonChannel(
                account, secret, accounts.mastodon_base, timeout=timeout, sleep=wait)
    return built
