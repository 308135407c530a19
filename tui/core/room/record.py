"""The conversation as it is published after the chat: every post once, in the order it
was made, with what it means for the chat, and the links people shared in it.

The feed file is read as it is (`tui.core.feed.store`); here a recording that holds a
post twice, out of order, or with bare reposts still gives one clean conversation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.room.planned import attributor_for
from tui.core.text.clean import URL_PATTERN, safe_url

# "RT @name: …", the manual repost of X's early days that archives and bridges still
# carry: someone else's words, repeated without a word of one's own.
# Linear on a stranger's text wherever it is tried: white space is taken whole, and only
# from the first of a run (tried at every space of a long run, it was quadratic).
_REPOST = re.compile(r"(?<!\s)\s*+RT\s++@[\w.\-]++(?:@[\w.\-]++)?+\s*+:?")
_LINK = re.compile(URL_PATTERN, re.IGNORECASE)
# What a sentence may end with that is not part of the address written before it.
_TRAILING = ".,;:!?»”’'\""
# A host name of letters, digits, dots and hyphens (any script): an address whose host
# holds a control character or a symbol is a trap in a stranger's post, not a link.
_HOST = re.compile(r"[^\W_](?:[\w.-]*[^\W_])?")


def is_bare_repost(post: FeedPost) -> bool:
    """A post that adds nothing of its author's own: empty (a platform's repost carries
    no text of its own) or an `RT @name: …` with nothing before it."""
    text = post.text.strip()
    return not text or _REPOST.match(text) is not None


def in_order(posts: Iterable[FeedPost]) -> list[FeedPost]:
    """Each post once (the first copy of an id kept), by time, then platform and id so
    that posts of the same second always come out in the same order."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for post in posts:
        if post.key not in seen:
            seen.add(post.key)
            unique.append(post)
    return sorted(unique, key=lambda post: (post.created_at, post.platform, post.id))


@dataclass(frozen=True, slots=True)
class Conversation:
    """The posts worth publishing, attributed in order, and what was left out."""

    items: tuple[Attributed, ...]
    reposts: int
    """Bare reposts left out."""
    is_host: Callable[[str], bool]
    is_guest: Callable[[str], bool]


def published_conversation(
    plan: Plan, posts: Sequence[FeedPost], book: DraftBook | None = None
) -> Conversation:
    """Every post of `posts` once and in order, bare reposts left out, each attributed
    (a reply to the host's Qn post answers Qn, as during the chat)."""
    attributor = attributor_for(plan, book)
    kept, reposts = [], 0
    for post in in_order(posts):
        if is_bare_repost(post):
            reposts += 1
        else:
            kept.append(post)
    return Conversation(tuple(attributor.add_all(kept)), reposts, attributor.is_host,
                        attributor.is_guest)


def links_in(text: str) -> list[str]:
    """The web addresses written in a post, each checked, each once, in order."""
    found: list[str] = []
    for match in _LINK.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        # A closing bracket belongs to the address only when it opened one inside it
        # (`…/wiki/Mali_(pays)`), not when the address was written in brackets.
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1].rstrip(_TRAILING)
        checked = safe_url(url)
        if checked is None or checked in found:
            continue
        host = urlsplit(checked).hostname or ""
        if _HOST.fullmatch(host):
            found.append(checked)
    return found


@dataclass(frozen=True, slots=True)
class SharedLink:
    url: str
    shared_by: tuple[str, ...]
    """The authors who shared it, as `@handle`, in the order they did."""


def shared_links(items: Iterable[Attributed], leave_out: Callable[[str], bool]) -> list[SharedLink]:
    """The links the people of the chat shared (not the host's, not a post's own
    address), each once, in the order they first appeared, with who shared them."""
    order: list[str] = []
    by_url: dict[str, list[str]] = {}
    for item in items:
        post = item.post
        if leave_out(post.author):
            continue
        for url in links_in(post.text):
            if url == post.url:
                continue
            sharers = by_url.setdefault(url, [])
            if not sharers:
                order.append(url)
            handle = "@" + post.author
            if handle.lower() not in (name.lower() for name in sharers):
                sharers.append(handle)
    return [SharedLink(url, tuple(by_url[url])) for url in order]
