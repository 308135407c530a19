"""The sources a plan's `[feed]` asks for, built with their credentials.

Building touches no network (a source connects at its first poll, in the poller, which
backs off and says why when it fails). A source that cannot even be built (its library
missing or broken) is a source that fails at every poll, so its status line says so in
the plan's language, like any other failure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tui.core.feed.post import FeedPost
from tui.core.feed.status import Said
from tui.core.plan.model import Feed
from tui.core.room.threads import PER_POLL, PostedQuestion
from tui.feed.credentials import bluesky_login, mastodon_token
from tui.feed.errors import failed
from tui.feed.poller import Source
from tui.net.transport import TIMEOUT

if TYPE_CHECKING:
    from tui.net.bluesky import Sessions


@dataclass
class Built:
    sources: list[Source] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Kept for callers that show lines of their own; a source that cannot be built is
    now a `Broken` source among `sources`, so this stays empty."""


class Broken:
    """A source that could not be built: each poll says why."""

    def __init__(self, name: str, error: BaseException) -> None:
        self.name = name
        self.what = type(error).__name__

    def fetch(self) -> list[FeedPost]:
        raise failed(self.name, Said.of("feed.cannot_start", what=self.what), lasting=True)


def build_sources(feed: Feed, tag: str, since: datetime, *, timeout: float = TIMEOUT,
                  environ: Mapping[str, str] | None = None,
                  asks: Callable[[FeedPost], int | None] | None = None,
                  posted: Sequence[PostedQuestion] = (),
                  now: Callable[[], datetime] | None = None,
                  threads_per_poll: int = PER_POLL,
                  sessions: Sessions | None = None) -> Built:
    """One source per Mastodon server and one for Bluesky. With `asks` (the plan's
    `Attributor.asks`), each also reads the replies under the host's question posts it
    meets, and those of `posted` (question posts tchat published, known by id). With
    `sessions` (the run's), Bluesky signs in with the session posting uses too."""
    from tui.feed.threaded import threaded_bluesky, threaded_mastodon

    built = Built()
    clock = now or _utcnow
    find = asks or _asks_nothing
    token = None
    for server in feed.mastodon_servers:
        try:
            from tui.feed.mastodon_source import MastodonSource

            if token is None:
                token = (mastodon_token(environ) if environ is not None else mastodon_token())
            # A token belongs to one account on one server: it goes to the first server
            # named, never to the others (a secret is sent only to its own host).
            source = threaded_mastodon(
                MastodonSource(server, tag, since, timeout=timeout,
                               token=token if server == feed.mastodon_servers[0] else None),
                find, now=clock, per_poll=threads_per_poll)
            source.posted(posted)
            built.sources.append(source)
        except Exception as error:  # noqa: BLE001 - a broken install is a status line
            built.sources.append(Broken("Mastodon", error))
    if feed.bluesky:
        try:
            from tui.feed.bluesky_source import BlueskySource

            login = bluesky_login(environ) if environ is not None else bluesky_login()
            bluesky = threaded_bluesky(
                BlueskySource(login, tag, since, service=feed.bluesky_service, timeout=timeout,
                              sessions=sessions),
                find, now=clock, per_poll=threads_per_poll)
            bluesky.posted(posted)
            built.sources.append(bluesky)
        except Exception as error:  # noqa: BLE001 - a broken install is a status line
            built.sources.append(Broken("Bluesky", error))
    return built


def _asks_nothing(_post: FeedPost) -> int | None:
    return None


def _utcnow() -> datetime:
    return datetime.now(UTC)
