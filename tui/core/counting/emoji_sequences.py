"""Where emoji sequences are in a text, from the `emoji` package's current Unicode data.

X weighs a whole emoji sequence (a ZWJ family, a skin tone, a flag, a keycap, a tag flag,
an emoji with U+FE0F) as 2, however many code points it has. Only the data comes from
`emoji`; the matcher is built here once, on first use, since compiling it takes a moment.
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.counting.patterns import trie_pattern

VS16 = "\ufe0f"
# Without U+FE0F these two are ordinary text characters on X, not emoji.
_TEXT_BY_DEFAULT = frozenset({"\u00a9", "\u00ae"})

# The second code point of every multi-code-point emoji sequence is one of these (checked
# against the data by the tests). So a sequence can only start just before one of them,
# and a text without any has no sequence: a lone emoji already weighs 2 as a character.
SEQUENCE_MARKS = re.compile(
    "[\u200d\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U0001f1e6-\U0001f1ff\U000e0020-\U000e007f]"
)


@cache
def _sequences_by_first_char() -> dict[str, list[str]]:
    # Imported here: the data is large, and a text without any sequence mark (most
    # posts) never needs it, so the app's first frame does not wait for it.
    import emoji

    by_first: dict[str, list[str]] = {}
    for seq in emoji.EMOJI_DATA:
        if len(seq) > 1 or seq not in _TEXT_BY_DEFAULT:
            by_first.setdefault(seq[0], []).append(seq)
    return by_first


@cache
def _matcher(first: str) -> re.Pattern[str] | None:
    """A matcher of the sequences that `first` starts; None when it starts none.

    Longest first; a trailing U+FE0F joins the emoji before it. One small pattern per
    first character: one big alternation would be tried branch by branch at every
    candidate. Compiled on first need, since compiling all of them up front cost more
    than the app's first frame can spare and a text meets only a few.
    """
    sequences = _sequences_by_first_char().get(first)
    if not sequences:
        return None
    longer = [seq for seq in sequences if len(seq) > 1]
    alternatives = [
        "(?:" + trie_pattern(longer) + ")" + VS16 + "?" if longer else "",
        re.escape(first) + VS16 if first in sequences else "",
    ]
    return re.compile("|".join(a for a in alternatives if a))


def emoji_sequence_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of each emoji sequence of two or more code points, left to right.

    Same result as scanning every position with the full matcher, without paying for
    positions that cannot start a sequence.
    """
    spans: list[tuple[int, int]] = []
    resume = 0
    for mark in SEQUENCE_MARKS.finditer(text, 1):
        start = mark.start() - 1
        if start < resume:
            continue
        matcher = _matcher(text[start])
        found = matcher.match(text, start) if matcher is not None else None
        if found is not None:
            resume = found.end()
            spans.append((start, resume))
    return spans
