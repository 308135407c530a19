"""Threads: 500 characters, emoji by their UTF-8 bytes, at most 5 links, one topic.

This is Meta's documented rule (Threads API documentation, "Posts"), not a composer's
code, which is not published: text posts are limited to 500 characters, "emojis are
counted as the number of UTF-8 bytes", and a post with more than 5 links fails. So a
grapheme cluster that is an emoji (one that Twemoji draws, as on X: 🙂, ❤️, a family)
counts its UTF-8 bytes (🙂 4, ❤️ 6, 👨‍👩‍👧‍👦 25); any other cluster counts 1, links
as typed. Only the first hashtag of a post becomes its topic, so a second one is
reported as a warning, not refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tui.core.counting.emoji_sequences import twemoji_pattern
from tui.core.counting.graphemes import grapheme_spans
from tui.core.counting.measure import Entity
from tui.core.counting.result import said
from tui.core.counting.urls import twitter_urls

if TYPE_CHECKING:
    from tui.core.text.said import Said

MAX_LINKS = 5

# A hashtag has at least one letter and does not follow a word character, "&" or "#".
_HASHTAG = re.compile(r"(?<![\w&#\uff03])[#\uff03]\w*[^\W\d_]\w*")


def hashtag_warnings(text: str) -> tuple[Said, ...]:
    """A warning when the post holds more than one hashtag."""
    tags = [match.group() for match in _HASHTAG.finditer(text)]
    if len(tags) < 2:
        return ()
    extra = ", ".join(dict.fromkeys(tags[1:]))
    return (said("count.threads_topic", topic=tags[0], others=extra),)


def emoji_entities(text: str) -> list[Entity]:
    """Each emoji cluster with its UTF-8 size, as (start, end, bytes)."""
    if text.isascii():
        return []
    return [
        (start, end, weight)
        for start, end, weight in cluster_units(text, 0, len(text))
        if weight > 1
    ]


def cluster_units(text: str, start: int, end: int) -> Iterator[Entity]:
    """The clusters of text[start:end]: an emoji weighs its UTF-8 bytes, others 1."""
    pattern = None
    for cluster_start, cluster_end in grapheme_spans(text, start, end):
        cluster = text[cluster_start:cluster_end]
        weight = 1
        if not cluster.isascii() or len(cluster) > 1:
            pattern = pattern or twemoji_pattern()
            if pattern.fullmatch(cluster):
                weight = len(cluster.encode("utf-8", "surrogatepass"))
        yield cluster_start, cluster_end, weight


def link_refusal(text: str) -> Said | None:
    """Why Threads refuses the post for its links (more than 5 distinct), or None."""
    links = {text[start:end] for start, end in twitter_urls().spans(text)}
    if len(links) <= MAX_LINKS:
        return None
    return said("count.threads_links", most=MAX_LINKS, links=len(links))
