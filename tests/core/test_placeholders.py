from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.text.placeholders import fill, placeholders_in, unknown_placeholders


def test_fill_replaces_known_names() -> None:
    assert fill("Join {tag} at {time}", {"tag": "#Tchat", "time": "18:00"}) == (
        "Join #Tchat at 18:00"
    )


def test_fill_leaves_unknown_and_attribute_access_alone() -> None:
    hostile = "{tag.__class__} {tag[0]} {0} {guests!r} {__import__}"
    assert fill(hostile, {"tag": "#T", "guests": "@a"}) == hostile


def test_double_braces_are_literal() -> None:
    assert fill("{{tag}} is {tag}", {"tag": "#T"}) == "{tag} is #T"
    assert placeholders_in("{{tag}}") == []


def test_unknown_placeholders_reported_once() -> None:
    assert unknown_placeholders("{tag} {tga} {tga} {title}") == ["tga"]


@given(st.text())
def test_text_without_braces_is_unchanged(text: str) -> None:
    plain = text.replace("{", "").replace("}", "")
    assert fill(plain, {"tag": "#T"}) == plain
