"""The hour at one moment: one frozen snapshot the whole run-sheet draws from.

`hour_at(plan, state, cues, now)` decides, once per second, everything the screen shows
about time: the countdown, the next cue and the next question, what is due, what was
missed, the phase and the projected end. The live-hour rules live here and nowhere else:

- **Missed promotion.** A promotion (a cue before the start) not posted is missed once
  the chat has started, or once a later promotion is due; the screen greys it and the
  selection passes over it.
- **Late promotion.** Before the start, a promotion due for more than `LATE_PROMO` is
  late: still there to copy, but no longer the next thing to post.
- **Heads-up folding.** A heads-up ("Q3 in 2 minutes") whose question is due or done is
  missed: the countdown, the selection and `d` go to the question itself.
- **Opening folding.** A welcome or rules post planned before the first question and
  not posted is missed once that question is due or done: an unposted welcome must not
  hold the countdown ("Welcome overdue by 53:42") for the whole hour. It can still be
  copied (and is marked then).
- **The moment of a cue.** For `POST_NOW` after its time, a due cue is "to post now",
  not yet late: at the start, the countdown says to post the welcome now.

Each cue's state is one of the six the cue list shows (`RowStatus`): there is no other
vocabulary for it, so what the list says and what a key decides always agree.

Everything is computed from the clock, never from ticks, in one pass over the cues: the
snapshot is what the clock tick already paid for, not more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from tui.core.plan.model import Phase, Plan
from tui.core.plan.schedule import Cue
from tui.core.run.countdown import Countdown, whole_second
from tui.core.run.runstate import RunState, effective_at, phase_at, projected_end

RowStatus = Literal["upcoming", "due", "late", "posted", "skipped", "missed"]

LATE_PROMO = timedelta(minutes=5)
"""Before the start, a promotion due for longer than this is late, not next."""
POST_NOW = timedelta(seconds=60)
"""A cue's own minute: due for less than this, it is to post now, not overdue."""
CONFIRM_AHEAD = timedelta(seconds=60)
"""A cue planned further ahead than this is copied only after a confirmation."""

OPENING_KINDS = frozenset({"welcome", "rules"})
"""The opening posts, missed once the first question is due (opening folding)."""

_OPEN: frozenset[RowStatus] = frozenset({"upcoming", "due"})


@dataclass(frozen=True, slots=True)
class Hour:
    """What the run-sheet shows at `now` (to the whole second)."""

    now: datetime
    phase: Phase
    start: datetime
    end: datetime
    """The projected end: the planned end moved by every shift."""
    countdown: Countdown
    next_cue: Cue | None
    """The cue to post next; None when nothing is left."""
    next_question: Cue | None
    """The first question neither posted nor skipped."""
    questions_total: int
    questions_left: int
    """Questions neither posted nor skipped."""
    questions_unposted: int
    over: bool
    """Past the projected end, or the chat's last cue posted or skipped."""
    statuses: Mapping[str, RowStatus]
    """Cue id -> its state at `now`."""
    times: Mapping[str, datetime]
    """Cue id -> its planned time moved by the shifts that applied to it."""
    due: tuple[Cue, ...]
    """Cues due or late, neither posted nor skipped nor missed, in schedule order."""
    asked_last: Cue | None
    """The question posted last: what people are answering now (`asked_last`)."""

    @property
    def overrun(self) -> timedelta | None:
        """How late the next cue is, once past its own minute."""
        return self.countdown.value if self.countdown.mode == "overrun" else None

    def status(self, cue_id: str) -> RowStatus:
        return self.statuses.get(cue_id, "upcoming")

    def ahead(self, cue: Cue) -> timedelta:
        """How far ahead of `now` the cue is planned (negative once due)."""
        return self.times.get(cue.id, cue.at) - self.now

    def needs_confirmation(self, cue: Cue) -> bool:
        """Copying this cue now would mark a post that is not due yet: ask first."""
        return self.status(cue.id) == "upcoming" and self.ahead(cue) > CONFIRM_AHEAD


def hour_at(plan: Plan, state: RunState, cues: Sequence[Cue], now: datetime) -> Hour:
    """The snapshot of the hour at `now`, to the whole second the header shows."""
    now = whole_second(now)
    start = plan.chat.start_at
    end = projected_end(plan, state)
    phase = phase_at(plan, state, now)
    times = {c.id: effective_at(state, c) for c in cues}
    # The latest promotion already due (posted or not) supersedes the earlier ones.
    latest_promo = max((c.offset for c in cues if c.offset < 0 and times[c.id] <= now),
                       default=None)
    questions = {c.number: c for c in cues if c.kind == "question"}
    first = min(questions.values(), key=lambda c: c.offset, default=None)
    # The offset before which an unposted opening post is missed (see the docstring).
    opening_over = (first.offset if first is not None
                    and (state.done(first.id) or times[first.id] <= now) else None)
    statuses: dict[str, RowStatus] = {}
    for cue in cues:
        statuses[cue.id] = _status(state, cue, now, start, times, latest_promo, questions,
                                   opening_over)

    next_cue = next((c for c in cues if statuses[c.id] in _OPEN), None)
    total = left = unposted = 0
    next_question: Cue | None = None
    for cue in questions.values():
        total += 1
        if cue.id not in state.posted:
            unposted += 1
            if cue.id not in state.skipped:
                left += 1
                if next_question is None:
                    next_question = cue
    in_chat = [c for c in cues if c.offset >= 0]
    asked = asked_last(state, questions.values())
    over = now >= end or (bool(in_chat) and state.done(in_chat[-1].id))
    return Hour(
        now=now, phase=phase, start=start, end=end,
        countdown=_countdown(phase, now, start, end, next_cue, times),
        next_cue=next_cue, next_question=next_question,
        questions_total=total, questions_left=left, questions_unposted=unposted,
        over=over, statuses=statuses, times=times,
        due=tuple(c for c in cues if statuses[c.id] in ("due", "late")),
        asked_last=asked,
    )


def asked_last(state: RunState, questions: Iterable[Cue]) -> Cue | None:
    """The one rule for "the question asked last": the question marked posted last, the
    later in the plan on a tie (two marked in the same second); None before the first.

    The highlight goes under it, the next-question pane counts its answers."""
    posted = state.posted
    asked = [c for c in questions if c.kind == "question" and c.id in posted]
    return max(asked, key=lambda c: (posted[c.id], c.offset), default=None)


def _status(
    state: RunState, cue: Cue, now: datetime, start: datetime,
    times: Mapping[str, datetime], latest_promo: int | None,
    questions: Mapping[int | None, Cue], opening_over: int | None,
) -> RowStatus:
    if cue.id in state.posted:
        return "posted"
    if cue.id in state.skipped:
        return "skipped"
    if (opening_over is not None and cue.kind in OPENING_KINDS
            and 0 <= cue.offset < opening_over):
        return "missed"  # folded into the first question
    if cue.kind == "heads-up" and cue.derived:
        question = questions.get(cue.number)
        if question is not None and (state.done(question.id) or times[question.id] <= now):
            return "missed"  # folded into its question
    at = times[cue.id]
    if at > now:
        return "upcoming"
    if cue.offset < 0:
        if now >= start or (latest_promo is not None and cue.offset < latest_promo):
            return "missed"
        if now - at > LATE_PROMO:
            return "late"
    return "due"


def _countdown(
    phase: Phase, now: datetime, start: datetime, end: datetime, cue: Cue | None,
    times: Mapping[str, datetime],
) -> Countdown:
    if phase == "before":
        return Countdown(phase, "to-start", start - now, cue, None)
    if phase == "after":
        return Countdown(phase, "since-end", now - end, cue, None)
    if cue is None:
        return Countdown(phase, "to-cue", end - now, None, end - now)
    at = times[cue.id]
    if at > now:
        return Countdown(phase, "to-cue", at - now, cue, end - now)
    if now - at < POST_NOW:
        return Countdown(phase, "now", now - at, cue, end - now)
    return Countdown(phase, "overrun", now - at, cue, end - now)


def shift_for(
    plan: Plan, state: RunState, cues: Sequence[Cue], now: datetime
) -> tuple[int, tuple[str, ...]] | None:
    """The shift that would absorb the current delay: seconds and the cues it moves.

    The delay is the next cue's while it is late (a folded heads-up's question's, not
    the heads-up's); once the late cue is posted, it is the delay that post was made
    with, less what the cues after it were already shifted by: Q1 posted 1:29 late
    still offers to move Q2 by 1:29, once. None when nothing runs late. Every cue of
    the chat not yet posted or skipped moves by it, so the planned spacing is kept.
    """
    hour = hour_at(plan, state, cues, now)
    if hour.phase != "during" or hour.next_cue is None:
        return None
    following = hour.next_cue
    late = int((now - hour.times[following.id]).total_seconds())
    if late <= 0:
        late = _posted_late(state, cues, following, hour.now)
    if late <= 0:
        return None
    moved = tuple(c.id for c in cues if c.offset >= 0 and not state.done(c.id))
    return late, moved


def _posted_late(state: RunState, cues: Sequence[Cue], following: Cue,
                 now: datetime) -> int:
    """Seconds the cue posted last in the chat was late by (against its own time then),
    less the shifts (`d`) that moved `following` since; 0 or less when absorbed. A
    compression that moved `following` re-planned the cues left: its times stand."""
    if any(not s.moves_end and following.id in s.cues for s in state.shifts):
        return 0
    posted = [c for c in cues if c.offset >= 0 and c.id in state.posted
              and state.posted[c.id] <= now]
    if not posted:
        return 0
    last = max(posted, key=lambda c: (state.posted[c.id], c.offset))
    delay = state.posted[last.id] - effective_at(state, last)
    # A shift made once `last` was posted moved `following`, not `last`.
    absorbed = sum(s.seconds for s in state.shifts
                   if following.id in s.cues and last.id not in s.cues)
    return int(delay.total_seconds()) - absorbed


MIN_QUESTION_GAP = timedelta(minutes=3)
"""Compress never puts two questions closer than this."""


@dataclass(frozen=True, slots=True)
class Compression:
    """Keep the end: the questions left spread over the time left (`compress`)."""

    moves: tuple[tuple[str, int], ...]
    """(cue id, seconds) for each cue that moves; a heads-up moves with its question."""
    skips: tuple[str, ...]
    """Questions that cannot fit `MIN_QUESTION_GAP` apart: the last ones."""
    times: tuple[tuple[str, datetime], ...]
    """Each question kept and its new time, in order (for the confirmation)."""
    end_move: int = 0
    """Seconds the end moves: back to the booked end after shifts (`d`), else 0."""
    end: datetime | None = None
    """The end it keeps (the booked end, or the shifted one once that is past)."""


def compression(
    plan: Plan, state: RunState, cues: Sequence[Cue], now: datetime
) -> Compression | None:
    """Spread the questions neither posted nor skipped from now (or the first one's own
    time, if later) to the first closing post still to come (or the end), evenly and
    never closer than `MIN_QUESTION_GAP`. The end kept is the booked one (guests booked
    one hour), even after shifts (`d`): the closing posts and the end go back to their
    planned times (never before now); once the booked end is past, the shifted end
    stays. Questions that cannot fit are proposed for skipping, the last ones first.
    None when there is nothing to spread or move, or the hour is not on."""
    hour = hour_at(plan, state, cues, now)
    if hour.phase != "during":
        return None
    todo = [c for c in cues if c.kind == "question" and not state.done(c.id)]
    if not todo:
        return None
    booked = plan.chat.end_at
    end = booked if booked > hour.now else hour.end
    moves: list[tuple[str, int]] = []
    closing: list[datetime] = []
    for cue in cues:
        if cue.kind not in ("closing", "thanks") or state.done(cue.id):
            continue
        target = hour.times[cue.id]
        if end == booked:  # back to its planned time with the end, never before now
            target = min(target, max(cue.at, hour.now))
            back = int((target - hour.times[cue.id]).total_seconds())
            if back:
                moves.append((cue.id, back))
        if target > hour.now:
            closing.append(target)
    limit = min([*closing, end])
    begin = max(hour.now, hour.times[todo[0].id])
    room = limit - begin
    fit = min(len(todo), max(1, int(room / MIN_QUESTION_GAP))) if room > timedelta(0) else 1
    kept, skipped = todo[:fit], todo[fit:]
    step = max(room / len(kept), MIN_QUESTION_GAP) if room > timedelta(0) else MIN_QUESTION_GAP
    heads_ups = {c.number: c for c in cues
                 if c.kind == "heads-up" and c.derived and not state.done(c.id)}
    lead = timedelta(minutes=plan.chat.heads_up)
    times: list[tuple[str, datetime]] = []
    for index, question in enumerate(kept):
        target = whole_second(begin + step * index)
        times.append((question.id, target))
        seconds = int((target - hour.times[question.id]).total_seconds())
        if seconds:
            moves.append((question.id, seconds))
        heads_up = heads_ups.get(question.number)
        if heads_up is not None:
            # Before its question by the plan's lead, never before now.
            ahead = max(target - lead, hour.now)
            moved = int((ahead - hour.times[heads_up.id]).total_seconds())
            if moved:
                moves.append((heads_up.id, moved))
    end_move = int((end - hour.end).total_seconds())
    if not moves and not skipped and not end_move:
        return None
    return Compression(tuple(moves), tuple(c.id for c in skipped), tuple(times),
                       end_move, end)
