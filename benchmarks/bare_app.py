"""The floor: the smallest Textual app that shows one label, and updates it on a key.

Start-up, idle cost, memory and key-to-repaint of tchat are given as ratios to this app
measured the same way in the same session: what Textual and Python cost by themselves
on this machine at this moment. Run alone, it behaves as `tchat` does in a terminal:
`ctrl+q` quits.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Label

MARKER = "Floor ready"


class FloorApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("down", "bump", "Bump")]

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Label(MARKER, id="label")

    def action_bump(self) -> None:
        self.presses += 1
        self.query_one("#label", Label).update(f"{MARKER} · {self.presses}")


if __name__ == "__main__":
    FloorApp().run()
