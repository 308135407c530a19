"""Something to say, not yet said in a language: a key of the words table and its fields.

A plan's problems are found before anyone knows which language they will be read in: a
plan that does not load has no language yet, and the same problem is printed by
`tchat check` in the plan's language and shown by a run-sheet opened with `--lang`. So
what is found is kept as `Said.of("check.tag_hash", tag="'PasAvant18Ans'")` and said
where it is shown: `said.say("fr")`.

A field is a text, a number, or words of its own (said in the same language). Texts are
made visible (`tui.core.text.controls`) and cut to `MAX_FIELD`: they may come from a
shared plan or be what a server answered (the feed's failures are said this way too). A
whole number of five digits or more is grouped as the language writes it (100,000 /
100 000), a number with decimals gets its decimal comma in French (12,5).

`SaidError` is the `ValueError` a validator raises with it, so that pydantic's error
carries the words rather than an English sentence (`tui.core.plan.planfile` reads them
back).
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.text.controls import visible
from tui.core.text.numbers import decimal
from tui.core.text.typography import NBSP
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words

MAX_FIELD = 300
"""A text field is cut to this: a server may answer anything; the longest a plan's
problem quotes (the known placeholders, a table's fields) is about half of it."""


@dataclass(frozen=True, slots=True)
class Said:
    """Words to say: `Said.of("check.unknown_field", name="questoins", hint=…)`."""

    key: str
    fields: tuple[tuple[str, str | int | float | Said], ...] = ()

    @classmethod
    def of(cls, key: str, **fields: str | int | float | Said) -> Said:
        return cls(key, tuple(fields.items()))

    def say(self, language: Language) -> str:
        return self.said_with(Words(language))

    def said_with(self, words: Words) -> str:
        values: dict[str, object] = {}
        for name, value in self.fields:
            if isinstance(value, Said):
                values[name] = value.said_with(words)
            elif isinstance(value, str):
                shown = visible(value)
                values[name] = shown if len(shown) <= MAX_FIELD else shown[:MAX_FIELD - 1] + "…"
            elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
                values[name] = grouped(value, words.language)
            elif isinstance(value, float):
                values[name] = decimal(value, words.language, "")
            else:
                values[name] = value
        return words(self.key, **values)

    def __str__(self) -> str:
        return self.say("en")


def grouped(number: int, language: Language) -> str:
    """ "100,000" in English, "100 000" in French (a no-break space: never cut)."""
    text = f"{number:,}"
    return text.replace(",", NBSP) if language == "fr" else text


class SaidError(ValueError):
    """A `ValueError` that carries its words: raised by the plan's validators."""

    def __init__(self, said: Said) -> None:
        super().__init__(said.say("en"))
        self.said = said

    @classmethod
    def of(cls, key: str, **fields: str | int | float | Said) -> SaidError:
        return cls(Said.of(key, **fields))
