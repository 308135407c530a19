"""Posts as plain text: bounded, compared without their spacing, safe on a terminal.

(Mastodon's HTML is read in `tui.core.feed.mastodon_html`, loaded only by the Mastodon client.)
"""

from __future__ import annotations

from tui.core.text import controls


def bounded(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, an ellipsis saying so."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalised(text: str) -> str:
    """Whitespace collapsed: how a copied draft and the published post are compared."""
    return " ".join(text.split())


def visible(text: str) -> str:
    """`text` safe to print on a terminal: nothing in it can act on the terminal (the
    core's one sanitizer, `tui.core.text.controls`)."""
    return controls.visible(text)


MAX_LINK = 2000


def link_target(url: str) -> str | None:
    """`url` when it may be the target of a terminal link (OSC 8), else None.

    The target is written to the terminal raw, inside the escape sequence: anything
    that is not a printable character (C0 and C1 controls, bidirectional controls, line
    separators) or a space would end the sequence or start another one."""
    if not url.startswith("https://") or len(url) > MAX_LINK:
        return None
    if not url.isprintable() or " " in url:
        return None
    return url


def one_line(text: str) -> str:
    """For lists: the post on one line, newlines shown as a return symbol."""
    return visible(text.replace("\r\n", "\n")).replace("\n", " ⏎ ").replace("\t", " ")
