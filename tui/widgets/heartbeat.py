"""The run-sheet's heartbeat: one timer for everything the run does on its own.

Once a second it posts `Beat`; every other second the beat first brings a look at the
plan file, made on a worker thread (reading a plan on a slow share, or a FIFO put in
its place, must never hold the screen). The screen hands each beat to the run desk
(`RunDesk.poll`), which follows another window's log, writes again what the log could
not take, and reloads the plan when it changed. The look decides nothing: what it found
is acted on by the desk, on the UI thread, so no state is written from two threads.

Polling (a stat, then a digest) is enough at this pace and needs no inotify: a plan on
a network share or saved by an editor that renames files is still noticed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message
from textual.widget import Widget

from tui.core.run.plansource import PlanLook
from tui.core.run.view import RETRY_SECONDS

BEAT_SECONDS = 1.0
"""A follower sees the other window's marks within this (and the next read)."""
LOOK_EVERY = round(RETRY_SECONDS / BEAT_SECONDS)
"""Beats between two looks at the plan file and two tries of the log's waiting lines."""


class Heartbeat(Widget):
    DEFAULT_CSS = "Heartbeat { display: none; }"

    @dataclass
    class Beat(Message):
        look: PlanLook | None
        """A look at the plan file, on the beats that bring one (None when it failed)."""
        looked: bool = False

    def __init__(self, look_job: Callable[[], Callable[[], PlanLook]], *,
                 id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """`look_job` gives, on the UI thread, the look to run on a worker thread."""
        super().__init__(id=id)
        self._look_job = look_job
        self._beats = 0
        self._looking = False

    def on_mount(self) -> None:
        self.set_interval(BEAT_SECONDS, self.beat, name="heartbeat")

    def beat(self, *, look: bool | None = None) -> None:
        """One beat now; `look`: with (or without) a look at the plan, whatever the count."""
        self._beats += 1
        if look is None:
            look = self._beats % LOOK_EVERY == 0
        if not look or self._looking:
            # The last look is still reading (a slow share): no pile of threads.
            self.post_message(self.Beat(None))
            return
        self._looking = True
        job = self._look_job()
        self.run_worker(lambda: self._look(job), thread=True, group="heartbeat",
                        exit_on_error=False)

    def _look(self, job: Callable[[], PlanLook]) -> None:
        found: PlanLook | None = None
        try:
            found = job()
        finally:
            # Posting is thread-safe; the flag is cleared when the beat arrives.
            self.post_message(self.Beat(found, looked=True))

    def on_heartbeat_beat(self, message: Beat) -> None:
        if message.looked:
            self._looking = False
