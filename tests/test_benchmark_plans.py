"""The benchmarks' plans still pass `tchat check` as the app changes: a section whose
plan is refused is skipped in a full run, and its figures silently go missing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from benchmarks.plans import large_plan, shifted_demo
from tui.core.plan.check import check_file

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def _errors(path: Path) -> list[str]:
    _plan, problems = check_file(path)
    return [f"{p.field}: {p.message}" for p in problems if p.severity == "error"]


def test_the_shifted_demo_passes_check_with_its_conversation(tmp_path: Path) -> None:
    plan = shifted_demo(tmp_path, START)
    assert _errors(plan) == []
    assert (tmp_path / "demo-fr.conversation.jsonl").is_file()


def test_the_large_plan_passes_check(tmp_path: Path) -> None:
    assert _errors(large_plan(tmp_path / "large.toml", START)) == []
