"""Bluesky's search for the tag, through the atproto SDK (an app password is needed).

`app.bsky.feed.searchPosts` with `q="#tag"`, `sort="latest"`, `since` the chat's start;
each poll reads the newest pages until it meets a post it already had.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tui.core.feed.post import FeedPost
from tui.feed.credentials import BlueskyLogin
from tui.feed.errors import FeedError

DEFAULT_SERVICE = "https://bsky.social"
PAGE = 100
MAX_PAGES = 10


class BlueskySource:
    name = "Bluesky"
    platform = "bluesky"

    def __init__(self, login: BlueskyLogin | None, tag: str, since: datetime, *,
                 service: str | None = None, timeout: float = 10.0) -> None:
        from atproto import Client
        from atproto_client.request import Request

        self.tag = tag if tag.startswith("#") else "#" + tag
        self.since = since
        self.service = service or DEFAULT_SERVICE
        self._login = login
        self._client = Client(base_url=self.service, request=Request(timeout=timeout))
        self._logged_in = False
        self._seen: set[str] = set()

    def _sign_in(self) -> None:
        if self._login is None:
            raise FeedError(f"{self.name}: no app password (tchat feed PLAN --login bluesky, "
                            "or TCHAT_BLUESKY_HANDLE and TCHAT_BLUESKY_APP_PASSWORD)",
                            lasting=True)
        self._client.login(self._login.handle, self._login.password, fetch_bsky_profile=False)
        self._logged_in = True

    def signed_in_client(self) -> Any:
        """The SDK's client, signed in: the replies under a post use the same session."""
        if not self._logged_in:
            self._sign_in()
        return self._client

    def fetch(self) -> list[FeedPost]:
        from atproto_client import exceptions

        try:
            if not self._logged_in:
                self._sign_in()
            views = self._search()
        except FeedError:
            raise
        except exceptions.RateLimitExceededError as error:
            raise FeedError(f"{self.name}: too many requests, the server asks to wait",
                            retry_after=_reset_after(error.response)) from None
        except exceptions.UnauthorizedError:
            self._logged_in = False
            raise FeedError(f"{self.name}: wrong handle or app password", lasting=True) from None
        except exceptions.BadRequestError as error:
            if not self._logged_in:
                raise FeedError(f"{self.name}: wrong handle or app password",
                                lasting=True) from None
            raise FeedError(f"{self.name}: the search was refused ({_error_name(error)})"
                            ) from None
        except exceptions.InvokeTimeoutError:
            raise FeedError(f"{self.name}: {self.service} cannot be reached (timed out)"
                            ) from None
        except exceptions.NetworkError:
            raise FeedError(f"{self.name}: {self.service} cannot be reached") from None
        except Exception:  # noqa: BLE001 - garbage from a server is a status line, not a crash
            raise FeedError(f"{self.name}: {self.service} sent something that is not a "
                            "Bluesky search result") from None
        posts = [post for post in map(_post, views) if post is not None]
        posts.sort(key=lambda post: post.created_at)
        return posts

    def _search(self) -> list[Any]:
        views: list[Any] = []
        cursor: str | None = None
        for _ in range(MAX_PAGES):
            params: dict[str, Any] = {"q": self.tag, "sort": "latest", "limit": PAGE,
                                      "since": self.since.astimezone(UTC).isoformat()}
            if cursor:
                params["cursor"] = cursor
            result = self._client.app.bsky.feed.search_posts(params)
            page = list(result.posts)
            known = [view for view in page if view.uri in self._seen]
            views.extend(view for view in page if view.uri not in self._seen)
            cursor = result.cursor
            if known or not cursor or not page:
                break
        self._seen.update(view.uri for view in views)
        return views


def _reset_after(response: Any) -> float | None:
    """Seconds until the `ratelimit-reset` epoch the server sent, when it sent one."""
    headers = getattr(response, "headers", None) or {}
    for name, value in dict(headers).items():
        if str(name).lower() == "ratelimit-reset":
            try:
                return max(1.0, float(value) - datetime.now(UTC).timestamp())
            except ValueError:
                return None
    return None


def _error_name(error: Any) -> str:
    content = getattr(getattr(error, "response", None), "content", None)
    return str(getattr(content, "error", "") or "bad request")


def _post(view: Any) -> FeedPost | None:
    """A PostView as a post; None for anything that is not one."""
    try:
        record = view.record
        text = _field(record, "text")
        created = _field(record, "created_at", "createdAt")
        reply = _field(record, "reply")
        parent = _field(reply, "parent") if reply is not None else None
        handle = str(view.author.handle)
        rkey = str(view.uri).rsplit("/", 1)[-1]
        return FeedPost.from_dict({
            "platform": "bluesky",
            "id": str(view.uri),
            "author": handle,
            "name": str(view.author.display_name or ""),
            "text": str(text or ""),
            "url": f"https://bsky.app/profile/{handle}/post/{rkey}",
            "created_at": _utc(str(created)),
            "reply_to": str(_field(parent, "uri")) if parent is not None else None,
        })
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _field(record: Any, *names: str) -> Any:
    for name in names:
        if isinstance(record, dict) and name in record:
            return record[name]
        if hasattr(record, name):
            return getattr(record, name)
    return None


def _utc(text: str) -> str:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()
