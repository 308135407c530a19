"""Mastodon's HTML read with a real parser, every text bounded.

Mastodon sends a status as HTML (`<p>`, `<br>`, links whose visible text is cut with
`<span class="invisible">`, entities). A regular expression cannot read that safely; the
standard library's `html.parser` can. Nothing of the markup survives: tags go, entities
become characters, a link is shown as its address, paragraphs as blank lines.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tui.core.feed.plaintext import bounded

_BLOCKS = frozenset({"p", "div", "blockquote", "li", "ul", "ol", "pre", "h1", "h2", "h3",
                     "h4", "h5", "h6"})
_SKIPPED = frozenset({"script", "style", "template", "head", "title"})
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\f\v]+")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.links: list[tuple[str, int]] = []
        """Open links: their address and where their visible text started."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append((href, len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            shown = "".join(self.parts[start:])
            # Mentions and hashtags are links too: keep their words (@alice, #Tag); any
            # other link is shown as its full address, never as a text that hides it.
            if href.startswith(("https://", "http://")) and not shown.strip().startswith(
                ("@", "#")
            ):
                del self.parts[start:]
                self.parts.append(href)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str, limit: int = 20_000) -> str:
    """The text a reader sees in a Mastodon status's HTML."""
    parser = _Text()
    try:
        parser.feed(html[: limit * 4])
        parser.close()
    except Exception:  # noqa: BLE001 - a parser on hostile input: keep what was read
        pass
    text = "".join(parser.parts)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return bounded(_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip(), limit)


