"""The run-sheet: countdown, next question, cue list, draft, checklist, and keys.

The same screen serves the live hour and a rehearsal. A rehearsal adds the keys that
steer its simulated clock (pause, speed, jump), wears its own colours, and writes to its
own log; everything else, down to the clipboard, behaves exactly as it will live.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.notifications import SeverityLevel
from textual.screen import UPDATE_PERIOD, Screen
from textual.widgets import Footer, OptionList, Static

from tui.clipboard import COPY_TIMEOUT_SECONDS, Clipboard, copy_within
from tui.core.plan.naming import cue_name
from tui.core.plan.planedit import (
    Fingerprint,
    PlanChangedOnDisk,
    PreparedEdit,
    prepare_edits,
    prepare_ids,
)
from tui.core.plan.problems import PlanError, Problem
from tui.core.plan.schedule import Cue
from tui.core.run.hour import Hour, hour_at
from tui.core.run.runstate import (
    Waypoint,
    cue_status,
    waypoint_after,
    waypoint_before,
    waypoints,
)
from tui.core.run.session import Row, Session
from tui.core.text.clean import one_line, safe_url
from tui.core.text.controls import for_copy
from tui.core.text.words import Words, cue_list
from tui.core.timing.clock import SimulatedClock
from tui.core.timing.clocktime import clock_time
from tui.core.timing.spans import short_span, signed_span
from tui.screens.conversation import ConversationView, FeedArrived
from tui.screens.keys import (
    APP_KEYS,
    REHEARSAL_KEYS,
    RUN_KEYS,
    FooterItem,
    Key,
    bindings_for,
    fit_footer,
    rebind,
    reword,
    run_keys,
)
from tui.screens.layout import size_classes
from tui.screens.pacing import FramePacer
from tui.widgets.countdown import Countdown
from tui.widgets.cuelist import CueList, cue_time
from tui.widgets.header import RunHeader
from tui.widgets.literal import literal, set_content
from tui.widgets.panes import Checklist, DraftPane, NextQuestion
from tui.widgets.watcher import PlanWatcher


class _KindedNotices(Protocol):
    """The app's `notify`, which takes a notice's kind (see `TchatApp.notify`)."""

    def notify(
        self, message: str, *, title: str = "", severity: SeverityLevel = "information",
        timeout: float | None = None, markup: bool = True, kind: str | None = None,
    ) -> None: ...

    def forget_notice(self, kind: str) -> None: ...


Via = str  # "system", "osc52" or "manual"

# A follower reads the log this often (real seconds): marks show within 2 s.
FOLLOW_SECONDS = 1.0

# How often the events the log could not take are written again (real seconds).
RETRY_WRITES_SECONDS = 2

# Pressed within this much real time after reaching a cue, "jump back" goes to the cue
# before it (as a music player's "previous" does) instead of to the same cue again.
JUMP_BACK_GRACE_SECONDS = 2.0


@dataclass(frozen=True)
class ClipboardResult:
    """The system clipboard worker is done with one text."""

    text: str
    ok: bool
    row_id: str | None
    at: datetime
    reply: bool
    timed_out: bool = False
    """The system clipboard did not answer in time (the terminal's OSC 52 was used)."""


class RunSheet(Screen[None]):
    BINDINGS = bindings_for(RUN_KEYS, Words("en"))

    def __init__(self, session: Session, clipboard: Clipboard, *,
                 replay: Path | None = None) -> None:
        super().__init__(id="run-sheet")
        self.session = session
        self.conversation = ConversationView(self, replay)
        self.words = Words(session.language)
        self.clipboard = clipboard
        self.copy_timeout = COPY_TIMEOUT_SECONDS
        self._next_id: str | None = None
        self.hour: Hour | None = None
        """The snapshot of the hour the screen shows now (see `tui.core.run.hour`)."""
        self._report_offered = False
        self._pacer: FramePacer | None = None
        # One copy at a time, in the order asked (see `_copy_in_thread`).
        self._copy_lock = asyncio.Lock()
        # A cue's copy is on its way (its mark is not in the state yet), and how many
        # `c` came meanwhile: each acts once the copy before it is marked, so quick
        # presses catch up on late cues one by one instead of marking one cue again.
        self._copying = False
        self._copies_waiting = 0
        # Only a rehearsal has the clock keys: the live footer, help and palette never
        # offer to pause or speed up the real hour.
        self.keys: tuple[Key, ...] = run_keys(session.rehearsal)
        ours = {key.id for key in (*RUN_KEYS, *REHEARSAL_KEYS)}
        # Tab and shift+tab inherited, then ours in `self.keys`'s order, the footer's.
        # Escape back to the cue list: a key everyone tries, kept out of the help's
        # list so that every key there still shows at 48 rows.
        back = Binding("escape", "back_to_cues", self.words("key.back"), show=False,
                       id="back")
        rebind(self, lambda inherited: [*(b for b in inherited if b.id not in ours),
                                        *bindings_for(self.keys, self.words), back])
        reword(self, self.words)

    def notify(
        self,
        message: str,
        *,
        kind: str = "action",
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """One notice at a time per `kind`: a new copy notice replaces the last copy
        notice, a plan notice the last plan notice (a "does not load" goes as soon as
        the plan loads again), so notices never pile up over the run-sheet."""
        app = cast(_KindedNotices, self.app)
        app.notify(message, title=title, severity=severity, timeout=timeout, kind=kind)

    # --- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        words = self.words
        yield RunHeader(id="header")
        with Horizontal(id="top"):
            yield Countdown(self.session.now, words, id="countdown")
            yield NextQuestion(id="next")
        with Horizontal(id="main"):
            cues = CueList(id="cues", on_move=self._draft_follows)
            cues.border_title = words("screen.timeline")
            yield cues
            with Vertical(id="side"):
                draft = DraftPane(id="draft")
                draft.border_title = words("screen.draft")
                yield draft
                checklist = Checklist(id="checklist")
                checklist.border_title = words("screen.checklist")
                yield checklist
                yield self.conversation.pane()
        follow = Static("", id="follow-banner", markup=False)
        follow.display = False
        yield follow
        # Hidden until a write fails; then it stays until the log is written again.
        banner = Static("", id="write-banner", markup=False)
        banner.display = False
        yield banner
        # Hidden until the plan file disappears; then it stays until it is back.
        gone = Static("", id="plan-gone-banner", markup=False)
        gone.display = False
        yield gone
        yield Footer(show_command_palette=False)  # `_fit_footer` decides, once sized
        yield PlanWatcher(self.session.plan_changed, id="watcher")

    def on_resize(self) -> None:
        width, height = self.size
        size_classes(self, width, height)
        self._fit_footer(width)

    def _fit_footer(self, width: int) -> None:
        """Show the keys that fit on one footer line; help and quit always do."""
        app_keys = {key.id: key for key in APP_KEYS}
        items = [self._footer_item(key) for key in self.keys if key.show]
        items.append(self._footer_item(app_keys["quit"]))
        fit = fit_footer(items, width, palette=self._footer_item(app_keys["palette"]))
        footer_ids = {item.id for item in items}
        rebind(self, lambda bindings: [
            dataclasses.replace(b, show=b.id in fit.shown) if b.id in footer_ids else b
            for b in bindings
        ])
        footer = self.query_one(Footer)
        footer.compact = fit.compact
        footer.show_command_palette = "palette" in fit.shown
        self.refresh_bindings()  # the footer recomposes from the new flags

    def _footer_item(self, key: Key) -> FooterItem:
        binding = key.binding(self.words)
        return FooterItem(key.id, self.app.get_key_display(binding), binding.description,
                          key.rank)

    @property
    def _update_timer(self) -> FramePacer:  # type: ignore[override]
        # Textual's own update timer loses a frame slot after every pause (see pacing).
        # The one use of Textual's private `Screen._update_timer` (pinned Textual
        # 8.2.8): tests/test_private_apis.py fails, naming the version, if it moves.
        if self._pacer is None:
            # The frame is drawn from the screen's queue, where Textual handles errors.
            self._pacer = FramePacer(
                UPDATE_PERIOD, lambda: self.call_next(self._on_timer_update)
            )
        return self._pacer

    def on_unmount(self) -> None:
        self.session.release_lock()
        if self._pacer is not None:
            self._pacer.pause()

    def on_mount(self) -> None:
        now = self.session.now()
        session = self.session
        self.set_class(session.rehearsal, "-rehearsal")
        hour = self._hour_at(now)
        self._next_id = hour.next_cue.id if hour.next_cue else None
        self.query_one(CueList).load(session, self.words, hour)
        self.query_one(CueList).focus()
        if hour.over:
            # Opened on a finished run: say where the report is, do not pop it up.
            self._report_offered = True
            self.notify(self.words("screen.run_over"), timeout=10, kind="run_over")
        self._plan_notices(now)
        if session.rehearsal and self.app.size.width >= 64:
            # Short-lived: the banner says "rehearsal" for as long as it lasts.
            self.notify(self.words("screen.rehearsal_intro"), timeout=6, kind="intro")
        if session.skipped_lines:
            lines = ", ".join(str(n) for n in session.skipped_lines[:5])
            self.notify(self.words("screen.log_lines_skipped", n=len(session.skipped_lines),
                                   lines=lines + ("…" if len(session.skipped_lines) > 5 else "")),
                        severity="warning", timeout=12)
        self.set_interval(RETRY_WRITES_SECONDS, self._retry_writes)
        session.acquire_lock()
        if session.lock is not None and session.lock.took_over is not None:
            holder = session.lock.took_over.describe()
            self.notify(self.words("screen.lock_taken_over", holder=holder),
                        severity="warning", timeout=10)
        if session.following is not None:
            self._show_following()
            self.set_interval(FOLLOW_SECONDS, self._follow)
        self.redraw(now)
        # After the first frame: the feed's clients load in a worker, never before it.
        self.call_after_refresh(self.conversation.start)
        self._find_plan_errors()
        if not session.rehearsal:
            # Once the screen is up: the parse competes with nothing the moderator waits for.
            self.set_timer(1.0, self._start_edits)

    def _plan_notices(self, now: datetime) -> None:
        """At start-up, the drafts the platform would refuse and, live, the pre-flight."""
        # A split pane too small for the side panes gets no toast over its countdown.
        if self.app.size.width < 64:
            return
        self._warn_refused_drafts()
        if not self.session.rehearsal:
            self._preflight(now)

    def _preflight(self, now: datetime) -> None:
        """Opened before the start: what is late, and what to do first (as `tchat check`
        says it). Not in a rehearsal, whose clock is not the day's."""
        # Imported here: the pre-flight is wanted once, after the first frame.
        from tui.core.run.preflight import preflight, preflight_lines

        session = self.session
        done = set(session.state.posted) | session.state.skipped
        check = preflight(session.plan, now, done)
        lines = preflight_lines(check, session.plan)
        if lines and not check.clear:
            # Plan text inside (tasks, names): never read as markup.
            self.notify("\n".join(lines), severity="warning", timeout=20, markup=False,
                        kind="preflight")

    def _warn_refused_drafts(self) -> None:
        """Say at once which drafts the platform would refuse (over the limit, or with a
        character it refuses): `tchat check` calls such a plan not usable, and on the
        screen alone a red count is easy to miss."""
        words = self.words
        refused = [row for row in self.session.rows if not row.draft.count.valid]
        if not refused:
            return
        names = []
        for row in refused:
            counted = row.draft.count
            over = f" ({counted.length}/{counted.limit})" if counted.remaining < 0 else ""
            names.append(cue_name(row.cue, words, row.draft) + over)
        cues = cue_list(names, words)
        self.notify(words("screen.refused", n=len(refused), cues=cues), severity="warning",
                    timeout=12, kind="refused")

    @work(thread=True, group="plan-check", exit_on_error=False)
    def _find_plan_errors(self) -> None:
        """The errors `tchat check` would stop on (drafts over the limit are said by
        their own notice), shown before anything is done with such a plan. In a thread:
        the screen is up and never waits for it."""
        from tui.core.plan.check import semantic_problems
        from tui.core.plan.planfile import read_plan_text

        session = self.session
        try:
            text = read_plan_text(session.plan_path)
        except (OSError, PlanError):
            return
        errors = [p for p in semantic_problems(session.plan, text, drafts=False)
                  if p.is_error]
        if errors:
            self.app.call_from_thread(self._show_plan_errors, errors)

    def _show_plan_errors(self, errors: list[Problem]) -> None:
        from tui.screens.dialogs import ProblemsDialog

        # The errors first: the start-up notices, a dozen lines of pre-flight, would lie
        # over the dialog and cut its lines; they come back once it is closed.
        notices = cast(_KindedNotices, self.app)
        notices.forget_notice("preflight")
        notices.forget_notice("refused")
        self.app.push_screen(ProblemsDialog(self.words, self.session.plan_path, errors),
                             lambda _: self._plan_notices(self.session.now()))

    def _start_edits(self) -> None:
        # What the work starts from is taken here, on the UI thread: the plan and its
        # fingerprint always go together there.
        session = self.session
        self._prepare_edits(session.loaded, session.missing_ids())

    @work(thread=True, group="plan-edits", exit_on_error=False)
    def _prepare_edits(self, loaded: Fingerprint, ids: dict[str, str]) -> None:
        path = self.session.plan_path
        if not ids:
            prepare_edits(path, loaded)
            return
        # Giving the plan its missing ids: read, parse, add, dump and validate here,
        # most of a second on a plan of a few hundred cues; only the write waits for
        # the UI thread.
        try:
            prepared = prepare_ids(path, loaded, ids)
        except (PlanChangedOnDisk, PlanError, OSError):
            return
        self.app.call_from_thread(self._fill_ids, prepared)

    def _fill_ids(self, prepared: PreparedEdit) -> None:
        """Missing ids written once, quietly: when the plan was written meanwhile (a
        tick, a template), on a conflict or a failed write, the plan keeps its
        positional ids and the next run tries again."""
        try:
            self.session.commit_ids(prepared)
        except (PlanChangedOnDisk, OSError):
            return

    # --- redrawing from one "now" ---------------------------------------------------

    def _hour_at(self, now: datetime) -> Hour:
        session = self.session
        return hour_at(session.plan, session.state, session.cues, now)

    @on(Countdown.Tick)
    def _on_tick(self, message: Countdown.Tick) -> None:
        self.redraw(message.now)

    def refresh_now(self) -> None:
        """Redraw at the clock's current time (after an action, or from tests)."""
        self.redraw(self.session.now())

    def redraw(self, now: datetime) -> None:
        """Draw every pane from one snapshot of the hour: each widget draws its slice."""
        session, words = self.session, self.words
        hour = self.hour = self._hour_at(now)
        previous_next = self._next_id
        self._next_id = hour.next_cue.id if hour.next_cue else None
        cue_list = self.query_one(CueList)
        if self._next_id != previous_next and cue_list.selected_id in (previous_next, None):
            # The selection was following the next cue: keep following it.
            cue_list.select_id(self._next_id)

        shown = hour.countdown
        label = self._label(shown.cue) if shown.cue else ""
        zone = session.plan.chat.zone
        cue_row = session.row(shown.cue.id) if shown.cue else None
        self.query_one(Countdown).show(
            shown, label,
            start=clock_time(hour.start, zone),
            end=clock_time(hour.end, zone),
            cue_at=cue_time(session, cue_row) if cue_row else "",
        )
        self.query_one(RunHeader).show(
            session.plan.chat, words, now, clock=session.clock,
            rehearsal=session.mode == "rehearsal", end=hour.end,
        )
        self.conversation.advance(now)
        self.query_one(NextQuestion).show(session, words, hour,
                                          answers=self.conversation.last_answers())
        cue_list.show(hour)
        self.query_one(DraftPane).show(session, words, self.selected_row)
        self.query_one(Checklist).show(session, words, hour)
        for name in ("before", "during", "after"):
            self.set_class(hour.phase == name, f"-{name}")
        self.set_class(shown.mode == "overrun", "-overrun")
        self._show_write_problem()
        if not self._report_offered and hour.over:
            self._offer_report()

    # --- a second window follows the first ------------------------------------------

    def _show_following(self) -> None:
        banner = self.query_one("#follow-banner", Static)
        holder = self.session.following
        banner.display = holder is not None
        if holder is not None:
            set_content(banner, literal(self.words("screen.following", holder=holder.describe())))

    def _writes(self) -> bool:
        """Whether this window may write; if not, it says so (it follows another)."""
        holder = self.session.following
        if holder is None:
            return True
        self.notify(self.words("screen.following_no_write", holder=holder.describe()),
                    severity="warning", timeout=6)
        return False

    def _follow(self) -> None:
        session = self.session
        if session.following is None:
            return
        if session.try_take_over():
            self._show_following()
            self.notify(self.words("screen.took_over"), timeout=10)
            self.refresh_now()
        elif session.follow():
            self.refresh_now()

    # --- writes that fail ---------------------------------------------------------------

    def _retry_writes(self) -> None:
        session = self.session
        if session.pending:
            if session.flush():
                self.notify(self.words("screen.written_again"), timeout=6)
            self._show_write_problem()

    def _show_write_problem(self) -> None:
        """The banner, for as long as something could not be written."""
        session = self.session
        banner = self.query_one("#write-banner", Static)
        problem = session.write_problem
        if problem is None:
            banner.display = False
            return
        set_content(banner, literal(self.words(
            "screen.write_banner", error=problem, n=len(session.pending),
            seconds=RETRY_WRITES_SECONDS)))
        banner.display = True

    def _offer_report(self) -> None:
        """Once per session, when the run ends under the moderator's eyes."""
        self._report_offered = True
        if self.app.screen is self:
            self.action_report()
        else:  # a dialog is open: do not stack another on it
            self.notify(self.words("screen.run_over"), timeout=10, kind="run_over")

    def _label(self, cue: Cue) -> str:
        row = self.session.row(cue.id)
        return cue_name(cue, self.words, row.draft if row else None)

    @property
    def selected_row(self) -> Row | None:
        row_id = self.query_one(CueList).selected_id
        return self.session.row(row_id) if row_id else None

    def _selected_or_said(self) -> Row | None:
        """The selected row; or None, after telling the moderator no cue is selected."""
        row = self.selected_row
        if row is None:
            self.notify(self.words("screen.no_cue"), severity="warning")
        return row

    def _draft_follows(self) -> None:
        if self.is_mounted:
            self.query_one(DraftPane).show(self.session, self.words, self.selected_row)

    @on(OptionList.OptionSelected, "#checklist")
    def _on_checklist_enter(self) -> None:
        self.action_tick()

    # --- copying ----------------------------------------------------------------------

    def action_copy(self) -> None:
        from tui.screens.dialogs import ConfirmDialog
        if self._copying:
            self._copies_waiting += 1
            return
        words = self.words
        row = self._selected_or_said()
        if row is None:
            return
        already = self.session.state.posted.get(row.id) is not None
        if self.session.following is not None:
            already = True  # copied, never marked: the window that holds the plan marks
            self._writes()
        hour = self._hour_at(self.session.now())
        if already or not hour.needs_confirmation(row.cue):
            self._copy(row.draft.text, None if already else row.id, reply=False)
            return
        self._copies_waiting = 0  # the presses after this one would meet the dialog
        # Planned more than a minute ahead: a repeated `c` must never mark it. The
        # dialog's "yes" is `y` or its own button, never `c` or enter.
        label = cue_name(row.cue, words, row.draft)
        body = words("screen.early_body", label=label, time=cue_time(self.session, row),
                     delay=short_span(hour.ahead(row.cue)))

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._copy(row.draft.text, row.id, reply=False)
            else:
                self.notify(words("screen.early_cancelled", label=label), severity="warning",
                            timeout=4, kind="copy")

        self.app.push_screen(
            ConfirmDialog(words, words("screen.early_title", label=label), body,
                          words("screen.early_confirm")),
            answered,
        )

    def _copy(self, text: str, row_id: str | None, *, reply: bool) -> None:
        text = for_copy(text)  # no control or bidi override reaches a clipboard
        if not reply:
            # Set here, beside the worker that clears it (`_copy_marked`): a cue copied
            # after its confirmation is on its way as much as one copied at once.
            self._copying = True
        self._copy_in_thread(text, row_id, self.session.now(), reply)

    @work(group="clipboard")
    async def _copy_in_thread(self, text: str, row_id: str | None, at: datetime,
                              reply: bool) -> None:
        # pyperclip runs xclip/wl-copy as subprocesses: in a thread, never on the event
        # loop. The result is handled here, in the worker, so the worker is done only
        # once the copy is marked and said. One copy at a time, in the order asked
        # (the lock is fair): two quick copies could otherwise land out of order and
        # leave the earlier text on the clipboard.
        async with self._copy_lock:
            outcome = await copy_within(self.clipboard, text, self.copy_timeout)
            try:
                self._on_clipboard(ClipboardResult(text, outcome == "ok", row_id, at,
                                                   reply, timed_out=outcome == "timeout"))
            finally:
                if not reply:
                    self._copy_marked()

    def _copy_marked(self) -> None:
        """A cue's copy is marked: the next `c` pressed meanwhile, if any, acts now,
        on what the screen points at after that mark."""
        self._copying = False
        waiting, self._copies_waiting = self._copies_waiting, 0
        if waiting and self.app.screen is self:  # a dialog came up: it has the keys
            self._copies_waiting = waiting - 1
            self.action_copy()

    def _on_clipboard(self, result: ClipboardResult) -> None:
        from tui.screens.dialogs import ManualCopyDialog

        words = self.words
        via: Via = "system"
        if not result.ok:
            try:
                self.app.copy_to_clipboard(result.text)
                via = "osc52"
            except Exception:  # a terminal write failing must not end the live run
                via = "manual"
                self.app.push_screen(ManualCopyDialog(result.text, words))
        if result.reply:
            self.session.reply(result.text, via)
            self.notify(words("screen.reply_copied", via=words(f"screen.via_{via}")), kind="copy")
        else:
            row = self.session.row(result.row_id) if result.row_id else self.selected_row
            label = cue_name(row.cue, words, row.draft) if row else ""
            if via == "system":
                message = words("screen.copied_system", label=label)
            elif via == "osc52":
                message = words("screen.copied_osc52", label=label)
            else:
                message = words("screen.copied_manual")
            if result.timed_out:
                message = words("screen.clipboard_timeout", seconds=f"{self.copy_timeout:g}") + (
                    " " + message)
            if result.row_id is not None and row is not None:
                self.session.mark(result.row_id, via, result.at)
                time = clock_time(result.at, self.session.plan.chat.zone)
                message += " · " + words("screen.marked", time=time)
            self.notify(message, severity="information" if via == "system" else "warning",
                        kind="copy")
        self.refresh_now()

    # --- marks --------------------------------------------------------------------------

    def action_undo(self) -> None:
        if not self._writes():
            return
        words = self.words
        undone = self.session.undo()
        if undone is None:
            self.notify(words("screen.nothing_to_undo"), severity="warning")
            return
        if undone.kind == "shift":
            what = words("screen.undo_shift", delay=signed_span(undone.seconds or 0))
        elif undone.kind == "compress":
            what = words("screen.undo_compress")
        else:
            row = self.session.row(undone.cue or "")
            label = cue_name(row.cue, words, row.draft) if row else (undone.cue or "")
            what = words(f"screen.undo_{undone.kind}", label=label)
        self.notify(words("screen.undone", what=what))
        if undone.cue:
            self.query_one(CueList).select_id(undone.cue)
        self.refresh_now()

    def action_skip(self) -> None:
        if not self._writes():
            return
        words = self.words
        row = self._selected_or_said()
        if row is None:
            return
        status = cue_status(self.session.state, row.cue, self.session.now())
        if status in ("posted", "skipped"):
            self.notify(words("screen.already_done", label=cue_name(row.cue, words, row.draft),
                              status=words(f"screen.status_{status}", time="").strip()),
                        severity="warning")
            return
        self.session.skip(row.id)
        self.notify(words("screen.skipped", label=cue_name(row.cue, words, row.draft)))
        self.refresh_now()

    def action_shift(self) -> None:
        if not self._writes():
            return
        seconds = self.session.shift()
        if seconds is None:
            self.notify(self.words("screen.nothing_late"), severity="warning")
            return
        self.notify(self.words("screen.shifted", delay=signed_span(seconds)))
        self.refresh_now()

    def action_compress(self) -> None:
        """Keep the planned end: spread the questions left, after a yes."""
        from tui.screens.dialogs import ConfirmDialog
        words, session = self.words, self.session
        plan = session.compression()
        if plan is None:
            self.notify(words("screen.nothing_to_compress"), severity="warning")
            return
        zone = session.plan.chat.zone
        end = clock_time(self._hour_at(session.now()).end, zone)

        def name(cue_id: str) -> str:
            row = session.row(cue_id)
            return cue_name(row.cue, words, row.draft) if row else cue_id

        times = ", ".join(f"{name(cue)} {clock_time(at, zone)}"
                          for cue, at in plan.times)
        body = words("screen.compress_body", times=times)
        if plan.skips:
            body += "\n" + words("screen.compress_skips", cues=", ".join(map(name, plan.skips)))

        def answered(confirmed: bool | None) -> None:
            if not confirmed:
                return
            session.compress(plan)
            self.notify(words("screen.compressed", end=end))
            self.refresh_now()

        self.app.push_screen(
            ConfirmDialog(words, words("screen.compress_title", end=end), body,
                          words("screen.compress_confirm")),
            answered,
        )

    def action_back_to_cues(self) -> None:
        """Escape: out of the checklist (or the draft), back to the cue list."""
        cast(_KindedNotices, self.app).forget_notice("tick")  # no second press is coming
        self.query_one(CueList).focus()

    def action_go_next(self) -> None:
        self.query_one(CueList).select_id(self._next_id)
        self.query_one(CueList).focus()

    # --- checklist ------------------------------------------------------------------------

    def action_tick(self) -> None:
        words = self.words
        checklist = self.query_one(Checklist)
        if not checklist.has_focus:
            # First press shows which item a second press would tick: never tick an
            # item the moderator is not looking at. The toast says so, since a border's
            # colour alone is easy to miss.
            checklist.focus()
            index = checklist.selected_index
            if index is not None:
                item = one_line(self.session.plan.checklist[index].text, marked=True)
                self.notify(words("screen.tick_next", item=item), timeout=4, kind="tick")
            return
        # The hint asked for this press: it has been made.
        cast(_KindedNotices, self.app).forget_notice("tick")
        index = checklist.selected_index
        if index is None:
            self.notify(words("screen.no_item"), severity="warning")
            return
        if checklist.is_reminder(index):
            item = one_line(self.session.plan.checklist[index].text, marked=True)
            self.notify(words("screen.reminder_no_tick", item=item), timeout=4)
            return
        if not self._writes():
            return
        if not self._guarded(lambda: self.session.tick(index)):
            return
        # No toast: the box and the strike-through say it, in the same frame, and a
        # toast per tick would pile up over the screen in the busy minutes.
        self.refresh_now()

    def _guarded(self, write: Callable[[], object]) -> bool:
        """Run a plan write; on a conflict or an error, say so and return False."""
        words = self.words
        try:
            write()
        except PlanChangedOnDisk as changed:
            # Say "reloaded" only when it was: a file that does not load is not taken.
            if changed.reloaded is False:
                self.notify(words("screen.changed_not_loaded"), severity="error", timeout=10,
                            kind="plan")
                return False
            self._reloaded()
            self.notify(words("screen.changed_not_written"), severity="error", timeout=10,
                        kind="plan")
            return False
        except PlanError as error:
            self.notify(words("screen.write_failed", error=error.problems[0].message), kind="plan",
                        severity="error", timeout=10)
            return False
        except OSError as error:
            self.notify(words("screen.write_failed", error=error.strerror or str(error)),
                        severity="error", timeout=10, kind="plan")
            self.refresh_now()  # a tick is kept in the log even when the plan refuses it
            return False
        return True

    # --- dialogs ------------------------------------------------------------------------
    # Each dialog's module is imported when one is first opened: none is on the first
    # frame, and their widgets (the text editor above all) would delay it.

    def action_edit(self) -> None:
        from tui.screens.dialogs import EditDialog
        if not self._writes():
            return
        words = self.words
        row = self._selected_or_said()
        if row is None:
            return
        if row.cue.derived:
            self.notify(words("screen.not_editable"), severity="warning", timeout=8)
            return

        def save(text: str) -> None:
            if self._guarded(lambda: self.session.save_template(row, text)):
                self.query_one(CueList).load(
                    self.session, words, self._hour_at(self.session.now())
                )
                self.notify(words("screen.saved", label=cue_name(row.cue, words, row.draft)))
                self.refresh_now()

        self.app.push_screen(EditDialog(self.session, row, words, save))

    def action_reply(self) -> None:
        from tui.screens.dialogs import ReplyDialog
        if not self._writes():
            return
        self.app.push_screen(
            ReplyDialog(self.session, self.words,
                        lambda text: self._copy(text, None, reply=True))
        )

    def action_show(self) -> None:
        from tui.screens.dialogs import ManualCopyDialog
        row = self._selected_or_said()
        if row is None:
            return
        self.app.push_screen(ManualCopyDialog(row.draft.text, self.words))

    def action_help(self) -> None:
        from tui.screens.dialogs import HelpDialog
        self.app.push_screen(HelpDialog(self.words, self.session.log.path, self.keys))

    def action_highlight(self) -> None:
        from tui.screens.dialogs import HighlightDialog
        if not self._writes():
            return
        words = self.words
        question = self.session.current_question(self.query_one(CueList).selected_id)
        label = cue_name(question.cue, words, question.draft) if question else None

        def save(text: str) -> None:
            self.session.highlight(text, question.id if question else None)
            self.notify(words("screen.highlight_saved", label=label) if label
                        else words("screen.highlight_saved_loose"))

        self.app.push_screen(HighlightDialog(words, label, save))

    @on(FeedArrived)
    def _on_feed(self, message: FeedArrived) -> None:
        self.conversation.arrived(message)

    def action_conversation(self) -> None:
        self.conversation.toggle()

    def action_reply_post(self) -> None:
        from tui.screens.dialogs import ReplyDialog
        post = self.conversation.selected_post()
        if post is None:
            return
        author = post.author.split("@")[0] if post.platform == "mastodon" else post.author
        self.app.push_screen(ReplyDialog(
            self.session, self.words, lambda text: self._copy(text, None, reply=True),
            mention=one_line("@" + author, marked=True)))

    def action_highlight_post(self) -> None:
        post = self.conversation.selected_post()
        if post is None:
            return
        question = self.session.current_question(self.query_one(CueList).selected_id)
        self.session.highlight(f"@{post.author}: {post.text}\n{post.url}",
                               question.id if question else None)
        author = one_line(post.author, marked=True)
        self.notify(self.words("screen.post_highlighted", author=author))

    def action_open_post(self) -> None:
        post = self.conversation.selected_post()
        if post is None:
            return
        if safe_url(post.url, https_only=True) is None:
            self.notify(self.words("screen.post_no_link"), severity="warning")
            return
        self.notify(self.words("screen.post_opened"), timeout=3)
        self._open_in_browser(post.url)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, url: str) -> None:
        import webbrowser  # a browser may take seconds to start: never on the event loop

        webbrowser.open(url)

    def action_report(self) -> None:
        from tui.core.run.report import build_report
        from tui.screens.dialogs import ReportDialog
        session = self.session
        report = build_report(session.plan, session.events, session.book)
        self.app.push_screen(ReportDialog(
            report, self.words, rehearsal=session.rehearsal, log_path=session.log.path
        ))

    # --- the rehearsal clock ---------------------------------------------------------

    def _steerable(self) -> SimulatedClock | None:
        clock = self.session.clock
        if self.session.rehearsal and isinstance(clock, SimulatedClock):
            return clock
        self.notify(self.words("screen.not_steerable"), severity="warning", kind="clock")
        return None

    def action_pause(self) -> None:
        clock = self._steerable()
        if clock is None:
            return
        paused = clock.toggle()
        self.notify(self.words("screen.paused_now" if paused else "screen.resumed_now"), timeout=3,
                    kind="clock")
        self.refresh_now()

    def action_faster(self) -> None:
        self._set_speed(faster=True)

    def action_slower(self) -> None:
        self._set_speed(faster=False)

    def _set_speed(self, *, faster: bool) -> None:
        clock = self._steerable()
        if clock is None:
            return
        speed = clock.faster() if faster else clock.slower()
        self.notify(self.words("screen.speed_now", n=f"{speed:g}"), timeout=3, kind="clock")
        self.refresh_now()

    def action_jump_next(self) -> None:
        clock = self._steerable()
        if clock is None:
            return
        self._jump(clock, waypoint_after(self._waypoints(), clock.now()), "screen.nothing_ahead")

    def action_jump_back(self) -> None:
        clock = self._steerable()
        if clock is None:
            return
        grace = timedelta(seconds=JUMP_BACK_GRACE_SECONDS * clock.speed)
        point = waypoint_before(self._waypoints(), clock.now(), grace)
        self._jump(clock, point, "screen.nothing_before")

    def _waypoints(self) -> list[Waypoint]:
        session = self.session
        return waypoints(session.plan, session.state, session.cues)

    def _jump(self, clock: SimulatedClock, point: Waypoint | None, none_key: str) -> None:
        words = self.words
        if point is None:
            self.notify(words(none_key), severity="warning", timeout=3, kind="clock")
            return
        clock.jump_to(point.at)
        if point.cue is not None:
            row = self.session.row(point.cue.id)
            label = (cue_name(row.cue, words, row.draft) if row
                     else cue_name(point.cue, words))
        else:
            label = words(f"screen.jump_{point.kind}")
        time = clock_time(point.at, self.session.plan.chat.zone)
        self.notify(words("screen.jumped", time=time, label=label), timeout=3, kind="clock")
        self.refresh_now()

    # --- the plan changing on disk -------------------------------------------------------

    @on(PlanWatcher.Changed)
    def _on_plan_changed(self) -> None:
        self._show_plan_gone()
        if self.session.is_ignored():
            return  # two polls saw the same bad file before the first was said
        if self.session.file_is_loaded():
            # Put back as it was: nothing to reload, and the "does not load" is over.
            cast(_KindedNotices, self.app).forget_notice("plan")
            return
        error = self.session.try_reload()
        if error is not None:
            self.session.ignore_current_file()
            problem = error.problems[0].message if error.problems else ""
            self.notify(self.words("screen.reload_failed", problem=problem), severity="error",
                        timeout=10, kind="plan")
            return
        self._reloaded()
        self.notify(self.words("screen.reloaded"), timeout=6, kind="plan")

    def _show_plan_gone(self) -> None:
        """A banner for as long as the plan file is missing: the "does not load" notice
        goes after seconds, and the run goes on from memory with nowhere to write ticks."""
        path = self.session.plan_path
        gone = not path.exists() and not path.is_symlink()
        banner = self.query_one("#plan-gone-banner", Static)
        if gone:
            set_content(banner, literal(self.words("screen.plan_gone", path=str(path))))
        banner.display = gone

    def _reloaded(self) -> None:
        now = self.session.now()
        self.query_one(CueList).load(self.session, self.words, self._hour_at(now))
        self.redraw(now)

