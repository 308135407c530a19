"""What the big countdown shows at one moment.

Apart from `tui.core.run.hour`, which computes it from the plan and the log, so the
screen can show the time to the start from a glance at the plan (`tui.core.plan.glance`)
before the plan is validated: that part needs nothing but the start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tui.core.plan.model import Phase
    from tui.core.plan.schedule import Cue

CountdownMode = Literal["to-start", "to-cue", "now", "overrun", "since-end"]


@dataclass(frozen=True, slots=True)
class Countdown:
    """What the big countdown shows at one moment."""

    phase: Phase
    mode: CountdownMode
    value: timedelta
    """Always positive: time to go, or time past (now, overrun, since the end)."""
    cue: Cue | None
    """The next cue (the one to post now, or the overrunning one)."""
    to_end: timedelta | None
    """Time left in the chat, during it."""


def whole_second(now: datetime) -> datetime:
    """`now` as the header's clock shows it: at 18:00:06.4 the chat has 59:54 left, not
    59:53 (a time to go is rounded up, a time past down, so the two always add up)."""
    return now.replace(microsecond=0)


def to_start(start_at: datetime, now: datetime) -> Countdown | None:
    """The countdown before the chat, which only the start decides (a shift, a mark or a
    cue never moves the start); None once it has started."""
    now = whole_second(now)
    if now >= start_at:
        return None
    return Countdown("before", "to-start", start_at - now, None, None)
