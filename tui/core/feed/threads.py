"""Replies under a post: read from a server as a tree that may be hostile, and kept as
"which question's thread is each post in".

A server answers with the replies under a post, Mastodon as a flat list where each status
names its parent (`in_reply_to_id`), Bluesky as nested `replies`. Both come from
strangers' servers: a chain can be thousands deep, a thread can hold more replies than a
chat has, a post can name itself or a later one as its parent. The walkers read what is
there once each, parents before children, stop at a depth and at a count, and say what
they left out, so the caller can put it in a status line. No recursion anywhere: a deep
chain costs a loop, never the stack.

`ThreadBook` then answers, for every post seen, the question whose thread it is in: the
nearest host question post above it (a host who threads Q2 under Q1 starts Q2's thread
there). Posts arrive in any order (a reply read from a timeline before the post it
answers is read from a thread), so a link learnt late re-threads the posts below it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

MAX_DEPTH = 50
"""Replies deeper than this under a question are left out (Mastodon itself stops at 20
for a reader without a token)."""
MAX_REPLIES = 1_000
"""Replies read under one post at one reading; a chat's question rarely has a tenth."""

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Walk(Generic[T]):
    """What a walk kept (parents before children) and what it left out."""

    kept: tuple[T, ...]
    too_deep: int = 0
    """Replies found below the depth bound, left out (counted up to the count bound)."""
    too_many: bool = False
    """The count bound was reached: more replies may be there."""
    repeated: int = 0
    """Posts met a second time (a loop, a post replying to itself, a duplicate)."""

    @property
    def cut(self) -> bool:
        return self.too_deep > 0 or self.too_many


def walk_flat(
    root: str, nodes: Iterable[T], id_of: Callable[[T], str | None],
    parent_of: Callable[[T], str | None], *, max_depth: int = MAX_DEPTH,
    max_replies: int = MAX_REPLIES,
) -> Walk[T]:
    """The replies under `root` in a flat list whose items name their parent (Mastodon's
    context). Items that are not replies under `root` (ancestors, orphans, garbage whose
    id is None) are left aside; each id is kept once."""
    children: dict[str, list[T]] = {}
    repeated = 0
    listed: set[str] = set()
    for node in nodes:
        node_id, parent = id_of(node), parent_of(node)
        if node_id is None or parent is None:
            continue
        if node_id in listed or node_id == parent:
            repeated += 1
            continue
        listed.add(node_id)
        children.setdefault(parent, []).append(node)
    kept: list[T] = []
    seen = {root}
    too_deep = 0
    # Depth first, in the server's order: a conversation reads as it was written.
    stack: list[tuple[T, int]] = [(child, 1) for child in reversed(children.get(root, []))]
    while stack:
        node, depth = stack.pop()
        node_id = id_of(node)
        if node_id is None or node_id in seen:
            repeated += 1
            continue
        seen.add(node_id)
        if depth > max_depth:
            too_deep += 1  # counted, not kept, with what hangs below it, up to a bound
            if too_deep < max_replies:
                stack.extend((child, depth + 1) for child in children.get(node_id, []))
            continue
        if len(kept) >= max_replies:
            return Walk(tuple(kept), too_deep, True, repeated)
        kept.append(node)
        stack.extend((child, depth + 1) for child in reversed(children.get(node_id, [])))
    return Walk(tuple(kept), too_deep, False, repeated)


def walk_tree(
    root: T, replies_of: Callable[[T], Sequence[T]], id_of: Callable[[T], str | None], *,
    max_depth: int = MAX_DEPTH, max_replies: int = MAX_REPLIES,
) -> Walk[T]:
    """The replies nested under `root` (Bluesky's thread view), root left out. A node
    whose id is None (a post not found, blocked, or not a post) is skipped with what is
    under it; `replies_of` may return anything a server sent, it is read lazily and only
    as far as the bounds allow."""
    kept: list[T] = []
    root_id = id_of(root)
    seen: set[str] = {root_id} if root_id is not None else set()
    too_deep = repeated = 0
    stack: list[tuple[T, int]] = [(reply, 1) for reply in _reversed_bounded(
        replies_of(root), max_replies + 1)]
    while stack:
        node, depth = stack.pop()
        node_id = id_of(node)
        if node_id is None:
            continue
        if node_id in seen:
            repeated += 1
            continue
        seen.add(node_id)
        if depth > max_depth:
            # Counted, not kept, with what hangs below it, up to a bound of its own: a
            # server sending more than asked must not cost more than the bound.
            too_deep += 1
            if too_deep < max_replies:
                stack.extend((reply, depth + 1) for reply in _reversed_bounded(
                    replies_of(node), max_replies + 1))
            continue
        if len(kept) >= max_replies:
            return Walk(tuple(kept), too_deep, True, repeated)
        kept.append(node)
        stack.extend((reply, depth + 1) for reply in _reversed_bounded(
            replies_of(node), max_replies + 1))
    return Walk(tuple(kept), too_deep, False, repeated)


def _reversed_bounded(items: Sequence[T], limit: int) -> list[T]:
    """The first `limit` items, last first (for a stack that pops them in order)."""
    if not isinstance(items, Sequence) or isinstance(items, str | bytes):
        return []
    return list(reversed(items[:limit]))


class ThreadBook(Generic[K]):
    """Which question's thread every post is in, learnt one post at a time.

    `ask(key, n)` says a post is the host's Qn (a thread's top); `link(key, parent)` says
    what a post replies to. Both return the posts already seen whose thread changed, so
    their attribution can be revised. Every walk keeps a set of what it visited: a loop
    of replies is followed once."""

    def __init__(self) -> None:
        self._parent: dict[K, K] = {}
        self._children: dict[K, list[K]] = {}
        self._asks: dict[K, int] = {}
        self._thread: dict[K, int] = {}

    def thread_of(self, key: K) -> int | None:
        """The question of the thread `key` is in, None when it is in none (yet)."""
        return self._thread.get(key)

    def ask(self, key: K, number: int) -> list[K]:
        """`key` is the host's post asking question `number`."""
        if self._asks.get(key) == number:
            return []
        self._asks[key] = number
        return self._settle(key)

    def link(self, key: K, parent: K | None) -> list[K]:
        """`key` replies to `parent` (None: to nothing known). A post replying to itself
        replies to nothing; the first parent said for a post is kept."""
        if parent is not None and parent != key and key not in self._parent:
            self._parent[key] = parent
            self._children.setdefault(parent, []).append(key)
        return self._settle(key)

    def _own(self, key: K) -> int | None:
        asks = self._asks.get(key)
        if asks is not None:
            return asks
        parent = self._parent.get(key)
        return self._thread.get(parent) if parent is not None else None

    def _settle(self, start: K) -> list[K]:
        """Recompute `start`'s thread and carry a change down to its replies."""
        changed: list[K] = []
        visited: set[K] = set()
        todo = [start]
        while todo:
            key = todo.pop()
            if key in visited:
                continue
            visited.add(key)
            number = self._own(key)
            if number == self._thread.get(key) and key != start:
                continue
            if number is None:
                self._thread.pop(key, None)
            else:
                self._thread[key] = number
            if key != start:
                changed.append(key)
            todo.extend(child for child in self._children.get(key, ())
                        if child not in self._asks)
        return changed
