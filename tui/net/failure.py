"""A request that brought no answer to read, in words that name the server."""

from __future__ import annotations

import httpx

from tui.core.feed.status import Said

Origin = tuple[str, str, int]
"""A request's scheme, host and port: what a credential is tied to."""


class HttpFailure(Exception):
    """`said` says why, naming the server (no secret in it).

    `arrived`: the request may have reached the server (its bytes were being written
    when the connection failed, or an answer came that cannot be read), so a post may be
    there; False when it certainly never left (refused before it was sent, no address,
    no connection) or when the server's answer says it did nothing (a redirect)."""

    def __init__(self, said: Said, *, arrived: bool = False) -> None:
        super().__init__(said.say("en"))
        self.said = said
        self.arrived = arrived

    @property
    def message(self) -> str:
        """The line in English (posting's reasons, the tests' reading of it)."""
        return self.said.say("en")


def server_of(url: httpx.URL | str) -> str:
    """ "https://mastodon.social", as a failure names a server."""
    url = httpx.URL(str(url)) if isinstance(url, str) else url
    port = f":{url.port}" if url.port is not None else ""
    return f"{url.scheme}://{url.host}{port}"


def origin_of(url: httpx.URL | str) -> Origin | None:
    """The scheme, host and port `url` goes to (the default port made explicit, the host
    as it goes on the wire: lower case, IDNA); None for an address that is none."""
    try:
        parsed = httpx.URL(str(url)) if isinstance(url, str) else url
        host = parsed.raw_host.decode("ascii").lower().rstrip(".")
    except (httpx.InvalidURL, UnicodeError, TypeError, ValueError):
        return None
    scheme = parsed.scheme.lower()
    if scheme not in ("http", "https") or not host:
        return None
    return scheme, host, parsed.port or (443 if scheme == "https" else 80)


def is_loopback(host: str) -> bool:
    return host.lower().rstrip(".") in ("127.0.0.1", "::1", "localhost")
