"""What can go wrong with a feed, as one line for the moderator and a time to retry."""

from __future__ import annotations


class FeedError(Exception):
    """A poll that failed: `message` is shown as is (one line, no secret in it).

    `retry_after` is the seconds the server asked us to wait (HTTP 429), else None and
    the poller backs off on its own. `lasting` marks what retrying will not mend soon (a
    wrong password, a closed timeline): the poller still retries, slowly."""

    def __init__(self, message: str, *, retry_after: float | None = None,
                 lasting: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
        self.lasting = lasting
