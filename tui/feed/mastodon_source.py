"""A Mastodon server's public timeline of the tag, through Mastodon.py.

The first poll asks for what came after a moment (`min_id` as a date: Mastodon's ids
grow with time); each later poll asks for what came after the newest post seen, and
follows the `Link: rel="prev"` pages until there is nothing newer.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from tui.core.feed.mastodon_html import html_to_text
from tui.core.feed.post import FeedPost
from tui.feed.errors import FeedError

PAGE = 40
MAX_PAGES = 25


class MastodonSource:
    name = "Mastodon"
    platform = "mastodon"

    def __init__(self, server: str, tag: str, since: datetime, *, token: str | None = None,
                 timeout: float = 10.0) -> None:
        from mastodon import Mastodon  # loaded in the feed's worker, never at start-up

        self.server = server
        self.tag = tag.removeprefix("#")
        self.since = since
        self._api = Mastodon(api_base_url=server, access_token=token, request_timeout=timeout,
                             ratelimit_method="throw", version_check_mode="created",
                             user_agent="tchat")
        self._newest: str | None = None
        self.uris: dict[str, str] = {}
        """Each status's id here -> its URI, the same on every server (`tui.feed.threaded`)."""

    @property
    def api(self) -> Any:
        """The Mastodon.py client, for the replies under a status (`tui.feed.replies`)."""
        return self._api

    def fetch(self) -> list[FeedPost]:
        from mastodon import errors

        try:
            found: list[Any] = []
            cursor: str | datetime = self._newest or self.since
            page = self._api.timeline_hashtag(self.tag, min_id=cursor, limit=PAGE)
            for _ in range(MAX_PAGES):
                if not page:
                    break
                if not isinstance(page, list):
                    raise TypeError("a timeline is a list of statuses")
                found.extend(page)
                page = self._api.fetch_previous(page)
        except errors.MastodonRatelimitError:
            reset = self._api.ratelimit_reset
            wait = reset - time.time() if isinstance(reset, (int, float)) else None
            raise FeedError(f"{self.name}: too many requests, the server asks to wait",
                            retry_after=max(1.0, wait) if wait else None) from None
        except errors.MastodonUnauthorizedError:
            raise FeedError(f"{self.name}: {self.server} refused the token or wants one "
                            "(TCHAT_MASTODON_TOKEN)", lasting=True) from None
        except errors.MastodonNotFoundError:
            raise FeedError(f"{self.name}: {self.server} has no public timeline for "
                            f"#{self.tag}", lasting=True) from None
        except errors.MastodonNetworkError as error:
            raise FeedError(f"{self.name}: {self.server} cannot be reached"
                            + (" (timed out)" if "timed out" in str(error).lower() else "")
                            ) from None
        except errors.MastodonAPIError as error:
            if len(error.args) > 1 and isinstance(error.args[1], int):
                raise FeedError(f"{self.name}: {self.server} answered with an error "
                                f"{error.args[1]}") from None
            raise FeedError(f"{self.name}: {self.server} sent something that is not a "
                            "Mastodon timeline") from None
        except Exception:  # noqa: BLE001 - garbage from a server is a status line, not a crash
            raise FeedError(f"{self.name}: {self.server} sent something that is not a "
                            "Mastodon timeline") from None
        posts = [post for post in map(_post, found) if post is not None]
        self.uris.update(_uris(found))
        if found and not posts:
            # A page of things that are not statuses (Mastodon.py turns a JSON object
            # into the list of its keys): not a timeline, whatever the status code said.
            raise FeedError(f"{self.name}: {self.server} sent something that is not a "
                            "Mastodon timeline")
        if posts:
            newest = max(posts, key=_id_order)
            if self._newest is None or _id_order(newest) > _id_key(self._newest):
                self._newest = newest.id
        posts.sort(key=lambda post: post.created_at)
        return posts


def _uris(statuses: list[Any]) -> dict[str, str]:
    found = {}
    for status in statuses:
        try:
            uri = status["uri"]
            if isinstance(uri, str) and uri.startswith(("https://", "http://")):
                found[str(status["id"])] = uri[:2000]
        except (KeyError, TypeError):
            continue
    return found


def _id_key(value: str) -> tuple[int, str]:
    return (len(value), value)  # Mastodon ids are decimal numbers in strings


def _id_order(post: FeedPost) -> tuple[int, str]:
    return _id_key(post.id)


def _post(status: Any) -> FeedPost | None:
    """A Status entity as a post; None for anything that is not one."""
    try:
        account = status["account"]
        created = status["created_at"]
        if isinstance(created, str):
            created = datetime.fromisoformat(created.replace("Z", "+00:00"))
        if not isinstance(created, datetime):
            return None
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        return FeedPost.from_dict({
            "platform": "mastodon",
            "id": str(status["id"]),
            "author": str(account["acct"]),
            "name": str(account.get("display_name") or ""),
            "text": html_to_text(str(status.get("content") or "")),
            "url": str(status.get("url") or status.get("uri") or ""),
            "created_at": created.astimezone(UTC).isoformat(),
            "reply_to": (str(status["in_reply_to_id"]) if status.get("in_reply_to_id")
                         else None),
        })
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
