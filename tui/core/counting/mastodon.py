"""Mastodon's count: links weigh 23, a remote mention counts as its local part.

A Mastodon server (StatusLengthValidator) replaces each link written with a scheme by a
23-character placeholder and each `@user@domain` by `@user`, then counts grapheme
clusters against the instance's limit (500 unless the server changed it).
"""

from __future__ import annotations

import re

from tui.core.counting.measure import Entity
from tui.core.counting.urls import mastodon_urls

URL_WEIGHT = 23
# Account::MENTION_RE: not after a word character, "=" or "/"; the domain is optional.
_MENTION = re.compile(
    r"(?<![=/\w])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(@\w+(?:[.-]+\w+)*)?", re.IGNORECASE
)


def entities(text: str) -> list[Entity]:
    """Links and remote mentions, with their counted weights, overlaps dropped."""
    found = [(start, end, URL_WEIGHT) for start, end in mastodon_urls().spans(text)]
    if "@" in text:
        found += [
            (match.start(), match.end(), 1 + len(match.group(1)))
            for match in _MENTION.finditer(text)
            if match.group(2)
        ]
        found.sort()
    kept: list[Entity] = []
    for entity in found:
        # Like the server, keep the earlier of two overlapping entities.
        if not kept or entity[0] >= kept[-1][1]:
            kept.append(entity)
    return kept
