"""`u` right after a `P`: the run desk offers to delete what that `P` posted (after a
yes), then takes its marks back; what the deletion's worker brings back (`unposted`)
sets a mark again where a post could not be deleted.

"Right after" is kept by the log: while the marks of the last `P` (and of the copy it
made) are the last things on the undo stack (`_unit`); once something else was done, `u`
takes back that instead (`RunDesk.undo` asks here first).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.core.plan.networks import network_name
from tui.core.run.asrun import Event
from tui.core.run.deskbasics import DeskBasics, DeskPart
from tui.core.run.notices import Notice
from tui.core.run.outcomes import Confirm, Done, Outcome, Refused, Unpost
from tui.core.run.posting import LastPost, Posting, PostOrder
from tui.core.text.clean import one_line
from tui.core.text.words import and_list

if TYPE_CHECKING:
    from tui.core.run.publish.outcomes import CueOutcome


class UnpostDesk(DeskPart):
    def __init__(self, basics: DeskBasics, posting: Posting, *,
                 where: Callable[[str], str]) -> None:
        super().__init__(basics)
        self.posting = posting
        self.where = where
        """Where a cue is out, in a line (`PostDesk.where`): what the question names."""

    def offer(self) -> Outcome | None:
        """`u` right after a `P`: refused while its posts are still on their way, the
        offer to delete them once they are out; None when something else came since (it
        is then no longer offered: `u` goes on to the room and the marks)."""
        latest = self.posting.latest
        if latest is not None:
            # `u` right after a `P` whose posts are still on their way: it is that `P`
            # the moderator takes back, and it cannot be deleted before it is out.
            return Refused(self.basics.say("screen.undo_posting", severity="warning",
                                           seconds=8, label=latest.label))
        last = self.posting.last
        if last is not None:
            if self._unit(last):
                return self._unpost_offer(last)
            self.posting.last = None  # something else came since: it is no longer offered
        return None

    def _unit(self, last: LastPost) -> list[Event]:
        """What `last`'s `P` did, on top of the undo stack: its posts' marks and the mark
        of the copy it made (which may land after them, when the clipboard is slow); empty
        when something else was done since (`u` is then no longer "right after" it)."""
        order, stack = last.order, self.session.state.undo_stack
        ours = {id(mark) for mark in last.marks}
        top: list[Event] = []
        for event in reversed(stack):
            copy = (event.kind == "mark" and event.cue == order.row_id
                    and event.network in order.copied)
            if id(event) not in ours and not copy:
                break
            top.append(event)
        found = {id(event) for event in top}
        return top if last.marks and ours <= found else []

    def _take_back(self, unit: list[Event]) -> None:
        for _ in unit:
            self.session.undo()

    def _unpost_offer(self, last: LastPost) -> Outcome:
        """`u` right after a `P`: delete what it posted (after a yes), then its marks."""
        words, order = self.words, last.order
        self.posting.last = None  # asked once: a "no" leaves the next `u` to the marks
        if order.preview:
            self._take_back(self._unit(last))  # the copy's mark too: the whole `P`
            return Done((self.basics.say("screen.unpost_preview", label=order.label),),
                        select=order.row_id)
        names = and_list([network_name(n) for n in order.networks], words)

        def yes() -> Outcome:
            self.posting.started(order)
            self.posting.last = last
            return Unpost(order)

        return Confirm(
            words("screen.unpost_title", label=order.label),
            words("screen.unpost_body", label=order.label, where=self.where(order.cue.id)),
            words("screen.unpost_confirm"), yes=yes,
            no=lambda: Done((self.basics.say("screen.unpost_kept", severity="warning",
                                             seconds=6, label=order.label, networks=names),)))

    def unposted(self, order: PostOrder, outcome: CueOutcome | None,
                 problem: str | None = None) -> Outcome:
        """The deletion is back: the marks of that `P` taken back, and set again on a
        network where the post could not be deleted."""
        from tui.core.run.publish.outcomes import Deleted, Failed

        words, label = self.words, order.label
        last, self.posting.last = self.posting.last, None
        results = list(outcome.outcomes) if outcome is not None else []
        self.posting.finished(order.cue.id, {})
        deleted = [r.network for r in results if isinstance(r, Deleted)]
        failed = {r.network: r.reason for r in results if isinstance(r, Failed)}
        if problem is not None:
            failed.update({n: problem for n in order.networks if n not in deleted})
        notices: list[Notice] = []
        unit = self._unit(last) if last is not None else []
        if unit:
            # Taken back together (the copy's mark may be above the posts'), then set
            # again where the post stays: a post not deleted, the text pasted by hand.
            self._take_back(unit)
            for event in reversed(unit):
                if event.network not in deleted:
                    self.session.mark(event.cue or order.cue.id, event.via or "post",
                                      event.clock, network=event.network)
        if deleted:
            notices.append(self.basics.say(
                "screen.unposted", label=label, seconds=8, kind="post",
                networks=and_list([network_name(n) for n in deleted], words)))
        for network, reason in failed.items():
            notices.append(self.basics.say("screen.unpost_failed", severity="error", seconds=12,
                                           kind=f"post-failed-{network}", label=label,
                                           network=network_name(network),
                                           reason=one_line(reason, marked=True)))
        return Done(tuple(notices), select=order.row_id)
