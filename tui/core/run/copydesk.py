"""The run desk's copying: `c` (the selected draft to the clipboard, marked posted once
it is there), `v` (the text to copy by hand), the question a `c` on a cue ahead asks,
and what the clipboard's answer comes to (`copied`: the mark, and what to say).

The rules, each said where it is kept:

- **A bounce is held.** A press that would replace a marked text before it could be
  pasted copies nothing (`tui.core.run.copyguard`); the notice says what is on the
  clipboard.
- **Already posted** (there): copied again without a second mark. A follower copies
  without marking: the window that holds the plan marks.
- **Ahead of time.** A cue planned more than a minute ahead is copied only after a yes
  (`Hour.needs_confirmation`), never by a repeated `c`; once it is out on one network,
  the others are not asked again.
- **Several networks.** `c` copies the network the draft pane shows and marks it there;
  the pane then goes on to the next network the cue still needs (`Tabs.after`).
"""

from __future__ import annotations

from tui.core.plan.networks import network_name
from tui.core.run.copyguard import CopyGuard, OnClipboard
from tui.core.run.deskbasics import DeskBasics, DeskPart
from tui.core.run.hour import Hour
from tui.core.run.notices import Notice, Severity
from tui.core.run.outcomes import Confirm, Copy, CopyByHand, Done, NothingToDo, Outcome, Refused
from tui.core.run.plansource import Row
from tui.core.run.posting import Posting
from tui.core.run.roomdesk import RoomDesk
from tui.core.text.controls import for_copy
from tui.core.text.numbers import decimal
from tui.core.timing.clocktime import clock_time
from tui.core.timing.spans import short_span

Via = str
"""How a text reached the clipboard: "system", "osc52" or "manual"."""


class CopyDesk(DeskPart):
    def __init__(self, basics: DeskBasics, guard: CopyGuard, posting: Posting,
                 pane: RoomDesk) -> None:
        super().__init__(basics)
        self.guard = guard
        """What is on the clipboard, and when a `c` would replace it too soon."""
        self.posting = posting
        """What `P` has on its way: the pane skips those networks after a copy."""
        self.pane = pane
        """The Conversation pane's desk: a reply's or a link's copy is its to say."""

    def copy(self, row_id: str | None) -> Outcome:
        """`c`: the selected draft to the clipboard, marked posted once it is there; on a
        plan with several networks, the network the draft pane shows, marked there.

        A press that would replace a marked text before it could be pasted (a bounce, a
        double press: `tui.core.run.copyguard`) is held, and says what is on the
        clipboard. A cue already posted (there) is copied again without a second mark; a
        follower copies without marking (the window that holds the plan marks). A cue
        planned more than a minute ahead asks first: a repeated `c` must never mark it
        (once it is out on one network, the others are not asked again)."""
        basics = self.basics
        row = basics.row(row_id)
        if isinstance(row, Refused):
            return row
        held = self.guard.holding()
        if held is not None:
            return NothingToDo(self._held(held))
        network = basics.network(row)
        label = basics.on(basics.label(row), network)
        # No control or bidi override reaches a clipboard.
        text = for_copy(row.draft_on(network).text)
        already, started = self._out(row, network)
        notices: tuple[Notice, ...] = ()
        refused = basics.writer()
        if refused is not None:
            already = True  # copied, never marked: the window that holds the plan marks
            notices = (refused.notice,)
        now = basics.now()
        hour = basics.hour(now)
        if already or started or not hour.needs_confirmation(row.cue):
            return self.send(Copy(text, None if already else row.id, now, label=label,
                                  notices=notices, network=network))
        return self._ask_early(row, hour)

    def _out(self, row: Row, network: str | None) -> tuple[bool, bool]:
        """Whether `row` is posted already (on `network`, on a plan with several), and
        whether it is out anywhere (a cue out on one network is not asked again)."""
        state = self.session.state
        if network is None:
            already = row.id in state.posted
            return already, already
        return (state.on_network(row.id, network) == "posted",
                bool(state.posted_on.get(row.id)))

    def _ask_early(self, row: Row, hour: Hour) -> Confirm:
        """The question a `c` on a cue ahead asks. Left open, it follows the clock (its
        time and delay), and closes saying why once its cue is due, posted, skipped or
        gone; a yes copies the cue as it is then (a plan reloaded meanwhile may have
        changed its text): never the state the question was asked in."""
        basics = self.basics
        words = self.words
        label, row_id = basics.on(basics.label(row), basics.network(row)), row.id
        body = words("screen.early_body", label=label, time=basics.time(row, hour),
                     delay=short_span(hour.ahead(row.cue)))
        return Confirm(
            words("screen.early_title", label=label), body, words("screen.early_confirm"),
            yes=lambda: self._copy_confirmed(row_id),
            no=lambda: Done((basics.say("screen.early_cancelled", severity="warning",
                                        seconds=4, kind="copy", label=label),)),
            follow=lambda: self._still_early(row_id),
        )

    def _still_early(self, row_id: str) -> Confirm | Done:
        """The early copy's question as it stands now (`Confirm.follow`)."""
        basics = self.basics
        row = self.session.row(row_id)
        if row is None:
            return Done((basics.say("screen.early_gone", severity="warning", kind="copy"),))
        hour, label = basics.hour(), basics.label(row)
        status = hour.status(row_id)
        if status in ("posted", "skipped", "missed"):
            return Done((basics.say("screen.early_closed", severity="warning", kind="copy",
                                    label=label, status=basics.status_word(status)),))
        if not hour.needs_confirmation(row.cue):
            return Done((basics.say("screen.early_now_due", severity="warning",
                                    kind="copy", label=label),))
        return self._ask_early(row, hour)

    def _copy_confirmed(self, row_id: str) -> Outcome:
        """A yes to the early copy: the cue as it is now, on the network shown now,
        marked unless posted there meanwhile."""
        basics = self.basics
        row = self.session.row(row_id)
        if row is None:
            return Refused(basics.say("screen.early_gone", severity="warning", kind="copy"))
        network = basics.network(row)
        already, _started = self._out(row, network)
        return self.send(Copy(for_copy(row.draft_on(network).text),
                              None if already else row.id, basics.now(),
                              label=basics.on(basics.label(row), network), network=network))

    def send(self, order: Copy) -> Copy:
        """A copy leaves for the clipboard: one that marks holds the presses after it
        (`c`'s, and the copy a `P` makes for a network without an account)."""
        if order.row_id is not None:
            self.guard.sent(order.label, order.at)
        return order

    def _held(self, held: OnClipboard) -> Notice:
        """A `c` held: what is on the clipboard (or on its way) and what is marked."""
        basics = self.basics
        if not held.landed:
            return basics.say("screen.copy_held_on_its_way", severity="warning",
                              kind="copy", label=held.label)
        return basics.say("screen.copy_held", severity="warning", kind="copy",
                          label=held.label,
                          time=clock_time(held.marked_at, self.session.plan.chat.zone))

    def copied(self, order: Copy, via: Via, *, timed_out_after: float | None = None) -> Done:
        """The clipboard took (or refused) a copy: the mark, and what to say of it; on a
        plan with several networks, the mark on its network, and the draft pane on to
        the next network the cue still needs (the notice names it)."""
        session, words, tabs = self.session, self.words, self.tabs
        if order.reply or order.link:
            self.guard.release()
            return Done((self.pane.copied(order, via),))
        if via == "system":
            message = words("screen.copied_system", label=order.label)
        elif via == "osc52":
            message = words("screen.copied_osc52", label=order.label)
        else:
            message = words("screen.copied_manual")
        if timed_out_after is not None:
            message = words("screen.clipboard_timeout",
                            seconds=decimal(timed_out_after, words.language)) + " " + message
        severity: Severity = "information" if via == "system" else "warning"
        # A row gone with a plan reloaded meanwhile is not marked.
        row = session.row(order.row_id) if order.row_id is not None else None
        if order.row_id is None:
            self.guard.release()
            return Done((Notice(message, severity, "copy"),))
        held = self.guard.landed(order.label, order.at, marked=row is not None)
        following = None
        if row is not None:
            session.mark(order.row_id, via, order.at, network=order.network)
            message += " · " + words("screen.marked",
                                     time=clock_time(order.at, session.plan.chat.zone))
            if order.network is not None:
                following = tabs.after(row, order.network, session.state,
                                       self.posting.in_flight.get(row.draft.cue.id, ()))
        if held:
            message += " · " + words("screen.held_meanwhile", n=held)
        if following is not None:
            # The cue still needs another network: the pane shows it, for the next `c`.
            message += " · " + words("screen.network_next", network=network_name(following))
        return Done((Notice(message, severity, "copy"),))

    def copy_by_hand(self, row_id: str | None) -> Outcome:
        """`v`: the text to copy by hand (the network's the draft pane shows)."""
        row = self.basics.row(row_id)
        if isinstance(row, Refused):
            return row
        return CopyByHand(row.draft_on(self.basics.network(row)).text)
