"""What one run of the run-sheet holds on the network: its one Bluesky `Sessions`, shared
by the feed's worker (`build_sources(..., sessions=)`) and posting's
(`build_channels(..., sessions=)`), so one account signs in once per run, whoever reads
or posts first.

The screen holds a `RunNetwork` for the whole run and closes it when the run ends; the
`Sessions` itself is made the first time a worker asks for it (its module loads httpx,
which the first frame must not wait for), and never after `close()`: a worker that asks
once the run is ending gets a closed one, whose every request stops at once.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.net.bluesky import Sessions


class RunNetwork:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: Sessions | None = None
        self._closed = False

    def sessions(self) -> Sessions:
        """The run's sessions, made on first use (in a worker thread)."""
        from tui.net.bluesky import Sessions

        with self._lock:
            if self._sessions is None:
                self._sessions = Sessions()
                if self._closed:
                    self._sessions.close()
            return self._sessions

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """The run ends: every session's requests stop, their connections close."""
        with self._lock:
            self._closed = True
            sessions = self._sessions
        if sessions is not None:
            sessions.close()
