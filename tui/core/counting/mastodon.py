"""Mastodon's count: the server's, as its StatusLengthValidator computes it.

The server strips the text (Ruby's `strip`: ASCII spaces and controls at both ends) and
refuses a blank one. It then finds links written with a scheme with twitter-text's
extractor and Mastodon's own overrides (config/initializers/twitter_regex.rb), and
mentions with Account::MENTION_RE, keeping a mention only where twitter-text allows one
to end; overlapping entities keep the first. Each link counts 23, each `@user@domain`
as `@user`, and the rest in grapheme clusters of the text as typed (no NFC), by the
Unicode version of the Ruby that current Mastodon releases run (UNICODE_VERSION).
"""

from __future__ import annotations

from typing import Any

import regex  # type: ignore[import-untyped]

from tui.core.counting.graphemes import grapheme_count_15_0, grapheme_spans_15_0
from tui.core.counting.measure import Entity
from tui.core.counting.urls import mastodon_urls

URL_WEIGHT = 23
# Ruby 3.4 (current Mastodon releases) segments text by Unicode 15.0: an Indic conjunct
# such as क्ष is two clusters there (Unicode 15.1 joined them). The grapheme functions
# below are that version's.
UNICODE_VERSION = "15.0"
grapheme_count = grapheme_count_15_0
grapheme_spans = grapheme_spans_15_0
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


def entities(text: str) -> list[Entity]:
    """Links and remote mentions, with their counted weights, overlaps dropped."""
    found = [(start, end, URL_WEIGHT) for start, end in mastodon_urls().spans(text)]
    if "@" in text or "\uff20" in text:
        found += mention_entities(text)
        found.sort(key=lambda entity: entity[0])
    kept: list[Entity] = []
    for entity in found:
        # Like the server, keep the earlier of two overlapping entities.
        if not kept or entity[0] >= kept[-1][1]:
            kept.append(entity)
    return kept


def mention_entities(text: str) -> list[Entity]:
    """Each remote mention the server shortens, as (start, end, length of `@user`)."""
    found: list[Entity] = []
    for match in _MENTION.finditer(text):
        if _END_MENTION.match(text, match.end()):
            continue
        user, at, domain = match.group(1).partition("@")
        if not at or len(domain) > MAX_DOMAIN_LENGTH:
            continue  # a local mention counts as typed anyway
        found.append((match.start(), match.end(), grapheme_count("@" + user)))
    return found
