"""The domain core must load without the UI: the CLI, exports and benchmarks rely on it."""

from __future__ import annotations

import pkgutil

import tui.core
from tests.helpers import modules_loaded


def test_core_imports_without_textual() -> None:
    # Every module of every package: the prefix lets the walk import and enter each one.
    modules = sorted(m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core."))
    assert "tui.core.plan.model" in modules
    code = (
        "import importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
    )
    assert modules_loaded(code, ("textual",)) == [], "textual imported by the core"


def test_counting_for_x_loads_no_other_platforms_counter() -> None:
    # Every module imported before the run-sheet's first frame is paid at each start-up.
    code = (
        "from tui.core.counting import count\n"
        "count('Bonjour à tous 👋🏽 https://example.com/a #Tag @x', 'x')\n"
        "assert count('x' * 10, 'bluesky').length == 10\n"
    )
    counters = ("regex", "tui.core.counting.bluesky", "tui.core.counting.mastodon",
                "tui.core.counting.threads", "tui.core.counting.graphemes")
    before_bluesky = code.replace("assert count('x' * 10, 'bluesky').length == 10\n", "")
    assert modules_loaded(before_bluesky, counters) == []
    # And they do load when a count needs them.
    loaded = modules_loaded(code, counters)
    assert "tui.core.counting.bluesky" in loaded and "regex" in loaded
