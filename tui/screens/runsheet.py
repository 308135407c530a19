"""The run-sheet: countdown, next question, cue list, draft, checklist, and keys.

A view over the run desk (`tui.core.run.desk`): each key asks the desk, which decides
everything and answers with an outcome (`tui.core.run.outcomes`) that `show` shows
(notices, a dialog, a copy); each frame draws the desk's one view of the moment
(`RunDesk.view`), every widget its slice. What lives here is only what a screen is
for: the layout, which widget has the focus, which dialog is open.

The same screen serves the live hour and a rehearsal. A rehearsal adds the keys that
steer its simulated clock (`check_action` hides them from a live run: footer, help,
palette and key alike), wears its own colours, and writes to its own log; everything
else, down to the clipboard, behaves exactly as it will live.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, OptionList

from tui.clipboard import Clipboard, CopyOutcome
from tui.core.plan.problems import Problem
from tui.core.run.desk import RunDesk
from tui.core.run.notices import Notice, NoticeBoard
from tui.core.run.outcomes import (
    Confirm,
    Copy,
)
from tui.core.run.plansource import PlanLook
from tui.core.run.view import RunView
from tui.core.text.words import Words
from tui.screens.keys import (
    LIVE_KEYS,
    REHEARSAL_KEYS,
    Key,
    bindings_for,
    fit_footer_keys,
    plan_keys,
    reword,
    run_keys,
)
from tui.screens.layout import notice_room, size_classes
from tui.screens.pacing import PacedScreen
from tui.screens.posting import PostingKeys
from tui.screens.roomkeys import RoomKeys
from tui.screens.showing import OutcomeShowing
from tui.widgets.banners import Banners
from tui.widgets.conversation import ConversationPane
from tui.widgets.copying import CopyQueue
from tui.widgets.countdown import Countdown
from tui.widgets.cuelist import CueList
from tui.widgets.header import RunHeader
from tui.widgets.heartbeat import Heartbeat
from tui.widgets.networkwork import NetworkWork
from tui.widgets.notices import NoticeBar, SideNotice
from tui.widgets.panes import Checklist, DraftPane, NextQuestion
from tui.widgets.planwork import PlanWork
from tui.widgets.posting import PostingWork, RunSessions

if TYPE_CHECKING:
    from tui.screens.dialogs import ConfirmDialog

RUN_SHEET_CSS = Path(__file__).with_name("runsheet.tcss")
"""The run-sheet's styles beyond the layout the first frame shares (tui/app.tcss)."""
CLOCK_ACTIONS = frozenset(key.action for key in REHEARSAL_KEYS)
LIVE_ACTIONS = frozenset(key.action for key in LIVE_KEYS)
NOTICE_ROOM = 64
"""A terminal narrower than this (a split pane) gets no start-up notice over its
countdown: the banner says "rehearsal", the problems wait for `tchat check`."""


class RunSheet(OutcomeShowing, PostingKeys, PacedScreen, RoomKeys):
    # Every key of either mode, in the footer's order; a live run's `check_action`
    # hides the clock keys. Escape back to the cue list: a key everyone tries, kept
    # out of the help's list so that every key there still shows at 48 rows.
    BINDINGS = [*bindings_for((*run_keys(True, networks=4), *LIVE_KEYS), Words("en")),
                Binding("escape", "back_to_cues", "Back", show=False, id="back")]

    def __init__(self, desk: RunDesk, clipboard: Clipboard) -> None:
        super().__init__(id="run-sheet")
        self.desk = desk
        self.words = desk.words
        self.clipboard = clipboard
        self.keys: tuple[Key, ...] = plan_keys(desk)
        """This mode's and plan's keys, in the footer's order: the footer, help and
        palette use it (a reload may change them)."""
        self.notices = NoticeBoard()
        self.view: RunView | None = None
        """The view of the moment on screen (`RunDesk.view`)."""
        self._generation = -1
        self._next_id: str | None = None
        self._asking: tuple[Confirm, ConfirmDialog] | None = None
        """The open question that can go stale (`Confirm.follow`), and its dialog."""
        self._feed_started = False
        self._pane_wanted: bool | None = None
        self.sessions = RunSessions()
        """The run's Bluesky sessions: the feed and posting sign in once, together."""
        reword(self, self.words)

    # --- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        words, desk = self.words, self.desk
        self.header = RunHeader(id="header")
        self.countdown = Countdown(desk.now, words, id="countdown")
        self.next_question = NextQuestion(id="next")
        self.cues = CueList(words, id="cues", on_move=self._draft_follows)
        self.draft = DraftPane(id="draft")
        self.checklist = Checklist(id="checklist")
        self.conversation = ConversationPane(desk.zone, words, id="conversation")
        reword(self.conversation, words)
        self.network_work = NetworkWork(self.sessions, id="network-work")
        self.banners = Banners(id="banners")
        self.side_notice = SideNotice(self.notice_bar_withdraw, id="side-notice")
        # As Textual hides its toasts in a test run without notifications.
        self.notice_bar = NoticeBar(
            self.notices, shown=lambda: getattr(self.app, "notices_shown", True),
            side=self.side_notice, more=lambda n: words("screen.notices_folded", n=n),
            id="notices")
        self.copies = CopyQueue(self.clipboard, on_copied=self._copied, id="copies")
        self.plan_work = PlanWork(id="plan-work")
        self.posting_work = PostingWork(self.sessions, id="posting-work")
        for pane, title in ((self.cues, "screen.timeline"), (self.draft, "screen.draft"),
                            (self.checklist, "screen.checklist"),
                            (self.conversation, "screen.conversation")):
            pane.border_title = words(title)
        yield self.header
        with Horizontal(id="top"):
            yield self.countdown
            yield self.next_question
        with Horizontal(id="main"):
            yield self.cues
            with Vertical(id="side"):
                yield self.draft
                yield self.side_notice
                yield self.checklist
                yield self.conversation
        yield self.banners
        self.footer = Footer(show_command_palette=False)  # `on_resize` decides, once sized
        yield self.footer
        yield self.notice_bar
        yield Heartbeat(desk.look_job, id="heartbeat")
        yield self.copies
        yield self.plan_work
        yield self.network_work
        yield self.posting_work

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Only a rehearsal has the clock keys: the live footer, help and palette never
        # offer to pause or speed up the real hour, and the key does nothing. Only a
        # live run has a lock to take over.
        if self.desk.rehearsal:
            return action not in LIVE_ACTIONS
        return action not in CLOCK_ACTIONS

    def on_resize(self) -> None:
        width, height = self.size
        size_classes(self, width, height)
        self.notice_bar.room = notice_room(height)
        self.place_conversation(width, height)
        self.fit_keys()

    def fit_keys(self) -> None:
        """The footer's keys for the width; the Conversation pane's first when focused."""
        pane = self.conversation if self.conversation.has_focus else None
        fit_footer_keys(self, self.footer, self.keys, self.words, self.size.width, pane)

    # --- the run starts and ends ------------------------------------------------------

    def on_mount(self) -> None:
        desk = self.desk
        self.set_class(desk.rehearsal, "-rehearsal")
        # Said before the first frame is drawn: opened on a finished run, the first
        # frame must not pop the report up (the greeting says where it is).
        self.show(desk.greeting(room=self.app.size.width >= NOTICE_ROOM))
        self.show(desk.take_lock())
        self.cues.focus()
        # After the first frame: the feed's and posting's clients load in a worker,
        # never before it.
        self.call_after_refresh(self._open_conversation)
        self.call_after_refresh(self.settle_intents)
        self.plan_work.find_errors(*desk.check_work())
        if not desk.rehearsal:
            # Once the screen is up: the parse competes with nothing the moderator waits for.
            self.set_timer(1.0, self.start_edits)

    def on_unmount(self) -> None:
        self.stop_conversation()
        self.desk.session.release_lock()
        self.sessions.close()
        self.stop_frames()

    def start_edits(self) -> None:
        """Parse the plan for editing, and give it its missing ids, off the UI thread."""
        self.plan_work.prepare(*self.desk.ids_work())

    @on(PlanWork.IdsReady)
    def _write_ids(self, message: PlanWork.IdsReady) -> None:
        self.desk.write_ids(message.prepared)

    @on(PlanWork.Errors)
    def _show_plan_errors(self, message: PlanWork.Errors) -> None:
        self.show(self.desk.plan_errors_first())
        self._open_problems(message.problems)

    def _open_problems(self, problems: list[Problem]) -> None:
        from tui.screens.reference import ProblemsDialog

        def closed(_: None) -> None:
            if self.app.size.width >= NOTICE_ROOM:
                self.show(self.desk.plan_notices())

        self.app.push_screen(ProblemsDialog(self.words, self.desk.plan_path, problems),
                             closed)

    def notice_bar_withdraw(self, notice: Notice) -> None:
        self.notices.withdraw(notice.kind)
        self.notice_bar.update()

    @on(SideNotice.Changed)
    def _side_notice_changed(self, message: SideNotice.Changed) -> None:
        # A long notice takes the checklist's place, never the draft's.
        self.query_one("#side").set_class(message.notice is not None, "-side-notice")

    def on_screen_suspend(self) -> None:
        # A dialog's question and its keys are never under a notice: held until it goes.
        self.notices.hold()
        self.notice_bar.update()

    def on_screen_resume(self) -> None:
        self.notices.release()
        self.notice_bar.update()

    # --- drawing one moment -----------------------------------------------------------

    @on(Countdown.Tick)
    def _on_tick(self, message: Countdown.Tick) -> None:
        self.redraw(message.now)

    def refresh_now(self) -> None:
        """Redraw at the clock's current time (after an action, or from tests)."""
        self.redraw()

    def redraw(self, now: datetime | None = None) -> None:
        """Draw every pane from the desk's one view of the moment."""
        words = self.words
        view = self.view = self.desk.view(now)
        if view.generation != self._generation:
            self._generation = view.generation
            self.cues.load(view)  # new rows: a plan reloaded, a template saved
            if (keys := plan_keys(self.desk)) != self.keys:
                self.keys = keys  # reloaded with other networks or accounts
                self.fit_keys()
        previous, self._next_id = self._next_id, view.next_id
        if self._next_id != previous and self.cues.selected_id in (previous, None):
            # The selection was following the next cue: keep following it.
            self.cues.select_id(self._next_id)
        shown = view.countdown
        self.countdown.show(shown.value, shown.label, start=shown.start, end=shown.end,
                            cue_at=shown.cue_at)
        header = view.header
        self.header.show(header.chat, words, header.now, rehearsal=header.rehearsal,
                         end=header.end, speed=header.speed, paused=header.paused)
        if self._feed_started:
            self.conversation.show(view.room.room, view.feed_status)
        self.next_question.show(view.next, words)
        self.cues.show(view)
        self._draft_follows()
        self.checklist.show(view.checklist, words)
        for phase in ("before", "during", "after"):
            self.set_class(view.hour.phase == phase, f"-{phase}")
        self.set_class(view.hour.countdown.mode == "overrun", "-overrun")
        self.banners.show(view.banners)
        self._follow_question()
        self.show(self.desk.end_of_run(in_view=self.app.screen is self))

    def _draft_follows(self) -> None:
        view = self.view
        if self.is_mounted and view is not None:
            row = view.row(self.cues.selected_id)
            self.draft.show(row, self.words, view.network_for(row) if row else view.network)

    # --- the heartbeat ----------------------------------------------------------------

    @on(Heartbeat.Beat)
    def _on_beat(self, message: Heartbeat.Beat) -> None:
        self.beat(message.look)

    def beat(self, look: PlanLook | None = None) -> None:
        """One heartbeat (`RunDesk.poll`): redraws only when something changed."""
        self.show(self.desk.poll(look))
        self.conversation_beat()

    # --- copying ------------------------------------------------------------------------

    def action_copy(self) -> None:
        self.show(self.desk.copy(self.cues.selected_id))

    def _copied(self, order: Copy, outcome: CopyOutcome) -> None:
        """In the copy's worker: the system clipboard took it, or the terminal's OSC 52
        does, or as a last resort the text is shown to be copied by hand."""
        from tui.screens.dialogs import ManualCopyDialog

        via = "system"
        if outcome != "ok":
            try:
                self.app.copy_to_clipboard(order.text)
                via = "osc52"
            except Exception:  # a terminal write failing must not end the live run
                via = "manual"
                self.app.push_screen(ManualCopyDialog(order.text, self.words))
        timed_out = self.copies.timeout if outcome == "timeout" else None
        self.show(self.desk.copied(order, via, timed_out_after=timed_out))

    # --- keys -------------------------------------------------------------------------

    def action_undo(self) -> None:
        self.show(self.desk.undo())

    def action_skip(self) -> None:
        self.show(self.desk.skip(self.cues.selected_id))

    def action_shift(self) -> None:
        self.show(self.desk.shift())

    def action_compress(self) -> None:
        self.show(self.desk.compress())

    def action_edit(self) -> None:
        self.show(self.desk.edit(self.cues.selected_id))

    def action_reply(self) -> None:
        self.show(self.desk.reply())

    def action_highlight(self) -> None:
        self.show(self.desk.highlight(self.cues.selected_id))

    def action_show(self) -> None:
        self.show(self.desk.copy_by_hand(self.cues.selected_id))

    def action_report(self) -> None:
        self.show(self.desk.report())

    def action_take_over(self) -> None:
        self.show(self.desk.take_over())

    def action_help(self) -> None:
        from tui.screens.reference import HelpDialog

        self.app.push_screen(HelpDialog(self.words, self.desk.log_path, self.keys))

    def action_back_to_cues(self) -> None:
        """Escape: out of the checklist (or the draft), back to the cue list."""
        self.notices.withdraw("tick")  # no second press is coming
        self.notice_bar.update()
        self.close_conversation_if_full()
        self.cues.focus()

    def action_go_next(self) -> None:
        self.cues.select_id(self._next_id)
        self.cues.focus()

    def action_tick(self) -> None:
        if self.side_notice.notice is not None:
            # The checklist's key gives the checklist its place back.
            self.notice_bar_withdraw(self.side_notice.notice)
        if not self.checklist.has_focus:
            # The first press shows which item a second one would tick.
            self.checklist.focus()
            self.show(self.desk.tick_hint(self.checklist.selected_index))
            return
        self.notices.withdraw("tick")  # the hint asked for this press: it has been made
        self.show(self.desk.tick(self.checklist.selected_index))

    @on(OptionList.OptionSelected, "#checklist")
    def _on_checklist_enter(self) -> None:
        self.action_tick()

    # --- the rehearsal's clock ----------------------------------------------------------

    def action_pause(self) -> None:
        self.show(self.desk.steering.pause())

    def action_faster(self) -> None:
        self.show(self.desk.steering.speed(faster=True))

    def action_slower(self) -> None:
        self.show(self.desk.steering.speed(faster=False))

    def action_jump_next(self) -> None:
        self.show(self.desk.steering.jump_next())

    def action_jump_back(self) -> None:
        self.show(self.desk.steering.jump_back())
