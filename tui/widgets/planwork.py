"""Work on the plan file the run-sheet never waits for, each in a worker thread.

- **Its errors.** The errors `tchat check` would stop on (an unknown placeholder, a
  post outside the hour...), found once the screen is up: `Errors` brings them.
- **Its edits, prepared.** A live run parses the plan for editing a second after the
  screen is up (a quarter of a second on a plan of a few hundred cues), so the first
  checklist tick of the hour does not wait for it; and the questions and posts without
  an `id` get theirs: read, parsed, given, dumped and validated here, most of a second
  on a large plan. Only the write waits for the UI thread: `IdsReady` brings what to
  write, and the run writes it unless the plan was written meanwhile.

Each worker gets what it works from (the path, the plan as loaded) taken on the UI
thread, where the plan and its fingerprint always go together, and changes nothing:
what it found comes back as a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.message import Message
from textual.widget import Widget

from tui.core.plan.model import Plan
from tui.core.plan.planedit import (
    Fingerprint,
    PlanChangedOnDisk,
    PreparedEdit,
    prepare_edits,
    prepare_ids,
)
from tui.core.plan.problems import PlanError, Problem


class PlanWork(Widget):
    DEFAULT_CSS = "PlanWork { display: none; }"

    @dataclass
    class Errors(Message):
        problems: list[Problem]

    @dataclass
    class IdsReady(Message):
        prepared: PreparedEdit

    @work(thread=True, group="plan-check", exit_on_error=False)
    def find_errors(self, path: Path, plan: Plan) -> None:
        """The plan's errors, drafts over the limit left out (their own notice says
        them); nothing when there are none or the file cannot be read now."""
        from tui.core.plan.check import semantic_problems
        from tui.core.plan.planfile import read_plan_text

        try:
            text = read_plan_text(path)
        except (OSError, PlanError):
            return
        errors = [p for p in semantic_problems(plan, text, drafts=False) if p.is_error]
        if errors:
            self.post_message(self.Errors(errors))

    @work(thread=True, group="plan-edits", exit_on_error=False)
    def prepare(self, path: Path, loaded: Fingerprint, ids: dict[str, str]) -> None:
        """The plan parsed for its first edit; with missing `ids`, them written in."""
        if not ids:
            prepare_edits(path, loaded)
            return
        try:
            prepared = prepare_ids(path, loaded, ids)
        except (PlanChangedOnDisk, PlanError, OSError):
            return
        self.post_message(self.IdsReady(prepared))
