"""Turn a large set of literal strings into one compact regular expression."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A node maps a character to its child; the empty key marks "a word ends here".
_Trie = dict[str, "_Trie"]
_END = ""


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, preferring the longest at each position.

    A plain alternation of thousands of literals makes the engine try each one at every
    position; a trie shares prefixes, so each step only tests the characters that can
    follow. The top level stays a branch of literals, which lets `re` skip positions
    that cannot start a match without entering the pattern.
    """
    root: _Trie = {}
    for word in words:
        if not word:
            continue
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not root:
        raise ValueError("trie_pattern needs at least one non-empty word")
    return _alternatives(root, top=True)


def _alternatives(node: _Trie, *, top: bool = False) -> str:
    branches: list[str] = []
    leaves: list[str] = []
    for char in sorted(key for key in node if key != _END):
        child = node[char]
        if not top and list(child) == [_END]:
            leaves.append(char)
        else:
            branches.append(re.escape(char) + _alternatives(child))
    if len(leaves) == 1:
        branches.append(re.escape(leaves[0]))
    elif leaves:
        branches.append("[" + "".join(_class_member(c) for c in leaves) + "]")
    if not branches:
        return ""
    optional = _END in node and not top
    if len(branches) == 1 and not optional:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    # Greedy optional: the longer word is tried first, the shorter one on backtrack.
    return body + "?" if optional else body


def _class_member(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char
