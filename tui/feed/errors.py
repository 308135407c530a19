"""What can go wrong with a feed, as words for the moderator and a time to retry."""

from __future__ import annotations

from tui.core.feed.status import Said


class FeedError(Exception):
    """A poll that failed: `said` is the one line to show (`feed.failed`: the source's
    name and why, naming the server and what it answered; no secret in it).

    `retry_after` is the seconds the server asked us to wait (HTTP 429, already bounded),
    else None and the poller backs off on its own. `lasting` marks what retrying will not
    mend soon (a wrong password, a closed timeline): the poller still retries, slowly."""

    def __init__(self, said: Said, *, retry_after: float | None = None,
                 lasting: bool = False) -> None:
        super().__init__(said.say("en"))
        self.said = said
        self.retry_after = retry_after
        self.lasting = lasting

    @property
    def message(self) -> str:
        """The line in English (the command line's and the tests' reading of it)."""
        return self.said.say("en")


def failed(source: str, why: Said, *, retry_after: float | None = None,
           lasting: bool = False) -> FeedError:
    """ "Mastodon: https://m.example is not a Mastodon server: …" as a FeedError."""
    return FeedError(Said.of("feed.failed", source=source, why=why),
                     retry_after=retry_after, lasting=lasting)
