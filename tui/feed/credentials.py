"""Where the feed's secrets come from: the environment, else the system keyring.

They are never written by tchat anywhere but the keyring (not the plan, not a log, not
the feed file, not an error message), and never shown.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

SERVICE = "tchat"
BLUESKY_HANDLE = "TCHAT_BLUESKY_HANDLE"
BLUESKY_PASSWORD = "TCHAT_BLUESKY_APP_PASSWORD"
MASTODON_TOKEN = "TCHAT_MASTODON_TOKEN"


@dataclass(frozen=True)
class BlueskyLogin:
    handle: str
    password: str = field(repr=False)


def _keyring_get(name: str) -> str | None:
    try:
        import keyring

        value = keyring.get_password(SERVICE, name)
    except Exception:  # noqa: BLE001 - no keyring backend is the common case on servers
        return None
    return value if isinstance(value, str) and value else None


def bluesky_login(
    environ: Mapping[str, str] | None = None,
    lookup: Callable[[str], str | None] = _keyring_get,
) -> BlueskyLogin | None:
    """The Bluesky handle and app password, from the environment first, else the keyring."""
    env = os.environ if environ is None else environ
    handle = env.get(BLUESKY_HANDLE, "").strip()
    password = env.get(BLUESKY_PASSWORD, "").strip()
    if handle and password:
        return BlueskyLogin(handle.removeprefix("@"), password)
    handle = handle or (lookup("bluesky-handle") or "")
    password = password or (lookup("bluesky-app-password") or "")
    if handle and password:
        return BlueskyLogin(handle.strip().removeprefix("@"), password.strip())
    return None


def mastodon_token(
    environ: Mapping[str, str] | None = None,
    lookup: Callable[[str], str | None] = _keyring_get,
) -> str | None:
    """An optional token, for servers that close their public timelines."""
    env = os.environ if environ is None else environ
    return env.get(MASTODON_TOKEN, "").strip() or lookup("mastodon-token")


def store_bluesky_login(login: BlueskyLogin) -> None:
    """Keep the login in the system keyring (raises when there is no usable keyring)."""
    import keyring

    keyring.set_password(SERVICE, "bluesky-handle", login.handle)
    keyring.set_password(SERVICE, "bluesky-app-password", login.password)
    # Some backends (the null one, a locked fail-safe) accept and forget: read it back.
    if keyring.get_password(SERVICE, "bluesky-app-password") != login.password:
        raise RuntimeError("the keyring did not keep it")


def secret(name: str) -> str | None:
    """A secret kept in the system keyring under tchat's name, or None (no keyring, no
    such entry). Posting's credentials (`tui.post.credentials`) are read through it."""
    return _keyring_get(name)


def store_secret(name: str, value: str) -> None:
    """Keep a secret in the system keyring (raises when there is no usable keyring)."""
    import keyring

    keyring.set_password(SERVICE, name, value)
    if keyring.get_password(SERVICE, name) != value:
        raise RuntimeError("the keyring did not keep it")
