"""A Mastodon server's public timeline of the tag, read by tchat itself over the one
guarded transport (`tui.net.transport`).

A few endpoints are all it needs: `GET /api/v1/instance`, once, to know the address is a
Mastodon server (or a compatible one: GoToSocial, Akkoma), and
`GET /api/v1/timelines/tag/:tag` with `min_id` and `limit`; for the replies under the
host's questions (`tui.feed.replies`), `GET /api/v1/statuses/:id` and its `/context`.
Mastodon.py did this before;
its version check recursed when the instance endpoint failed (a server down at start, a
404, an HTML page, `"version": "banana"`), in the constructor, which killed the feed's
worker for the hour; its pages followed the `Link` addresses the server chose, with the
token. Here no address comes from the server: the first poll asks for what came after a
moment (`min_id` as a date: Mastodon's ids grow with time), each next page and each
later poll for what came after the newest post seen, and the ids must grow or paging
stops. Every failure is one line naming the server and what it answered.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from tui.core.feed.mastodon_html import html_to_text
from tui.core.feed.post import MAX_ID, FeedPost, post_moment
from tui.core.feed.status import Said
from tui.core.files.jsonline import json_line
from tui.feed.errors import failed
from tui.net.answers import answered, not_json
from tui.net.failure import HttpFailure
from tui.net.numbers import retry_after
from tui.net.transport import TIMEOUT, GuardedTransport, deadline, guarded_client

PAGE = 40
MAX_PAGES = 25
MAX_ITEMS = 200
"""Items read from one page: Mastodon sends at most 40; a server sending more is cut."""
INSTANCE = "/api/v1/instance"
MAX_URIS = 20_000
"""Statuses whose URI is remembered (to key them the same on every server)."""


class MastodonSource:
    name = "Mastodon"
    platform = "mastodon"

    def __init__(self, server: str, tag: str, since: datetime, *, token: str | None = None,
                 timeout: float = TIMEOUT) -> None:
        self.server = server.rstrip("/")
        self.tag = tag.removeprefix("#")
        self.since = since
        self.timeout = timeout
        # The token goes only to this server: every address below is built on it, the
        # transport sends to no other host, and no redirect is ever followed.
        self.transport = GuardedTransport([self.server], timeout=timeout)
        auth = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = guarded_client(self.transport, headers=auth)
        self._checked = False
        self._newest: str | None = None
        self.uris: dict[str, str] = {}
        """Each status's id here -> its URI, the same on every server (`tui.feed.threaded`);
        the last `MAX_URIS` met."""

    def cancel(self) -> None:
        self.transport.cancel()

    def fetch(self) -> list[FeedPost]:
        # A poll's pages share one budget: a slow server cannot hold it 25 times over.
        with deadline(self.timeout * 2):
            try:
                if not self._checked:
                    self._check()
                    self._checked = True
                found = self._pages()
            except HttpFailure as error:
                raise failed(self.name, error.said) from None
        posts = [post for post in map(_post, found) if post is not None]
        self.uris.update(_uris(found))
        for old in list(self.uris)[: max(0, len(self.uris) - MAX_URIS)]:
            del self.uris[old]
        if found and not posts:
            # A page of things that are not statuses: not a timeline, whatever the
            # status code said.
            raise failed(self.name, Said.of(
                "feed.not_timeline", server=self.server, path=self._path(),
                answer=Said.of("feed.unexpected_json", what=Said.of("feed.what_timeline"))))
        if posts:
            newest = max(posts, key=_id_order)
            if self._newest is None or _id_order(newest) > _id_key(self._newest):
                self._newest = newest.id
        posts.sort(key=lambda post: post.created_at)
        return posts

    # --- a status and its replies, for the threads under the questions ----------------

    def status(self, local_id: str) -> Any:
        """`GET /api/v1/statuses/:id`: the status (JSON) or FeedError saying why not."""
        return self._json(f"/api/v1/statuses/{quote(local_id, safe='')}", "feed.what_status")

    def context(self, local_id: str) -> Any:
        """`GET /api/v1/statuses/:id/context`: its ancestors and descendants (JSON)."""
        return self._json(f"/api/v1/statuses/{quote(local_id, safe='')}/context",
                          "feed.what_context")

    def _json(self, path: str, what: str) -> Any:
        """One call's JSON answer over the guarded transport, within the poll's budget
        (the threads are read in the same poll as the tag). The id in `path` is quoted:
        it may come from the log, which anyone can edit."""
        try:
            with deadline(self.timeout * 2):
                response = self._http.get(self.server + path)
        except HttpFailure as error:
            raise failed(self.name, error.said) from None
        if response.status_code == 429:
            raise failed(self.name, Said.of("feed.rate_limited", server=self.server,
                                            path=path, answer="429"),
                         retry_after=retry_after(response.headers))
        if response.status_code == 404:
            raise failed(self.name, Said.of("feed.no_post", server=self.server, path=path,
                                            answer="404"))
        if response.status_code != 200:
            raise failed(self.name, Said.of("feed.server_error", server=self.server, path=path,
                                            answer=str(response.status_code)))
        data = json_line(response.content)
        if not isinstance(data, dict):
            answer: str | Said = (not_json(response) if data is None else Said.of(
                "feed.unexpected_json", what=Said.of(what)))
            raise failed(self.name, Said.of("feed.server_error", server=self.server,
                                            path=path, answer=answer))
        return data

    def _path(self) -> str:
        return f"/api/v1/timelines/tag/{quote(self.tag, safe='')}"

    def _check(self) -> None:
        """The server is a Mastodon server (or speaks its API): `/api/v1/instance` is a
        JSON object with a version or an address. What the version says is not read."""
        response = self._http.get(self.server + INSTANCE)
        data = json_line(response.content) if response.status_code == 200 else None
        if isinstance(data, dict) and (isinstance(data.get("version"), str)
                                       or isinstance(data.get("uri"), str)):
            return
        if response.status_code == 200 and data is not None:
            answer: str | Said = Said.of("feed.unexpected_json",
                                         what=Said.of("feed.what_instance"))
        else:
            answer = answered(response)
        raise failed(self.name, Said.of("feed.not_mastodon", server=self.server,
                                        path=INSTANCE, answer=answer))

    def _pages(self) -> list[Any]:
        found: list[Any] = []
        cursor = self._newest or _snowflake(self.since)
        for _ in range(MAX_PAGES):
            page = self._page(cursor)
            found.extend(page)
            ids = [_status_id(status) for status in page]
            newest = max((i for i in ids if i is not None), key=_id_key, default=None)
            if len(page) < PAGE or newest is None or _id_key(newest) <= _id_key(cursor):
                break  # the last page, or a server that sends the same page again
            cursor = newest
        return found

    def _page(self, min_id: str) -> list[Any]:
        path = self._path()
        response = self._http.get(self.server + path,
                                  params={"min_id": min_id, "limit": str(PAGE)})
        if response.status_code == 429:
            raise failed(self.name, Said.of("feed.rate_limited", server=self.server,
                                            path=path, answer="429"),
                         retry_after=retry_after(response.headers))
        if response.status_code in (401, 403):
            raise failed(self.name, Said.of("feed.token", server=self.server, path=path,
                                            answer=str(response.status_code)), lasting=True)
        if response.status_code == 404:
            raise failed(self.name, Said.of("feed.no_timeline", server=self.server,
                                            tag=self.tag, path=path, answer="404"),
                         lasting=True)
        if response.status_code != 200:
            raise failed(self.name, Said.of("feed.server_error", server=self.server, path=path,
                                            answer=str(response.status_code)))
        data = json_line(response.content)
        if not isinstance(data, list):
            answer: str | Said = (not_json(response) if data is None else Said.of(
                "feed.unexpected_json", what=Said.of("feed.what_timeline")))
            raise failed(self.name, Said.of("feed.not_timeline", server=self.server,
                                            path=path, answer=answer))
        return data[:MAX_ITEMS]


def _snowflake(moment: datetime) -> str:
    """The smallest Mastodon id of a post made at `moment` (milliseconds, shifted)."""
    return str(int(moment.timestamp()) * 1000 << 16)


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


def _status_id(status: Any) -> str | None:
    value = status.get("id") if isinstance(status, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and 0 < len(value) <= MAX_ID else None


def _post(status: Any) -> FeedPost | None:
    """A Status entity as a post; None for anything that is not one. Whatever one status
    holds, it costs only itself: the page's other posts are read all the same."""
    try:
        if not isinstance(status, dict):
            return None
        account = status["account"]
        post_id = _status_id(status)
        created = post_moment(status["created_at"], naive_is_utc=True)
        if not isinstance(account, dict) or post_id is None or created is None:
            return None
        reply_to = status.get("in_reply_to_id")
        return FeedPost.from_dict({
            "platform": "mastodon",
            "id": post_id,
            "author": _text(account.get("acct")),
            "name": _text(account.get("display_name")),
            "text": html_to_text(_text(status.get("content"))),
            "url": _text(status.get("url")) or _text(status.get("uri")),
            "created_at": created.isoformat(),
            "reply_to": _text(reply_to) if isinstance(reply_to, str | int) else None,
        })
    except Exception:  # noqa: BLE001 - one stranger's post must not cost the others
        return None


def _text(value: object) -> str:
    """A string field as sent; anything else (a number, an object) as nothing."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else ""

