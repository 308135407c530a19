"""The room: the conversation of one chat as the moderator works it.

The Conversation pane shows one frozen `RoomView` per frame and never decides anything:
the stream (held still while the moderator reads, "12 new"), each post's marks (first
post of the chat, featured, waiting for an answer), the people to welcome and the
welcome reply naming them, the posts to answer, the featured accounts, the muted ones,
and the pace of the question asked last.

Actions go one way: the room proposes one (`welcomed`, `toggle_handled`, `mute`,
`unmute`), the run logs it, then `apply` folds it in (`tui.core.run.roomlog` reads them
back from the log at a restart). Muting reaches the conversation's counts too, so the
cue list's "14 answers from 9 people" leaves the muted account out as the pane does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from tui.core.feed.attribution import Attributed
from tui.core.feed.conversation import Conversation
from tui.core.plan.model import Plan
from tui.core.plan.networks import NETWORKS
from tui.core.room.actions import Handled, Muted, RoomAction, RoomMarks, Welcomed
from tui.core.room.answering import Waiting, to_answer
from tui.core.room.pace import Pace, asked_times, pace
from tui.core.room.people import (
    Featured,
    Person,
    WelcomeDraft,
    featured,
    first_posts,
    is_featured,
    person_key,
    to_welcome,
    welcome_draft,
)
from tui.core.room.reading import Reading, follow, move, view
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words

STREAM = 300
"""Posts of the stream in one view: what a pane can scroll through."""


@dataclass(frozen=True, slots=True)
class RoomPost:
    """A post as the pane shows it."""

    item: Attributed
    seq: int
    """Its place in the order of arrival."""
    first_post: bool
    """The author's first post of the chat."""
    featured: bool
    """By a guest or a `[feed] feature` account: in their own colour."""
    waiting: Waiting | None
    """On the list to answer (handled or not), else None."""


@dataclass(frozen=True, slots=True)
class RoomView:
    stream: tuple[RoomPost, ...]
    """The newest posts, muted ones out, held still while the moderator reads."""
    new: int
    """Posts arrived while reading: "12 new"."""
    selected: int | None
    """The index in `stream` of the post read; None while following the newest."""
    to_welcome: tuple[Person, ...]
    """Not welcomed yet, the earliest first post first."""
    to_answer: tuple[RoomPost, ...]
    """Waiting for the host and not handled, the oldest first."""
    answered: int
    """Posts of the list to answer already handled."""
    featured: tuple[Featured, ...]
    muted: tuple[str, ...]
    pace: Pace | None
    """The question asked last, when one was."""

    def new_line(self, language: Language) -> str:
        """ "12 new" while reading with posts arrived; empty otherwise."""
        return Words(language)("feed.new_posts", n=self.new) if self.new else ""

    def pace_line(self, language: Language) -> str:
        """ "Q3 · 14 answers from 9 people · 4/min, slowing", or empty."""
        return self.pace.line(language) if self.pace is not None else ""


class Room:
    def __init__(self, plan: Plan, conversation: Conversation,
                 marks: RoomMarks | None = None) -> None:
        self.plan = plan
        self.conversation = conversation
        feed = plan.feed
        self.feature: tuple[str, ...] = tuple(feed.feature) if feed is not None else ()
        # A guest's handles on every network the feed may read (a plan on several).
        self.guests: tuple[str, ...] = tuple(dict.fromkeys(
            h for g in plan.guests for _n, h in g.handles_on(NETWORKS)))
        self.marks = marks if marks is not None else RoomMarks.starting(
            feed.mute if feed is not None else ())
        self.reading = Reading()
        self._built: tuple[int, int] = (-1, -1)
        self._posts: list[RoomPost] = []
        self._waiting: list[Waiting] = []
        self._people: list[Person] = []
        self._featured: list[Featured] = []
        self._asking: list[Attributed] = []
        """The host's question posts seen."""
        self._answers: dict[int, list[Attributed]] = {}
        """Each question's answers, muted accounts out."""
        conversation.mute(self.marks.muted)

    # --- actions ----------------------------------------------------------------------

    def apply(self, action: RoomAction) -> None:
        """Fold an action in, once the run has logged it."""
        self.marks.apply(action)
        if isinstance(action, Muted):
            self.conversation.mute(self.marks.muted)

    def welcome_draft(self, network: str) -> WelcomeDraft | None:
        """The welcome reply for the people of `network` still to welcome."""
        self._build()
        chat = self.plan.chat
        return welcome_draft(self._people, network, tag=chat.tag, language=chat.language,
                             limit=chat.limit_on(network))

    def networks_to_welcome(self) -> list[str]:
        """The networks where someone waits for a welcome, the longest wait first."""
        self._build()
        return list(dict.fromkeys(person.network for person in self._people))

    @staticmethod
    def welcomed(draft: WelcomeDraft) -> Welcomed:
        """The action to log once the welcome is copied or posted."""
        return Welcomed(draft.network, tuple(p.account for p in draft.people), draft.text)

    def toggle_handled(self, item: Attributed) -> Handled:
        """Handled, or back on the list when it was."""
        post = item.post
        return Handled(post.platform, post.id, not self.marks.is_handled(*post.key))

    def mute(self, author: str) -> Muted:
        return Muted(author, True)

    def unmute(self, account: str) -> Muted:
        return Muted(account, False)

    @staticmethod
    def undo_of(action: RoomAction) -> RoomAction | None:
        """What takes an action back: unmute a mute, unmark a handled; None for a
        welcome (it was sent)."""
        if isinstance(action, Muted):
            return Muted(action.account, not action.on)
        if isinstance(action, Handled):
            return Handled(action.network, action.post, not action.done)
        return None

    # --- reading ------------------------------------------------------------------------

    def move(self, step: int) -> None:
        self._build()
        self.reading = move(self.reading, self._posts, _seq, step)

    def follow(self) -> None:
        self.reading = follow(self.reading)

    # --- the view -------------------------------------------------------------------------

    def view(self, now: datetime, asked: Mapping[int, datetime] | None = None) -> RoomView:
        """Everything the pane shows at `now`. `asked` is when each question was posted
        (the run's marks); the host's question posts seen in the feed fill the rest."""
        self._build()
        held = view(self.reading, self._posts, _seq)
        shown = held.shown[-STREAM:]
        selected = held.selected
        if selected is not None:
            selected -= len(held.shown) - len(shown)
            selected = max(0, selected)
        pending = tuple(RoomPost(w.item, self.conversation.sequence(w.item), False,
                                 False, w) for w in self._waiting if not w.handled)
        return RoomView(
            stream=shown, new=held.new, selected=selected,
            to_welcome=tuple(self._people), to_answer=pending,
            answered=sum(1 for w in self._waiting if w.handled),
            featured=tuple(self._featured), muted=tuple(self.marks.muted),
            pace=self.pace(now, asked or {}),
        )

    def asked_times(self, asked: Mapping[int, datetime]) -> dict[int, datetime]:
        """When each question went out: the run's mark, else the host's post seen."""
        self._build()
        return asked_times(self._asking, asked)

    def pace(self, now: datetime, asked: Mapping[int, datetime]) -> Pace | None:
        """The pace of the question asked last by `now` (each frame: only that
        question's answers are read, sorted once per change)."""
        times = {n: t for n, t in self.asked_times(asked).items() if t <= now}
        if not times:
            return None
        last = max(times, key=lambda n: (times[n], n))
        return pace(self._answers.get(last, []), last, times[last], now)

    def prepare(self) -> None:
        """Make the lists again now if the conversation or the marks moved (the feed's
        worker calls it after each poll, so the screen's frame only reads them)."""
        self._build()

    def _build(self) -> None:
        version = (self.conversation.version, self.marks.version)
        if version == self._built:
            return
        self._built = version
        items = self.conversation.shown()
        attributor = self.conversation.attributor
        first = first_posts(items)

        def left_out(author: str) -> bool:
            return (attributor.is_host(author) or attributor.is_guest(author)
                    or is_featured(author, self.guests, self.feature))

        self._people = to_welcome(first, welcomed=self.marks.is_welcomed, left_out=left_out)
        self._waiting = to_answer(items, is_host=attributor.is_host,
                                  marked=self.marks.is_handled)
        waiting = {w.item.post.key: w for w in self._waiting}
        self._featured = featured(
            [(g.name, tuple(h for _n, h in g.handles_on(NETWORKS))) for g in self.plan.guests],
            self.feature, items)
        self._asking = [i for i in items if i.kind == "host" and i.asks is not None]
        self._answers = {}
        for item in items:
            if item.answers is not None:
                self._answers.setdefault(item.answers, []).append(item)
        self._posts = [
            RoomPost(item, self.conversation.sequence(item),
                     item.kind != "host" and first.get(person_key(item)) is item,
                     is_featured(item.post.author, self.guests, self.feature),
                     waiting.get(item.post.key))
            for item in items
        ]


def _seq(post: RoomPost) -> int:
    return post.seq
