"""The layout variants of the run-sheet's stylesheet, decided by the terminal's size.

Shared by the run-sheet and the opening frame drawn before it, so both lay the panes
out alike and the second frame only fills in what the first left empty.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

SHORT = 30
"""Under this many lines the run-sheet is short (80x24, a split pane)."""


def size_classes(screen: Screen[Any], width: int, height: int) -> None:
    """Layout variants live in the stylesheet; the screen only says which applies."""
    screen.set_class(width < 100, "-narrow")
    screen.set_class(height < SHORT, "-short")
    screen.set_class(height >= 48, "-tall")
    screen.set_class(width < 64, "-tiny")


def notice_room(height: int) -> int | None:
    """How many notices show at once (None: every one). On a short terminal three
    stacked over most of the cue list (50x15) or the draft to paste (80x24): the newest
    shows, the others are counted on it and show once it goes."""
    return 1 if height < SHORT else None
