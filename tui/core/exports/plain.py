"""Plain-text rendering of a `Document`: for places that show text as typed (a Facebook
event's details, a calendar event's description)."""

from __future__ import annotations

from tui.core.exports.document import (
    Block,
    BulletList,
    Card,
    Document,
    Heading,
    Inline,
    Paragraph,
    Verbatim,
)
from tui.core.exports.text import clean, one_line


def render_inline(content: Inline) -> str:
    return one_line("".join(span.text for span in content))


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        text = render_inline(block.content)
        # Underlined, as plain-text mail has long done: the title with "=", sections
        # with "-"; deeper headings stay plain lines.
        if block.level <= 2:
            return f"{text}\n{('=' if block.level == 1 else '-') * len(text)}"
        return text
    if isinstance(block, Paragraph):
        return render_inline(block.content)
    if isinstance(block, BulletList):
        return "\n".join(
            f"{f'{n}.' if block.ordered else '•'} {render_inline(item)}"
            for n, item in enumerate(block.items, 1)
        )
    if isinstance(block, Verbatim):
        return clean(block.text).strip("\n")
    assert isinstance(block, Card)
    return "\n\n".join(_block(b) for b in block.blocks)


def render_plain(document: Document) -> str:
    parts = [_block(block) for block in document.blocks]
    return "\n\n".join(p for p in parts if p) + "\n"
