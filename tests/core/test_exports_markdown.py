"""The Markdown exports keep their structure whatever the plan says: a question that
looks like a heading, a list or raw HTML stays text, and only tchat's own headings
are headings."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import plan_dict
from markdown_it import MarkdownIt

from tui.core.exports import EXPORTS, export, make_context
from tui.core.plan.model import Plan

MARKDOWN = [name for name, kind in EXPORTS.items() if kind.suffix == ".md"]


def tricky_plan(language: str) -> Plan:
    data = plan_dict(
        title="# Title *with* <b>markup</b>", topic="- a | table", language=language,
        host="@host_name_",
    )
    data["guests"].append(
        {"name": "## Guest [x](y)", "handle": "@g_two", "role": "> quote", "status": "invited"}
    )
    data["questions"][2] = {"text": "# Q3 heading?\n- item\n\n<div>block</div>"}
    data["questions"][3] = {"text": "1. ordered | pipe `tick` ~~strike~~"}
    return Plan.model_validate(data)


def headings(text: str) -> list[tuple[int, str]]:
    tokens: list[Any] = MarkdownIt("commonmark").enable(["table"]).parse(text)
    found = []
    for index, token in enumerate(tokens):
        assert token.type not in ("html_block", "table_open", "blockquote_open"), token
        if token.type == "inline":
            assert all(c.type != "html_inline" for c in token.children or [])
        if token.type == "heading_open":
            found.append((int(token.tag[1]), tokens[index + 1].content))
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", MARKDOWN)
def test_user_text_never_adds_headings(kind: str, language: str) -> None:
    plan = tricky_plan(language)
    # `all_questions`: with no log, the recap would otherwise list no question at all.
    text = export(kind, make_context(plan, all_questions=True)).text
    found = headings(text)
    assert [level for level, _ in found].count(1) == 1
    # Every heading is one of ours: none starts with the plan's own "#" or "##".
    for _, content in found:
        assert not content.startswith("#"), content
    if kind == "recap-md":
        questions = [c for level, c in found if level == 3]
        assert len(questions) == len(plan.questions)


def test_french_and_english_headings() -> None:
    fr = headings(export("guest-brief", make_context(tricky_plan("fr"))).text)
    en = headings(export("guest-brief", make_context(tricky_plan("en"))).text)
    assert (2, "Le hashtag et les règles") in fr and (2, "Les questions") in fr
    assert (2, "The tag and the rules") in en and (2, "The questions") in en


def test_tables_and_charts_in_markdown_and_plain_text() -> None:
    from tui.core.exports.document import Document, Figure, inline
    from tui.core.exports.markdown import render_markdown
    from tui.core.exports.plain import render_plain

    doc = Document("T", "en")
    doc.table(["Date", "Posts | all"], [[inline("Dec 3"), inline("12")],
                                        [inline("# x"), inline("")]], (False, True))
    doc.figure(Figure("<svg/>", "From 6:00 PM: 12 posts.", "answers in colour"))
    text = render_markdown(doc)
    # A GitHub table whose cells cannot break it; a chart is its words, never its markup.
    assert "| Date | Posts \\| all |\n| --- | ---: |\n| Dec 3 | 12 |\n| \\# x |   |" in text
    assert "From 6:00 PM: 12 posts." in text and "<svg" not in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert html.count("<tr>") == 3 and "<h1>" not in html
    plain = render_plain(doc)
    assert "Date · Posts | all\nDec 3 · 12" in plain and "<svg" not in plain
