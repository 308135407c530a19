"""French elision and contraction where our words meet a value: "à l'heure d'Abidjan".

French drops the vowel of "de", "le", "la" and "que" before a word that starts with a
vowel ("d'Abidjan", "l'Ouganda", never "de Abidjan"), and contracts "à le" and "de le"
into "au" and "du" ("au Caire", Babel's "Le Caire"), "à les" and "de les" into "aux" and
"des". A template says "à l'heure de {place}" without knowing the place: the junction is
written once the value is known, by `join` (for code that builds a phrase itself) and by
`elide` (which `Words` applies to every French template).

Left as they are: a value starting with an "h" (mute in "d'Hanoï", aspirated in "de
Hambourg": the letter cannot tell), with a "y" ("de Yaoundé"), a digit, a sign or a
handle ("de @awa_d"), and "à" before a vowel, which French never elides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

APOSTROPHE = "'"
"""The one the words table writes ("l'heure"), so an elided junction matches its text."""

_ELIDED = {"de": "d", "le": "l", "la": "l", "que": "qu"}
_CONTRACTED = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}
_JUNCTION = re.compile(r"(?<![\w'’])(de|De|à|À|le|Le|la|La|que|Que) \{(\w+)\}")


def _starts_with_vowel(value: str) -> bool:
    if not value:
        return False
    base = unicodedata.normalize("NFD", value[0])[0].lower()
    return base in "aeiouœæ"


def _with_case(word: str, written: str) -> str:
    """`word` capitalised as `written` is ("De" gives "Du", "À" gives "Au")."""
    return word[:1].upper() + word[1:] if written[:1].isupper() else word


def join(word: str, value: str) -> str:
    """`word` then `value`, elided or contracted as French writes them: ("de", "Abidjan")
    gives "d'Abidjan", ("à", "Le Caire") "au Caire", ("de", "Paris") "de Paris"."""
    lower = word.lower()
    article, space, rest = value.partition(" ")
    if space and rest and (lower, article.lower()) in _CONTRACTED and article[:1].isupper():
        return _with_case(_CONTRACTED[lower, article.lower()], word) + " " + rest
    if lower in _ELIDED and _starts_with_vowel(value):
        return _with_case(_ELIDED[lower], word) + APOSTROPHE + value
    return f"{word} {value}"


@lru_cache(maxsize=2048)
def _junctions(template: str) -> tuple[tuple[int, int, str, str], ...]:
    return tuple((m.start(), m.end(), m.group(1), m.group(2))
                 for m in _JUNCTION.finditer(template))


def elide(template: str, fields: Mapping[str, object]) -> str:
    """A French template with each "de {field}" (and "le", "la", "que", "à") written for
    the value it will hold: "à l'heure de {place}" with Abidjan becomes "à l'heure
    d'{place}"; with "Le Caire", "à {place}" becomes "au Caire" (the value written in,
    its braces doubled, so it is still inserted literally)."""
    junctions = _junctions(template)
    if not junctions:
        return template
    parts: list[str] = []
    last = 0
    for start, end, word, name in junctions:
        if name not in fields:
            continue
        value = str(fields[name])
        joined = join(word, value)
        parts.append(template[last:start])
        if joined.endswith(" " + value):
            parts.append(template[start:end])  # nothing to change
        elif joined.endswith(APOSTROPHE + value):
            parts.append(joined[: -len(value)] + "{" + name + "}")
        else:
            parts.append(joined.replace("{", "{{").replace("}", "}}"))
        last = end
    parts.append(template[last:])
    return "".join(parts)
