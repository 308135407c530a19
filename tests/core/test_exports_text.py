"""The shared export helpers: control characters, Markdown escaping and fences, HTML
escaping, links. Markdown is checked by parsing it (markdown-it, CommonMark with GFM
tables and strikethrough), not by comparing strings, so the tests say what a reader
sees."""

from __future__ import annotations

from typing import Any

import pytest
from markdown_it import MarkdownIt

from tui.core.exports.document import Document, Span, inline
from tui.core.exports.html import escape as html_escape
from tui.core.exports.markdown import escape, fence, render_markdown
from tui.core.exports.plain import render_plain
from tui.core.text.clean import clean, one_line, safe_url

HOSTILE = [
    "# Not a heading",
    "## Q1 *bold* _it_ **x** `code` ~~gone~~",
    "- not a list",
    "+ not a list",
    "1. not ordered",
    "2) not ordered",
    "---",
    "> not a quote",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[click](javascript:alert(1)) ![img](https://evil.example/x.png)",
    "| a | b |\n|---|---|\n| c | d |",
    "&lt;b&gt; &amp; &copy;",
    "```\nfence\n```",
    "line one\n# line two\n- line three",
    "\\*escaped\\*",
    "<https://evil.example>",
]


def md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def walk(tokens: list[Any]) -> list[Any]:
    found = []
    for token in tokens:
        found.append(token)
        if token.children:
            found += walk(token.children)
    return found


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_user_text_is_one_literal_paragraph(text: str) -> None:
    doc = Document("t", "en")
    doc.paragraph(text)
    tokens = md().parse(render_markdown(doc))
    kinds = [t.type for t in tokens]
    # Exactly one paragraph: no heading, list, rule, quote, table, code or HTML block.
    assert kinds == ["paragraph_open", "inline", "paragraph_close"]
    inner = [t.type for t in walk(tokens[1].children or [])]
    assert set(inner) <= {"text", "softbreak"}, inner
    # And it reads as the text itself, white space made single spaces.
    assert "".join(t.content for t in walk(tokens[1].children or [])) == one_line(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_in_headings_and_list_items(text: str) -> None:
    doc = Document("t", "en")
    doc.heading(2, "Q1 · ", text)
    doc.bullets([inline(text), inline(Span(text, strong=True), " after")])
    tokens = md().parse(render_markdown(doc))
    kinds = [t.type for t in tokens if t.type.endswith("_open")]
    assert kinds == [
        "heading_open", "bullet_list_open", "list_item_open", "paragraph_open",
        "list_item_open", "paragraph_open",
    ]
    for token in tokens:
        if token.type == "inline":
            inner = {t.type for t in walk(token.children or [])}
            assert inner <= {"text", "strong_open", "strong_close"}, inner


def test_fence_outgrows_backticks_inside() -> None:
    text = "a ``` b\n````\nc"
    block = fence(text)
    assert block.startswith("`````text\n") and block.endswith("\n`````")
    tokens = md().parse(block)
    assert [t.type for t in tokens] == ["fence"]
    assert tokens[0].content == text + "\n"


def test_fenced_posts_are_kept_exactly_for_copying() -> None:
    post = "R1 *not bold* _x_ #Tag <b>\n  indented"
    doc = Document("t", "fr")
    doc.verbatim(post)
    tokens = md().parse(render_markdown(doc))
    assert tokens[0].type == "fence" and tokens[0].content == post + "\n"


def test_links_only_for_http() -> None:
    assert safe_url("https://x.com/a/status/1") == "https://x.com/a/status/1"
    assert safe_url(" http://example.org/?q=1 ") == "http://example.org/?q=1"
    for bad in ("javascript:alert(1)", "https://", "https://a b", "see https://x.com",
                'https://x.com/"><script>', "data:text/html,hi", "ftp://x.org"):
        assert safe_url(bad) is None, bad


def test_markdown_links_go_where_they_say() -> None:
    doc = Document("t", "en")
    doc.paragraph(Span("https://x.com/a?b=1&c=(2)", href="https://x.com/a?b=1&c=(2)"))
    tokens = walk(md().parse(render_markdown(doc)))
    links = [t for t in tokens if t.type == "link_open"]
    assert [t.attrGet("href") for t in links] == ["https://x.com/a?b=1&c=(2)"]


def test_control_characters_become_visible() -> None:
    assert clean("a\x1b[31mb\x00c\x7f\x9bd\r\ne\rf") == "a␛[31mb␀c\u2421\ufffdd\ne\nf"
    assert "\x1b" not in escape("\x1b]52;c;aGk=\x07")
    assert html_escape("\x00<\"'&>") == "␀&lt;&quot;'&amp;&gt;"


def test_plain_text_is_unescaped_and_underlined() -> None:
    doc = Document("t", "fr")
    doc.heading(2, "Quand")
    doc.paragraph("*pas* d'échappement <ici>")
    assert render_plain(doc) == "Quand\n-----\n\n*pas* d'échappement <ici>\n"
