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
from dataclasses import dataclass
from encodings import idna
from functools import cache
from unicodedata import ucd_3_2_0 as _UNICODE_3_2

from tui.core.counting.patterns import trie_pattern
from tui.core.counting.tlds import known_tlds

_SPACES = (
    "\\u0009-\\u000d\\u0020\\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200a"
    "\\u2028\\u2029\\u202f\\u205f\\u3000"
)
_INVALID = "\\ufffe\\ufeff\\uffff"
_DIRECTIONAL = "\\u202a-\\u202e\\u061c\\u200e\\u200f\\u2066-\\u2069"
# ASCII punctuation as twitter-text lists it (`"` and `` ` `` are not in it, on purpose).
_PUNCT_BUT_DASHES = "!'#%&()*+,\\\\./:;<=>?@\\[\\]^{|}~$"
_PUNCT = _PUNCT_BUT_DASHES + "\\-_"
_LATIN_ACCENTS = (
    "\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f\\u0253\\u0254\\u0256"
    "\\u0257\\u0259\\u025b\\u0263\\u0268\\u026f\\u0272\\u0289\\u028b\\u02bb\\u0300-\\u036f"
    "\\u1e00-\\u1eff"
)
_CYRILLIC = "\\u0400-\\u04ff"

_DOMAIN_CHAR = f"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
# twitter-text writes (?:[_-]|DOMAIN_CHAR)* and (?:-|DOMAIN_CHAR)*: the same language as
# one class each (every branch takes one character), which `re` matches far faster.
_DOMAIN_CHAR_OR_HYPHEN_UNDERSCORE = (
    f"[^{_PUNCT_BUT_DASHES}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
)
_DOMAIN_CHAR_OR_HYPHEN = (
    f"[^{_PUNCT_BUT_DASHES}_{_SPACES}{_INVALID}{_DIRECTIONAL}]"
)
_SUBDOMAIN = (
    f"(?:(?:{_DOMAIN_CHAR}{_DOMAIN_CHAR_OR_HYPHEN_UNDERSCORE}*)?{_DOMAIN_CHAR}\\.)"
)
_DOMAIN_NAME = f"(?:(?:{_DOMAIN_CHAR}{_DOMAIN_CHAR_OR_HYPHEN}*)?{_DOMAIN_CHAR}\\.)"
_PUNYCODE = "(?:xn--[-0-9a-z]+)"
_PATH_CHAR = f"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~@|&{_LATIN_ACCENTS}]"
_BALANCED_PARENS = (
    f"\\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\\({_PATH_CHAR}+\\){_PATH_CHAR}*))\\)"
)
_PATH_END = f"[+\\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|(?:{_BALANCED_PARENS})"
# twitter-text (JS and Java) pastes the ending characters into the path pattern without a
# group, so their "|" splits it: a path part is either text ending in an ending character,
# or a parenthesised group alone. Kept as is, so `a.co/x!(y)` stops at `x` as on X.
_PATH = (
    f"(?:(?:{_PATH_CHAR}*(?:{_BALANCED_PARENS}{_PATH_CHAR}*)*{_PATH_END})"
    f"|(?:@{_PATH_CHAR}+/))"
)
_QUERY_CHAR = "[a-z0-9!?*'@();:&=+$/%#\\[\\]\\-_.,~|]"
_QUERY_END = "[a-z0-9\\-_&=#/]"
_QUERY = f"\\?{_QUERY_CHAR}*{_QUERY_END}"

# Mastodon's copy of the extractor lets a path hold any character but spaces and a few
# delimiters, and a query hold non-ASCII (config/initializers/twitter_regex.rb).
_WHITE_SPACE = _SPACES.replace("\\u180e", "")
_UCHARS = (
    "\\u00a0-\\ud7ff\\uf900-\\ufdcf\\ufdf0-\\uffef\\ue000-\\uf8ff"
    + "".join(f"\\U{plane:04x}0000-\\U{plane:04x}fffd" for plane in range(1, 17) if plane != 14)
    + "\\U000e1000-\\U000efffd"
)
_M_PATH_CHAR = f"[^{_WHITE_SPACE}<>()?]"
_M_BALANCED_PARENS = (
    f"\\((?:{_M_PATH_CHAR}+|(?:{_M_PATH_CHAR}*\\({_M_PATH_CHAR}+\\){_M_PATH_CHAR}*))\\)"
)
_M_PATH_END = f"(?:[^{_WHITE_SPACE}()?!*\"'\u300c\u300d<>;:=,.$%\\[\\]~&|@]|{_M_BALANCED_PARENS})"
_M_PATH = (
    f"(?:(?:{_M_PATH_CHAR}*(?:{_M_BALANCED_PARENS}{_M_PATH_CHAR}*)*{_M_PATH_END})"
    f"|(?:{_M_PATH_CHAR}+/))"
)
_M_QUERY = (
    f"\\?[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^{_UCHARS}]*[a-z0-9_&=#/\\-{_UCHARS}]"
)
_PRECEDING = f"(?:[^A-Za-z0-9@\\uff20$#\\uff03{_INVALID}]|[{_DIRECTIONAL}]|^)"

_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_LABEL_LENGTH = 63

_PRECEDING_BARE_FORBIDDEN = re.compile("[-_./]$")
# Links never hold a space, so only a space-separated run holding a dot can hold one.
_NEXT_SPACE = re.compile(f"[{_SPACES}]")
_LAST_SPACE = re.compile(f"[{_SPACES}][^{_SPACES}]*\\Z")
_RUN_CACHE_SIZE = 4096
# For ASCII text: what a top-level domain cannot be followed by (`foo.com-x` is no
# link), so a domain after a dot can only be all of the run of these characters.
_ASCII_NOT_AFTER_TLD = re.compile("[0-9A-Za-z@+-]*")
_ASCII_PUNYCODE = re.compile("xn--[-0-9a-z]+", re.IGNORECASE)
_TCO = re.compile(f"^https?://t\\.co/([a-z0-9]+)(?:{_QUERY})?", re.IGNORECASE)

TWITTER_SCHEMES = ("https", "http")
# Mastodon's server accepts these schemes in its copy of the extractor.
MASTODON_SCHEMES = ("https", "http", "dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "gemini")


@cache
def _tld_pattern() -> str:
    # Any TLD, then something that cannot continue a domain: `foo.com-x` is no link.
    return f"(?:{trie_pattern(sorted(known_tlds()))})(?=[^0-9a-zA-Z@+-]|$)"


@cache
def _ascii_tlds() -> frozenset[str]:
    return frozenset(tld for tld in known_tlds() if tld.isascii())


def _domain_end(text: str, begin: int, end: int) -> int:
    """Where the last `.tld` of `text[begin:end]` ends, 0 if none: the last match of
    `_tld_after_dot()`, found without it when the text around the dots is ASCII.

    That pattern (every top-level domain, as a trie) takes longer to compile than the
    run-sheet takes to draw, and most posts hold dots but no link. After a dot, an ASCII
    top-level domain can only be the whole run of characters that may not follow one
    (`foo.com-x` is no link), so one set lookup per dot decides. A character that is not
    ASCII just after the dot or the run could still match case-insensitively (the Kelvin
    sign is a k), so then the pattern decides.
    """
    found = 0
    tlds = _ascii_tlds()
    dot = text.find(".", begin, end)
    while dot >= 0:
        start = dot + 1
        word = _ASCII_NOT_AFTER_TLD.match(text, start, end)
        assert word is not None  # it may be empty, never missing
        after = word.end()
        if after < end and not text[after].isascii():
            return max(
                (m.end() for m in _tld_after_dot().finditer(text, begin, end)), default=0
            )
        if word.group().lower() in tlds:
            found = after
        elif (punycode := _ASCII_PUNYCODE.match(text, start, end)) is not None:
            found = punycode.end()
        dot = text.find(".", start, end)
    return found


@cache
def _ascii_domain() -> re.Pattern[str]:
    return re.compile(
        f"(?:(?:[-a-z0-9{_LATIN_ACCENTS}]+)\\.)+(?:{_tld_pattern()}|{_PUNYCODE})",
        re.IGNORECASE,
    )


# A link at text[start:end], as (start, end).
UrlSpan = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Patterns:
    # The extractor is one pattern in twitter-text. Here it is cut after the domain:
    # the rest (port, path, query) is optional and never makes a match fail, so the
    # result is the same, and the domain search can stop at the last top-level domain
    # of the run instead of scanning every later position to the end (quadratic on a
    # long text without spaces, as CJK posts are).
    domain: re.Pattern[str]
    rest: re.Pattern[str]


@cache
def _tld_after_dot() -> re.Pattern[str]:
    """A dot and a top-level domain: for runs that are not ASCII (`_ascii_domain_end`
    does the same for ASCII without a pattern)."""
    return re.compile(f"\\.(?:{_tld_pattern()}|{_PUNYCODE})", re.IGNORECASE)


class UrlFinder:
    """Finds links the way one platform's extractor does. Compiles on first use."""

    def __init__(
        self,
        schemes: tuple[str, ...],
        *,
        bare_domains: bool,
        path: str = _PATH,
        query: str = _QUERY,
        domain_ok: Callable[[str], bool] | None = None,
    ) -> None:
        self.schemes = schemes
        self._domain_ok = domain_ok or _domain_fits_dns
        self.bare_domains = bare_domains
        self._path = path
        self._query = query
        self._patterns: _Patterns | None = None
        # A link with a scheme needs "://"; one without needs a dot. Texts without
        # either (most keystrokes) skip the extractor entirely.
        self._needle = "." if bare_domains else "://"
        self._runs: dict[str, tuple[UrlSpan, ...]] = {}

    def _compiled(self) -> _Patterns:
        if self._patterns is None:
            scheme = "|".join(re.escape(s) for s in self.schemes)
            top = f"(?:{_tld_pattern()}|{_PUNYCODE})"
            self._patterns = _Patterns(
                domain=re.compile(
                    f"({_PRECEDING})"  # 1: the character before the link
                    f"((?:{scheme})://)?"  # 2: scheme
                    f"({_SUBDOMAIN}*{_DOMAIN_NAME}{top})",  # 3: domain
                    re.IGNORECASE,
                ),
                rest=re.compile(
                    f"(?::[0-9]+)?(/{self._path}*)?(?:{self._query})?",  # 1: path
                    re.IGNORECASE,
                ),
            )
        return self._patterns

    def spans(self, text: str) -> list[UrlSpan]:
        """Every link in `text`, left to right, as code point spans."""
        if self._needle not in text:
            return []
        found: list[UrlSpan] = []
        dot = text.find(".")
        while dot >= 0:
            # The run around the dot: after the last space before it (most often a plain
            # space: rfind narrows the search), up to the next space.
            after_space = text.rfind(" ", 0, dot) + 1
            other = _LAST_SPACE.search(text, after_space, dot)
            start = after_space if other is None else other.start() + 1
            space = _NEXT_SPACE.search(text, dot)
            run_end = len(text) if space is None else space.start()
            # Start on the space before the run (or at 0): the extractor checks what
            # precedes a link.
            begin = max(start - 1, 0)
            spans = self._cached_run_spans(text[begin:run_end])
            if spans:
                found.extend((begin + first, begin + last) for first, last in spans)
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
        domain_end = _domain_end(text, begin, run_end)
        if not domain_end:
            return []
        patterns = self._compiled()
        found: list[UrlSpan] = []
        position = begin
        while position < domain_end:
            head = patterns.domain.search(text, position, domain_end)
            if head is None:
                break
            tail = patterns.rest.match(text, head.end(), run_end)
            assert tail is not None  # every part of it is optional
            found.extend(self._accept(text, head, tail))
            position = tail.end()
        return found

    def _accept(self, text: str, head: re.Match[str], tail: re.Match[str]) -> list[UrlSpan]:
        before, scheme, domain = head.group(1, 2, 3)
        path = tail.group(1)
        start, end = head.end(1), tail.end()
        url = text[start:end]
        if not self._domain_ok(domain):
            return []
        if len(scheme or "https://") + len(url) > _MAX_URL_LENGTH:
            return []
        if scheme:
            tco = _TCO.match(url)
            if tco is not None:
                # A t.co link ends with its slug (and query): what follows is text.
                if len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
                    return []
                end = start + tco.end()
            return [(start, end)]
        if not self.bare_domains or _PRECEDING_BARE_FORBIDDEN.search(before):
            return []
        # Without a scheme only ASCII domains count; a path sticks to the last one.
        bare = [(start + m.start(), start + m.end()) for m in _ascii_domain().finditer(domain)]
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
    if domain.startswith("xn--") and _ascii_domain().search(domain) is None:
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
            encoded = idna.ToASCII(label)
        except UnicodeError:
            return False
        if len(encoded) > _MAX_LABEL_LENGTH:
            return False
    return True


@cache
def twitter_urls() -> UrlFinder:
    """Links as X finds them: with or without a scheme."""
    return UrlFinder(TWITTER_SCHEMES, bare_domains=True)


@cache
def mastodon_urls() -> UrlFinder:
    """Links as a Mastodon server finds them when it counts: only with a scheme."""
    return UrlFinder(MASTODON_SCHEMES, bare_domains=False, path=_M_PATH, query=_M_QUERY,
                     domain_ok=_domain_fits_idna2003)
