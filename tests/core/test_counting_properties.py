"""Properties every count keeps, whatever the text (hypothesis)."""

from __future__ import annotations

import re
import unicodedata

import counting_oracle as oracle
import emoji
import regex  # type: ignore[import-untyped]
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tui.core.counting import PLATFORMS, count, url_patterns
from tui.core.counting.graphemes import grapheme_count
from tui.core.counting.tlds import fold, known_tlds
from tui.core.counting.twitter import LIGHT_RANGES
from tui.core.counting.urls import _ascii_domains, _domain_end, mastodon_urls, twitter_urls

ALL_PLATFORMS = sorted(PLATFORMS)
# The first count builds the matchers; warm them so no example pays for it.
for _name in ALL_PLATFORMS:
    count("warm up 👋🏽 https://example.com @a@b.social #x", _name)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

EMOJI = sorted(emoji.EMOJI_DATA)
TLDS = ["com", "org", "fr", "io", "social", "co.uk", "みんな"]

label = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,18}[a-z0-9])?", fullmatch=True)
# Each segment ends in a letter or digit: a trailing "~" or "." is text, not link.
path = st.from_regex(r"(?:/[A-Za-z0-9_~.-]{0,39}[A-Za-z0-9]){0,60}/?", fullmatch=True)


@st.composite
def urls(draw: st.DrawFn, schemes: tuple[str, ...] = ("https://", "http://", "")) -> str:
    scheme = draw(st.sampled_from(schemes))
    host = ".".join(draw(st.lists(label, min_size=1, max_size=3)))
    return f"{scheme}{host}.{draw(st.sampled_from(TLDS))}{draw(path)}"


fragment = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["Bonjour", "à", "été", "e\u0301", "A\u030a", "日本語", "한국", "\r\n"]),
    st.sampled_from(EMOJI),
    st.sampled_from(["\u200d", "\ufe0f", "\U0001f3fd", "#", "@", ".", "/", " ", "\n"]),
    st.sampled_from(["#chat", "#ÉcoChat", "@bob@mastodon.social", "@ann"]),
    urls(),
)
posts = st.lists(fragment, max_size=25).map("".join)
platforms = st.sampled_from(ALL_PLATFORMS)


@FAST
@given(posts, st.sampled_from(["x", "x-legacy", "threads"]))
def test_canonically_equivalent_texts_count_the_same(text: str, platform: str) -> None:
    """On the platforms that normalise first. Bluesky's app and Mastodon's server count
    the text as typed (test_counting_platforms shows where that differs)."""
    composed = count(text, platform)
    decomposed = count(unicodedata.normalize("NFD", text), platform)
    assert (decomposed.length, decomposed.valid, decomposed.warnings) == (
        composed.length, composed.valid, composed.warnings,
    )


def _is_light(char: str) -> bool:
    return any(low <= ord(char) <= high for low, high in LIGHT_RANGES)


light_text = st.text(
    alphabet=st.characters(
        codec=None,
        categories=None,
        exclude_characters=".",
    ).filter(_is_light),
    max_size=300,
)


@FAST
@given(light_text)
def test_light_characters_count_one_each(text: str) -> None:
    """With no dot there is no link, and light characters (© and ® too) weigh 1."""
    normalized = unicodedata.normalize("NFC", text)
    # NFC can compose light characters into a heavy one (a + U+0325 = U+1E01).
    assume(all(map(_is_light, normalized)))
    assert count(text).length == len(normalized)


words = st.text(alphabet="abcdefghij ", max_size=40)


@FAST
@given(words, urls(), words)
def test_any_link_counts_23_on_x(before: str, url: str, after: str) -> None:
    assert count(f"{before} {url} {after}").length == len(before) + 23 + len(after) + 2


@FAST
@given(words, urls(schemes=("https://", "http://")), words)
def test_any_link_with_a_scheme_counts_23_on_mastodon(before: str, url: str, after: str) -> None:
    counted = count(f"{before} {url} {after}", "mastodon")
    # The server strips the spaces around the post.
    assert counted.length == len(f"{before} ".lstrip()) + 23 + len(f" {after}".rstrip())


@FAST
@given(posts, posts, platforms)
def test_appending_never_shortens(text: str, more: str, platform: str) -> None:
    """Appended after a space, text never lowers the count.

    Without the space it can, on X as in the platforms' own counters: `foo.com` is a
    link (23) but `foo.com-` is not (8), and an emoji ZWJ sequence drops from 6 to 2
    when its last part is typed (test_counting_platforms shows both).
    """
    assert count(f"{text} {more}", platform).length >= count(text, platform).length


@FAST
@given(posts, platforms, st.integers(min_value=1, max_value=80))
def test_overflow_index_marks_the_first_character_past_the_limit(
    text: str, platform: str, limit: int
) -> None:
    counted = count(text, platform, limit=limit)
    assert counted.remaining == limit - counted.length
    assert (counted.overflow_index is None) == (counted.length <= limit)
    if counted.overflow_index is not None:
        assert 0 <= counted.overflow_index < len(text)
        assert count(text[: counted.overflow_index], platform, limit=limit).length <= limit
        assert not counted.valid
    elif counted.valid:
        assert 0 < counted.length <= limit


# Characters on both sides of the grapheme shortcut's "never joins" set.
JOINERS = (
    "\u0300\u0482\u0483\u0489\u302a\u3099\u309b\uff9e\u1100\u1160\u11a8\uac00\ud7a3"
    "\u200c\u200d\ufe0f\U0001f1e6\U0001f1eb\U0001f1f7\U0001f3fb\u0600\u0915\u094d"
    "\u0e33\r\n\u00a9\u203c\u3030a\u00e9 "
)
cluster_text = st.text(
    alphabet=st.one_of(st.characters(codec=None), st.sampled_from(JOINERS)), max_size=60
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(cluster_text, posts))
def test_grapheme_count_agrees_with_uax29_segmentation(text: str) -> None:
    assert grapheme_count(text) == len(regex.findall(r"\X", text))


# Pieces that make dots, top-level domains (real, near-real, Punycode, with letters that
# are not ASCII, in capitals and in characters `re` folds to ASCII) and what may or may
# not follow them meet in every order.
_URL_PIECES = st.sampled_from([
    ".", "..", "com", "co", "c", "fr", "paris", "xn--", "xn--p1ai", "p1ai", "comx",
    "-", "+", "@", "/", ":", "!", "?", "_", "a", "Z", "9", "COM", "Fr", " ", "#", "'",
    "é", "\u212a", "l", "\u017f", "рф", "РФ", "köln", "みんな", "\u00a0", "ＣＯＭ",
    "vermögensberater", "VERMÖGENSBERATUNG", "verm", "ευ", "ΕΥ", "\u03f5υ", "ею",
    "\u1c80", "\u0131", "\u0130", "ß", "中国", "한국", "भारत",
])
# And what may start a link, come before one or stop one.
_HEAD_PIECES = st.one_of(_URL_PIECES, st.sampled_from([
    "https://", "http://", "HTTPS://", "http\u017f://", "gemini://", "ssb://", "example",
    "a-b", "a_b", "-a", "日本", "\u202a", "\ufeff", "$", "＠", "\n", "www", "t.co",
    "\u200b", "x", "0",
]))
_url_texts = st.lists(_URL_PIECES, max_size=12).map("".join)
_head_texts = st.lists(_HEAD_PIECES, max_size=14).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_url_texts, st.sampled_from([url_patterns.PUNYCODE, url_patterns.RUBY_PUNYCODE]))
def test_tld_scan_matches_the_pattern(text: str, punycode: str) -> None:
    # The scan stands in for the pattern; they must agree on every text.
    assert _domain_end(text, 0, len(text), punycode) == oracle.last_tld_end(text, punycode)


@settings(max_examples=1500, deadline=None)
@given(_head_texts, st.data(), st.booleans())
def test_head_search_matches_the_extractors_pattern(
    text: str, data: st.DataObject, mastodon: bool
) -> None:
    """The link's start, domain end, preceding character, scheme and domain, as the
    extractor's pattern (every top-level domain in it) finds them from any position."""
    position = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(position, len(text)))
    finder = mastodon_urls() if mastodon else twitter_urls()
    assert finder._search_head(text, position, end) == oracle.head(text, position, end, mastodon)


@settings(max_examples=1000, deadline=None)
@given(_head_texts)
def test_bare_domains_match_the_pattern(text: str) -> None:
    assert _ascii_domains(text) == oracle.ascii_domains(text)


def test_folding_is_res_ignorecase_for_every_letter_of_a_tld() -> None:
    """Two characters fold alike exactly when `re` takes one for the other under
    IGNORECASE, for every character of a top-level domain against every character that
    has a case (one without a case only matches itself)."""
    letters = sorted(set("".join(known_tlds())) | set("abcdefghijklmnopqrstuvwxyz"))
    cased = [
        char for char in map(chr, range(0x110000))
        if not "\ud800" <= char <= "\udfff" and (char.lower() != char or char.upper() != char)
    ]
    everything = "".join(cased)
    for letter in letters:
        matched = set(re.findall(re.escape(letter), everything, re.IGNORECASE))
        folded = {char for char in cased if fold(char) == fold(letter)}
        assert matched == folded, letter
    assert all(len(fold(char)) == 1 for char in cased)
