"""What goes out for one cue on one network: its parts, each exactly as posted.

The text is the cue's draft (`DraftBook.text_for`), counted for the network it goes to
(Bluesky's 300 on the app's shortened links, Mastodon's 500 or the plan's own limit).
A thank-you, or a post that says `thread = true`, over that limit is split into a
numbered thread within it; the card (`image`) goes with the first part.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.core.counting import Count
from tui.core.plan.drafts import DraftBook
from tui.core.plan.schedule import Cue
from tui.core.run.publish.keys import chat_identity, idempotency_key, record_key
from tui.core.run.publish.richtext import Facet, bluesky_rich_text


@dataclass(frozen=True, slots=True)
class Card:
    """An image to post with the first part: its file (beside the plan) and alt text."""

    name: str
    alt: str


@dataclass(frozen=True, slots=True)
class Part:
    """One post to send: everything the server will get, and the key it dedupes on."""

    network: str
    cue: str
    part: int
    parts: int
    text: str
    """Exactly the text posted (on Bluesky, links in the app's short form)."""
    count: Count
    language: str
    key: str
    """Bluesky: the record key; Mastodon: the Idempotency-Key."""
    facets: tuple[Facet, ...] = ()
    card: Card | None = None

    @property
    def label(self) -> str:
        """ "" for a post alone, "2/3" for a part of a thread."""
        return f"{self.part}/{self.parts}" if self.parts > 1 else ""


def texts_for(book: DraftBook, cue: Cue, network: str) -> list[tuple[str, Count]]:
    """The cue's text on `network`, as one post or the parts of its thread: exactly the
    drafts the run-sheet shows and counts there."""
    return [(draft.text, draft.count) for draft in book.drafts_for(cue, network)]


def card_for(book: DraftBook, cue: Cue) -> Card | None:
    if cue.derived:
        return None
    table, _, index = cue.source.rstrip("]").partition("[")
    items = book.plan.questions if table == "questions" else book.plan.posts
    item = items[int(index) - 1]
    return Card(item.image, item.alt or "") if item.image is not None else None


def parts_for(book: DraftBook, cue: Cue, network: str, account: str, *, generation: int,
              now: datetime) -> list[Part]:
    """Every part of `cue` on `network`, posted as `account`, keys included."""
    chat = book.plan.chat
    identity = chat_identity(chat.tag, chat.start_at)
    texts = texts_for(book, cue, network)
    card = card_for(book, cue)
    moment = min(cue.at, now)
    made: list[Part] = []
    for index, (text, counted) in enumerate(texts, 1):
        facets: tuple[Facet, ...] = ()
        if network == "bluesky":
            rich = bluesky_rich_text(text)
            text, facets = rich.text, rich.facets
            key = record_key(identity, cue.id, account, index, generation, moment)
        else:
            key = idempotency_key(identity, cue.id, account, index, generation)
        made.append(Part(network, cue.id, index, len(texts), text, counted, chat.language,
                         key, facets, card if index == 1 else None))
    return made


@dataclass(frozen=True, slots=True)
class CueMatch:
    cue: Cue | None
    others: tuple[Cue, ...] = ()
    """Every cue the name fits, when it fits more than one."""


def find_cue(book: DraftBook, name: str, names: dict[str, str]) -> CueMatch:
    """The cue `name` designates: its id, its name on the screen (`names`: cue id ->
    name, in each language), or its kind (`welcome`, `thanks`) when one cue has it."""
    wanted = name.strip().casefold()
    for cue in book.cues:
        if cue.id.casefold() == wanted:
            return CueMatch(cue)
    named = [c for c in book.cues if wanted in names.get(c.id, "").casefold().split("\x1f")]
    if len(named) == 1:
        return CueMatch(named[0])
    kind = [c for c in book.cues if c.kind.casefold() == wanted]
    found = named or kind
    if len(found) == 1:
        return CueMatch(found[0])
    return CueMatch(None, tuple(found))
