"""What is on the clipboard, and whether a `c` pressed now would replace it too soon.

A copy that marks a cue says "this text is being posted": the moderator pastes it on the
platform and posts it, and only then can another text take its place. A `c` pressed
before that could happen (a key bounce, a double press, three quick presses to "catch
up" on late cues) would replace the marked text before anyone could paste it, and mark
a post that never reached the platform: seen live, `c c c` marked the rules and the
heads-up at once while only the heads-up was on the clipboard. So:

- **A bounce is held.** A `c` pressed while a marking copy is on its way to the
  clipboard, or less than `BOUNCE_SECONDS` of real time after it got there, copies
  nothing and marks nothing; the notice says what is on the clipboard and what is
  marked. Nobody pastes, posts and comes back in less than that, so a deliberate press
  after pasting always copies: the next late cue, or the same cue's next network.
- **Real time.** Measured on a monotonic clock handed in, never the run's clock: a
  rehearsal at 60 times speed still takes the moderator a second to paste.
- **A copy that marks nothing holds nothing.** A cue copied again, a follower's copy,
  a reply: replacing it loses no mark. Nor does a copy whose mark was undone (`u`).
- **A copy stuck on its way** holds presses for `STUCK_SECONDS` at most: the copy queue
  times a silent clipboard out long before; this only keeps a copy whose answer never
  came (a crashed worker) from refusing `c` for the rest of the hour.

The run desk asks `holding()` before every `c` and tells the guard what it sent and
what landed (`sent`, `landed`); the copy queue (`tui.widgets.copying`) only copies, one
at a time, in order.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

BOUNCE_SECONDS = 1.0
"""A press this soon after a marking copy landed is a bounce, not a new post."""
STUCK_SECONDS = 10.0
"""A copy on its way for longer than this holds no press any more."""


@dataclass(frozen=True, slots=True)
class OnClipboard:
    """The marked text a press now would replace too soon."""

    label: str
    """The cue's name, as its copy notice said it ("Rules", "Q1 · Bluesky")."""
    marked_at: datetime
    """The mark's time (the run's clock, as the notice shows it)."""
    landed: bool
    """False while the copy is still on its way to the clipboard."""


class CopyGuard:
    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.monotonic = monotonic
        """Real time, in seconds (tests hand in a clock they step)."""
        self._on_its_way: tuple[str, datetime, float] | None = None
        self._landed: tuple[str, datetime, float] | None = None
        self.held_meanwhile = 0
        """Presses held while the copy on its way travelled (said once it lands)."""

    def sent(self, label: str, marked_at: datetime) -> None:
        """A copy that will mark a cue is on its way to the clipboard."""
        self._on_its_way = (label, marked_at, self.monotonic())
        self.held_meanwhile = 0

    def landed(self, label: str, marked_at: datetime, *, marked: bool) -> int:
        """The copy on its way got there (`marked`: its mark was made). Returns how many
        presses were held meanwhile."""
        self._on_its_way = None
        held, self.held_meanwhile = self.held_meanwhile, 0
        self._landed = (label, marked_at, self.monotonic()) if marked else None
        return held

    def release(self) -> None:
        """The marked text on the clipboard needs no keeping any more: a text that marks
        nothing took its place (a reply, a cue copied again), or its mark was undone."""
        self._landed = None

    def holding(self) -> OnClipboard | None:
        """The marked copy a `c` pressed now would replace before it could be pasted;
        None when a press may copy. A press held while the copy travels is counted."""
        now = self.monotonic()
        if self._on_its_way is not None:
            label, at, since = self._on_its_way
            if now - since < STUCK_SECONDS:
                self.held_meanwhile += 1
                return OnClipboard(label, at, landed=False)
            self._on_its_way = None
        if self._landed is not None:
            label, at, since = self._landed
            if now - since < BOUNCE_SECONDS:
                return OnClipboard(label, at, landed=True)
        return None
