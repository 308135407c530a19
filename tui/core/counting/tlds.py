"""The top-level domains a bare domain must end in to count as a link (`tlds.txt`)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def known_tlds() -> frozenset[str]:
    """Lower-case names from the package's `tlds.txt` (see scripts/update_tlds.py)."""
    text = resources.files("tui.core.counting").joinpath("tlds.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
