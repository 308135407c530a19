"""Each platform's counting rules, on examples chosen to tell them apart."""

from __future__ import annotations

import unicodedata

import pytest
from twemoji_language import twemoji_language

from tui.core.counting import (
    PLATFORMS,
    Count,
    UnknownPlatformError,
    count,
    platform_info,
    resolve_limit,
    twitter,
)
from tui.core.counting.bluesky import DOTTED_IN_HOST, short_url
from tui.core.counting.emoji_sequences import SEQUENCE_MARKS

FAMILY = "👨\u200d👩\u200d👧\u200d👦"
PHOENIX = "🐦\u200d🔥"  # Emoji 15.1
TRANSGENDER_FLAG = "🏳\ufe0f\u200d⚧\ufe0f"
SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


# --- the public surface ---------------------------------------------------------------

def test_platforms_list_names_labels_and_default_limits() -> None:
    assert {name: info.default_limit for name, info in PLATFORMS.items()} == {
        "x": 280, "x-legacy": 140, "bluesky": 300, "mastodon": 500, "threads": 500,
    }
    assert all(info.label and info.name == name for name, info in PLATFORMS.items())
    assert platform_info("bluesky").label == "Bluesky"


def test_unknown_platform_is_a_clear_value_error() -> None:
    with pytest.raises(UnknownPlatformError, match="unknown platform 'myspace'.*mastodon"):
        count("hi", "myspace")
    assert issubclass(UnknownPlatformError, ValueError)


@pytest.mark.parametrize("limit", [0, -5, True])
def test_a_limit_must_be_a_positive_whole_number(limit: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        count("hi", "mastodon", limit=limit)


def test_a_plan_can_set_the_limit_of_its_server() -> None:
    assert resolve_limit("mastodon") == 500
    assert resolve_limit("mastodon", 5000) == 5000
    text = "x" * 600
    assert not count(text, "mastodon").valid
    roomy = count(text, "mastodon", limit=5000)
    assert (roomy.valid, roomy.limit, roomy.remaining) == (True, 5000, 4400)


def test_count_is_a_frozen_value() -> None:
    counted = count("hello")
    assert isinstance(counted, Count)
    assert (counted.length, counted.limit, counted.remaining) == (5, 280, 275)
    with pytest.raises(AttributeError):
        counted.length = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        counted.remaining = 0  # type: ignore[misc]
    assert counted == count("hello") and hash(counted) == hash(count("hello"))


def test_an_empty_post_is_not_valid() -> None:
    for name in PLATFORMS:
        counted = count("", name)
        assert (counted.length, counted.valid, counted.overflow_index) == (0, False, None)


# --- X ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("©", 1), ("®", 1),  # plain characters without U+FE0F
        ("©\ufe0f", 2), ("®\ufe0f", 2),
        ("❤", 2), ("❤\ufe0f", 2),  # an emoji followed by U+FE0F is one emoji
        ("#\ufe0f\u20e3", 2), ("1\u20e3", 2),  # keycaps
        ("🇫🇷", 2), (SCOTLAND, 2), (FAMILY, 2), ("👋🏽", 2),
        (PHOENIX, 2), (TRANSGENDER_FLAG, 2),  # newer than twitter-text's own data
        ("a\r\nb", 4),  # CR LF is two characters
        ("e\u0301", 1),  # NFC first
        ("日本", 4), ("Ünïcödé", 7), ("‘quoted’", 8),
    ],
)
def test_x_weights(text: str, length: int) -> None:
    assert count(text).length == length


def test_every_twemoji_match_counts_2_on_x() -> None:
    language = twemoji_language()
    assert len(language) > 3000
    wrong = [seq for seq in language if count(seq).length != 2]
    assert wrong == []


def test_every_twemoji_sequence_has_a_mark_second() -> None:
    """The matcher only looks before these marks; the pattern must keep that true."""
    longer = [seq for seq in twemoji_language() if len(seq) > 1]
    assert longer and all(SEQUENCE_MARKS.fullmatch(seq[1]) for seq in longer)


def test_no_single_code_point_twemoji_is_light() -> None:
    """Matches of one code point are not looked for: each must weigh 2 on its own."""
    singles = [seq for seq in twemoji_language() if len(seq) == 1]
    assert singles and all(count(seq, "x-legacy").length == 1 for seq in singles)
    assert all(twitter.plain_weight(seq) == 2 for seq in singles)


@pytest.mark.parametrize(
    ("text", "length"),
    [
        # Twemoji pairs these with U+FE0F: one emoji, 2.
        ("⭐\ufe0f", 2), ("⚽\ufe0f", 2), ("❤\ufe0f", 2), ("☺\ufe0f", 2),
        # Not these: the emoji (2), then the stray U+FE0F (2).
        ("✅\ufe0f", 4), ("❌\ufe0f", 4), ("😀\ufe0f", 4),
        # U+FE0E asks for the text form: two plain characters.
        ("❤\ufe0e", 4),
    ],
)
def test_x_follows_twemoji_on_a_following_fe0f(text: str, length: int) -> None:
    assert count(text).length == length


def test_x_counts_a_bare_link_with_an_idn_label_as_twitter_text_does() -> None:
    # twitter-text keeps "www.blog" (the last ASCII domain) plus the path, then skips
    # that many characters from the link's start: the rest counts as text.
    text = "www.blog.日本.fr/fr/articles/x"
    dropped = len(".日本.fr")
    tail = text[-dropped:]
    assert count(text).length == 23 + len(tail)
    # With a scheme the whole link is 23.
    assert count("https://" + text).length == 23


@pytest.mark.parametrize(
    "text",
    ["https://example.com", "example.com", "t.co/abc", "http://foobar.みんな/"],
)
def test_x_links_count_23(text: str) -> None:
    assert count(f"see {text} now").length == 4 + 23 + 4


def test_x_counts_a_long_link_as_23_but_an_invalid_domain_as_typed() -> None:
    long_link = "https://example.com/" + "a" * 1000
    assert count(long_link).length == 23
    assert count("foo.notatld").length == len("foo.notatld")


def test_x_link_paths_end_as_in_twitter_text() -> None:
    # twitter-text's path pattern ends a path before "!(y)" (its ending characters are
    # pasted in without a group); Mastodon's server groups them and keeps "(y)".
    assert count("see a.co/x!(y)").length == 4 + 23 + 4
    assert count("see http://a.co/x!(y)", "mastodon").length == 4 + 23
    assert count("http://en.wikipedia.org/wiki/Primer_(film)").length == 23


def test_a_long_post_without_spaces_is_counted_whole() -> None:
    text = "日本語" * 3000 + " x.com " + "日本語" * 3000 + " example.com"
    assert count(text, limit=50_000).length == 2 * 9000 + 1 + 23 + 1 + 2 * 9000 + 1 + 23
    # As in twitter-text, "com日本語…example" reads as one label, too long for DNS: no link.
    glued = "x.com" + "日本語" * 30 + "example.com"
    assert count(glued).length == len(glued) + 90


def test_appending_can_shorten_a_post_on_x() -> None:
    """Why the appending property needs a space: these match X's own counter."""
    assert (count("foo.com").length, count("foo.com-").length) == (23, 8)
    partial = "👨\u200d👩\u200d"
    assert (count(partial).length, count(partial + "👧").length) == (6, 2)


def test_refused_characters_make_a_post_invalid_with_a_reason() -> None:
    counted = count("ABC\uffffABC")
    assert (counted.valid, counted.invalid_index, counted.overflow_index) == (False, 3, None)
    assert counted.warnings == ("X refuses any post holding U+FFFF.",)
    assert count("ABC\u202aABC").valid  # directional marks are fine


def test_x_overflow_index_is_in_the_original_text() -> None:
    decomposed = "e\u0301" * 300  # 600 code points, NFC: 300 characters
    counted = count(decomposed)
    assert (counted.length, counted.overflow_index) == (300, 560)


def test_x_overflow_index_never_leaves_a_prefix_that_is_too_long() -> None:
    # The overflow falls on "@": "ab.co@" is no link, but "ab.co" alone would be (23).
    text = "x" * 274 + " ab.co@yyyyyyy"
    counted = count(text)
    assert counted.overflow_index is not None
    assert counted.overflow_index == 279
    assert count(text[: counted.overflow_index]).length <= 280


def test_x_premium_limit() -> None:
    assert count("x" * 3000, "x", limit=25_000).valid


# --- legacy X --------------------------------------------------------------------------

def test_x_legacy_counts_code_points_and_links_as_typed() -> None:
    link = "https://example.com/a/long/path"
    assert count(link, "x-legacy").length == len(link)
    assert count(FAMILY, "x-legacy").length == 7
    assert count("日本", "x-legacy").length == 2
    assert count("x" * 141, "x-legacy").overflow_index == 140


# --- Bluesky ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.com", "example.com"),
        ("https://example.com/", "example.com"),
        # The path keeps its "/": 15 characters are kept whole, 16 are cut to 13 + "...".
        ("https://example.com/abcdefghijklmn", "example.com/abcdefghijklmn"),
        ("https://example.com/abcdefghijklmno", "example.com/abcdefghijkl..."),
        ("https://www.example.com/a?b=c#d", "www.example.com/a?b=c#d"),
        ("http://Example.COM:80/x", "example.com/x"),
        ("https://example.com:8443/x", "example.com:8443/x"),
        ("https://bücher.de/", "xn--bcher-kva.de"),
        ("https://ＥＸＡＭＰＬＥ.com/x", "example.com/x"),  # mapped like a browser does
        ("http://[0:0::1]:8080/x", "[::1]:8080/x"),
        ("http://0x7f.1/x", "127.0.0.1/x"),
        ("https://x.com/a/../b/./c?", "x.com/b/c"),
        ("https://x.com/é", "x.com/%C3%A9"),
        # Browsers refuse these hosts, so the app shows the link as typed.
        ("https://a\u200db.com/x", "https://a\u200db.com/x"),
        ("https://exa|mple.com/x", "https://exa|mple.com/x"),
        ("http://1.2.300.4/x", "http://1.2.300.4/x"),
    ],
)
def test_bluesky_short_url(url: str, shown: str) -> None:
    assert short_url(url) == shown


def test_bluesky_counts_links_as_shown_and_text_in_graphemes() -> None:
    link = "https://example.com/2026/chat/ecology-and-cities"
    assert count(f"Read {link}", "bluesky").length == 5 + len("example.com/2026/chat/ec...")
    assert count(FAMILY + "🇫🇷e\u0301", "bluesky").length == 3
    assert count("a\r\nb", "bluesky").length == 3


def test_bluesky_link_edges() -> None:
    # A trailing full stop is the sentence's, a link without a scheme is shown as typed,
    # and the app only links a lower-case "http".
    assert count("https://example.com/abcdefghijklmnopq.", "bluesky").length == 28
    assert count("example.com/abcdefghijklmnopqrstuvwxyz", "bluesky").length == 38
    upper = "HTTPS://EXAMPLE.COM/abcdefghijklmnopq"
    assert count(upper, "bluesky").length == len(upper)


def test_bluesky_limit_is_300_graphemes() -> None:
    flag = "🇫🇷"  # one grapheme, 8 bytes: 300 of them stay under 3000 bytes
    assert count(flag * 300, "bluesky").valid
    over = count(flag * 301, "bluesky")
    assert (over.valid, over.overflow_index) == (False, 300 * len(flag))


@pytest.mark.parametrize("text", [" ", "\n\n", "\ufeff", " \u3000\ufeff\r\n"])
def test_bluesky_will_not_post_a_blank_text(text: str) -> None:
    counted = count(text, "bluesky")
    assert not counted.valid
    assert counted.refusal == "Bluesky will not post a blank text."
    assert counted.warnings[0] == counted.refusal
    assert count("\u200b", "bluesky").valid  # JavaScript's trim() keeps U+200B


def test_bluesky_refuses_more_than_3000_bytes_even_under_300_graphemes() -> None:
    assert count(FAMILY * 120, "bluesky").valid  # 3000 bytes
    counted = count(FAMILY * 121, "bluesky")  # 3025 bytes, 121 graphemes
    assert (counted.length, counted.valid) == (121, False)
    assert counted.refusal is not None and "this one has 3025 " in counted.refusal
    assert counted.refusal_said is not None
    assert "celle-ci en compte 3025 " in counted.refusal_said.say("fr")
    # The bytes are those of the text as published: links in their short form.
    assert count("https://example.com/" + "a" * 4000, "bluesky").valid


def test_bluesky_counts_a_link_as_typed_not_normalised() -> None:
    # The app percent-encodes the decomposed accent: "e%CC%81" is one more character
    # than "%C3%A9", and both push the path past 15 characters differently.
    assert short_url("https://example.com/e\u0301coles") == "example.com/e%CC%81coles"
    assert count("https://example.com/e\u0301coles", "bluesky").length == len(
        "example.com/e%CC%81co..."
    )
    assert count("https://example.com/écoles", "bluesky").length == len(
        "example.com/%C3%A9coles"
    )


def test_bluesky_finds_links_by_the_apps_rules() -> None:
    # A bare domain is a link only with a listed (lower-case) TLD; either way it stays
    # as typed. An "xn--" label holding a hyphen is no bare link for the app.
    bare = "voir xn--bcher-kva.com/abcdefghijklmnopqrstu"
    assert count(bare, "bluesky").length == len(bare)
    assert short_url("https://xn--bcher-kva.com/x") == "xn--bcher-kva.com/x"
    assert short_url("https://xn--abc.com/x") == "https://xn--abc.com/x"  # no valid name
    assert count("https://localhost/abcdefghijklmnopqrstu", "bluesky").length == len(
        "localhost/abcdefghijkl..."
    )


def test_bluesky_warns_when_the_app_will_mangle_the_post() -> None:
    text = "lire blog.fr/été puis https://example.com/abcdefghijklmnopqrstuvwxyz"
    counted = count(text, "bluesky")
    # What the app means: the first link as typed, the second shortened.
    assert counted.length == len("lire blog.fr/été puis example.com/abcdefghijkl...")
    assert any("mangle" in w and "https://" in w for w in counted.warnings)
    assert counted.valid  # a warning, not a refusal
    fixed = count(text.replace("blog.fr", "https://blog.fr"), "bluesky")
    assert not any("mangle" in w for w in fixed.warnings)
    # Alone, such a link harms nothing.
    assert count("lire blog.fr/été", "bluesky").warnings == ()



def test_bluesky_keeps_a_link_whose_host_holds_a_dot_leader_as_typed() -> None:
    # UTS #46 disallows U+2024, U+2025, U+2026: the URL parser refuses the host.
    for leader in "\u2024\u2025\u2026":
        link = f"https://a{leader}b.com/x"
        assert short_url(link) == link
        assert count(f"lire {link}", "bluesky").length == len(f"lire {link}")
    # The ideographic full stops map to ".", as the full-width one does.
    assert short_url("https://a\u3002b\uff61com/x") == "a.b.com/x"


def test_bluesky_refuses_in_a_host_every_character_whose_compatibility_form_holds_a_dot(
) -> None:
    """UTS #46 disallows them all but U+FF0E (which maps to "."); the constant must
    hold exactly those of Python's Unicode data."""
    dotted = {
        c for c in map(chr, range(0x80, 0x110000))
        if "." in unicodedata.normalize("NFKC", c).casefold() and c != "\uff0e"
    }
    assert {c for c in map(chr, range(0x80, 0x110000)) if DOTTED_IN_HOST.match(c)} == dotted

# --- Mastodon --------------------------------------------------------------------------

def test_mastodon_links_and_remote_mentions() -> None:
    assert count("https://example.com/" + "a" * 200, "mastodon").length == 23
    assert count("gemini://example.com/page", "mastodon").length == 23
    # Without a scheme the server counts the text as typed.
    assert count("example.com/page", "mastodon").length == 16
    assert count("hi @bob@mastodon.social", "mastodon").length == len("hi @bob")
    assert count("hi @bob", "mastodon").length == 7
    assert count("mail bob@example.com", "mastodon").length == 20  # not a mention
    assert count(FAMILY, "mastodon").length == 1


def test_mastodon_paths_hold_any_script_but_not_final_punctuation() -> None:
    # Mastodon widens twitter-text's path characters; X stops at the first kanji.
    text = "https://ja.wikipedia.org/wiki/東京."
    assert count(text, "mastodon").length == 23 + 1
    assert count(text, "x").length == 23 + 2 * 2 + 1


def test_mastodon_counts_the_stripped_text_and_refuses_a_blank_one() -> None:
    # Ruby's strip: ASCII spaces and controls at both ends; a no-break space stays.
    assert count("  \t hi \r\n", "mastodon").length == 2
    assert count("\u00a0hi\u00a0", "mastodon").length == 4
    for blank in ("", "   ", "\n\t", "\u3000", "\u00a0 \u2028"):
        counted = count(blank, "mastodon")
        assert (counted.length, counted.valid) == (0, False)
        assert counted.refusal == "Mastodon will not post a blank text."
    assert count("x" * 500 + "   ", "mastodon").valid  # trailing spaces are stripped


def test_mastodon_mentions_count_short_only_where_twitter_text_ends_them() -> None:
    assert count("@bob@mastodon.social", "mastodon").length == len("@bob")
    # twitter-text ends a mention before another at sign, a Latin accent or "://".
    chained = "@user@server.social@other.social"
    assert count(chained, "mastodon").length == len(chained)
    assert count("@bob@example.fr://x", "mastodon").length == len("@bob@example.fr://x")
    assert count("@bobé@example.fr", "mastodon").length == len("@bobé@example.fr")
    # An accent inside the host is part of it: the mention is whole, and shortened.
    assert count("@bob@example.fré", "mastodon").length == len("@bob")
    # Not after a word character, "=" or "/".
    assert count("a=@bob@x.fr", "mastodon").length == len("a=@bob@x.fr")
    assert count("mail bob@x.fr", "mastodon").length == len("mail bob@x.fr")


def test_mastodon_mention_hosts_hold_combining_marks() -> None:
    # Devanagari vowel signs are word characters for Ruby, so the whole host is the
    # mention's; with Python's \w it would stop at the first sign.
    assert count("@alice@मास्टो.com ok", "mastodon").length == len("@alice ok")


def test_mastodon_link_ends_queries_and_hosts() -> None:
    assert count("https://example.com/path.", "mastodon").length == 23 + 1
    assert count("https://example.com/x!", "mastodon").length == 23 + 1
    assert count("https://example.com/「x」", "mastodon").length == 23 + 1
    assert count("https://example.com/a?q=été", "mastodon").length == 23  # U+00A0 and up
    assert count("https://example.com/a?q=été.", "mastodon").length == 23 + 1
    assert count("http://xn--bcher-kva.com", "mastodon").length == 23  # punycode host
    assert count("https://bücher.de/straße", "mastodon").length == 23
    # libidn's IDNA 2003 refuses code points unassigned in Unicode 3.2: no link.
    assert count("https://🙂.la/x", "mastodon").length == len("https://🙂.la/x")
    assert count("example.com/page", "mastodon").length == len("example.com/page")


def test_mastodon_counts_the_text_as_typed_by_unicode_15_0() -> None:
    from tui.core.counting import mastodon

    assert mastodon.UNICODE_VERSION == "15.0"
    # Unicode 15.0 splits an Indic conjunct in two; Bluesky's newer rules join it.
    assert count("क्ष", "mastodon").length == 2
    assert count("क्ष", "bluesky").length == 1
    assert count("नमस्ते", "mastodon").length == 4
    assert count(FAMILY + "🇫🇷", "mastodon").length == 2
    # No NFC: a decomposed accent is still one cluster, and the text is kept as typed.
    assert count("e\u0301" * 500, "mastodon").valid
    assert count("e\u0301" * 501, "mastodon").overflow_index == 1000


# --- Threads ---------------------------------------------------------------------------

def test_threads_warns_about_a_second_hashtag() -> None:
    assert count("Join us #ChatTime", "threads").warnings == ()
    counted = count("Join us #ChatTime tonight #ecology #Ecology", "threads")
    assert len(counted.warnings) == 1
    assert "#ChatTime" in counted.warnings[0]
    assert "#ecology, #Ecology" in counted.warnings[0]
    assert counted.valid  # a warning, not a refusal


def test_threads_hashtags_need_a_letter_and_a_start() -> None:
    assert count("Q1 #1 and #2 at a#b", "threads").warnings == ()


def test_threads_limit() -> None:
    assert count("é" * 500, "threads").valid
    assert count("é" * 501, "threads").overflow_index == 500


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("🙂", 4), (FAMILY, 25), ("❤\ufe0f", 6), ("🇫🇷", 8), ("👋🏽", 8),
        ("❤\ufe0e", 1), ("©", 1),  # text presentation: one character
        ("é", 1), ("e\u0301", 1), ("日本", 2), ("क्ष", 1), ("a\r\nb", 3),
        ("Bonjour 🙂 !", 14),
    ],
)
def test_threads_counts_emoji_as_their_utf8_bytes(text: str, length: int) -> None:
    assert count(text, "threads").length == length


def test_threads_limit_counts_emoji_bytes() -> None:
    assert count("🙂" * 125, "threads").valid  # 500
    over = count("🙂" * 126, "threads")
    assert (over.length, over.valid, over.overflow_index) == (504, False, 125)


def test_threads_refuses_more_than_five_distinct_links() -> None:
    five = " ".join(f"https://example{i}.com" for i in range(5))
    assert count(five, "threads").valid
    assert count(five + " https://example0.com", "threads").valid  # the same link again
    counted = count(five + " example5.org", "threads")
    assert not counted.valid
    assert counted.refusal == "Threads refuses a post with more than 5 links: this one has 6."


def test_a_twemoji_match_stays_within_the_extent_its_size_is_kept_for() -> None:
    from tui.core.counting.emoji_sequences import _CANDIDATE

    for seq in twemoji_language():
        if len(seq) > 1:
            candidate = _CANDIDATE.match(seq + "x")
            assert candidate is not None and candidate.end() >= len(seq), seq


@pytest.mark.parametrize(("text", "platform", "english", "french"), [
    ("a\uffffb", "x", "X refuses any post holding U+FFFF.",
     "X refuse toute publication qui contient U+FFFF."),
    (" ", "bluesky", "Bluesky will not post a blank text.",
     "Bluesky ne publie pas un texte vide."),
    (" ", "mastodon", "Mastodon will not post a blank text.",
     "Mastodon ne publie pas un texte vide."),
    (" ".join(f"https://a{n}.com" for n in range(6)), "threads",
     "Threads refuses a post with more than 5 links: this one has 6.",
     "Threads refuse une publication de plus de 5 liens\u00a0: celle-ci en compte 6."),
    ("#a #b #c", "threads",
     "Threads takes one topic per post: #a becomes the topic, #b, #c will stay plain text.",
     "Threads ne prend qu'un sujet par publication\u00a0: #a devient le sujet\u00a0; "
     "restent en texte simple\u00a0: #b, #c."),
])
def test_what_a_platform_refuses_or_warns_is_said_in_either_language(
    text: str, platform: str, english: str, french: str,
) -> None:
    """`warnings` keep the English `tchat count` prints and answers; the same notes are
    words, so a French plan's check, screen and posting say them in French (each
    without its full stop: the sentence around it adds one)."""
    counted = count(text, platform)
    assert counted.warnings == (english,)
    assert [f"{note.say('fr')}." for note in counted.notes] == [french]
    assert [f"{note}." for note in counted.notes] == [english]
