"""The networks a chat runs on, and what differs from one to the next: names, handles.

A plan runs on one network (`platform = "x"`) or on several at once
(`platforms = ["x", "bluesky", "mastodon"]`, in the moderator's order). A handle or the
host can be one string, used on every network, or a table per network
(`{ x = "@SafeScreensOrg", bluesky = "safescreens.bsky.social" }`); a post can carry its
own wording per network (`variants`). `x` and `x-legacy` are one network counted two ways:
a table written for one serves the other.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar, get_args

from tui.core.text.said import Said
from tui.core.text.vocabulary import Platform

NETWORKS: tuple[Platform, ...] = get_args(Platform)
KNOWN = ", ".join(NETWORKS)

# How a network is named to people (the screen, the exports); `x-legacy` is still X.
NETWORK_NAMES: Mapping[str, str] = {
    "x": "X", "x-legacy": "X", "bluesky": "Bluesky", "mastodon": "Mastodon",
    "threads": "Threads",
}
# One letter per network, for marks where a word does not fit (`X ✓ B ✓ M ·`).
NETWORK_LETTERS: Mapping[str, str] = {
    "x": "X", "x-legacy": "X", "bluesky": "B", "mastodon": "M", "threads": "T",
}
_TWIN: Mapping[str, str] = {"x": "x-legacy", "x-legacy": "x"}

_V = TypeVar("_V")

PerNetwork = str | dict[str, str]
"""What a plan writes for a host or a handle: one string, or a table per network."""


def network_name(network: str) -> str:
    """ "Bluesky", "X": how people call `network`."""
    return NETWORK_NAMES.get(network, network)


def network_letter(network: str) -> str:
    return NETWORK_LETTERS.get(network, network[:1].upper())


def same_network(a: str, b: str) -> bool:
    """Whether two names are one network (`x` and `x-legacy` are)."""
    return a == b or _TWIN.get(a) == b


def entry_for(table: Mapping[str, _V], network: str) -> _V | None:
    """`table`'s entry for `network` (or for its twin, `x` for `x-legacy`); None when the
    table has none."""
    if network in table:
        return table[network]
    twin = _TWIN.get(network)
    return table.get(twin) if twin is not None else None


def written_for(value: PerNetwork, network: str) -> str:
    """What a per-network value says for `network`: the string itself, or the table's
    entry ("" when the table has none)."""
    if isinstance(value, str):
        return value.strip()
    return (entry_for(value, network) or "").strip()


def mention_on(handle: str, network: str) -> str:
    """`handle` as a post on `network` writes it: a Bluesky handle is a domain written
    without `@` in the plan (`safescreens.bsky.social`), with one in the post."""
    handle = handle.strip()
    if handle and network == "bluesky" and not handle.startswith("@"):
        return "@" + handle
    return handle


def per_network_problem(value: object, what: str) -> Said | None:
    """Why `value` is neither one string nor a table of strings keyed by known networks;
    None when it is one of them. `what` names the value in the message ("a handle")."""
    if isinstance(value, str):
        return None
    if not isinstance(value, dict):
        return Said.of("check.per_network_type", what=what)
    for key, item in value.items():
        if key not in NETWORKS:
            return Said.of("check.unknown_network_in", network=repr(key), what=what,
                           known=KNOWN)
        if not isinstance(item, str):
            return Said.of("check.network_text", network=key)
    return None


# A Bluesky handle is a domain name: labels of letters, digits and hyphens, a dot between.
_DOMAIN = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]"
                     r"[A-Za-z0-9-]{0,62}")
_MASTODON_USER = re.compile(r"@?[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*")


def handle_warning(handle: str, network: str) -> Said | None:
    """Why `handle` will not mention its owner in a post on `network`; None when it
    reads as that network's handle (or the network has no rule tchat knows)."""
    handle = handle.strip()
    if not handle:
        return None
    if network == "bluesky":
        bare = handle.removeprefix("@")
        if not _DOMAIN.fullmatch(bare):
            return Said.of("check.not_bluesky_handle", handle=repr(handle))
    elif network == "mastodon":
        user, at, server = handle.removeprefix("@").partition("@")
        if not at and _MASTODON_USER.fullmatch(handle):
            return Said.of("check.mastodon_no_server", handle=repr(handle), user=user)
        if at and not (_MASTODON_USER.fullmatch(user) and _DOMAIN.fullmatch(server)):
            return Said.of("check.not_mastodon_handle", handle=repr(handle))
    return None
