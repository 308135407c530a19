"""Posting's worker (`P`, `u` right after it, the intents a crash left open), and the
run's one set of Bluesky sessions.

Each call to a network may take up to 10 s, so posting runs in a thread worker, one
order at a time (group "posting", exclusive of nothing: two cues may be on their way at
once, the desk refuses a second `P` on the same cue). The clients load there, in the
worker (`tui.post`), never on the first frame. What the worker does is the core's
(`tui.core.run.publish`: intent on disk first, then the post, never twice); what came
back goes up in a message, and the run desk says what it comes to.

**The log stays the UI thread's.** Every event the worker logs (an intent before its
post leaves, a post's link, a mark) is handed to the UI thread, which writes it and
answers; the worker waits for that answer before it sends anything. A run that ends
meanwhile answers nothing: the worker then stops, sends nothing, and the intent is not
on disk either.

**One Bluesky session per run.** `RunSessions` makes the run's `tui.net.bluesky.Sessions`
on first use, in whichever worker needs it first (the feed's or posting's), and hands
the same one to both, so a run signs in once (`createSession` is limited to 30 per 5
minutes); the run-sheet closes it when the run ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from tui.core.run.asrun import Event
from tui.core.run.posting import PostOrder

if TYPE_CHECKING:
    from tui.core.plan.accounts import Accounts
    from tui.core.run.publish.ledger import PartRecord
    from tui.core.run.publish.outcomes import CueOutcome
    from tui.core.run.publish.publisher import Run
    from tui.core.text.words import Words
    from tui.net.bluesky import Sessions

KEEP_WAIT = 0.25
"""How often a worker waiting for the UI thread looks whether the run has ended."""


class RunSessions:
    """The run's Bluesky sessions, made on first use (the transport and its libraries
    load then, in a worker), closed once when the run ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: Sessions | None = None

    def get(self) -> Sessions:
        with self._lock:
            if self._sessions is None:
                from tui.net.bluesky import Sessions

                self._sessions = Sessions()
            return self._sessions

    def close(self) -> None:
        """End every session's requests (one under way stops within a quarter second)."""
        with self._lock:
            sessions = self._sessions
        if sessions is not None:
            sessions.close()


class PostingWork(Widget):
    DEFAULT_CSS = "PostingWork { display: none; }"

    @dataclass
    class Published(Message):
        """`P`'s posts came back (or could not start: `problem`)."""

        order: PostOrder
        outcome: CueOutcome | None
        missing: dict[str, str] = field(default_factory=dict)
        """Network -> why it has no channel (no credential)."""
        problem: str | None = None

    @dataclass
    class Unpublished(Message):
        """The deletion `u` asked for came back."""

        order: PostOrder
        outcome: CueOutcome | None
        problem: str | None = None

    @dataclass
    class Settled(Message):
        """What the servers said of the intents an earlier run left open."""

        found: list[tuple[PartRecord, str]]

    @dataclass
    class Keep(Message):
        """An event of the worker's, for the UI thread to write; `done` when it has."""

        event: Event
        keep: Callable[[Event], None]
        done: threading.Event
        failure: list[OSError]

    def __init__(self, sessions: RunSessions, *,
                 id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.sessions = sessions

    # --- the log, on the UI thread -------------------------------------------------------

    def keeper(self, keep: Callable[[Event], None], words: Words) -> Callable[[Event], None]:
        """`keep`, callable from the worker: it returns once the UI thread has written
        the event, and raises OSError when it could not (or the run ended), saying why in
        `words`: the line becomes the refusal's reason on screen."""

        def kept(event: Event) -> None:
            done, failure = threading.Event(), list[OSError]()
            self.post_message(self.Keep(event, keep, done, failure))
            worker = get_current_worker()
            while not done.wait(KEEP_WAIT):
                if worker.is_cancelled or not self.is_attached:
                    raise OSError(words("post.run_ended"))
            if failure:
                raise failure[0]

        return kept

    def on_posting_work_keep(self, message: Keep) -> None:
        try:
            message.keep(message.event)
        except OSError as error:
            message.failure.append(error)
        finally:
            message.done.set()

    # --- the work ---------------------------------------------------------------------------

    def post(self, order: PostOrder, run: Run, accounts: Accounts, words: Words) -> None:
        self.run_worker(lambda: self._post(order, run, accounts, words), thread=True,
                        group="posting", exit_on_error=False)

    def unpost(self, order: PostOrder, run: Run, accounts: Accounts, words: Words) -> None:
        self.run_worker(lambda: self._unpost(order, run, accounts, words), thread=True,
                        group="posting", exit_on_error=False)

    def settle(self, run: Run, accounts: Accounts, words: Words) -> None:
        self.run_worker(lambda: self._settle(run, accounts, words), thread=True,
                        group="posting", exit_on_error=False)

    def _post(self, order: PostOrder, run: Run, accounts: Accounts, words: Words) -> None:
        from tui.core.run.publish.publisher import publish_cue
        from tui.post.channels import build_channels

        try:
            built = build_channels(accounts, words, networks=order.networks,
                                   sessions=self.sessions.get())
            missing = {n: why for n, why in built.missing.items() if n in order.networks}
            outcome = publish_cue(run, order.cue, built.channels, order.networks)
        except Exception as error:  # noqa: BLE001 - a line on the screen, never a traceback
            self.post_message(self.Published(order, None, problem=_line(error)))
            return
        self.post_message(self.Published(order, outcome, missing))

    def _unpost(self, order: PostOrder, run: Run, accounts: Accounts, words: Words) -> None:
        from tui.core.run.publish.publisher import undo_cue
        from tui.post.channels import build_channels

        try:
            built = build_channels(accounts, words, networks=order.networks,
                                   sessions=self.sessions.get())
            outcome = undo_cue(run, order.cue, built.channels)
        except Exception as error:  # noqa: BLE001 - a line on the screen, never a traceback
            self.post_message(self.Unpublished(order, None, _line(error)))
            return
        self.post_message(self.Unpublished(order, outcome))

    def _settle(self, run: Run, accounts: Accounts, words: Words) -> None:
        from tui.core.run.publish.publisher import settle
        from tui.post.channels import build_channels

        try:
            built = build_channels(accounts, words, sessions=self.sessions.get())
            found = settle(run, built.channels)
        except Exception:  # noqa: BLE001 - the intents stay open: the next P asks again
            return
        if found:
            self.post_message(self.Settled(found))


def _line(error: Exception) -> str:
    """An unexpected failure in one line (its kind and what it says, no traceback)."""
    from tui.core.text.clean import one_line

    said = str(error) or type(error).__name__
    return one_line(said, marked=True)
