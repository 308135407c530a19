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
