"""Each shortcut the counters take for speed gives what the plain computation gives."""

from __future__ import annotations

import unicodedata

import emoji
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.core.counting.emoji_sequences import emoji_sequence_spans, twemoji_pattern
from tui.core.counting.normalization import (
    _changing,
    _segment_start,
    changing_file_text,
    nfc,
    original_index,
)
from tui.core.counting.twitter import LIGHT_RANGES, _first_code_point_over
from tui.core.counting.weights import heavy_flags, plain_weight

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EMOJI = sorted(emoji.EMOJI_DATA)


def test_heavy_flags_say_what_the_light_ranges_say_for_every_code_point() -> None:
    every = "".join(map(chr, range(0x110000)))
    flags = heavy_flags(every)
    heavy = [
        code for code in range(0x110000)
        if not any(low <= code <= high for low, high in LIGHT_RANGES)
    ]
    assert len(flags) == 0x110000
    assert [code for code, flag in enumerate(flags) if flag] == heavy
    assert flags.count(1) == plain_weight(every) - len(every)


# --- emoji sequences: by their marks' runs, as by the pattern over the whole text -----

_emoji_text = st.lists(
    st.one_of(
        st.sampled_from(EMOJI),
        st.sampled_from(["\u200d", "\ufe0f", "\ufe0e", "\u20e3", "\U0001f3fd", "\U0001f1eb",
                         "\U000e0067", "#", "1", "a", " ", "é", "日"]),
    ),
    max_size=30,
).map("".join)


@FAST
@given(_emoji_text)
# A ZWJ sequence ending in an emoji that a U+FE0E after it turns to text: shorter.
@example("🏳\ufe0f\u200d⚧\ufe0e x")
@example("\ufe0f\u20e3👋🏽")
def test_emoji_sequences_are_the_patterns_matches_of_two_or_more(text: str) -> None:
    # twemoji-parser runs its pattern over the whole text; X weighs each match as 2.
    expected = [match.span() for match in twemoji_pattern().finditer(text)
                if match.end() - match.start() > 1]
    assert emoji_sequence_spans(text) == expected


# --- NFC back to the text as typed -----------------------------------------------------

_mixed_text = st.lists(
    st.one_of(
        st.text(max_size=8),
        st.sampled_from(["é", "e\u0301", "q\u0323\u0301\u0302\u0316", "\u0958", "\uf900",
                         "\U0002f800", "\u1100\u1161\u11a8", "\u0f73\u0fb5", "Å", "ﬁ",
                         "\u0301", "a\u0323\u0301", "가"]),
    ),
    max_size=20,
).map("".join)


@FAST
@given(_mixed_text, st.sampled_from(["as typed", "NFD", "NFC"]))
def test_original_index_is_the_segment_walks_answer(text: str, form: str) -> None:
    if form != "as typed":
        text = unicodedata.normalize(form, text)
    normalized = nfc(text)
    for index in range(len(normalized) + 1):
        # A text NFC leaves as it is maps one to one.
        expected = index if text == normalized else _segment_start(text, 0, len(text), 0, index)
        assert original_index(text, normalized, index) == expected, (text, index)


def test_the_characters_nfc_may_change_are_this_pythons() -> None:
    """nfc_changing.txt, read by original_index, holds what this Python's Unicode data
    says; a Python with other data walks segment by segment instead (see _changing)."""
    from importlib import resources

    kept = resources.files("tui.core.counting").joinpath("nfc_changing.txt").read_text(
        encoding="utf-8"
    )
    if _changing() is None:
        assert not kept.startswith(f"# Unicode {unicodedata.unidata_version}\n")
    else:
        assert kept == changing_file_text()


@st.composite
def _stretches(draw: st.DrawFn) -> tuple[bytes, int, int, int]:
    """Heavy flags, a stretch [start, end) of them, and a room it weighs more than."""
    flags = bytes(draw(st.lists(st.integers(0, 1), min_size=1, max_size=120)))
    start = draw(st.integers(0, len(flags) - 1))
    end = draw(st.integers(start + 1, len(flags)))
    weight = end - start + flags.count(1, start, end)
    return flags, start, end, draw(st.integers(0, weight - 1))


@given(_stretches())
@FAST
@example((b"\x00" * 40, 0, 40, 39))  # Latin: no excess to halve
@example((b"\x01" * 40, 0, 40, 0))  # CJK, and no room at all
def test_the_overflow_in_a_stretch_is_the_walks_answer(
    stretch: tuple[bytes, int, int, int],
) -> None:
    flags, start, end, room = stretch
    total = 0
    for index in range(start, end):  # the plain walk: code point by code point
        total += 1 + flags[index]
        if total > room:
            break
    assert _first_code_point_over(flags, start, end, room) == index
