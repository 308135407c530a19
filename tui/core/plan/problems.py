"""Problems found in a plan, each with where it is and what to do, in plain words.

A problem keeps its words unsaid (`Said`: a key of the words table and its fields) until
it is shown, so that `tchat check` says it in the plan's language and a plan that does
not load (no language known yet) is said in the one `plan_language` reads from its text.
Only the message changes language: `plan.toml:12: error: questions[3].text: …` keeps its
shape, its `error`/`warning` and its field path, which scripts read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.core.text.said import Said
from tui.core.text.vocabulary import Language

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    severity: Severity
    said: Said | str
    """What is wrong: words to say in a language, or (from code that has no words for
    it, such as a log's reason) a sentence already said."""
    field: str = ""
    """Where in the plan, as a path such as `questions[3].text` (counted from 1, as Q3)."""
    line: int | None = None
    """The TOML line it is on, when known."""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def text(self, language: Language) -> str:
        """The message in `language`."""
        return self.said.say(language) if isinstance(self.said, Said) else self.said

    @property
    def message(self) -> str:
        """The message in English, for code that has no language to say it in."""
        return self.text("en")

    def location(self, file_name: str) -> str:
        """ "plan.toml:12", or the file alone when the line is not known."""
        return f"{file_name}:{self.line}" if self.line is not None else file_name

    def describe(self, file_name: str, language: Language = "en") -> str:
        """ "plan.toml:12: error: questions[3].text: should not be empty"."""
        field = f"{self.field}: " if self.field else ""
        return f"{self.location(file_name)}: {self.severity}: {field}{self.text(language)}"


def problem(severity: Severity, key: str, field: str = "", line: int | None = None,
            **fields: str | int | float | Said) -> Problem:
    """A problem said by `key` of the words table: `problem("error", "check.x", "chat.tag",
    12, tag="'#'")`."""
    return Problem(severity, Said.of(key, **fields), field, line)


class PlanError(Exception):
    """A plan that cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))
