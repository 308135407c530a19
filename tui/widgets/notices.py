"""The run-sheet's notice bar: its notices at the bottom right, over the checklist;
a long one (the pre-flight) in the checklist's place (`SideNotice`).

What shows is the board's to decide (`tui.core.run.notices.NoticeBoard`: one per
kind, withdrawn, held behind a dialog); this widget draws it, on Textual's public API
only, and comes back when the next notice is due to go. It looks like Textual's own
toasts (a dialog's notices still are), one line taller than its text, never over the
draft about to be pasted. A click on a notice takes it away. Where the screen has room
for fewer cards (`room`, a low terminal), the newest show and the card on top counts
the older ones still up (`fold`).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from tui.core.run.notices import Notice, NoticeBoard, fold
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

    def __init__(self, notice: Notice, on_click: Callable[[Notice], None],
                 more: str = "") -> None:
        super().__init__(markup=False)
        self._clicked = on_click
        self.notice = notice
        self.more = more
        self.show(notice, more)

    def show(self, notice: Notice, more: str = "") -> None:
        """Show another notice in this card (a card is kept, never mounted again);
        `more`: how many older notices are folded behind it ("+2 notices")."""
        self.notice, self.more = notice, more
        for severity in ("information", "warning", "error"):
            self.set_class(notice.severity == severity, f"-{severity}")
        text = literal(notice.text)
        self.update(text + literal(f" · {more}", "$text-muted") if more else text)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self._clicked(self.notice)


class NoticeBar(Vertical):
    class Placed(Message):
        """Where the cards now start on the screen (None: none shows), so the screen
        keeps what they would cover in view."""

        def __init__(self, top: int | None, left: int) -> None:
            super().__init__()
            self.top = top
            self.left = left

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
                 side: SideNotice | None = None,
                 more: Callable[[int], str] = lambda n: f"+{n}",
                 id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """`shown`: whether notices show at all (not in a test run that hides them);
        `side`: where a long notice shows (else in the corner like the others); `more`:
        how the older notices folded behind the top card are counted."""
        super().__init__(id=id)
        self.board = board
        self._on_screen = shown
        self._side = side
        self._more = more
        self._room: int | None = None
        self._timer: Timer | None = None
        self._shown: tuple[tuple[Notice, str], ...] = ()
        self._pending = False

    @property
    def room(self) -> int | None:
        """How many cards the screen has room for (None: every notice's)."""
        return self._room

    @room.setter
    def room(self, room: int | None) -> None:
        if room != self._room:
            self._room = room
            self.update()

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
        if self._side is not None:
            # The newest long notice in the checklist's place; never a card over the draft.
            self._side.show(next((n for n in reversed(shown) if n.long), None))
            shown = tuple(n for n in shown if not n.long)
        folded = fold(shown, self._room)
        # The count goes on the top card, the first one a glance meets.
        more = [self._more(folded.folded) if folded.folded and i == 0 else ""
                for i in range(len(folded.shown))]
        drawn = tuple(zip(folded.shown, more, strict=True))
        if drawn != self._shown:
            self._shown = drawn
            cards = self.cards
            for card, (notice, count) in zip(cards, drawn, strict=False):
                if card.notice != notice or card.more != count or not card.display:
                    card.show(notice, count)
                card.display = True
            for card in cards[len(drawn):]:
                card.display = False
            if len(drawn) > len(cards):
                self.mount_all(NoticeCard(notice, self._withdraw, count)
                               for notice, count in drawn[len(cards):])
            self.display = bool(drawn)
            self.call_after_refresh(self._placed)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wait = self.board.next_expiry()
        if wait is not None:
            self._timer = self.set_timer(wait + 0.01, self.update, name="notices")

    def _placed(self) -> None:
        shown = [card.region for card in self.shown_cards if self.display]
        self.post_message(self.Placed(
            min((region.y for region in shown), default=None),
            min((region.x for region in shown), default=0)))

    def _withdraw(self, notice: Notice) -> None:
        self.board.withdraw(notice.kind)
        self.update()


class SideNotice(VerticalScroll):
    """A long notice in the checklist's place: it covers neither the draft nor the
    header, and scrolls when the pane is short (80x24). What shows and for how long is
    the board's (`NoticeBar` hands it over); a click takes it away, as a card's does.
    Posts `Changed` so the screen gives it the checklist's room, and takes it back."""

    DEFAULT_CSS = """
    SideNotice {
        display: none;
        height: 1fr;
        border: round $warning;
        border-title-color: $text-warning;
        border-title-style: bold;
        padding: 0 1;
    }
    """

    class Changed(Message):
        def __init__(self, notice: Notice | None) -> None:
            super().__init__()
            self.notice = notice

    def __init__(self, on_click: Callable[[Notice], None], *,
                 id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._clicked = on_click
        self.notice: Notice | None = None
        self._text = Static(markup=False)

    def compose(self) -> ComposeResult:
        yield self._text

    def show(self, notice: Notice | None) -> None:
        if notice == self.notice:
            return
        self.notice = notice
        if notice is not None:
            # Its first line is its title ("Avant le départ (dans 26 min) :").
            title, _, body = notice.text.partition("\n")
            self.border_title = title.rstrip(" :\u00a0")
            self._text.update(literal(body or title))
            self.scroll_home(animate=False)
        self.display = notice is not None
        self.post_message(self.Changed(notice))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        if self.notice is not None:
            self._clicked(self.notice)
