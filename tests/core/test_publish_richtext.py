"""Bluesky rich text: facets at UTF-8 byte offsets, the text as the app publishes it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.counting import count
from tui.core.run.publish.richtext import Facet, bluesky_rich_text


def covered(text: str, facet: Facet) -> str:
    return text.encode("utf-8")[facet.start:facet.end].decode("utf-8")


def test_offsets_are_bytes_after_accents_and_emoji() -> None:
    rich = bluesky_rich_text("Café 🎉 é👩🏽‍💻 #EndCM Q1 : qu'en pensez-vous ? #Été2026.")
    tags = [f for f in rich.facets if f.kind == "tag"]
    assert [f.value for f in tags] == ["EndCM", "Été2026"]
    # "Café 🎉 é👩🏽‍💻 " is 13 code points but 29 UTF-8 bytes before the first `#`.
    assert tags[0].start == len("Café 🎉 é👩🏽‍💻 ".encode()) == 29
    assert [covered(rich.text, f) for f in tags] == ["#EndCM", "#Été2026"]
    assert rich.text.endswith("#Été2026.")  # the full stop is not part of the tag


def test_a_link_is_shortened_as_the_app_does_and_its_facet_holds_the_full_url() -> None:
    text = "Le récap 📝 https://example.org/recaps/2026/decembre/girls-safe-online ici #EndCM"
    rich = bluesky_rich_text(text)
    link, tag = rich.facets
    assert link.kind == "link"
    assert link.value == "https://example.org/recaps/2026/decembre/girls-safe-online"
    assert covered(rich.text, link) == "example.org/recaps/2026/..."  # 13 of the path
    assert covered(rich.text, tag) == "#EndCM"
    # The text posted is the one tchat counted: Bluesky's 300 is the shortened form's.
    assert len(rich.text) == count(text, "bluesky").length


def test_a_bare_domain_gets_https_and_a_mention_keeps_its_handle() -> None:
    rich = bluesky_rich_text("Merci @guest.bsky.social (@Other.Example.org) et example.com !")
    assert [(f.kind, f.value, covered(rich.text, f)) for f in rich.facets] == [
        ("mention", "guest.bsky.social", "@guest.bsky.social"),
        ("mention", "other.example.org", "@Other.Example.org"),
        ("link", "https://example.com", "example.com"),
    ]


def test_what_is_not_a_tag_or_a_mention() -> None:
    rich = bluesky_rich_text("#123 word#no (#paren) #\ufe0fx @nodomain @x.notatld mail@a.com")
    assert rich.facets == ()
    long_tag = "#" + "a" * 65
    assert bluesky_rich_text(long_tag).facets == ()
    assert bluesky_rich_text("#" + "a" * 64).facets[0].value == "a" * 64


@given(st.text(alphabet=st.sampled_from("aé🎉 #@.x\n-_1"), max_size=60))
def test_every_facet_covers_what_it_names(text: str) -> None:
    rich = bluesky_rich_text(text)
    data = rich.text.encode("utf-8")
    for facet in rich.facets:
        assert 0 <= facet.start < facet.end <= len(data)
        shown = data[facet.start:facet.end].decode("utf-8")
        if facet.kind == "tag":
            assert shown[0] in "#＃" and shown[1:] == facet.value
        elif facet.kind == "mention":
            assert shown.lower() == "@" + facet.value
    spans = sorted((f.start, f.end) for f in rich.facets)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_a_stranger_long_run_is_linear() -> None:
    text = "#" + "a" * 50_000 + " " + ("#" + "1" * 40 + " ") * 2000
    rich = bluesky_rich_text(text)
    assert rich.facets == ()
