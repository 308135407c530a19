"""Bluesky: what the app's composer counts, and what it refuses.

The app finds links as `@atproto/api` detects link facets, then shows (and publishes)
each one in a short form: host + path, the path cut to 13 characters and `...` when it
is longer than 15 (`toShortUrl` in bluesky-social/social-app). Its 300 counts grapheme
clusters of that shortened text, as typed (not normalised). A link without `https://`,
or one that a browser's URL parser refuses, stays as typed. The server then refuses a
record over 3000 UTF-8 bytes, and the app will not post a text that is blank once
trimmed.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple
from urllib.parse import quote, unquote

from tui.core.counting.data import data_text
from tui.core.counting.graphemes import grapheme_count
from tui.core.counting.measure import Entity

ELLIPSIS = "..."  # three full stops, as the app writes them (not U+2026)
MAX_BYTES = 3000  # app.bsky.feed.post: text maxLength, in UTF-8 bytes
_PATH_KEEP = 13
_PATH_MAX = 15
# JavaScript's \s (and what String.prototype.trim() removes): not Python's, which adds
# U+001C-U+001F and U+0085 and lacks U+FEFF.
JS_SPACES = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_JS_SPACE_CHARS = "".join(
    chr(c) for c in (*range(0x09, 0x0E), 0x20, 0xA0, 0x1680, *range(0x2000, 0x200B),
                     0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF)
)
# @atproto/api's URL_REGEX: a link starts the text, a line, or follows a space or "(".
# The character before is matched (not looked behind) so that `re` can jump from one
# space or parenthesis to the next; the text gets a leading space for the start. ASCII
# only: JavaScript's case-insensitive [a-z] takes neither "ſ" nor the Kelvin sign.
_LINK = re.compile(
    f"[{JS_SPACES}(]"
    f"((https?://[^{JS_SPACES}]+)|([a-z][a-z0-9]*(?:\\.[a-z0-9]+)+)[^{JS_SPACES}]*)",
    re.IGNORECASE | re.ASCII,
)
_TRAILING_PUNCTUATION = ".,;:!?"
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_URL_IGNORED = re.compile("[\t\n\r]")
_DEFAULT_PORTS = {"http": "80", "https": "443"}
# WHATWG forbidden domain code points (after percent-decoding the host).
_FORBIDDEN_IN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")
# Like a browser, extra slashes after "http://" are skipped.
_IGNORED_IN_HOST = re.compile("[\u00ad\u034f\u180b-\u180f\u200b\u2060\ufe00-\ufe0f\ufeff]")
_REFUSED_IN_HOST = re.compile("[\u200c\u200d\u0080-\u009f\u2028\u2029\u3000\ud800-\udfff]")
# UTS #46 disallows every character whose compatibility form holds a full stop (the
# one-dot leader, the two-dot leader, the ellipsis, "⒈", "㏂"...): such a host fails
# to parse, and the app keeps the link as typed. Only the full-width full stop maps
# to ".", and the ideographic ones (U+3002, U+FF61) do too, by a mapping of UTS #46's own.
DOTTED_IN_HOST = re.compile(
    "[\u2024-\u2026\u2488-\u249b\u33c2\u33c7\u33d8\ufe19\ufe30\ufe52\U0001f100]"
)
_IDEOGRAPHIC_STOPS = str.maketrans({"\u3002": ".", "\uff61": "."})
_AUTHORITY = re.compile(r"(?i)(https?):[/\\]*([^/?#\\]*)(.*)", re.DOTALL)
# WHATWG percent-encode sets, beyond controls and non-ASCII (always encoded).
_PATH_SAFE = "!$&'()*+,-./:;=@[]\\^_|~%"
_QUERY_SAFE = "!$&()*+,-./:;=?@[]\\^_`{|}~%"
_FRAGMENT_SAFE = "!#$&'()*+,-./:;=?@[]\\^_{|}~%"


class Links(NamedTuple):
    """The links of a post as the app counts them."""

    entities: list[Entity]  # (start, end, graphemes of the short form)
    shortened: str  # the text as the app publishes it
    mangled: bool  # the app's own bug will cut a later link in the wrong place


@cache
def known_tlds() -> frozenset[str]:
    """Names from the package's `bluesky_tlds.txt` (see scripts/update_bluesky_tlds.py)."""
    text = data_text("bluesky_tlds.txt")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_blank(text: str) -> bool:
    """True when JavaScript's `trim()` leaves nothing (spaces, newlines, U+FEFF)."""
    return not text.strip(_JS_SPACE_CHARS)


def links(text: str) -> Links:
    """Every link facet the app finds, its short form, and the text as published."""
    if "." not in text and "://" not in text:
        return Links([], text, False)
    found: list[Entity] = []
    spans: list[tuple[int, int]] = []
    parts: list[str] = []
    position = 0
    for match in _LINK.finditer(" " + text):
        uri = match.group(1)
        if not uri.startswith("http"):
            # Without a scheme, the last label must be a top-level domain (as listed:
            # lower case); "HTTPS://..." is neither kind and is no link.
            domain = match.group(3)
            if domain is None or domain.rpartition(".")[2] not in known_tlds():
                continue
        start, end = match.start(1) - 1, match.end(1) - 1
        if uri[-1] in _TRAILING_PUNCTUATION:
            uri, end = uri[:-1], end - 1
        if uri.endswith(")") and "(" not in uri:
            uri, end = uri[:-1], end - 1
        short = short_url(text[start:end])
        found.append((start, end, _graphemes(short)))
        spans.append((start, end))
        parts += [text[position:start], short]
        position = end
    parts.append(text[position:])
    shortened = "".join(parts)
    mangled = False
    if found and (not shortened.isascii() or "\ufeff" in text):
        mangled = as_published(text, spans) != shortened
    return Links(found, shortened, mangled)


def _decoded(data: bytes) -> str:
    # TextDecoder: bad bytes become U+FFFD, and a leading U+FEFF (a "BOM") is dropped.
    return data.decode("utf-8", "replace").removeprefix("\ufeff")


def as_published(text: str, spans: list[tuple[int, int]]) -> str:
    """The text the app publishes: each link replaced by its short form as RichText's
    insert() and delete() do it, bugs included (see `links`)."""
    data = text.encode("utf-8", "surrogatepass")
    facets = [
        [len(text[:start].encode("utf-8", "surrogatepass")),
         len(text[:end].encode("utf-8", "surrogatepass"))]
        for start, end in spans
    ]
    for facet in facets:
        byte_start, byte_end = facet
        short = short_url(_decoded(data[byte_start:byte_end]))
        added = len(short) + sum(1 for char in short if char > "\uffff")  # UTF-16 units
        data = (_decoded(data[:byte_start]) + short + _decoded(data[byte_start:])).encode(
            "utf-8", "surrogatepass"
        )
        for other in facets:
            if byte_start <= other[0]:
                other[0] += added
                other[1] += added
            elif byte_start < other[1]:
                other[1] += added
        size = len(short.encode("utf-8", "surrogatepass"))
        facet[0], facet[1] = byte_start, byte_start + size
        data = _deleted(data, facets, byte_start + size, byte_end + size)
    return data.decode("utf-8", "replace")


def _deleted(data: bytes, facets: list[list[int]], start: int, end: int) -> bytes:
    """RichText.delete(): the bytes without data[start:end], the facets moved."""
    data = (_decoded(data[:start]) + _decoded(data[end:])).encode("utf-8", "surrogatepass")
    removed = end - start
    for facet in facets:
        if start <= facet[0] and end >= facet[1]:
            facet[0] = facet[1] = 0
        elif start > facet[1]:
            pass
        elif facet[0] < start <= facet[1] < end:
            facet[1] = start
        elif start >= facet[0] and end <= facet[1]:
            facet[1] -= removed
        elif start < facet[0] <= end <= facet[1]:
            facet[0] = start
            facet[1] -= removed
        elif end < facet[0]:
            facet[0] -= removed
            facet[1] -= removed
    return data


@lru_cache(maxsize=1024)
def _graphemes(short: str) -> int:
    return grapheme_count(short)


def short_url(url: str) -> str:
    """The link as the app displays it (the URL unchanged if it does not parse)."""
    # The URL parser first drops spaces and controls around the input, and tabs and
    # newlines within it. Without an http(s) scheme, `new URL()` throws or the scheme is
    # another one: either way the app keeps the link as typed.
    parts = _AUTHORITY.fullmatch(_URL_IGNORED.sub("", url.strip(_C0_OR_SPACE)))
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
        inside, bracket, after = host_port.partition("]")
        if not bracket or (after and not after.startswith(":")):
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
    if DOTTED_IN_HOST.search(host):
        return None
    # Browsers map the name (case, width, compatibility forms), drop default-ignorable
    # characters, and refuse joiners, controls and spaces.
    host = unicodedata.normalize("NFKC", _IGNORED_IN_HOST.sub("", host)).casefold()
    host = host.translate(_IDEOGRAPHIC_STOPS)
    if not host or _FORBIDDEN_IN_HOST.search(host) or _REFUSED_IN_HOST.search(host):
        return None
    labels = host.split(".")
    # A trailing dot is allowed; the label before it decides whether this is IPv4.
    numeric = labels[:-1] if labels[-1] == "" and len(labels) > 1 else labels
    if _ipv4_number(numeric[-1]) is not None:
        return _ipv4(numeric)
    if any(label.startswith("xn--") and not _valid_punycode(label[4:]) for label in labels):
        return None
    try:
        return ".".join(
            label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
            for label in labels
        )
    except UnicodeError:
        return None


def _valid_punycode(encoded: str) -> bool:
    """An `xn--` label must decode to a valid name (UTS #46, approximated): something,
    in NFC, of characters that the mapping keeps as they are."""
    if not encoded or not encoded.isascii():
        return False
    try:
        decoded = encoded.encode("ascii").decode("punycode")
    except UnicodeError:
        return False
    return (
        bool(decoded)
        and unicodedata.is_normalized("NFC", decoded)
        and all(
            unicodedata.category(char) not in ("Cc", "Cn", "Co", "Cs")
            and unicodedata.normalize("NFKC", char).casefold() == char
            for char in decoded
        )
    )


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
