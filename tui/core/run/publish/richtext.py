"""A Bluesky post as the app publishes it: the text with its links shortened, and its
facets, at UTF-8 byte offsets, for every tag, link and mention.

The app (bluesky-social/social-app) detects facets with `@atproto/api`'s `RichText`,
then shows each link in its short form (`shortenLinks`), the facet keeping the full URL.
A tag without its facet never reaches the tag's feeds; a mention without its facet
notifies no one. Tags follow `TAG_REGEX` (a `#` after a space or the start; the tag
without `#` and without trailing punctuation, 64 UTF-16 units at most); mentions
`MENTION_REGEX` (`@` and a domain whose last label is a known top-level domain).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import regex  # type: ignore[import-untyped]

from tui.core.counting.bluesky import JS_SPACES, known_tlds, links, short_url

FacetKind = Literal["tag", "link", "mention"]
MAX_TAG = 64  # UTF-16 units, as the app measures a tag
_INVISIBLE = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"


@dataclass(frozen=True, slots=True)
class Facet:
    """One facet: bytes [start, end) of the UTF-8 text, and what they are."""

    start: int
    end: int
    kind: FacetKind
    value: str
    """The tag without `#`, the full URL, or the mentioned handle (its DID is looked up
    when posting: `com.atproto.identity.resolveHandle`)."""

    def as_json(self) -> dict[str, object]:
        return {"byteStart": self.start, "byteEnd": self.end, "kind": self.kind,
                "value": self.value}


@dataclass(frozen=True, slots=True)
class RichText:
    text: str
    """Exactly the text posted (links in their short form)."""
    facets: tuple[Facet, ...]


@cache
def _tag_pattern() -> Any:
    # TAG_REGEX is `[#＃](body* core+ body*)` with core inside body: the whole run of
    # body characters after the `#`, when one of them is a core character. Matched as
    # that run, so nothing backtracks on a stranger's long word.
    return regex.compile(f"(?:^|(?<=[{JS_SPACES}]))[#\uff03]([^{JS_SPACES}{_INVISIBLE}]*)")


@cache
def _core_character() -> Any:
    # JavaScript's \d is ASCII digits, even with the u flag.
    return regex.compile(f"[^0-9{JS_SPACES}\\p{{P}}{_INVISIBLE}]")


@cache
def _mention_pattern() -> Any:
    return regex.compile(f"(?:^|(?<=[{JS_SPACES}(]))@([a-zA-Z0-9.-]+)\\b", regex.ASCII)


_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")


def _utf8(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8", "surrogatepass"))


def _utf16(text: str) -> int:
    return len(text) + sum(1 for char in text if char > "\uffff")


def bluesky_rich_text(text: str) -> RichText:
    """The text the app publishes for `text`, and its facets in posting order."""
    published: list[str] = []
    spans: list[tuple[int, int, str]] = []  # code-point spans in the published text
    position = 0
    length = 0
    for start, end, _graphemes in links(text).entities:
        typed = text[start:end]
        uri = typed if typed.lower().startswith("http") else "https://" + typed
        short = short_url(typed)
        published.append(text[position:start])
        length += start - position
        spans.append((length, length + len(short), uri))
        published.append(short)
        length += len(short)
        position = end
    published.append(text[position:])
    result = "".join(published)
    found: list[tuple[int, int, FacetKind, str]] = [(s, e, "link", u) for s, e, u in spans]

    def clear(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _u in spans)

    for match in _tag_pattern().finditer(result):
        run = match.group(1)
        if run.startswith("\ufe0f") or _core_character().search(run) is None:
            continue
        tag = _TRAILING_PUNCTUATION.sub("", run)
        if not tag or _utf16(tag) > MAX_TAG:
            continue
        start = match.start(1) - 1
        end = start + 1 + len(tag)
        if clear(start, end):
            found.append((start, end, "tag", tag))
    tlds = known_tlds()
    for match in _mention_pattern().finditer(result):
        handle = match.group(1)
        if not (handle.rpartition(".")[2].lower() in tlds and "." in handle
                or handle.endswith(".test")):
            continue
        start, end = match.start(1) - 1, match.end(1)
        if clear(start, end):
            found.append((start, end, "mention", handle.lower()))
    found.sort(key=lambda item: item[0])
    return RichText(result, tuple(
        Facet(_utf8(result, s), _utf8(result, e), kind, value) for s, e, kind, value in found))
