"""Threads: 500 characters, one topic per post.

Threads publishes no counting rule beyond "500 characters"; the counter uses grapheme
clusters (what a person sees as one character, as Bluesky and Mastodon count) and takes
links as typed. Only the first hashtag of a post becomes its topic, so a second one is
reported as a warning, not refused.
"""

from __future__ import annotations

import re

# A hashtag has at least one letter and does not follow a word character, "&" or "#".
_HASHTAG = re.compile(r"(?<![\w&#\uff03])[#\uff03]\w*[^\W\d_]\w*")


def hashtag_warnings(text: str) -> tuple[str, ...]:
    """A warning when the post holds more than one hashtag."""
    tags = [match.group() for match in _HASHTAG.finditer(text)]
    if len(tags) < 2:
        return ()
    extra = ", ".join(dict.fromkeys(tags[1:]))
    return (
        f"Threads takes one topic per post: {tags[0]} becomes the topic, "
        f"{extra} will stay plain text.",
    )
