"""The people in the room: whose first post of the chat this is, who is still to be
welcomed, the welcome reply that names them, and the featured accounts.

Large chats welcome each newcomer by name. A person is an account on one network (the
same name on Mastodon and Bluesky is two accounts: the welcome goes to each where they
are). Their first post of the chat is the earliest one seen, whatever order the feed
brought them in; the host, the guests, the featured accounts and muted ones are never
on the list to welcome.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tui.core.counting.counter import count
from tui.core.counting.result import Count
from tui.core.feed.attribution import Attributed, same_account
from tui.core.plan.drafts import with_tag
from tui.core.text.typography import french_post
from tui.core.text.vocabulary import Language
from tui.core.text.words import Words

WELCOME_NAMES = 3
"""A welcome reply names up to this many people: more reads as a roll call."""

PersonKey = tuple[str, str]


def person_key(item: Attributed) -> PersonKey:
    """(network, account lowercased): one person of the room."""
    return (item.post.platform, item.post.author.lower())


@dataclass(frozen=True, slots=True)
class Person:
    network: str
    account: str
    """As the network gives it, without @: `ann@far.example`, `zoe.bsky.social`."""
    name: str
    first: Attributed
    """Their first post of the chat."""

    @property
    def key(self) -> PersonKey:
        return (self.network, self.account.lower())

    @property
    def mention(self) -> str:
        """How a post names them so the network tells them: `@ann@far.example` (a
        Mastodon account of another server needs its server), `@zoe.bsky.social`."""
        return "@" + self.account


def first_posts(items: Iterable[Attributed]) -> dict[PersonKey, Attributed]:
    """Each person's earliest post (ties: the first to arrive)."""
    first: dict[PersonKey, Attributed] = {}
    for item in items:
        key = person_key(item)
        known = first.get(key)
        if known is None or item.post.created_at < known.post.created_at:
            first[key] = item
    return first


def to_welcome(first: dict[PersonKey, Attributed], *, welcomed: Callable[[str, str], bool],
               left_out: Callable[[str], bool]) -> list[Person]:
    """The people not welcomed yet, the earliest first post first. `left_out(author)` is
    true for the host, guests, featured and muted accounts."""
    people = [
        Person(item.post.platform, item.post.author, item.post.name, item)
        for item in first.values()
        if item.kind != "host" and not left_out(item.post.author)
        and not welcomed(item.post.platform, item.post.author)
    ]
    people.sort(key=lambda p: (p.first.post.created_at, p.key))
    return people


@dataclass(frozen=True, slots=True)
class WelcomeDraft:
    """A welcome reply ready to copy or post: it names `people`, carries the tag, and
    is counted as its network counts."""

    network: str
    people: tuple[Person, ...]
    text: str
    count: Count


def welcome_draft(people: Sequence[Person], network: str, *, tag: str, language: Language,
                  limit: int | None = None) -> WelcomeDraft | None:
    """A welcome naming the first people of `network` on the list (up to three, fewer
    when three would not fit the network's limit); None when nobody there waits."""
    here = [p for p in people if p.network == network][:WELCOME_NAMES]
    words = Words(language)
    while here:
        names = names_in_words([p.mention for p in here], words)
        text = french_post(with_tag(words("feed.welcome_reply", names=names), tag), language)
        counted = count(text, network, limit=limit)
        if counted.valid or len(here) == 1:
            return WelcomeDraft(network, tuple(here), text, counted)
        here = here[:-1]
    return None


def names_in_words(names: Sequence[str], words: Words) -> str:
    """ "@a, @b and @c" / "@a, @b et @c"."""
    if len(names) <= 1:
        return "".join(names)
    return words("feed.names_and", names=", ".join(names[:-1]), last=names[-1])


@dataclass(frozen=True, slots=True)
class Featured:
    """A guest or featured account, with what they posted in the chat."""

    account: str
    """As the plan names it (`@SafeScreensOrg`; a guest's first handle)."""
    name: str
    """The guest's name, or the account again for a `[feed] feature` entry."""
    guest: bool
    posts: int
    answers: int
    last: Attributed | None


def featured(guests: Sequence[tuple[str, Sequence[str]]], feature: Sequence[str],
             items: Iterable[Attributed]) -> list[Featured]:
    """The plan's guests (name, their handles on each network) with a handle, then the
    `[feed] feature` accounts, each once, in the plan's order, with their posts in the
    chat (on any network)."""
    wanted: list[tuple[tuple[str, ...], str, bool]] = []
    for name, handles in guests:
        kept = tuple(h.strip() for h in handles if h.strip())
        if kept:
            wanted.append((kept, name, True))
    for handle in feature:
        if not any(same_account(handle, known) or same_account(known, handle)
                   for names, _n, _g in wanted for known in names):
            wanted.append(((handle.strip(),), handle.strip(), False))
    tally: list[list[int]] = [[0, 0] for _ in wanted]
    last: list[Attributed | None] = [None for _ in wanted]
    for item in items:
        for n, (handles, _name, _guest) in enumerate(wanted):
            if any(same_account(handle, item.post.author) for handle in handles):
                tally[n][0] += 1
                tally[n][1] += item.answers is not None
                known = last[n]
                if known is None or item.post.created_at >= known.post.created_at:
                    last[n] = item
                break
    return [Featured(handles[0], name, guest, tally[n][0], tally[n][1], last[n])
            for n, (handles, name, guest) in enumerate(wanted)]


def is_featured(author: str, guests: Sequence[str], feature: Sequence[str]) -> bool:
    return any(same_account(h, author) for h in (*guests, *feature) if h.strip())
