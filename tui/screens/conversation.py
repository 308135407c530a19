"""The run-sheet's side of the conversation: which one to show, the worker that reads
it, and what the cue list and the next-question pane say of it.

Nothing is read and no socket is opened when the run has no conversation (no `[feed]`
in the plan, no replay). A rehearsal replays a recording on its simulated clock and
never reads a live feed. A live run reads its sources in a thread worker started after
the first frame (the clients, Mastodon.py and atproto, load there); posts come back to
the event loop, where they are counted, kept in `PLAN.feed.jsonl` and shown.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import get_current_worker

from tui.core.feed.counts import answers_line
from tui.core.feed.post import FeedPost
from tui.core.feed.status import SourceStatus
from tui.core.room.session import FeedPlan, FeedSession, feed_plan
from tui.core.text.clean import safe_url
from tui.widgets.conversation import ConversationPane

if TYPE_CHECKING:
    from tui.core.run.session import Row
    from tui.feed.poller import FeedPoller
    from tui.screens.runsheet import RunSheet


class FeedArrived(Message):
    """Posted from the feed's worker (posting is thread-safe and never blocks, unlike
    `call_from_thread`, which would hang a worker while the app shuts down)."""

    def __init__(self, feed: FeedSession | None, posts: list[FeedPost],
                 statuses: list[SourceStatus] | None, next_in: float | None = None) -> None:
        super().__init__()
        self.feed = feed
        self.posts = posts
        self.statuses = statuses
        self.next_in = next_in
        """Seconds until the next poll is due (live only)."""


class ConversationView:
    def __init__(self, screen: RunSheet, replay: Path | None) -> None:
        self.screen = screen
        self.replay = replay
        self.feed: FeedSession | None = None
        self.setup: FeedPlan | None = None
        self._pane: ConversationPane | None = None
        self._poller: FeedPoller | None = None
        self._statuses: list[SourceStatus] = []
        self._published: dict[str, FeedPost] = {}
        self._copied_version: tuple[int, int] = (-1, -1)

    def pane(self) -> ConversationPane:
        session = self.screen.session
        words = self.screen.words
        pane = ConversationPane(session.plan.chat.zone,
                                "R" if session.language == "fr" else "A",
                                words("screen.conv_empty"), id="conversation")
        pane.border_title = words("screen.conversation")
        self._pane = pane
        return pane

    # --- starting ---------------------------------------------------------------------

    def start(self) -> None:
        session = self.screen.session
        self.setup = feed_plan(session.plan, session.plan_path,
                               rehearsal=session.rehearsal, replay=self.replay)
        if self.setup is None:
            return
        self.screen.run_worker(self._read, thread=True, group="feed", exit_on_error=False)

    def _read(self) -> None:
        """The first worker: open the conversation (files only); live, build the sources
        (their libraries load here) and poll them once."""
        session = self.screen.session
        setup = self.setup
        assert setup is not None
        feed = FeedSession.open(session.plan, session.plan_path, setup, session.book)
        if not setup.live or session.plan.feed is None:
            self.screen.post_message(FeedArrived(feed, [], None))
            return
        from tui.core.feed.conversation import feed_since
        from tui.feed.poller import FeedPoller
        from tui.feed.sources import build_sources

        chat, config = session.plan.chat, session.plan.feed
        built = build_sources(config, chat.tag, feed_since(chat.start_at, _wall()))
        self._poller = FeedPoller(built.sources, timedelta(seconds=config.poll_seconds), _wall)
        self._statuses = [p.status for p in self._poller.polled]
        self._statuses += [SourceStatus(line, error=line, offline_since=_wall(),
                                        retry_at=_wall() + timedelta(days=1))
                           for line in built.problems]
        self.screen.post_message(FeedArrived(feed, [], list(self._statuses)))
        self._poll()

    def _poll(self) -> None:
        """In a worker: one round of the sources that are due. Each round is a worker of
        its own, started by a timer once the last one's posts are in: no thread lives
        on between polls, and closing the app never waits for more than one poll."""
        poller = self._poller
        if poller is None or get_current_worker().is_cancelled:
            return
        posts = poller.poll_due()
        self.screen.post_message(FeedArrived(None, posts, list(self._statuses),
                                             next_in=poller.wait_seconds()))

    def _next_poll(self) -> None:
        if self._poller is not None and self.screen.is_attached:
            self.screen.run_worker(self._poll, thread=True, group="feed",
                                   exit_on_error=False)

    def arrived(self, message: FeedArrived) -> None:
        """On the event loop: the conversation opened, or a poll's posts came."""
        if message.feed is not None:
            self.feed = message.feed
            cues = self.screen.query_one("CueList")
            cues.extra_of = self.extra_of  # type: ignore[attr-defined]
            cues.link_of = self.link_of  # type: ignore[attr-defined]
        if self.feed is None:
            return
        if message.statuses is not None:
            self.feed.sources = message.statuses
        if message.posts:
            self.feed.conversation.take(message.posts)
        if message.next_in is not None:
            self.screen.set_timer(max(0.05, message.next_in), self._next_poll)
        self.screen.refresh_now()

    # --- each redraw --------------------------------------------------------------------

    def advance(self, now: datetime) -> None:
        """Release a replay's due posts and repaint the pane, if there is one."""
        feed = self.feed
        if feed is None or self._pane is None:
            return
        feed.advance(now)
        session = self.screen.session
        chat = session.plan.chat
        status = " · ".join(feed.status_lines(datetime.now(UTC), chat.zone, session.language))
        version = (feed.conversation.version, len(session.state.posted))
        if version != self._copied_version:
            self._copied_version = version
            copied = {row_id: row.draft.text for row_id in session.state.posted
                      if (row := session.row(row_id)) is not None}
            self._published = feed.conversation.published(copied)
        self._pane.show(feed, status)

    def extra_of(self, row: Row) -> str:
        feed = self.feed
        if feed is None or feed.problem is not None:
            return ""  # no conversation to count from: say nothing, not "0 answers"
        language = self.screen.session.language
        parts = []
        cue = row.cue
        if cue.kind == "question" and cue.number is not None and (
            row.id in self.screen.session.state.posted
        ):
            parts.append(answers_line(*feed.conversation.counts.answers(cue.number),
                                      language))
        if row.id in self._published:
            parts.append(self.screen.words("screen.seen_published"))
        return " · ".join(parts)

    def link_of(self, row: Row) -> str | None:
        """The post that published the row's draft, when a plain https address."""
        post = self._published.get(row.id)
        return safe_url(post.url, https_only=True) if post is not None else None

    def last_answers(self) -> str:
        """ "Q3 · 14 answers from 9 people" for the last question posted."""
        feed = self.feed
        if feed is None or feed.problem is not None:
            return ""
        session = self.screen.session
        asked = [c for c in session.cues if c.kind == "question" and c.number is not None
                 and c.id in session.state.posted]
        if not asked:
            return ""
        last = max(asked, key=lambda c: session.state.posted[c.id])
        assert last.number is not None
        line = answers_line(*feed.conversation.counts.answers(last.number), session.language)
        return f"Q{last.number} · {line}"

    # --- keys ---------------------------------------------------------------------------

    def toggle(self) -> None:
        screen = self.screen
        if self.setup is None:
            screen.notify(screen.words("screen.no_feed"), severity="warning", timeout=6)
            return
        side = screen.query_one("#side")
        shown = not side.has_class("-conversation")
        side.set_class(shown, "-conversation")
        if shown and self._pane is not None:
            self._pane.focus()
        else:
            screen.query_one("#cues").focus()

    def selected_post(self) -> FeedPost | None:
        item = self._pane.selected if self._pane is not None else None
        if item is None:
            self.screen.notify(self.screen.words("screen.no_post"), severity="warning")
            return None
        return item.post


def _wall() -> datetime:
    """The network's time, not a rehearsal's."""
    return datetime.now(UTC)
