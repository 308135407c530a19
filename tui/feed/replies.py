"""Reading the replies under the host's question posts, on each network.

Mastodon: `GET /api/v1/statuses/:id/context` on the server being read (its descendants,
a flat list naming parents; a server gives 60 replies 20 deep to a reader without a
token, 4,096 with one). Bluesky: `app.bsky.feed.getPostThread` with `depth` at tchat's
bound and no parents. Each reply becomes a post like any other (it is stored in
`PLAN.feed.jsonl` and attributed to the question of its thread by the core).

Both go through the sources' own calls (`MastodonSource.status`/`context`,
`BlueskySource.thread`): the guarded transport, the poll's deadline, failures said in
words naming the server. What a server sends is walked by `tui.core.feed.threads`
(bounded depth and count, each post once) as JSON, post by post; what was left out, or
a call that failed or sent garbage, is a `ThreadNote` for the source's status line,
never an exception past the source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from tui.core.feed.post import MAX_ID, FeedPost
from tui.core.feed.status import Said, ThreadNote
from tui.core.feed.threads import MAX_DEPTH, MAX_REPLIES, Walk, walk_flat, walk_tree
from tui.core.room.threads import ThreadTarget
from tui.feed.errors import failed

if TYPE_CHECKING:
    from tui.feed.bluesky_source import BlueskySource
    from tui.feed.mastodon_source import MastodonSource


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
    """The replies under a status, read on one server through its source's calls."""

    def __init__(self, source: MastodonSource, server: str, *,
                 to_post: Callable[[Any], FeedPost | None]) -> None:
        self.source = source
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
        if local_id is None or local_id in self._this_poll or len(local_id) > MAX_ID:
            return [], []  # this server never showed the post, or it was read just now
        self._this_poll.add(local_id)
        posts = []
        if target.id not in self._rooted and target.local_id == local_id:
            # Known by its id only (tchat posted it): the post itself, once, so the pane
            # shows it, the conversation knows it for the host's question, and its URI
            # (what the replies under it are keyed to) is learnt.
            self._rooted.add(target.id)
            status = self.source.status(local_id)
            uri = status.get("uri")
            if isinstance(uri, str) and uri.startswith(("https://", "http://")):
                self.remember(local_id, uri[:2000])
            root = self._to_post(status)
            if root is not None:
                posts.append(self.canonical(root))
        context = self.source.context(local_id)
        descendants = context.get("descendants")
        if not isinstance(descendants, list):
            path = f"/api/v1/statuses/{local_id}/context"
            raise failed("Mastodon", Said.of(
                "feed.server_error", server=self.server, path=path,
                answer=Said.of("feed.unexpected_json", what=Said.of("feed.what_context"))))
        walk = walk_flat(local_id, descendants, _status_id, _status_parent)
        for status in walk.kept:
            uri, status_id = status.get("uri"), _status_id(status)
            if isinstance(uri, str) and uri and status_id is not None:
                self.remember(status_id, uri[:2000])
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


def _status_id(status: Any) -> str | None:
    return _bounded_id(status.get("id") if isinstance(status, dict) else None)


def _status_parent(status: Any) -> str | None:
    return _bounded_id(status.get("in_reply_to_id") if isinstance(status, dict) else None)


def _bounded_id(value: Any) -> str | None:
    """An id as a server sends it (a string of digits, or a number), bounded; None for
    anything else: what an id is made of decides what the walk keeps."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and 0 < len(value) <= MAX_ID else None


def _host(server: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(server).hostname or server


# --- Bluesky ---------------------------------------------------------------------------

class BlueskyReplies:
    """The replies under a post, read with the Bluesky source's signed-in session."""

    def __init__(self, source: BlueskySource, service: str, *,
                 to_post: Callable[[Any], FeedPost | None]) -> None:
        self.source = source
        self.service = service
        self._to_post = to_post

    def __call__(self, target: ThreadTarget) -> tuple[list[FeedPost], list[ThreadNote]]:
        thread = self.source.thread(target.id, MAX_DEPTH)
        walk = walk_tree(thread, _thread_replies, _thread_uri)
        posts = []
        root = self._to_post(thread.get("post"))
        if root is not None:
            posts.append(root)  # the question post itself, when only its id was known
        for node in walk.kept:
            post = self._to_post(node.get("post") if isinstance(node, dict) else None)
            if post is not None:
                posts.append(post)
        return posts, notes_of(walk, target.question)


def _thread_replies(node: Any) -> Any:
    replies = node.get("replies") if isinstance(node, dict) else None
    return replies if isinstance(replies, list) else []


def _thread_uri(node: Any) -> str | None:
    post = node.get("post") if isinstance(node, dict) else None
    uri = post.get("uri") if isinstance(post, dict) else None
    return uri if isinstance(uri, str) and 0 < len(uri) <= MAX_ID else None
