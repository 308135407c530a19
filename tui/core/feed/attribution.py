"""Who answered which question: the marks a post carries and the kind of post it is.

A post answers Qn when, after any leading @mentions, it starts with `An` or `Rn` (any
case, with or without a space, then maybe a colon or a dash: `A1`, `a1:`, `R1 :`,
`A 1 -`), or when it is in the thread under the host's own Qn post: a reply to it, or a
reply to a reply there, at any depth (`tui.core.feed.threads`); a post in Q1's thread
that starts with `A2` answers Q2. `A10` answers Q10, never Q1, and the host's posts are
never answers: the host asks (`Q1 …`) and quotes (`answer Q1 with A1`), a guest or the
public answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tui.core.feed.identity import same_account as same_account
from tui.core.feed.plaintext import normalised
from tui.core.feed.post import FeedPost, PostKind
from tui.core.feed.threads import ThreadBook

Key = tuple[str, str]

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


@dataclass(frozen=True, slots=True)
class Attributed:
    """A post with what it means for the chat."""

    post: FeedPost
    kind: PostKind
    answers: int | None
    """The question it answers (1 for Q1), or None."""
    asks: int | None = None
    """For the host's question posts: the question they ask."""
    in_thread: bool = False
    """It answers because it is in the question's thread, not by an `An` of its own."""


@dataclass
class Attributor:
    """Reads posts in any order, remembering which thread each is in, so that a reply
    under the host's Qn post, at any depth, counts as an answer to it.

    `questions` is how many questions the plan has (a mark beyond them is no answer);
    `question_texts` the drafts of the questions as copied (number -> text), so a host
    post that matches one is that question even when it was edited to lose its `Qn`.

    A post read before the post it replies to (a tagged reply from the timeline, its
    untagged parent from the thread a poll later) is answered for again once the link
    is known: `take` returns those revisions beside the new post."""

    host: str
    guests: tuple[str, ...]
    questions: int
    question_texts: Mapping[int, str] = field(default_factory=dict)
    other_hosts: tuple[str, ...] = ()
    """The host's handles on the chat's other networks (a plan with `platforms`)."""
    _threads: ThreadBook[Key] = field(default_factory=ThreadBook)
    _posts: dict[Key, FeedPost] = field(default_factory=dict)
    _items: dict[Key, Attributed] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_text = {normalised(text): n for n, text in self.question_texts.items()}

    def is_host(self, author: str) -> bool:
        return any(same_account(host, author) for host in (self.host, *self.other_hosts)
                   if host)

    def is_guest(self, author: str) -> bool:
        return any(same_account(guest, author) for guest in self.guests if guest)

    def asks(self, post: FeedPost) -> int | None:
        """The question a post asks: the host's, by the draft's text or a `Qn` start.
        Reads nothing but the plan's: safe to call from a worker on its own attributor."""
        if not self.is_host(post.author):
            return None
        asks = self._by_text.get(normalised(post.text)) or question_number(post.text)
        return asks if asks is not None and 1 <= asks <= self.questions else None

    def add(self, post: FeedPost) -> Attributed:
        return self.take(post)[0]

    def take(self, post: FeedPost) -> tuple[Attributed, list[Attributed]]:
        """The post's meaning, and the earlier posts whose meaning it changed."""
        key = post.key
        self._posts[key] = post
        moved: list[Key] = []
        asks = self.asks(post)
        if asks is not None:
            moved += self._threads.ask(key, asks)
        parent = (post.platform, post.reply_to) if post.reply_to is not None else None
        moved += self._threads.link(key, parent)
        item = self._items[key] = self._attribute(post)
        return item, self._revise(moved, key)

    def know_question(self, platform: str, post_id: str, number: int) -> list[Attributed]:
        """The host's Qn post is known by its id (posted by tchat, say) even if the feed
        never showed it: the posts under it answer Qn. Returns the posts revised."""
        if not 1 <= number <= self.questions:
            return []
        return self._revise(self._threads.ask((platform, post_id), number), None)

    def _revise(self, keys: Iterable[Key], skip: Key | None) -> list[Attributed]:
        revised = []
        for key in dict.fromkeys(keys):
            post = self._posts.get(key)
            if key == skip or post is None:
                continue
            item = self._attribute(post)
            if item != self._items.get(key):
                self._items[key] = item
                revised.append(item)
        return revised

    def _attribute(self, post: FeedPost) -> Attributed:
        if self.is_host(post.author):
            return Attributed(post, "host", None, self.asks(post))
        number = answer_number(post.text)
        if number is not None and not 1 <= number <= self.questions:
            number = None
        in_thread = False
        if number is None:
            number = self._threads.thread_of(post.key)
            in_thread = number is not None
        if self.is_guest(post.author):
            return Attributed(post, "guest", number, in_thread=in_thread)
        if number is not None:
            return Attributed(post, "answer", number, in_thread=in_thread)
        if "?" in post.text or "？" in post.text:
            return Attributed(post, "question", None)
        return Attributed(post, "other", None)

    def add_all(self, posts: Iterable[FeedPost]) -> list[Attributed]:
        """Every post's meaning once all of them are read (a reply read before its
        parent is given its thread), in the order given."""
        order = [self.take(post)[0].post.key for post in posts]
        return [self._items[key] for key in order]
