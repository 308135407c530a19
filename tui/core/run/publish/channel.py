"""What the publisher needs from a network's client (`tui.post`), and what it gets back.

The clients raise `ChannelError` for every failure, with one line that names no
secret; the publisher logs that line and goes on with the next network.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from tui.core.plan.images import Image
from tui.core.run.publish.ledger import PartRecord
from tui.core.run.publish.parts import Part
from tui.core.text.said import Said
from tui.core.text.words import Words


@dataclass(frozen=True, slots=True)
class Sent:
    """A post on its network: its id (an at:// URI, a status id), web link, CID."""

    uri: str
    url: str
    cid: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """Where a part of a thread hangs: the thread's first post and the one before."""

    root: Sent
    parent: Sent


class ChannelError(Exception):
    """A call that failed, in one line that names no secret: `said` in words of the
    table (`post.*`, `net.*`), or a plain line (a test's fake channel).

    `message` is the line in English, as the as-run log keeps it (`post-failed`); the
    moderator reads `say(words)`, in the plan's language.

    `uncertain`: the request may have reached the server (a time-out, a connection lost
    after sending), so the intent stays open, to be settled by asking the server."""

    def __init__(self, said: Said | str, *, uncertain: bool = False) -> None:
        message = said.say("en") if isinstance(said, Said) else said
        super().__init__(message)
        self.said = said if isinstance(said, Said) else None
        self.message = message
        self.uncertain = uncertain

    @classmethod
    def of(cls, key: str, *, uncertain: bool = False,
           **fields: str | int | float | Said) -> ChannelError:
        return cls(Said.of(key, **fields), uncertain=uncertain)

    def say(self, words: Words) -> str:
        """The line in `words`' language."""
        return self.said.said_with(words) if self.said is not None else self.message


class Channel(Protocol):
    network: str
    account: str
    """The account's handle, as the plan names it."""

    def sign_in(self) -> str:
        """Check the credential with the server (once per run): the account's id."""
        ...

    def send(self, part: Part, reply: Reply | None, image: Image | None) -> Sent:
        """Post one part (with the key it carries), or raise ChannelError."""
        ...

    def find(self, record: PartRecord, text: str | None) -> Sent | None:
        """The post an intent left behind, if the server has it (None: it does not);
        ChannelError when the server cannot tell."""
        ...

    def delete(self, record: PartRecord) -> None:
        ...

    def repost(self, uri: str, cid: str | None) -> Sent:
        ...

    def refs(self, uri: str) -> Reply:
        """Where a reply to someone's post (`uri`: its id as the feed keys it, an at://
        URI or a Mastodon status's URI) hangs: its thread's first post and the post
        itself, as this account's server knows them (a Bluesky CID, a Mastodon status
        id on this server); ChannelError when the server cannot find it."""
        ...
