"""Which web addresses a `[feed]` may name: https, or plain http to this machine only.

Plain http would let anyone on the café's network read or change the conversation shown
to the moderator (and a Mastodon token sent with it); a server on 127.0.0.1 is a test's.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from tui.core.text.said import Said

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def feed_url_problem(url: str) -> Said | None:
    """Why `url` cannot be a feed's server; None when it can."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return Said.of("check.url_not_address", url=repr(url))
    if parts.scheme not in ("https", "http") or not host:
        return Said.of("check.url_scheme", url=repr(url))
    if parts.username or parts.password:
        return Said.of("check.url_password")
    if parts.scheme == "http" and host not in LOCAL_HOSTS:
        return Said.of("check.url_https", url=repr(url))
    if parts.query or parts.fragment:
        return Said.of("check.url_query", url=repr(url))
    return None
