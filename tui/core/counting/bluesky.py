"""Bluesky links: the app counts a link as the short form it displays.

The Bluesky app finds links the way `@atproto/api` detects link facets, then replaces
each link typed with `http(s)://` by host + path, the path cut to 13 characters and
`...` when it is longer than 15 (`toShortUrl` in bluesky-social/social-app). The
composer's 300 then counts grapheme clusters of that shortened text. A link typed
without a scheme is shown, and counted, as typed.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from tui.core.counting.graphemes import grapheme_count
from tui.core.counting.measure import Entity

ELLIPSIS = "..."  # three full stops, as the app writes them (not U+2026)
_PATH_KEEP = 13
_PATH_MAX = 15
# atproto's link detection: a link starts a line, or follows a space or "(".
_LINK = re.compile(
    r"(?:^|(?<=[\s(]))((https?://\S+)|(?P<domain>[a-z][a-z0-9]*(?:\.[a-z0-9]+)+)\S*)",
    re.IGNORECASE | re.MULTILINE,
)
_TRAILING_PUNCTUATION = ".,;:!?"
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_AUTHORITY = re.compile(r"(?i)(https?)://([^/?#\\]*)(.*)", re.DOTALL)
# WHATWG percent-encode sets, beyond controls and non-ASCII (always encoded).
_PATH_SAFE = "!$&'()*+,-./:;=@[]\\^_|~%"
_QUERY_SAFE = "!$&()*+,-./:;=?@[]\\^_`{|}~%"
_FRAGMENT_SAFE = "!#$&'()*+,-./:;=?@[]\\^_{|}~%"


def link_entities(text: str) -> list[Entity]:
    """Links typed with a scheme, each weighing the clusters of its short form."""
    found: list[Entity] = []
    if "://" not in text:
        return found
    for match in _LINK.finditer(text):
        uri = match.group(2)
        # The app checks for a lower-case "http" prefix; "HTTPS://..." is no link there.
        if uri is None or not uri.startswith("http"):
            continue
        start, end = match.span(2)
        if uri[-1] in _TRAILING_PUNCTUATION:
            uri, end = uri[:-1], end - 1
        if uri.endswith(")") and "(" not in uri:
            uri, end = uri[:-1], end - 1
        found.append((start, end, grapheme_count(short_url(uri))))
    return found


def short_url(url: str) -> str:
    """The link as the app displays it (the URL unchanged if it does not parse)."""
    parts = _AUTHORITY.fullmatch(url)
    if parts is None:
        return url
    scheme, authority, rest = parts.group(1).lower(), parts.group(2), parts.group(3)
    host = _host(scheme, authority.rpartition("@")[2])
    if host is None:
        return url
    rest, hash_mark, fragment = rest.partition("#")
    path, question_mark, query = rest.partition("?")
    pathname = _pathname(path)
    tail = "" if pathname == "/" else pathname
    if question_mark and query:
        tail += "?" + quote(query, safe=_QUERY_SAFE)
    if hash_mark and fragment:
        tail += "#" + quote(fragment, safe=_FRAGMENT_SAFE)
    if len(tail) > _PATH_MAX:
        return host + tail[:_PATH_KEEP] + ELLIPSIS
    return host + tail


def _host(scheme: str, host_port: str) -> str | None:
    if host_port.startswith("["):
        # An IPv6 address keeps its colons; a port may follow "]:".
        inside, _, after = host_port.partition("]")
        host, port = inside + "]", after.removeprefix(":")
        if after and not after.startswith(":"):
            return None
    else:
        host, _, port = host_port.partition(":")
    if not host or (port and not port.isdigit()):
        return None
    try:
        labels = [
            label.lower() if label.isascii() else "xn--" + label.lower().encode("punycode").decode()
            for label in host.split(".")
        ]
    except UnicodeError:
        return None
    name = ".".join(labels)
    port = port.lstrip("0") or ("0" if port else "")
    if port and port != _DEFAULT_PORTS[scheme]:
        name += ":" + port
    return name


def _pathname(path: str) -> str:
    """The path as a WHATWG URL serialises it: `\\` as `/`, dot segments resolved."""
    segments: list[str] = []
    raw = path.replace("\\", "/").split("/")[1:] if path else [""]
    for index, segment in enumerate(raw):
        last = index == len(raw) - 1
        if segment in (".", "%2e", "%2E"):
            if last:
                segments.append("")
        elif segment.lower() in ("..", ".%2e", "%2e.", "%2e%2e"):
            if segments:
                segments.pop()
            if last:
                segments.append("")
        else:
            segments.append(quote(segment, safe=_PATH_SAFE))
    return "/" + "/".join(segments)
