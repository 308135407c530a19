"""The HTML exports: well-formed, self-contained, phone-ready, and immune to a hostile
plan or log (text from them can never become markup, a script, a style or a load)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from helpers import plan_dict

from tui.core.exports import export, make_context
from tui.core.exports.html import CHART_STYLE, STYLE, TABLE_STYLE
from tui.core.feed.post import FeedPost
from tui.core.plan.model import Plan
from tui.core.run.asrun import Event

ATTACKS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</style><script>alert(2)</script>",
    "</title><script>alert(3)</script>",
    "' onmouseover='alert(4)",
    "<!-- comment --> <![CDATA[x]]> &amp; &#x3c;",
    "\x1b[31mred\x00\x07",
    '<a href="javascript:alert(5)">x</a>',
]
HTML_EXPORTS = ["recap-html", "runsheet-html", "transcript-html"]
VOID = {"meta", "br", "hr", "img", "input", "link", "source", "wbr", "area", "base", "col"}


def hostile_plan() -> Plan:
    data = plan_dict(
        title=ATTACKS[2] + " " + ATTACKS[3], topic=ATTACKS[0], host=ATTACKS[1]
    )
    data["guests"] = [
        {"name": attack, "handle": "@x", "role": attack, "status": "confirmed"}
        for attack in ATTACKS[:3]
    ]
    data["questions"] = [{"text": attack, "notes": attack} for attack in ATTACKS]
    data["posts"].append({"kind": "custom", "at": 30, "text": ATTACKS[4], "notes": ATTACKS[6]})
    return Plan.model_validate(data)


def hostile_events() -> list[Event]:
    moment = datetime(2026, 12, 3, 17, 10, tzinfo=UTC)
    links = ["javascript:alert(6)", 'https://ok.example/"><script>alert(7)</script>',
             "https://ok.example/post?a=1&b=2", *ATTACKS]
    return [
        Event("mark", moment, moment, cue="q1"),
        *(Event("highlight", moment, moment, cue="q1", text=text) for text in links),
        Event("highlight", moment, moment, cue="nope", text=ATTACKS[0]),
    ]


def hostile_feed() -> list[FeedPost]:
    moment = datetime(2026, 12, 3, 17, 11, tzinfo=UTC)
    return [
        FeedPost("mastodon", str(n), attack, attack, f"A1 {attack} https://ok.example/{n}",
                 'https://m.example/"><script>alert(8)</script>', moment)
        for n, attack in enumerate(ATTACKS)
    ] + [FeedPost("bluesky", f"b{n}", f"p{n}.example", "P", f"A1 {n}",
                  f"https://bsky.app/p/{n}", moment) for n in range(8)]


def render(kind: str) -> str:
    return export(kind, make_context(hostile_plan(), events=hostile_events(),
                                     feed=hostile_feed())).text


class Balance(HTMLParser):
    """A second opinion with the HTML parser a browser-like reader would use: every
    element closed in order, and what the page would run or load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


@pytest.mark.parametrize("kind", HTML_EXPORTS)
def test_hostile_text_cannot_inject(kind: str) -> None:
    page = render(kind)
    root = ET.fromstring(page)  # well-formed XML, or this raises
    elements = list(root.iter())
    names = {el.tag for el in elements}
    assert names <= {
        "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p",
        "ul", "ol", "li", "pre", "section", "strong", "a", "span",
        # the inline chart: shapes and labels, nothing that runs or loads
        "figure", "figcaption", "svg", "desc", "rect", "line", "text", "polyline", "polygon",
    }, names
    [style] = [el.text for el in elements if el.tag == "style"]
    assert style is not None and style.startswith(f"\n{STYLE}")
    assert style.strip() in {part.strip() for part in (
        STYLE, STYLE + CHART_STYLE, STYLE + TABLE_STYLE, STYLE + CHART_STYLE + TABLE_STYLE)}
    for el in elements:
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name == "href":
                assert value.startswith(("https://", "http://")), value
                assert '"' not in value and "<" not in value
    # Hostile text survives as text, visibly.
    text = "".join(root.itertext())
    assert "<script>alert(1)</script>" in text
    assert "␛[31mred␀␇" in text

    checker = Balance()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    assert {tag for tag, _ in checker.tags} & {"script", "img", "iframe", "link"} == set()


def test_only_checked_links_become_links() -> None:
    root = ET.fromstring(render("recap-html"))
    hrefs = [el.attrib["href"] for el in root.iter("a")]
    # The guests' handle's profile, and the http(s) part of each highlight: a quote
    # ends an address, so the <script> after it stays text.
    assert set(hrefs) == {
        "https://x.com/x", "https://ok.example/", "https://ok.example/post?a=1&b=2",
    }


@pytest.mark.parametrize("kind", HTML_EXPORTS)
def test_self_contained_and_phone_ready(kind: str) -> None:
    page = export(kind, make_context(hostile_plan())).text
    root = ET.fromstring(page)
    head = root.find("head")
    assert head is not None
    metas: list[dict[str, Any]] = [dict(m.attrib) for m in head.iter("meta")]
    assert {"charset": "utf-8"} in metas
    viewport = [m for m in metas if m.get("name") == "viewport"]
    assert viewport and "width=device-width" in viewport[0]["content"]
    csp = [m for m in metas if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    # No external resource of any kind: no src, no stylesheet link, no url() or @import.
    for el in root.iter():
        assert "src" not in el.attrib and el.tag not in ("link", "script", "img")
    for style in (STYLE, CHART_STYLE, TABLE_STYLE):
        assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert "@media (max-width" in STYLE  # narrows for phones
    assert root.attrib["lang"] == "en"
