"""Which spans of a post are links, by the rules of twitter-text's URL extractor.

X replaces every link with a 23-character t.co link, so the counter must find links
exactly where X does: with or without `https://`, when the domain ends in a real
top-level domain, without trailing punctuation, and so on. The rules below follow the
published twitter-text behaviour and are checked against its conformance cases.
Mastodon's server uses the same extractor, restricted to links written with a scheme.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple
from unicodedata import ucd_3_2_0 as _UNICODE_3_2

from tui.core.counting import url_patterns as p
from tui.core.counting.tlds import last_tld_end, tld_end

_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_LABEL_LENGTH = 63

_PRECEDING_BARE_FORBIDDEN = re.compile("[-_./]$")
_RUN_CACHE_SIZE = 4096

TWITTER_SCHEMES = ("https", "http")
# Mastodon's server accepts these schemes in its copy of the extractor.
MASTODON_SCHEMES = ("https", "http", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "gemini")


class Dialect(NamedTuple):
    """What one copy of twitter-text finds as a link: the patterns that differ between
    the JavaScript library (X) and the Ruby gem as a Mastodon server loads it."""

    schemes: tuple[str, ...]
    # Whether a link may be written without a scheme (X), or must have one (Mastodon).
    bare_domains: bool
    # Whether the domain passes the library's last check (DNS label sizes, or IDNA).
    domain_ok: Callable[[str], bool]
    subdomain: str = p.SUBDOMAIN
    domain_name: str = p.DOMAIN_NAME
    punycode: str = p.PUNYCODE
    path: str = p.PATH
    query: str = p.QUERY
    tco: str = p.TCO
    # The characters that end a run of text that may hold a link: every space for X; a
    # Mastodon query runs through the Unicode spaces.
    breaks: str = p.SPACES


# A link at text[start:end], as (start, end).
UrlSpan = tuple[int, int]
# What the extractor's pattern found up to the end of a domain: where the link starts,
# where the domain ends, the character before the link, the scheme, the domain.
_Head = tuple[int, int, str, str | None, str]


@cache
def _punycode_at(punycode: str) -> re.Pattern[str]:
    return re.compile(punycode, re.IGNORECASE)


def _domain_end(text: str, begin: int, end: int, punycode: str = p.PUNYCODE) -> int:
    """Where the last `.tld` of `text[begin:end]` ends, 0 if none."""
    return last_tld_end(text, begin, end, _punycode_at(punycode))


@cache
def _ascii_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A label of the characters twitter-text keeps in a bare domain (ASCII and Latin)
    with its dot, and the longest run of such labels."""
    label = f"[-a-z0-9{p.LATIN_ACCENTS}]+\\."
    return re.compile(label, re.IGNORECASE), re.compile(f"(?:{label})+", re.IGNORECASE)


def _ascii_domains(domain: str) -> list[UrlSpan]:
    """The matches of twitter-text's `(?:[-a-z0-9 Latin]+\\.)+(?:tld|punycode)`
    (case-insensitive) in `domain`, left to right, as `re.finditer` gives them.

    The leftmost start is the first character of a label that only such characters
    follow up to its dot: any later start in that label finds the same labels and top-
    level domains after it, so fails or ends alike. From there the labels are taken
    greedily and given back one by one until a top-level domain follows; when none
    follows, no start in those labels can find one (it would see fewer of the same
    dots), so the search goes on after them.
    """
    punycode = _punycode_at(p.PUNYCODE)
    one_label, labels_at = _ascii_labels()
    found: list[UrlSpan] = []
    position = 0
    while (label := one_label.search(domain, position)) is not None:
        start = label.start()
        labels = labels_at.match(domain, start)
        assert labels is not None  # the first label matches
        stop = 0
        dot = labels.end() - 1
        while dot > start and not stop:
            stop = tld_end(domain, dot + 1, len(domain), punycode)
            dot = domain.rfind(".", start, dot)
        if stop:
            found.append((start, stop))
            position = stop
        else:
            # A later start in these labels sees fewer of the same dots: none will do.
            position = labels.end()
    return found


class _Patterns(NamedTuple):
    # The extractor is one pattern in twitter-text. Here it is cut after the domain:
    # the rest (port, path, query) is optional and never makes a match fail, so the
    # result is the same, and the domain search can stop at the last top-level domain
    # of the run instead of scanning every later position to the end (quadratic on a
    # long text without spaces, as CJK posts are). The domain part,
    # `(preceding)(scheme://)?(subdomain* domain_name tld)`, is searched for piece by
    # piece (`UrlFinder._search_head`) with the patterns below, and its top-level domain
    # with `tld_end`: a pattern holding every top-level domain took 12 ms to compile.
    # A character a link may follow, followed by what may start a link:
    start: re.Pattern[str]
    scheme: re.Pattern[str]
    subdomains: re.Pattern[str]
    domain_name: re.Pattern[str]
    punycode: re.Pattern[str]
    rest: re.Pattern[str]
    tco: re.Pattern[str]


class UrlFinder:
    """Finds links the way one platform's extractor does. Compiles on first use."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self._patterns: _Patterns | None = None
        # A link with a scheme needs "://"; one without needs a dot. Texts without
        # either (most keystrokes) skip the extractor entirely.
        self._needle = "." if dialect.bare_domains else "://"
        # Links never hold a break, so only a run between breaks holding a dot can hold
        # one. A plain space is found with rfind, any other break with these.
        self._next_break = re.compile(f"[{dialect.breaks}]")
        self._last_break = re.compile(f"[{dialect.breaks}][^{dialect.breaks}]*\\Z")
        self._runs: dict[str, tuple[UrlSpan, ...]] = {}
        self._heads: dict[str, _Head | None] = {}
        # Hosts recur far more than whole links (each has its own path).
        self._domain_ok = lru_cache(maxsize=_RUN_CACHE_SIZE)(dialect.domain_ok)

    def _compiled(self) -> _Patterns:
        if self._patterns is None:
            dialect = self.dialect
            scheme = "|".join(re.escape(s) for s in dialect.schemes)
            self._patterns = _Patterns(
                start=re.compile(
                    f"{p.PRECEDING_CHARACTER}"
                    f"(?=(?:(?:{scheme})://)?(?:{dialect.subdomain}|{dialect.domain_name}))",
                    re.IGNORECASE,
                ),
                scheme=re.compile(f"(?:{scheme})://", re.IGNORECASE),
                subdomains=re.compile(f"{dialect.subdomain}*", re.IGNORECASE),
                domain_name=re.compile(dialect.domain_name, re.IGNORECASE),
                punycode=_punycode_at(dialect.punycode),
                rest=re.compile(
                    f"(?::[0-9]+)?(/{dialect.path}*)?(?:{dialect.query})?",  # 1: path
                    re.IGNORECASE,
                ),
                tco=re.compile(dialect.tco, re.IGNORECASE),
            )
        return self._patterns

    def spans(self, text: str) -> list[UrlSpan]:
        """Every link in `text`, left to right, as code point spans."""
        if self._needle not in text:
            return []
        found: list[UrlSpan] = []
        dot = text.find(".")
        while dot >= 0:
            # The run around the dot: after the last break before it (most often a plain
            # space: rfind narrows the search), up to the next break.
            after_space = text.rfind(" ", 0, dot) + 1
            other = self._last_break.search(text, after_space, dot)
            start = after_space if other is None else other.start() + 1
            space = self._next_break.search(text, dot)
            run_end = len(text) if space is None else space.start()
            # Start on the break before the run (or at 0): the extractor checks what
            # precedes a link.
            begin = max(start - 1, 0)
            spans = self._cached_run_spans(text[begin:run_end])
            if spans:
                found += [(begin + first, begin + last) for first, last in spans]
            dot = text.find(".", run_end)
        return found

    def _cached_run_spans(self, run: str) -> tuple[UrlSpan, ...]:
        # A run's links depend on the run alone, and the same runs come back at every
        # keystroke of the post around them (and in many posts: handles, links).
        cached = self._runs.get(run)
        if cached is None:
            cached = tuple(self._run_spans(run, 0, len(run)))
            if len(self._runs) >= _RUN_CACHE_SIZE:
                self._runs.clear()
            self._runs[run] = cached
        return cached

    def _run_spans(self, text: str, begin: int, run_end: int) -> list[UrlSpan]:
        """Links of one space-free run, `text[begin:run_end]`."""
        domain_end = _domain_end(text, begin, run_end, self.dialect.punycode)
        if not domain_end:
            return []
        patterns = self._compiled()
        found: list[UrlSpan] = []
        position = begin
        # The first head depends on the run up to its last top-level domain alone: a
        # link's host recurs far more than the whole run (each link has its own path).
        head = self._first_head(text[begin:domain_end])
        if head is not None:
            head = (head[0] + begin, head[1] + begin, *head[2:])
        while head is not None:
            tail = patterns.rest.match(text, head[1], run_end)
            assert tail is not None  # every part of it is optional
            found += self._accept(text, head, tail)
            position = tail.end()
            if position >= domain_end:
                break
            head = self._search_head(text, position, domain_end)
        return found

    def _first_head(self, start: str) -> _Head | None:
        if start in self._heads:
            return self._heads[start]
        head = self._search_head(start, 0, len(start))
        if len(self._heads) >= _RUN_CACHE_SIZE:
            self._heads.clear()
        self._heads[start] = head
        return head

    def _search_head(self, text: str, position: int, end: int) -> _Head | None:
        """The first match of twitter-text's `(preceding)(scheme://)?(subdomain*
        domain_name tld)` in `text[position:end]`, tried in the order `re` tries it.

        At each place, the preceding character's class comes first and `^` (the start
        of the text, so only at 0) after it; then with the scheme, then without it.
        `start` finds the next place whose character may precede a link and is followed
        by what may start one; at 0, `^` is tried after it.
        """
        start = self._compiled().start
        if position == 0:
            if start.match(text, 0, end) is not None and (
                head := self._head_at(text, 0, 1, end)
            ):
                return head
            if head := self._head_at(text, 0, 0, end):
                return head
            position = 1
        while (found := start.search(text, position, end)) is not None:
            before = found.start()
            if head := self._head_at(text, before, before + 1, end):
                return head
            position = before + 1
        return None

    def _head_at(self, text: str, before: int, link: int, end: int) -> _Head | None:
        """The head of a link starting at `link` after `text[before:link]`, if any."""
        scheme = self._compiled().scheme.match(text, link, end)
        if scheme is not None and (domain_end := self._domain_end_at(text, scheme.end(), end)):
            return link, domain_end, text[before:link], scheme.group(), text[
                scheme.end() : domain_end
            ]
        if domain_end := self._domain_end_at(text, link, end):
            return link, domain_end, text[before:link], None, text[link:domain_end]
        return None

    def _domain_end_at(self, text: str, start: int, end: int) -> int:
        """Where `subdomain* domain_name tld` starting at `start` ends, 0 if nowhere.

        Like `re`: as many subdomains as match, then one fewer at a time until a domain
        name and a top-level domain follow. Labels hold no dot, so each subdomain ends
        at the next dot.
        """
        patterns = self._compiled()
        subdomains = patterns.subdomains.match(text, start, end)
        assert subdomains is not None  # it may match nothing, never fail
        label = subdomains.end()
        while True:
            name = patterns.domain_name.match(text, label, end)
            if name is not None and (
                stop := tld_end(text, name.end(), end, patterns.punycode)
            ):
                return stop
            if label == start:
                return 0
            dot = text.rfind(".", start, label - 1)
            label = start if dot < 0 else dot + 1

    def _accept(self, text: str, head: _Head, tail: re.Match[str]) -> list[UrlSpan]:
        start, _, before, scheme, domain = head
        end = tail.end()
        if not self._domain_ok(domain):
            return []
        if len(scheme or "https://") + end - start > _MAX_URL_LENGTH:
            return []
        if scheme:
            # Only a link to the host t.co can match the t.co pattern.
            tco = None
            if len(domain) == 4 and domain.lower() == "t.co":
                tco = self._compiled().tco.match(text[start:end])
            if tco is not None:
                # A t.co link ends with its slug (and, in JavaScript, its query): what
                # follows is text.
                if len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
                    return []
                end = start + tco.end()
            return [(start, end)]
        if not self.dialect.bare_domains or _PRECEDING_BARE_FORBIDDEN.search(before):
            return []
        # Without a scheme only ASCII domains count; a path sticks to the last one.
        path = tail.group(1)
        bare = [(start + first, start + last) for first, last in _ascii_domains(domain)]
        if bare and path:
            last_start, last_end = bare[-1]
            if last_end < start + len(domain):
                path_units = _utf16_length(text, start + len(domain), end)
                end = _counted_end(text, last_start, end, last_end - last_start + path_units)
            bare[-1] = (last_start, end)
        return bare


def _utf16_length(text: str, start: int, end: int) -> int:
    return end - start + sum(1 for char in text[start:end] if char > "\uffff")


def _counted_end(text: str, start: int, end: int, length: int) -> int:
    """Where X stops counting a link as 23, at most `end`.

    twitter-text keeps, for a link without a scheme, the last ASCII domain and the path
    (`www.blog.日本.fr/x` becomes `www.blog/x`), and the counter then skips that many
    UTF-16 units of the text from the link's start: the rest of the span (as long as
    what was dropped) counts character by character. A skip ending inside a surrogate
    pair leaves that character counted (its low half weighs 2, as the character would).
    """
    units = 0
    for index in range(start, end):
        units += 2 if text[index] > "\uffff" else 1
        if units > length:
            return index
    return end


def _domain_fits_dns(domain: str) -> bool:
    """Each label, once Punycode-encoded, has 1 to 63 characters; `xn--` must be ASCII."""
    if domain.startswith("xn--") and not _ascii_domains(domain):
        return False
    for label in domain.split("."):
        if label.isascii():
            size = len(label)
        else:
            try:
                size = 4 + len(label.encode("punycode"))
            except UnicodeError:
                return False
        if not 1 <= size <= _MAX_LABEL_LENGTH:
            return False
    return True


def _idna_to_ascii(label: str) -> bytes:
    # Only Mastodon's counter needs it: not imported for X.
    from encodings import idna

    return idna.ToASCII(label)


_IDNA_DOTS = re.compile("[.\u3002\uff0e\uff61]")


def _domain_fits_idna2003(domain: str) -> bool:
    """Whether the Ruby twitter-text of a Mastodon server takes the domain: it checks
    it with libidn's IDNA 2003 ToASCII (idn-ruby), which refuses code points unassigned
    in Unicode 3.2 (most emoji), prohibited ones, and labels over 63 characters."""
    for label in _IDNA_DOTS.split(domain):
        if label.isascii():
            if not 1 <= len(label) <= _MAX_LABEL_LENGTH:
                return False
            continue
        if any(_UNICODE_3_2.category(char) == "Cn" for char in label):
            return False
        try:
            encoded = _idna_to_ascii(label)
        except UnicodeError:
            return False
        if len(encoded) > _MAX_LABEL_LENGTH:
            return False
    return True


@cache
def twitter_urls() -> UrlFinder:
    """Links as X finds them: with or without a scheme."""
    return UrlFinder(Dialect(TWITTER_SCHEMES, bare_domains=True, domain_ok=_domain_fits_dns))


@cache
def mastodon_urls() -> UrlFinder:
    """Links as a Mastodon server finds them when it counts: only with a scheme, by the
    Ruby gem's patterns and Mastodon's own (see url_patterns)."""
    return UrlFinder(Dialect(
        MASTODON_SCHEMES, bare_domains=False, domain_ok=_domain_fits_idna2003,
        subdomain=p.RUBY_SUBDOMAIN, domain_name=p.RUBY_DOMAIN_NAME, punycode=p.RUBY_PUNYCODE,
        path=p.MASTODON_PATH, query=p.MASTODON_QUERY, tco=p.RUBY_TCO,
        breaks=p.MASTODON_BREAKS,
    ))
