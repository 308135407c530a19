"""`PLAN.feed.jsonl`: every post the feed saw, once, on disk the moment it is seen.

The same discipline as the as-run log (append, flush, fsync; a line cut by a crash is
skipped on reading and the next write starts a fresh line), so the report and the recap
work after the app is closed and a crash loses nothing. The first line names the chat's
start, so a replay of the file can be shifted to another start. Posts are deduplicated by
platform and id: polling sees the same post many times.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost, post_moment
from tui.core.files.appending import append_lines
from tui.core.files.jsonline import json_line
from tui.core.files.regularfile import NotReadable, read_regular

FEED_SUFFIX = ".feed.jsonl"
FORMAT_VERSION = 1
# A chat's conversation is thousands of posts; a file far beyond that is not one.
MAX_FEED_BYTES = 64 * 1024 * 1024
WRITE_LIMIT = 60 * 1024 * 1024
"""What tchat writes to a feed file at most, below what it reads back: a flood of posts
(10,000 a poll) once wrote 69 MB in two minutes, which the next start could not read.
Posts beyond it are still shown and counted, and how many were not kept is said."""


def feed_path_for(plan_path: Path) -> Path:
    """`demo.toml` -> `demo.toml.feed.jsonl`, beside the plan like its as-run log."""
    return plan_path.with_name(plan_path.name + FEED_SUFFIX)


class FeedFileError(Exception):
    """A file named as a recorded feed that cannot be read as one: `FILE: error: why`."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: error: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class FeedFile:
    start: datetime | None
    """The chat's start the file was recorded for, when it says."""
    posts: list[FeedPost]
    skipped_lines: list[int]


def read_feed(path: Path, *, missing_ok: bool = True) -> FeedFile:
    """Every post in a feed file, in file order, duplicates dropped.

    Read through the one regular-file reader: a FIFO, a device (`/dev/zero`), a folder
    or a file over 64 MB raises `FeedFileError` saying which, without blocking or
    filling the memory; a line that is not a post (garbage, JSON nested thousands deep)
    is skipped."""
    try:
        data = read_regular(path, MAX_FEED_BYTES)
    except NotReadable as error:
        if error.missing and missing_ok:
            return FeedFile(None, [], [])
        reason = error.reason.replace("not a file", "not a feed file")
        raise FeedFileError(path, reason) from None
    start: datetime | None = None
    posts: list[FeedPost] = []
    seen: set[tuple[str, str]] = set()
    skipped: list[int] = []
    lines = data.split(b"\n")
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        item = json_line(raw)
        if isinstance(item, dict) and "start" in item and "platform" not in item:
            start = post_moment(item.get("start"))
            if start is not None:
                continue
        post = FeedPost.from_dict(item)
        if post is None:
            if not (number == len(lines) and not data.endswith(b"\n")):
                skipped.append(number)
            continue
        if post.key not in seen:
            seen.add(post.key)
            posts.append(post)
    if skipped and not posts and start is None:
        raise FeedFileError(path, f"is not a tchat feed file (line {skipped[0]} is not a post)")
    return FeedFile(start, posts, skipped)


class FeedStore:
    """The append-only feed file of one chat; `append` is on disk when it returns.

    A feed file that cannot be read (a FIFO, a folder, a device, over 64 MB) is never
    written either: the conversation is shown and counted all the same, and `problem`
    says why it is not kept. Once the file holds `WRITE_LIMIT` bytes, the posts that
    would pass it are not written, and counted in `dropped`."""

    def __init__(self, path: Path, start: datetime, *, write_limit: int = WRITE_LIMIT) -> None:
        self.path = path
        self.start = start
        self.write_limit = write_limit
        self.problem: FeedFileError | None = None
        """Why the file is not kept (read nor written), when it is not."""
        self.dropped = 0
        """Posts not written because the file reached its limit."""
        try:
            recorded = read_feed(path)
        except FeedFileError as error:
            self.problem = error
            recorded = FeedFile(None, [], [])
        self._seen: set[tuple[str, str]] = {post.key for post in recorded.posts}
        self.posts: list[FeedPost] = recorded.posts
        """What the file already held when opened (an app restarted mid-chat)."""

    @property
    def kept(self) -> bool:
        return self.problem is None

    def fresh(self, posts: Iterable[FeedPost]) -> list[FeedPost]:
        """The posts not seen before (in this file or earlier in `posts`), now seen."""
        new = []
        for post in posts:
            if post.key not in self._seen:
                self._seen.add(post.key)
                new.append(post)
        return new

    def append(self, items: Iterable[Attributed]) -> None:
        """Write the posts, with what they mean, as one fsynced write. Raises OSError
        (none of them written) when the disk refuses; a file that cannot be kept, or
        is full, takes nothing and raises nothing (`problem`, `dropped` say so)."""
        lines = [
            item.post.to_json(answers=item.answers, kind=item.kind).encode("ascii") + b"\n"
            for item in items
        ]
        if not lines or self.problem is not None:
            return
        # No mkdir: the file is beside the plan, whose folder exists at start; one
        # deleted during the run must not come back holding only this file.
        written = append_lines(self.path, lines, header=self._header,
                               max_size=self.write_limit)
        self.dropped += len(lines) - written

    def _header(self) -> bytes:
        return json.dumps({"v": FORMAT_VERSION, "start": self.start.isoformat()},
                          separators=(",", ":")).encode("ascii") + b"\n"
