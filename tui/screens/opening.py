"""The run-sheet's first frame, drawn from a glance at the plan while the plan loads.

Loading pydantic and the plan model, validating the plan and composing the run-sheet
take longer than Python and Textual take to draw a first frame. So the first frame
shows what a glance at the `[chat]` table tells (the header, and before the chat the
countdown to its start) in the run-sheet's own layout, with its panes still empty; the
app loads the plan just after this frame is on screen and puts the run-sheet over it
(`TchatApp.finish_opening`).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from tui.core.plan.glance import Glance
from tui.core.run.countdown import to_start
from tui.core.text.words import Words
from tui.core.timing.clock import Clock, SimulatedClock
from tui.core.timing.clocktime import clock_time
from tui.screens.layout import size_classes
from tui.widgets.countdown import Countdown
from tui.widgets.header import RunHeader


class Opening(Screen[None]):
    def __init__(self, glance: Glance, words: Words, clock: Clock, *, rehearsal: bool) -> None:
        super().__init__(id="opening")
        self.glance = glance
        self.words = words
        self.clock = clock
        self.rehearsal = rehearsal

    def compose(self) -> ComposeResult:
        words = self.words
        yield RunHeader(id="header")
        with Horizontal(id="top"):
            yield Countdown(self.clock.now, words, id="countdown", ticks=False)
            yield Vertical(id="next")
        with Horizontal(id="main"):
            yield _pane("cues", words("screen.timeline"))
            with Vertical(id="side"):
                yield _pane("draft", words("screen.draft"))
                yield _pane("checklist", words("screen.checklist"))
        yield Static(id="opening-footer")  # the footer's row, so no pane moves after

    def on_resize(self) -> None:
        width, height = self.size
        size_classes(self, width, height)

    def on_mount(self) -> None:
        glance, now = self.glance, self.clock.now()
        self.set_class(self.rehearsal, "-rehearsal")
        clock = self.clock if isinstance(self.clock, SimulatedClock) else None
        self.query_one(RunHeader).show(
            glance, self.words, now, rehearsal=self.rehearsal, end=None,
            speed=clock.speed if clock else None, paused=clock.paused if clock else False,
        )
        countdown = self.query_one(Countdown)
        value = to_start(glance.start_at, now)
        if value is not None:
            start = clock_time(glance.start_at, glance.zone)
            countdown.show(value, "", start=start)
        else:
            # During the chat the countdown is to the next cue, which the plan says.
            countdown.blank(self.words("screen.reading_plan"))


def _pane(pane_id: str, title: str) -> Vertical:
    pane = Vertical(id=pane_id)
    pane.border_title = title
    return pane
