"""Plain-text rendering of a `Document`: for places that show text as typed (a Facebook
event's details, a calendar event's description)."""

from __future__ import annotations

from tui.core.exports.document import (
    Block,
    BulletList,
    Card,
    Checklist,
    Document,
    Figure,
    Heading,
    Inline,
    Paragraph,
    Table,
    Verbatim,
)
from tui.core.text.clean import clean, one_line
from tui.core.text.typography import french_post, french_print


def render_inline(content: Inline, language: str = "") -> str:
    return french_print(one_line("".join(span.text for span in content)), language)


def _block(block: Block, language: str) -> str:
    if isinstance(block, Heading):
        text = render_inline(block.content, language)
        # Underlined, as plain-text mail has long done: the title with "=", sections
        # with "-"; deeper headings stay plain lines.
        if block.level <= 2:
            return f"{text}\n{('=' if block.level == 1 else '-') * len(text)}"
        return text
    if isinstance(block, Paragraph):
        return render_inline(block.content, language)
    if isinstance(block, BulletList):
        return "\n".join(
            f"{f'{n}.' if block.ordered else '•'} {render_inline(item, language)}"
            for n, item in enumerate(block.items, 1)
        )
    if isinstance(block, Checklist):
        return "\n".join(
            f"{'☑' if done else '☐'} {render_inline(item, language)}"
            for done, item in block.items
        )
    if isinstance(block, Verbatim):
        return french_post(clean(block.text).strip("\n"), language)
    if isinstance(block, Figure):
        return french_print(one_line(block.alt), language)
    if isinstance(block, Table):
        lines = [" · ".join(block.header)]
        lines += [" · ".join(render_inline(cell, language) for cell in row)
                  for row in block.rows]
        return "\n".join(lines)
    assert isinstance(block, Card)
    return "\n\n".join(_block(b, language) for b in block.blocks)


def render_plain(document: Document) -> str:
    parts = [_block(block, document.language) for block in document.blocks]
    return "\n\n".join(p for p in parts if p) + "\n"
