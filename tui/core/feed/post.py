"""One post of the conversation, whatever platform it came from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, get_args

from tui.core.feed.identity import full_account, server_of
from tui.core.feed.plaintext import bounded
from tui.core.timing.chattime import FIRST_YEAR, LAST_YEAR

FeedPlatform = Literal["mastodon", "bluesky"]
FEED_PLATFORMS: frozenset[str] = frozenset(get_args(FeedPlatform))
PostKind = Literal["answer", "question", "guest", "host", "other"]

# Posts come from strangers: every field is cut to a size a screen and a file can take.
MAX_TEXT = 5000
MAX_AUTHOR = 300
MAX_NAME = 200
MAX_URL = 2000
MAX_ID = 500
MAX_DATE = 64
"""An ISO date and time is 35 characters at most; a longer one is no date."""


def post_moment(value: object, *, naive_is_utc: bool = False) -> datetime | None:
    """A post's date, in UTC, or None when it is no date a chat can have.

    A post's date is whatever its author (Bluesky's `createdAt`) or server wrote:
    `9999-12-31T23:59:59-14:00` is valid ISO 8601, yet in UTC it is past datetime's
    last year, and `9999-12-31T23:59:59Z` shown in Paris is too. Such a date is
    refused here, once, where posts are read: every later step (UTC, the chat's zone,
    a replay's shift) then stays within datetime's range. A date without an offset is
    refused too, unless the caller knows it to be UTC (`naive_is_utc`)."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str) and 0 < len(value) <= MAX_DATE:
        text = value.strip()
        if text[-1:] in ("Z", "z"):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
    else:
        return None
    if moment.tzinfo is None:
        if not naive_is_utc:
            return None
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    return moment if FIRST_YEAR <= moment.year <= LAST_YEAR else None


@dataclass(frozen=True, slots=True)
class FeedPost:
    """A post as fetched: plain text, never markup; `author` is the handle without "@"
    (`alice@mastodon.social`, `alice.bsky.social`): a Mastodon account always with its
    server when the post's address says it."""

    platform: FeedPlatform
    id: str
    author: str
    name: str
    text: str
    url: str
    created_at: datetime
    """Aware, in UTC, between the years a chat can have (see `post_moment`)."""
    reply_to: str | None = None
    """The id of the post this one replies to, on the same platform."""

    def __post_init__(self) -> None:
        # A Mastodon server names its own accounts without their server: completed with
        # the server of the post's address, one person is one account wherever seen
        # (`tui.core.feed.identity`).
        if self.platform == "mastodon" and "@" not in self.author:
            server = server_of(self.url) or server_of(self.id)
            if server:
                object.__setattr__(self, "author",
                                   bounded(full_account(self.author, server), MAX_AUTHOR))

    @property
    def key(self) -> tuple[str, str]:
        """What makes a post the same post: one id per platform."""
        return (self.platform, self.id)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "platform": self.platform,
            "id": self.id,
            "author": self.author,
            "name": self.name,
            "text": self.text,
            "url": self.url,
            "created_at": self.created_at.isoformat(),
        }
        if self.reply_to is not None:
            data["reply_to"] = self.reply_to
        return data

    @classmethod
    def from_dict(cls, data: object) -> FeedPost | None:
        """The post in `data` (a line of a feed file), or None when it is not one."""
        if not isinstance(data, dict):
            return None
        try:
            platform = data["platform"]
            created = post_moment(data["created_at"])
            strings = [data[k] for k in ("id", "author", "text")]
            name, url = data.get("name", ""), data.get("url", "")
            reply_to = data.get("reply_to")
        except (KeyError, TypeError, ValueError):
            return None
        if not isinstance(platform, str) or platform not in FEED_PLATFORMS or created is None:
            return None
        if not all(isinstance(s, str) for s in (*strings, name, url)):
            return None
        if reply_to is not None and not isinstance(reply_to, str):
            return None
        post_id, author, text = strings
        if not post_id:
            return None
        return cls(
            platform="mastodon" if platform == "mastodon" else "bluesky",
            id=bounded(post_id, MAX_ID),
            author=bounded(author.removeprefix("@"), MAX_AUTHOR),
            name=bounded(name, MAX_NAME),
            text=bounded(text, MAX_TEXT),
            url=bounded(url, MAX_URL),
            created_at=created,
            reply_to=bounded(reply_to, MAX_ID) if reply_to else None,
        )

    def to_json(self, **more: Any) -> str:
        # ensure_ascii: one post on one physical line, whatever it holds.
        return json.dumps({**self.to_dict(), **more}, ensure_ascii=True, separators=(",", ":"))
