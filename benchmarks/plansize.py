"""How opening a plan grows with its size: 10, 100 and 1,000 questions.

Each plan (from `plans.generated_plan`: explicit `at` for every question, five posts,
derived heads-ups, 20 checklist items) is timed in the four steps `tchat run` and
`tchat check` go through, in process, each step on the previous step's result:
load (read, TOML parse, pydantic validation), check (`semantic_problems`, what
`tchat check` adds), schedule (`build_schedule`, cues with heads-ups), drafts
(`DraftBook(...).drafts`: placeholders filled, tags added, every draft counted). The
step times and their sum are given per size; growth is the ratio of the 1,000-question
total to the 10-question one (100x the questions).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from benchmarks.plans import generated_plan
from benchmarks.report import Figure, samples
from tui.core.plan.check import semantic_problems
from tui.core.plan.drafts import DraftBook
from tui.core.plan.guide_texts import heads_up_template
from tui.core.plan.planfile import load_plan
from tui.core.plan.schedule import build_schedule

SECTION = "Plan size (load, check, schedule, drafts; in process)"
SIZES = (10, 100, 1000)
START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def _timed(func: Callable[[], object]) -> float:
    started = time.perf_counter()
    func()
    return (time.perf_counter() - started) * 1000


def _once(path: Path, text: str) -> dict[str, float]:
    """One pass over the four steps, in ms each."""
    started = time.perf_counter()
    plan = load_plan(path)
    load = (time.perf_counter() - started) * 1000
    return {
        "load": load,
        "check": _timed(partial(semantic_problems, plan, text)),
        "schedule": _timed(partial(build_schedule, plan, heads_up_template("en"))),
        "drafts": _timed(lambda: DraftBook(plan).drafts),
    }


def measure(quick: bool) -> list[Figure]:
    runs = 3 if quick else 10
    figures: list[Figure] = []
    totals: dict[int, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="tchat-bench-") as tmp:
        for size in SIZES:
            path = generated_plan(Path(tmp) / f"plan-{size}.toml", questions=size,
                                  checklist=20, start=START)
            text = path.read_text(encoding="utf-8")
            load_plan(path)  # warm-up: imports, pydantic's validators, counting matchers
            passes = [_once(path, text) for _ in range(runs)]
            steps = {step: [p[step] for p in passes] for step in passes[0]}
            totals[size] = [sum(parts) for parts in zip(*steps.values(), strict=True)]
            kb = path.stat().st_size / 1000
            for step, times in steps.items():
                figures.append(Figure(SECTION, f"{size} questions: {step}", "ms",
                                      samples(times)))
            figures.append(Figure(SECTION, f"{size} questions: total", "ms",
                                  samples(totals[size]), note=f"plan file {kb:.0f} kB"))
    growth = statistics.median(totals[SIZES[-1]]) / statistics.median(totals[SIZES[0]])
    figures.append(Figure(
        SECTION, f"growth {SIZES[-1]} / {SIZES[0]} questions", "x", samples([growth]),
        note="ratio of median totals; 100 would be linear",
    ))
    return figures
