"""The plans the benchmarks open: the demo moved to a stable moment, and generated ones.

The bundled demo starts on a fixed date, so what it shows (a countdown to the start, the
chat under way, or "ended") depends on the day the benchmark runs. The copy used here
has its start moved two hours after the benchmark begins: every run, on any date, opens
on the same screen, counting down to the start on the real clock.

Generated plans are built with the core model and written with `save_plan`, then checked
with `check_file`: a benchmark over a plan `tchat check` rejects would measure nothing.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import tomlkit

from tui.commands.demo import demo_plan_path
from tui.core.plan.check import check_file
from tui.core.plan.model import Plan
from tui.core.plan.planfile import save_plan

ZONE = "Europe/Paris"
LEAD = timedelta(hours=2)

# About 200 weighted characters once labelled and tagged: French with accents, an emoji,
# a link, so counting does the work real drafts make it do.
_QUESTION = (
    "Question {i} : qu'est-ce qui a changé pour vous depuis l'été, à l'école comme à la "
    "maison ? Répondez avec {a} 🌍 et partagez une ressource (https://example.org/r/{i})"
)
_CHECK_TEXTS = (
    "Relire la question {i} avec les invités",
    "Programmer la promotion n° {i} sur le compte de l'association",
    "Vérifier les liens du fil {i}",
    "Noter les réponses marquantes du bloc {i} pour le bilan",
)


def starts_soon(lead: timedelta = LEAD) -> datetime:
    """The local start time `lead` from now in ZONE, to the minute (aware)."""
    now = datetime.now(ZoneInfo(ZONE)) + lead
    return now.replace(second=0, microsecond=0)


def shifted_demo(folder: Path, start: datetime | None = None) -> Path:
    """A copy of the French demo whose start is `start` (default: two hours from now).

    Written with tomlkit so the copy keeps the demo's comments and layout: only the
    start line differs from the bundled file.
    """
    source = demo_plan_path("fr")
    document = tomlkit.parse(source.read_text(encoding="utf-8"))
    chat: Any = document["chat"]
    moment = (start or starts_soon()).astimezone(ZoneInfo(str(chat["timezone"])))
    chat["start"] = moment.replace(tzinfo=None)  # a local time, read with `timezone`
    target = folder / "demo-fr.toml"
    target.write_text(tomlkit.dumps(document), encoding="utf-8")
    # The recorded conversation its `[feed] replay` names, beside it as `tchat` copies it.
    conversation = source.with_name("demo-fr.conversation.jsonl")
    shutil.copyfile(conversation, folder / conversation.name)
    _must_pass_check(target)
    return target


def generated_plan(
    path: Path,
    *,
    questions: int,
    checklist: int,
    start: datetime,
    heads_up: int = 2,
) -> Path:
    """A valid plan of `questions` questions with explicit `at`, spread over a day.

    The chat lasts 24 hours (the model's maximum) so that up to 1,000 questions each get
    a minute of their own between the rules (minute 1) and the closing (minute 1430).
    Besides the questions it has five posts: a promo the day before, welcome, rules,
    closing and thanks.
    """
    step = max(1, 1400 // questions)
    data: dict[str, Any] = {
        "chat": {
            "title": f"Benchmark: {questions} questions over a day",
            "topic": "l'école, la maison et l'été",
            "tag": "#BenchChat",
            "start": start,
            "timezone": ZONE,
            "duration": 1440,
            "platform": "x",
            "language": "en",
            "host": "@BenchHost",
            "audience_timezones": ["America/New_York", "Asia/Tokyo"],
            "heads_up": heads_up,
        },
        "guests": [
            {"name": f"Guest {i}", "handle": f"@Guest{i}", "status": "confirmed"}
            for i in range(1, 4)
        ],
        "questions": [
            {"text": _QUESTION.format(i=i + 1, a="{a}"), "at": 3 + i * step}
            for i in range(questions)
        ],
        "posts": [
            {"kind": "promo", "at": -1440, "text": "Tomorrow: {title}, {start}. Follow {tag}!"},
            {"kind": "welcome", "at": 0, "text": "Welcome to {title}! Guests: {guests}"},
            {"kind": "rules", "at": 1, "text": "Answer Q1 with {answer}1, always with {tag}."},
            {"kind": "closing", "at": 1430, "text": "That was the last question, thank you!"},
            {"kind": "thanks", "at": 1435, "text": "Thank you {guests}!"},
        ],
        "checklist": [
            {
                "phase": ("before", "during", "after")[i % 3],
                "text": _CHECK_TEXTS[i % len(_CHECK_TEXTS)].format(i=i + 1),
                **({"due": -1440 * (1 + i % 14)} if i % 3 == 0 else {}),
            }
            for i in range(checklist)
        ],
    }
    save_plan(Plan.model_validate(data), path)
    _must_pass_check(path)
    return path


def large_plan(path: Path, start: datetime) -> Path:
    """The issue's large plan: 500 cues (495 questions and 5 posts, no derived
    heads-ups) and 1,000 checklist items."""
    return generated_plan(path, questions=495, checklist=1000, start=start, heads_up=0)


LARGE_CUES = 500


def _must_pass_check(path: Path) -> None:
    plan, problems = check_file(path)
    errors = [p for p in problems if p.severity == "error"]
    if plan is None or errors:
        shown = "; ".join(f"{p.field}: {p.message}" for p in errors)
        raise RuntimeError(f"generated plan {path} does not pass tchat check: {shown}")
