"""What an action at the run desk came to: the screen only shows it.

Every key of the run-sheet asks the desk (`tui.core.run.desk`), which decides
everything (who may write, what is already done, what is ahead of time, whether the
plan or the log can take it) and answers with one of these:

- `Done`: it happened; the notices to show, the cue to select, notices to withdraw;
- `Refused`: it cannot happen, and why (this window follows another, no cue is
  selected, the plan changed on disk...);
- `NothingToDo`: nothing to act on (nothing to undo, nothing late);
- `Confirm`: it needs a yes first: the question, what a yes and a no come to, and how
  it follows the clock while it is open;
- `Copy`: a text to put on the clipboard, and what to mark once it is there;
- `Post`: a cue to post in a worker (`P`; each call may take 10 s), with the text of a
  network without an account to copy at the same time; `Unpost`: what a `P` posted, to
  delete in a worker (`u` right after it);
- a form to fill in before it can happen: `EditForm`, `ReplyForm`, `HighlightForm`,
  `CopyByHand` (the text shown selected), `ReportForm`, `PreviewForm` (what a
  rehearsal's `P` would send); and `OpenLink`;
- from the Conversation pane: `PostView` (a post whole, with its link) and
  `NetworkOrder` (a reply or a repost to send on a network, in posting's worker).
- `Quit`: the app may end now; `QuitWaiting`: quitting would lose what is not written
  yet, so the moderator chooses: wait for it, quit anyway, or go back.

A new action adds a method to the desk and, when it needs one, an outcome here; the
screen adds the one line that shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tui.core.run.notices import Notice
from tui.core.text.controls import character_name, controls_in, for_copy

if TYPE_CHECKING:
    from tui.core.feed.post import FeedPost
    from tui.core.room.actions import Welcomed
    from tui.core.room.people import WelcomeDraft
    from tui.core.run.asrun import Event
    from tui.core.run.plansource import Row
    from tui.core.run.posting import PostOrder
    from tui.core.run.publish.publisher import Run
    from tui.core.run.report import Report


@dataclass(frozen=True, slots=True)
class Done:
    notices: tuple[Notice, ...] = ()
    select: str | None = None
    """The cue to select afterwards (an undone mark selects its cue again)."""
    withdraw: tuple[str, ...] = ()
    """Kinds of notice that no longer hold (the plan loads again)."""


@dataclass(frozen=True, slots=True)
class Refused:
    notice: Notice
    """Why it cannot happen."""


@dataclass(frozen=True, slots=True)
class NothingToDo:
    notice: Notice


@dataclass(frozen=True, slots=True)
class Confirm:
    """A yes first: only an explicit yes (never a repeated key) says it."""

    title: str
    body: str
    confirm: str
    """The yes button's words."""
    yes: Callable[[], Outcome]
    """Decides again when it is said, from the run as it is then: a question left open
    never acts on the state it was asked in."""
    no: Callable[[], Outcome] = field(default=lambda: Done())
    follow: Callable[[], Confirm | Done] | None = None
    """The question as it stands now, asked again while it is open (every second): the
    same question with its facts brought up to date (a time, a delay), or, once what it
    asks about is gone (the cue is due, posted, skipped, or out of the plan), what is
    said instead, and the question closes. None: a question that cannot go stale."""


@dataclass(frozen=True, slots=True)
class Copy:
    """Put `text` on the clipboard; once there, `copied` marks `row_id` (if any)."""

    text: str
    """Without control characters: what a clipboard may receive."""
    row_id: str | None
    """The cue to mark posted; None for a text that marks nothing (a reply, a copy by a
    window that only follows, a cue already posted)."""
    at: datetime
    """When the copy was asked: the mark's time."""
    label: str = ""
    """The cue's name, for the notice that says it was copied."""
    reply: bool = False
    notices: tuple[Notice, ...] = ()
    """Said before the copy (why it will not be marked)."""
    network: str | None = None
    """The network it is marked on, on a plan with several; None: the cue's one."""
    welcome: Welcomed | None = None
    """A welcome reply: logged once copied, and its people leave the list to welcome."""
    link: bool = False
    """A post's link, copied because no browser can open it here."""


@dataclass(frozen=True, slots=True)
class EditForm:
    row: Row
    template: str = ""
    """The template as the editor holds it: as it is copied, its control characters
    left out (saved, it leaves them out of the plan)."""
    left_out: tuple[str, ...] = ()
    """The names of the control characters left out, one per character ("ESC")."""

    @classmethod
    def of(cls, row: Row) -> EditForm:
        """The editor of `row`'s template: it counts what `c` copies, never a control
        character the copy drops (shown as ␛ in the draft, it counted as one more)."""
        template = row.cue.template
        return cls(row, for_copy(template),
                   tuple(character_name(found.char) for found in controls_in(template)))


@dataclass(frozen=True, slots=True)
class ReplyForm:
    mention: str = ""
    """`@author` of the post replied to, before the text (the tag ends it)."""
    text: str = ""
    """A whole text to start from (a welcome naming people), instead of the mention."""
    network: str | None = None
    """Where it goes, counted as that network counts (None: the plan's first network)."""
    to: FeedPost | None = None
    """The post replied to: a real reply on its network when an account is there."""
    welcome: WelcomeDraft | None = None
    """The welcome this reply is: its people leave the list once it is sent."""

    @property
    def prefilled(self) -> str:
        """What the dialog starts with beyond the typed words (the mention); a welcome is
        meant to be sent as it stands."""
        return "" if self.text else self.mention


@dataclass(frozen=True, slots=True)
class HighlightForm:
    label: str | None
    """The question it goes under ("Q3"); None before the first question."""
    cue_id: str | None


@dataclass(frozen=True, slots=True)
class CopyByHand:
    text: str


@dataclass(frozen=True, slots=True)
class ReportForm:
    report: Report
    rehearsal: bool
    log_path: Path


@dataclass(frozen=True, slots=True)
class OpenLink:
    url: str
    notice: Notice


@dataclass(frozen=True, slots=True)
class PreviewForm:
    """What a rehearsal's `P` would have sent (nothing was), to read."""

    title: str
    body: str


@dataclass(frozen=True, slots=True)
class Post:
    """`P`: post `order` in a worker, and copy `copy` (a network without an account, as
    `c` does) at the same time; a rehearsal's `preview` instead of any post."""

    order: PostOrder | None
    """None: nothing to send (a rehearsal, or only the clipboard's networks left)."""
    copy: Copy | None = None
    preview: PreviewForm | None = None
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True, slots=True)
class Unpost:
    """`u` right after a `P`, confirmed: delete what it posted, in a worker."""

    order: PostOrder


@dataclass(frozen=True, slots=True)
class PostView:
    """`enter` on a post: the post whole, worded for the dialog, with its link."""

    title: str
    """ "@ann@far.example · Ann · 18:05"."""
    marks: str
    """What the room makes of it: "A1 · first post · waiting for an answer"."""
    text: str
    url: str | None
    """Its https address (None when it has no safe one)."""


@dataclass(frozen=True, slots=True)
class NetworkOrder:
    """Send on a network, in posting's worker: a reply to `to` (`text`), or a repost of
    it. `run` reads the log as it was and collects what posting logs (`logged`), which
    `RoomDesk.network_done` keeps on the UI thread with the outcome."""

    kind: Literal["reply", "repost"]
    network: str
    to: FeedPost
    text: str
    run: Run
    logged: list[Event]
    notice: Notice
    """Said while it goes ("Replying on Mastodon…")."""
    welcome: Welcomed | None = None


@dataclass(frozen=True, slots=True)
class Quit:
    """End the app now: nothing said is lost."""


@dataclass(frozen=True, slots=True)
class QuitWaiting:
    """Actions only in memory (the log cannot be written): said, never lost silently."""

    title: str
    body: str
    """What is not written, why, and what each choice does."""
    wait: Callable[[], Outcome]
    """Quit by itself once they are written."""
    anyway: Callable[[], Outcome]
    """Quit now, losing them."""
    back: Callable[[], Outcome]
    """Go on with the run (and no longer quit once written)."""


Outcome = (Done | Refused | NothingToDo | Confirm | Copy | EditForm | ReplyForm
           | HighlightForm | CopyByHand | ReportForm | OpenLink | PostView | NetworkOrder
           | Quit | QuitWaiting | Post | Unpost | PreviewForm)
