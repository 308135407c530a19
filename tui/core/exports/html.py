"""HTML rendering of a `Document`: one self-contained page, safe to publish.

- Self-contained: the stylesheet is inline and constant; no script, font, image or
  other file is loaded, and a Content-Security-Policy says so to the browser too.
- Safe: every piece of plan or log text is escaped (quotes included) after control
  characters are made visible; links are only ever checked http(s) URLs.
- Well-formed: the markup is also valid XML (void elements closed, attributes quoted),
  so tests can parse it with `xml.etree` and catch any imbalance.
- Readable on a phone: viewport meta, a fluid single column, long words wrapped, charts
  that scale to the column's width and tables whose columns wrap.
- Ready for link previews: a page to publish carries its description and Open Graph
  tags (`Document.description`), so a post sharing it shows a title and a summary.
"""

from __future__ import annotations

from html import escape as _escape

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
from tui.core.text.clean import clean, collapse, one_line
from tui.core.text.typography import french_post, french_print

# Constant: no plan text ever goes into the stylesheet, so `</style>` in a title cannot
# end it early.
STYLE = """\
:root { color-scheme: light dark; --ink: #1d1d1f; --paper: #ffffff; --muted: #5f6368;
  --line: #d7dadf; --box: #f5f6f8; --alert: #b3261e; --accent: #0b57d0; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e8eaed; --paper: #15171a; --muted: #a8adb4; --line: #3a3f45;
    --box: #1f2226; --alert: #ff8a80; --accent: #8ab4f8; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 46rem; padding: 1rem; background: var(--paper);
  color: var(--ink); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem;
  border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
p, ul, ol { margin: 0.5rem 0; }
ul, ol { padding-left: 1.4rem; }
li { margin: 0.25rem 0; }
a { color: var(--accent); }
pre { margin: 0.5rem 0; padding: 0.75rem; background: var(--box); border-radius: 6px;
  white-space: pre-wrap; overflow-wrap: anywhere; font: 0.95rem/1.45 ui-monospace,
  SFMono-Regular, Menlo, Consolas, monospace; }
.card { margin: 1rem 0; padding: 0.25rem 0.9rem 0.5rem; border: 1px solid var(--line);
  border-radius: 8px; break-inside: avoid; page-break-inside: avoid; }
.card h3 { margin-top: 0.6rem; }
.alert { color: var(--alert); }
.checklist { list-style: none; padding-left: 0.2rem; }
.box { font-size: 1.15em; margin-right: 0.3rem; }
@media (max-width: 30rem) { body { padding: 0.75rem; } h1 { font-size: 1.35rem; } }
@media print { :root { color-scheme: light; } body { max-width: none; font-size: 11pt; }
  a { color: inherit; } pre { background: none; border: 1px solid #999; } }
"""

# Added to STYLE for a page with a chart (constant too; colours from the page's own
# variables, so a chart follows the reader's light or dark scheme).
CHART_STYLE = """\
figure.chart { margin: 1rem 0 1.25rem; max-width: 36rem; }
figure.chart.small { max-width: 18rem; margin: 0.25rem 0 0.75rem; }
figure.chart svg { display: block; width: 100%; height: auto; overflow: visible; }
figure.chart figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.25rem; }
.chart text { fill: var(--muted); font-family: system-ui, -apple-system, "Segoe UI",
  Roboto, Arial, sans-serif; }
.chart .answers { fill: var(--accent); }
.chart .others { fill: var(--muted); opacity: 0.45; }
.chart .first { fill: var(--alert); opacity: 0.8; }
.chart .axis { stroke: var(--line); stroke-width: 1; }
.chart .asked { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 3 2; opacity: 0.7; }
.chart .asked-label { fill: var(--ink); font-weight: 600; }
.chart .curve { fill: none; stroke: var(--accent); stroke-width: 2;
  stroke-linejoin: round; stroke-linecap: round; }
.chart .area { fill: var(--accent); opacity: 0.15; }
.chart .gap { fill: none; stroke: var(--line); stroke-dasharray: 2 2; }
"""

# Added to STYLE for a page with a table. On a phone each row becomes a small card, one
# figure a line with its column's name beside it (from the cell's data-label), rather
# than columns squeezed until their names break mid-word or push the page sideways.
TABLE_STYLE = """\
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; font-size: 0.95rem; }
th, td { padding: 0.3rem 0.4rem; border-bottom: 1px solid var(--line); text-align: left;
  vertical-align: top; overflow-wrap: normal; }
th { font-weight: 600; color: var(--muted); font-size: 0.85rem; line-height: 1.25; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td:first-child { white-space: nowrap; }
@media (max-width: 40rem) {
  table, tbody, tr, td { display: block; width: 100%; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }
  tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 0.75rem;
    padding: 0.25rem 0.75rem; }
  td, td.num { display: flex; justify-content: space-between; gap: 1rem; border: 0;
    padding: 0.2rem 0; text-align: right; }
  td::before { content: attr(data-label); color: var(--muted); text-align: left; }
  td:first-child { font-weight: 600; }
  td:first-child::before { content: none; } }
"""

# Nothing may load: no script, no remote style, font or image. Inline style only.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; " \
      "form-action 'none'"


def escape(text: str) -> str:
    """Text safe in element content and in attribute values.

    Every attribute here is double-quoted, so `"` is escaped and `'` can stay as it is:
    French text full of apostrophes stays readable in the published page's source.
    """
    return _escape(clean(text), quote=False).replace('"', "&quot;")


def _span(span: Span, language: str) -> str:
    text = french_print(escape(collapse(span.text)), language)
    if span.href is not None:
        text = f'<a href="{escape(span.href)}" rel="nofollow ugc noopener">{text}</a>'
    if span.alert:
        return f'<strong class="alert">{text}</strong>'
    if span.strong:
        return f"<strong>{text}</strong>"
    return text


def render_inline(content: Inline, language: str = "") -> str:
    return "".join(_span(span, language) for span in content).strip()


def _block(block: Block, indent: str, language: str) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        return f"{indent}<h{level}>{render_inline(block.content, language)}</h{level}>"
    if isinstance(block, Paragraph):
        return f"{indent}<p>{render_inline(block.content, language)}</p>"
    if isinstance(block, BulletList):
        tag = "ol" if block.ordered else "ul"
        items = "".join(
            f"{indent}  <li>{render_inline(item, language)}</li>\n" for item in block.items
        )
        return f"{indent}<{tag}>\n{items}{indent}</{tag}>"
    if isinstance(block, Checklist):
        # A printed box, not an <input>: the page is read and printed, never submitted.
        items = "".join(
            f'{indent}  <li><span class="box">{"☑" if done else "☐"}</span> '
            f"{render_inline(item, language)}</li>\n"
            for done, item in block.items
        )
        return f'{indent}<ul class="checklist">\n{items}{indent}</ul>'
    if isinstance(block, Figure):
        return _figure(block, indent, language)
    if isinstance(block, Table):
        return _table(block, indent, language)
    if isinstance(block, Verbatim):
        # A newline right after <pre> is dropped by HTML parsers: never start with one.
        # Text to copy is a post or a message: the posts' no-break spaces.
        return f"{indent}<pre>{french_post(escape(block.text.strip(chr(10))), language)}</pre>"
    assert isinstance(block, Card)
    inner = "\n".join(_block(b, indent + "  ", language) for b in block.blocks)
    return f'{indent}<section class="{escape(block.css_class)}">\n{inner}\n{indent}</section>'


def _figure(figure: Figure, indent: str, language: str) -> str:
    small = " small" if figure.small else ""
    caption = ""
    if figure.caption:
        text = french_print(escape(collapse(figure.caption)), language)
        caption = f"\n{indent}  <figcaption>{text}</figcaption>"
    # The SVG comes from tui.core.exports.chart, which escapes every label it holds.
    return (f'{indent}<figure class="chart{small}">\n{indent}  {figure.svg}'
            f"{caption}\n{indent}</figure>")


def _table(table: Table, indent: str, language: str) -> str:
    def cell(tag: str, column: int, content: str) -> str:
        numeric = column < len(table.numeric) and table.numeric[column]
        kind = ' class="num"' if numeric else ""
        if tag == "td" and column < len(table.header):
            label = french_print(escape(one_line(table.header[column])), language)
            kind += f' data-label="{label}"'
        return f"<{tag}{kind}>{content}</{tag}>"

    head = "".join(
        cell("th", n, french_print(escape(collapse(text)), language))
        for n, text in enumerate(table.header)
    )
    rows = "".join(
        f"{indent}    <tr>"
        + "".join(cell("td", n, render_inline(item, language)) for n, item in enumerate(row))
        + "</tr>\n"
        for row in table.rows
    )
    return (f"{indent}<table>\n{indent}  <thead><tr>{head}</tr></thead>\n"
            f"{indent}  <tbody>\n{rows}{indent}  </tbody>\n{indent}</table>")


def _has(blocks: list[Block], kind: type) -> bool:
    return any(
        isinstance(block, kind) or (isinstance(block, Card) and _has(list(block.blocks), kind))
        for block in blocks
    )


def _meta(document: Document) -> str:
    """The description and Open Graph tags of a page to publish."""
    if not document.description:
        return ""
    language = document.language
    title = french_print(escape(one_line(document.title)), language)
    summary = french_print(escape(one_line(document.description)), language)
    lines = [
        f'  <meta name="description" content="{summary}"/>\n',
        '  <meta property="og:type" content="article"/>\n',
        f'  <meta property="og:title" content="{title}"/>\n',
        f'  <meta property="og:description" content="{summary}"/>\n',
    ]
    if document.url:
        lines.append(f'  <meta property="og:url" content="{escape(document.url)}"/>\n')
    lines.append('  <meta name="twitter:card" content="summary"/>\n')
    return "".join(lines)


def render_html(document: Document) -> str:
    body = "\n".join(_block(block, "  ", document.language) for block in document.blocks)
    style = STYLE
    if _has(document.blocks, Figure):
        style += CHART_STYLE
    if _has(document.blocks, Table):
        style += TABLE_STYLE
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(document.language)}">\n'
        "<head>\n"
        '  <meta charset="utf-8"/>\n'
        '  <meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
        f'  <meta http-equiv="Content-Security-Policy" content="{CSP}"/>\n'
        '  <meta name="generator" content="tchat"/>\n'
        f"{_meta(document)}"
        f"  <title>{french_print(escape(one_line(document.title)), document.language)}</title>\n"
        f"  <style>\n{style}  </style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{body}\n"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )
