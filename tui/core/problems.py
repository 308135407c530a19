"""Problems found in a plan, each with where it is and what to do, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    severity: Severity
    message: str
    field: str = ""
    """Where in the plan, as a path such as `questions[3].text` (counted from 1, as Q3)."""
    line: int | None = None
    """The TOML line it is on, when known."""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def location(self, file_name: str) -> str:
        """ "plan.toml:12 questions[3].text" or as much of it as is known."""
        where = f"{file_name}:{self.line}" if self.line is not None else file_name
        return f"{where} {self.field}".rstrip()


class PlanError(Exception):
    """A plan that cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))
