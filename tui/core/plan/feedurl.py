"""Which web addresses a `[feed]` may name: https, or plain http to this machine only.

Plain http would let anyone on the café's network read or change the conversation shown
to the moderator (and a Mastodon token sent with it); a server on 127.0.0.1 is a test's.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def feed_url_problem(url: str) -> str:
    """Why `url` cannot be a feed's server; empty when it can."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return f"{url!r} is not a web address"
    if parts.scheme not in ("https", "http") or not host:
        return f"{url!r} is not a web address: write it as https://server.example"
    if parts.username or parts.password:
        return "a web address here holds no password: credentials come from the keyring"
    if parts.scheme == "http" and host not in LOCAL_HOSTS:
        return f"{url!r} should use https (plain http only for 127.0.0.1 or localhost)"
    if parts.query or parts.fragment:
        return f"{url!r} should be the server's address alone, without ? or #"
    return ""
