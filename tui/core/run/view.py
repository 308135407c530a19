"""One frozen view of the run per frame: the only thing the run-sheet's widgets read.

`RunDesk.view(now)` makes it from `hour_at` (the hour's rules: what is due, late,
missed, the countdown) and adds what each pane shows, already decided and worded: each
row's state in the one vocabulary the cue list shows (`RowStatus`), its time and name;
the checklist with its one overdue rule (`tui.core.run.checklist`); the next question;
what the conversation says (answers per question, drafts seen published); the banners
(this window follows another, the log cannot be written, the plan file is gone).
A widget draws its slice of it and never asks the session anything, so two panes can
never disagree about the same moment.

The strings that do not change from one second to the next (a row's name, a time
already written) are kept by `ViewMaker` between frames: a frame costs what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Literal

from tui.core.plan.glance import ChatFacts
from tui.core.plan.model import Phase, Plan
from tui.core.plan.naming import cue_name
from tui.core.plan.networks import network_letter, network_name
from tui.core.run.checklist import (
    ITEM_OWN_MINUTE,
    ChecklistEntry,
    checklist_groups,
    due_at,
)
from tui.core.run.countdown import Countdown
from tui.core.run.hour import Hour, RowStatus
from tui.core.run.plansource import Row
from tui.core.run.posting import Posting
from tui.core.run.roomtalk import RoomFrame, RoomTalk
from tui.core.run.runstate import RunState
from tui.core.run.session import Session
from tui.core.run.tabs import Tabs
from tui.core.text.clean import safe_url
from tui.core.text.words import Words
from tui.core.timing.clock import SimulatedClock
from tui.core.timing.clocktime import chat_clock_time, clock_time, exact_clock_time
from tui.core.timing.dates import start_line

ChecklistGroups = tuple[tuple[Phase, tuple[ChecklistEntry, ...]], ...]

RETRY_SECONDS = 2
"""How often the plan file is looked at and what the log could not take is written
again (every other heartbeat, `tui.widgets.heartbeat`); the banner says it."""


MarkState = Literal["posted", "skipped", "posting", "failed", "due", "todo", "missed",
                    "absent"]


@dataclass(frozen=True, slots=True)
class NetworkMark:
    """A row on one network of a plan that runs on several: `X ✓ B ✓ M ·`."""

    network: str
    place: int
    """Its place in the plan's `platforms`, from 1: the key that shows it."""
    letter: str
    name: str
    state: MarkState
    """Posted or skipped there, on its way, failed, still to do (`due` once the cue is
    due or late), missed with the cue, or `absent`: a part of a thread this network
    does not have."""
    link: str | None = None
    """The post tchat published there (`P`)."""
    over: bool = False
    """The draft there is over that network's limit."""


@dataclass(frozen=True, slots=True)
class RowView:
    """One row of the cue list (and the draft pane, when selected)."""

    row: Row
    status: RowStatus
    time: str
    """Its time, moved by the shifts: "18:12", or "J-1 18:00" on another day."""
    label: str
    """Its name: "Q3", "Rappel Q3", "Merci 1/2"."""
    posted: str
    """When it was marked posted ("18:12"); "" unless posted."""
    extra: tuple[str, ...] = ()
    """What the conversation says of it: a question's answers, in shorter and shorter
    words ("161 answers from 60 people", "161 answers · 60 people"…): the cue list
    shows the longest that fits."""
    seen: bool = False
    """The feed saw the host's account publish its draft ("✓ seen published")."""
    link: str | None = None
    """The post seen publishing its draft, or the one tchat posted (the row links to
    it)."""
    marks: tuple[NetworkMark, ...] = ()
    """Its state on each network, in the plan's order; empty on a plan with one."""
    posting: bool = False
    """tchat is posting it now (`P`)."""
    posts: tuple[str, ...] = ()
    """What posting did with it, a line per network: its link, or why it failed."""

    @property
    def id(self) -> str:
        return self.row.id

    def mark(self, network: str) -> NetworkMark | None:
        return next((m for m in self.marks if m.network == network), None)


@dataclass(frozen=True, slots=True)
class CountdownView:
    value: Countdown
    label: str
    """The name of the cue counted to ("Q3")."""
    start: str
    end: str
    cue_at: str
    """The cue's time ("18:12")."""


@dataclass(frozen=True, slots=True)
class NextView:
    """The top right pane: the next question, or what became of them all."""

    over: bool
    number: int | None
    """The next question's number; None when none is left."""
    left: int
    total: int
    unposted: int
    when: str
    """ "prévue à 18:12", "déplacée à 18:14", or the start in every audience zone."""
    text: str
    answers: str
    """The pace of the question asked last, "Q3 · 14 answers from 9 people · 4/min,
    slowing" (or its answers alone, before a pace can be said); "" without a
    conversation."""


@dataclass(frozen=True, slots=True)
class Banners:
    """The lines that stay for as long as their cause does; None when it does not."""

    following: str | None = None
    following_key_first: str | None = None
    """The same, its key first: for a banner too narrow for the whole sentence."""
    cannot_write: str | None = None
    plan_gone: str | None = None


@dataclass(frozen=True, slots=True)
class HeaderView:
    chat: ChatFacts
    now: datetime
    end: datetime
    rehearsal: bool
    speed: float | None
    """A rehearsal's simulated speed; None on the real clock."""
    paused: bool


@dataclass(frozen=True, slots=True)
class RunView:
    hour: Hour
    rows: tuple[RowView, ...]
    by_id: Mapping[str, RowView]
    generation: int
    """Grows when the rows are built again (a plan reloaded, a template saved): the cue
    list is made again then, and only then."""
    header: HeaderView
    countdown: CountdownView
    next: NextView
    checklist: ChecklistGroups
    banners: Banners
    room: RoomFrame
    """The conversation of this frame: the room's lists, answers per question, the
    drafts seen published (`RoomFrame.published`), the sources' status line."""

    @property
    def feed_status(self) -> str:
        return self.room.status
    network: str = ""
    """The network the draft pane shows (`1`-`4` pick it), when the row has it."""
    networks: tuple[str, ...] = ()
    """The plan's networks, in its order."""

    @property
    def now(self) -> datetime:
        return self.hour.now

    def network_for(self, row: RowView) -> str:
        """The network the draft pane shows for `row`: the one picked, or the first
        that has the row (a part of a thread some networks do not have)."""
        networks = row.row.networks
        if not networks or self.network in networks:
            return self.network
        return networks[0]

    @property
    def next_id(self) -> str | None:
        cue = self.hour.next_cue
        return cue.id if cue is not None else None

    def row(self, row_id: str | None) -> RowView | None:
        return self.by_id.get(row_id) if row_id is not None else None


@lru_cache(maxsize=8)
def start_in_zones(start: datetime, zone: tzinfo, audience: tuple[str, ...],
                   language: str) -> str:
    # Cached: the pane is redrawn every second and Babel formatting is not free. Held:
    # a day stays with its month on screen.
    return start_line(start, zone, list(audience), language, held=True)


class ViewMaker:
    """Keeps what a frame made for the next: a row's view for as long as nothing it
    shows changed, its words for as long as the rows are the same, the checklist until
    the state changes or an item's due moment passes. A frame of a plan of 500 cues and
    1,000 checklist items then costs what changed, not the whole plan again."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self._generation = -1
        self._labels: dict[str, str] = {}
        self._times: dict[datetime, str] = {}
        self._clock_times: dict[datetime, str] = {}
        self._rows: dict[str, tuple[tuple[object, ...], RowView]] = {}
        self._checklist: tuple[Plan, RunState, tuple[int, Phase], datetime | None,
                               ChecklistGroups] | None = None

    def fresh(self, generation: int) -> None:
        """New rows (or a new plan): forget every word kept for the old ones."""
        if generation != self._generation:
            self._generation = generation
            self._labels.clear()
            self._times.clear()
            self._clock_times.clear()
            self._rows.clear()
            self._checklist = None

    def _row(self, session: Session, room: RoomTalk, hour: Hour, row: Row,
             counting: bool, posting: Posting,
             links: Mapping[tuple[str, str], Mapping[int, str]]) -> RowView:
        status = hour.status(row.id)
        state = session.state
        posted_at = state.posted.get(row.id)
        at = hour.times.get(row.id, row.cue.at)
        extra = room.extra(row, posted_at is not None) if counting else ()
        seen = counting and room.seen(row.id)
        link = room.link(row.id) if seen else None
        cue = row.draft.cue.id
        in_flight = posting.in_flight.get(cue, ())
        sent = tuple((n, links.get((cue, n), {}).get(d.part or 1),
                      posting.failed.get((cue, n))) for n, d in row.drafts.items())
        several = len(session.source.networks) > 1
        on = tuple(state.on_network(row.id, n) for n in row.drafts) if several else ()
        inputs = (status, at, posted_at, extra, seen, link, in_flight, sent, on)
        kept = self._rows.get(row.id)
        if kept is not None and kept[1].row is row and kept[0] == inputs:
            return kept[1]
        chat = session.plan.chat
        marks = self._marks(session, row, status, in_flight, sent) if several else ()
        if link is None:
            # A server's answer: a terminal link only when it is a plain https address.
            link = next((safe for _n, url, _f in sent
                         if url and (safe := safe_url(url, https_only=True))), None)
        shown = RowView(
            row, status, self.time(at, chat.zone, chat.start_at), self.label(row),
            self.clock(posted_at, chat.zone) if posted_at is not None else "", extra, seen,
            link, marks, bool(in_flight), self._posts(sent),
        )
        self._rows[row.id] = (inputs, shown)
        return shown

    def _marks(self, session: Session, row: Row, status: RowStatus,
               in_flight: tuple[str, ...],
               sent: tuple[tuple[str, str | None, str | None], ...]) -> tuple[NetworkMark, ...]:
        state = session.state
        found = {n: (url, failure) for n, url, failure in sent}
        marks = []
        for place, network in enumerate(session.source.networks, 1):
            draft = row.drafts.get(network)
            url, failure = found.get(network, (None, None))
            mark: MarkState
            if draft is None:
                mark = "absent"
            elif (on := state.on_network(row.id, network)) is not None:
                mark = on
            elif network in in_flight:
                mark = "posting"
            elif failure is not None:
                mark = "failed"
            elif status == "missed":
                mark = "missed"
            elif status in ("due", "late"):
                mark = "due"
            else:
                mark = "todo"
            marks.append(NetworkMark(
                network, place, network_letter(network), network_name(network), mark,
                url if mark == "posted" else None,
                draft is not None and not draft.count.valid))
        return tuple(marks)

    def _posts(self, sent: tuple[tuple[str, str | None, str | None], ...]) -> tuple[str, ...]:
        words = self.words
        lines = []
        for network, url, failure in sent:
            if url:
                lines.append(words("screen.post_link", network=network_name(network),
                                   url=url))
            elif failure:
                lines.append(words("screen.post_failed_note", network=network_name(network),
                                   reason=failure))
        return tuple(lines)

    def checklist(self, session: Session, hour: Hour) -> ChecklistGroups:
        """The checklist at `hour`, made again only when the state or the plan changed,
        the phase moved, or an item's due moment (and its own minute) passed."""
        plan, state = session.plan, session.state
        kept = self._checklist
        if (kept is not None and kept[0] is plan and kept[1] is state
                and kept[2] == (state.version, hour.phase)
                and (kept[3] is None or hour.now < kept[3])):
            return kept[4]
        groups = checklist_groups(plan, state, session.cues, hour.now)
        start = plan.chat.start_at
        moments = [due + ITEM_OWN_MINUTE for item in plan.checklist
                   if (due := due_at(item, start)) is not None
                   and due + ITEM_OWN_MINUTE > hour.now]
        self._checklist = (plan, state, (state.version, hour.phase),
                           min(moments, default=None), groups)
        return groups

    def label(self, row: Row) -> str:
        label = self._labels.get(row.id)
        if label is None:
            label = self._labels[row.id] = cue_name(row.cue, self.words, row.named)
        return label

    def time(self, at: datetime, zone: tzinfo, start: datetime) -> str:
        """ "18:12", or "J-1 18:00" for a moment on another day than the chat's."""
        text = self._times.get(at)
        if text is None:
            # To the second off the whole minute (a shift of +1:29), as `exact_clock_time`.
            text = self._times[at] = chat_clock_time(at, zone, start, self.words.language,
                                                     seconds=at.second != 0)
        return text

    def clock(self, at: datetime, zone: tzinfo) -> str:
        text = self._clock_times.get(at)
        if text is None:
            text = self._clock_times[at] = clock_time(at, zone)
        return text

    def row_time(self, session: Session, row: Row, hour: Hour) -> str:
        """The row's time, moved by the shifts: "18:12", or "J-1 18:00"."""
        chat = session.plan.chat
        return self.time(hour.times.get(row.id, row.cue.at), chat.zone, chat.start_at)

    def make(self, session: Session, room: RoomTalk, hour: Hour, now: datetime,
             tabs: Tabs, posting: Posting) -> RunView:
        """The view of `hour` (at `now`, as the header's clock shows it)."""
        plan = session.plan
        chat = plan.chat
        source = session.source
        self.fresh(source.generation)
        counting = room.counting
        links = posting.links(session.events)
        rows = [self._row(session, room, hour, row, counting, posting, links)
                for row in session.rows]
        by_id: dict[str, RowView] = {}
        for shown in rows:
            by_id.setdefault(shown.id, shown)  # the first, as a scan would find
        clock = session.clock if session.rehearsal else None
        simulated = clock if isinstance(clock, SimulatedClock) else None
        return RunView(
            hour=hour, rows=tuple(rows), by_id=by_id, generation=source.generation,
            header=HeaderView(chat, now, hour.end, session.rehearsal,
                              simulated.speed if simulated else None,
                              simulated.paused if simulated else False),
            countdown=self._countdown(session, hour, by_id),
            next=self._next(session, room, hour, by_id),
            checklist=self.checklist(session, hour),
            banners=self._banners(session),
            room=room.frame,
            network=tabs.shown,
            networks=tabs.networks,
        )

    def _countdown(self, session: Session, hour: Hour,
                   by_id: Mapping[str, RowView]) -> CountdownView:
        shown = hour.countdown
        zone = session.plan.chat.zone
        cue = by_id.get(shown.cue.id) if shown.cue is not None else None
        label = cue.label if cue is not None else (
            cue_name(shown.cue, self.words) if shown.cue is not None else "")
        return CountdownView(shown, label, clock_time(hour.start, zone),
                             exact_clock_time(hour.end, zone),
                             cue.time if cue is not None else "")

    def _next(self, session: Session, room: RoomTalk, hour: Hour,
              by_id: Mapping[str, RowView]) -> NextView:
        words, chat = self.words, session.plan.chat
        question = hour.next_question
        asked = hour.asked_last
        answers = room.pace()
        if not answers and asked is not None and asked.number is not None and room.counting:
            answers = f"Q{asked.number} · {room.answers(asked.number)}"
        when = text = ""
        if question is not None and not hour.over:
            row = by_id.get(question.id)
            time = row.time if row is not None else ""
            moved = hour.times.get(question.id, question.at) != question.at
            when = words("screen.moved_to" if moved else "screen.planned_at", time=time)
            if hour.phase == "before" and chat.audience_timezones:
                # Before the start, the one date that matters, in every audience's zone:
                # co-hosts and guests abroad ask "what time is that for me?".
                when = words("screen.starts_on", when=start_in_zones(
                    chat.start_at, chat.zone, tuple(chat.audience_timezones),
                    words.language))
            text = row.row.draft.text if row is not None else question.template
        return NextView(
            over=hour.over, number=question.number if question is not None else None,
            left=hour.questions_left, total=hour.questions_total,
            unposted=hour.questions_unposted, when=when, text=text, answers=answers,
        )

    def _banners(self, session: Session) -> Banners:
        words = self.words
        holder = session.following
        problem = session.write_problem
        return Banners(
            following=(words("screen.following", holder=holder.describe(words))
                       if holder else None),
            following_key_first=(words("screen.following_key_first",
                                       holder=holder.describe(words)) if holder else None),
            cannot_write=words("screen.write_banner", error=problem, n=len(session.pending),
                               seconds=RETRY_SECONDS) if problem is not None else None,
            plan_gone=(words("screen.plan_gone", path=str(session.plan_path))
                       if session.source.gone else None),
        )
