"""The Conversation pane's work on the network, off the event loop: a reply or a repost
sent with the plan's account (`NetworkOrder`, decided by the run desk), and a post's
link opened in a browser.

Posting's channels (`tui.post`) are built in the worker the first time one is needed,
with the run's Bluesky sessions (`RunSessions`: the feed and `P` use the same one), and
kept for the run. What was sent comes back in `Finished`, with what posting's core
logged in its own run (`NetworkOrder.logged`), for the run desk to keep on the UI
thread; a failure, whatever it is, comes back as one line. A link with no browser to
open it here comes back in `NoBrowser`, for the desk to copy it instead.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widget import Widget

from tui.core.run.outcomes import NetworkOrder
from tui.core.run.publish.outcomes import Failed
from tui.core.run.publish.outcomes import Outcome as PostOutcome

if TYPE_CHECKING:
    from tui.core.plan.accounts import Accounts
    from tui.core.run.publish.channel import Channel
    from tui.widgets.posting import RunSessions


class NetworkWork(Widget):
    DEFAULT_CSS = "NetworkWork { display: none; }"

    @dataclass
    class Finished(Message):
        order: NetworkOrder
        outcome: PostOutcome

    @dataclass
    class NoBrowser(Message):
        url: str

    def __init__(self, sessions: RunSessions, *,
                 id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.sessions = sessions
        self._lock = threading.Lock()
        self._built: tuple[Accounts, dict[str, Channel], dict[str, str]] | None = None

    def send(self, order: NetworkOrder) -> None:
        self.run_worker(lambda: self._send(order), thread=True, group="network",
                        exit_on_error=False)

    def open_link(self, url: str) -> None:
        self.run_worker(lambda: self._open(url), thread=True, group="browser",
                        exit_on_error=False)

    def stop(self) -> None:
        """The run ends: every channel's call under way stops."""
        with self._lock:
            built = self._built
        for channel in (built[1].values() if built is not None else ()):
            cancel = getattr(channel, "cancel", None)
            if callable(cancel):
                cancel()

    def _channel(self, order: NetworkOrder) -> Channel | str:
        """The channel for the order's network, or why there is none (one line)."""
        from tui.core.text.words import Words
        from tui.post.channels import build_channels

        plan = order.run.book.plan
        accounts = plan.accounts
        if accounts is None:
            return ""
        with self._lock:
            if self._built is None or self._built[0] != accounts:
                built = build_channels(accounts, Words(plan.chat.language),
                                       sessions=self.sessions.get())
                self._built = (accounts, built.channels, built.missing)
            _accounts, channels, missing = self._built
        return channels.get(order.network) or missing.get(order.network, "")

    def _send(self, order: NetworkOrder) -> None:
        outcome: PostOutcome
        try:
            outcome = self._post(order)
        except Exception as error:  # noqa: BLE001 - a client's bug is one line, not a crash
            outcome = Failed(order.network, type(error).__name__, 0, 1)
        self.post_message(self.Finished(order, outcome))

    def _post(self, order: NetworkOrder) -> PostOutcome:
        from tui.core.run.publish.channel import ChannelError
        from tui.core.run.publish.publisher import reply, repost

        channel = self._channel(order)
        if isinstance(channel, str):
            return Failed(order.network, channel, 0, 1)
        post = order.to
        if order.kind == "reply":
            return reply(order.run, channel, post.id, order.text, post.created_at)
        cid = None
        if order.network == "bluesky":
            try:
                cid = channel.refs(post.id).parent.cid  # a repost names the post's CID
            except ChannelError as error:
                return Failed(order.network, error.message, 0, 1)
        return repost(order.run, channel, post.id, cid)

    def _open(self, url: str) -> None:
        if not open_in_browser(url):
            self.post_message(self.NoBrowser(url))


def open_in_browser(url: str) -> bool:
    """Open `url` in a graphical browser; False when there is none here (a server over
    ssh, a console), and never a console browser (lynx, w3m...), which would take over
    the terminal the run-sheet is drawn in."""
    import webbrowser  # a browser may take seconds to start: never on the event loop

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if type(browser) is webbrowser.GenericBrowser:
        return False  # a foreground program: a console browser, in our terminal
    try:
        return bool(browser.open(url))
    except Exception:  # noqa: BLE001 - a browser that fails to start is no browser
        return False
