"""Bluesky links: the app counts a link as the short form it displays.

The Bluesky app finds links the way `@atproto/api` detects link facets, then replaces
each link typed with `http(s)://` by host + path, the path cut to 13 characters and
`...` when it is longer than 15 (`toShortUrl` in bluesky-social/social-app). The
composer's 300 then counts grapheme clusters of that shortened text. A link typed
without a scheme is shown, and counted, as typed.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, unquote

from tui.core.counting.graphemes import grapheme_count
from tui.core.counting.measure import Entity

ELLIPSIS = "..."  # three full stops, as the app writes them (not U+2026)
_PATH_KEEP = 13
_PATH_MAX = 15
# atproto's link detection: a link starts the text, or follows a space or "(". The
# character before is matched (not looked behind) so that `re` can jump from one space or
# parenthesis to the next; the text gets a leading space for the start.
_LINK = re.compile(
    r"[\s(]((https?://\S+)|[a-z][a-z0-9]*(?:\.[a-z0-9]+)+\S*)", re.IGNORECASE
)
_TRAILING_PUNCTUATION = ".,;:!?"
_DEFAULT_PORTS = {"http": "80", "https": "443"}
# WHATWG forbidden domain code points (after percent-decoding the host).
_FORBIDDEN_IN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")
# Like a browser, extra slashes after "http://" are skipped.
_IGNORED_IN_HOST = re.compile("[\u00ad\u034f\u180b-\u180f\u200b\u2060\ufe00-\ufe0f\ufeff]")
_REFUSED_IN_HOST = re.compile("[\u200c\u200d\u0080-\u009f\u2028\u2029\u3000\ud800-\udfff]")
_AUTHORITY = re.compile(r"(?i)(https?):[/\\]*([^/?#\\]*)(.*)", re.DOTALL)
# WHATWG percent-encode sets, beyond controls and non-ASCII (always encoded).
_PATH_SAFE = "!$&'()*+,-./:;=@[]\\^_|~%"
_QUERY_SAFE = "!$&()*+,-./:;=?@[]\\^_`{|}~%"
_FRAGMENT_SAFE = "!#$&'()*+,-./:;=?@[]\\^_{|}~%"


def link_entities(text: str) -> list[Entity]:
    """Links typed with a scheme, each weighing the clusters of its short form."""
    found: list[Entity] = []
    if "://" not in text:
        return found
    for match in _LINK.finditer(" " + text):
        uri = match.group(2)
        # The app checks for a lower-case "http" prefix; "HTTPS://..." is no link there.
        if uri is None or not uri.startswith("http"):
            continue
        start, end = match.start(2) - 1, match.end(2) - 1
        if uri[-1] in _TRAILING_PUNCTUATION:
            uri, end = uri[:-1], end - 1
        if uri.endswith(")") and "(" not in uri:
            uri, end = uri[:-1], end - 1
        found.append((start, end, _shown_length(uri)))
    return found


@lru_cache(maxsize=1024)
def _shown_length(uri: str) -> int:
    # The same links come back at every keystroke of the post around them.
    return grapheme_count(short_url(uri))


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
    """The URL's `host` (with a port other than the scheme's), or None if it does not parse."""
    host: str | None
    if host_port.startswith("["):
        # An IPv6 address keeps its colons; a port may follow "]:".
        inside, _, after = host_port.partition("]")
        if after and not after.startswith(":"):
            return None
        try:
            host = f"[{ipaddress.IPv6Address(inside[1:]).compressed}]"
        except ValueError:
            return None
        port = after.removeprefix(":")
    else:
        name, _, port = host_port.partition(":")
        try:
            host = _domain(unquote(name, errors="strict"))
        except UnicodeDecodeError:
            return None
    if host is None or not port.isascii() or (port and not port.isdigit()):
        return None
    port = port.lstrip("0") or ("0" if port else "")
    if port and int(port) > 65535:
        return None
    if port and port != _DEFAULT_PORTS[scheme]:
        host += ":" + port
    return host


def _domain(host: str) -> str | None:
    """A domain or IPv4 host as a browser serialises it (UTS #46, approximated)."""
    # Browsers map the name (case, width, compatibility forms), drop default-ignorable
    # characters, and refuse joiners, controls and spaces.
    host = unicodedata.normalize("NFKC", _IGNORED_IN_HOST.sub("", host)).casefold()
    if not host or _FORBIDDEN_IN_HOST.search(host) or _REFUSED_IN_HOST.search(host):
        return None
    labels = host.split(".")
    # A trailing dot is allowed; the label before it decides whether this is IPv4.
    numeric = labels[:-1] if labels[-1] == "" and len(labels) > 1 else labels
    if _ipv4_number(numeric[-1]) is not None:
        return _ipv4(numeric)
    try:
        return ".".join(
            label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
            for label in labels
        )
    except UnicodeError:
        return None


def _ipv4_number(part: str) -> int | None:
    """A part of an IPv4 host in decimal, 0x hex or 0-led octal, as browsers read it."""
    base = 10
    if part[:2] in ("0x", "0X"):
        part, base = part[2:], 16
    elif len(part) > 1 and part.startswith("0"):
        part, base = part[1:], 8
    if not part:
        return 0 if base == 16 else None
    try:
        return int(part, base) if part.isascii() and part.isalnum() else None
    except ValueError:
        return None


def _ipv4(parts: list[str]) -> str | None:
    """A host ending in a number is an IPv4 address (`1.2.3` is 1.2.0.3), or invalid."""
    numbers = [_ipv4_number(part) for part in parts]
    if len(numbers) > 4 or any(n is None for n in numbers):
        return None
    *head, last = [n for n in numbers if n is not None]
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last + sum(n * 256 ** (3 - i) for i, n in enumerate(head))
    return ".".join(str(value >> shift & 255) for shift in (24, 16, 8, 0))


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
