"""The domain core must load without the UI: the CLI, exports and benchmarks rely on it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.core


def test_core_imports_without_textual() -> None:
    modules = sorted(
        f"tui.core.{m.name}" for m in pkgutil.walk_packages(tui.core.__path__)
    )
    assert "tui.core.model" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"textual imported by the core: {result.stdout}"
