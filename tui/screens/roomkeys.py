"""The run-sheet's side of the conversation: where the Conversation pane shows, and what
its keys and its worker's messages come to (each one line to the run desk, shown by the
run-sheet's `show`). Mixed into `RunSheet`, which stays a thin view.

Where the pane shows (decided here, from the terminal's size; the stylesheet lays it
out): with a conversation (a `[feed]`, or a rehearsal's replay), on a terminal at least
100 columns wide and 30 rows high, it shows by itself in the side column, under the
draft, where the checklist was; `space` still brings the checklist up in its place (for
as long as it has the focus), `f` hides or shows the pane. Narrower or lower (80x24 and
below) it stays behind `f`, and then takes the main row whole: a post list 33 columns
wide beside the cue list reads nothing; `f` or `esc` gives the cue list back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.events import DescendantBlur, DescendantFocus

from tui.core.run.notices import Notice
from tui.core.run.outcomes import NetworkOrder, Outcome, PostView
from tui.widgets.conversation import ConversationPane, LiveFeed
from tui.widgets.networkwork import NetworkWork

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget

    from tui.core.run.desk import RunDesk
    from tui.widgets.cuelist import CueList
    from tui.widgets.panes import Checklist
    from tui.widgets.posting import RunSessions

SHOWN_FROM = (100, 30)
"""The smallest terminal (columns, rows) the pane shows on by itself, beside the cues."""


class RoomKeys:
    """The conversation's part of the run-sheet (see the module's docstring)."""

    desk: RunDesk
    conversation: ConversationPane
    network_work: NetworkWork
    sessions: RunSessions
    cues: CueList
    checklist: Checklist
    _feed_started: bool
    _pane_wanted: bool | None
    """The moderator's `f` (None: not pressed yet, the pane follows the terminal's size)."""

    # What the run-sheet gives this part.
    def show(self, outcome: Outcome | None) -> None:
        raise NotImplementedError

    def refresh_now(self) -> None:
        raise NotImplementedError

    def say(self, notice: Notice) -> None:
        raise NotImplementedError

    def fit_keys(self) -> None:
        raise NotImplementedError

    @property
    def _sheet(self) -> Screen[None]:
        """The run-sheet as a screen (its classes say the layout)."""
        screen: Screen[None] = self.conversation.screen  # type: ignore[assignment]
        return screen

    # --- where the pane shows ----------------------------------------------------------

    def roomy(self, width: int, height: int) -> bool:
        return width >= SHOWN_FROM[0] and height >= SHOWN_FROM[1]

    def place_conversation(self, width: int, height: int) -> None:
        """Show the pane when the moderator asked for it, or by itself on a terminal
        roomy enough; the focus leaves it when it goes."""
        wanted = self._pane_wanted
        shown = self._feed_started and (self.roomy(width, height) if wanted is None
                                        else wanted)
        was = self._sheet.has_class("-conversation")
        self._sheet.set_class(shown, "-conversation")
        if was and not shown and self.conversation.has_focus:
            self.cues.focus()

    def action_conversation(self) -> None:
        """`f`: to the pane (shown if hidden, the focus given if shown beside the cues),
        and from it, hidden: the cue list back."""
        if not self._feed_started:
            self.show(self.desk.no_feed())
            return
        sheet = self._sheet
        shown = sheet.has_class("-conversation")
        # The focus moves now, not after the next refresh as `focus()` has it: a key
        # typed right after `f` (an arrow to the next list) is already in the queue.
        if shown and not self.conversation.has_focus:
            sheet.set_class(False, "-checklist-up")
            sheet.set_focus(self.conversation)
            return
        self._pane_wanted = not shown
        sheet.set_class(False, "-checklist-up")
        sheet.set_class(not shown, "-conversation")
        sheet.set_focus(self.conversation if not shown else self.cues)

    def close_conversation_if_full(self) -> bool:
        """`esc` on a narrow terminal, where the pane hides the cues: it goes."""
        if self._sheet.has_class("-conversation") and self._sheet.has_class("-narrow"):
            self._pane_wanted = False
            self._sheet.set_class(False, "-conversation")
            return True
        return False

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # The checklist comes up in the pane's place while it has the focus (`space`).
        self._sheet.set_class(event.widget is self.checklist, "-checklist-up")
        if event.widget is self.conversation:
            self.fit_keys()  # the footer shows the pane's keys

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        widget: Widget = event.widget
        if widget is self.checklist:
            self._sheet.set_class(False, "-checklist-up")
        if widget is self.conversation:
            self.fit_keys()  # and the run-sheet's again

    # --- the conversation's worker -------------------------------------------------------

    def _open_conversation(self) -> None:
        """After the first frame: the conversation opens, the pane placed for it."""
        self.start_conversation()
        width, height = self._sheet.size
        self.place_conversation(width, height)

    def start_conversation(self) -> None:
        """Open the conversation (again, after a reload changed `[feed]`): nothing is
        read and no socket opened without one."""
        desk = self.desk
        setup = desk.feed_setup()
        if setup is None:
            if self._feed_started:
                self.conversation.stop()
                desk.room.closed()
            self._feed_started = False
            return
        self._feed_started = True
        live = desk.live_feed()
        self.conversation.start(setup, desk.open_feed(setup), LiveFeed(
            *live, sessions=self.sessions.get, posted=desk.questions_posted())
            if live is not None else None)

    def on_conversation_pane_arrived(self, message: ConversationPane.Arrived) -> None:
        if self.conversation.is_current(message):
            self.show(self.desk.feed_arrived(message.feed, message.statuses))

    def conversation_beat(self) -> None:
        """Each heartbeat: the question posts tchat published (`P`) reach the feed's
        sources (`ConversationPane.know_posted`); a reload that changed `[feed]` opens
        the conversation again with it."""
        if self.desk.feed_moved():
            self.start_conversation()
            width, height = self._sheet.size
            self.place_conversation(width, height)
        elif self._feed_started:
            self.conversation.know_posted(self.desk.questions_posted())

    def stop_conversation(self) -> None:
        """The run ends: the sources' requests stop at once, and posting's."""
        self.conversation.stop()
        self.network_work.stop()

    # --- the pane's keys -------------------------------------------------------------------

    def on_conversation_pane_moved(self, message: ConversationPane.Moved) -> None:
        if message.step is None:
            self.desk.pane.follow()
        else:
            self.desk.pane.move(message.step)
        self.refresh_now()

    def on_conversation_pane_chosen(self, message: ConversationPane.Chosen) -> None:
        # The pane's keys are the room desk's (`RunDesk.pane`, `tui.core.run.roomdesk`);
        # r, h and o are the run desk's own, as they were before the room.
        desk, room, item = self.desk, self.desk.pane, message.item
        what = message.what
        if what == "reply":
            self.show(desk.reply_to(item))
        elif what == "highlight":
            self.show(desk.highlight_post(item, self.cues.selected_id))
        elif what == "open":
            self.show(desk.open_post(message.post))
        elif what == "view":
            self.show(room.view_post(item))
        elif what == "repost":
            self.show(room.repost(item))
        elif what == "welcome":
            self.show(room.welcome(message.network))
        elif what == "handled":
            self.show(room.handled(item, seen_handled=message.handled))
        elif message.tab == "muted":
            self.show(room.unmute(message.account))
        else:
            self.show(room.mute(item))

    def show_room(self, outcome: PostView | NetworkOrder) -> None:
        """The outcomes only the conversation has: a post whole, a network order."""
        if isinstance(outcome, PostView):
            from tui.screens.dialogs import PostDialog

            self.network_work.app.push_screen(PostDialog(
                self.desk.words, outcome.title, outcome.marks, outcome.text, outcome.url,
                self.network_work.open_link))
        else:
            self.say(outcome.notice)
            self.network_work.send(outcome)

    def on_network_work_finished(self, message: NetworkWork.Finished) -> None:
        self.show(self.desk.pane.network_done(message.order, message.outcome))

    def on_network_work_no_browser(self, message: NetworkWork.NoBrowser) -> None:
        self.show(self.desk.pane.link_not_opened(message.url))
