"""One small clock interface for everything that asks "what time is it?".

The run-sheet, the schedule and the as-run log never call `datetime.now()` themselves:
they are handed a clock. Live runs use `WallClock`; rehearsals and tests use
`SimulatedClock`, which can start anywhere, run faster, pause, and be stepped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """Where "now" comes from. `now()` is always timezone-aware (UTC)."""

    def now(self) -> datetime: ...

    @property
    def simulated(self) -> bool: ...


class WallClock:
    """The real time."""

    simulated = False

    def now(self) -> datetime:
        return datetime.now(UTC)


class FrozenClock:
    """A clock that shows one moment until told otherwise (tests, screenshots)."""

    simulated = True

    def __init__(self, moment: datetime) -> None:
        _require_aware(moment)
        self._moment = moment.astimezone(UTC)

    def now(self) -> datetime:
        return self._moment

    def set(self, moment: datetime) -> None:
        _require_aware(moment)
        self._moment = moment.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._moment += delta


class SimulatedClock:
    """Simulated time that runs at `speed` times real time from `start`.

    The simulated time is a pure function of a monotonic reading: pausing and changing the
    speed re-anchor it at the current simulated moment, so it never jumps. `monotonic` is
    injectable so tests can step it without sleeping.
    """

    simulated = True
    SPEEDS: tuple[float, ...] = (1, 2, 5, 10, 60)

    def __init__(
        self,
        start: datetime,
        *,
        speed: float = 1.0,
        paused: bool = False,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        _require_aware(start)
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._monotonic = monotonic
        self._anchor_sim = start.astimezone(UTC)
        self._anchor_real = monotonic()
        self._speed = float(speed)
        self._paused = paused

    def now(self) -> datetime:
        if self._paused:
            return self._anchor_sim
        elapsed = self._monotonic() - self._anchor_real
        return self._anchor_sim + timedelta(seconds=elapsed * self._speed)

    def _reanchor(self) -> None:
        self._anchor_sim = self.now()
        self._anchor_real = self._monotonic()

    @property
    def speed(self) -> float:
        return self._speed

    @speed.setter
    def speed(self, value: float) -> None:
        if value <= 0:
            raise ValueError("speed must be positive")
        self._reanchor()
        self._speed = float(value)

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        if not self._paused:
            self._reanchor()
            self._paused = True

    def resume(self) -> None:
        if self._paused:
            self._anchor_real = self._monotonic()
            self._paused = False

    def toggle(self) -> bool:
        """Pause or resume; returns True when now paused."""
        if self._paused:
            self.resume()
        else:
            self.pause()
        return self._paused

    def jump_to(self, moment: datetime) -> None:
        """Continue from `moment` (jump to a cue in rehearsal), keeping speed and pause."""
        _require_aware(moment)
        self._anchor_sim = moment.astimezone(UTC)
        self._anchor_real = self._monotonic()

    def faster(self) -> float:
        """The next speed up the ladder 1x, 2x, 5x, 10x, 60x (stays at the top)."""
        higher = [s for s in self.SPEEDS if s > self._speed]
        self.speed = higher[0] if higher else self._speed
        return self._speed

    def slower(self) -> float:
        lower = [s for s in self.SPEEDS if s < self._speed]
        self.speed = lower[-1] if lower else self._speed
        return self._speed


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("clock moments must be timezone-aware")
