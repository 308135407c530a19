"""The banners: lines that stay for as long as their cause does.

Notices go after a few seconds; these do not: this window only follows another one
(it writes nothing), the log cannot be written (what waits, and that it is retried), the
plan file is gone (the run goes on from memory). Each is the view's to decide
(`tui.core.run.view.Banners`); this widget only shows or hides them, and gives the
follower's its key first where the whole sentence does not fit its two lines.
"""

from __future__ import annotations

from typing import cast

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.css.styles import RulesMap
from textual.widgets import Static

from tui.core.run.view import Banners as BannersView
from tui.widgets.literal import literal, set_content

FOLLOW_LINES = 2
"""The follower banner's height at most (tui/screens/runsheet.tcss)."""


class Banners(Vertical):
    DEFAULT_CSS = "Banners { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.following = _hidden("follow-banner")
        self.cannot_write = _hidden("write-banner")
        self.plan_gone = _hidden("plan-gone-banner")
        self._view = BannersView()

    def compose(self) -> ComposeResult:
        yield self.following
        yield self.cannot_write
        yield self.plan_gone

    def show(self, banners: BannersView) -> None:
        self._view = banners
        for shown, text in ((self.following, self._following(banners)),
                            (self.cannot_write, banners.cannot_write),
                            (self.plan_gone, banners.plan_gone)):
            if text is not None:
                set_content(shown, literal(text))
            shown.display = text is not None

    def on_resize(self) -> None:
        self.show(self._view)

    def _following(self, banners: BannersView) -> str | None:
        """The whole sentence where it fits the banner's lines; its key first where it
        does not (50x15: "T: take over" was cut at its end)."""
        text = banners.following
        if text is None or banners.following_key_first is None:
            return text
        width = self.size.width - self.following.styles.gutter.width
        # Textual hands a visual the widget's styles as its rules (`Widget.get_content_height`).
        rules = cast("RulesMap", self.following.styles)
        if width > 0 and literal(text).get_height(rules, width) > FOLLOW_LINES:
            return banners.following_key_first
        return text


def _hidden(banner_id: str) -> Static:
    banner = Static("", id=banner_id, markup=False)
    banner.display = False
    return banner
