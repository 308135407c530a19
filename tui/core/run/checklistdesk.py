"""The run desk's checklist: space ticks (or unticks) an item, the first press shows
which item a second would tick; and the ticks' copy in the plan file.

A tick is in the log (and on screen) at once, whatever the plan file does; its copy in
the plan follows when the file takes it. When it does not (an editor saving, a full
disk), the ticks wait for the heartbeat's next try (`look`), and that is said once, not
at every press; the look that gets them in withdraws it.
"""

from __future__ import annotations

import contextlib

from tui.core.plan.planedit import PlanChangedOnDisk
from tui.core.plan.problems import PlanError
from tui.core.run.checklist import checklist_groups
from tui.core.run.deskbasics import DeskBasics, DeskPart
from tui.core.run.notices import Notice
from tui.core.run.outcomes import Done, Outcome, Refused
from tui.core.run.plansource import PlanChange
from tui.core.text.clean import one_line


class ChecklistDesk(DeskPart):
    def __init__(self, basics: DeskBasics) -> None:
        super().__init__(basics)
        self._ticks_said = False
        """That ticks wait for the plan file was said (once, until they are in)."""

    def tick_hint(self, index: int | None) -> Done:
        """The first space shows which item a second one would tick: never tick an item
        the moderator is not looking at (a border's colour alone is easy to miss)."""
        if index is None:
            return Done()
        item = one_line(self.session.plan.checklist[index].text, marked=True)
        return Done((self.basics.say("screen.tick_next", seconds=4, kind="tick", item=item),))

    def tick(self, index: int | None) -> Outcome:
        """Tick (or untick) a checklist item; an all-hour reminder has no box to tick."""
        if index is None:
            return Refused(self.basics.say("screen.no_item", severity="warning"))
        session = self.session
        entry = next((e for _phase, entries in checklist_groups(
            session.plan, session.state, session.cues, self.basics.now()) for e in entries
            if e.index == index), None)
        if entry is not None and entry.reminder:
            item = one_line(entry.item.text, marked=True)
            return Refused(self.basics.say("screen.reminder_no_tick", seconds=4, item=item))
        refused = self.basics.writer()
        if refused is not None:
            return refused
        # In the log (and on screen) whatever the plan file does; then its copy in the
        # plan. No notice when it goes through: the box and the strike-through say it,
        # in the same frame, and a notice per tick would pile up in the busy minutes.
        session.tick(index)
        return self._copy_ticks()

    def _copy_ticks(self, *, again: bool = False) -> Done:
        """The ticks the log holds, copied into the plan file now if it takes them. When
        it does not (an editor saving, a full disk), they wait for the heartbeat's next
        try (`again`), and that is said once, not at every press; once they are in, the
        next look (`look`) withdraws it."""
        session = self.session
        try:
            session.write_ticks()
        except PlanChangedOnDisk as changed:
            if again and self._ticks_said:
                # Already said: what is new is the plan reloaded by the try, said as
                # every reload the heartbeat finds.
                return Done(self.basics.plan_change(
                    PlanChange.FAILED if changed.reloaded is False else PlanChange.RELOADED))
            # Say "reloaded" only when it was: a file that does not load is not taken.
            return self._ticks_wait("screen.tick_waits_not_loaded"
                                    if changed.reloaded is False
                                    else "screen.tick_waits_changed")
        except (PlanError, OSError) as error:
            return self._ticks_wait("screen.tick_waits_failed", error=self.basics.why(error))
        return Done()

    def _ticks_wait(self, key: str, **fields: object) -> Done:
        if self._ticks_said:
            return Done()
        self._ticks_said = True
        # Where the tick is, truly: in the log, or waiting in memory with the log's lines.
        kept = self.words("screen.tick_kept_memory" if self.session.pending
                          else "screen.tick_kept_log")
        return Done((self.basics.say(key, severity="warning", seconds=10, kind="ticks",
                                     kept=kept, **fields),))

    def look(self) -> Done:
        """At the heartbeat's look at the plan file: the ticks its copy still owes, tried
        again; once all are in, "the tick waits" withdrawn."""
        session = self.session
        notices: tuple[Notice, ...] = ()
        withdraw: tuple[str, ...] = ()
        if session.ticks_owed and not session.source.troubled:
            notices = self._copy_ticks(again=True).notices
        if self._ticks_said and not session.ticks_owed:
            # All in: "the tick waits" is over. Withdrawn here, at a look, never at a
            # press, so a burst of presses against a saving editor says it once.
            self._ticks_said = False
            withdraw = ("ticks",)
        return Done(notices, withdraw=withdraw)

    def last_try(self) -> None:
        """Quitting: the plan's copy of the ticks, one last try (the log holds them
        anyway)."""
        session = self.session
        if session.ticks_owed and not session.source.troubled:
            with contextlib.suppress(PlanChangedOnDisk, PlanError, OSError):
                session.write_ticks()
