"""Mastodon's server rules, case by case from its Ruby sources.

A Mastodon server counts with the twitter-text gem 3.1.0 (rb/lib/twitter-text/regex.rb,
extractor.rb), with Mastodon's config/initializers/twitter_regex.rb loaded on top, in
app/validators/status_length_validator.rb. No Ruby runs here, so each case below names
the file and the rule it comes from.
"""

from __future__ import annotations

import unicodedata

import pytest
import regex  # type: ignore[import-untyped]

from tui.core.counting import count

LINK = 23  # StatusLengthValidator::URL_PLACEHOLDER is 23 "x"


def mastodon(text: str) -> int:
    return count(text, "mastodon").length


# --- twitter_regex.rb: the path's ending is built before the balanced parentheses ------
# REGEXEN[:valid_url_path_ending_chars] interpolates REGEXEN[:valid_url_balanced_parens]
# on the line before the initializer replaces it, so a link's *final* parenthesised part
# still holds only the gem's own path characters (regex.rb, valid_general_url_path_chars).

def test_a_final_parenthesised_part_holds_only_the_gems_path_characters() -> None:
    # The link stops after "結婚_": "(日本)" is four clusters of text.
    assert mastodon("https://ja.wikipedia.org/wiki/結婚_(日本)") == LINK + 4
    assert mastodon("https://en.wikipedia.org/wiki/Primer_(film)") == LINK
    assert mastodon("https://fr.wikipedia.org/wiki/Кино_(фильм)") == LINK


def test_a_parenthesised_part_inside_the_path_holds_any_character() -> None:
    # Followed by more path, the group is the initializer's own balanced parentheses.
    assert mastodon("https://example.com/a_(日本)_b") == LINK
    assert mastodon("https://example.com/a_(日本)") == LINK + 4


def test_the_gems_path_characters_are_rubys_cyrillic_script_and_dashes() -> None:
    # regex.rb: \p{Cyrillic} (the script, beyond U+04FF) and \p{Pd} (every dash), where
    # the JavaScript library lists U+0400-U+04FF, "-" and U+2013.
    assert mastodon("https://example.com/a_(\u1c80)") == LINK  # Cyrillic Extended-C
    assert mastodon("https://example.com/a_(b\u2014c)") == LINK  # em dash
    assert mastodon("https://example.com/a_(b\u2e3ac)") == LINK  # two-em dash
    assert mastodon("https://example.com/a_(b\u2026c)") == LINK + 5  # not a dash


@pytest.mark.parametrize("prop", [r"\p{Script=Cyrillic}", r"\p{Pd}"])
def test_the_gems_cyrillic_and_dashes_are_rubys(prop: str) -> None:
    """Every character of the class that Unicode 14 (Python's) assigns closes a link's
    final group; nothing outside the class does (Ruby 3.4 is at Unicode 15.0)."""
    pattern = regex.compile(prop)
    inside = [c for c in map(chr, range(0x80, 0x20000)) if pattern.match(c)]
    known = [c for c in inside if unicodedata.category(c) != "Cn"]
    assert len(known) > 20
    wrong = [c for c in known if mastodon(f"https://example.com/a_(b{c})") != LINK]
    assert wrong == []
    assert mastodon("https://example.com/a_(b\u0531)") == LINK + 4  # Armenian: neither


# --- twitter_regex.rb: a query holds UCHARS, U+00A0 and up -----------------------------

@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u3000", "\u2009", "\u2028"])
def test_a_query_runs_through_unicode_spaces(space: str) -> None:
    assert mastodon(f"https://example.com/?q=a{space}b c") == LINK + 2
    # A query may even end with one (valid_url_query_ending_chars holds UCHARS).
    assert mastodon(f"https://example.com/?q=a{space}") == LINK


def test_a_path_and_a_host_still_stop_at_a_unicode_space() -> None:
    # valid_general_url_path_chars is [^\p{White_Space}<>()?].
    assert mastodon("https://example.com/a\u00a0b") == LINK + 2
    assert mastodon("https://example.com\u00a0?q=a") == LINK + 5


def test_a_query_stops_at_white_space_below_u00a0() -> None:
    for space in (" ", "\t", "\n", "\u0085"):
        assert mastodon(f"https://example.com/?q=a{space}b") == LINK + 2


# --- regex.rb: valid_punycode is xn--[0-9a-z]+ -------------------------------------------

def test_punycode_has_no_hyphen_after_xn_on_mastodon() -> None:
    # The domain ends at "xn--bcher"; "-kva.notatld" is text (12).
    assert mastodon("https://www.xn--bcher-kva.notatld") == LINK + 12
    # The JavaScript form (xn--[-0-9a-z]+) stays X's: the domain ends at "xn--bcher-kva".
    assert count("https://www.xn--bcher-kva.notatld", "x").length == LINK + 8
    assert mastodon("https://xn--bcher-kva.com/x") == LINK  # ".com" ends it anyway


# --- regex.rb: DOMAIN_VALID_CHARS and valid_tco_url -------------------------------------

def test_a_domain_holds_the_gems_characters() -> None:
    # The gem's PUNCTUATION_CHARS hold `"` and "`" but not the backslash, and it leaves
    # out the C0 controls; the JavaScript library does the opposite.
    assert mastodon('https://"example.com') == len('https://"example.com')
    assert count('https://"example.com', "x").length == LINK
    assert mastodon("https://a`b.com") == len("https://a`b.com")
    assert mastodon("https://a\x01b.com") == len("https://a\x01b.com")
    assert mastodon("https://a\\b.com") == LINK
    # On X the backslash ends the scheme's link, and "b.com" is a link of its own.
    assert count("https://a\\b.com", "x").length == len("https://a\\") + LINK


def test_a_tco_link_ends_with_its_slug_and_no_query() -> None:
    # extractor.rb cuts a t.co link to valid_tco_url, which has no query in the gem.
    assert mastodon("https://t.co/abc123?x=1") == LINK + 4
    assert count("https://t.co/abc123?x=1", "x").length == LINK


# --- status_length_validator.rb: clusters of the rewritten text --------------------------
# countable_text replaces each link with URL_PLACEHOLDER and each remote mention with
# "@user"; too_long? then counts each_grapheme_cluster of that text.

@pytest.mark.parametrize("mark", ["\u0301", "\u200d", "\ufe0f", "\U0001f3fd"])
def test_a_mark_after_a_link_joins_the_placeholder(mark: str) -> None:
    # The domain ends before the mark (the TLD's look-ahead lets it follow).
    assert mastodon(f"https://example.com{mark}") == LINK
    assert mastodon(f"https://example.com{mark} ok") == LINK + 3


def test_a_prepended_character_joins_the_placeholder() -> None:
    # U+0600 ARABIC NUMBER SIGN is Prepend: it joins the "x" that follows.
    assert mastodon("\u0600https://example.com") == LINK


def test_a_joiner_after_a_mention_joins_the_user_name() -> None:
    assert mastodon("@bob@example.social\u200d") == len("@bob")


def test_a_cluster_starting_inside_the_placeholder_puts_the_link_over() -> None:
    text = "a" * 477 + " https://example.com\u0301 b"
    counted = count(text, "mastodon")
    assert counted.length == 478 + LINK + 2
    # The 501st cluster is an "x" of the placeholder: the link is where it overflows.
    assert counted.overflow_index == 478
    assert count(text[:478], "mastodon").valid
