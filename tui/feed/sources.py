"""The sources a plan's `[feed]` asks for, built with their credentials."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from tui.core.plan.model import Feed
from tui.feed.credentials import bluesky_login, mastodon_token
from tui.feed.errors import FeedError
from tui.feed.poller import Source

TIMEOUT = 10.0


@dataclass
class Built:
    sources: list[Source] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Sources that could not even be built (a library missing), one line each."""


def build_sources(feed: Feed, tag: str, since: datetime, *, timeout: float = TIMEOUT,
                  environ: Mapping[str, str] | None = None) -> Built:
    built = Built()
    if feed.mastodon is not None:
        try:
            from tui.feed.mastodon_source import MastodonSource

            built.sources.append(MastodonSource(
                feed.mastodon, tag, since, timeout=timeout,
                token=mastodon_token(environ) if environ is not None else mastodon_token()))
        except (ImportError, FeedError) as error:
            built.problems.append(f"Mastodon: cannot start ({error})")
    if feed.bluesky:
        try:
            from tui.feed.bluesky_source import BlueskySource

            login = bluesky_login(environ) if environ is not None else bluesky_login()
            built.sources.append(BlueskySource(login, tag, since, service=feed.bluesky_service,
                                               timeout=timeout))
        except (ImportError, FeedError) as error:
            built.problems.append(f"Bluesky: cannot start ({error})")
    return built
