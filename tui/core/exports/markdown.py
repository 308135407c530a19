"""Markdown rendering of a `Document` (CommonMark, plus what GitHub adds).

User text is escaped so that a question such as `# Q1 *is* <b>this</b> | ok` stays one
line of literal text: it cannot open a heading, a list, a table cell, emphasis, a link
or raw HTML. Text to copy (posts, emails) goes in fenced blocks instead, where nothing
needs escaping, so what the moderator copies is exactly the post, without backslashes.
"""

from __future__ import annotations

import re

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
    Span,
    Table,
    Verbatim,
)
from tui.core.text.clean import clean, collapse
from tui.core.text.typography import french_post, french_print

# Significant anywhere in a line: escapes, code, emphasis, links and images, raw HTML
# and autolinks, entities, table cells (GFM), strikethrough (GFM).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
# Significant only at the start of a line: an ATX heading, a bullet, a thematic break
# ("---"), an ordered list number. Block quotes and fences start with characters already
# escaped everywhere. Newlines are gone, so the start of a block is the only line start.
_LINE_START = re.compile(
    r"^(#{1,6}(?=\s|$)|[+\-](?=\s|$)|-(?=[\s-]*$))"
    r"|^(\d{1,9})([.)])(?=\s|$)"
)


def escape(text: str) -> str:
    """One line of literal text, safe anywhere inside a Markdown line."""
    return _INLINE_SPECIAL.sub(r"\\\1", collapse(text))


def _escape_line_start(line: str) -> str:
    def fix(match: re.Match[str]) -> str:
        if match.group(1):
            return "\\" + match.group(1)
        return match.group(2) + "\\" + match.group(3)

    return _LINE_START.sub(fix, line, count=1)


def _span(span: Span) -> str:
    text = escape(span.text)
    if span.href is not None:
        # The URL was checked by safe_url (no spaces, no angle brackets): an autolink
        # when it is shown as itself, else a link with the target in angle brackets.
        if span.text.strip() == span.href:
            text = f"<{span.href}>"
        else:
            text = f"[{text}](<{span.href}>)"
    core = text.strip()
    if (span.strong or span.alert) and core:
        # Emphasis must hug its text (`** x**` is not bold): spaces go outside.
        lead = " " if text[:1] == " " else ""
        trail = " " if text[-1:] == " " else ""
        text = f"{lead}**{core}**{trail}"
    return text


def render_inline(content: Inline, language: str = "") -> str:
    line = "".join(_span(span) for span in content)
    return _escape_line_start(french_print(re.sub(" {2,}", " ", line).strip(), language))


def fence(text: str, language: str = "") -> str:
    """`text` in a fenced block whose fence is longer than any backtick run inside it.

    Text to copy is a post or a message: its no-break spaces are the posts' ones."""
    body = french_post(clean(text).rstrip("\n"), language)
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}text\n{body}\n{marks}"


def _block(block: Block, language: str) -> str:
    if isinstance(block, Heading):
        return "#" * min(max(block.level, 1), 6) + " " + render_inline(block.content, language)
    if isinstance(block, Paragraph):
        return render_inline(block.content, language)
    if isinstance(block, BulletList):
        lines = []
        for number, item in enumerate(block.items, 1):
            marker = f"{number}." if block.ordered else "-"
            lines.append(f"{marker} {render_inline(item, language)}")
        return "\n".join(lines)
    if isinstance(block, Checklist):
        # GitHub's task list: a box on screen, and "[ ]" still reads as one on paper.
        return "\n".join(
            f"- [{'x' if done else ' '}] {render_inline(item, language)}"
            for done, item in block.items
        )
    if isinstance(block, Verbatim):
        return fence(block.text, language)
    if isinstance(block, Figure):
        # GitHub and most Markdown readers drop inline SVG: the chart's words instead
        # (its text alternative; the caption speaks of colours a reader cannot see).
        return render_inline((Span(block.alt),), language) if block.alt else ""
    if isinstance(block, Table):
        return _table(block, language)
    assert isinstance(block, Card)
    return "\n\n".join(_block(b, language) for b in block.blocks)


def _table(table: Table, language: str) -> str:
    """A GitHub table; its cells are escaped like any line (a `|` cannot end a cell)."""
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    header = [render_inline((Span(text),), language) or " " for text in table.header]
    rule = ["---:" if n < len(table.numeric) and table.numeric[n] else "---"
            for n in range(len(header))]
    lines = [row(header), row(rule)]
    lines += [row([render_inline(cell, language) or " " for cell in cells])
              for cells in table.rows]
    return "\n".join(lines)


def render_markdown(document: Document) -> str:
    """The document in Markdown; a French one with its no-break spaces (see
    `tui.core.text.typography`)."""
    parts = [_block(block, document.language) for block in document.blocks]
    return "\n\n".join(p for p in parts if p) + "\n"
