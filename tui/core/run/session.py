"""One run of one plan: the plan file, the log, and the state folded from the log.

Three concerns, one home each, which the session puts together:

- the plan file (`plansource.PlanSource`): the plan and its rows, watched, reloaded,
  written with care, given its ids;
- the log (`logbook.Logbook`): every event in memory first, then on disk, retried;
- the run (here): the state folded from the events (`runstate.RunState`: marks,
  skips, shifts, undone by replaying what is left), and who may write: one window
  takes the plan's lock, a second one follows it.

Every action goes through one path, `_keep`: refused while following, then in the state
and in the log at once. No Textual here; the screen drives the run desk
(`tui.core.run.desk`), which decides and drives the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Language, Plan
from tui.core.plan.planedit import Fingerprint, PreparedEdit
from tui.core.plan.schedule import Cue
from tui.core.room.actions import RoomAction
from tui.core.run.asrun import AsRunLog, Event, EventKind
from tui.core.run.checklist import item_done, posted_kinds
from tui.core.run.hour import Compression, compression, shift_for
from tui.core.run.logbook import Logbook
from tui.core.run.planlock import (
    Holder,
    Lock,
    lock_path_for,
    read_holder,
    take_lock,
    take_over,
)
from tui.core.run.plansource import PlanSource, Row
from tui.core.run.roomlog import event_for
from tui.core.run.runstate import RunState, fold
from tui.core.timing.clock import Clock

Mode = Literal["live", "rehearsal"]

__all__ = ["Following", "Mode", "Row", "Session"]


class Following(Exception):
    """This window follows another one that holds the plan: it writes nothing."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(holder.describe())
        self.holder = holder


class Session:
    def __init__(
        self,
        plan_path: Path,
        *,
        clock: Clock,
        log_path: Path,
        mode: Mode = "live",
        language: Language | None = None,
    ) -> None:
        self.clock = clock
        self.mode: Mode = mode
        self._language_override = language
        self.source = PlanSource(plan_path)
        # A thread is marked by its parts (`c`) and by its own id (posting): both are the plan's.
        self.logbook = Logbook(log_path, {row.id for row in self.source.rows}
                               | {row.draft.cue.id for row in self.source.rows})
        self.state: RunState = self._fold()
        self._layout = self.source.generation
        self.lock: Lock | None = None
        self.following: Holder | None = None
        """The window that holds the plan, while this one only follows it."""

    # --- what the run is about --------------------------------------------------------

    @property
    def plan_path(self) -> Path:
        return self.source.path

    @property
    def plan(self) -> Plan:
        return self.source.plan

    @property
    def book(self) -> DraftBook:
        return self.source.book

    @property
    def rows(self) -> list[Row]:
        return self.source.rows

    @property
    def cues(self) -> Sequence[Cue]:
        return self.source.cues

    @property
    def loaded(self) -> Fingerprint:
        return self.source.loaded

    def row(self, row_id: str) -> Row | None:
        return self.source.row(row_id)

    @property
    def rehearsal(self) -> bool:
        return self.mode == "rehearsal"

    @property
    def language(self) -> Language:
        return self._language_override or self.plan.chat.language

    def now(self) -> datetime:
        return self.clock.now()

    def _fold(self) -> RunState:
        """The state of the log, on the plan's networks and rows (marks per network, a
        thread's parts where they exist)."""
        source = self.source
        return fold(self.logbook.events, source.networks, source.threads)

    def refold(self) -> bool:
        """Fold the log again when the plan's networks or threads moved (a plan reloaded,
        a template saved); True when it did. Marks follow their ids, as before."""
        state, source = self.state, self.source
        if self._layout == source.generation:
            return False  # asked at every frame: the rows have not been built again
        self._layout = source.generation
        if state.networks == source.networks and state.rows == source.threads:
            return False
        self.state = self._fold()
        return True

    # --- the log --------------------------------------------------------------------

    @property
    def log(self) -> AsRunLog:
        return self.logbook.log

    @property
    def events(self) -> list[Event]:
        return self.logbook.events

    @property
    def pending(self) -> list[Event]:
        return self.logbook.pending

    @property
    def write_problem(self) -> str | None:
        """Why the last write failed (the log's), while it still fails."""
        return self.logbook.problem

    @property
    def skipped_lines(self) -> list[int]:
        return self.logbook.skipped_lines

    def flush(self) -> bool:
        return self.logbook.flush()

    # --- one window writes: the lock, and following the one that holds it ------------

    def acquire_lock(self) -> None:
        """Take the plan's lock for a live run, or become a follower of its holder.

        A rehearsal has a log of its own and needs none; a folder where no lock can be
        created (read-only) leaves the run without one, as before locks existed."""
        self.lock = None
        self.following = None
        if self.mode != "live":
            return
        try:
            taken = take_lock(self.plan_path)
        except OSError:
            return
        if isinstance(taken, Lock):
            self.lock = taken
        else:
            self.following = taken
            self.logbook.watch()

    def release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def follow(self) -> bool:
        """A follower: read the log again when it changed; True when the state did."""
        if not self.logbook.reread():
            return False
        self.state = self._fold()
        return True

    def try_take_over(self) -> bool:
        """A follower: become the writer once the holder is gone; True when done."""
        holder = read_holder(lock_path_for(self.plan_path))
        if holder is not None and not holder.is_stale:
            return False
        self.follow()
        self.acquire_lock()
        return self.following is None

    def take_over(self, holder: Holder) -> bool:
        """A follower takes the lock from `holder`, the moderator having confirmed it (a
        window on another host, or one this host cannot tell from a live one): the
        holder's last marks read first. False when the lock changed since (another
        holder, now followed). Raises OSError when the lock file cannot be written."""
        self.follow()
        taken = take_over(self.plan_path, holder)
        if isinstance(taken, Lock):
            self.lock = taken
            self.following = None
            return True
        self.following = taken
        return False

    # --- actions, each kept in the state and the log ---------------------------------

    def _record(self, kind: EventKind, **fields: object) -> Event:
        event = Event(kind, clock=self.now(), wall=datetime.now(UTC), **fields)  # type: ignore[arg-type]
        return self._keep(event)

    def _keep(self, event: Event) -> Event:
        """The one path of every action: in memory and on screen at once, then on disk
        (now, or with the next successful `flush`)."""
        if self.following is not None:
            raise Following(self.following)
        self.state.apply(event)
        self.logbook.keep(event)
        return event

    def mark(self, row_id: str, via: str, at: datetime | None = None,
             network: str | None = None) -> Event:
        """Mark a row posted, at `at` (when the copy was asked) or now; on `network` only
        when named (a plan on several networks), else on every network."""
        return self._keep(Event(
            "mark", clock=at or self.now(), wall=datetime.now(UTC), cue=row_id, via=via,
            network=network,
        ))

    def skip(self, row_id: str, network: str | None = None) -> Event:
        """Skip a row on `network`, or where it is not posted yet when None."""
        return self._record("skip", cue=row_id, network=network)

    def keep_now(self, event: Event) -> None:
        """Keep an event that must be on disk before the caller goes on (posting's
        intent, before its post leaves): written at once, after every event waiting;
        raises OSError (nothing kept) when the log cannot take it."""
        if self.following is not None:
            raise Following(self.following)
        if self.pending and not self.flush():
            raise OSError(self.write_problem or "the log cannot be written")
        self.log.append(event)
        self.logbook.events.append(event)
        self.state.apply(event)

    def skip_before(self, moment: datetime) -> None:
        """Skip every cue of the hour planned before `moment`, not yet posted or skipped:
        a rehearsal started at minute 25 begins with minute 25's cue, not with 25
        minutes of overdue posts. Promotion before the chat is left as it is (it shows
        as missed once the chat has started)."""
        for row in self.rows:
            if 0 <= row.cue.offset and row.cue.at < moment and not self.state.done(row.id):
                self.skip(row.id)

    def undo(self) -> Event | None:
        """Take back the last mark, skip, shift or compression; returns it, or None."""
        last = self.state.last_undoable
        if last is None:
            return None
        self._record("undo", cue=last.cue)
        return last

    def shift(self) -> int | None:
        """Move every remaining cue by the current overrun; the seconds, or None."""
        found = shift_for(self.plan, self.state, self.cues, self.now())
        if found is None:
            return None
        seconds, moved = found
        self._record("shift", seconds=seconds, cues=moved)
        return seconds

    def compression(self) -> Compression | None:
        """What `compress` would do now (see `tui.core.run.hour.compression`)."""
        return compression(self.plan, self.state, self.cues, self.now())

    def compress(self, plan: Compression) -> Event:
        """Apply a compression the moderator confirmed: one event, undone by one `u`."""
        return self._record(
            "compress", cues=tuple(cue for cue, _s in plan.moves),
            moves=tuple(seconds for _c, seconds in plan.moves), skips=plan.skips,
            seconds=plan.end_move or None,
        )

    def reply(self, text: str, via: str) -> Event:
        return self._record("reply", text=text, via=via)

    def room(self, action: RoomAction) -> Event:
        """A room action (a welcome, a post handled, a mute), logged first: a restart
        folds it back (`tui.core.run.roomlog`)."""
        return self._keep(event_for(action, self.now(), datetime.now(UTC)))

    def keep_all(self, events: Sequence[Event]) -> None:
        """Events made elsewhere (what posting logged in its worker, in a run of its
        own), kept here in order, as any action is."""
        for event in events:
            self._keep(event)

    def highlight(self, text: str, cue_id: str | None) -> Event:
        """Keep a notable post (a link or a quote) under a question, for the recap."""
        return self._record("highlight", cue=cue_id, text=text)

    def tick(self, index: int) -> bool:
        """Toggle a checklist item; returns its new value.

        The tick lives in the log first: it is kept (state and log) whatever becomes of
        the plan file. In a live run the plan's copy (`done = true`, comments kept)
        follows with `write_ticks`, now or later."""
        if self.following is not None:
            raise Following(self.following)
        item = self.plan.checklist[index]
        done = not item_done(self.state, index, item, posted_kinds(self.state, self.cues))
        self._record("tick", item=index, done=done)
        if self.mode == "live":
            self.source.owe_tick(index, done)
        return done

    @property
    def ticks_owed(self) -> int:
        """Ticks in the log that the plan file does not have yet."""
        return len(self.source.owed)

    def write_ticks(self) -> None:
        """Copy the ticks the log holds into the plan file (`PlanSource.write_ticks`):
        raises PlanChangedOnDisk (the plan reloaded), PlanError or OSError, and the
        ticks wait for the next try. Nothing while following another window."""
        if self.following is None and self.source.owed:
            self.source.write_ticks()

    def save_template(self, row: Row, text: str) -> None:
        """Write a cue's new template into the plan (its question or post)."""
        if self.following is not None:
            raise Following(self.following)
        self.source.write_template(row, text)

    # --- ids ------------------------------------------------------------------------

    def missing_ids(self) -> dict[str, str]:
        """The ids a live run writes once (`PlanSource.missing_ids`): none outside a
        live run, or while following another window's run."""
        if self.mode != "live" or self.following is not None:
            return {}
        return self.source.missing_ids()

    def commit_ids(self, prepared: PreparedEdit) -> bool:
        """Write ids prepared in a worker (`prepare_ids`); True when written (a live run
        that writes only; see `PlanSource.commit_ids`)."""
        if self.mode != "live" or self.following is not None:
            return False
        return self.source.commit_ids(prepared)
