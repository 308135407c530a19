"""The layout variants of the run-sheet's stylesheet, decided by the terminal's size.

Shared by the run-sheet and the opening frame drawn before it, so both lay the panes
out alike and the second frame only fills in what the first left empty.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


def size_classes(screen: Screen[Any], width: int, height: int) -> None:
    """Layout variants live in the stylesheet; the screen only says which applies."""
    screen.set_class(width < 100, "-narrow")
    screen.set_class(height < 30, "-short")
    screen.set_class(height >= 48, "-tall")
    screen.set_class(width < 64, "-tiny")
