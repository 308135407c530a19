"""Small builders shared by tests: a valid plan in a few lines."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tui.core.model import Plan


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
