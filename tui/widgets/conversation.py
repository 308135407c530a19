"""The Conversation pane: the tag's posts, newest at the bottom, one line each; and the
worker that reads them.

Nothing is read and no socket is opened when the run has no conversation (no `[feed]`
in the plan, no replay): `start` is never called. A rehearsal replays a recording on its
simulated clock and never reads a live feed. A live run reads its sources in a thread
worker started after the first frame (the clients, Mastodon.py and atproto, load
there), one round at a time: each round's posts go up in `Arrived` (posting a message is
thread-safe and never blocks, unlike `call_from_thread`, which would hang a worker
while the app shuts down), and the next round is a worker of its own, started by a
timer once they are in, so no thread lives on between polls.

The pane owns its worker and its selection, and says what the moderator chose in
`Chosen` (reply to a post, keep it as a highlight, open it); it never holds the screen,
which hands the posts to the run desk and draws the pane from the desk's view.

Only the lines that fit are built at each repaint (the pane keeps a few hundred posts,
the counts use all of them), so a busy tag costs the same as a quiet one. Every post is
text from strangers: shown literally (a `Content`, never markup), control characters
made visible by the one sanitizer, each line an OSC 8 link to the post when its address
is a safe https one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Literal

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widget import Widget
from textual.worker import get_current_worker

from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost
from tui.core.feed.status import SourceStatus
from tui.core.room.session import FeedPlan, FeedSession
from tui.core.text.clean import one_line, safe_url
from tui.core.text.controls import visible

if TYPE_CHECKING:
    from tui.core.plan.model import Feed
    from tui.feed.poller import FeedPoller
    from tui.net.bluesky import Sessions

MARKS = {"question": ("?", "$text-warning bold"), "guest": ("★", "$text-accent bold"),
         "host": ("◆", "$text-secondary bold")}


@dataclass(frozen=True, slots=True)
class LiveFeed:
    """What a live run's worker needs to build its sources."""

    config: Feed
    tag: str
    start: datetime
    sessions: Callable[[], Sessions] | None = None
    """The run's Bluesky sessions (made on first use): posting signs in with the same."""


class ConversationPane(Widget, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("end", "follow", show=False),
        # On the selected post (the run-sheet's `r` and `h` act on the cues otherwise).
        Binding("r", "choose('reply')", show=False),
        Binding("h", "choose('highlight')", show=False),
        Binding("o", "choose('open')", show=False),
    ]

    @dataclass
    class Arrived(Message):
        """The conversation opened (`feed`), or a poll's posts came."""

        feed: FeedSession | None
        posts: list[FeedPost]
        statuses: list[SourceStatus] | None
        next_in: float | None = None
        """Seconds until the next poll is due (live only)."""

    @dataclass
    class Chosen(Message):
        """The moderator chose to act on the selected post (None: no post selected)."""

        what: Literal["reply", "highlight", "open"]
        item: Attributed | None
        """The post and what the feed made of it (the question it answers)."""

        @property
        def post(self) -> FeedPost | None:
            return self.item.post if self.item is not None else None

    def __init__(self, zone: tzinfo, answer: str, empty: str, *,
                 id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.zone = zone
        self.answer = answer
        """"A" or "R": how answers are marked in the plan's language."""
        self.empty = empty
        self.feed: FeedSession | None = None
        self.cursor: int | None = None
        """The selected post's index in the kept posts; None follows the newest."""
        self._drawn: tuple[object, ...] = ()
        self._lines: dict[tuple[str, str], Content] = {}
        """Each post's line, built once: a busy tag adds a few lines per frame, and
        building all the visible ones again at each repaint cost more than the frame."""
        self._poller: FeedPoller | None = None
        self._statuses: list[SourceStatus] = []

    # --- reading the conversation --------------------------------------------------

    def start(self, setup: FeedPlan, open_feed: Callable[[], FeedSession],
              live: LiveFeed | None) -> None:
        """Open the conversation in a worker (files only); live, build the sources there
        (their libraries load then) and poll them once."""
        self.run_worker(lambda: self._open(setup, open_feed, live), thread=True,
                        group="feed", exit_on_error=False)

    def _open(self, setup: FeedPlan, open_feed: Callable[[], FeedSession],
              live: LiveFeed | None) -> None:
        feed = open_feed()
        if not setup.live or live is None:
            self.post_message(self.Arrived(feed, [], None))
            return
        from tui.core.feed.conversation import feed_since
        from tui.feed.poller import FeedPoller
        from tui.feed.sources import build_sources

        built = build_sources(live.config, live.tag, feed_since(live.start, _wall()),
                              sessions=live.sessions() if live.sessions else None)
        self._poller = FeedPoller(built.sources, timedelta(seconds=live.config.poll_seconds),
                                  _wall)
        # A source that cannot even be built is a broken source among the others,
        # with a status line that says why (`tui.feed.sources`).
        self._statuses = [p.status for p in self._poller.polled]
        self.post_message(self.Arrived(feed, [], self._copied_statuses()))
        self._poll()

    def _poll(self) -> None:
        """In a worker: one round of the sources that are due."""
        poller = self._poller
        if poller is None or get_current_worker().is_cancelled:
            return
        posts = poller.poll_due()
        self.post_message(self.Arrived(None, posts, self._copied_statuses(),
                                       next_in=poller.wait_seconds()))

    def _copied_statuses(self) -> list[SourceStatus]:
        # Copies: the worker goes on changing its own while the screen reads these.
        return [dataclasses.replace(status) for status in self._statuses]

    def on_conversation_pane_arrived(self, message: Arrived) -> None:
        if message.next_in is not None and self._poller is not None:
            self.set_timer(max(0.05, message.next_in), self._next_poll)

    def _next_poll(self) -> None:
        if self._poller is not None and self.is_attached:
            self.run_worker(self._poll, thread=True, group="feed", exit_on_error=False)

    # --- the posts on screen ---------------------------------------------------------

    @property
    def items(self) -> list[Attributed]:
        return list(self.feed.conversation.recent) if self.feed is not None else []

    @property
    def selected(self) -> Attributed | None:
        if self.feed is None:
            return None
        recent = self.feed.conversation.recent
        if not recent:
            return None
        index = len(recent) - 1 if self.cursor is None else min(self.cursor, len(recent) - 1)
        return recent[index]

    def show(self, feed: FeedSession | None, status: str) -> None:
        """Repaint only when something shown changed (new posts, status, selection)."""
        self.feed = feed
        version = feed.conversation.version if feed is not None else -1
        drawn = (version, status, self.cursor)
        if drawn != self._drawn:
            self._drawn = drawn
            self.border_subtitle = one_line(status, marked=True)
            self.refresh()

    def action_move(self, step: int) -> None:
        recent = self.feed.conversation.recent if self.feed is not None else ()
        if not recent:
            return
        current = len(recent) - 1 if self.cursor is None else self.cursor
        target = max(0, min(len(recent) - 1, current + step))
        # Back on the newest post: follow the conversation again.
        self.cursor = None if target == len(recent) - 1 else target
        self._drawn = ()
        self.refresh()

    def action_follow(self) -> None:
        self.cursor = None
        self._drawn = ()
        self.refresh()

    def action_choose(self, what: Literal["reply", "highlight", "open"]) -> None:
        self.post_message(self.Chosen(what, self.selected))

    def render(self) -> Content:
        recent = self.feed.conversation.recent if self.feed is not None else ()
        if not recent:
            return Content.styled(self.empty, "$text-muted")
        height = max(1, self.content_size.height)
        last = len(recent) - 1 if self.cursor is None else min(self.cursor, len(recent) - 1)
        first = max(0, last - height + 1)
        # A deque indexes fastest from its ends: take the window from the right.
        window = [recent[i] for i in range(first, min(len(recent), first + height))]
        if len(self._lines) > 2 * (recent.maxlen or len(recent)) + height:
            keep = {item.post.key for item in recent}
            self._lines = {k: v for k, v in self._lines.items() if k in keep}
        lines = []
        for n, item in enumerate(window):
            line = self._lines.get(item.post.key)
            if line is None:
                line = self._lines[item.post.key] = self._line(item)
            lines.append(line.stylize("reverse") if first + n == last and self.has_focus
                         else line)
        return Content("\n").join(lines)

    def _line(self, item: Attributed) -> Content:
        post = item.post
        if item.answers is not None:
            mark, mark_style = f"{self.answer}{item.answers}", "$text-success bold"
        else:
            mark, mark_style = MARKS.get(item.kind, ("", ""))
        line = Content.assemble(
            (f"{post.created_at.astimezone(self.zone):%H:%M} ", "$text-muted"),
            ("@" + visible(post.author.split("@")[0] if post.platform == "mastodon"
                           else post.author), "bold"),
            " ",
            (f"{mark} " if mark else "", mark_style),
            one_line(post.text, marked=True),
        )
        if safe_url(post.url, https_only=True):
            line = line.stylize(Style(link=post.url))
        return line


def _wall() -> datetime:
    """The network's time, not a rehearsal's."""
    return datetime.now(UTC)
