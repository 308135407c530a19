"""Text from a plan made safe for any export: no control characters, one line when asked.

A plan is shared and edited by hand, so its text may hold anything: terminal escapes
(`ESC[31m`), a stray NUL, noncharacters. None of that belongs in a file meant to be
printed, published or imported into a calendar, and XML (which our HTML must parse as)
refuses most of it outright. Each is replaced by a visible stand-in rather than dropped,
so the moderator sees that the plan holds something odd.
"""

from __future__ import annotations

import re

from tui.core.text.controls import UNSAFE, visible

# C0 controls except tab and newline, DEL, and the C1 block (ESC's 8-bit cousins such as
# U+009B, which some terminals still read as "CSI"), the bidirectional overrides (a
# link text that reads backwards), plus the XML noncharacters.
_UNSAFE = re.compile(
    "[" + "".join(re.escape(c) for c in sorted(UNSAFE - {"\r"})) + "\ufffe\uffff]"
)
_SPACES = re.compile(r"\s+")
# Schemes we turn into links: a plan's "link" must never become `javascript:`. The
# address stops at white space, quotes and angle brackets, and at what a URL never
# holds unescaped (backquote, backslash, caret, braces, bar). Compile it ignoring case.
# One pattern for every export: what `safe_url` accepts is what `linked` finds.
URL_PATTERN = r"https?://[^\s<>\"'`\\^{|}]+"
_LINK = re.compile(URL_PATTERN, re.IGNORECASE)


def _stand_in(match: re.Match[str]) -> str:
    char = match.group(0)
    return "\ufffd" if char in "\ufffe\uffff" else visible(char)


def clean(text: str) -> str:
    """`text` with line endings made `\\n` and every unsafe character made visible."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub(_stand_in, text)


def collapse(text: str) -> str:
    """`text` cleaned, every run of white space (newlines too) made one space."""
    return _SPACES.sub(" ", clean(text))


def one_line(text: str, *, marked: bool = False) -> str:
    """`text` on one line, every unsafe character made visible (`controls.visible`).

    By default (exports, where a line break means nothing) every run of white space is
    one space and the ends are trimmed. `marked` (lists on the screen and in a
    terminal, where the moderator must see the text as typed) keeps every character in
    its place and shows each line break as " ⏎ ", and a tab as one space: a tab would
    jump to the next tab stop and push the rest of a row out of its column."""
    if not marked:
        return collapse(text).strip()
    return visible(text.replace("\r\n", "\n")).replace("\n", " ⏎ ").replace("\t", " ")


def safe_url(text: str, *, https_only: bool = False) -> str | None:
    """`text` when it is exactly one http(s) link with a host and nothing a terminal or
    a browser would read otherwise (a control or bidirectional character, a space, a
    quote), else None. `https_only`: an https link only (a post's address, which the
    run-sheet opens in a browser or shows as a terminal link)."""
    candidate = text.strip()
    if not _LINK.fullmatch(candidate) or not candidate.isprintable():
        return None
    if https_only and not candidate.lower().startswith("https://"):
        return None
    from urllib.parse import urlsplit  # here: the screen's first frame needs none of it

    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    return candidate if parts.scheme.lower() in ("http", "https") and parts.hostname else None
