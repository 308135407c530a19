"""`PLAN.feed.jsonl`: every post the feed saw, once, on disk the moment it is seen.

The same discipline as the as-run log (append, flush, fsync; a line cut by a crash is
skipped on reading and the next write starts a fresh line), so the report and the recap
work after the app is closed and a crash loses nothing. The first line names the chat's
start, so a replay of the file can be shifted to another start. Posts are deduplicated by
platform and id: polling sees the same post many times.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost

FEED_SUFFIX = ".feed.jsonl"
FORMAT_VERSION = 1
# A chat's conversation is thousands of posts; a file far beyond that is not one.
MAX_FEED_BYTES = 64 * 1024 * 1024


def feed_path_for(plan_path: Path) -> Path:
    """`demo.toml` -> `demo.toml.feed.jsonl`, beside the plan like its as-run log."""
    return plan_path.with_name(plan_path.name + FEED_SUFFIX)


class FeedFileError(Exception):
    """A file named as a recorded feed that cannot be read as one: `FILE: error: why`."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: error: {reason}")


@dataclass(frozen=True, slots=True)
class FeedFile:
    start: datetime | None
    """The chat's start the file was recorded for, when it says."""
    posts: list[FeedPost]
    skipped_lines: list[int]


def read_feed(path: Path, *, missing_ok: bool = True) -> FeedFile:
    """Every post in a feed file, in file order, duplicates dropped."""
    try:
        if path.is_dir():
            raise FeedFileError(path, "is a folder, not a feed file")
        if path.stat().st_size > MAX_FEED_BYTES:
            raise FeedFileError(path, "is too large to be a recorded conversation")
        data = path.read_bytes()
    except FileNotFoundError:
        if missing_ok:
            return FeedFile(None, [], [])
        raise FeedFileError(path, "does not exist") from None
    except OSError as error:
        raise FeedFileError(path, f"cannot be read ({error.strerror or error})") from None
    start: datetime | None = None
    posts: list[FeedPost] = []
    seen: set[tuple[str, str]] = set()
    skipped: list[int] = []
    lines = data.split(b"\n")
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8", errors="replace"))
        except ValueError:
            item = None
        if isinstance(item, dict) and "start" in item and "platform" not in item:
            start = _aware(item.get("start"))
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


def _aware(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


class FeedStore:
    """The append-only feed file of one chat; `append` is on disk when it returns."""

    def __init__(self, path: Path, start: datetime) -> None:
        self.path = path
        self.start = start
        recorded = read_feed(path)
        self._seen: set[tuple[str, str]] = {post.key for post in recorded.posts}
        self.posts: list[FeedPost] = recorded.posts
        """What the file already held when opened (an app restarted mid-chat)."""

    def fresh(self, posts: Iterable[FeedPost]) -> list[FeedPost]:
        """The posts not seen before (in this file or earlier in `posts`), now seen."""
        new = []
        for post in posts:
            if post.key not in self._seen:
                self._seen.add(post.key)
                new.append(post)
        return new

    def append(self, items: Iterable[Attributed]) -> None:
        """Write the posts, with what they mean, as one fsynced write."""
        lines = [
            item.post.to_json(answers=item.answers, kind=item.kind).encode("ascii") + b"\n"
            for item in items
        ]
        if not lines:
            return
        # No mkdir: the file is beside the plan, whose folder exists at start; one
        # deleted during the run must not come back holding only this file.
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            size = os.fstat(fd).st_size
            head = b""
            if size == 0:
                head = json.dumps({"v": FORMAT_VERSION, "start": self.start.isoformat()},
                                  separators=(",", ":")).encode("ascii") + b"\n"
            elif os.pread(fd, 1, size - 1) != b"\n":
                # A crash cut the last line: ours starts on a fresh one.
                head = b"\n"
            os.write(fd, head + b"".join(lines))
            os.fsync(fd)
        finally:
            os.close(fd)
