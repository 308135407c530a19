"""Small builders shared by tests: a valid plan in a few lines, and the schedule of the
plan `make_plan()` gives with events on its clock; what a fresh interpreter imports."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tui.core.plan.model import Plan
from tui.core.plan.schedule import Cue, build_schedule
from tui.core.run.asrun import Event


def plan_dict(**chat: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "title": "Test chat",
        "tag": "#TestChat",
        "start": datetime(2026, 12, 3, 18, 0),  # noqa: DTZ001 - local time + timezone field
        "timezone": "Europe/Paris",
        "language": "en",
    }
    base.update(chat)
    return {
        "chat": base,
        "guests": [{"name": "Guest One", "handle": "@one", "status": "confirmed"}],
        "questions": [{"text": f"Question number {i}?"} for i in range(1, 9)],
        "posts": [
            {"kind": "welcome", "at": 0, "text": "Welcome to {title}!"},
            {"kind": "rules", "at": 2, "text": "Answer Q1 with {answer}1. Guests: {guests}"},
            {"kind": "closing", "at": 55, "text": "Last question done, thanks!"},
            {"kind": "thanks", "at": 58, "text": "Thank you {guests}!"},
        ],
        "checklist": [{"phase": "before", "text": "Invite guests", "due": "-7d"}],
    }


def make_plan(**chat: Any) -> Plan:
    return Plan.model_validate(plan_dict(**chat))


# The run of the plan `make_plan()` gives: its cues, and moments and events at minutes
# from its start (UTC, as the log writes them).
PLAN = make_plan()
CUES = build_schedule(PLAN, "{q} in {minutes} minutes")
START = PLAN.chat.start_at


def at(minutes: float) -> datetime:
    return (START + timedelta(minutes=minutes)).astimezone(UTC)


def ev(kind: str, minute: float = 0, **fields: object) -> Event:
    return Event(kind, clock=at(minute), wall=at(minute), **fields)  # type: ignore[arg-type]


def cue(cue_id: str) -> Cue:
    return next(c for c in CUES if c.id == cue_id)


def modules_loaded(code: str, prefixes: tuple[str, ...], *, cwd: Path | None = None) -> list[str]:
    """The modules named with one of `prefixes` that a fresh interpreter has imported
    once it has run `code`: what a start-up pays for, free of this process's imports."""
    script = (f"{code}\nimport json, sys\n"
              f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, cwd=cwd)
    loaded: list[str] = json.loads(result.stdout.splitlines()[-1])
    return loaded
