"""Threads: one topic per post. Only the first hashtag becomes the post's topic."""

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
