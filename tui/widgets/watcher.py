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

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self.check, name="plan-watcher")

    def check(self) -> None:
        if self._changed():
            self.post_message(self.Changed())
