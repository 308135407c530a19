"""The banners: lines that stay for as long as their cause does.

Notices go after a few seconds; these do not: this window only follows another one
(it writes nothing), the log cannot be written (what waits, and that it is retried), the
plan file is gone (the run goes on from memory). Each is the view's to decide
(`tui.core.run.view.Banners`); this widget only shows or hides them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.core.run.view import Banners as BannersView
from tui.widgets.literal import literal, set_content


class Banners(Vertical):
    DEFAULT_CSS = "Banners { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.following = _hidden("follow-banner")
        self.cannot_write = _hidden("write-banner")
        self.plan_gone = _hidden("plan-gone-banner")

    def compose(self) -> ComposeResult:
        yield self.following
        yield self.cannot_write
        yield self.plan_gone

    def show(self, banners: BannersView) -> None:
        for shown, text in ((self.following, banners.following),
                            (self.cannot_write, banners.cannot_write),
                            (self.plan_gone, banners.plan_gone)):
            if text is not None:
                set_content(shown, literal(text))
            shown.display = text is not None


def _hidden(banner_id: str) -> Static:
    banner = Static("", id=banner_id, markup=False)
    banner.display = False
    return banner
