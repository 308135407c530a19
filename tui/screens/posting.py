"""The run-sheet's keys for a chat on several networks and for posting: `1`-`4` (the
network the draft pane shows), `S` (skip a cue on that network only), `P` (post it on
the plan's accounts) and what posting's worker hands back.

A part of the run-sheet kept in a module of its own (the screen stays a thin view): the
run desk decides each key (`RunDesk.pick_network`, `skip_network`, `publish`,
`published`, `unposted`, `settled`), posting's worker (`tui.widgets.posting`) makes the
calls to the networks, and this only joins them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.core.run.notices import Notice
from tui.core.run.outcomes import Outcome, Post, PreviewForm, Unpost
from tui.widgets.posting import PostingWork

if TYPE_CHECKING:
    from tui.core.run.desk import RunDesk
    from tui.core.run.posting import PostOrder
    from tui.core.text.words import Words
    from tui.widgets.copying import CopyQueue
    from tui.widgets.cuelist import CueList


class PostingKeys:
    """Mixed into `RunSheet`."""

    desk: RunDesk
    words: Words
    cues: CueList
    copies: CopyQueue
    posting_work: PostingWork
    show: Callable[[Outcome | None], None]
    say: Callable[[Notice], None]
    refresh_now: Callable[[], None]

    # --- keys ---------------------------------------------------------------------------

    def action_network(self, place: int) -> None:
        self.show(self.desk.pick_network(place))

    def action_skip_network(self) -> None:
        self.show(self.desk.skip_network(self.cues.selected_id))

    def action_publish(self) -> None:
        self.show(self.desk.publish(self.cues.selected_id))

    # --- what the desk decided ------------------------------------------------------------

    def show_posting(self, outcome: Post | Unpost | PreviewForm) -> None:
        """`P` answered: the copy it makes at once, the posts it starts in the worker,
        a rehearsal's preview; `u` after it: the deletion it starts."""
        if isinstance(outcome, PreviewForm):
            self.show(outcome)  # a form: the run-sheet opens its dialog
            return
        if isinstance(outcome, Unpost):
            self._work(outcome.order, delete=True)
            self.refresh_now()
            return
        for notice in outcome.notices:
            self.say(notice)
        if outcome.copy is not None:
            self.show(outcome.copy)
        if outcome.order is not None:
            self._work(outcome.order, delete=False)
        if outcome.preview is not None:
            self.show(outcome.preview)
        self.refresh_now()  # the row says "posting…", or the preview's marks

    def _work(self, order: PostOrder, *, delete: bool) -> None:
        desk, work = self.desk, self.posting_work
        accounts = desk.accounts
        assert accounts is not None  # the desk posts nothing without
        run = desk.posting_run(work.keeper(desk.keep_posted, self.words))
        if delete:
            work.unpost(order, run, accounts, self.words)
        else:
            work.post(order, run, accounts, self.words)

    def settle_intents(self) -> None:
        """At start-up, once: a post a crash left on its way is asked of its server."""
        desk = self.desk
        accounts = desk.accounts
        if accounts is None or not desk.open_intents():
            return  # no accounts: no socket is opened
        work = self.posting_work
        keep = work.keeper(desk.keep_posted, self.words)
        work.settle(desk.posting_run(keep), accounts, self.words)

    # --- what the worker hands back ---------------------------------------------------------

    def on_posting_work_published(self, message: PostingWork.Published) -> None:
        self.show(self.desk.published(message.order, message.outcome, message.missing,
                                      message.problem))

    def on_posting_work_unpublished(self, message: PostingWork.Unpublished) -> None:
        self.show(self.desk.unposted(message.order, message.outcome, message.problem))

    def on_posting_work_settled(self, message: PostingWork.Settled) -> None:
        self.show(self.desk.settled(message.found))
