"""The one Rich console every command prints through: nothing raw reaches the terminal.

Rich strips BEL, BS and CR from text but passes ESC and the C1 controls, so a plan title
holding `ESC ] 52 ; c ; ...` printed by `tchat drafts` would set the clipboard of a
terminal with OSC 52 on. Every segment of text (table cells, problems, titles, whatever
builds it) is made visible by the core's sanitizer on its way out; Rich's own styling
codes are added after, when the segments are written, so they are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from tui.core.text.controls import UNSAFE, visible
from tui.wrapping import keep_no_break_spaces


class SafeConsole(Console):
    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            text = segment.text
            if segment.control is None and not UNSAFE.isdisjoint(text):
                yield Segment(visible(text), segment.style)
            else:
                yield segment


def safe_console(*, stderr: bool = False, **options: Any) -> Console:
    """A console for a command's output (`stderr` for its messages): no highlighting,
    and every control character in the text shown as a visible symbol. No line it
    prints breaks at a no-break space (a table's cell neither)."""
    keep_no_break_spaces(text_areas=False)
    options.setdefault("highlight", False)
    return SafeConsole(stderr=stderr, **options)
