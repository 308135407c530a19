"""The code stays lint-clean, type-clean, and the core stays free of the UI.

These run the same tools a developer runs, so a change that breaks them fails here
rather than in review.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff() -> None:
    result = run(sys.executable, "-m", "ruff", "check", "--no-cache", "tui", "tests",
                 "scripts", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict() -> None:
    result = run(sys.executable, "-m", "mypy", "--no-incremental", "tui")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contract() -> None:
    linter = BIN / "lint-imports"
    if not linter.exists():
        pytest.skip("import-linter is not installed in this environment")
    result = run(str(linter), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


def test_no_import_circle() -> None:
    # The layers contracts keep packages apart; this keeps every module of tui apart
    # from itself: no circle of imports, those made only for type checking included
    # (the Conversation pane and the run-sheet once imported each other that way).
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("tui")
    circles = [sorted(group) for group in _strongly_connected(graph) if len(group) > 1]
    assert circles == []


def _strongly_connected(graph: object) -> list[set[str]]:
    """Tarjan's strongly connected components of the import graph."""
    modules = sorted(graph.modules)  # type: ignore[attr-defined]
    edges = {m: graph.find_modules_directly_imported_by(m) for m in modules}  # type: ignore[attr-defined]
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in edges[module]:
            if imported not in edges:
                continue
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            groups.append(group)

    for module in modules:
        if module not in index:
            visit(module)
    return groups
