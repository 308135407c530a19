"""The schedule: every post and question of a plan as a cue at an exact moment.

Questions without `at` are spread evenly between the opening posts (welcome, rules) and
the closing ones, as the guide suggests for a one-hour chat; a heads-up cue is derived
before each question unless the plan writes its own heads-up posts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from tui.core.plan.model import Plan, text_on

CueKind = Literal[
    "promo", "welcome", "rules", "heads-up", "question", "custom", "closing", "thanks"
]

# Among cues at the same minute, the natural posting order.
_KIND_RANK: dict[str, int] = {
    "promo": 0, "welcome": 1, "rules": 2, "heads-up": 3, "question": 4,
    "custom": 5, "closing": 6, "thanks": 7,
}

# Used when the plan has no welcome/rules (or closing) posts to anchor the questions.
DEFAULT_OPENING_MINUTES = 5
DEFAULT_CLOSING_MINUTES = 5
_GAP_AFTER_RULES = 3


@dataclass(frozen=True, slots=True)
class Cue:
    """One thing to post, at one planned moment."""

    id: str
    """Stable across edits of text and of other cues, so as-run marks survive them."""
    kind: CueKind
    offset: int
    """Minutes from the chat's start (negative before it)."""
    at: datetime
    template: str
    """The text as written in the plan, placeholders not yet filled."""
    source: str
    """The plan field it comes from, such as `questions[3]` or `posts[2]`."""
    number: int | None = None
    """The question's number, for a question or its heads-up."""
    derived: bool = False
    """True for cues tchat adds itself (heads-ups), absent from the plan file."""
    notes: str = ""
    variants: tuple[tuple[str, str], ...] = ()
    """(network, template) for each network the plan words apart (`variants`)."""

    def template_on(self, network: str) -> str:
        """The text as written for `network`: its variant there, else `template`."""
        if not self.variants:
            return self.template
        return text_on(self.template, dict(self.variants), network)


def question_offsets(plan: Plan) -> list[int]:
    """The minute of each question, in plan order: as written, or spread evenly."""
    duration = plan.chat.duration
    opening = [
        p.at for p in plan.posts if p.kind in ("welcome", "rules") and 0 <= p.at < duration
    ]
    closing = [
        p.at for p in plan.posts if p.kind in ("closing", "thanks") and 0 < p.at <= duration
    ]
    window_start = max(opening) + _GAP_AFTER_RULES if opening else DEFAULT_OPENING_MINUTES
    window_end = min(closing) if closing else duration - DEFAULT_CLOSING_MINUTES
    if window_end <= window_start:
        window_end = duration

    written = [q.at for q in plan.questions]
    result: list[int] = []
    index = 0
    while index < len(written):
        if written[index] is not None:
            result.append(written[index])  # type: ignore[arg-type]
            index += 1
            continue
        run_end = index
        while run_end < len(written) and written[run_end] is None:
            run_end += 1
        count = run_end - index
        right = written[run_end] if run_end < len(written) else window_end
        assert right is not None
        if index == 0:
            left = window_start
            step = (right - left) / count
            spots = [left + step * k for k in range(count)]
        else:
            left = result[-1]
            step = (right - left) / (count + 1)
            spots = [left + step * k for k in range(1, count + 1)]
        result.extend(int(spot) for spot in spots)
        index = run_end
    return result


def item_ids(plan: Plan) -> tuple[list[str], list[str]]:
    """The cue id of each question and each post.

    A question or post's own `id` when the plan has one. Else its positional id, the
    one cues had before plans carried their own: `q3`, and kind@offset for a post (with
    `#2`... when several posts share both), robust to edits of the text; when an
    explicit id already has that name (a question inserted before Q1 after the ids were
    written), a suffix `.2`, `.3`... keeps it apart. Deterministic: the ids the app
    writes into the plan are the ids the cues already had.
    """
    seen: dict[str, int] = {}
    post_positions = []
    for post in plan.posts:
        base = f"{post.kind}@{post.at}"
        seen[base] = seen.get(base, 0) + 1
        post_positions.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    question_positions = [f"q{n}" for n in range(1, len(plan.questions) + 1)]
    taken = {q.id for q in plan.questions if q.id} | {p.id for p in plan.posts if p.id}

    def allocate(own: str | None, positional: str) -> str:
        if own is not None:
            return own
        candidate, suffix = positional, 1
        while candidate in taken:
            suffix += 1
            candidate = f"{positional}.{suffix}"
        taken.add(candidate)
        return candidate

    questions = [allocate(q.id, pos) for q, pos in zip(plan.questions, question_positions,
                                                        strict=True)]
    posts = [allocate(p.id, pos) for p, pos in zip(plan.posts, post_positions, strict=True)]
    return questions, posts


def _heads_up_id(question_id: str, number: int) -> str:
    # Follows its question: `hu3` for `q3`, else the question's own id behind `hu-`.
    if question_id == f"q{number}":
        return f"hu{number}"
    return f"hu-{question_id}"


def build_schedule(plan: Plan, heads_up_template: str = "") -> list[Cue]:
    """Every cue of the plan in posting order.

    `heads_up_template` is the text of derived heads-ups (the plan's language decides it,
    see `tui.core.plan.guide_texts`); derived heads-ups are skipped when it is empty, when the plan
    writes its own heads-up posts, or when their minute is already taken.
    """
    start = plan.chat.start_at
    cues: list[Cue] = []
    question_ids, post_ids = item_ids(plan)
    for index, (post, cue_id) in enumerate(zip(plan.posts, post_ids, strict=True), 1):
        cues.append(Cue(
            id=cue_id, kind=post.kind, offset=post.at,
            at=start + timedelta(minutes=post.at), template=post.text,
            source=f"posts[{index}]", notes=post.notes,
            variants=tuple((post.variants or {}).items()),
        ))
    offsets = question_offsets(plan)
    for number, (question, offset) in enumerate(zip(plan.questions, offsets, strict=True), 1):
        cues.append(Cue(
            id=question_ids[number - 1], kind="question", offset=offset,
            at=start + timedelta(minutes=offset), template=question.text,
            source=f"questions[{number}]", number=number, notes=question.notes,
            variants=tuple((question.variants or {}).items()),
        ))

    lead = plan.chat.heads_up
    writes_own = any(p.kind == "heads-up" for p in plan.posts)
    if heads_up_template and lead > 0 and not writes_own:
        taken = {c.offset for c in cues if 0 <= c.offset <= plan.chat.duration}
        previous = None
        for number, offset in enumerate(offsets, 1):
            minute = offset - lead
            if minute >= 0 and minute not in taken and (previous is None or minute > previous):
                cues.append(Cue(
                    id=_heads_up_id(question_ids[number - 1], number),
                    kind="heads-up", offset=minute,
                    at=start + timedelta(minutes=minute), template=heads_up_template,
                    source="chat.heads_up", number=number, derived=True,
                ))
            previous = offset
    cues.sort(key=lambda c: (c.offset, _KIND_RANK[c.kind], c.number or 0))
    return cues


def missing_ids(plan: Plan) -> dict[str, str]:
    """The id to write for each question and post that has none, by source
    (`questions[3]`): the id its cue has already (see `item_ids`)."""
    question_ids, post_ids = item_ids(plan)
    found = {f"questions[{i}]": question_ids[i - 1]
             for i, q in enumerate(plan.questions, 1) if q.id is None}
    found |= {f"posts[{i}]": post_ids[i - 1] for i, p in enumerate(plan.posts, 1) if p.id is None}
    return found
