"""Posting a cue, once: the intent on disk, then the post, then what came of it.

For each network with an account, in order:

1. the ledger (the log) says the cue is whole there: nothing is sent, the outcome says
   where it already is;
2. a part left open by a crash or a lost answer is settled first: the server is asked
   whether it has it (`Channel.find`, by the key it was sent with); if it has, the log
   says so; if not, it goes again with the same key, which the server dedupes anyway;
   if the server cannot tell, nothing is sent;
3. every part not yet posted: `post-intent` (fsynced), the post (a reply to the one
   before in a thread), `post-done` with its link or `post-failed` with one line; a
   failed part stops that network, the parts before it stay, and the next attempt
   starts at the failed one.

A cue whole on a network gets a `mark` on that network (via `post`), so every window
shows it posted there.
Nothing here talks to a network: the `Channel`s do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.core.counting.counter import count
from tui.core.counting.result import Count
from tui.core.plan.drafts import DraftBook
from tui.core.plan.images import Image, ImageError, read_image
from tui.core.plan.networks import network_name
from tui.core.plan.schedule import Cue
from tui.core.run.asrun import Event, EventKind
from tui.core.run.publish.channel import Channel, ChannelError, Reply, Sent
from tui.core.run.publish.keys import chat_identity, idempotency_key, record_key
from tui.core.run.publish.ledger import Ledger, PartRecord, ledger
from tui.core.run.publish.outcomes import (
    AlreadyPosted,
    CueOutcome,
    Deleted,
    Failed,
    Outcome,
    Posted,
    Refused,
)
from tui.core.run.publish.parts import Part, parts_for
from tui.core.run.publish.richtext import Facet, bluesky_rich_text
from tui.core.run.runstate import fold
from tui.core.text.words import Words


@dataclass
class Run:
    """What posting needs from the run: the drafts, the plan's place, the log."""

    book: DraftBook
    plan_path: Path
    read: Callable[[], list[Event]]
    """Every event of the log, as on disk now (another window may have posted)."""
    append: Callable[[Event], None]
    """Writes one event, on disk when it returns; raises OSError when it cannot."""
    clock: Callable[[], datetime]
    wall: Callable[[], datetime]

    @property
    def words(self) -> Words:
        return Words(self.book.plan.chat.language)

    def record(self, kind: EventKind, **fields: Any) -> Event:
        event = Event(kind, clock=self.clock(), wall=self.wall(), **fields)
        self.append(event)
        return event


def account_networks(book: DraftBook) -> tuple[str, ...]:
    """The plan's networks that tchat posts to (those with an account), in its order."""
    accounts = book.plan.accounts
    if accounts is None:
        return ()
    return tuple(n for n in book.networks if n in accounts.networks)


def copy_networks(book: DraftBook) -> tuple[str, ...]:
    """The plan's networks that tchat does not post to: their text goes to the clipboard."""
    posted = account_networks(book)
    return tuple(n for n in book.networks if n not in posted)


def plan_parts(run: Run, cue: Cue, network: str, book: Ledger) -> list[Part]:
    accounts = run.book.plan.accounts
    assert accounts is not None
    slot = book.of(cue.id, network)
    return parts_for(run.book, cue, network, accounts.handle(network),
                     generation=slot.generation, now=run.clock())


# --- the decision on an open intent ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    sent: Sent


@dataclass(frozen=True, slots=True)
class Absent:
    pass


@dataclass(frozen=True, slots=True)
class Unknown:
    reason: str


Answer = Found | Absent | Unknown


def settlement(record: PartRecord, answer: Answer) -> str:
    """What to do with an intent the log left open, from what the server says: `done`
    (it is there: log it), `resend` (it is not: send it again with the same key, which
    the server dedupes if it arrived in the meantime), `wait` (no answer: send nothing)."""
    if record.state != "open":
        return "keep"
    if isinstance(answer, Found):
        return "done"
    if isinstance(answer, Absent):
        return "resend"
    return "wait"


def ask(channel: Channel, record: PartRecord, text: str | None, words: Words) -> Answer:
    try:
        found = channel.find(record, text)
    except ChannelError as error:
        return Unknown(error.say(words))
    return Absent() if found is None else Found(found)


def _intent_texts(events: Sequence[Event]) -> dict[tuple[str, str, int, str], str]:
    return {(e.cue or "", e.network or "", e.part or 1, e.key or ""): e.text or ""
            for e in events if e.kind == "post-intent"}


def settle(run: Run, channels: Mapping[str, Channel]) -> list[tuple[PartRecord, str]]:
    """At start-up: ask the server about every open intent and log what it has. Returns
    each open intent with its settlement (`done`, `resend`, `wait`)."""
    events = run.read()
    texts = _intent_texts(events)
    settled: list[tuple[PartRecord, str]] = []
    for record in ledger(events).open_intents():
        channel = channels.get(record.network)
        if channel is None:
            continue
        answer = ask(channel, record, texts.get(
            (record.cue, record.network, record.part, record.key)), run.words)
        decision = settlement(record, answer)
        if decision == "done" and isinstance(answer, Found):
            _log_done(run, record.cue, record.network, record.part, record.parts, record.key,
                      answer.sent)
        settled.append((record, decision))
    return settled


# --- posting ---------------------------------------------------------------------------


def _log_done(run: Run, cue: str, network: str, part: int, parts: int, key: str,
              sent: Sent) -> None:
    run.record("post-done", cue=cue, network=network, part=part, parts=parts, key=key,
               uri=sent.uri, url=sent.url, cid=sent.cid)


def _sent(record: PartRecord) -> Sent:
    return Sent(record.uri or "", record.url or "", record.cid)


def publish_cue(run: Run, cue: Cue, channels: Mapping[str, Channel],
                networks: Sequence[str] | None = None) -> CueOutcome:
    """Post `cue` on each network of `networks` (default: every account of the plan)
    that has a channel; see the module's docstring for the order of things."""
    wanted = [n for n in (networks or account_networks(run.book)) if n in channels]
    outcomes: list[Outcome] = []
    for network in wanted:
        outcomes.append(_publish_on(run, cue, channels[network]))
    marked = False
    whole = [o.network for o in outcomes if isinstance(o, Posted | AlreadyPosted)]
    if whole:
        # Marked on each network it is whole on, and there only: X, on the clipboard,
        # is marked when it is copied, and a network that failed stays to do.
        state = fold(run.read(), run.book.networks)
        for network in whole:
            if state.on_network(cue.id, network) == "posted":
                continue
            try:
                run.record("mark", cue=cue.id, network=network, via="post")
                marked = True
            except OSError:
                pass  # the post-done lines say it; the screen's banner says the log fails
    return CueOutcome(cue.id, tuple(outcomes), marked, copy_networks(run.book))


def _publish_on(run: Run, cue: Cue, channel: Channel) -> Outcome:
    network = channel.network
    words = run.words
    events = run.read()
    book = ledger(events)
    slot = book.of(cue.id, network)
    if slot.whole:
        return AlreadyPosted(network, tuple(r.url or r.uri or "" for r in slot.done))
    texts = _intent_texts(events)
    for record in slot.open:
        answer = ask(channel, record, texts.get((cue.id, network, record.part, record.key)),
                     words)
        decision = settlement(record, answer)
        if decision == "done" and isinstance(answer, Found):
            try:
                _log_done(run, cue.id, network, record.part, record.parts, record.key,
                          answer.sent)
            except OSError as error:
                return Refused(network, words("post.log_unwritable",
                                              reason=error.strerror or str(error)))
        elif decision == "wait" and isinstance(answer, Unknown):
            return Refused(network, words("post.unsettled", part=record.part,
                                          reason=answer.reason))
    book = ledger(run.read())
    slot = book.of(cue.id, network)
    if slot.whole:
        return AlreadyPosted(network, tuple(r.url or r.uri or "" for r in slot.done))
    parts = plan_parts(run, cue, network, book)
    done = {r.part: r for r in slot.done}
    for part in parts:
        if not part.count.valid:
            return Refused(network, _why_refused(part.count, network, words))
    image: Image | None = None
    first = next((p for p in parts if p.part not in done), None)
    if first is None:
        return AlreadyPosted(network, tuple(r.url or r.uri or "" for r in slot.done))
    card = parts[0].card
    if card is not None and first.part == 1:
        try:
            image = read_image(run.plan_path, card.name, card.alt, (network,))
        except ImageError as error:
            return Refused(network, error.said.said_with(words))
    urls = [r.url or r.uri or "" for _, r in sorted(done.items())]
    root = _sent(done[1]) if 1 in done else None
    parent = _sent(done[max(done)]) if done else None
    posted_now = 0
    for part in parts:
        if part.part in done:
            continue
        previous = slot.records.get(part.part)
        key = previous.key if previous is not None and previous.state == "open" else part.key
        try:
            run.record("post-intent", cue=cue.id, network=network, part=part.part,
                       parts=part.parts, key=key, text=part.text)
        except OSError as error:
            return Refused(network, words("post.log_unwritable",
                                          reason=error.strerror or str(error)))
        keyed = Part(part.network, part.cue, part.part, part.parts, part.text, part.count,
                     part.language, key, part.facets, part.card)
        reply = Reply(root, parent) if root is not None and parent is not None else None
        try:
            sent = channel.send(keyed, reply, image if part.part == 1 else None)
        except ChannelError as error:
            if not error.uncertain:
                # The log keeps the English line (it is read back, never shown as is).
                _try_record(run, "post-failed", cue=cue.id, network=network, part=part.part,
                            parts=part.parts, key=key, reason=error.message)
            # An uncertain one stays open in the log: the next attempt asks the server.
            return Failed(network, error.say(words), len(urls), part.parts, tuple(urls))
        _try_record(run, "post-done", cue=cue.id, network=network, part=part.part,
                    parts=part.parts, key=key, uri=sent.uri, url=sent.url, cid=sent.cid)
        urls.append(sent.url or sent.uri)
        posted_now += 1
        root = root or sent
        parent = sent
    first_part = len(parts) - posted_now + 1
    return Posted(network, tuple(urls), len(parts), first_part)


def _try_record(run: Run, kind: EventKind, **fields: Any) -> None:
    # After the post: a log that fails now cannot undo it; the open intent (on disk) is
    # settled by the server's answer at the next start.
    try:
        run.record(kind, **fields)
    except OSError:
        pass


# --- undo and repost --------------------------------------------------------------------


def undo_cue(run: Run, cue: Cue, channels: Mapping[str, Channel]) -> CueOutcome:
    """Delete what tchat posted for `cue` on every network, newest part first."""
    outcomes: list[Outcome] = []
    book = ledger(run.read())
    for network, channel in channels.items():
        slot = book.of(cue.id, network)
        done = list(reversed(slot.done))
        if not done:
            continue
        deleted = 0
        for record in done:
            try:
                channel.delete(record)
            except ChannelError as error:
                outcomes.append(Failed(network, error.say(run.words), len(done) - deleted,
                                       len(done)))
                break
            _try_record(run, "post-deleted", cue=cue.id, network=network, part=record.part,
                        parts=record.parts, key=record.key, uri=record.uri, url=record.url)
            deleted += 1
        else:
            outcomes.append(Deleted(network, deleted))
    return CueOutcome(cue.id, tuple(outcomes))


def repost(run: Run, channel: Channel, uri: str, cid: str | None) -> Outcome:
    """Repost someone's post once (a Bluesky repost record, a Mastodon reblog)."""
    network = channel.network
    known = ledger(run.read()).reposts.get((network, uri))
    if known is not None:
        return AlreadyPosted(network, (known.url or known.uri or "",))
    try:
        sent = channel.repost(uri, cid)
    except ChannelError as error:
        return Failed(network, error.say(run.words), 0, 1)
    _try_record(run, "repost", network=network, key=uri, uri=sent.uri, url=sent.url)
    return Posted(network, (sent.url or sent.uri,), 1)


def reply_part(run: Run, network: str, account: str, to: str, text: str,
               at: datetime) -> Part:
    """A reply to the post `to` as it goes out on `network`: its text counted there, its
    facets (Bluesky), and a key from the chat, the post and the text, so the same reply
    sent twice (a key pressed twice, a retry) is one post on the server. `at` is the
    moment its Bluesky record key carries (the post replied to's time)."""
    chat = run.book.plan.chat
    counted = count(text, network, limit=chat.limit_on(network))
    identity = chat_identity(chat.tag, chat.start_at)
    name = "reply\x1f" + to + "\x1f" + text
    facets: tuple[Facet, ...] = ()
    if network == "bluesky":
        rich = bluesky_rich_text(text)
        text, facets = rich.text, rich.facets
        key = record_key(identity, name, account, 1, 0, at)
    else:
        key = idempotency_key(identity, name, account, 1, 0)
    return Part(network, "reply", 1, 1, text, counted, chat.language, key, facets)


def reply(run: Run, channel: Channel, to: str, text: str, at: datetime) -> Outcome:
    """Reply to someone's post (`to`, its id as the feed keys it) with `text`, as a real
    reply on its network: Bluesky's `reply` refs (its thread's root and the post),
    Mastodon's `in_reply_to_id`. Logged as a `reply` line with its link."""
    network = channel.network
    part = reply_part(run, network, channel.account, to, text, at)
    if not part.count.valid:
        return Refused(network, _why_refused(part.count, network, run.words))
    try:
        refs = channel.refs(to)
        sent = channel.send(part, refs, None)
    except ChannelError as error:
        return Failed(network, error.say(run.words), 0, 1)
    _try_record(run, "reply", network=network, text=text, via="post", post=to,
                key=part.key, uri=sent.uri, url=sent.url, cid=sent.cid)
    return Posted(network, (sent.url or sent.uri,), 1)


# --- what would be sent -------------------------------------------------------------------


def preview_cue(run: Run, cue: Cue, networks: Sequence[str]) -> list[dict[str, Any]]:
    """Exactly what `publish_cue` would send, one object per network, sending nothing:
    each part's text, facets, reply refs, language and key, the card and its alt."""
    book = ledger(run.read())
    previews: list[dict[str, Any]] = []
    for network in networks:
        slot = book.of(cue.id, network)
        done = {r.part: r for r in slot.done}
        entry: dict[str, Any] = {"network": network, "cue": cue.id}
        if slot.whole:
            entry["already_posted"] = [r.url or r.uri for r in slot.done]
            entry["parts"] = []
            previews.append(entry)
            continue
        parts = plan_parts(run, cue, network, book)
        shown: list[dict[str, Any]] = []
        for part in parts:
            if part.part in done:
                continue
            item: dict[str, Any] = {
                "part": part.part, "parts": part.parts, "text": part.text,
                "length": part.count.length, "limit": part.count.limit,
                "valid": part.count.valid, "language": part.language,
            }
            open_record = slot.records.get(part.part)
            key = (open_record.key if open_record is not None and open_record.state == "open"
                   else part.key)
            if network == "bluesky":
                item["record_key"] = key
                item["facets"] = [f.as_json() for f in part.facets]
            else:
                item["idempotency_key"] = key
                item["visibility"] = "public"
            if part.part > 1:
                item["reply"] = _reply_preview(done, part.part)
            if part.card is not None:
                item["image"] = part.card.name
                item["alt"] = part.card.alt
            shown.append(item)
        entry["parts"] = shown
        previews.append(entry)
    return previews


def _reply_preview(done: dict[int, PartRecord], part: int) -> dict[str, Any]:
    def ref(number: int) -> dict[str, Any]:
        record = done.get(number)
        if record is None:
            return {"part": number}
        return {"part": number, "uri": record.uri, "cid": record.cid}

    return {"root": ref(1), "parent": ref(part - 1)}


def _why_refused(counted: Count, network: str, words: Words) -> str:
    """Why a part cannot be posted, in the plan's language, without a final full stop:
    what the platform refuses whatever the length (its counter's words), else the
    length."""
    if counted.refusal_said is not None:
        return counted.refusal_said.said_with(words)
    return words("post.over_limit", length=counted.length, limit=counted.limit,
                 network=network_name(network)).rstrip(".")
