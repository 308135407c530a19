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
class Figure:
    """A chart: inline SVG for a page, its text alternative everywhere else.

    `svg` is markup built by `tui.core.exports.chart` from numbers and escaped labels
    only, never from a plan's or a post's text as such; `alt` says in words what it
    shows (the SVG carries it too, for screen readers), and a Markdown or plain-text
    rendering shows `alt` in its place."""

    svg: str
    alt: str
    caption: str = ""
    small: bool = False
    """A small multiple (one question's curve): drawn narrower than the hour's chart."""


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of figures under a header: a table in HTML and in Markdown (GitHub's)."""

    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    numeric: tuple[bool, ...] = ()
    """Per column: figures, aligned right."""


@dataclass(frozen=True, slots=True)
class Card:
    """Blocks that belong together (one cue of the run-sheet): a box in HTML."""

    blocks: tuple[Block, ...]
    css_class: str = "card"


Block = Heading | Paragraph | BulletList | Checklist | Verbatim | Figure | Table | Card


@dataclass(slots=True)
class Document:
    title: str
    language: str
    blocks: list[Block] = field(default_factory=list)
    description: str = ""
    """A page's summary for search engines and link previews (the description and Open
    Graph tags of a page to publish); none for the moderator's own files."""
    url: str = ""
    """Where the page will be published, when the plan says (`og:url`)."""

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

    def figure(self, figure: Figure | None) -> None:
        if figure is not None:
            self.blocks.append(figure)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[Inline]],
              numeric: Sequence[bool] = ()) -> None:
        self.blocks.append(Table(tuple(header), tuple(tuple(row) for row in rows),
                                 tuple(numeric)))
