"""Every string that Twemoji's pattern (tui/core/counting/twemoji.txt) can match.

The pattern has no unbounded repetition, so its language is finite: walking the parsed
pattern lists it (look-aheads are ignored, so this is a superset when one applies).
"""

from __future__ import annotations

from functools import cache
from itertools import product
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from tui.core.counting.emoji_sequences import twemoji_pattern

_LITERAL, _IN, _BRANCH, _SUBPATTERN, _REPEAT = (
    _parser.LITERAL, _parser.IN, _parser.BRANCH, _parser.SUBPATTERN, _parser.MAX_REPEAT,
)


def _strings(items: Any) -> set[str]:
    found = {""}
    for op, arg in items:
        found = {a + b for a, b in product(found, _item(op, arg))}
    return found


def _item(op: Any, arg: Any) -> set[str]:
    if op is _LITERAL:
        return {chr(arg)}
    if op is _IN:
        chars: set[str] = set()
        for kind, value in arg:
            if kind is _LITERAL:
                chars.add(chr(value))
            elif kind is _parser.RANGE:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                raise ValueError(f"unexpected class member {kind}")
        return chars
    if op is _BRANCH:
        return set().union(*(_strings(branch) for branch in arg[1]))
    if op is _SUBPATTERN:
        return _strings(arg[3])
    if op is _REPEAT:
        low, high, body = arg
        inner = _strings(body)
        found: set[str] = set()
        for times in range(low, high + 1):
            found |= {"".join(parts) for parts in product(inner, repeat=times)}
        return found
    if op is _parser.ASSERT_NOT or op is _parser.ASSERT:
        return {""}
    raise ValueError(f"unexpected pattern element {op}")


@cache
def twemoji_language() -> frozenset[str]:
    return frozenset(_strings(_parser.parse(twemoji_pattern().pattern)))
