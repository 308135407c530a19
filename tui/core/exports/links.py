"""Links in a published recap: bare web addresses, handles, and highlights that pair a
post's address with a quote from it.

Only http(s) addresses checked by `safe_url` ever become links, and a handle becomes a
link only where the platform gives every account one address: on X and Threads
`@name`, on Bluesky a handle with its domain (`@name.bsky.social`), on Mastodon a full
`@user@server`. Anything else stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from tui.core.exports.document import Inline, Span
from tui.core.text.clean import URL_PATTERN, one_line, safe_url

# A handle starts after a space, an opening bracket or the line's start, never inside
# an address or an email (`contact@org.example`).
_HANDLE = re.compile(
    r"(?<![\w@./:])@(?P<user>[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)"
    r"(?:@(?P<server>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))?"
)
_TOKEN = re.compile(f"(?P<url>{URL_PATTERN})|(?P<handle>{_HANDLE.pattern})", re.IGNORECASE)
_QUOTES = {"fr": ("« ", " »"), "en": ("“", "”")}
_OPENING_MARKS = ("«", "“", "‘", "\"", "'", "„", "‹")
# What a sentence may end with that is not part of the address written before it.
_TRAILING = ".,;:!?)»”’"


def profile_url(handle: str, platform: str) -> str | None:
    """The profile address of `handle` on `platform`, when it has exactly one."""
    match = _HANDLE.fullmatch(handle)
    if match is None:
        return None
    user, server = match.group("user"), match.group("server")
    if platform in ("x", "x-legacy") and server is None and "." not in user:
        return f"https://x.com/{user}"
    if platform == "threads" and server is None:
        return f"https://www.threads.net/@{quote(user)}"
    if platform == "bluesky" and server is None and "." in user:
        return f"https://bsky.app/profile/{user}"
    if platform == "mastodon" and server is not None:
        return f"https://{server}/@{user}"
    return None


def linked(text: str, platform: str) -> Inline:
    """`text` on one line, its web addresses and handles made links."""
    line = one_line(text)
    spans: list[Span] = []
    position = 0
    for match in _TOKEN.finditer(line):
        token = match.group(0)
        href: str | None
        if match.group("url"):
            kept = token.rstrip(_TRAILING)
            token = kept
            href = safe_url(kept)
        else:
            href = profile_url(token, platform)
        if href is None:
            continue
        start = match.start()
        if start > position:
            spans.append(Span(line[position:start]))
        spans.append(Span(token, href=href))
        position = start + len(token)
    if position < len(line):
        spans.append(Span(line[position:]))
    return tuple(spans)


@dataclass(frozen=True, slots=True)
class Highlight:
    url: str | None
    quote: str
    author: str = ""
    """`@name`, for a post captured from the conversation: shown beside the quote,
    never inside its quotation marks."""


# "@author: text", as the run-sheet's `h` writes a post of the conversation. The text
# is a stranger's: the handle starts only where a word starts, and is taken whole, so the
# pattern stays linear even where it is searched (`@a@a@a…` tried at every @ was not).
_CAPTURED = re.compile(r"(?<!\S)(@[^\s:]++): (.*)", re.DOTALL)


def parse_highlight(text: str) -> Highlight:
    """ `https://x.com/… "Alt text is the cheapest fix"` -> the address and the quote,
    the address first, or after a quote in quotation marks; a bare address has no
    quote, and anything else is text (its own links and handles linked). A post captured
    from the conversation ("@author: text", then its address on a line of its own) is
    that text and its address."""
    said, _, last = text.rstrip().rpartition("\n")
    if said.strip() and safe_url(last.strip()):
        captured = _CAPTURED.fullmatch(said.strip())
        if captured is not None and captured.group(2).strip():
            return Highlight(last.strip(), one_line(captured.group(2)), captured.group(1))
        return Highlight(last.strip(), one_line(said))
    line = one_line(text)
    first, _, rest = line.partition(" ")
    if safe_url(first):
        return Highlight(first, rest.strip())
    head, _, last = line.rpartition(" ")
    # A quote then its address, only when the quote is marked as one: "see @x on
    # https://…" is a sentence with a link in it, not a quote of that post.
    if head.startswith(_OPENING_MARKS) and safe_url(last):
        return Highlight(last, head.strip())
    return Highlight(None, line)


def quoted(text: str, language: str) -> str:
    """`text` in the language's quotation marks, unless the writer put some already
    (at its start: `« Oui » (@x)` is quoted; `Elle a dit « oui »` is not)."""
    if not text or text.lstrip().startswith(_OPENING_MARKS):
        return text.strip()
    opening, closing = _QUOTES[language]
    return opening + text + closing
