"""Bluesky's search for the tag, through the atproto SDK over the guarded transport
(an app password is needed).

`app.bsky.feed.searchPosts` with `q="#tag"`, `sort="latest"`, `since` the chat's start;
each poll reads the newest pages until it meets a post it already had.

The SDK signs in (`createSession`) and sends the requests over the session the run
holds for the account (`tui.net.bluesky`: posting on the same account uses the same
one), through tchat's one guarded transport (`tui.net.transport`: a total deadline per
request, a bounded answer, no redirect, so the password never follows a 307 to another
host; no request to a host but the service's and the account's own). The search's
answer is read here, post by post, not through the SDK's models: they refuse a whole
page for one post whose display name is over 640 characters, and a stranger chooses
that name.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import UTC, datetime
from typing import Any

from tui.core.feed.post import MAX_ID, FeedPost, post_moment
from tui.core.feed.status import Said
from tui.feed.credentials import BlueskyLogin
from tui.feed.errors import failed
from tui.net.bluesky import DEFAULT_SERVICE, BlueskySession, Sessions
from tui.net.failure import HttpFailure
from tui.net.numbers import retry_after
from tui.net.transport import TIMEOUT, deadline, stopping

PAGE = 100
MAX_PAGES = 10
MAX_ITEMS = 200
"""Posts read from one page: Bluesky sends at most 100; a server sending more is cut."""
MAX_CURSOR = 1000
MAX_REMEMBERED = 20_000
"""Post addresses remembered to know where the last poll stopped."""
SESSION = "/xrpc/com.atproto.server.createSession"
SEARCH = "/xrpc/app.bsky.feed.searchPosts"
THREAD = "/xrpc/app.bsky.feed.getPostThread"


class BlueskySource:
    name = "Bluesky"
    platform = "bluesky"

    def __init__(self, login: BlueskyLogin | None, tag: str, since: datetime, *,
                 service: str | None = None, timeout: float = TIMEOUT,
                 sessions: Sessions | None = None) -> None:
        self.tag = tag if tag.startswith("#") else "#" + tag
        self.since = since
        self.service = (service or DEFAULT_SERVICE).rstrip("/")
        self.timeout = timeout
        self._session: BlueskySession | None = None
        if login is not None:
            # The run's session for this account, when the run holds one (posting signs
            # in with it too); else one of the source's own.
            self._session = (sessions or Sessions()).bluesky(
                login.handle, login.password, self.service, timeout=timeout)
        self._stop = threading.Event()
        self._seen: OrderedDict[str, None] = OrderedDict()

    def cancel(self) -> None:
        """Stop this source's request under way, and every later one (the session may
        be shared: posting's requests go on until the run closes it)."""
        self._stop.set()

    def thread(self, uri: str, depth: int) -> dict[str, Any]:
        """`app.bsky.feed.getPostThread` for `uri` with the search's session: the thread
        as JSON (read post by post by the caller, never through the SDK's models), or a
        FeedError saying why not. Signs in first when the search has not yet."""
        from atproto_client import exceptions, models

        session = self._session
        if session is None:
            raise failed(self.name, Said.of("feed.no_login"), lasting=True)
        path = THREAD if session.signed_in else SESSION
        try:
            with deadline(self.timeout * 2), stopping(self._stop):
                session.sign_in()
                path = THREAD
                params = models.AppBskyFeedGetPostThread.Params(uri=uri, depth=depth,
                                                                parent_height=0)
                content = session.client.invoke_query("app.bsky.feed.getPostThread",
                                                      params=params).content
        except HttpFailure as error:
            raise failed(self.name, error.said) from None
        except exceptions.RateLimitExceededError as error:
            raise failed(self.name, Said.of("feed.rate_limited", server=self.service, path=path,
                                            answer="429"),
                         retry_after=retry_after(_headers(error))) from None
        except exceptions.RequestErrorBase as error:
            if path == SESSION:
                raise failed(self.name, Said.of("feed.wrong_login", path=path,
                                                answer=_answer(error)), lasting=True) from None
            key = "feed.no_post" if _answer(error).endswith("NotFound") else "feed.server_error"
            raise failed(self.name, Said.of(key, server=self.service, path=path,
                                            answer=_answer(error))) from None
        except Exception:  # noqa: BLE001 - garbage from a server is a status line, not a crash
            content = None
        thread = content.get("thread") if isinstance(content, dict) else None
        if not isinstance(thread, dict):
            what = Said.of("feed.what_thread" if path == THREAD else "feed.what_session")
            raise failed(self.name, Said.of(
                "feed.not_bluesky", server=self.service, path=path,
                answer=Said.of("feed.unexpected_json", what=what)))
        return thread

    def fetch(self) -> list[FeedPost]:
        from atproto_client import exceptions

        session = self._session
        if session is None:
            raise failed(self.name, Said.of("feed.no_login"), lasting=True)
        path = SEARCH if session.signed_in else SESSION
        try:
            with deadline(self.timeout * 2), stopping(self._stop):
                session.sign_in()
                path = SEARCH
                views = self._search(session)
        except HttpFailure as error:
            raise failed(self.name, error.said) from None
        except exceptions.RateLimitExceededError as error:
            raise failed(self.name, Said.of("feed.rate_limited", server=self.service, path=path,
                                            answer="429"),
                         retry_after=retry_after(_headers(error))) from None
        except (exceptions.UnauthorizedError, exceptions.BadRequestError) as error:
            if path == SESSION or isinstance(error, exceptions.UnauthorizedError):
                # The password, or the session's token, refused: the next poll signs in
                # afresh (for posting too, when it shares the session).
                session.forget()
                raise failed(self.name, Said.of("feed.wrong_login", path=path,
                                                answer=_answer(error)), lasting=True) from None
            raise failed(self.name, Said.of("feed.search_refused", server=self.service,
                                            path=path, answer=_answer(error))) from None
        except exceptions.RequestErrorBase as error:  # any other status: 500, 502…
            raise failed(self.name, Said.of("feed.server_error", server=self.service,
                                            path=path, answer=_answer(error))) from None
        except Exception:  # noqa: BLE001 - garbage from a server is a status line, not a crash
            what = Said.of("feed.what_search" if path == SEARCH else "feed.what_session")
            raise failed(self.name, Said.of(
                "feed.not_bluesky", server=self.service, path=path,
                answer=Said.of("feed.unexpected_json", what=what))) from None
        posts = [post for post in map(_post, views) if post is not None]
        posts.sort(key=lambda post: post.created_at)
        return posts

    def _search(self, session: BlueskySession) -> list[Any]:
        from atproto_client import models

        views: list[Any] = []
        cursor: str | None = None
        cursors: set[str] = set()
        for _ in range(MAX_PAGES):
            # The question goes through the SDK's model (ours, so it is valid); the answer
            # is read here, as JSON (see the module's docstring).
            params = models.AppBskyFeedSearchPosts.Params(
                q=self.tag, sort="latest", limit=PAGE, cursor=cursor,
                since=self.since.astimezone(UTC).isoformat())
            response = session.client.invoke_query("app.bsky.feed.searchPosts",
                                                   params=params)
            content = response.content
            if not isinstance(content, dict) or not isinstance(content.get("posts"), list):
                raise TypeError("not a search result")
            page = content["posts"][:MAX_ITEMS]
            uris = [_uri(view) for view in page]
            known = any(uri is not None and uri in self._seen for uri in uris)
            views.extend(view for view, uri in zip(page, uris, strict=True)
                         if uri is not None and uri not in self._seen)
            cursor = content.get("cursor")
            if not isinstance(cursor, str) or not cursor or len(cursor) > MAX_CURSOR:
                break
            if known or not page or cursor in cursors:
                break  # the newest posts were read, or the server loops on its pages
            cursors.add(cursor)
        for view in views:
            uri = _uri(view)
            if uri is not None:
                self._seen[uri] = None
        while len(self._seen) > MAX_REMEMBERED:
            self._seen.popitem(last=False)
        return views


def _headers(error: Any) -> dict[str, str]:
    headers = getattr(getattr(error, "response", None), "headers", None)
    return {str(k): str(v) for k, v in dict(headers or {}).items()}


def _answer(error: Any) -> str:
    """ "401 AuthenticationRequired": the status and the XRPC error's name, if any."""
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    name = getattr(getattr(response, "content", None), "error", None)
    parts = [str(status) if isinstance(status, int) else "?"]
    if isinstance(name, str) and name:
        parts.append(name[:80])
    return " ".join(parts)


def _uri(view: Any) -> str | None:
    uri = view.get("uri") if isinstance(view, dict) else None
    return uri if isinstance(uri, str) and 0 < len(uri) <= MAX_ID else None


def _post(view: Any) -> FeedPost | None:
    """A PostView (as JSON) as a post; None for anything that is not one. Whatever one
    post holds (a 10,000-character name, a date in year 9999), it costs only itself."""
    try:
        uri = _uri(view)
        author, record = view.get("author"), view.get("record")
        if uri is None or not isinstance(author, dict) or not isinstance(record, dict):
            return None
        handle = author.get("handle")
        created = post_moment(record.get("createdAt"), naive_is_utc=True)
        if not isinstance(handle, str) or not handle or created is None:
            return None
        reply = record.get("reply")
        parent = reply.get("parent") if isinstance(reply, dict) else None
        parent_uri = parent.get("uri") if isinstance(parent, dict) else None
        name, text = author.get("displayName"), record.get("text")
        rkey = uri.rsplit("/", 1)[-1]
        return FeedPost.from_dict({
            "platform": "bluesky",
            "id": uri,
            "author": handle,
            "name": name if isinstance(name, str) else "",
            "text": text if isinstance(text, str) else "",
            "url": f"https://bsky.app/profile/{handle}/post/{rkey}",
            "created_at": created.isoformat(),
            "reply_to": parent_uri if isinstance(parent_uri, str) else None,
        })
    except Exception:  # noqa: BLE001 - one stranger's post must not cost the others
        return None
