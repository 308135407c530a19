"""The top-level domains a bare domain must end in to count as a link (`tlds.txt`), and
where one ends in a text.

twitter-text writes them as one pattern, `(?:com|org|...)` with 1,574 names, tried
longest first and then held to its boundary rule (`(?=[^0-9a-zA-Z@+-]|$)`), all
case-insensitive. Compiled with `re`, that pattern (as a trie) took 12 ms, and building
it 14 ms more, each time it was needed: three patterns held it, and `tchat count` paid
them at each launch. `tld_end` gives the same answers with a set: after a dot, the
candidate names are the stretches of each length a name can have, looked up folded as
`re` folds case. tests/core/test_counting_properties.py holds it to that pattern.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.counting.data import data_text

# What may not follow a top-level domain (`foo.com-x` is no link); `re`'s IGNORECASE,
# as in the pattern, so a Kelvin sign counts as a k there too.
_NOT_AFTER_TLD = re.compile("[0-9a-zA-Z@+-]", re.IGNORECASE)
# The same characters in ASCII: after a dot, an ASCII name can only be all of them.
_ASCII_NOT_AFTER_TLD = re.compile("[0-9A-Za-z@+-]*")


@cache
def known_tlds() -> frozenset[str]:
    """Lower-case names from the package's `tlds.txt` (see scripts/update_tlds.py)."""
    return frozenset(
        line.strip() for line in data_text("tlds.txt").splitlines()
        if line.strip() and not line.startswith("#")
    )


def fold(text: str) -> str:
    """`text` with each character replaced by the one that stands for every character
    `re` takes as equal to it under IGNORECASE: the upper case of its lower case (the
    Kelvin sign, k and K all give K; a long s, s and S all give S). One character for
    one, so indices stay."""
    folded = text.lower().upper()
    if len(folded) == len(text):
        return folded
    # A character whose full case mapping is longer (İ, ß, ŉ...): `re` uses the simple
    # one, which is the first character of the lower case, or the character itself.
    return "".join(_fold_character(char) for char in text)


def _fold_character(char: str) -> str:
    lower = char.lower()[0]
    upper = lower.upper()
    return upper if len(upper) == 1 else lower


@cache
def _names() -> tuple[frozenset[str], frozenset[str], tuple[int, ...]]:
    """The ASCII names, every name folded, and the names' lengths, longest first."""
    names = known_tlds()
    return (
        frozenset(name for name in names if name.isascii()),
        frozenset(map(fold, names)),
        tuple(sorted({len(name) for name in names}, reverse=True)),
    )


def tld_end(text: str, start: int, end: int, punycode: re.Pattern[str]) -> int:
    """Where the top-level domain that starts at `start` (just after a dot) ends, in
    `text[:end]`, or 0 for none: the longest name that matches there and that the
    boundary rule allows, else a Punycode label (the `punycode` pattern, matched there).
    """
    ascii_names, folded_names, sizes = _names()
    word = _ASCII_NOT_AFTER_TLD.match(text, start, end)
    assert word is not None  # it may be empty, never missing
    after = word.end()
    if after == end or text[after].isascii():
        # No name holds ASCII that is not a letter, and a name that ends before `after`
        # would be followed by a letter, a digit or one of "@+-": the name, if any, is
        # the whole word.
        if word.group().lower() in ascii_names:
            return after
    else:
        # A name may hold letters that are not ASCII (みんな, vermögensberater), and be
        # followed by them: every length is a candidate, longest first.
        room = min(end - start, sizes[0])
        window = fold(text[start : start + room])
        for size in sizes:
            if size <= room and window[:size] in folded_names and (
                start + size == end or _NOT_AFTER_TLD.match(text, start + size, end) is None
            ):
                return start + size
    found = punycode.match(text, start, end)
    return 0 if found is None else found.end()


def last_tld_end(text: str, begin: int, end: int, punycode: re.Pattern[str]) -> int:
    """Where the last `.tld` of `text[begin:end]` ends, 0 if none. (Names hold no dot,
    so a top-level domain after one dot never reaches the next: the last one found is
    the one that ends last.)"""
    found = 0
    dot = text.find(".", begin, end)
    while dot >= 0:
        found = tld_end(text, dot + 1, end, punycode) or found
        dot = text.find(".", dot + 1, end)
    return found
