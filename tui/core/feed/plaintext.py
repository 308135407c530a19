"""Posts as plain text: bounded, and compared without their spacing (shown through the
core's one sanitizer, `tui.core.text.clean.one_line`).

(Mastodon's HTML is read in `tui.core.feed.mastodon_html`, loaded only by the Mastodon client.)
"""

from __future__ import annotations


def bounded(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, an ellipsis saying so."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalised(text: str) -> str:
    """Whitespace collapsed: how a copied draft and the published post are compared."""
    return " ".join(text.split())
