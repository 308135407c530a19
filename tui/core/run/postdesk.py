"""The run desk's posting: `P` posts the selected cue on every network of the plan with
an account and copies the text of the first one without (as `c` does); what posting's
worker posts with and keeps on the way (`posting_run`, `keep_posted`); what came back
(`published`); and, at start-up, the posts an earlier run left without an answer
(`open_intents`, `settled`).

The posting itself (intent on disk, the post, never twice) is `tui.core.run.publish`'s,
run in a worker; what the run-sheet remembers of it between key presses is `Posting`
(`tui.core.run.posting`). A rehearsal sends nothing: it shows what would be sent and
marks as a copy. A plan without `[accounts]` posts nothing and opens no socket. `u`
right after a `P` is `tui.core.run.unpostdesk`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tui.core.plan.naming import cue_name
from tui.core.plan.networks import network_name
from tui.core.run.asrun import Event
from tui.core.run.deskbasics import DeskBasics, DeskPart
from tui.core.run.notices import Notice
from tui.core.run.outcomes import (
    Confirm,
    Copy,
    Done,
    NothingToDo,
    Outcome,
    Post,
    PreviewForm,
    Refused,
)
from tui.core.run.plansource import Row
from tui.core.run.posting import LastPost, Posting, PostOrder
from tui.core.run.session import Following
from tui.core.text.clean import one_line
from tui.core.text.controls import for_copy, visible
from tui.core.text.words import and_list
from tui.core.timing.clocktime import clock_time
from tui.core.timing.spans import short_span

if TYPE_CHECKING:
    from tui.core.run.publish.ledger import PartRecord
    from tui.core.run.publish.outcomes import CueOutcome
    from tui.core.run.publish.publisher import Run


class PostDesk(DeskPart):
    def __init__(self, basics: DeskBasics, posting: Posting, *,
                 send: Callable[[Copy], Copy]) -> None:
        super().__init__(basics)
        self.posting = posting
        """What `P` has on its way, what failed, what the first `P` asked."""
        self.send = send
        """A copy leaving for the clipboard (`CopyDesk.send`: one that marks holds the
        presses after it)."""
        self._post_marks: dict[str, list[Event]] = {}
        """The marks posting's worker logged, per cue, until its result comes."""

    def _cue_rows(self, cue_id: str) -> list[Row]:
        """The rows of a cue: one, or a thread's parts."""
        return [row for row in self.session.rows if row.draft.cue.id == cue_id]

    def _cue_on(self, cue_id: str, network: str) -> str | None:
        """Whether the cue (every part it has there) is posted or skipped on `network`:
        "posted", "skipped", or None while a part is still to go out there."""
        state = self.session.state
        found = [state.on_network(row.id, network) for row in self._cue_rows(cue_id)
                 if not row.drafts or network in row.drafts]
        if not found or None in found:
            return None
        return "skipped" if all(f == "skipped" for f in found) else "posted"

    def where(self, cue_id: str) -> str:
        """Where a cue is out: "Bluesky https://… · X 18:12 · Threads skipped" (said
        by a `P` with nothing left to post, and by `u`'s offer to delete)."""
        session, words = self.session, self.words
        links = self.posting.links(session.events)
        zone = session.plan.chat.zone
        places = []
        for network in session.source.networks:
            name = network_name(network)
            status = self._cue_on(cue_id, network)
            if status == "skipped":
                places.append(words("screen.where_skipped", network=name))
                continue
            link = links.get((cue_id, network), {}).get(1)
            if link:
                places.append(f"{name} {link}")
            else:
                times = [at for row in self._cue_rows(cue_id)
                         if (at := session.state.posted_on.get(row.id, {}).get(network)
                             or session.state.posted.get(row.id)) is not None]
                places.append(f"{name} {clock_time(min(times), zone)}" if times else name)
        return " · ".join(places)

    def publish(self, row_id: str | None) -> Outcome:
        """`P`: post the selected cue on every network of the plan with an account, and
        copy the text of the first one without (X, Threads), as `c` does. A cue already
        out on a network is not posted there again (nor copied); a thread goes whole,
        from the part where the last attempt stopped. The first `P` of a run names the
        accounts and asks once; a cue planned more than a minute ahead asks as `c` does.
        A rehearsal sends nothing: it shows what would be sent and marks as a copy.
        A plan without `[accounts]` posts nothing and opens no socket."""
        session, words, posting = self.session, self.words, self.posting
        accounts = session.plan.accounts
        if accounts is None:
            return Refused(self.basics.say("screen.no_accounts", severity="warning", seconds=8))
        row = self.basics.writable_row(row_id)
        if isinstance(row, Refused):
            return row
        from tui.core.run.publish.publisher import account_networks

        cue = row.draft.cue
        label = cue_name(cue, words)
        if cue.id in posting.in_flight:
            return Refused(self.basics.say("screen.posting_already", severity="warning",
                                           seconds=5, label=label))
        book = session.book
        with_account = account_networks(book)
        left = [n for n in session.source.networks if self._cue_on(cue.id, n) is None]
        if not left:
            return NothingToDo(self.basics.say("screen.post_everywhere", severity="warning",
                                               seconds=10, label=label,
                                               where=self.where(cue.id)))
        to_post = tuple(n for n in with_account if n in left)
        by_hand = [n for n in left if n not in with_account and n in row.drafts]
        order = PostOrder(row.id, cue, label, to_post, tuple(by_hand[:1]),
                          preview=session.rehearsal)
        state = session.state
        started = any(state.on_network(r.id, n) == "posted"
                      for r in self._cue_rows(cue.id) for n in r.drafts)
        hour = self.basics.hour()
        early = not started and hour.needs_confirmation(row.cue)
        first = bool(to_post) and not posting.asked and not session.rehearsal
        if not (first or early):
            return self._post(order, row)
        parts = []
        if first:
            names = and_list([words("screen.post_account", account=accounts.handle(n),
                                    network=network_name(n)) for n in to_post], words)
            parts.append(words("screen.post_first_body", accounts=names))
            if by_hand:
                parts.append(words("screen.post_first_copy",
                                   networks=network_name(by_hand[0])))
        if early:
            parts.append(words("screen.post_early", label=label, time=self.basics.time(row, hour),
                               delay=short_span(hour.ahead(row.cue))))

        def yes() -> Outcome:
            if first:
                posting.asked = True
            return self._post(order, row)

        return Confirm(
            words("screen.post_first_title" if first else "screen.early_title", label=label),
            "\n".join(parts), words("screen.post_confirm"), yes=yes,
            no=lambda: Done((self.basics.say("screen.post_cancelled", severity="warning",
                                             seconds=4, kind="copy", label=label),)))

    def _post(self, order: PostOrder, row: Row) -> Post:
        """`P` answered: the copy of the network without an account, and the posts (or,
        in a rehearsal, what would be sent, with the marks a copy makes)."""
        session = self.session
        copy = None
        if order.copied:
            network = order.copied[0]
            several = self.tabs.several
            copy = self.send(Copy(
                for_copy(row.draft_on(network).text), row.id, self.basics.now(),
                label=self.basics.on(self.basics.label(row), network if several else None),
                network=network if several else None))
        if not order.networks:
            return Post(None, copy)
        if not order.preview:
            self.posting.started(order)
            return Post(order, copy)
        preview = self._preview(order)
        marks = [session.mark(order.cue.id, "rehearsal", network=n) for n in order.networks]
        self.posting.last = LastPost(order, tuple(marks))
        names = and_list([network_name(n) for n in order.networks], self.words)
        notice = self.basics.say("screen.preview_marked", seconds=8, kind="post",
                                 label=order.label, networks=names)
        return Post(None, copy, preview, (notice,))

    def _preview(self, order: PostOrder) -> PreviewForm:
        """What `publish_cue` would send, worded: each part's text, facets, reply and
        key (`preview_cue`)."""
        from tui.core.run.publish.publisher import Run, preview_cue

        session, words = self.session, self.words
        events = list(session.events)

        def refuse(_event: Event) -> None:
            raise OSError("a preview writes nothing")

        run = Run(session.book, session.plan_path, lambda: events, refuse, session.now,
                  lambda: datetime.now(UTC))
        lines = []
        for entry in preview_cue(run, order.cue, order.networks):
            name = network_name(entry["network"])
            for part in entry["parts"]:
                lines.append(words("screen.preview_part", network=name, part=part["part"],
                                   parts=part["parts"], length=part["length"],
                                   limit=part["limit"]))
                lines.append(visible(part["text"]))
                facets = [f"{f['kind']} {visible(str(f['value']))} "
                          f"({f['byteStart']}–{f['byteEnd']})" for f in part.get("facets", ())]
                if facets:
                    lines.append(words("screen.preview_facets", facets=", ".join(facets)))
                if "reply" in part:
                    lines.append(words("screen.preview_reply",
                                       root=part["reply"]["root"]["part"],
                                       parent=part["reply"]["parent"]["part"]))
                if "image" in part:
                    lines.append(words("screen.preview_image", image=visible(part["image"]),
                                       alt=visible(part["alt"])))
                key = part.get("record_key") or part.get("idempotency_key") or ""
                lines.append(words("screen.preview_key", value=key))
                lines.append("")
        return PreviewForm(words("screen.preview_title", label=order.label),
                           "\n".join(lines).rstrip())

    def posting_run(self, keep: Callable[[Event], None]) -> Run:
        """What posting's worker posts with: the drafts, the plan's place, the log as on
        disk (another window or `tchat post` may have posted) and `keep`, which hands
        each event to the UI thread (`keep_posted`) and returns once it is on disk."""
        from tui.core.run.publish.publisher import Run

        session = self.session
        log = session.log
        return Run(session.book, session.plan_path, log.read, keep, session.now,
                   lambda: datetime.now(UTC))

    def keep_posted(self, event: Event) -> None:
        """An event of posting's worker, on the UI thread: on disk before the worker goes
        on (an intent before its post leaves), in the state at once (a mark shows).
        Raises OSError when it cannot be kept: the worker then sends nothing."""
        try:
            self.session.keep_now(event)
        except Following as following:  # the plan was taken by another window meanwhile
            raise OSError(self.words("screen.following_no_write",
                                     holder=following.holder.describe(self.words))) \
                from following
        if event.kind == "mark" and event.cue is not None:
            self._post_marks.setdefault(event.cue, []).append(event)

    def published(self, order: PostOrder, outcome: CueOutcome | None,
                  missing: Mapping[str, str], problem: str | None = None) -> Outcome:
        """The worker is back: what went out where, in a line (each failure in a line of
        its own). A network that failed keeps the cue to do there, the draft pane shows
        it, and its text goes to the clipboard unless `P` already put another there."""
        from tui.core.run.publish.outcomes import Failed, Posted, describe
        from tui.core.run.publish.outcomes import Refused as NotSent
        from tui.core.run.publish.parts import card_for

        words, label = self.words, order.label
        results = list(outcome.outcomes) if outcome is not None else []
        results += [NotSent(n, reason) for n, reason in missing.items()]
        if problem is not None:
            results += [NotSent(n, problem) for n in order.networks
                        if not any(r.network == n for r in results)]
        failures = {r.network: r.reason for r in results if isinstance(r, Failed | NotSent)}
        self.posting.finished(order.cue.id, failures)
        marks = tuple(self._post_marks.pop(order.cue.id, ()))
        posted = [r.network for r in results if isinstance(r, Posted) and r.first == 1]
        notices: list[Notice] = []
        if posted:
            line = words("screen.posted_on", label=label,
                         networks=and_list([network_name(n) for n in posted], words))
            if order.copied:
                line += " · " + words("screen.post_copied",
                                      networks=network_name(order.copied[0]))
                card = card_for(self.session.book, order.cue)
                if card is not None and order.copied[0] in ("x", "x-legacy", "threads"):
                    line += " · " + words("post.attach", image=visible(card.name))
            notices.append(Notice(line, "information", "post", 10))
        for result in results:
            if isinstance(result, Posted) and result.first == 1:
                continue
            bad = isinstance(result, Failed | NotSent)
            notices.append(Notice(one_line(describe(result, words, label), marked=True),
                                  "error" if bad else "information",
                                  # One notice per kind: each network's line stays.
                                  f"post-failed-{result.network}" if bad else
                                  f"post-{result.network}", 12 if bad else 8))
        if marks and any(isinstance(r, Posted) for r in results):
            self.posting.last = LastPost(order, marks)
        if not failures:
            shown = self.session.row(order.row_id)
            if shown is not None and self.tabs.several and \
                    not self.session.state.networks_left(shown.id):
                self.tabs.shown = self.tabs.networks[0]  # out everywhere: the next cue
            return Done(tuple(notices))
        failed = next(n for n in order.networks if n in failures) if any(
            n in failures for n in order.networks) else next(iter(failures))
        if failed in self.tabs.networks:
            self.tabs.shown = failed
        row = self.session.row(order.row_id)
        if order.copied or row is None:
            notices.append(self.basics.say("screen.post_failed_press_c", severity="warning",
                                           seconds=10, kind="post-next",
                                           network=network_name(failed)))
            return Done(tuple(notices))
        # Nothing else is on the clipboard: the text that did not go out is, unmarked
        # (pasted by hand, `c` marks it).
        on = failed if self.tabs.several else None
        copy = Copy(for_copy(row.draft_on(failed).text), None, self.basics.now(),
                    label=self.basics.on(self.basics.label(row), on))
        notices.append(self.basics.say("screen.post_failed_copied", severity="warning",
                                       seconds=10, kind="post-next",
                                       network=network_name(failed)))
        return Post(None, copy, notices=tuple(notices))

    def open_intents(self) -> bool:
        """Whether the log holds a post whose answer never came (a crash, a lost
        connection): settled with its server at start-up, in a worker. Only a live run
        with accounts: a rehearsal posts nothing."""
        session = self.session
        if session.rehearsal or session.plan.accounts is None or self.posting.settled:
            return False
        from tui.core.run.publish.ledger import ledger

        self.posting.settled = True
        return bool(ledger(session.events).open_intents())

    def settled(self, found: list[tuple[PartRecord, str]]) -> Done:
        """What settling the open intents found, a line each (nothing when nothing)."""
        notices = []
        for record, decision in found:
            rows = self._cue_rows(record.cue)
            name = self.basics.label(rows[0]) if rows else record.cue
            if len(rows) > 1:
                name = cue_name(rows[0].draft.cue, self.words)
            notices.append(self.basics.say(
                f"screen.settled_{decision}", seconds=12,
                kind=f"settled-{record.cue}-{record.network}-{record.part}",
                severity="information" if decision == "done" else "warning",
                label=name, network=network_name(record.network), part=record.part))
        return Done(tuple(notices))
