"""A tiny document model shared by the exports: built once, rendered as Markdown, HTML
or plain text.

Each export says *what* it shows (a heading, a list of questions, a post to copy) and the
renderers decide *how*, so escaping lives in one place per format instead of in every
export, and the Markdown and HTML versions of a recap cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text. Renderers escape it; it is never interpreted as markup."""

    text: str
    strong: bool = False
    alert: bool = False
    """Something the reader must act on (a post over the limit): bold, and red in HTML."""
    href: str | None = None
    """A link target, already checked by `safe_url`."""


Inline = tuple[Span, ...]


def inline(*parts: str | Span) -> Inline:
    """Plain strings and spans as one inline run: `inline(Span("Q1", strong=True), " ...")`."""
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts if p != "")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    content: Inline


@dataclass(frozen=True, slots=True)
class Paragraph:
    content: Inline


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Inline, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Checklist:
    """Tasks with a box each, to tick on paper: (done, text) per item."""

    items: tuple[tuple[bool, Inline], ...]


@dataclass(frozen=True, slots=True)
class Verbatim:
    """Text to copy exactly (a post, an email): kept line by line, never escaped away."""

    text: str


@dataclass(frozen=True, slots=True)
class Card:
    """Blocks that belong together (one cue of the run-sheet): a box in HTML."""

    blocks: tuple[Block, ...]
    css_class: str = "card"


Block = Heading | Paragraph | BulletList | Checklist | Verbatim | Card


@dataclass(slots=True)
class Document:
    title: str
    language: str
    blocks: list[Block] = field(default_factory=list)

    def heading(self, level: int, *parts: str | Span) -> None:
        self.blocks.append(Heading(level, inline(*parts)))

    def paragraph(self, *parts: str | Span) -> None:
        self.blocks.append(Paragraph(inline(*parts)))

    def bullets(self, items: Sequence[Inline], *, ordered: bool = False) -> None:
        if items:
            self.blocks.append(BulletList(tuple(items), ordered))

    def checklist(self, items: Sequence[tuple[bool, Inline]]) -> None:
        if items:
            self.blocks.append(Checklist(tuple(items)))

    def verbatim(self, text: str) -> None:
        self.blocks.append(Verbatim(text))

    def card(self, *blocks: Block) -> None:
        self.blocks.append(Card(tuple(blocks)))
