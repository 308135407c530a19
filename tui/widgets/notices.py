"""The run-sheet's notice bar: its notices at the bottom right, over the checklist.

What shows is the board's to decide (`tui.core.run.notices.NoticeBoard`: one per
kind, withdrawn, held behind a dialog); this widget draws it, on Textual's public API
only, and comes back when the next notice is due to go. It looks like Textual's own
toasts (a dialog's notices still are), one line taller than its text, never over the
draft about to be pasted. A click on a notice takes it away.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Static

from tui.core.run.notices import Notice, NoticeBoard
from tui.widgets.literal import literal


class NoticeCard(Static):
    """One notice, shown literally (it quotes labels, paths and the plan's own text)."""

    DEFAULT_CSS = """
    NoticeCard {
        width: 60;
        max-width: 50%;
        height: auto;
        margin-top: 1;
        padding: 0 1;
        visibility: visible;
        background: $panel-lighten-1;
        &:ansi { background: $ansi-background; }
    }
    NoticeCard.-information { border-left: outer $success; }
    NoticeCard.-warning { border-left: outer $warning; }
    NoticeCard.-error { border-left: outer $error; }
    """

    def __init__(self, notice: Notice, on_click: Callable[[Notice], None]) -> None:
        super().__init__(markup=False)
        self._clicked = on_click
        self.notice = notice
        self.show(notice)

    def show(self, notice: Notice) -> None:
        """Show another notice in this card (a card is kept, never mounted again)."""
        self.notice = notice
        for severity in ("information", "warning", "error"):
            self.set_class(notice.severity == severity, f"-{severity}")
        self.update(literal(notice.text))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self._clicked(self.notice)


class NoticeBar(Vertical):
    DEFAULT_CSS = """
    NoticeBar {
        display: none;
        dock: bottom;
        layer: notices;
        width: 1fr;
        height: auto;
        align: right bottom;
        margin-bottom: 1;
        visibility: hidden;
    }
    """

    def __init__(self, board: NoticeBoard, *, shown: Callable[[], bool] = lambda: True,
                 id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """`shown`: whether notices show at all (not in a test run that hides them)."""
        super().__init__(id=id)
        self.board = board
        self._on_screen = shown
        self._timer: Timer | None = None
        self._shown: tuple[Notice, ...] = ()
        self._pending = False

    @property
    def cards(self) -> list[NoticeCard]:
        """Every card, shown or kept hidden for the next notice."""
        return list(self.query_children(NoticeCard))

    @property
    def shown_cards(self) -> list[NoticeCard]:
        return [card for card in self.cards if card.display]

    def on_mount(self) -> None:
        self.update()

    def update(self) -> None:
        """Show what the board says once the next frame is drawn: a copy marks its cue
        in that frame, and its notice follows in the next, as Textual's toasts do.
        Several notices said in one go are drawn once."""
        if self.is_mounted and not self._pending:
            self._pending = True
            self.call_after_refresh(self._draw)

    def _draw(self) -> None:
        """Show what the board says shows now, and come back when the next one goes.
        The cards are kept and given new notices: mounting widgets for every notice
        would lay the whole screen out again each time."""
        self._pending = False
        self.board.expire()
        shown = self.board.shown() if self._on_screen() else ()
        if shown != self._shown:
            self._shown = shown
            cards = self.cards
            for card, notice in zip(cards, shown, strict=False):
                if card.notice != notice or not card.display:
                    card.show(notice)
                card.display = True
            for card in cards[len(shown):]:
                card.display = False
            if len(shown) > len(cards):
                self.mount_all(NoticeCard(notice, self._withdraw)
                               for notice in shown[len(cards):])
            self.display = bool(shown)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wait = self.board.next_expiry()
        if wait is not None:
            self._timer = self.set_timer(wait + 0.01, self.update, name="notices")

    def _withdraw(self, notice: Notice) -> None:
        self.board.withdraw(notice.kind)
        self.update()
