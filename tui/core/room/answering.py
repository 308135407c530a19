"""The posts waiting for the host: questions from the public and posts that mention the
host, oldest first, each handled when the moderator says so or when the host replies.

Moderators used to keep a second window open for their mentions. Answers are not on
this list even when they mention the host (on Mastodon every reply under the host's
question does): they are counted under their question instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from tui.core.feed.attribution import Attributed

Why = Literal["question", "mention"]

_TRAILING = ".,:;!?)]}»\"'…"


def mentions(text: str) -> list[str]:
    """The @accounts a post names (`@ann`, `@ann@far.example`, `@zoe.bsky.social`), by
    splitting on spaces: linear in the text, whatever a stranger writes."""
    found = []
    for word in text.split():
        start = word.find("@")
        if start < 0:
            continue
        name = word[start + 1:].rstrip(_TRAILING)
        if name and name[0] != "@":
            found.append(name)
    return found


@dataclass(frozen=True, slots=True)
class Waiting:
    """A post to answer, and whether it was dealt with."""

    item: Attributed
    why: Why
    handled: bool
    by_reply: bool
    """Handled because the host replied to it (not by a key)."""


def to_answer(items: Iterable[Attributed], *, is_host: Callable[[str], bool],
              marked: Callable[[str, str], bool]) -> list[Waiting]:
    """Every post waiting for the host, handled or not, the oldest first. `is_host(name)`
    says whether a name mentioned is the host's (any of its handles); `marked(network,
    post id)` what the moderator marked handled."""
    replied: set[tuple[str, str]] = set()
    candidates: list[tuple[Attributed, Why]] = []
    for item in items:
        post = item.post
        if item.kind == "host":
            if post.reply_to is not None:
                replied.add((post.platform, post.reply_to))
            continue
        if item.kind == "question":
            candidates.append((item, "question"))
        elif item.answers is None and any(is_host(name) for name in mentions(post.text)):
            candidates.append((item, "mention"))
    waiting = []
    for item, why in sorted(candidates, key=lambda pair: pair[0].post.created_at):
        by_reply = item.post.key in replied
        waiting.append(Waiting(item, why, by_reply or marked(*item.post.key), by_reply))
    return waiting
