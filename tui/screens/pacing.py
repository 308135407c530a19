"""One frame per 1/60 s for the run-sheet, and the next one as soon as that allows.

Textual (8.2.8) paces a screen's frames with a `Timer` on a fixed 60 Hz grid. After a
late tick, and the first tick after an idle pause is always late (it comes at once),
that timer aims at the second slot of its grid after now, not the first (the skip
arithmetic of `Timer._run`). So a frame asked for just after another one waited 17 to
33 ms instead of at most 17. Every key whose effect takes two frames paid it: a copy
marks its cue in the first frame and shows its toast in the second, which came about
25 ms later than it could have, past the 50 ms a key press is allowed.

`FramePacer` takes that timer's place on the run-sheet (`PacedScreen._update_timer`): the
screen only ever resumes it (a frame is wanted) and pauses it (a frame was just drawn,
or is no longer wanted). It keeps the rate at most one frame per interval, without the
grid: a frame comes at once after a pause, or one interval after the previous frame.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual.screen import UPDATE_PERIOD, Screen


class FramePacer:
    def __init__(
        self,
        interval: float,
        request: Callable[[], None],
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`request` asks for the frame to be drawn; `clock` is monotonic seconds."""
        self._interval = interval
        self._request = request
        self._clock = clock
        self._last: float | None = None
        self._pending: asyncio.TimerHandle | None = None

    @property
    def pending(self) -> bool:
        """Whether a frame is scheduled."""
        return self._pending is not None

    def resume(self) -> None:
        """A frame is wanted: now if the last one is an interval old, else when it is."""
        if self._pending is not None:
            return
        delay = 0.0
        if self._last is not None:
            delay = max(0.0, self._last + self._interval - self._clock())
        self._pending = asyncio.get_running_loop().call_later(delay, self._fire)

    def pause(self) -> None:
        """No frame is wanted any more (one was just drawn, or the screen is going)."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

    def _fire(self) -> None:
        self._pending = None
        self._last = self._clock()
        self._request()


class PacedScreen(Screen[None]):
    """A screen whose frames a `FramePacer` paces (the run-sheet).

    The one use of Textual's private `Screen._update_timer` and `Screen._on_timer_update`
    (pinned Textual 8.2.8): Textual resumes and pauses a screen's frames through the
    first and draws one with the second. tests/test_private_apis.py fails, naming the
    version, if either moves.
    """

    _pacer: FramePacer | None = None

    @property
    def _update_timer(self) -> FramePacer:  # type: ignore[override]
        if self._pacer is None:
            # The frame is drawn from the screen's queue, where Textual handles errors.
            self._pacer = FramePacer(UPDATE_PERIOD, lambda: self.call_next(self._on_timer_update))
        return self._pacer

    def stop_frames(self) -> None:
        """The screen is going: no frame is wanted any more."""
        if self._pacer is not None:
            self._pacer.pause()
