"""A rehearsal's clock keys: pause, faster, slower, the next cue, the cue before.

Only a rehearsal runs on a simulated clock; on the real clock every one of these is
refused (the run-sheet does not even offer the keys then, see `tui.screens.keys`).
"""

from __future__ import annotations

from datetime import timedelta

from tui.core.plan.naming import cue_name
from tui.core.run.notices import Notice, Severity
from tui.core.run.outcomes import Done, Outcome, Refused
from tui.core.run.runstate import Waypoint, waypoint_after, waypoint_before, waypoints
from tui.core.run.session import Session
from tui.core.text.numbers import decimal
from tui.core.text.words import Words
from tui.core.timing.clock import SimulatedClock
from tui.core.timing.clocktime import clock_time

JUMP_BACK_GRACE_SECONDS = 2.0
"""Pressed within this much real time after reaching a cue, "jump back" goes to the cue
before it (as a music player's "previous" does) instead of to the same cue again."""


class Steering:
    def __init__(self, session: Session, words: Words) -> None:
        self.session = session
        self.words = words

    def _clock(self) -> SimulatedClock | Refused:
        clock = self.session.clock
        if self.session.rehearsal and isinstance(clock, SimulatedClock):
            return clock
        return Refused(Notice(self.words("screen.not_steerable"), "warning", kind="clock"))

    def _say(self, key: str, *, severity: Severity = "information", **fields: object) -> Notice:
        return Notice(self.words(key, **fields), severity, kind="clock", seconds=3)

    def pause(self) -> Outcome:
        clock = self._clock()
        if isinstance(clock, Refused):
            return clock
        paused = clock.toggle()
        return Done((self._say("screen.paused_now" if paused else "screen.resumed_now"),))

    def speed(self, *, faster: bool) -> Outcome:
        clock = self._clock()
        if isinstance(clock, Refused):
            return clock
        speed = clock.faster() if faster else clock.slower()
        return Done((self._say("screen.speed_now", n=decimal(speed, self.words.language)),))

    def jump_next(self) -> Outcome:
        clock = self._clock()
        if isinstance(clock, Refused):
            return clock
        return self._jump(clock, waypoint_after(self._waypoints(), clock.now()),
                          "screen.nothing_ahead")

    def jump_back(self) -> Outcome:
        clock = self._clock()
        if isinstance(clock, Refused):
            return clock
        grace = timedelta(seconds=JUMP_BACK_GRACE_SECONDS * clock.speed)
        point = waypoint_before(self._waypoints(), clock.now(), grace)
        return self._jump(clock, point, "screen.nothing_before")

    def _waypoints(self) -> list[Waypoint]:
        session = self.session
        return waypoints(session.plan, session.state, session.cues)

    def _jump(self, clock: SimulatedClock, point: Waypoint | None, none_key: str) -> Outcome:
        words = self.words
        if point is None:
            return Refused(self._say(none_key, severity="warning"))
        clock.jump_to(point.at)
        if point.cue is not None:
            row = self.session.row(point.cue.id)
            label = (cue_name(row.cue, words, row.draft) if row
                     else cue_name(point.cue, words))
        else:
            label = words(f"screen.jump_{point.kind}")
        time = clock_time(point.at, self.session.plan.chat.zone)
        return Done((self._say("screen.jumped", time=time, label=label),))
