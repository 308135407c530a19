"""What can go wrong with a feed, as one line for the moderator and a time to retry."""

from __future__ import annotations

from tui.core.text.words import Phrase, Words


class FeedError(Exception):
    """A poll that failed: `phrase` says it (one line, no secret in it), in the language
    of whoever shows it (`feed.error_*`): the run-sheet's, `tchat feed`'s plan's.

    `retry_after` is the seconds the server asked us to wait (HTTP 429), else None and
    the poller backs off on its own. `lasting` marks what retrying will not mend soon (a
    wrong password, a closed timeline): the poller still retries, slowly."""

    def __init__(self, phrase: Phrase, *, retry_after: float | None = None,
                 lasting: bool = False) -> None:
        self.phrase = phrase
        super().__init__(self.message)
        self.retry_after = retry_after
        self.lasting = lasting

    @property
    def message(self) -> str:
        """The failure in English, for a log or a traceback (never the screen's words)."""
        return self.phrase(Words("en"))
