"""The run desk's keys that move the hour's plan: `d` shifts what is left by the
lateness, `D` keeps the planned end by spreading the questions left (after a yes).
Both are logged, and `u` takes them back (`MarkDesk.take_back`); with nothing late or
nothing to compress, that is said, never done anyway.
"""

from __future__ import annotations

from tui.core.run.deskbasics import DeskPart
from tui.core.run.hour import Compression
from tui.core.run.outcomes import Confirm, Done, NothingToDo, Outcome
from tui.core.timing.clocktime import exact_clock_time
from tui.core.timing.spans import signed_span


class ShiftDesk(DeskPart):
    def shift(self) -> Outcome:
        """`d`: what is left, moved by how late the run is."""
        basics = self.basics
        refused = basics.writer()
        if refused is not None:
            return refused
        seconds = self.session.shift()
        if seconds is None:
            return NothingToDo(basics.say("screen.nothing_late", severity="warning"))
        return Done((basics.say("screen.shifted", delay=signed_span(seconds)),))

    def compress(self) -> Outcome:
        """`D`: keep the planned end: spread the questions left, after a yes."""
        basics = self.basics
        refused = basics.writer()
        if refused is not None:
            return refused
        plan = self.session.compression()
        if plan is None:
            return NothingToDo(basics.say("screen.nothing_to_compress", severity="warning"))
        return self._ask_compress(plan)

    def _ask_compress(self, plan: Compression) -> Confirm:
        """The compression's question. Left open, it follows the clock (the times it
        proposes are from now); a yes spreads the questions as the hour is then, never
        as it was when asked (at most the second the question last showed)."""
        basics = self.basics
        session, words = self.session, self.words
        zone = session.plan.chat.zone
        end = exact_clock_time(plan.end or basics.hour().end, zone)
        name = basics.cue_label
        times = ", ".join(f"{name(cue)} {exact_clock_time(at, zone)}" for cue, at in plan.times)
        body = words("screen.compress_body", times=times)
        if plan.skips:
            body += "\n" + words("screen.compress_skips", cues=", ".join(map(name, plan.skips)))

        def yes() -> Outcome:
            fresh = session.compression()
            if fresh is None:
                return NothingToDo(basics.say("screen.nothing_to_compress",
                                              severity="warning"))
            session.compress(fresh)
            return Done((basics.say("screen.compressed", end=exact_clock_time(
                fresh.end or basics.hour().end, zone)),))

        def follow() -> Confirm | Done:
            fresh = session.compression()
            if fresh is None:
                return Done((basics.say("screen.nothing_to_compress", severity="warning"),))
            return self._ask_compress(fresh)

        return Confirm(words("screen.compress_title", end=end), body,
                       words("screen.compress_confirm"), yes=yes, follow=follow)
