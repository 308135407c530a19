"""Mastodon's count: the server's, as its StatusLengthValidator computes it.

The server strips the text (Ruby's `strip`: ASCII spaces and controls at both ends) and
refuses a blank one. It then finds links written with a scheme with twitter-text's
extractor and Mastodon's own overrides (config/initializers/twitter_regex.rb), and
mentions with Account::MENTION_RE, keeping a mention only where twitter-text allows one
to end; overlapping entities keep the first. It rewrites each link as 23 "x" and each
`@user@domain` as `@user`, and counts the grapheme clusters of that rewritten text as
typed (no NFC), by the Unicode version of the Ruby that current Mastodon releases run
(UNICODE_VERSION). So a combining mark right after a link joins the last "x".
"""

from __future__ import annotations

from typing import Any

import regex  # type: ignore[import-untyped]

from tui.core.counting.graphemes import grapheme_count_15_0
from tui.core.counting.urls import mastodon_urls

# StatusLengthValidator::URL_PLACEHOLDER: what a link becomes before the count.
URL_PLACEHOLDER = "x" * 23
# Ruby 3.4 (current Mastodon releases) segments text by Unicode 15.0: an Indic conjunct
# such as क्ष is two clusters there (Unicode 15.1 joined them). The count below is that
# version's.
UNICODE_VERSION = "15.0"
grapheme_count = grapheme_count_15_0
# Extractor: a mention's domain is dropped past this length.
MAX_DOMAIN_LENGTH = 253
# Ruby's String#strip.
RUBY_STRIPPED = "\x00\t\n\v\f\r "

# Ruby's [[:word:]]: letters, marks, decimal digits, connector punctuation. Python's \w
# lacks the marks, so a Devanagari vowel sign would end a domain there.
_WORD = r"[\p{L}\p{M}\p{Nd}\p{Pc}]"
# Account::MENTION_RE: not after a word character, "=" or "/"; the user part is
# case-insensitive ASCII, the domain any word characters joined by dots or hyphens.
_MENTION: Any = regex.compile(
    rf"(?<![=/]|{_WORD})@((?i:[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)"
    rf"(?:@{_WORD}+(?:[.-]+{_WORD}+)*)?)",
    regex.VERSION0,
)
# twitter-text's end_mention_match: what may not follow a mention (another at sign, a
# Latin accented letter, "://").
_END_MENTION: Any = regex.compile(
    "[@\uff20\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257"
    "\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff]|://"
)
# Rails' blank?: nothing but Unicode white space.
_BLANK: Any = regex.compile(r"[\p{White_Space}]*")


def stripped(text: str) -> tuple[str, int]:
    """The text the server counts, and where it starts in `text`."""
    kept = text.lstrip(RUBY_STRIPPED)
    return kept.rstrip(RUBY_STRIPPED), len(text) - len(kept)


def is_blank(text: str) -> bool:
    return _BLANK.fullmatch(text) is not None


# (start, end, what the server writes in its place) of a link or a remote mention.
Rewrite = tuple[int, int, str]


def measure(text: str, limit: int) -> tuple[int, int | None] | None:
    """The server's count of `text` and where it first runs past `limit` (an index in
    `text`, or None), or None for a text the server refuses as blank."""
    body, offset = stripped(text)
    if is_blank(body):
        return None
    parts: list[str] = []
    # (start, end) of each replacement in the rewritten text, and of what it replaced.
    moved: list[tuple[int, int, int, int]] = []
    position = size = 0
    for start, end, replacement in rewrites(body):
        parts += [body[position:start], replacement]
        size += start - position
        moved.append((size, size + len(replacement), start, end))
        size += len(replacement)
        position = end
    parts.append(body[position:])
    countable = "".join(parts)
    length = grapheme_count(countable)
    if length <= limit:
        return length, None
    over = _first_cluster_over(countable, limit)
    # Back to the text as typed: a cluster that starts inside a replacement puts the
    # whole link or mention over.
    shift = 0
    for new_start, new_end, old_start, old_end in moved:
        if over < new_start:
            break
        if over < new_end:
            return length, offset + old_start
        shift = old_end - new_end
    return length, offset + over + shift


def _first_cluster_over(text: str, limit: int) -> int:
    """Where the cluster after the first `limit` ones starts (the text holds more).

    A prefix holds as many clusters as start in it, so the count of `text[:i]` grows
    with i: bisected, the boundary costs a few counts instead of a walk in Python.
    """
    low, high = 0, len(text)  # grapheme_count(text[:high]) > limit always holds
    while high - low > 1:
        middle = (low + high) // 2
        if grapheme_count(text[:middle]) > limit:
            high = middle
        else:
            low = middle
    return low


def rewrites(text: str) -> list[Rewrite]:
    """Links and remote mentions, with what the server writes in their place, in text
    order, overlaps dropped (like the server, the earlier of two overlapping ones)."""
    found = [(start, end, URL_PLACEHOLDER) for start, end in mastodon_urls().spans(text)]
    if "@" in text or "\uff20" in text:
        found += mention_rewrites(text)
        found.sort(key=lambda rewrite: rewrite[0])
    kept: list[Rewrite] = []
    for rewrite in found:
        if not kept or rewrite[0] >= kept[-1][1]:
            kept.append(rewrite)
    return kept


def mention_rewrites(text: str) -> list[Rewrite]:
    """Each remote mention the server shortens, as (start, end, `@user`)."""
    found: list[Rewrite] = []
    for match in _MENTION.finditer(text):
        if _END_MENTION.match(text, match.end()):
            continue
        user, at, domain = match.group(1).partition("@")
        if not at or len(domain) > MAX_DOMAIN_LENGTH:
            continue  # a local mention counts as typed anyway
        found.append((match.start(), match.end(), "@" + user))
    return found
