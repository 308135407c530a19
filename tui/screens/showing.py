"""What the run desk decided, shown: the run-sheet's notices, the dialog an outcome
needs (and a question that follows the clock while it is open), the copy it starts.

A part of the run-sheet kept in a module of its own (the screen stays a thin view):
each key's action asks the desk and hands its outcome (`tui.core.run.outcomes`) to
`show`; posting's and the conversation's outcomes go on to their own parts
(`tui.screens.posting`, `tui.screens.roomkeys`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.notifications import SeverityLevel

from tui.core.run.notices import DEFAULT_SECONDS, Notice, NoticeBoard
from tui.core.run.outcomes import (
    Confirm,
    Copy,
    Done,
    NetworkOrder,
    NothingToDo,
    OpenLink,
    Outcome,
    Post,
    PostView,
    PreviewForm,
    Quit,
    QuitWaiting,
    Refused,
    Unpost,
)

if TYPE_CHECKING:
    from tui.core.run.desk import RunDesk
    from tui.core.text.words import Words
    from tui.screens.dialogs import ConfirmDialog
    from tui.widgets.copying import CopyQueue
    from tui.widgets.cuelist import CueList
    from tui.widgets.networkwork import NetworkWork
    from tui.widgets.notices import NoticeBar


class OutcomeShowing:
    """Mixed into `RunSheet`, first: its `notify` is the screen's."""

    desk: RunDesk
    words: Words
    notices: NoticeBoard
    notice_bar: NoticeBar
    cues: CueList
    copies: CopyQueue
    network_work: NetworkWork
    _asking: tuple[Confirm, ConfirmDialog] | None
    """The open question that follows the clock, and its dialog."""
    # What the run-sheet's other parts give this one.
    refresh_now: Callable[[], None]
    show_room: Callable[[PostView | NetworkOrder], None]
    show_posting: Callable[[Post | Unpost | PreviewForm], None]

    def notify(
        self, message: str, *, kind: str = "action", title: str = "",
        severity: SeverityLevel = "information", timeout: float | None = None,
        markup: bool = False, long: bool = False,
    ) -> None:
        """A notice on the run-sheet's own bar (never markup): one at a time per `kind`,
        a new copy notice replacing the last copy notice, held while a dialog is open."""
        self.notices.say(Notice(message, severity, kind,
                                DEFAULT_SECONDS if timeout is None else timeout, long))
        self.notice_bar.update()

    def on_notice_bar_placed(self, message: NoticeBar.Placed) -> None:
        """A notice over the cue list (a split pane) never hides the selected row."""
        cues, top = self.cues.content_region, message.top
        over = top is not None and message.left < cues.right
        self.cues.keep_clear(max(0, cues.bottom - top) if top is not None and over else 0)

    def say(self, notice: Notice) -> None:
        self.notify(notice.text, kind=notice.kind, severity=notice.severity,
                    timeout=notice.seconds, long=notice.long)

    def show(self, outcome: Outcome | None) -> None:
        """Show what an action came to: its notices, the dialog it needs, its copy."""
        if outcome is None:
            return
        if isinstance(outcome, Done):
            for kind in outcome.withdraw:
                self.notices.withdraw(kind)
            for notice in outcome.notices:
                self.say(notice)
            if outcome.select is not None:
                self.cues.select_id(outcome.select)
            self.notice_bar.update()
            self.refresh_now()
        elif isinstance(outcome, Refused | NothingToDo):
            self.say(outcome.notice)
            self.refresh_now()  # a write refused may have kept a tick, or reloaded
        elif isinstance(outcome, Copy):
            for notice in outcome.notices:
                self.say(notice)
            self.copies.start(outcome)
        elif isinstance(outcome, Confirm):
            answer = outcome

            def answered(yes: bool) -> None:
                self._asking = None  # answered: nothing left to follow
                self.show(answer.yes() if yes else answer.no())

            from tui.screens.dialogs import ConfirmDialog

            dialog = ConfirmDialog(self.words, outcome.title, outcome.body, outcome.confirm,
                                   answered=answered, quitting=outcome.yes is Quit)
            self._asking = (outcome, dialog) if outcome.follow is not None else None
            self.cues.app.push_screen(dialog)
        elif isinstance(outcome, Quit):
            self.cues.app.exit()
        elif isinstance(outcome, QuitWaiting):
            from tui.screens.quitting import QuitWaitingDialog

            self.cues.app.push_screen(QuitWaitingDialog(outcome, self.words, self.show))
        elif isinstance(outcome, OpenLink):
            self.say(outcome.notice)
            self.network_work.open_link(outcome.url)
        elif isinstance(outcome, PostView | NetworkOrder):
            self.show_room(outcome)
        elif isinstance(outcome, Post | Unpost):
            self.show_posting(outcome)
        else:
            from tui.screens.forms import dialog_for

            self.cues.app.push_screen(dialog_for(outcome, self.desk, self.words, self.show))

    def _follow_question(self) -> None:
        """An open question's facts follow the clock; once what it asks about is gone,
        it closes and the desk says why (`Confirm.follow`)."""
        if self._asking is None:
            return
        asked, dialog = self._asking
        if not dialog.is_current or asked.follow is None:
            self._asking = None  # answered, or under another dialog: left as it is
            return
        now = asked.follow()
        if isinstance(now, Confirm):
            self._asking = (now, dialog)
            dialog.reword(now.title, now.body)
        else:
            self._asking = None
            dialog.withdraw()
            self.show(now)
