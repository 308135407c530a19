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


def test_counting_for_x_loads_no_other_platforms_counter() -> None:
    # Every module imported before the run-sheet's first frame is paid at each start-up.
    code = (
        "import sys\n"
        "from tui.core.counting import count\n"
        "count('Bonjour à tous 👋🏽 https://example.com/a #Tag @x', 'x')\n"
        "assert count('x' * 10, 'bluesky').length == 10\n"
        "print(sorted(m for m in sys.modules if m == 'regex' or m.startswith(\n"
        "    ('tui.core.counting.bluesky', 'tui.core.counting.mastodon',\n"
        "     'tui.core.counting.threads', 'tui.core.counting.graphemes'))))\n"
    )
    before_bluesky = code.replace("assert count('x' * 10, 'bluesky').length == 10\n", "")
    result = subprocess.run(
        [sys.executable, "-c", before_bluesky], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    # And they do load when a count needs them.
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert "tui.core.counting.bluesky" in result.stdout and "regex" in result.stdout
