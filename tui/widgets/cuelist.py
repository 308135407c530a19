"""The run-sheet list: every cue with its time, state and count; the next one marked."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.run.hour import RowStatus
from tui.core.run.plansource import Row
from tui.core.run.view import RowView, RunView
from tui.core.text.clean import one_line
from tui.core.text.words import Words

TIME_WIDTH = 11
LABEL_WIDTH = 12
STATUS_WIDTH = 12
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


SEEN = "✓✓"
"""Posted, and seen published: the feed saw the host's account post its text."""


def status_text(row: RowView, words: Words) -> str:
    """ "✓ 18:12", "! à poster", "· à venir": a mark readable without colour, then words;
    "✓✓ 18:12" once the feed saw the host's account publish it."""
    if row.status == "posted":
        return f"{SEEN if row.seen else STATUS_MARK['posted']} {row.posted}"
    return f"{STATUS_MARK[row.status]} {words(f'screen.status_{row.status}')}"


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
        # Row id -> (the row, what its prompt was made from, the prompt): a row whose
        # inputs have not changed since the last second keeps its prompt, so the excerpt
        # is cleaned and the line assembled again only when something shown changed.
        self._prompts: dict[str, tuple[Row, tuple[object, ...], Content]] = {}

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
        fixed = 2 + TIME_WIDTH + LABEL_WIDTH + STATUS_WIDTH + COUNT_WIDTH + len(GAP)
        return self.scrollable_content_region.width - fixed - 1

    def _prompt(self, shown_row: RowView, room: int) -> Content:
        assert self._view is not None
        row, status = shown_row.row, shown_row.status
        is_next = row.id == self._view.next_id
        time, label, extra = shown_row.time, shown_row.label, shown_row.extra
        shown = status_text(shown_row, self.words)
        link = shown_row.link
        inputs = (status, is_next, room, time, label, shown, extra, link)
        cached = self._prompts.get(row.id)
        if cached is not None and cached[0] is row and cached[1] == inputs:
            return cached[2]
        prompt = self._assemble(row, status, is_next, room, time, label, shown, extra)
        if link is not None:
            # The whole row is an OSC 8 link to the post seen publishing its draft.
            prompt = prompt.stylize(Style(link=link))
        self._prompts[row.id] = (row, inputs, prompt)
        return prompt

    def _assemble(
        self, row: Row, status: RowStatus, is_next: bool, room: int,
        time: str, label: str, shown: str, extra: tuple[str, ...] = (),
    ) -> Content:
        counted = row.draft.count
        over = not counted.valid
        done = status in ("posted", "skipped", "missed")
        if extra:
            # A question asked: its answers in the count's place and the excerpt's (its
            # count mattered before it went out), in the longest words that fit.
            room += COUNT_WIDTH + len(GAP)
            said = next((form for form in extra if len(form) <= room), extra[-1])
            if len(said) > room:
                said = said[: max(0, room - 1)] + "…" if room > 1 else ""
            return Content.assemble(
                ("▶ " if is_next else "  ", "$text-accent bold"),
                (_fit(time, TIME_WIDTH), "bold" if is_next else ""),
                (_fit(label, LABEL_WIDTH), ""),
                (_fit(shown, STATUS_WIDTH), STATUS_STYLE[status]),
                (said, "$text-success"),
            )
        excerpt = one_line(row.draft.text, marked=True)
        if room < 6:
            excerpt = ""
        elif len(excerpt) > room:
            excerpt = excerpt[: room - 1] + "…"
        assembled = Content.assemble(
            ("▶ " if is_next else "  ", "$text-accent bold"),
            (_fit(time, TIME_WIDTH), "bold" if is_next else ""),
            (_fit(label, LABEL_WIDTH),
             "bold" if row.cue.kind == "question" and not done else ""),
            (_fit(shown, STATUS_WIDTH), STATUS_STYLE[status]),
            (f"{counted.length}/{counted.limit}".rjust(COUNT_WIDTH),
             "$text-error bold reverse" if over else "$text-muted"),
            # The gap takes the count's muted style so it ends the count's span: an
            # excerpt starting with blanks loses them in some SVG renderers.
            (GAP if excerpt else "", "$text-muted"),
            (excerpt, "$text-muted" if done else ""),
        )
        return assembled


def _fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells, cut with an ellipsis, one space kept after it."""
    if len(text) > width - 1:
        text = text[: width - 2] + "…"
    return text.ljust(width)

