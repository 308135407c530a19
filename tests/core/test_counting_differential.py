"""tchat against the platforms' own counting code, on a few thousand varied posts.

The reference (tests/node/reference.js) runs the official twitter-text 3.1.0 with
@twemoji/parser 16, and @atproto/api's RichText with the Bluesky app's link shortening,
under node, all posts through one process. The tests skip, saying why, when node or
the npm install is not available.
"""

from __future__ import annotations

from typing import Any

import pytest
from counting_posts import posts
from node_reference import reference_counts, unavailable

from tui.core.counting import count

POSTS = 3000


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    reason = unavailable()
    if reason is not None:
        pytest.skip(f"no reference counter: {reason}")
    return posts(POSTS)


def _disagreements(
    texts: list[str], platform: str, verdict: Any, expected: Any
) -> list[tuple[str, object, object]]:
    found = []
    for text, reference in zip(texts, reference_counts(platform, texts), strict=True):
        ours, theirs = verdict(count(text, platform)), expected(reference)
        if ours != theirs:
            found.append((text, ours, theirs))
    return found


def test_x_agrees_with_twitter_text_on_every_post(corpus: list[str]) -> None:
    wrong = _disagreements(
        corpus, "x",
        lambda c: (c.length, c.valid),
        lambda r: (r["length"], r["valid"]),
    )
    assert wrong[:5] == [] and len(wrong) == 0
