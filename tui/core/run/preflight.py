"""Pre-flight: what is late or still open before the chat starts, and what to do first.

A plan can be valid and still behind: the two-weeks promotion never went out, a guest
never confirmed, the questions were never sent. `tchat check` (and `tchat new` for a
chat that starts soon) say so from the clock, which is passed in: the same plan and
moment always give the same pre-flight.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.plan.model import ChecklistItem, Guest, Language, Plan
from tui.core.plan.networks import network_name
from tui.core.plan.schedule import Cue, build_schedule
from tui.core.run.checklist import is_overdue
from tui.core.text.clean import one_line
from tui.core.text.typography import NBSP
from tui.core.text.words import Words
from tui.core.timing.zones import clock_in_zone, offset_label


@dataclass(frozen=True, slots=True)
class Task:
    """One checklist item with the moment it is due."""

    item: ChecklistItem
    due_at: datetime


@dataclass(frozen=True, slots=True)
class Preflight:
    now: datetime
    start: datetime
    late_promotions: tuple[Cue, ...]
    """Promotions whose moment has passed, neither marked posted nor skipped, in order."""
    invited: tuple[Guest, ...]
    """Guests still `invited`: not confirmed yet."""
    without_handle: tuple[Guest, ...]
    """Guests taking part who have no handle: posts cannot mention them."""
    overdue: tuple[Task, ...]
    """"before" checklist items not done whose due moment has passed, oldest first."""
    upcoming: Cue | Task | None
    """The next promotion or "before" task still ahead, when nothing is late."""

    @property
    def left(self) -> timedelta:
        return self.start - self.now

    @property
    def started(self) -> bool:
        return self.now >= self.start

    @property
    def first(self) -> Cue | Task | Guest | None:
        """The first thing to do now.

        The latest late promotion first: it is still worth posting, and the ones before
        it have been overtaken by it. Then the oldest overdue task, then a guest to
        confirm; when nothing is late, the next step ahead.
        """
        if self.late_promotions:
            return self.late_promotions[-1]
        if self.overdue:
            return self.overdue[0]
        if self.invited:
            return self.invited[0]
        return self.upcoming

    @property
    def clear(self) -> bool:
        return not (self.late_promotions or self.invited or self.without_handle
                    or self.overdue)


def past_promotions(plan: Plan, now: datetime, done: Collection[str] = ()) -> list[Cue]:
    """The promotion cues whose moment is `now` or earlier, except those in `done`."""
    return [
        cue for cue in build_schedule(plan)
        if cue.kind == "promo" and cue.at <= now and cue.id not in done
        and cue.offset < 0
    ]


def preflight(plan: Plan, now: datetime, done: Collection[str] = ()) -> Preflight:
    """The pre-flight of `plan` at `now` (aware); `done` holds the cue ids the as-run
    log marked posted or skipped."""
    start = plan.chat.start_at
    late = past_promotions(plan, now, done)
    tasks = sorted(
        (Task(item, start + timedelta(minutes=item.due)) for item in plan.checklist
         if item.phase == "before" and not item.done and item.due is not None),
        key=lambda task: task.due_at,
    )
    # The run-sheet's rule (`checklist.is_overdue`): a task in its own minute is not late.
    overdue = tuple(task for task in tasks if is_overdue(task.item, False, start, now))
    ahead: list[tuple[datetime, Cue | Task]] = [
        (cue.at, cue) for cue in build_schedule(plan)
        if cue.kind == "promo" and cue.offset < 0 and cue.at > now and cue.id not in done
    ]
    ahead += [(task.due_at, task) for task in tasks
              if not is_overdue(task.item, False, start, now)]
    ahead.sort(key=lambda pair: pair[0])
    taking_part = [g for g in plan.guests if g.status != "declined"]
    return Preflight(
        now=now,
        start=start,
        late_promotions=tuple(late),
        invited=tuple(g for g in plan.guests if g.status == "invited"),
        without_handle=tuple(g for g in taking_part
                             if not all(g.handle_on(n) for n in plan.chat.networks)),
        overdue=overdue,
        upcoming=ahead[0][1] if ahead else None,
    )


def time_left(delta: timedelta, language: Language) -> str:
    """ "1 j 19 h 30 min", "26 min": what is left, to the minute, largest units first.

    In French one value a line never splits: no-break spaces throughout, where an
    ordinary space let "dans 1 j 19 h / 30 min" break."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} {'j' if language == 'fr' else 'd'}")
    if hours:
        parts.append(f"{hours} h")
    if minutes or not parts:
        parts.append(f"{minutes} min")
    text = " ".join(parts)
    return text.replace(" ", NBSP) if language == "fr" else text


def _promotion(cue: Cue, language: Language) -> str:
    return offset_label(cue.offset, language)


def _step(thing: Cue | Task | Guest, check: Preflight, plan: Plan, language: Language) -> str:
    zone = plan.chat.zone
    if isinstance(thing, Guest):
        return Words(language)("preflight.do_confirm", name=thing.name)
    if isinstance(thing, Task):
        when = clock_in_zone(thing.due_at, zone, language, reference=check.now, held=True)
        key = "preflight.do_task" if thing.due_at <= check.now else "preflight.next_task"
        return Words(language)(key, text=one_line(thing.item.text), when=when)
    when = clock_in_zone(thing.at, zone, language, reference=check.now, held=True)
    key = "preflight.do_promo" if thing.at <= check.now else "preflight.next_promo"
    return Words(language)(key, offset=_promotion(thing, language), when=when)


def _without_handle(guest: Guest, plan: Plan) -> str:
    """ "Guest 1", or "Guest 1 (Bluesky)" for a guest with handles on some networks."""
    name = one_line(guest.name)
    missing = [n for n in plan.chat.networks if not guest.handle_on(n)]
    if not guest.has_handle or len(missing) == len(plan.chat.networks):
        return name
    return f"{name} ({', '.join(dict.fromkeys(network_name(n) for n in missing))})"


def preflight_lines(check: Preflight, plan: Plan) -> list[str]:
    """The pre-flight in a few lines of the plan's language; empty once the chat began."""
    if check.started:
        return []
    language = plan.chat.language
    words = Words(language)
    lines = [words("preflight.title", left=time_left(check.left, language))]
    if check.late_promotions:
        lines.append(words(
            "preflight.late",
            offsets=", ".join(_promotion(c, language) for c in check.late_promotions),
        ))
    if check.invited:
        names = ", ".join(one_line(g.name) for g in check.invited)
        lines.append(words("preflight.invited", names=names))
    if check.without_handle:
        names = ", ".join(_without_handle(g, plan) for g in check.without_handle)
        lines.append(words("preflight.no_handle", names=names))
    for task in check.overdue:
        lines.append(words(
            "preflight.overdue", text=one_line(task.item.text),
            offset=offset_label(task.item.due or 0, language),
        ))
    if check.clear:
        lines.append(words("preflight.clear"))
    first = check.first
    if first is not None:
        lines.append(words("preflight.first", step=_step(first, check, plan, language)))
    return lines
