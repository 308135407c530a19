"""The big countdown, and the timer that drives the whole run-sheet.

The timer lives here, on the widget that needs it most. Each tick reads the injected
clock; when the second shown changes it posts `Countdown.Tick`, and the screen redraws
everything from that one "now". Nothing counts ticks, so a blocked loop or a sleeping
laptop never makes the countdown drift: the next tick simply shows the right time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Digits, Label

from tui.core.run.countdown import Countdown as CountdownValue
from tui.core.text.words import Words
from tui.core.timing.spans import digits_text, short_span, split_days
from tui.widgets.literal import literal, set_content

TICK_SECONDS = 0.2


class Countdown(Vertical):
    """Caption, big digits, one line of detail; classes say the mode for the stylesheet."""

    @dataclass
    class Tick(Message):
        """The second shown changed: redraw from `now`."""

        now: datetime

    def __init__(
        self, now: Callable[[], datetime], words: Words, *,
        id: str | None = None, ticks: bool = True,  # noqa: A002
    ) -> None:
        """`ticks=False` for a countdown that is shown once and never drives a redraw (the
        opening frame's)."""
        super().__init__(id=id)
        self._now = now
        self._words = words
        self._ticks = ticks
        self._last_second: datetime | None = None
        self._shown: tuple[CountdownValue, str, str, str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Label(id="countdown-caption", markup=False)
        yield Digits("00:00", id="countdown-digits")
        yield Label(id="countdown-detail", markup=False)

    def on_mount(self) -> None:
        if self._ticks:
            self.set_interval(TICK_SECONDS, self.tick, name="countdown")

    def on_resize(self) -> None:
        if self._shown is not None:  # what fits under the digits depends on the width
            value, cue_label, start, end, cue_at = self._shown
            self.show(value, cue_label, start=start, end=end, cue_at=cue_at)

    def blank(self, caption: str = "") -> None:
        """Nothing to count yet: `caption` says why, and no digits (a "00:00" would read
        as "now")."""
        self._shown = None
        set_content(self.query_one("#countdown-caption", Label), literal(caption))
        self.query_one("#countdown-digits", Digits).update("")
        set_content(self.query_one("#countdown-detail", Label), literal(""))

    def tick(self, *, force: bool = False) -> None:
        moment = self._now().replace(microsecond=0)
        if force or moment != self._last_second:
            self._last_second = moment
            self.post_message(self.Tick(self._now()))

    def show(
        self, value: CountdownValue, cue_label: str, *, start: str = "", end: str = "",
        cue_at: str = "",
    ) -> None:
        """Show one moment. `start`, `end` and `cue_at` are clock times ("18:00") for the
        line under the digits."""
        self._shown = (value, cue_label, start, end, cue_at)
        words = self._words
        detail = ""
        if value.mode == "to-start":
            caption = words("screen.to_start")
            detail = words("screen.starts_at_only", time=start)
            if value.cue is not None and cue_at:
                full = words("screen.starts_at", time=start, cue=cue_label, at=cue_at)
                # The first cue only when it fits whole: "début à 18:00 · Annonce à J-…"
                # says less than "début à 18:00".
                # Before the first layout the room is unknown (0): the short line, until
                # `on_resize` shows the same moment again.
                if cell_len(full) <= self.content_size.width:
                    detail = full
        elif value.mode == "since-end":
            caption = words("screen.since_end")
            detail = words("screen.ended_at", time=end)
        elif value.mode == "overrun":
            caption = words("screen.overrun", cue=cue_label)
        elif value.mode == "now":
            # The cue's own minute (the start above all): not late yet, just now.
            caption = words("screen.post_now", cue=cue_label)
        elif value.cue is None:
            caption = words("screen.all_posted")
        else:
            caption = words("screen.to_cue", cue=cue_label)
        # The digits hold hours at most: whole days go in the caption, before the chat
        # ("Début dans 3 j +") as after it ("Terminé depuis 4 j +"), never dropped.
        days, _rest = split_days(value.value)
        if days:
            caption += " " + words("screen.days", n=days) + " +"
        digits = digits_text(value.value)
        if value.to_end is not None:
            detail = words("screen.left_in_chat", time=short_span(value.to_end))
        # The caption and detail span the pane's width: their text never resizes them.
        set_content(self.query_one("#countdown-caption", Label), literal(caption))
        shown = self.query_one("#countdown-digits", Digits)
        if shown.value != digits:
            shown.update(digits)
        set_content(self.query_one("#countdown-detail", Label), literal(detail))
        for mode in ("to-start", "to-cue", "now", "overrun", "since-end"):
            self.set_class(value.mode == mode, f"-{mode}")
