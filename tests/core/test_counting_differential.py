"""tchat against the platforms' own counting code, on a few thousand varied posts.

The reference (tests/node/reference.js) runs the official twitter-text 3.1.0 with
@twemoji/parser 16, and @atproto/api's RichText with the Bluesky app's link shortening,
under node, all posts through one process. The tests skip, saying why, when node or
the npm install is not available.
"""

from __future__ import annotations

import random
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


def test_bluesky_agrees_with_the_app_on_every_post(corpus: list[str]) -> None:
    """The count is what the app means to count; when its bugs would publish something
    else, tchat says so (and only then)."""
    def ours(counted: Any) -> tuple[object, ...]:
        return counted.length, counted.valid, any("mangle" in w for w in counted.warnings)

    def theirs(reference: Any) -> tuple[object, ...]:
        valid = (
            0 < reference["intended"] <= 300
            and not reference["blank"]
            and reference["bytes"] <= 3000
        )
        return reference["intended"], valid, reference["published"] != reference["shortened"]

    wrong = _disagreements(corpus, "bluesky", ours, theirs)
    assert wrong[:5] == [] and len(wrong) == 0


def test_bluesky_refusals_agree_with_the_app() -> None:
    if (reason := unavailable()) is not None:
        pytest.skip(f"no reference counter: {reason}")
    family = "👨\u200d👩\u200d👧\u200d👦"
    texts = [" ", "\n\n", "\ufeff", " \ufeff\u3000", family * 120, family * 121,
             "https://example.com/" + "é" * 1400, "x.com " * 500]
    for text, reference in zip(texts, reference_counts("bluesky", texts), strict=True):
        counted = count(text, "bluesky")
        assert counted.length == reference["intended"]
        refused = reference["blank"] or reference["bytes"] > 3000
        assert (counted.refusal is not None) == refused, text
        assert counted.valid == (not refused and counted.length <= 300)


# UTS #46 disallows a character whose compatibility form holds a full stop, so the URL
# parser refuses such a host and the app keeps the link as typed; the ideographic full
# stops map to "." and the link is shortened.
DOTTED_LINKS = [
    "https://a\u2024b.com/x", "https://a\u2025b.fr/un/long/chemin/ici", "https://a…b.com/x",
    "https://example…com", "https://www.example.com…/a/long/path/here", "https://…/x",
    "https://a\u2488b.com", "https://a\u33c2b.com/x", "https://a\ufe52b.com/x",
    "https://a%E2%80%A6b.com/x", "https://a\u3002b.com/x", "https://a\uff61b.com/xyz",
    "https://a\uff0eb.com/x", "https://a.b.com/x…",
]


def test_bluesky_keeps_a_host_the_url_parser_refuses_as_typed() -> None:
    if (reason := unavailable()) is not None:
        pytest.skip(f"no reference counter: {reason}")
    rng = random.Random(2026)
    texts = [f"lire {link} ce soir" for link in DOTTED_LINKS]
    # The same links inside varied posts, at a space, so they stay links.
    for text in posts(300, seed=26):
        words = text.split(" ")
        words.insert(rng.randrange(len(words) + 1), rng.choice(DOTTED_LINKS))
        texts.append(" ".join(words))
    references = reference_counts("bluesky", texts)
    wrong = [(text, count(text, "bluesky").length, reference["intended"])
             for text, reference in zip(texts, references, strict=True)
             if count(text, "bluesky").length != reference["intended"]]
    assert wrong[:5] == [] and len(wrong) == 0
    # The refused hosts really count as typed (the app does not shorten them).
    assert count("lire https://a…b.com/x", "bluesky").length == len("lire https://a…b.com/x")
