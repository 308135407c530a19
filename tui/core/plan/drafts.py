"""Ready-to-paste drafts: each cue's text with placeholders filled, its label, the tag,
and the count the platform's own composer will show.

A plan on several networks has every draft once per network, each with its own wording
(the post's `variants`, the handles of that network) and its own count and limit:

    book = DraftBook(plan)
    book.networks                      # ("x", "bluesky", "mastodon"): the plan's order
    book.drafts_on("bluesky")          # every draft on Bluesky, in posting order
    book.drafts_of(cue.id, "bluesky")  # one cue's draft there (a thread: its parts)

`drafts`, `drafts_for`, `text_for` and `count` without a network speak of the plan's
first network, as they did when a plan had one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import tzinfo
from functools import cached_property

from tui.core.counting import Count, count
from tui.core.plan.guide_texts import heads_up_template
from tui.core.plan.model import Guest, Language, Plan
from tui.core.plan.schedule import Cue, build_schedule
from tui.core.text.controls import for_copy, index_in
from tui.core.text.guestwording import for_guests
from tui.core.text.placeholders import fill
from tui.core.text.typography import french_post
from tui.core.timing.dates import long_datetime, short_time, start_line

ANSWER_LETTER = {"fr": "R", "en": "A"}
# Kinds whose overflowing text is split into a numbered thread rather than reported:
# a thank-you naming every guest grows with the guest list, not with the writer's words.
THREADABLE = frozenset({"thanks"})


@dataclass(frozen=True, slots=True)
class Draft:
    """One post as it will be pasted, with its count."""

    cue: Cue
    text: str
    count: Count
    part: int | None = None
    parts: int | None = None

    @property
    def id(self) -> str:
        """The cue's id, plus the part for a thread (`thanks@58/2`)."""
        return self.cue.id if self.part is None else f"{self.cue.id}/{self.part}"

    @property
    def network(self) -> str:
        """The network this draft is worded and counted for."""
        return self.count.platform


def has_tag(text: str, tag: str) -> bool:
    """True when `text` carries `tag` as a whole hashtag, in any letter case."""
    pattern = re.escape(tag) + r"(?![\w])"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def with_tag(text: str, tag: str) -> str:
    """`text` ending with the tag, added once, on the last line, never split."""
    if has_tag(text, tag):
        return text
    stripped = text.rstrip()
    return f"{stripped} {tag}" if stripped else tag


class DraftBook:
    """All drafts of a plan, on each of its networks, each computed once."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        language = plan.chat.language
        self.answer = ANSWER_LETTER[language]
        self.cues = build_schedule(plan, heads_up_template(language))
        self.networks: tuple[str, ...] = plan.chat.networks
        """The plan's networks, in its order."""
        self.network = self.networks[0]
        """The first network: what the calls that name none speak of."""
        self._question_at = {c.number: c for c in self.cues if c.kind == "question"}
        self._common: dict[str, dict[str, str]] = {}
        self._on: dict[str, tuple[Draft, ...]] = {}
        self._of: dict[str, dict[str, tuple[Draft, ...]]] = {}
        self._per_cue: dict[str, list[tuple[Draft, ...]]] = {}

    @property
    def common_values(self) -> dict[str, str]:
        """The placeholders' values that do not depend on the cue, on the first network."""
        return self.common_values_on(self.network)

    def common_values_on(self, network: str) -> dict[str, str]:
        """The same on `network`: `{host}` and `{guests}` name that network's handles."""
        values = self._common.get(network)
        if values is None:
            values = self._common[network] = self._common_values(network)
        return values

    def _common_values(self, network: str) -> dict[str, str]:
        chat = self.plan.chat
        language = chat.language
        guests = [g for g in self.plan.guests if g.status != "declined"]
        zone = chat.zone
        values = self._chat_values(guests, zone, language, network)
        # Left out until set, so "{recap_url}" shows in the draft rather than nothing.
        if chat.next_at is not None:
            values["next"] = long_datetime(chat.next_at, zone, language)
        if chat.recap_url:
            values["recap_url"] = chat.recap_url
        return values

    def _chat_values(
        self, guests: list[Guest], zone: tzinfo, language: Language, network: str
    ) -> dict[str, str]:
        chat = self.plan.chat
        handles = [g.handle_on(network) for g in guests]
        return {
            "tag": chat.tag,
            "title": chat.title,
            "topic": chat.topic or chat.title,
            "host": chat.host_on(network),
            # Handles read well side by side; plain names need commas between them. A
            # guest without a handle on this network is named there.
            "guests": (" " if all(handles) else ", ").join(
                handle or guest.name for guest, handle in zip(guests, handles, strict=True)
            ),
            "start": long_datetime(chat.start_at, zone, language),
            "zones": start_line(chat.start_at, zone, chat.audience_timezones, language,
                                every_zone=True),
            "time": short_time(chat.start_at, zone, language),
            "end": short_time(chat.end_at, zone, language),
            "duration": str(chat.duration),
            "count": str(len(self.plan.questions)),
            "answer": self.answer,
        }

    def values_for(self, cue: Cue, network: str | None = None) -> dict[str, str]:
        values = dict(self.common_values_on(network or self.network))
        number = cue.number
        if number is None and cue.kind not in ("question", "heads-up"):
            # A post is "about" the next question after it (a custom post before Q4).
            following = [c for c in self.cues if c.kind == "question" and c.offset >= cue.offset]
            number = following[0].number if following else None
        if number is not None:
            values["n"] = str(number)
            values["q"] = f"Q{number}"
            values["a"] = f"{self.answer}{number}"
            question = self._question_at.get(number)
            if question is not None:
                values["minutes"] = str(max(question.offset - cue.offset, 0))
        return values

    @cached_property
    def guest_count(self) -> int:
        return sum(1 for g in self.plan.guests if g.status != "declined")

    def text_for(self, cue: Cue, network: str | None = None) -> str:
        """The cue's text as pasted on `network` (the first one when None)."""
        network = network or self.network
        template = for_guests(cue.template_on(network), self.guest_count,
                              self.plan.chat.language)
        text = fill(template, self.values_for(cue, network)).strip()
        if cue.kind == "question":
            label = f"Q{cue.number}"
            if not re.match(rf"{label}\b", text, flags=re.IGNORECASE):
                text = f"{label} {text}"
        if self._adds_tag(cue):
            text = with_tag(text, self.plan.chat.tag)
        # French no-break spaces, on the plan's own words too ("Q1 : …" typed with a
        # plain space); the plan file itself is left as written.
        return french_post(text, self.plan.chat.language)

    def _adds_tag(self, cue: Cue) -> bool:
        if cue.derived or cue.kind == "question":
            return True
        index = int(cue.source.removeprefix("posts[").rstrip("]")) - 1
        return self.plan.posts[index].add_tag

    def threads(self, cue: Cue) -> bool:
        """Whether an overflowing text of `cue` becomes a numbered thread: a thank-you,
        or a post that says `thread = true`."""
        if cue.kind in THREADABLE:
            return True
        if cue.derived or cue.kind == "question":
            return False
        index = int(cue.source.removeprefix("posts[").rstrip("]")) - 1
        return self.plan.posts[index].thread is True

    def count(self, text: str, network: str | None = None) -> Count:
        """`text` counted as `network` (the first one when None) counts it, against the
        plan's limit there: what `tchat count --platform NETWORK --limit N` says.

        Counted as it is copied and posted (`for_copy`: its control characters
        dropped), so the cue list, the editor and the platform's composer agree; the
        count's positions are the text's as given (shown one for one)."""
        network = network or self.network
        copied = for_copy(text)
        counted = count(copied, network, limit=self.plan.chat.limit_on(network))
        if copied == text:
            return counted
        overflow, invalid = counted.overflow_index, counted.invalid_index
        return counted._replace(
            overflow_index=None if overflow is None else index_in(text, overflow),
            invalid_index=None if invalid is None else index_in(text, invalid))

    def drafts_for(self, cue: Cue, network: str | None = None) -> list[Draft]:
        """The cue's draft on `network` (the first one when None); a text too long for it
        comes as the parts of a thread when the cue threads (see `threads`)."""
        network = network or self.network
        text = self.text_for(cue, network)
        counted = self.count(text, network)
        if counted.valid or not self.threads(cue):
            return [Draft(cue, text, counted)]
        language = self.plan.chat.language
        # Splitting works on words, and a no-break space separates none: set them again.
        parts = [
            french_post(part, language)
            for part in split_thread(text, self.plan.chat.tag,
                                     lambda t: self.count(t, network))
        ]
        return [
            Draft(cue, part, self.count(part, network), index, len(parts))
            for index, part in enumerate(parts, 1)
        ]

    @cached_property
    def drafts(self) -> list[Draft]:
        """Every draft on the first network, in posting order (thread parts in a row)."""
        return list(self.drafts_on(self.network))

    def drafts_on(self, network: str) -> tuple[Draft, ...]:
        """Every draft on `network`, in posting order (thread parts in a row); computed
        once per network."""
        drafts = self._on.get(network)
        if drafts is None:
            per_cue = [tuple(self.drafts_for(cue, network)) for cue in self.cues]
            self._per_cue[network] = per_cue
            self._of[network] = {}
            for cue, parts in zip(self.cues, per_cue, strict=True):
                self._of[network].setdefault(cue.id, parts)
            drafts = self._on[network] = tuple(d for parts in per_cue for d in parts)
        return drafts

    def drafts_by_cue(self, network: str) -> list[tuple[Draft, ...]]:
        """Each cue's drafts on `network` (a thread: its parts), in the order of `cues`."""
        self.drafts_on(network)
        return self._per_cue[network]

    def drafts_of(self, cue_id: str, network: str) -> tuple[Draft, ...]:
        """One cue's draft on `network` (a thread: its parts, one draft otherwise);
        empty for an id that is no cue of the plan."""
        self.drafts_on(network)
        return self._of[network].get(cue_id, ())

    def every_draft(self) -> Iterator[Draft]:
        """Every draft on every network: cue by cue in posting order, each cue on the
        plan's networks in their order."""
        for network in self.networks:
            self.drafts_on(network)
        for index in range(len(self.cues)):
            for network in self.networks:
                yield from self._per_cue[network][index]


def split_thread(text: str, tag: str, count_of: Callable[[str], Count]) -> list[str]:
    """Split `text` into numbered parts (`… #Tag 1/3`), each within the limit.

    Words are never cut (a handle stays whole); each part carries the tag. Parts are
    filled greedily against the widest suffix for a count of d digits (`99/99`), trying
    d = 1, 2, ...: one pass per digit, so the time grows with the text, not its square
    (a 20,000-word thank-you once took `tchat check` 43 s). A real suffix is never wider
    than its placeholder, so every part filled against it still fits.
    """
    body = re.sub(rf"{re.escape(tag)}(?![\w])", " ", text, flags=re.IGNORECASE)
    words = body.split()
    for digits in range(1, len(str(max(len(words), 1))) + 1):
        widest = "9" * digits
        parts: list[str] = []
        current: list[str] = []
        for word in words:
            candidate = " ".join([*current, word])
            if current and not count_of(f"{candidate} {tag} {widest}/{widest}").valid:
                parts.append(" ".join(current))
                current = [word]
            else:
                current.append(word)
        if current:
            parts.append(" ".join(current))
        if len(parts) < 10**digits:
            finished = [_part(p, tag, i, len(parts)) for i, p in enumerate(parts, 1)]
            if all(count_of(p).valid for p in finished):
                return finished
            break
    return [text]


def _part(body: str, tag: str, index: int, total: int) -> str:
    return f"{body} {tag} {index}/{total}"
