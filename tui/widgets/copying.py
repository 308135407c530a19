"""The copy queue: one copy to the clipboard at a time, in the order asked.

The system clipboard runs subprocesses (xclip, wl-copy) that can take a while or hang,
so each copy runs in a worker with a time limit (`tui.clipboard.copy_within`), and:

- **one at a time, in order**: a fair lock, so two copies never land out of order and
  leave the earlier text on the clipboard;
- **the result is handled in the worker**, through `on_copied`: the worker is done only
  once the copy is marked and said, so "every copy is done" means just that.

Which presses copy at all is the run desk's to decide, not the queue's: a `c` pressed
while a marking copy is on its way, or right after it landed, is held there
(`tui.core.run.copyguard`) and never reaches the queue. Every copy the desk sends
(`Copy`) comes here once, and its result goes back to the desk (`RunDesk.copied`) once,
whatever happened on the way: that is what lets the desk hold and release presses.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual import work
from textual.widget import Widget

from tui.clipboard import COPY_TIMEOUT_SECONDS, Clipboard, CopyOutcome, copy_within
from tui.core.run.outcomes import Copy


class CopyQueue(Widget):
    DEFAULT_CSS = "CopyQueue { display: none; }"

    def __init__(
        self, clipboard: Clipboard, *,
        on_copied: Callable[[Copy, CopyOutcome], None],
        id: str | None = None,  # noqa: A002 - Textual's name
    ) -> None:
        super().__init__(id=id)
        self.clipboard = clipboard
        self.timeout = COPY_TIMEOUT_SECONDS
        """How long the system clipboard may take before the terminal's OSC 52 is used."""
        self._on_copied = on_copied
        self._lock = asyncio.Lock()

    def start(self, order: Copy) -> None:
        self._copy(order)

    @work(group="clipboard")
    async def _copy(self, order: Copy) -> None:
        async with self._lock:
            outcome = await copy_within(self.clipboard, order.text, self.timeout)
            self._on_copied(order, outcome)
