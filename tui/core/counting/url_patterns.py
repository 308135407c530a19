"""The pieces of the link extractors' patterns, as text: twitter-text's JavaScript
library (X, and Threads' link limit), and its Ruby gem as a Mastodon server loads it.

Mastodon counts with the Ruby gem (twitter-text 3.1.0, rb/lib/twitter-text/regex.rb)
and then replaces some of the gem's patterns in config/initializers/twitter_regex.rb.
The gem does not always say what the JavaScript library says, so each Ruby piece below
names where it differs. Ruby's `\\p{...}` classes are written out for Unicode 15.0, the
version of the Ruby (3.4) that current Mastodon releases run.
"""

from __future__ import annotations

# --- shared by both libraries ------------------------------------------------------------

SPACES = (
    "\\u0009-\\u000d\\u0020\\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200a"
    "\\u2028\\u2029\\u202f\\u205f\\u3000"
)
INVALID = "\\ufffe\\ufeff\\uffff"
DIRECTIONAL = "\\u202a-\\u202e\\u061c\\u200e\\u200f\\u2066-\\u2069"
LATIN_ACCENTS = (
    "\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f\\u0253\\u0254\\u0256"
    "\\u0257\\u0259\\u025b\\u0263\\u0268\\u026f\\u0272\\u0289\\u028b\\u02bb\\u0300-\\u036f"
    "\\u1e00-\\u1eff"
)
# What may come before a link: twitter-text's `(?:[^A-Za-z0-9@＠$#＃...]|[directional]|^)`.
# The directional marks are already in the first class, so only `^` (the start of the
# text) adds to it.
PRECEDING_CHARACTER = f"[^A-Za-z0-9@\\uff20$#\\uff03{INVALID}]"
PRECEDING = f"(?:{PRECEDING_CHARACTER}|[{DIRECTIONAL}]|^)"

# --- twitter-text, JavaScript (X) ------------------------------------------------------

# ASCII punctuation as the JavaScript library lists it (`"` and `` ` `` are not in it,
# on purpose; the backslash is).
_PUNCT_BUT_DASHES = "!'#%&()*+,\\\\./:;<=>?@\\[\\]^{|}~$"
_PUNCT = _PUNCT_BUT_DASHES + "\\-_"
_CYRILLIC = "\\u0400-\\u04ff"

DOMAIN_CHAR = f"[^{_PUNCT}{SPACES}{INVALID}{DIRECTIONAL}]"
# twitter-text writes (?:[_-]|DOMAIN_CHAR)* and (?:-|DOMAIN_CHAR)*: the same language as
# one class each (every branch takes one character), which `re` matches far faster.
_DOMAIN_CHAR_OR_HYPHEN_UNDERSCORE = f"[^{_PUNCT_BUT_DASHES}{SPACES}{INVALID}{DIRECTIONAL}]"
_DOMAIN_CHAR_OR_HYPHEN = f"[^{_PUNCT_BUT_DASHES}_{SPACES}{INVALID}{DIRECTIONAL}]"
SUBDOMAIN = f"(?:(?:{DOMAIN_CHAR}{_DOMAIN_CHAR_OR_HYPHEN_UNDERSCORE}*)?{DOMAIN_CHAR}\\.)"
DOMAIN_NAME = f"(?:(?:{DOMAIN_CHAR}{_DOMAIN_CHAR_OR_HYPHEN}*)?{DOMAIN_CHAR}\\.)"
PUNYCODE = "xn--[-0-9a-z]+"
_PATH_CHAR = f"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~@|&{LATIN_ACCENTS}]"
_BALANCED_PARENS = f"\\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\\({_PATH_CHAR}+\\){_PATH_CHAR}*))\\)"
_PATH_END = f"[+\\-a-z{_CYRILLIC}0-9=_#/{LATIN_ACCENTS}]|(?:{_BALANCED_PARENS})"
# twitter-text (JS and Java) pastes the ending characters into the path pattern without a
# group, so their "|" splits it: a path part is either text ending in an ending character,
# or a parenthesised group alone. Kept as is, so `a.co/x!(y)` stops at `x` as on X.
PATH = (
    f"(?:(?:{_PATH_CHAR}*(?:{_BALANCED_PARENS}{_PATH_CHAR}*)*{_PATH_END})"
    f"|(?:@{_PATH_CHAR}+/))"
)
_QUERY_CHAR = "[a-z0-9!?*'@();:&=+$/%#\\[\\]\\-_.,~|]"
_QUERY_END = "[a-z0-9\\-_&=#/]"
QUERY = f"\\?{_QUERY_CHAR}*{_QUERY_END}"
# A t.co link ends with its slug and query: what follows is text.
TCO = f"^https?://t\\.co/([a-z0-9]+)(?:{QUERY})?"

# --- twitter-text, Ruby gem 3.1.0, with Mastodon's initializer (Mastodon) ---------------

# DOMAIN_VALID_CHARS: the gem's PUNCTUATION_CHARS hold `"` and `` ` `` but not the
# backslash, and it also leaves out the C0 controls and DEL.
_RUBY_NOT_DOMAIN = (
    f"!\"#$%&'()*+,./:;<=>?@\\[\\]^`{{|}}~\\x00-\\x1f\\x7f{SPACES}{INVALID}{DIRECTIONAL}"
)
_RUBY_DOMAIN_CHAR = f"[^{_RUBY_NOT_DOMAIN}\\-_]"
RUBY_SUBDOMAIN = f"(?:(?:{_RUBY_DOMAIN_CHAR}[^{_RUBY_NOT_DOMAIN}]*)?{_RUBY_DOMAIN_CHAR}\\.)"
RUBY_DOMAIN_NAME = f"(?:(?:{_RUBY_DOMAIN_CHAR}[^{_RUBY_NOT_DOMAIN}_]*)?{_RUBY_DOMAIN_CHAR}\\.)"
# valid_punycode: no hyphen after "xn--" (the JavaScript library allows one).
RUBY_PUNYCODE = "xn--[0-9a-z]+"
# \p{Cyrillic} (the script, Unicode 15.0) and \p{Pd} (dash punctuation, Unicode 15.0),
# where the JavaScript library lists U+0400-U+04FF, and "-" and U+2013.
_RUBY_CYRILLIC = (
    "\\u0400-\\u0484\\u0487-\\u052f\\u1c80-\\u1c88\\u1d2b\\u1d78\\u2de0-\\u2dff"
    "\\ua640-\\ua69f\\ufe2e\\ufe2f\\U0001e030-\\U0001e06d\\U0001e08f"
)
_RUBY_DASHES = (
    "\\-\\u058a\\u05be\\u1400\\u1806\\u2010-\\u2015\\u2e17\\u2e1a\\u2e3a\\u2e3b\\u2e40"
    "\\u2e5d\\u301c\\u3030\\u30a0\\ufe31\\ufe32\\ufe58\\ufe63\\uff0d\\U00010ead"
)
_RUBY_PATH_CHAR = f"[a-z{_RUBY_CYRILLIC}0-9!*';:=+,.$/%#\\[\\]{_RUBY_DASHES}_~&|@{LATIN_ACCENTS}]"
_RUBY_BALANCED_PARENS = (
    f"\\((?:{_RUBY_PATH_CHAR}+|(?:{_RUBY_PATH_CHAR}*\\({_RUBY_PATH_CHAR}+\\){_RUBY_PATH_CHAR}*))\\)"
)
# valid_tco_url: no query (the JavaScript library keeps one in the link).
RUBY_TCO = "^https?://t\\.co/([a-z0-9]+)"

# Mastodon's initializer (config/initializers/twitter_regex.rb) lets a path hold any
# character but white space and a few delimiters, and a query hold U+00A0 and up.
_WHITE_SPACE = SPACES.replace("\\u180e", "")  # Ruby's \p{White_Space}
UCHARS = (
    "\\u00a0-\\ud7ff\\uf900-\\ufdcf\\ufdf0-\\uffef\\ue000-\\uf8ff"
    + "".join(f"\\U{plane:04x}0000-\\U{plane:04x}fffd" for plane in range(1, 17) if plane != 14)
    + "\\U000e1000-\\U000efffd"
)
# What ends a space-free run that may hold a Mastodon link: the white space below
# U+00A0. A query runs through U+00A0 and the other Unicode spaces, which are UCHARS.
MASTODON_BREAKS = "\\u0009-\\u000d\\u0020\\u0085"
_M_PATH_CHAR = f"[^{_WHITE_SPACE}<>()?]"
_M_BALANCED_PARENS = (
    f"\\((?:{_M_PATH_CHAR}+|(?:{_M_PATH_CHAR}*\\({_M_PATH_CHAR}+\\){_M_PATH_CHAR}*))\\)"
)
# The initializer builds the path ending *before* it replaces the balanced parentheses,
# and Ruby interpolates a regex literal when it is built: the ending's parenthesised
# part is still the gem's, with the gem's own path characters. So in
# https://ja.wikipedia.org/wiki/結婚_(日本) the link stops after "結婚_".
_M_PATH_END = (
    f"(?:[^{_WHITE_SPACE}()?!*\"'\u300c\u300d<>;:=,.$%\\[\\]~&|@]|{_RUBY_BALANCED_PARENS})"
)
MASTODON_PATH = (
    f"(?:(?:{_M_PATH_CHAR}*(?:{_M_BALANCED_PARENS}{_M_PATH_CHAR}*)*{_M_PATH_END})"
    f"|(?:{_M_PATH_CHAR}+/))"
)
MASTODON_QUERY = (
    f"\\?[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^{UCHARS}]*[a-z0-9_&=#/\\-{UCHARS}]"
)
