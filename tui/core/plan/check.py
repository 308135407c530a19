"""What `tchat check` reports about a plan that loads: the guide's advice, as warnings and
errors a moderator can act on before the day.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.core.counting.result import Count
from tui.core.plan.drafts import DraftBook, has_tag
from tui.core.plan.guide_texts import UNWRITTEN
from tui.core.plan.model import Plan
from tui.core.plan.naming import cue_name
from tui.core.plan.planfile import field_path, locate, parse_plan, parse_toml, read_plan_text
from tui.core.plan.problems import PlanError, Problem
from tui.core.plan.schedule import question_offsets
from tui.core.text.controls import controls_in
from tui.core.text.placeholders import (
    KNOWN_PLACEHOLDERS,
    OPTIONAL_PLACEHOLDERS,
    placeholders_in,
    unknown_placeholders,
)
from tui.core.text.words import Words

# The guide: a short, memorable tag; every character of it is taken from every post.
LONG_TAG = 16
MIN_QUESTIONS, MAX_QUESTIONS = 6, 10

def _is_tag_char(char: str) -> bool:
    # What X and the other platforms accept inside a hashtag: letters, marks, digits
    # and underscore, in any script.
    return char == "_" or unicodedata.category(char)[0] in ("L", "M", "N")


def tag_problems(tag: str) -> list[str]:
    """Why `tag` is not a usable hashtag; empty when it is."""
    if not tag.startswith("#"):
        return [f"tag {tag!r} should start with '#'"]
    body = tag[1:]
    if not body:
        return ["tag is only '#': write the word after it"]
    bad = sorted({c for c in body if not _is_tag_char(c)})
    if bad:
        shown = ", ".join("space" if c == " " else repr(c) for c in bad)
        return [
            f"tag {tag!r} contains {shown}: a hashtag stops at the first character that is "
            "not a letter, digit or underscore, so the platform would link only part of it"
        ]
    if body.isdigit() or all(c.isdigit() or c == "_" for c in body):
        return [f"tag {tag!r} is only digits: platforms do not link such a hashtag"]
    return []


def tag_warnings(tag: str) -> list[str]:
    warnings = []
    body = tag[1:]
    if len(tag) > LONG_TAG:
        warnings.append(
            f"tag {tag!r} is {len(tag)} characters long: every post pays for it, "
            f"aim for {LONG_TAG} or fewer"
        )
    letters = [c for c in body if c.isalpha()]
    if len(letters) >= 8 and (body.islower() or body.isupper()):
        warnings.append(
            f"tag {tag!r} is all {'lower' if body.islower() else 'upper'} case: write it in "
            "CamelCase (each word capitalised) so screen readers read the words"
        )
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
        problems.append(Problem(
            "warning",
            f"{count} question{'s' if count != 1 else ''}: the guide advises "
            f"{MIN_QUESTIONS} to {MAX_QUESTIONS} for a one-hour chat",
            "questions", locate(text, ("questions",)),
        ))

    if not any(g.status != "declined" for g in plan.guests):
        problems.append(Problem(
            "warning",
            "the plan has no guest: the guide suggests inviting 2 or 3 (the posts are "
            "worded without them)",
            "guests", locate(text, ("guests",)),
        ))
    problems += _unfinished_problems(plan, text)
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
    english = Words("en")  # check speaks English; cues are named as on the English screen
    for draft in book.drafts:
        cue = draft.cue
        where = cue.source if not cue.derived else "chat.heads_up"
        loc: tuple[str | int, ...] = ()
        if not cue.derived:
            table, index = cue.source.rstrip("]").split("[")
            loc = (table, int(index) - 1, "text")
        line = locate(text, loc) if loc else None
        counted = draft.count
        name = cue_name(cue, english, draft)
        if not counted.valid:
            if counted.length > counted.limit and counted.overflow_index is not None:
                fits = draft.text[:counted.overflow_index]
                shown = fits if len(fits) <= 30 else "…" + fits[-29:]
                message = (
                    f"{name} is {counted.length}/{counted.limit} on {plan.chat.platform}: "
                    f"{counted.length - counted.limit} too many; the post fits up to "
                    f"{shown!r}"
                )
            else:
                message = (f"{name} cannot be posted on {plan.chat.platform}: "
                           f"{_refusal_reason(draft.text, counted)}")
            problems.append(Problem("error", message, f"{where}.text" if loc else where, line))
        if not has_tag(draft.text, tag):
            problems.append(Problem(
                "warning",
                f"{name} does not carry {tag}: the guide says to use the tag in every post",
                where, line,
            ))
        for warning in counted.warnings:
            if warning != counted.refusal:  # said by the error above
                problems.append(Problem("warning", f"{name}: {warning}", where, line))
    return problems


def _refusal_reason(text: str, counted: Count) -> str:
    """Why the platform refuses a post that is not over its limit."""
    if counted.refusal is not None:
        return counted.refusal.rstrip(".")
    if not text.strip():
        return "the post is empty"
    return f"it counts {counted.length}/{counted.limit}"


def _unfinished_problems(plan: Plan, text: str) -> list[Problem]:
    # `tchat new` leaves slots to fill in; a plan that still has them is not ready.
    problems = []
    markers = tuple(UNWRITTEN.values())
    for number, question in enumerate(plan.questions, 1):
        if question.text.strip().startswith(markers):
            problems.append(Problem(
                "warning", f"Q{number} is still a slot from `tchat new`: write the question",
                f"questions[{number}].text", locate(text, ("questions", number - 1, "text")),
            ))
    for index, guest in enumerate(plan.guests, 1):
        if not guest.handle and guest.status != "declined":
            problems.append(Problem(
                "warning",
                f"guest {guest.name!r} has no handle: posts will name them without "
                "mentioning them, so they will not be notified",
                f"guests[{index}].handle", locate(text, ("guests", index - 1)),
            ))
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
        return [Problem(
            "error",
            f"start {chat.start:%Y-%m-%d %H:%M} does not exist in {chat.timezone} "
            "(the clocks jump forward that night): pick another time",
            "chat.start", line,
        )]
    # The overlap is a property of the local time: an aware UTC value never has two.
    first = chat.start.replace(tzinfo=chat.zone, fold=0)
    second = chat.start.replace(tzinfo=chat.zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        used = aware.astimezone(chat.zone)
        return [Problem(
            "warning",
            f"start {chat.start:%Y-%m-%d %H:%M} happens twice in {chat.timezone} (the clocks "
            f"go back that night): tchat uses the first one, {_with_offset(first)} "
            f"({used.astimezone(UTC):%H:%M} UTC); for the second one write "
            f"start = {_with_offset(second)}",
            "chat.start", line,
        )]
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
            problems.append(Problem(
                "error",
                f"Q{number} is at minute {minute}, outside the chat (0 to {duration - 1})",
                f"{where}.at", line,
            ))
        if number > 1 and minute < offsets[number - 2]:
            problems.append(Problem(
                "warning",
                f"Q{number} is planned before Q{number - 1} (minute {minute} < "
                f"{offsets[number - 2]}): questions are numbered in file order",
                f"{where}.at", line,
            ))

    for index, post in enumerate(plan.posts, 1):
        line = locate(text, ("posts", index - 1, "at"))
        if post.kind in ("welcome", "rules", "heads-up", "closing") and not (
            0 <= post.at <= duration
        ):
            problems.append(Problem(
                "error",
                f"the {post.kind} post is at minute {post.at}, outside the chat "
                f"(0 to {duration})",
                f"posts[{index}].at", line,
            ))

    during = [i for i, p in enumerate(plan.posts, 1) if p.kind == "promo" and 0 <= p.at <= duration]
    if len(during) > 2:
        problems.append(Problem(
            "warning",
            f"{len(during)} promotion posts during the chat: the guide warns against "
            "excessive self-promotion (two at most)",
            f"posts[{during[2]}]", locate(text, ("posts", during[2] - 1)),
        ))

    by_minute: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for index, post in enumerate(plan.posts, 1):
        by_minute[post.at].append(("posts", index))
    for number, minute in enumerate(offsets, 1):
        by_minute[minute].append(("questions", number))
    for minute, places in sorted(by_minute.items()):
        if len(places) > 1:
            names = [f"{table}[{index}]" for table, index in places]
            table, index = places[1]
            problems.append(Problem(
                "error",
                f"{' and '.join(names)} are both at minute {minute}: one post at a time, "
                "move one of them",
                names[1], locate(text, (table, index - 1)),
            ))
    return problems


def placeholder_problems(plan: Plan, text: str = "") -> list[Problem]:
    """An error for each unknown placeholder in a post or a question."""
    problems: list[Problem] = []
    fields = [(f"posts[{i}].text", ("posts", i - 1, "text"), p.text)
              for i, p in enumerate(plan.posts, 1)]
    fields += [(f"questions[{i}].text", ("questions", i - 1, "text"), q.text)
               for i, q in enumerate(plan.questions, 1)]
    chat = plan.chat
    for path, loc, template in fields:
        used = placeholders_in(template)
        for name, field in OPTIONAL_PLACEHOLDERS.items():
            if name in used and not getattr(chat, field):
                # A warning, not an error: the recap's address is only known once the
                # recap is online, days after the plan is written.
                problems.append(Problem(
                    "warning",
                    f"{{{name}}} is not set yet: add {field} = … to [chat] before this "
                    "post goes out, or it shows as written",
                    path, locate(text, loc),
                ))
        problems += _unknown_placeholder_problems(template, path, locate(text, loc))
    return problems


def _unknown_placeholder_problems(template: str, path: str, line: int | None
                                  ) -> list[Problem]:
    return [Problem(
        "error",
        f"unknown placeholder {{{name}}}: known ones are "
        + ", ".join(f"{{{k}}}" for k in KNOWN_PLACEHOLDERS)
        + " (write {{ and }} for literal braces)",
        path, line,
    ) for name in unknown_placeholders(template)]


def raw_placeholder_problems(document: dict[str, Any], text: str) -> list[Problem]:
    """The unknown placeholders of a plan that does not load: said beside its field
    errors, so that one round of fixes is enough."""
    problems: list[Problem] = []
    for table in ("posts", "questions"):
        items = document.get(table)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            template = item.get("text") if isinstance(item, dict) else None
            if isinstance(template, str):
                problems += _unknown_placeholder_problems(
                    template, f"{table}[{index + 1}].text",
                    locate(text, (table, index, "text")))
    return problems


def control_problems(document: dict[str, Any], text: str) -> list[Problem]:
    """A warning for each control character or bidirectional override in a text of the
    plan, with its field and code point: the run-sheet shows them as symbols and copies
    drop them, but a shared plan holding `ESC ] 52` is worth a look."""
    problems: list[Problem] = []
    for loc, value in _strings(document, ()):
        for found in controls_in(value)[:MAX_CONTROLS_PER_FIELD]:
            what = ("bidirectional control (it reorders the text around it)" if found.is_bidi
                    else "control character")
            problems.append(Problem(
                "warning",
                f"holds a {what} {found.code_point} at character {found.position + 1}: "
                "shown as a symbol, dropped from copies; remove it",
                field_path(loc), locate(text, loc),
            ))
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
    plan takes (its platform and its accounts), and carry its alt text."""
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
                problems.append(Problem("warning", "alt text without an image: add image = "
                                        "\"card.png\" or remove alt", f"{where}.alt",
                                        locate(text, (table, index, "alt"))))
            continue
        problem = image_problem(path, image, alt, networks)
        if problem:
            problems.append(Problem("error", problem, f"{where}.image",
                                    locate(text, (table, index, "image"))))
    return problems


def posting_networks(plan: Plan) -> tuple[str, ...]:
    """Every network a post of the plan goes to: its platform's, and its accounts'."""
    networks: list[str] = [plan.chat.platform]
    if plan.accounts is not None:
        networks += [n for n in plan.accounts.networks if n not in networks]
    return tuple(networks)


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
        return [Problem("error", f"{feed.replay!r} (beside the plan) {reason}",
                        "feed.replay", locate(text, ("feed", "replay")))]
    return []
