"""What `tchat check` reports about a plan that loads: the guide's advice, as warnings and
errors a moderator can act on before the day.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.core.counting.result import Count
from tui.core.plan.drafts import DraftBook, has_tag
from tui.core.plan.guide_texts import UNWRITTEN
from tui.core.plan.model import Plan
from tui.core.plan.naming import cue_name
from tui.core.plan.networks import entry_for, handle_warning, same_network, written_for
from tui.core.plan.planfile import field_path, locate, parse_plan, parse_toml, read_plan_text
from tui.core.plan.problems import PlanError, Problem, problem
from tui.core.plan.schedule import question_offsets
from tui.core.text.controls import controls_in
from tui.core.text.placeholders import (
    KNOWN_PLACEHOLDERS,
    OPTIONAL_PLACEHOLDERS,
    placeholders_in,
    unknown_placeholders,
)
from tui.core.text.said import Said
from tui.core.text.words import Words

# The guide: a short, memorable tag; every character of it is taken from every post.
LONG_TAG = 16
MIN_QUESTIONS, MAX_QUESTIONS = 6, 10

def _is_tag_char(char: str) -> bool:
    # What X and the other platforms accept inside a hashtag: letters, marks, digits
    # and underscore, in any script.
    return char == "_" or unicodedata.category(char)[0] in ("L", "M", "N")


def tag_problems(tag: str) -> list[Said]:
    """Why `tag` is not a usable hashtag; empty when it is."""
    if not tag.startswith("#"):
        return [Said.of("check.tag_hash", tag=repr(tag))]
    body = tag[1:]
    if not body:
        return [Said.of("check.tag_only_hash")]
    bad = sorted({c for c in body if not _is_tag_char(c)})
    if bad:
        others = ", ".join(repr(c) for c in bad if c != " ")
        chars: str | Said = others
        if " " in bad:
            chars = Said.of("check.space_and", chars=others) if others else Said.of("check.space")
        return [Said.of("check.tag_chars", tag=repr(tag), chars=chars)]
    if body.isdigit() or all(c.isdigit() or c == "_" for c in body):
        return [Said.of("check.tag_digits", tag=repr(tag))]
    return []


def tag_warnings(tag: str) -> list[Said]:
    warnings = []
    body = tag[1:]
    if len(tag) > LONG_TAG:
        warnings.append(Said.of("check.tag_long", tag=repr(tag), length=len(tag),
                                limit=LONG_TAG))
    letters = [c for c in body if c.isalpha()]
    if len(letters) >= 8 and (body.islower() or body.isupper()):
        key = "check.tag_lower" if body.islower() else "check.tag_upper"
        warnings.append(Said.of(key, tag=repr(tag)))
    return warnings


def semantic_problems(plan: Plan, text: str = "", *, drafts: bool = True) -> list[Problem]:
    """Problems of a plan that loads: tag, question count, timing, placeholders, and
    (unless `drafts` is False) each draft's count and tag."""
    problems: list[Problem] = []
    chat = plan.chat
    tag_line = locate(text, ("chat", "tag"))
    problems += [Problem("error", m, "chat.tag", tag_line) for m in tag_problems(chat.tag)]
    problems += [Problem("warning", m, "chat.tag", tag_line) for m in tag_warnings(chat.tag)]

    count = len(plan.questions)
    if not MIN_QUESTIONS <= count <= MAX_QUESTIONS:
        problems.append(problem("warning", "check.question_count", "questions",
                                locate(text, ("questions",)), n=count, low=MIN_QUESTIONS,
                                high=MAX_QUESTIONS))

    if not any(g.status != "declined" for g in plan.guests):
        problems.append(problem("warning", "check.no_guest", "guests",
                                locate(text, ("guests",))))
    problems += _unfinished_problems(plan, text)
    problems += network_problems(plan, text)
    problems += _start_problems(plan, text)
    problems += _timing_problems(plan, text)
    problems += placeholder_problems(plan, text)
    # Every problem at once: an over-limit draft is worth knowing about even while a
    # placeholder elsewhere is still wrong (an unknown one is counted as written).
    if drafts:
        problems += _draft_problems(plan, text)
    return problems


def _draft_problems(plan: Plan, text: str) -> list[Problem]:
    problems: list[Problem] = []
    book = DraftBook(plan)
    tag = plan.chat.tag
    several = len(book.networks) > 1
    words = Words(plan.chat.language)  # cues named as on the plan's screen: "Rappel Q3"
    for draft in book.every_draft():
        cue = draft.cue
        network = draft.network
        where = cue.source if not cue.derived else "chat.heads_up"
        field = "text"
        if entry_for(dict(cue.variants), network) is not None:
            field = "variants"  # the network's own wording is the one at fault
        loc: tuple[str | int, ...] = ()
        if not cue.derived:
            table, index = cue.source.rstrip("]").split("[")
            loc = (table, int(index) - 1, field)
        line = locate(text, loc) if loc else None
        counted = draft.count
        name = cue_name(cue, words, draft)
        # On one network the count's own message names it; on several, every line does.
        named: str | Said = (Said.of("check.draft_on", name=name, network=network)
                             if several else name)
        if not counted.valid:
            if counted.length > counted.limit and counted.overflow_index is not None:
                fits = draft.text[:counted.overflow_index]
                shown = fits if len(fits) <= 30 else "…" + fits[-29:]
                message = Said.of("check.draft_over", name=name, length=counted.length,
                                  limit=counted.limit, network=network,
                                  over=counted.length - counted.limit, shown=repr(shown))
            else:
                message = Said.of("check.draft_refused", name=name, network=network,
                                  reason=_refusal_reason(draft.text, counted))
            problems.append(Problem(
                "error", message, f"{where}.{field}" if loc else where, line))
        if not has_tag(draft.text, tag):
            problems.append(problem("warning", "check.draft_no_tag", where, line,
                                    name=named, tag=tag))
        for note in counted.notes:
            if note is not counted.refusal_said:  # said by the error above
                problems.append(problem("warning", "check.draft_warning", where, line,
                                        name=named, warning=note))
    return problems


def _refusal_reason(text: str, counted: Count) -> str | Said:
    """Why the platform refuses a post that is not over its limit."""
    if counted.refusal_said is not None:
        return counted.refusal_said
    if not text.strip():
        return Said.of("check.empty_post")
    return Said.of("check.counts", length=counted.length, limit=counted.limit)


def _unfinished_problems(plan: Plan, text: str) -> list[Problem]:
    # `tchat new` leaves slots to fill in; a plan that still has them is not ready.
    problems = []
    markers = tuple(UNWRITTEN.values())
    for number, question in enumerate(plan.questions, 1):
        if question.text.strip().startswith(markers):
            problems.append(problem(
                "warning", "check.slot", f"questions[{number}].text",
                locate(text, ("questions", number - 1, "text")), number=number))
    for index, guest in enumerate(plan.guests, 1):
        if not guest.has_handle and guest.status != "declined":
            problems.append(problem(
                "warning", "check.guest_no_handle", f"guests[{index}].handle",
                locate(text, ("guests", index - 1)), name=repr(guest.name)))
    return problems


def network_problems(plan: Plan, text: str = "") -> list[Problem]:
    """What does not fit the plan's networks: a variant or a limit for a network the
    plan does not run on, a handle missing on one of them or not written as that
    network writes handles."""
    chat = plan.chat
    networks = chat.networks
    used = ", ".join(networks)
    problems: list[Problem] = []
    items: list[tuple[str, int, dict[str, str] | None]] = [
        *(("posts", i, p.variants) for i, p in enumerate(plan.posts)),
        *(("questions", i, q.variants) for i, q in enumerate(plan.questions)),
    ]
    for table, index, variants in items:
        for network in variants or {}:
            if not any(same_network(network, n) for n in networks):
                problems.append(problem(
                    "error", "check.variant_network", f"{table}[{index + 1}].variants",
                    locate(text, (table, index, "variants")), network=network, used=used))
    if plan.accounts is not None:
        for network in plan.accounts.networks:
            if network not in networks:
                problems.append(problem(
                    "warning", "check.account_network", f"accounts.{network}",
                    locate(text, ("accounts", network)), network=network, used=used))
    if isinstance(chat.char_limit, dict):
        for network in chat.char_limit:
            if not any(same_network(network, n) for n in networks):
                problems.append(problem(
                    "warning", "check.limit_network", "chat.char_limit",
                    locate(text, ("chat", "char_limit")), network=network, used=used))
    problems += _host_problems(plan, text)
    for index, guest in enumerate(plan.guests, 1):
        if guest.status == "declined" or not guest.has_handle:
            continue  # no handle at all is said once, by _unfinished_problems
        where, line = f"guests[{index}].handle", locate(text, ("guests", index - 1, "handle"))
        missing = [n for n in networks if not guest.handle_on(n)]
        if missing:
            problems.append(problem(
                "warning", "check.guest_missing_network", where, line,
                name=repr(guest.name), networks=", ".join(missing)))
        for network in networks:
            warning = handle_warning(written_for(guest.handle, network), network)
            if warning is not None:
                problems.append(problem("warning", "check.on_network", where, line,
                                        network=network, warning=warning))
    return problems


def _host_problems(plan: Plan, text: str) -> list[Problem]:
    chat = plan.chat
    line = locate(text, ("chat", "host"))
    problems: list[Problem] = []
    if isinstance(chat.host, dict):
        missing = [n for n in chat.networks if not chat.host_on(n)]
        if missing:
            problems.append(problem("warning", "check.host_missing_network", "chat.host", line,
                                    networks=", ".join(missing)))
    for network in chat.networks:
        warning = handle_warning(written_for(chat.host, network), network)
        if warning is not None:
            problems.append(problem("warning", "check.on_network", "chat.host", line,
                                    network=network, warning=warning))
    return problems


def _start_problems(plan: Plan, text: str) -> list[Problem]:
    chat = plan.chat
    if chat.start.tzinfo is not None or chat.timezone is None:
        return []
    # A local time on a daylight-saving change day may not exist, or exist twice.
    aware = chat.start_at
    round_trip = aware.astimezone(UTC).astimezone(chat.zone).replace(tzinfo=None)
    line = locate(text, ("chat", "start"))
    if round_trip != chat.start:
        return [problem("error", "check.start_gap", "chat.start", line,
                        start=f"{chat.start:%Y-%m-%d %H:%M}", zone=chat.timezone)]
    # The overlap is a property of the local time: an aware UTC value never has two.
    first = chat.start.replace(tzinfo=chat.zone, fold=0)
    second = chat.start.replace(tzinfo=chat.zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        used = aware.astimezone(chat.zone)
        return [problem("warning", "check.start_twice", "chat.start", line,
                        start=f"{chat.start:%Y-%m-%d %H:%M}", zone=chat.timezone,
                        first=_with_offset(first), utc=f"{used.astimezone(UTC):%H:%M}",
                        second=_with_offset(second))]
    return []


def _with_offset(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _timing_problems(plan: Plan, text: str) -> list[Problem]:
    problems: list[Problem] = []
    duration = plan.chat.duration
    offsets = question_offsets(plan)
    for number, minute in enumerate(offsets, 1):
        where = f"questions[{number}]"
        line = locate(text, ("questions", number - 1, "at"))
        if not 0 <= minute < duration:
            problems.append(problem("error", "check.question_outside", f"{where}.at", line,
                                    number=number, minute=minute, last=duration - 1))
        if number > 1 and minute < offsets[number - 2]:
            problems.append(problem("warning", "check.question_order", f"{where}.at", line,
                                    number=number, previous=number - 1, minute=minute,
                                    earlier=offsets[number - 2]))

    for index, post in enumerate(plan.posts, 1):
        line = locate(text, ("posts", index - 1, "at"))
        if post.kind in ("welcome", "rules", "heads-up", "closing") and not (
            0 <= post.at <= duration
        ):
            problems.append(problem("error", "check.post_outside", f"posts[{index}].at", line,
                                    kind=post.kind, minute=post.at, last=duration))

    during = [i for i, p in enumerate(plan.posts, 1) if p.kind == "promo" and 0 <= p.at <= duration]
    if len(during) > 2:
        problems.append(problem("warning", "check.promo_during", f"posts[{during[2]}]",
                                locate(text, ("posts", during[2] - 1)), count=len(during)))

    by_minute: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for index, post in enumerate(plan.posts, 1):
        by_minute[post.at].append(("posts", index))
    for number, minute in enumerate(offsets, 1):
        by_minute[minute].append(("questions", number))
    for minute, places in sorted(by_minute.items()):
        if len(places) > 1:
            names = [f"{table}[{index}]" for table, index in places]
            table, index = places[1]
            problems.append(problem("error", "check.same_minute", names[1],
                                    locate(text, (table, index - 1)),
                                    first=", ".join(names[:-1]), second=names[-1],
                                    minute=minute))
    return problems


def placeholder_problems(plan: Plan, text: str = "") -> list[Problem]:
    """An error for each unknown placeholder in a post or a question."""
    problems: list[Problem] = []
    fields: list[tuple[str, tuple[str | int, ...], str]] = []
    written: list[tuple[str, list[tuple[str, dict[str, str] | None]]]] = [
        ("posts", [(p.text, p.variants) for p in plan.posts]),
        ("questions", [(q.text, q.variants) for q in plan.questions]),
    ]
    for table, items in written:
        for i, (item_text, variants) in enumerate(items, 1):
            fields.append((f"{table}[{i}].text", (table, i - 1, "text"), item_text))
            fields += [(f"{table}[{i}].variants.{network}", (table, i - 1, "variants"), variant)
                       for network, variant in (variants or {}).items()]
    chat = plan.chat
    for path, loc, template in fields:
        used = placeholders_in(template)
        for name, field in OPTIONAL_PLACEHOLDERS.items():
            if name in used and not getattr(chat, field):
                # A warning, not an error: the recap's address is only known once the
                # recap is online, days after the plan is written.
                problems.append(problem("warning", "check.optional_placeholder", path,
                                        locate(text, loc), name=name, setting=field))
        problems += _unknown_placeholder_problems(template, path, locate(text, loc))
    return problems


def _unknown_placeholder_problems(template: str, path: str, line: int | None
                                  ) -> list[Problem]:
    known = ", ".join(f"{{{k}}}" for k in KNOWN_PLACEHOLDERS)
    return [problem("error", "check.unknown_placeholder", path, line, name=name, known=known)
            for name in unknown_placeholders(template)]


def raw_placeholder_problems(document: dict[str, Any], text: str) -> list[Problem]:
    """The unknown placeholders of a plan that does not load: said beside its field
    errors, so that one round of fixes is enough."""
    problems: list[Problem] = []
    for table in ("posts", "questions"):
        items = document.get(table)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            template = item.get("text")
            if isinstance(template, str):
                problems += _unknown_placeholder_problems(
                    template, f"{table}[{index + 1}].text",
                    locate(text, (table, index, "text")))
            variants = item.get("variants")
            for network, variant in (variants.items() if isinstance(variants, dict) else ()):
                if isinstance(variant, str):
                    problems += _unknown_placeholder_problems(
                        variant, f"{table}[{index + 1}].variants.{network}",
                        locate(text, (table, index, "variants")))
    return problems


def control_problems(document: dict[str, Any], text: str) -> list[Problem]:
    """A warning for each control character or bidirectional override in a text of the
    plan, with its field and code point: the run-sheet shows them as symbols and copies
    drop them, but a shared plan holding `ESC ] 52` is worth a look."""
    problems: list[Problem] = []
    for loc, value in _strings(document, ()):
        for found in controls_in(value)[:MAX_CONTROLS_PER_FIELD]:
            problems.append(problem(
                "warning", "check.bidi" if found.is_bidi else "check.control",
                field_path(loc), locate(text, loc), code=found.code_point,
                position=found.position + 1))
    return problems


# A field of 10,000 escapes says the same thing 10,000 times.
MAX_CONTROLS_PER_FIELD = 5


def _strings(
    value: object, loc: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index))


def check_file(path: Path) -> tuple[Plan | None, list[Problem]]:
    """Load and check a plan file: the plan (None when it cannot load) and every problem."""
    try:
        text = read_plan_text(path)
        document = parse_toml(text)
    except PlanError as error:
        return None, error.problems
    controls = control_problems(document, text)
    try:
        plan = parse_plan(text)
    except PlanError as error:
        return None, error.problems + raw_placeholder_problems(document, text) + controls
    return plan, (semantic_problems(plan, text) + feed_problems(plan, text, path)
                  + image_problems(plan, text, path) + controls)


def image_problems(plan: Plan, text: str, path: Path) -> list[Problem]:
    """A question card must be there, readable, of a kind and size every network of the
    plan runs on takes, and carry its alt text."""
    from tui.core.plan.images import image_problem

    networks = posting_networks(plan)
    problems: list[Problem] = []
    items: list[tuple[str, int, str | None, str]] = [
        ("questions", i, q.image, q.alt or "") for i, q in enumerate(plan.questions)]
    items += [("posts", i, p.image, p.alt or "") for i, p in enumerate(plan.posts)]
    for table, index, image, alt in items:
        where = f"{table}[{index + 1}]"
        if image is None:
            if alt:
                problems.append(problem("warning", "check.alt_without_image", f"{where}.alt",
                                        locate(text, (table, index, "alt"))))
            continue
        found = image_problem(path, image, alt, networks)
        if found is not None:
            problems.append(Problem("error", found, f"{where}.image",
                                    locate(text, (table, index, "image"))))
    return problems


def posting_networks(plan: Plan) -> tuple[str, ...]:
    """Every network a post of the plan goes to: the plan's own (an account on another
    network posts nothing, and `network_problems` says so)."""
    return plan.chat.networks


def feed_problems(plan: Plan, text: str, path: Path) -> list[Problem]:
    """The `[feed]` table's replay file must be there and be a recorded conversation."""
    feed = plan.feed
    if feed is None or feed.replay is None:
        return []
    from tui.core.feed.store import FeedFileError, read_feed

    replay = Path(feed.replay_path(path) or path)
    try:
        read_feed(replay, missing_ok=False)
    except FeedFileError as error:
        reason = str(error).split(": error: ", 1)[-1]
        return [problem("error", "check.replay", "feed.replay", locate(text, ("feed", "replay")),
                        replay=repr(feed.replay), reason=reason)]
    return []


@dataclass(frozen=True, slots=True)
class Note:
    """Not a problem: how tchat will read something of the plan (`tchat check` prints
    it as `plan.toml:5: note: chat.host: …`)."""

    said: Said
    field: str
    line: int | None


def handle_notes(plan: Plan, text: str = "") -> list[Note]:
    """How the feed will recognise the host and the guests on Mastodon, for a plan whose
    `[feed]` reads Mastodon: a server names its own accounts without their server
    (`tui.core.feed.identity`)."""
    if plan.feed is None or not plan.feed.mastodon_servers:
        return []
    people: list[tuple[str, str, tuple[str | int, ...]]] = [
        (written_for(plan.chat.host, "mastodon"), "chat.host", ("chat", "host"))]
    people += [(written_for(guest.handle, "mastodon"), f"guests[{index}].handle",
                ("guests", index - 1, "handle"))
               for index, guest in enumerate(plan.guests, 1) if guest.status != "declined"]
    notes: list[Note] = []
    for handle, field, loc in people:
        user, at, server = handle.removeprefix("@").partition("@")
        if not user or (at and handle_warning(handle, "mastodon") is not None):
            continue  # nothing to recognise, or not a handle (said as a warning)
        if not at and "." in user:
            continue  # a Bluesky handle: no Mastodon account is recognised by it
        if at:
            said = Said.of("check.note_handle", handle=handle, user=user,
                           server=server.lower(), account=f"{user}@{server.lower()}")
        else:
            said = Said.of("check.note_handle_any", handle=handle, user=user)
        notes.append(Note(said, field, locate(text, loc)))
    return notes
