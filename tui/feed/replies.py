"""Reading the replies under the host's question posts, on each network.

Mastodon: `GET /api/v1/statuses/:id/context` on the server being read (its descendants,
a flat list naming parents; a server gives 60 replies 20 deep to a reader without a
token, 4,096 with one). Bluesky: `app.bsky.feed.getPostThread` with `depth` at tchat's
bound and no parents. Each reply becomes a post like any other (it is stored in
`PLAN.feed.jsonl` and attributed to the question of its thread by the core).

What a server sends is walked by `tui.core.feed.threads` (bounded depth and count, each
post once); what was left out, or a call that failed or sent garbage, is a `ThreadNote`
for the source's status line, never an exception past the source.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from tui.core.feed.post import FeedPost
from tui.core.feed.status import ThreadNote
from tui.core.feed.threads import MAX_DEPTH, MAX_REPLIES, Walk, walk_flat, walk_tree
from tui.core.room.threads import ThreadTarget
from tui.feed.errors import FeedError


class Read(Protocol):
    def __call__(self, target: ThreadTarget) -> tuple[list[FeedPost], list[ThreadNote]]: ...


def notes_of(walk: Walk[Any], question: int) -> list[ThreadNote]:
    notes = []
    if walk.too_many:
        notes.append(ThreadNote(question, "cut", limit=MAX_REPLIES))
    if walk.too_deep:
        notes.append(ThreadNote(question, "deep", count=walk.too_deep, limit=MAX_DEPTH))
    return notes


# --- Mastodon ------------------------------------------------------------------------

class MastodonReplies:
    """The replies under a status, read on one server with Mastodon.py."""

    def __init__(self, api: Any, server: str, *,
                 to_post: Callable[[Any], FeedPost | None]) -> None:
        self.api = api
        self.server = server
        self._to_post = to_post
        self.local: dict[str, str] = {}
        """A status's URI -> its id on this server, for those met here."""
        self._uri_of_local: dict[str, str] = {}
        self._rooted: set[str] = set()
        self._this_poll: set[str] = set()
        """Statuses whose context was read in this poll: a question known by its id and
        seen in the timeline is two targets, read once."""

    def new_poll(self) -> None:
        self._this_poll.clear()

    def remember(self, local_id: str, uri: str) -> None:
        self.local[uri] = local_id
        self._uri_of_local[local_id] = uri

    def __call__(self, target: ThreadTarget) -> tuple[list[FeedPost], list[ThreadNote]]:
        local_id = self.local.get(target.id)
        if local_id is None and target.server == self.server and target.local_id:
            local_id = target.local_id
            self.remember(local_id, target.id)
        if local_id is None or local_id in self._this_poll:
            return [], []  # this server never showed the post, or it was read just now
        self._this_poll.add(local_id)
        posts = []
        if target.id not in self._rooted and target.local_id == local_id:
            # Known by its id only (tchat posted it): the post itself, once, so the pane
            # shows it, the conversation knows it for the host's question, and its URI
            # (what the replies under it are keyed to) is learnt.
            self._rooted.add(target.id)
            status = self._call(lambda: self.api.status(local_id))
            uri = status.get("uri") if isinstance(status, dict) else None
            if isinstance(uri, str) and uri.startswith(("https://", "http://")):
                self.remember(local_id, uri[:2000])
            root = self._to_post(status)
            if root is not None:
                posts.append(self.canonical(root))
        context = self._call(lambda: self.api.status_context(local_id))
        descendants = context.get("descendants") if isinstance(context, dict) else None
        if not isinstance(descendants, list):
            raise FeedError(f"Mastodon: {self.server} sent something that is not a "
                            "status's context")
        walk = walk_flat(local_id, descendants, _status_id, _status_parent)
        for status in walk.kept:
            uri = status.get("uri")
            if isinstance(uri, str) and uri:
                self.remember(str(status["id"]), uri)
        for status in walk.kept:
            post = self._to_post(status)
            if post is not None:
                posts.append(self.canonical(post))
        return posts, notes_of(walk, target.question)

    def canonical(self, post: FeedPost) -> FeedPost:
        """The post keyed by its URI (the same on every server), replying to a URI when
        the parent is known here; its author with their server (`ann@far.example`,
        `bob@this.server`), so one person is one person whichever server shows them."""
        author = post.author if "@" in post.author else f"{post.author}@{_host(self.server)}"
        reply_to = post.reply_to
        if reply_to is not None:
            reply_to = self._uri_of_local.get(reply_to, reply_to)
        return replace(post, id=self._uri_of_local.get(post.id, post.id), author=author,
                       reply_to=reply_to)

    def _call(self, call: Callable[[], Any]) -> Any:
        from mastodon import errors

        try:
            return _mastodon_call(self.server, call)
        except errors.MastodonRatelimitError:
            reset = getattr(self.api, "ratelimit_reset", None)
            wait = reset - time.time() if isinstance(reset, int | float) else None
            # Bounded: a server's absurd reset must not stop the replies for ever.
            raise FeedError(f"Mastodon: {self.server}: too many requests",
                            retry_after=min(3600.0, max(1.0, wait)) if wait else None
                            ) from None


def _status_id(status: Any) -> str | None:
    if not isinstance(status, dict) or status.get("id") is None:
        return None
    return str(status["id"])


def _status_parent(status: Any) -> str | None:
    if not isinstance(status, dict) or status.get("in_reply_to_id") is None:
        return None
    return str(status["in_reply_to_id"])


def _host(server: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(server).hostname or server


def _mastodon_call(server: str, call: Callable[[], Any]) -> Any:
    """`call()`, every failure but a rate limit (the caller reads its reset) said as a
    `FeedError` naming the server."""
    from mastodon import errors

    try:
        return call()
    except errors.MastodonRatelimitError:
        raise
    except errors.MastodonNotFoundError:
        raise FeedError(f"Mastodon: {server} no longer has the post") from None
    except errors.MastodonUnauthorizedError:
        raise FeedError(f"Mastodon: {server} refused to show the replies") from None
    except errors.MastodonNetworkError:
        raise FeedError(f"Mastodon: {server} cannot be reached") from None
    except Exception:  # noqa: BLE001 - garbage from a server is a status line, not a crash
        raise FeedError(f"Mastodon: {server} sent something that is not a status's "
                        "context") from None


# --- Bluesky ---------------------------------------------------------------------------

class BlueskyReplies:
    """The replies under a post, read with the atproto SDK's signed-in client."""

    def __init__(self, client: Callable[[], Any], service: str, *,
                 to_post: Callable[[Any], FeedPost | None]) -> None:
        self._client = client
        """Gives the source's client, signed in (it signs in on the source's first poll)."""
        self.service = service
        self._to_post = to_post

    def __call__(self, target: ThreadTarget) -> tuple[list[FeedPost], list[ThreadNote]]:
        from atproto_client import exceptions

        try:
            answer = self._client().app.bsky.feed.get_post_thread(
                {"uri": target.id, "depth": MAX_DEPTH, "parent_height": 0})
            thread = answer.thread
            walk = walk_tree(thread, _thread_replies, _thread_uri)
        except exceptions.RateLimitExceededError as error:
            from tui.feed.bluesky_source import _reset_after

            reset = _reset_after(error.response)
            # Bounded: a server's absurd reset must not stop the replies for ever.
            raise FeedError(f"Bluesky: {self.service}: too many requests",
                            retry_after=min(3600.0, reset) if reset else 60.0) from None
        except exceptions.NetworkError:
            raise FeedError(f"Bluesky: {self.service} cannot be reached") from None
        except exceptions.BadRequestError:
            raise FeedError(f"Bluesky: {self.service} has no such post") from None
        except Exception:  # noqa: BLE001 - garbage from a server is a status line, not a crash
            raise FeedError(f"Bluesky: {self.service} sent something that is not a "
                            "thread") from None
        posts = []
        root = self._to_post(getattr(thread, "post", None))
        if root is not None:
            posts.append(root)  # the question post itself, when only its id was known
        for node in walk.kept:
            post = self._to_post(node.post)
            if post is not None:
                posts.append(post)
        return posts, notes_of(walk, target.question)


def _thread_replies(node: Any) -> Any:
    return getattr(node, "replies", None) or []


def _thread_uri(node: Any) -> str | None:
    post = getattr(node, "post", None)
    uri = getattr(post, "uri", None)
    return str(uri) if uri else None
