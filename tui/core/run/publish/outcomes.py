"""What posting a cue did on each network, typed, and said in one line each."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.core.plan.networks import network_name
from tui.core.text.words import Words


@dataclass(frozen=True, slots=True)
class Posted:
    """Every part is out (`first` > 1: a thread resumed after a failure)."""

    network: str
    urls: tuple[str, ...]
    parts: int
    first: int = 1


@dataclass(frozen=True, slots=True)
class AlreadyPosted:
    """The cue is on that network already: nothing was sent."""

    network: str
    urls: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Failed:
    """A part failed: those before it stay, the next attempt goes on from it."""

    network: str
    reason: str
    posted: int
    parts: int
    urls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Refused:
    """tchat sent nothing: the post cannot go out as it is (over the limit, a card
    that cannot be read, the log cannot be written, an intent the server cannot settle)."""

    network: str
    reason: str


@dataclass(frozen=True, slots=True)
class Deleted:
    network: str
    parts: int


Outcome = Posted | AlreadyPosted | Failed | Refused | Deleted


@dataclass(frozen=True, slots=True)
class CueOutcome:
    cue: str
    outcomes: tuple[Outcome, ...]
    marked: bool = False
    """A `mark` was logged: the cue shows posted in every window."""
    copy_for: tuple[str, ...] = field(default=())
    """The plan's networks without an account (X, Threads): their text goes to the
    clipboard, as `c` does."""

    @property
    def failed(self) -> bool:
        return any(isinstance(o, Failed | Refused) for o in self.outcomes)


def describe(outcome: Outcome, words: Words, name: str) -> str:
    """One line: "Q3 posted on Bluesky: https://…", "Q3: 1 of 3 posted on Mastodon, …"."""
    where = network_name(outcome.network)
    if isinstance(outcome, Posted):
        links = " ".join(outcome.urls)
        if outcome.first > 1:
            return words("post.resumed", name=name, network=where, n=outcome.parts,
                         first=outcome.first, links=links)
        return words("post.posted", name=name, network=where, links=links)
    if isinstance(outcome, AlreadyPosted):
        return words("post.already", name=name, network=where, links=" ".join(outcome.urls))
    if isinstance(outcome, Failed):
        if outcome.parts > 1:
            return words("post.failed_part", name=name, network=where, n=outcome.parts,
                         posted=outcome.posted, reason=outcome.reason)
        return words("post.failed", name=name, network=where, reason=outcome.reason)
    if isinstance(outcome, Refused):
        return words("post.refused", name=name, network=where, reason=outcome.reason)
    return words("post.deleted", name=name, network=where, n=outcome.parts)


def copy_line(networks: tuple[str, ...], image: str | None, words: Words) -> str:
    """For the plan's networks tchat does not post to (X, Threads): "X text to paste
    by hand · attach q3.png"."""
    line = words("post.copy_for", networks=", ".join(network_name(n) for n in networks))
    if image:
        line += " · " + words("post.attach", image=image)
    return line
