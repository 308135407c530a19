"""Notices when the plan file changes on disk (an editor, a co-host, a sync tool)."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.widget import Widget

POLL_SECONDS = 2.0


class PlanWatcher(Widget):
    """An invisible widget whose timer polls the plan; posts `Changed` when it differs.

    Polling (mtime, then content) is enough at this pace and needs no inotify: a plan
    on a network share or edited in an editor that renames files is still noticed.
    """

    DEFAULT_CSS = "PlanWatcher { display: none; }"

    class Changed(Message):
        """The plan on disk is no longer the one loaded."""

    def __init__(self, changed: Callable[[], bool], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._changed = changed
        self._polling = False

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self.check, name="plan-watcher")

    def check(self) -> None:
        """Poll on a worker thread: reading the plan (a slow share, a FIFO put in its
        place) must never hold the screen. One poll at a time."""
        if self._polling:
            return  # the last poll is still reading (a slow share): no pile of threads
        self._polling = True
        self.run_worker(self._poll, thread=True, group="plan-watcher", exit_on_error=False)

    def _poll(self) -> None:
        try:
            if self._changed():
                self.post_message(self.Changed())
        finally:
            self._polling = False
