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
        """ "plan.toml:12", or the file alone when the line is not known."""
        return f"{file_name}:{self.line}" if self.line is not None else file_name

    def describe(self, file_name: str) -> str:
        """ "plan.toml:12: error: questions[3].text: should not be empty"."""
        field = f"{self.field}: " if self.field else ""
        return f"{self.location(file_name)}: {self.severity}: {field}{self.message}"


class PlanError(Exception):
    """A plan that cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))
