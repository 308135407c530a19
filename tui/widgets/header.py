"""The one-line header: what chat, where, which mode, and the time in the chat's zone.

In a rehearsal the mode badge says so in its own colour, and the simulated clock's speed
(and "paused") sits right beside it: whoever glances at the screen must never take a
rehearsal for the live hour, nor a paused clock for a running one.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tui.core.plan.glance import ChatFacts
from tui.core.text.clean import one_line
from tui.core.text.numbers import decimal
from tui.core.text.words import Words
from tui.core.timing.clocktime import clock_time, exact_clock_time
from tui.core.timing.spans import signed_span
from tui.widgets.literal import set_content

PLATFORM_NAMES = {
    "x": "X", "x-legacy": "X (legacy)", "bluesky": "Bluesky", "mastodon": "Mastodon",
    "threads": "Threads",
}


class RunHeader(Horizontal):
    """Left: mode badge, (rehearsal speed), title, tag, platform. Right: projected end and
    the clock.

    On a narrow terminal the title is what gets cut: the tag is what the moderator
    types in every post and searches for, so it stays whole, beside the title. In a
    split pane (40 columns) the network goes too, so the clock stays whole."""

    def compose(self) -> ComposeResult:
        yield Static(id="header-mode")
        yield Static(id="header-sim")
        yield Static(id="header-title")
        yield Static(id="header-tag")
        yield Static(id="header-network")
        yield Static(id="header-end")
        yield Static(id="header-clock")

    def show(
        self, chat: ChatFacts, words: Words, now: datetime, *, rehearsal: bool,
        end: datetime | None, speed: float | None = None, paused: bool = False,
    ) -> None:
        """`end` is the projected end; None leaves it unsaid (before the log is read, a
        shift may have moved it). `speed`: a rehearsal's simulated clock's (None on the
        real clock), `paused` whether it is."""
        zone = chat.zone
        shifted = 0 if end is None else int((end - chat.end_at).total_seconds())
        ending = ""
        if end is not None:
            end_text = exact_clock_time(end, zone)
            if shifted > 0:
                ending = words("screen.end_shifted", time=end_text,
                               delay=signed_span(shifted))
            else:
                ending = words("screen.end_projected", time=end_text)
        self.set_class(shifted > 0, "-shifted")
        self.set_class(rehearsal, "-rehearsal")
        set_content(self.query_one("#header-mode", Static),
                    Content(words("screen.rehearsal") if rehearsal else words("screen.live")))
        set_content(self.query_one("#header-title", Static),
                    Content.styled(one_line(chat.title, marked=True), "bold"))
        set_content(self.query_one("#header-tag", Static),
                    Content.styled(one_line(chat.tag, marked=True), "$text-accent bold"))
        # A cell of its own: a split pane (under 64 columns) drops it before the clock.
        set_content(self.query_one("#header-network", Static), Content.assemble(
            ("· ", "$text-muted"),
            # Every network the chat runs on, in the plan's order ("X · Bluesky").
            (" · ".join(PLATFORM_NAMES.get(n, n) for n in chat.networks or (chat.platform,)),
             "$text-muted"),
        ))
        sim = self.query_one("#header-sim", Static)
        if rehearsal and speed is not None:
            times = f"×{decimal(speed, words.language)}"  # ×1,5 in French
            # No pause symbol: U+23F8 is missing from many terminal fonts, or double width.
            set_content(sim, Content(f"{times} · {words('screen.paused')}" if paused else times))
            sim.display = True
            self.set_class(paused, "-paused")
        else:
            sim.display = False
        set_content(self.query_one("#header-end", Static), Content(ending))
        set_content(self.query_one("#header-clock", Static),
                    Content(clock_time(now, zone, seconds=True)))
