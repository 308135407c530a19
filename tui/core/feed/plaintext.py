"""Posts as plain text: bounded, compared without their spacing, safe on a terminal.

(Mastodon's HTML is read in `tui.core.feed.mastodon_html`, loaded only by the Mastodon client.)
"""

from __future__ import annotations


def bounded(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, an ellipsis saying so."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalised(text: str) -> str:
    """Whitespace collapsed: how a copied draft and the published post are compared."""
    return " ".join(text.split())


# Until the core has one sanitizer for everything from outside: control characters as
# visible symbols (one for one), and the invisible bidi overrides that can make a post
# read backwards on screen as a replacement mark.
_CONTROL = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x0A, 0x09)}
_CONTROL[0x7F] = "␡"
_CONTROL.update({code: "�" for code in range(0x80, 0xA0)})
_CONTROL.update({code: "�" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def visible(text: str) -> str:
    """`text` safe to print on a terminal: nothing in it can act on the terminal."""
    return text.translate(_CONTROL)


def one_line(text: str) -> str:
    """For lists: the post on one line, newlines shown as a return symbol."""
    return visible(text.replace("\r\n", "\n")).replace("\n", " ⏎ ").replace("\t", " ")
