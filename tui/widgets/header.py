"""The one-line header: what chat, where, which mode, and the time in the chat's zone."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tui.screens.session import Session
from tui.strings import Words
from tui.widgets.literal import one_line

PLATFORM_NAMES = {
    "x": "X", "x-legacy": "X (legacy)", "bluesky": "Bluesky", "mastodon": "Mastodon",
    "threads": "Threads",
}


class RunHeader(Horizontal):
    """Left: mode badge, title, tag, platform. Right: projected end and the clock."""

    def compose(self) -> ComposeResult:
        yield Static(id="header-mode")
        yield Static(id="header-title")
        yield Static(id="header-end")
        yield Static(id="header-clock")

    def show(self, session: Session, words: Words, now: datetime, end: datetime) -> None:
        chat = session.plan.chat
        zone = chat.zone
        rehearsal = session.mode == "rehearsal"
        shifted = int((end - chat.end_at).total_seconds())
        end_text = end.astimezone(zone).strftime("%H:%M")
        if shifted > 0:
            delay = f"{shifted // 60}:{shifted % 60:02d}"
            ending = words("end_shifted", time=end_text, delay=delay)
        else:
            ending = words("end_projected", time=end_text)
        self.set_class(shifted > 0, "-shifted")
        self.set_class(rehearsal, "-rehearsal")
        self.query_one("#header-mode", Static).update(
            Content(words("rehearsal") if rehearsal else words("live"))
        )
        self.query_one("#header-title", Static).update(Content.assemble(
            (one_line(chat.title), "bold"),
            "  ",
            (one_line(chat.tag), "$text-accent bold"),
            "  ",
            (PLATFORM_NAMES.get(chat.platform, chat.platform), "$text-muted"),
        ))
        self.query_one("#header-end", Static).update(Content(ending))
        self.query_one("#header-clock", Static).update(
            Content(now.astimezone(zone).strftime("%H:%M:%S"))
        )
