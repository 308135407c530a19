"""One post of the conversation, whatever platform it came from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, get_args

from tui.core.feed.identity import full_account, server_of
from tui.core.feed.plaintext import bounded

FeedPlatform = Literal["mastodon", "bluesky"]
FEED_PLATFORMS: frozenset[str] = frozenset(get_args(FeedPlatform))
PostKind = Literal["answer", "question", "guest", "host", "other"]

# Posts come from strangers: every field is cut to a size a screen and a file can take.
MAX_TEXT = 5000
MAX_AUTHOR = 300
MAX_NAME = 200
MAX_URL = 2000
MAX_ID = 500


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
    """Aware, in UTC."""
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
            created = datetime.fromisoformat(data["created_at"])
            strings = [data[k] for k in ("id", "author", "text")]
            name, url = data.get("name", ""), data.get("url", "")
            reply_to = data.get("reply_to")
        except (KeyError, TypeError, ValueError):
            return None
        if platform not in FEED_PLATFORMS or created.tzinfo is None:
            return None
        if not all(isinstance(s, str) for s in (*strings, name, url)):
            return None
        if reply_to is not None and not isinstance(reply_to, str):
            return None
        post_id, author, text = strings
        if not post_id:
            return None
        return cls(
            platform=platform,
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
