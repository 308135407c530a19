"""The copy queue: one copy to the clipboard at a time, in the order asked.

The system clipboard runs subprocesses (xclip, wl-copy) that can take a while or hang,
so each copy runs in a worker with a time limit (`tui.clipboard.copy_within`), and:

- **one at a time, in order**: a fair lock, so two quick copies never land out of order
  and leave the earlier text on the clipboard;
- **presses wait for the mark**: while a cue's copy is on its way (not marked yet), a
  `c` pressed meanwhile is counted, not acted on; each acts once the copy before it is
  marked, on what the screen points at then. Quick presses catch up on late cues one by
  one instead of marking one cue twice;
- **the result is handled in the worker**, through `on_copied`: the worker is done only
  once the copy is marked and said, so "every copy is done" means just that.

A callback, not a message, hands the result up: a message would be handled after the
worker ends, and the next press (`on_again`) must see the mark.
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
        on_again: Callable[[], None],
        id: str | None = None,  # noqa: A002 - Textual's name
    ) -> None:
        super().__init__(id=id)
        self.clipboard = clipboard
        self.timeout = COPY_TIMEOUT_SECONDS
        """How long the system clipboard may take before the terminal's OSC 52 is used."""
        self._on_copied = on_copied
        self._on_again = on_again
        self._lock = asyncio.Lock()
        self._on_its_way = False
        self._waiting = 0

    def wait_turn(self) -> bool:
        """A `c` pressed now: True when a cue's copy is on its way, and this press is
        kept for when it is marked."""
        if self._on_its_way:
            self._waiting += 1
            return True
        return False

    def forget_waiting(self) -> None:
        """The presses after this one would meet a dialog: they are dropped."""
        self._waiting = 0

    def start(self, order: Copy) -> None:
        if not order.reply:
            # Set here, beside the worker that clears it: a cue copied after its
            # confirmation is on its way as much as one copied at once.
            self._on_its_way = True
        self._copy(order)

    @work(group="clipboard")
    async def _copy(self, order: Copy) -> None:
        async with self._lock:
            outcome = await copy_within(self.clipboard, order.text, self.timeout)
            try:
                self._on_copied(order, outcome)
            finally:
                if not order.reply:
                    self._marked()

    def _marked(self) -> None:
        """A cue's copy is marked: the next `c` pressed meanwhile, if any, acts now."""
        self._on_its_way = False
        waiting, self._waiting = self._waiting, 0
        if waiting and self.app.screen is self.screen:  # a dialog came up: it has the keys
            self._waiting = waiting - 1
            self._on_again()
