"""The run-sheet list: every cue with its time, state and count; the selection marked.

Two things are "where I am", and they look nothing alike:

- **the selection**, what `c` copies (and `s`, `e`, `v` act on): `▶` in the first
  column, drawn over the highlighted row whatever its colours, so it reads on a
  projector, a 16-colour terminal or with NO_COLOR (where the row is also reversed);
- **the next cue**, what the countdown counts to: its status says "→ next" in words
  (or "! due", "! late" once it is), its time bold. No arrow in the marker column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.run.hour import RowStatus
from tui.core.run.plansource import Row
from tui.core.run.view import MarkState, NetworkMark, RowView, RunView
from tui.core.text.clean import one_line
from tui.core.text.words import Words

MARKER = "▶"
"""The selection's mark, in the first column (two cells wide, reserved on every row)."""
MARKER_WIDTH = 2
COUNT_WIDTH = 7
# Between the count and the excerpt: without it "185/280À noter" reads as one word.
GAP = "  "

STATUS_STYLE: dict[RowStatus, str] = {
    "upcoming": "",
    "due": "$text-warning bold",
    "late": "$text-warning",
    "posted": "$text-success",
    "skipped": "$text-muted",
    "missed": "$text-muted",
}
STATUS_MARK: dict[RowStatus, str] = {
    "upcoming": "·", "due": "!", "late": "!", "posted": "✓", "skipped": "✗", "missed": "–",
}
NEXT_MARK = "→"
"""The next cue, while it is still ahead ("→ prochain"): a word, not the selection's mark."""
SEEN = "✓✓"
"""Posted, and seen published: the feed saw the host's account post its text."""
POSTED_WIDTH = len(f"{SEEN} 18:12")


# A cue on each network of a plan on several: `X✓ B! M·`, readable without colour.
NETWORK_MARK: dict[MarkState, tuple[str, str]] = {
    "posted": ("✓", "$text-success"),
    "skipped": ("✗", "$text-muted"),
    "posting": ("…", "$text-accent bold"),
    "failed": ("!", "$text-error bold reverse"),
    "due": ("!", "$text-warning bold"),
    "todo": ("·", ""),
    "missed": ("–", "$text-muted"),
    "absent": (" ", "$text-muted"),
}


def network_marks(marks: tuple[NetworkMark, ...]) -> Content:
    """ "X✓ B! M·": each network's letter and its mark; a letter whose draft is over that
    network's limit in the error colour."""
    parts: list[tuple[str, str]] = []
    for n, mark in enumerate(marks):
        symbol, style = NETWORK_MARK[mark.state]
        # A part of a thread this network does not have: nothing to do there, no letter.
        letter = " " if mark.state == "absent" else mark.letter
        parts.append((letter, "$text-error bold" if mark.over else style))
        # Each span ends with its blank, never starts with one: some SVG renderers drop
        # a span's leading blanks.
        parts.append((symbol + ("" if n == len(marks) - 1 else " "), style))
    return Content.assemble(*parts)


def status_text(row: RowView, words: Words, *, is_next: bool = False) -> str:
    """ "✓ 18:12", "! à poster", "· à venir", "→ prochain": a mark readable without
    colour, then words; "✓✓ 18:12" once the feed saw the host's account publish it."""
    if row.posting and not row.marks:
        return f"… {words('screen.status_posting')}"
    if row.status == "posted":
        return f"{SEEN if row.seen else STATUS_MARK['posted']} {row.posted}"
    if is_next and row.status == "upcoming":
        return f"{NEXT_MARK} {words('screen.status_next')}"
    return f"{STATUS_MARK[row.status]} {words(f'screen.status_{row.status}')}"


class Columns(NamedTuple):
    """The widths of a row's columns, each its longest content and a blank: a plan of
    the hour alone has no "J-14 18:00" to make room for, English no "! en retard"."""

    time: int
    label: int
    status: int

    @classmethod
    def of(cls, view: RunView, words: Words) -> Columns:
        statuses = [f"{STATUS_MARK[status]} {words(f'screen.status_{status}')}"
                    for status in STATUS_MARK if status != "posted"]
        statuses.append(f"{NEXT_MARK} {words('screen.status_next')}")
        # Capped: a longer name is cut with an ellipsis rather than take the excerpt's
        # room on every row.
        # A plan on several networks: "X✓ B! M· T·", three cells a network.
        marks = 3 * len(view.networks) - 1 if len(view.networks) > 1 else 0
        return cls(
            time=min(max((cell_len(row.time) for row in view.rows), default=5), 11) + 1,
            label=min(max((cell_len(row.label) for row in view.rows), default=2), 12) + 1,
            status=max(POSTED_WIDTH, marks, *(cell_len(text) for text in statuses)) + 1,
        )

    @property
    def fixed(self) -> int:
        """Every column's cells but the excerpt's (the gap before it included)."""
        return MARKER_WIDTH + self.time + self.label + self.status + COUNT_WIDTH + len(GAP)


class CueList(OptionList):
    """One option per row, id = row id. Prompts are redrawn in place at each second,
    from the run's view (`tui.core.run.view.RunView`): this list decides nothing.

    `on_move` is called as soon as the highlight moves, in the same step: the draft pane
    then changes in the same frame as the highlight. Through the `OptionHighlighted`
    message it changed a frame later, and Textual paces frames, so up to 33 ms later.
    """

    def __init__(
        self, words: Words, *, id: str | None = None,  # noqa: A002 - Textual's name
        on_move: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(id=id)
        self.words = words
        self._on_move = on_move
        self._view: RunView | None = None
        self._columns = Columns(11, 12, 12)
        # Row id -> (the row, what its prompt was made from, the prompt): a row whose
        # inputs have not changed since the last second keeps its prompt, so the excerpt
        # is cleaned and the line assembled again only when something shown changed.
        self._prompts: dict[str, tuple[Row, tuple[object, ...], Content]] = {}
        self._covered = 0

    def keep_clear(self, rows: int) -> None:
        """`rows` at the bottom of the list are under a notice (a split pane): the
        selected row is kept above them, so a notice never hides it."""
        if rows != self._covered:
            self._covered = rows
            self.scroll_to_highlight()

    def scroll_to_highlight(self, top: bool = False) -> None:
        super().scroll_to_highlight(top)
        shown = self.scrollable_content_region.height - self._covered
        row = self.highlighted  # one line per row (see `render_line`)
        if self._covered and shown > 0 and row is not None:
            if row >= self.scroll_offset.y + shown:
                self.scroll_to(y=row - shown + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        # Never wraps: down past "Thanks" must not land on a promotion of two weeks ago,
        # one `c` away from being marked. (No option of this list is ever disabled.)
        if self.highlighted is None:
            super().action_cursor_down()
        elif self.highlighted < self.option_count - 1:
            self.highlighted += 1

    def action_cursor_up(self) -> None:
        if self.highlighted is None:
            super().action_cursor_up()
        elif self.highlighted > 0:
            self.highlighted -= 1

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self._on_move is not None:
            self._on_move()

    @property
    def selected_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def select_id(self, row_id: str | None) -> None:
        if row_id is None:
            return
        try:
            self.highlighted = self.get_option_index(row_id)
        except Exception:  # an id that vanished with a plan reload: keep the highlight
            return

    def load(self, view: RunView) -> None:
        """Rebuild the options (first show, rows built again), keeping the selection."""
        keep = self.selected_id
        self._view = view
        self._prompts.clear()
        self._columns = Columns.of(view, self.words)
        room = self._room()
        self.set_options(Option(self._prompt(row, room), id=row.id) for row in view.rows)
        self.select_id(keep if keep and view.row(keep) else view.next_id)
        if self.highlighted is None and self.option_count:
            self.highlighted = self.option_count - 1  # all done: show the last post

    def show(self, view: RunView) -> None:
        if self._view is None:
            return
        self._view = view
        room = self._room()
        for index, row in enumerate(view.rows):
            prompt = self._prompt(row, room)
            current = self.get_option_at_index(index).prompt
            # Replacing a prompt re-renders the whole list: only touch the rows whose
            # status or marker really changed since the last second.
            if current is prompt:
                continue
            if not (isinstance(current, Content) and current.is_same(prompt)):
                self.replace_option_prompt_at_index(index, prompt)

    def on_resize(self) -> None:
        if self._view is not None:
            self.show(self._view)

    def _room(self) -> int:
        """Cells left for the excerpt, after the fixed columns."""
        return self.scrollable_content_region.width - self._columns.fixed - 1

    def render_line(self, y: int) -> Strip:
        """A row as the list draws it, the selection's mark over its first cell.

        Each row is one line (`text-wrap: nowrap` in the stylesheet), so the line under
        the highlight is the highlighted row. The mark is drawn here rather than in the
        prompts: moving the selection then re-renders no prompt at all."""
        strip = super().render_line(y)
        if self.highlighted is None or self.scroll_offset.y + y != self.highlighted:
            return strip
        first = next(iter(strip), None)
        style = (first.style if first is not None and first.style else RichStyle())
        mark = Strip([Segment(MARKER, style + RichStyle(bold=True))], 1)
        return Strip.join([mark, strip.crop(1, strip.cell_length)])

    def _prompt(self, shown_row: RowView, room: int) -> Content:
        assert self._view is not None
        row, status = shown_row.row, shown_row.status
        is_next = row.id == self._view.next_id
        time, label, extra = shown_row.time, shown_row.label, shown_row.extra
        shown = status_text(shown_row, self.words, is_next=is_next)
        # The post seen publishing its draft, or the first one `P` posted.
        link = shown_row.link
        # On several networks, the count is the network the draft pane shows.
        network = self._view.network_for(shown_row) if shown_row.marks else None
        inputs = (status, is_next, room, time, label, shown, extra, link, self._columns,
                  shown_row.marks, network)
        cached = self._prompts.get(row.id)
        if cached is not None and cached[0] is row and cached[1] == inputs:
            return cached[2]
        prompt = self._assemble(row, status, is_next, room, time, label, shown, extra,
                                shown_row.marks, network)
        if link is not None:
            # The whole row is an OSC 8 link to the post seen publishing its draft (or
            # the post `P` made).
            prompt = prompt.stylize(Style(link=link))
        self._prompts[row.id] = (row, inputs, prompt)
        return prompt

    def _assemble(
        self, row: Row, status: RowStatus, is_next: bool, room: int,
        time: str, label: str, shown: str, extra: tuple[str, ...] = (),
        marks: tuple[NetworkMark, ...] = (), network: str | None = None,
    ) -> Content:
        draft = row.draft_on(network)
        counted = draft.count
        over = not counted.valid
        done = status in ("posted", "skipped", "missed")
        columns = self._columns
        if extra:
            # A question asked: its answers in the count's place and the excerpt's (its
            # count mattered before it went out), in the longest words that fit.
            room += COUNT_WIDTH + len(GAP)
            said = next((form for form in extra if len(form) <= room), extra[-1])
            if len(said) > room:
                said = said[: max(0, room - 1)] + "…" if room > 1 else ""
            return Content.assemble(
                " " * MARKER_WIDTH,  # the selection's mark goes here (`render_line`)
                (_fit(time, columns.time), "bold" if is_next else ""),
                (_fit(label, columns.label), ""),
                _status(shown, status, marks, columns.status, is_next),
                (said, "$text-success"),
            )
        excerpt = one_line(draft.text, marked=True)
        if room < 6:
            excerpt = ""
        elif len(excerpt) > room:
            excerpt = excerpt[: room - 1] + "…"
        assembled = Content.assemble(
            " " * MARKER_WIDTH,  # the selection's mark goes here (`render_line`)
            (_fit(time, columns.time), "bold" if is_next else ""),
            (_fit(label, columns.label),
             "bold" if row.cue.kind == "question" and not done else ""),
            _status(shown, status, marks, columns.status, is_next),
            (f"{counted.length}/{counted.limit}".rjust(COUNT_WIDTH),
             "$text-error bold reverse" if over else "$text-muted"),
            # The gap takes the count's muted style so it ends the count's span: an
            # excerpt starting with blanks loses them in some SVG renderers.
            (GAP if excerpt else "", "$text-muted"),
            (excerpt, "$text-muted" if done else ""),
        )
        return assembled


def _status(shown: str, status: RowStatus, marks: tuple[NetworkMark, ...], width: int,
            is_next: bool) -> Content:
    """The status column: the cue's state, or on several networks its mark on each."""
    if not marks:
        return Content.styled(_fit(shown, width),
                              STATUS_STYLE[status] or ("$text-accent bold" if is_next else ""))
    drawn = network_marks(marks)
    return drawn.pad_right(max(1, width - drawn.cell_length))


def _fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells, cut with an ellipsis, one space kept after it."""
    if len(text) > width - 1:
        text = text[: width - 2] + "…"
    return text.ljust(width)

