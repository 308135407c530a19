"""The one sanitizer: control characters and bidi overrides, shown visibly, never copied."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.exports.html import escape
from tui.core.text.clean import clean
from tui.core.text.controls import (
    BIDI_CONTROLS,
    UNSAFE,
    controls_in,
    for_copy,
    index_in,
    visible,
)

HOSTILE = st.text(alphabet=st.sampled_from(
    [*"ab \n\t", "\x1b", "\x07", "\r", "\x9b", "\x7f", "\u202e", "\u2066", "é", "😀"]
))


@given(HOSTILE)
def test_visible_is_one_for_one_and_safe(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert UNSAFE.isdisjoint(shown)
    assert [i for i, c in enumerate(text) if c in "\n\t"] == [
        i for i, c in enumerate(shown) if c in "\n\t"]


@given(HOSTILE)
def test_copies_drop_every_control_and_keep_the_rest(text: str) -> None:
    copied = for_copy(text)
    assert UNSAFE.isdisjoint(copied)
    assert copied == "".join(c for c in text.replace("\r\n", "\n") if c not in UNSAFE)


def test_symbols_and_code_points() -> None:
    assert visible("a\x1b]52;c;x\x07\u202eb") == "a␛]52;c;x␇⇄b"
    found = controls_in("ok\x1b\u202e")
    assert [f.code_point for f in found] == ["U+001B (ESC)", "U+202E (RIGHT-TO-LEFT OVERRIDE)"]
    assert [f.is_bidi for f in found] == [False, True]
    assert BIDI_CONTROLS == {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def test_html_exports_neutralise_bidi_overrides() -> None:
    link = "https://example.org/\u202egnp.exe"
    assert "\u202e" not in clean(link) and "⇄" in clean(link)
    assert "\u202e" not in escape(link)


@given(HOSTILE)
def test_one_line_marked_keeps_every_character_on_one_safe_line(text: str) -> None:
    from tui.core.text.clean import one_line

    shown = one_line(text, marked=True)
    assert "\n" not in shown and "\t" not in shown and UNSAFE.isdisjoint(shown)
    # Every character kept in its place: only line breaks grow (" ⏎ ").
    assert shown.replace(" ⏎ ", "\n") == visible(text.replace("\r\n", "\n")).replace("\t", " ")


def test_one_line_collapses_for_exports_and_marks_breaks_for_screens() -> None:
    from tui.core.text.clean import one_line

    assert one_line("  Un\n  deux\t\u202etrois ") == "Un deux ⇄trois"
    assert one_line("Un\r\n  deux\ttrois", marked=True) == "Un ⏎   deux trois"


def test_one_link_check_for_every_surface() -> None:
    from tui.core.text.clean import safe_url

    assert safe_url("https://social.example/@a/1", https_only=True) == (
        "https://social.example/@a/1")
    assert safe_url("http://example.org/a") == "http://example.org/a"
    assert safe_url("http://example.org/a", https_only=True) is None
    for hostile in ("https://a.example/\x1b]52;c;x\x07", "https://a.example/\u202egnp",
                    "https://a.example/a b", "javascript:alert(1)", "https://"):
        assert safe_url(hostile) is None, hostile


@given(HOSTILE)
def test_a_position_in_the_copy_is_found_in_the_text(text: str) -> None:
    # A count made on the copy marks its overflow on the text as written (and shown).
    copied = for_copy(text)
    assert [text[index_in(text, i)] for i in range(len(copied))] == list(copied)
    assert index_in(text, len(copied)) == len(text)
