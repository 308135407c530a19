"""The Conversation pane: the room's lists (the stream of the tag's posts, the people to
welcome, the posts to answer, the featured and the muted accounts), one at a time under
a bar that counts them all; and the worker that reads the conversation.

Nothing is read and no socket is opened when the run has no conversation (no `[feed]`
in the plan, no replay): `start` is never called. A rehearsal replays a recording on its
simulated clock and never reads a live feed. A live run reads its sources in a thread
worker started after the first frame (the clients load there), one round at a time:
each round's posts are taken into the conversation there too (parsed, attributed,
counted, written to `PLAN.feed.jsonl`, and the room's lists made again:
`FeedSession.take`), so a flood of posts never holds the event loop; the round then
posts `Arrived` (posting a message is thread-safe and never blocks), and the next round
is a worker of its own, started by a timer once it is in. `stop` cancels the sources'
requests under way (`FeedPoller.cancel`): quitting is instant even while a server
trickles. A plan reload that changes `[feed]` starts the pane again (`start`), the
rounds of the old sources then dropped.

The pane owns its worker, which list it shows and where it is in each list but the
stream (the room's reading, in the core: `Room.move`); it says what the moderator chose
in `Chosen` and `Moved`, and draws the room's frozen view (`RoomView`) that the screen
hands it each frame. Only the lines that fit are drawn; each post's line is built once.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Literal

from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost
from tui.core.feed.status import SourceStatus
from tui.core.room.room import RoomPost, RoomView
from tui.core.room.session import FeedPlan, FeedSession
from tui.core.room.threads import PostedQuestion
from tui.core.text.clean import one_line
from tui.core.text.words import Words
from tui.widgets.conversationkeys import PANE_BINDINGS
from tui.widgets.roomlines import (
    TABS,
    Tab,
    featured_line,
    muted_line,
    person_line,
    post_line,
    tab_bar,
)

if TYPE_CHECKING:
    from tui.core.plan.model import Feed
    from tui.feed.poller import FeedPoller
    from tui.net.bluesky import Sessions

Choice = Literal["reply", "highlight", "open", "view", "repost", "welcome", "handled",
                 "mute"]


@dataclass(frozen=True, slots=True)
class LiveFeed:
    """What a live run's worker needs to build its sources."""

    config: Feed
    tag: str
    start: datetime
    sessions: Callable[[], Sessions] | None = None
    """The run's Bluesky sessions (made on first use): posting signs in with the same."""
    posted: tuple[PostedQuestion, ...] = ()
    """Question posts tchat published: their threads are read from the first poll."""


class ConversationPane(Widget, can_focus=True):
    BINDINGS = PANE_BINDINGS  # in a module of their own: the footer reads them too

    @dataclass
    class Arrived(Message):
        """The conversation opened (`feed`), or a poll's posts were taken."""

        feed: FeedSession | None
        statuses: list[SourceStatus] | None
        next_in: float | None = None
        """Seconds until the next poll is due (live only)."""
        generation: int = 0

    @dataclass
    class Chosen(Message):
        """The moderator chose to act on the selected entry (None: nothing selected)."""

        what: Choice
        item: Attributed | None
        """The post and what the feed made of it (the question it answers)."""
        account: str | None = None
        """The muted list's account."""
        network: str | None = None
        """The welcome list's person's network."""
        tab: Tab = "stream"
        handled: bool | None = None
        """Whether the post was shown handled when the key was pressed (None: not on the
        list to answer): two quick presses both act on what the moderator saw."""

        @property
        def post(self) -> FeedPost | None:
            return self.item.post if self.item is not None else None

    @dataclass
    class Moved(Message):
        """Up or down the stream (`step`), or back to its newest post (None)."""

        step: int | None

    def __init__(self, zone: tzinfo, words: Words, *,
                 id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.zone = zone
        self.words = words
        self.answer = "R" if words.language == "fr" else "A"
        """How answers are marked in the plan's language."""
        self.tab: Tab = "stream"
        self.view: RoomView | None = None
        self._cursors: dict[Tab, int] = {}
        self._drawn: tuple[object, ...] = ()
        self._lines: dict[tuple[object, ...], Content] = {}
        """Each post's line, built once (for as long as its marks are the same)."""
        self._lock = threading.Lock()
        self._poller: FeedPoller | None = None
        self._feed: FeedSession | None = None
        self._generation = 0
        self._posted: list[PostedQuestion] = []
        self._known: set[PostedQuestion] = set()

    # --- reading the conversation --------------------------------------------------

    def start(self, setup: FeedPlan, open_feed: Callable[[], FeedSession],
              live: LiveFeed | None) -> None:
        """Open the conversation in a worker (files only); live, build the sources there
        (their libraries load then) and poll them. Called again (a plan reload changed
        `[feed]`), the sources before are stopped first."""
        self.stop()
        with self._lock:
            self._generation += 1
            generation = self._generation
            if live is not None:
                self._known = set(live.posted)
        self.run_worker(lambda: self._open(generation, setup, open_feed, live), thread=True,
                        group="feed", exit_on_error=False)

    def stop(self) -> None:
        """Stop the sources (the run ends, or a reload changed them): a request under
        way ends within a moment, and no round of theirs reaches the screen again."""
        with self._lock:
            poller, self._poller = self._poller, None
            self._generation += 1
        if poller is not None:
            poller.cancel()

    def know_posted(self, questions: Sequence[PostedQuestion]) -> None:
        """Question posts tchat published since the sources were built (`P`): their
        threads are read from the next poll (`ThreadedSource.posted`)."""
        with self._lock:
            fresh = [q for q in questions if q not in self._known]
            self._known.update(fresh)
            self._posted.extend(fresh)

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def _open(self, generation: int, setup: FeedPlan, open_feed: Callable[[], FeedSession],
              live: LiveFeed | None) -> None:
        feed = open_feed()
        if not self._current(generation):
            return
        if not setup.live or live is None:
            self.post_message(self.Arrived(feed, None, generation=generation))
            return
        from tui.core.feed.conversation import feed_since
        from tui.feed.poller import FeedPoller
        from tui.feed.sources import build_sources

        built = build_sources(live.config, live.tag, feed_since(live.start, _wall()),
                              asks=feed.conversation.attributor.asks, posted=live.posted,
                              sessions=live.sessions() if live.sessions else None)
        poller = FeedPoller(built.sources, timedelta(seconds=live.config.poll_seconds),
                            _wall)
        with self._lock:
            if generation != self._generation:
                poller.cancel()
                return
            self._poller, self._feed = poller, feed
        # A source that cannot even be built is a broken source among the others,
        # with a status line that says why (`tui.feed.sources`).
        self.post_message(self.Arrived(feed, _statuses(poller), generation=generation))
        self._poll(generation)

    def _poll(self, generation: int) -> None:
        """In a worker: one round of the sources that are due, taken into the
        conversation here (attributed, counted, written), off the event loop."""
        with self._lock:
            poller, feed = self._poller, self._feed
            posted, self._posted = self._posted, []
            current = generation == self._generation
        if poller is None or feed is None or not current \
                or get_current_worker().is_cancelled:
            return
        if posted:
            for polled in poller.polled:
                known = getattr(polled.source, "posted", None)
                if callable(known):
                    known(posted)
            feed.know_questions(posted)
        posts = poller.poll_due()
        if not self._current(generation):
            return
        feed.take(posts)
        self.post_message(self.Arrived(None, _statuses(poller),
                                       next_in=poller.wait_seconds(), generation=generation))

    def on_conversation_pane_arrived(self, message: Arrived) -> None:
        if message.next_in is not None and self._current(message.generation):
            generation = message.generation
            self.set_timer(max(0.05, message.next_in), lambda: self._next_poll(generation))

    def _next_poll(self, generation: int) -> None:
        if self._current(generation) and self.is_attached:
            self.run_worker(lambda: self._poll(generation), thread=True, group="feed",
                            exit_on_error=False)

    def is_current(self, message: Arrived) -> bool:
        """A round of the sources in use (not of those a reload replaced)."""
        return self._current(message.generation)

    # --- the lists on screen ---------------------------------------------------------

    def show(self, view: RoomView | None, status: str) -> None:
        """Repaint only when something shown changed (the lists, status, selection)."""
        self.view = view
        drawn = (view, status, self.tab, tuple(self._cursors.items()), self.has_focus)
        if drawn != self._drawn:
            self._drawn = drawn
            self.border_subtitle = one_line(status, marked=True)
            self.refresh()

    def _entries(self, tab: Tab) -> Sequence[object]:
        view = self.view
        if view is None:
            return ()
        if tab == "stream":
            return view.stream
        if tab == "welcome":
            return view.to_welcome
        if tab == "answer":
            return view.to_answer
        if tab == "featured":
            return view.featured
        return view.muted

    def _index(self, tab: Tab) -> int | None:
        """The selected entry of a list; None when it is empty."""
        entries = self._entries(tab)
        if not entries:
            return None
        if tab == "stream":
            view = self.view
            selected = view.selected if view is not None else None
            return len(entries) - 1 if selected is None else min(selected, len(entries) - 1)
        return max(0, min(self._cursors.get(tab, 0), len(entries) - 1))

    @property
    def selected(self) -> Attributed | None:
        """The post the keys act on, in the list shown."""
        index = self._index(self.tab)
        if index is None:
            return None
        entry = self._entries(self.tab)[index]
        if isinstance(entry, RoomPost):
            return entry.item
        first = getattr(entry, "first", None)  # a person to welcome: their first post
        if isinstance(first, Attributed):
            return first
        last = getattr(entry, "last", None)  # a featured account: their last post
        return last if isinstance(last, Attributed) else None

    def _selected_entry(self) -> object | None:
        index = self._index(self.tab)
        return None if index is None else self._entries(self.tab)[index]

    def action_move(self, step: int) -> None:
        if self.tab == "stream":
            self.post_message(self.Moved(step))
            return
        entries = self._entries(self.tab)
        if entries:
            current = self._cursors.get(self.tab, 0)
            self._cursors[self.tab] = max(0, min(len(entries) - 1, current + step))
            self._drawn = ()
            self.refresh()

    def action_follow(self) -> None:
        if self.tab == "stream":
            self.post_message(self.Moved(None))
        else:
            self._cursors[self.tab] = max(0, len(self._entries(self.tab)) - 1)
            self._drawn = ()
            self.refresh()

    def action_tab(self, step: int) -> None:
        self.tab = TABS[(TABS.index(self.tab) + step) % len(TABS)]
        self._drawn = ()
        self.refresh()

    def show_tab(self, tab: Tab) -> None:
        self.tab = tab
        self._drawn = ()
        self.refresh()

    def action_choose(self, what: Choice) -> None:
        entry = self._selected_entry()
        account = entry if self.tab == "muted" and isinstance(entry, str) else None
        network = getattr(entry, "network", None) if self.tab == "welcome" else None
        waiting = entry.waiting if isinstance(entry, RoomPost) else None
        self.post_message(self.Chosen(what, self.selected, account=account,
                                      network=network if isinstance(network, str) else None,
                                      tab=self.tab,
                                      handled=waiting.handled if waiting else None))

    def on_focus(self) -> None:
        self._drawn = ()
        self.refresh()

    def on_blur(self) -> None:
        self._drawn = ()
        self.refresh()

    def render(self) -> Content:
        words = self.words
        width = max(1, self.content_size.width)
        height = max(1, self.content_size.height)
        bar = tab_bar(self.tab, self.view, words, width)
        entries = self._entries(self.tab)
        view = self.view
        footer: Content | None = None
        if self.tab == "stream" and view is not None and view.new:
            footer = Content.styled(f"▼ {view.new_line(words.language)} · "
                                    f"{words('screen.room_back_hint')}", "$text-warning bold")
        if not entries:
            empty = words("screen.conv_empty" if self.tab == "stream"
                          else f"screen.room_{self.tab}_empty")
            return Content("\n").join([bar, Content.styled(empty, "$text-muted")])
        room = max(1, height - 1 - (footer is not None))
        index = self._index(self.tab)
        last = len(entries) - 1 if index is None else index
        if self.tab == "stream":
            first = max(0, last - room + 1)  # the newest at the bottom
        else:
            first = max(0, min(last - room // 2, len(entries) - room))
        window = list(entries[first:first + room])
        self._trim()
        lines = [bar]
        for n, entry in enumerate(window):
            line = self._line(entry)
            if first + n == last and self.has_focus:
                line = line.stylize("reverse")
            lines.append(line)
        if footer is not None:
            lines.append(footer)
        return Content("\n").join(lines)

    def _trim(self) -> None:
        if len(self._lines) > 2000:
            self._lines.clear()

    def _line(self, entry: object) -> Content:
        if isinstance(entry, RoomPost):
            item, waiting = entry.item, entry.waiting
            key: tuple[object, ...] = (
                "post", item.post.key, item.answers, item.kind, entry.first_post,
                entry.featured, None if waiting is None else (waiting.why, waiting.handled))
            line = self._lines.get(key)
            if line is None:
                line = self._lines[key] = post_line(entry, self.zone, self.answer)
            return line
        if isinstance(entry, str):
            return muted_line(entry)
        from tui.core.room.people import Featured, Person

        if isinstance(entry, Person):
            return person_line(entry, self.zone)
        if isinstance(entry, Featured):
            return featured_line(entry, self.zone, self.answer, self.words)
        return Content("")


def _statuses(poller: FeedPoller) -> list[SourceStatus]:
    # Copies: the worker goes on changing its own while the screen reads these.
    return [dataclasses.replace(p.status) for p in poller.polled]


def _wall() -> datetime:
    """The network's time, not a rehearsal's."""
    return datetime.now(UTC)
