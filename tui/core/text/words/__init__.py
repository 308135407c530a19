"""Every word tchat shows or writes, in French and in English, in one table.

The plan's language decides (`--lang` overrides for the screen), so a French moderator
never meets an English label. The table is split by surface, one module each, and read
through one lookup; every key starts with its surface's prefix, so one key means one
thing and a word's home is plain from its name:

- `screen.py`: `screen.*`, the run-sheet's words (its panes, notices, dialogs and the
  report dialog), and `key.*`, `help.*`, `sys.*`, the footer's, the help's and the
  palette's names for bindings;
- `shared.py`: `kind.*` (the short names of the kinds of cue) and `count.*` (a character
  count), shared by the screen and the exports so the paper backup and the screen agree;
- `exports.py`: `export.*`, the words of the exports (guest brief, event, recap...);
- `cli.py`: `cli.*`, the command line's own words (headers, verdicts, diagnostics);
- `check.py`: `check.*`, a plan's problems, as `tchat check` says them;
- `preflight.py`: `preflight.*`, the pre-flight's, in the plan's language (`tchat check`,
  `tchat new` and the run-sheet's first screen);
- `feed.py`: `feed.*`, the conversation's sources and counts;
- `net.py`: `net.*`, what a server did to a request (the one transport, `tui.net`);
- `post.py`: `post.*`, what posting from tchat did on each network.

What is said to one guest in French never makes a word agree with their gender, which
the plan does not know: "d'intervenir dans le tchat", not "d'être notre invité"; where a
plural names them among others, the inclusive point ("nos invité·es").

`cue_list`, at the end, lists cue names in a sentence; `tui.core.plan.naming` holds the
one way to name a cue and to write a post's count.

An entry gives each language a text, or for a word that depends on a number a table of
texts by CLDR plural category (`"one"`, `"other"`, read with Babel's rules for the
language): `words("screen.report_posted", n=3)`. A test checks that both languages have every
key and the same `{fields}`, and another that every key is used somewhere in `tui/`.

The guide's texts for a new plan are another matter and live in
`tui.core.plan.guide_texts`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from types import ModuleType
from typing import Any

from tui.core.text.elision import elide
from tui.core.text.typography import NBSP, for_post
from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

Entry = dict[Language, str | Plural]

SURFACE_NAMES = ("screen", "shared", "exports", "cli", "check", "preflight", "feed", "net",
                 "post")
"""Each surface's module in this package: its `WORDS` and the `PREFIXES` every key of
it starts with."""

HOMES = {"screen.": "screen", "key.": "screen", "help.": "screen", "sys.": "screen",
         "kind.": "shared", "count.": "shared", "export.": "exports", "cli.": "cli",
         "check.": "check", "preflight.": "preflight", "feed.": "feed", "net.": "net",
         "post.": "post"}
"""Where the keys of each prefix live (a test holds it to the surfaces' `PREFIXES`)."""


def _surface(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


class _Table(Mapping[str, Entry]):
    """One lookup over every surface, each surface read the first time one of its words
    is: the run-sheet's first frame reads the screen's, never the exports' or the
    command line's. Iterating reads them all (a test holds that no key is in two)."""

    def __init__(self) -> None:
        self._read: dict[str, dict[str, Entry]] = {}

    def _words_of(self, key: str) -> dict[str, Entry] | None:
        prefix, dot, _rest = key.partition(".")
        name = HOMES.get(prefix + dot)
        if name is None:
            return None
        words = self._read.get(name)
        if words is None:
            words = self._read[name] = _surface(name).WORDS
        return words

    def __getitem__(self, key: str) -> Entry:
        words = self._words_of(key)
        if words is None:
            raise KeyError(key)
        return words[key]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        words = self._words_of(key)
        return words is not None and key in words

    def _all(self) -> dict[str, Entry]:
        return {key: entry for name in SURFACE_NAMES
                for key, entry in _surface(name).WORDS.items()}

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


WORDS: Mapping[str, Entry] = _Table()
"""One lookup over every surface."""


def __getattr__(name: str) -> Any:
    if name == "SURFACES":  # every surface's module, read now (tests, tools)
        return tuple(_surface(surface) for surface in SURFACE_NAMES)
    raise AttributeError(name)


@lru_cache(maxsize=None)
def _plural_rule(language: Language) -> Callable[[float], str]:
    # Imported here: the locale data is read the first time a plural is needed, not
    # when the run-sheet starts.
    from babel.core import Locale

    rule: Callable[[float], str] = Locale.parse(language).plural_form
    return rule


# A number filled in before its unit ("{n} j", "{seconds} s", "{size} Mo"): `for_post`
# keeps a typed "2 j" together but sees only a brace here, so the unit could start the
# next line.
_FIELD_UNIT = re.compile(r"\} (min|h|j|s|Mo|octets)\b")


@lru_cache(maxsize=4096)
def _french(template: str) -> str:
    """A French template with its no-break spaces: before `: ; ! ?`, inside « », in
    "18 h 00", between a number (typed or filled in) and its unit."""
    return _FIELD_UNIT.sub(f"}}{NBSP}\\1", for_post(template))


class Words:
    """The words of one language: `words("screen.copied_system", label="Q1")`.

    Only the template is parsed for `{fields}`: values (plan text) are inserted as they
    are, so a title holding braces cannot reach anything. A plural entry picks its text
    by the field `n`. In French, "de {place}" is elided for the value it holds
    ("d'Abidjan", `tui.core.text.elision`).
    """

    __slots__ = ("language",)

    def __init__(self, language: Language) -> None:
        self.language: Language = language

    def __call__(self, key: str, **fields: object) -> str:
        template = self.template(key, fields.get("n"))
        if self.language == "fr":
            # "à l'heure de {place}" said of Abidjan: "à l'heure d'Abidjan".
            template = elide(template, fields)
        return template.format(**fields)

    def template(self, key: str, n: object = None) -> str:
        """The unfilled text of `key`; for a plural entry, the form for `n`."""
        text = WORDS[key][self.language]
        if not isinstance(text, str):
            if not isinstance(n, int | float):
                raise TypeError(f"{key} depends on a number: give it as n=")
            text = text.get(_plural_rule(self.language)(n), text["other"])
        # The table is written with plain spaces ("Sujet : {topic}"); a screen or a
        # terminal may break a line at them, right before the ":" French keeps on its
        # word's line. The template only: a plan's own text is left as typed.
        return _french(text) if self.language == "fr" else text

    def get(self, key: str, default: str) -> str:
        """The text of `key`, or `default` for a key the table does not hold."""
        return self.template(key) if key in WORDS else default


def cue_list(names: list[str], words: Words, *, shown: int = 4) -> str:
    """ "Accueil, Q1, Q2, Q3 et 2 autres": the first `shown` names, then how many are
    left out in words. An ellipsis there ended the sentence around it in "…." """
    listed = ", ".join(names[:shown])
    more = len(names) - shown
    return words("screen.cues_and_more", n=more, cues=listed) if more > 0 else listed


def and_list(names: list[str], words: Words) -> str:
    """ "Bluesky et Mastodon", "X, Bluesky and Mastodon": a few names in a sentence."""
    if len(names) < 2:
        return "".join(names)
    return words("screen.list_and", first=", ".join(names[:-1]), last=names[-1])
