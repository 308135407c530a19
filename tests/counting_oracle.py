"""The link extractor's patterns as twitter-text writes them, with every top-level
domain in one pattern: what `tui.core.counting.urls` and `tlds` did until they found
top-level domains with a set (too slow to compile at each `tchat count`). The property
tests hold the new code to these patterns' answers, on every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from tui.core.counting import url_patterns as p
from tui.core.counting.tlds import known_tlds
from tui.core.counting.urls import MASTODON_SCHEMES, TWITTER_SCHEMES

# A node maps a character to its child; the empty key marks "a word ends here".
_Trie = dict[str, "_Trie"]
_END = ""


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, preferring the longest at each position (a
    trie: shared prefixes, greedy optional ends)."""
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
    return body + "?" if optional else body


def _class_member(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char


@cache
def tld_pattern() -> str:
    """Any top-level domain, then something that cannot continue a domain."""
    return f"(?:{trie_pattern(sorted(known_tlds()))})(?=[^0-9a-zA-Z@+-]|$)"


@cache
def tld_after_dot(punycode: str = p.PUNYCODE) -> re.Pattern[str]:
    return re.compile(f"\\.(?:{tld_pattern()}|{punycode})", re.IGNORECASE)


def last_tld_end(text: str, punycode: str = p.PUNYCODE) -> int:
    return max((m.end() for m in tld_after_dot(punycode).finditer(text)), default=0)


@cache
def domain_pattern(mastodon: bool) -> re.Pattern[str]:
    """twitter-text's extractor up to the end of the domain: (preceding)(scheme)(domain)."""
    if mastodon:
        schemes, subdomain, domain_name, punycode = (
            MASTODON_SCHEMES, p.RUBY_SUBDOMAIN, p.RUBY_DOMAIN_NAME, p.RUBY_PUNYCODE)
    else:
        schemes, subdomain, domain_name, punycode = (
            TWITTER_SCHEMES, p.SUBDOMAIN, p.DOMAIN_NAME, p.PUNYCODE)
    scheme = "|".join(re.escape(s) for s in schemes)
    return re.compile(
        f"({p.PRECEDING})((?:{scheme})://)?"
        f"({subdomain}*{domain_name}(?:{tld_pattern()}|{punycode}))",
        re.IGNORECASE,
    )


def head(text: str, position: int, end: int, mastodon: bool) -> tuple[object, ...] | None:
    """What the extractor's pattern finds first in text[position:end], as the finder's
    `_search_head` says it."""
    found = domain_pattern(mastodon).search(text, position, end)
    if found is None:
        return None
    before, scheme, domain = found.group(1, 2, 3)
    return found.end(1), found.end(), before, scheme, domain


@cache
def ascii_domain() -> re.Pattern[str]:
    return re.compile(
        f"(?:(?:[-a-z0-9{p.LATIN_ACCENTS}]+)\\.)+(?:{tld_pattern()}|{p.PUNYCODE})",
        re.IGNORECASE,
    )


def ascii_domains(domain: str) -> list[tuple[int, int]]:
    return [m.span() for m in ascii_domain().finditer(domain)]
