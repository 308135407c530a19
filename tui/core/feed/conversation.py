"""The conversation as the run-sheet holds it: every post attributed and counted once,
the last few hundred kept for the pane, and copied drafts seen published by the host.

Every post is kept in the order it arrived (`items`, its place there is its sequence
number), with its latest meaning: a reply read before the post it answers is answered
for again when the link arrives (the counts follow). Muted accounts' posts stay in the
feed file, the record of what was seen, but leave the pane and the counts; unmuting
brings them back.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from tui.core.feed.attribution import Attributed, Attributor, same_account
from tui.core.feed.counts import ConversationCounts
from tui.core.feed.plaintext import normalised
from tui.core.feed.post import FeedPost
from tui.core.feed.store import FeedStore

KEEP = 300
"""Posts the pane keeps; the counts use all of them."""
MAX_POSTS = 50_000
"""Posts a conversation takes in all: a busy chat is a few thousand; past this, a flood
of posts would only fill the memory. The rest are counted in `dropped`, and said."""
MAX_UNWRITTEN = 5_000
"""Posts kept in memory for the feed file while it cannot be written."""


class Conversation:
    def __init__(self, attributor: Attributor, store: FeedStore | None = None,
                 keep: int = KEEP) -> None:
        self.attributor = attributor
        self.store = store
        self.keep = keep
        self.counts = ConversationCounts()
        self.recent: deque[Attributed] = deque(maxlen=keep)
        self.items: list[Attributed] = []
        """Every post, in the order it arrived, with its latest meaning, muted or not."""
        self._place: dict[tuple[str, str], int] = {}
        """A post's place in `items`: its sequence number."""
        self._seen: set[tuple[str, str]] = set()
        self._host_posts: dict[str, FeedPost] = {}
        """Host posts by their normalised text, to find copied drafts among them."""
        self.muted: tuple[str, ...] = ()
        """The accounts whose posts are left out of the pane and the counts."""
        self.unwritten: list[Attributed] = []
        """Posts the feed file could not take yet (a read-only or deleted folder): kept
        in memory and on screen, written with the next poll that can (the last
        `MAX_UNWRITTEN` of them; older ones are counted in `unwritten_dropped`)."""
        self.unwritten_dropped = 0
        self.dropped = 0
        """Posts past `MAX_POSTS`: neither shown, nor counted, nor kept."""
        self.max_posts = MAX_POSTS
        self.version = 0
        """Grows with every change: the screen redraws the pane only when it moved."""
        if store is not None:
            self._take(store.posts, write=False)

    def take(self, posts: Iterable[FeedPost]) -> list[Attributed]:
        """Add what a poll or a replay brought; returns the posts that were new, with
        their meaning once the whole batch is read."""
        return self._take(posts, write=True)

    def sequence(self, item: Attributed) -> int:
        """The post's place in the order of arrival (for "12 new" while reading)."""
        return self._place[item.post.key]

    def is_muted(self, author: str) -> bool:
        return any(same_account(name, author) for name in self.muted)

    def mute(self, accounts: Iterable[str]) -> None:
        """Leave these accounts out (the plan's list and the moderator's, all at once):
        the pane and the counts are rebuilt without them, or with them again."""
        muted = tuple(dict.fromkeys(a.strip().removeprefix("@") for a in accounts
                                    if a.strip().removeprefix("@")))
        if muted == self.muted:
            return
        self.muted = muted
        self.counts = ConversationCounts().add_all(
            item for item in self.items if not self.is_muted(item.post.author))
        self.recent = deque(self.shown(self.keep), maxlen=self.keep)
        self.version += 1

    def shown(self, last: int | None = None) -> list[Attributed]:
        """The posts not muted, in order of arrival; only the `last` ones if given."""
        found: list[Attributed] = []
        for item in reversed(self.items):
            if last is not None and len(found) >= last:
                break
            if not self.is_muted(item.post.author):
                found.append(item)
        found.reverse()
        return found

    def know_question(self, platform: str, post_id: str, number: int) -> None:
        """The host's Qn post is known by its id (tchat posted it): count what is under
        it even when the feed never shows the post itself."""
        self._revised(self.attributor.know_question(platform, post_id, number))

    def _take(self, posts: Iterable[FeedPost], *, write: bool) -> list[Attributed]:
        dropped = self.dropped
        fresh = [post for post in posts if post.key not in self._seen]
        if self.store is not None and write:
            fresh = self.store.fresh(fresh)
        new_keys: list[tuple[str, str]] = []
        revised: list[Attributed] = []
        for post in sorted(fresh, key=lambda p: p.created_at):
            if post.key in self._seen:
                continue
            if len(self._seen) >= self.max_posts:
                self.dropped += 1
                continue
            self._seen.add(post.key)
            item, changed = self.attributor.take(post)
            self._place[post.key] = len(self.items)
            self.items.append(item)
            new_keys.append(post.key)
            revised += changed
            if not self.is_muted(post.author):
                self.counts.add(item)
                self.recent.append(item)
            if item.kind == "host":
                self._host_posts.setdefault(normalised(post.text), post)
        self._revised(revised)
        items = [self.items[self._place[key]] for key in new_keys]
        if self.store is not None and write and (items or self.unwritten):
            waiting = [*self.unwritten, *items]
            try:
                self.store.append(waiting)
            except OSError:
                # The run goes on without its record of the feed rather than stopping.
                self.unwritten = waiting[-MAX_UNWRITTEN:]
                self.unwritten_dropped += len(waiting) - len(self.unwritten)
            else:
                self.unwritten = []
        if items or dropped != self.dropped:
            self.version += 1
        return items

    def _revised(self, revised: list[Attributed]) -> None:
        """Posts answered for again: put their latest meaning in place, counts too."""
        if not revised:
            return
        for item in revised:
            place = self._place[item.post.key]
            old = self.items[place]
            self.items[place] = item
            if not self.is_muted(item.post.author):
                self.counts.revise(old, item)
        if any(not self.is_muted(item.post.author) for item in revised):
            self.recent = deque(self.shown(self.keep), maxlen=self.keep)
        self.version += 1

    def published(self, copied: Mapping[str, str]) -> dict[str, FeedPost]:
        """For each copied draft (cue id -> text as copied), the host's post with the same
        text after whitespace normalisation, when the feed has seen one."""
        found = {}
        for cue, text in copied.items():
            post = self._host_posts.get(normalised(text))
            if post is not None:
                found[cue] = post
        return found


def feed_since(start: datetime, now: datetime) -> datetime:
    """From when to read the tag: an hour before the chat once it is near; the day before
    otherwise (a connection check the evening before still shows the tag's posts)."""
    early = start - timedelta(hours=1)
    return early if now >= early else now - timedelta(days=1)
