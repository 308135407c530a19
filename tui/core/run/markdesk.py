"""The run desk's marks by hand: `s` skips the selected cue, `S` skips it on the network
the draft pane shows only, and `u` (once neither a `P` nor the room has something more
recent to take back: `RunDesk.undo` asks them first) takes back the last mark, skip,
shift or compression.

Both skips ask the same things first, in the same order as ever (`S` on one network
says so before anything else): may this window write, which cue (`writable_row`), is
it already done (`_already_done`: a cue posted or skipped, there, is not skipped again).
"""

from __future__ import annotations

from tui.core.plan.networks import network_name
from tui.core.run.copyguard import BOUNCE_SECONDS, CopyGuard
from tui.core.run.deskbasics import DeskBasics, DeskPart
from tui.core.run.notices import Notice
from tui.core.run.outcomes import Done, NothingToDo, Outcome, Refused
from tui.core.timing.spans import signed_span


class MarkDesk(DeskPart):
    def __init__(self, basics: DeskBasics, guard: CopyGuard) -> None:
        super().__init__(basics)
        self.guard = guard
        """The clipboard's guard: a mark taken back holds no press any more."""
        self._last_skip: tuple[str, float] | None = None
        """The cue `s` skipped last, and when (real time, the guard's clock)."""

    def skip(self, row_id: str | None) -> Outcome:
        """`s`: the selected cue skipped everywhere; the draft pane back to the plan's
        first network, where the next cue starts."""
        basics = self.basics
        row = basics.writable_row(row_id)
        if isinstance(row, Refused):
            return row
        label = basics.label(row)
        status = basics.hour().status(row.id)
        if status in ("posted", "skipped"):
            return self._already_done(label, status)
        now = self.guard.monotonic()
        last = self._last_skip
        if last is not None and last[0] != row.id and now - last[1] < BOUNCE_SECONDS:
            # `s` again within a second, on the cue the first one moved to: a key pressed
            # twice or held down (its repeats skipped cue after cue), not a decision. A
            # held key's repeats keep being held: each one restarts the second.
            self._last_skip = (last[0], now)
            return Refused(basics.say("screen.skip_bounced", severity="warning",
                                      label=label))
        self.session.skip(row.id)
        self._last_skip = (row.id, now)
        tabs = self.tabs
        if tabs.several:
            tabs.shown = tabs.networks[0]  # done everywhere: the next cue starts
        return Done((basics.say("screen.skipped", label=label),))

    def skip_network(self, row_id: str | None) -> Outcome:
        """`S`: skip the selected cue on the network the draft pane shows, only; the pane
        then goes to the next network that still needs it."""
        basics, tabs = self.basics, self.tabs
        if not tabs.several:
            return NothingToDo(basics.say("screen.one_network", severity="warning",
                                          seconds=4))
        row = basics.writable_row(row_id)
        if isinstance(row, Refused):
            return row
        session = self.session
        network = tabs.for_row(row)
        label = basics.on(basics.label(row), network)
        status = session.state.on_network(row.id, network)
        if status is not None:
            return self._already_done(label, status)
        session.skip(row.id, network)
        following = tabs.after(row, network, session.state)
        message = basics.say("screen.skipped", label=label)
        if following is not None:
            message = Notice(message.text + " · " + self.words(
                "screen.network_next", network=network_name(following)),
                message.severity, message.kind)
        return Done((message,))

    def _already_done(self, label: str, status: str) -> Refused:
        """A skip refused: the cue is posted or skipped already (there)."""
        return Refused(self.basics.say("screen.already_done", severity="warning",
                                       label=label, status=self.basics.status_word(status)))

    def take_back(self) -> Outcome:
        """`u`'s last resort: the last mark, skip, shift or compression taken back (the
        draft pane back to the network a mark was on); nothing to undo, said."""
        basics = self.basics
        words, tabs = self.words, self.tabs
        undone = self.session.undo()
        if undone is None:
            return NothingToDo(basics.say("screen.nothing_to_undo", severity="warning"))
        if undone.kind == "mark":
            self.guard.release()  # the text on the clipboard is marked no more
        if undone.kind == "shift":
            what = words("screen.undo_shift", delay=signed_span(undone.seconds or 0))
        elif undone.kind == "compress":
            what = words("screen.undo_compress")
        else:
            label = basics.cue_label(undone.cue)
            if undone.network is not None and tabs.several:
                label = basics.on(label, undone.network)
                if undone.network in tabs.networks:
                    tabs.shown = undone.network  # back to the network it was on
            # A sentence of its own: "Undone: Welcome posted" read as news that it was.
            return Done((basics.say(f"screen.undone_{undone.kind}", label=label),),
                        select=undone.cue)
        return Done((basics.say("screen.undone", what=what),), select=undone.cue)
