"""Who answered which question: the marks a post carries and the kind of post it is.

A post answers Qn when, after any leading @mentions, it starts with `An` or `Rn` (any
case, with or without a space, then maybe a colon or a dash: `A1`, `a1:`, `R1 :`,
`A 1 -`), or when it replies to the host's own Qn post. `A10` answers Q10, never Q1, and
the host's posts are never answers: the host asks (`Q1 …`) and quotes (`answer Q1 with
A1`), a guest or the public answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tui.core.feed.plaintext import normalised
from tui.core.feed.post import FeedPost, PostKind

# A stranger writes these texts: the patterns must run in linear time whatever they hold.
# Each mention is taken whole (possessive quantifiers, atomic group): `@a@a@a…` can be
# split into mentions in exponentially many ways, and a backtracking pattern tried them
# all (48 mentions and no mark froze the run-sheet). A mention is the whole handle, so
# `@bobA1` is a mention of "bobA1", never "@bob" answering Q1.
_MENTIONS = r"(?>@[\w.\-]++(?:@[\w.\-]++)?+[\s,]*+)*+"
_ANSWER = re.compile(rf"^\s*+{_MENTIONS}[AaRr]\s?(\d{{1,3}})(?!\w)")
_QUESTION_POST = re.compile(rf"^\s*+{_MENTIONS}[Qq]\s?(\d{{1,3}})(?!\w)")


def answer_number(text: str) -> int | None:
    """The question a post's own words say it answers (`A1 …` -> 1), or None."""
    match = _ANSWER.match(text)
    return int(match.group(1)) if match else None


def question_number(text: str) -> int | None:
    """The question a host post asks when it starts with `Qn`, or None."""
    match = _QUESTION_POST.match(text)
    return int(match.group(1)) if match else None


def same_account(handle: str, author: str) -> bool:
    """Whether a plan's handle (`@MyOrg`, `@myorg@mastodon.social`, `@myorg.bsky.social`)
    names the post's author (`myorg@mastodon.social`, `myorg.bsky.social`).

    A plan written for X names `@MyOrg` alone: on Mastodon and Bluesky that is taken as
    the account's first part (`myorg@any.server`, `myorg.any.domain`)."""
    wanted = handle.strip().removeprefix("@").lower()
    who = author.strip().removeprefix("@").lower()
    if not wanted or not who:
        return False
    if wanted == who:
        return True
    if "@" in wanted or "." in wanted:
        return False
    return who.split("@", 1)[0] == wanted or who.split(".", 1)[0] == wanted


@dataclass(frozen=True, slots=True)
class Attributed:
    """A post with what it means for the chat."""

    post: FeedPost
    kind: PostKind
    answers: int | None
    """The question it answers (1 for Q1), or None."""
    asks: int | None = None
    """For the host's question posts: the question they ask."""


@dataclass
class Attributor:
    """Reads posts in order, remembering the host's question posts so that a reply to
    one counts as an answer to it.

    `questions` is how many questions the plan has (a mark beyond them is no answer);
    `question_texts` the drafts of the questions as copied (number -> text), so a host
    post that matches one is that question even when it was edited to lose its `Qn`."""

    host: str
    guests: tuple[str, ...]
    questions: int
    question_texts: Mapping[int, str] = field(default_factory=dict)
    other_hosts: tuple[str, ...] = ()
    """The host's handles on the chat's other networks (a plan with `platforms`)."""
    _asked: dict[tuple[str, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_text = {normalised(text): n for n, text in self.question_texts.items()}

    def is_host(self, author: str) -> bool:
        return any(same_account(host, author) for host in (self.host, *self.other_hosts)
                   if host)

    def is_guest(self, author: str) -> bool:
        return any(same_account(guest, author) for guest in self.guests if guest)

    def add(self, post: FeedPost) -> Attributed:
        if self.is_host(post.author):
            asks = self._by_text.get(normalised(post.text)) or question_number(post.text)
            if asks is not None and 1 <= asks <= self.questions:
                self._asked[post.key] = asks
            else:
                asks = None
            return Attributed(post, "host", None, asks)
        number = answer_number(post.text)
        if number is None and post.reply_to is not None:
            number = self._asked.get((post.platform, post.reply_to))
        if number is not None and not 1 <= number <= self.questions:
            number = None
        if self.is_guest(post.author):
            return Attributed(post, "guest", number)
        if number is not None:
            return Attributed(post, "answer", number)
        if "?" in post.text or "？" in post.text:
            return Attributed(post, "question", None)
        return Attributed(post, "other", None)

    def add_all(self, posts: Iterable[FeedPost]) -> list[Attributed]:
        return [self.add(post) for post in posts]
