"""What the run-sheet says in passing: its notices, and the board that decides which show.

A notice is a sentence the desk (or the screen) wants the moderator to read once: a copy
done, a plan reloaded, why a key did nothing. The `NoticeBoard` holds the rules of
their showing, apart from any screen so they are tested as plain code:

- **One per kind.** A new notice replaces the one of its kind still up (a copy notice
  the last copy notice, a plan notice the last plan notice), so notices never pile up
  over the run-sheet in the busy minutes; a kind can also be withdrawn (the "does not
  load" goes as soon as the plan loads again).
- **Held behind a dialog.** While a dialog is open, no notice lies over its question
  or its keys: the board holds them all, their time stopped, and shows them again for
  the time they had left once the dialog is closed (nobody could read them meanwhile).
- **Long ones in the checklist's place.** A notice of a dozen lines in the corner
  grew over the draft about to be pasted (and at 80x24 over the clock): a `long`
  notice is shown in the checklist's place instead, with the same rules of time.
- **Folded where there is no room.** On a low terminal (a split pane, 80x24) three
  notices said in a hurry (a copy, the clock, a shift) stacked over most of the cue
  list: `fold` keeps the newest the room has, and counts the older ones still up. They
  are not lost: each shows again once the newer ones go, for the time it has left.
- **Time is handed in** (monotonic seconds), so a test steps it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

Severity = Literal["information", "warning", "error"]

DEFAULT_SECONDS = 5.0
"""How long a notice shows unless it says otherwise (Textual's toasts' default)."""


@dataclass(frozen=True, slots=True)
class Notice:
    text: str
    """Shown literally: it quotes labels, paths and the plan's own text."""
    severity: Severity = "information"
    kind: str = "action"
    """A notice replaces the one of its kind still shown."""
    seconds: float = DEFAULT_SECONDS
    """How long it shows."""
    long: bool = False
    """Too long for the corner (the pre-flight's dozen lines): it takes the checklist's
    place for its time, never lying over the draft or the header."""


@dataclass(frozen=True, slots=True)
class Posted:
    """A notice on the board: when its time started, and how much it had used before a
    dialog held it."""

    notice: Notice
    since: float
    used: float = 0.0
    number: int = 0
    """The order notices were said in: the newest shows at the bottom."""

    def left(self, now: float) -> float:
        return self.notice.seconds - self.used - (now - self.since)


@dataclass(frozen=True, slots=True)
class Folded:
    """The notices that show, oldest first, and how many older ones are still up."""

    shown: tuple[Notice, ...]
    folded: int = 0


def fold(notices: tuple[Notice, ...], room: int | None) -> Folded:
    """The newest `room` of `notices` (oldest first), the others counted; every one
    when `room` is None."""
    if room is None or len(notices) <= room:
        return Folded(notices)
    kept = notices[len(notices) - room:] if room > 0 else ()
    return Folded(kept, len(notices) - len(kept))


class NoticeBoard:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._posted: dict[str, Posted] = {}
        self._held_since: float | None = None
        self._said = 0

    @property
    def held(self) -> bool:
        return self._held_since is not None

    def say(self, notice: Notice) -> None:
        """Show `notice` in place of the one of its kind (held, if a dialog is open)."""
        self._said += 1
        now = self._clock()
        self._posted[notice.kind] = Posted(notice, since=now, number=self._said)

    def withdraw(self, kind: str) -> None:
        """Take the notice of this kind off the board, whether shown or held."""
        self._posted.pop(kind, None)

    def clear(self) -> None:
        self._posted.clear()

    def hold(self) -> None:
        """A dialog is open: nothing shows, and no notice's time runs."""
        if self._held_since is None:
            self._held_since = self._clock()

    def release(self) -> None:
        """The dialog is closed: every notice held shows for the time it had left."""
        if self._held_since is None:
            return
        held_since, self._held_since = self._held_since, None
        now = self._clock()
        for kind, posted in list(self._posted.items()):
            # Time used before the dialog counts; time spent behind it does not.
            used = posted.used + max(0.0, held_since - posted.since)
            self._posted[kind] = replace(posted, since=now, used=used)

    def shown(self) -> tuple[Notice, ...]:
        """What shows now, oldest first: nothing while held, nothing past its time."""
        if self.held:
            return ()
        now = self._clock()
        live = [p for p in self._posted.values() if p.left(now) > 0]
        return tuple(p.notice for p in sorted(live, key=lambda p: p.number))

    def expire(self) -> bool:
        """Forget the notices past their time; True when one went."""
        if self.held:
            return False
        now = self._clock()
        gone = [kind for kind, posted in self._posted.items() if posted.left(now) <= 0]
        for kind in gone:
            del self._posted[kind]
        return bool(gone)

    def next_expiry(self) -> float | None:
        """Seconds until the next notice shown goes; None when none shows."""
        if self.held or not self._posted:
            return None
        now = self._clock()
        return max(0.0, min(p.left(now) for p in self._posted.values()))
