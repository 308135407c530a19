"""The next question, the draft as it will be pasted, and the checklist: each draws its
slice of the run's view (`tui.core.run.view`) and decides nothing."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.plan.naming import count_line
from tui.core.run.checklist import ChecklistEntry
from tui.core.run.view import ChecklistGroups, NextView, RowView
from tui.core.text.clean import one_line
from tui.core.text.words import Words
from tui.widgets.draftbody import DraftBody
from tui.widgets.literal import literal, set_content, with_overflow

OVERFLOW_STYLE = "$text-error reverse"
# Reversed text colour: readable on dark and light themes, and under the cursor bar.
OVERDUE_STYLE = "$text-warning bold reverse"

# Per phase: each item's index, text, done, overdue; what the checklist shows.
_Signature = tuple[tuple[str, tuple[tuple[int, str, bool, bool], ...]], ...]


class NextQuestion(Vertical):
    """The next question, whole: number, text, planned time, how many are left."""

    def compose(self) -> ComposeResult:
        yield Label(id="next-title", markup=False)
        yield Label(id="next-meta", markup=False)
        with VerticalScroll(id="next-scroll", can_focus=False):
            yield Static(id="next-text", markup=False)

    def show(self, shown: NextView, words: Words) -> None:
        """Once the run is over, say what became of the questions, not which one would
        be next; otherwise the next question whole, and how the last one asked is being
        answered ("Q3 · 14 answers from 9 people"), when there is a conversation."""
        title = self.query_one("#next-title", Label)
        meta = self.query_one("#next-meta", Label)
        text = self.query_one("#next-text", Static)
        total, left = shown.total, shown.left
        if shown.over:
            if shown.unposted == 0:
                outcome = words("screen.all_questions_posted", total=total)
            else:
                outcome = words("screen.questions_not_posted", n=shown.unposted, total=total)
            set_content(title, Content.styled(words("screen.chat_over").upper(),
                                              "$text-secondary bold"))
            set_content(meta, outcome)
            set_content(text, words("screen.report_hint"))
            return
        if shown.number is None:
            set_content(title, words("screen.no_question_left"))
            set_content(meta, words("screen.questions_left", n=left, total=total))
            set_content(text, "")
            return
        set_content(title, Content.assemble(
            (words("screen.next_question").upper() + "  ", "$text-secondary bold"),
            (f"Q{shown.number}", "$text-accent bold"),
            (f"   {shown.answers}" if shown.answers else "", "$text-success"),
        ))
        # The count first: a long start line (every audience's zone) is what gets cut.
        set_content(meta, f"{words('screen.questions_left', n=left, total=total)} · {shown.when}")
        set_content(text, literal(shown.text))


class DraftPane(Vertical):
    """The selected cue's exact text, its count, the overflow marked; its notes below.

    Text and notes share one scroll area, so a long draft is readable whole in a small
    pane (tab focuses it, the arrows scroll it), and the notes sit under a labelled rule
    of their own: they never read as the end of the draft.
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="draft-head"):
            yield Label(id="draft-title", markup=False)
            yield Label(id="draft-count", markup=False)
        yield Label(id="draft-tabs", markup=False)
        yield DraftBody(id="draft-body")

    def show(self, shown: RowView | None, words: Words, network: str = "") -> None:
        """`shown` on `network` (a plan on several: its tabs say which, `1`-`4`)."""
        title = self.query_one("#draft-title", Label)
        counter = self.query_one("#draft-count", Label)
        body = self.query_one(DraftBody)
        note_title = f" {words('screen.note')} "
        self._tabs(shown, network, words)
        if shown is None:
            set_content(title, "")
            set_content(counter, "")
            body.show(Content(""), Content(""), note_title)
            self.remove_class("-over-limit")
            return
        row = shown.row
        draft = row.draft_on(network if shown.marks else None)
        counted = draft.count
        over = not counted.valid
        self.set_class(over, "-over-limit")
        # Each span ends with its blank, never starts with one: some SVG renderers drop
        # a span's leading blanks ("Q4· 18:23").
        set_content(title, Content.assemble(
            (shown.label + " ", "bold"),
            ("· " + shown.time, "$text-muted"),
        ))
        # As wide as the limit ("␣96/280", "186/280"): moving between drafts then never
        # resizes the label, which would cost a layout of the whole screen.
        set_content(counter, count_line(counted, words, pad=True))
        notes = []
        if row.cue.derived:
            notes.append(words("screen.derived_note"))
        if row.cue.notes:
            notes.append(one_line(row.cue.notes, marked=True))
        notes.extend(one_line(f"{note.said_with(words)}.", marked=True) for note in counted.notes)
        notes.extend(one_line(p, marked=True) for p in shown.posts)  # links, failures
        body.show(with_overflow(draft.text, counted.overflow_index, OVERFLOW_STYLE),
                  literal("\n".join(notes)), note_title)

    def _tabs(self, shown: RowView | None, network: str, words: Words) -> None:
        """ "1 X ✓  2 Bluesky !  3 Mastodon ·": the networks by their key, the one shown
        reversed and named in the pane's title ("Text to paste · Bluesky", its count on
        the right); none on a plan with one network."""
        tabs = self.query_one("#draft-tabs", Label)
        marks = shown.marks if shown is not None else ()
        self.set_class(bool(marks), "-networks")
        on = shown.mark(network) if shown is not None and marks else None
        self.border_title = words("screen.draft") + (f" · {on.name}" if on else "")
        if not marks:
            return
        from tui.widgets.cuelist import NETWORK_MARK

        parts: list[tuple[str, str]] = []
        for mark in marks:
            symbol, style = NETWORK_MARK[mark.state]
            # Each span ends with its blanks: an SVG renderer may drop leading ones.
            parts.append((f"{mark.place} {mark.name} ",
                          "reverse bold" if mark is on else ""))
            parts.append((symbol + " ", style))
        set_content(tabs, Content.assemble(*parts))


class Checklist(OptionList):
    """The plan's checklist by phase, the current phase first; overdue items marked."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._signature: _Signature = ()
        self._layout: tuple[tuple[str, tuple[int, ...]], ...] = ()
        self._words: Words | None = None

    @property
    def selected_index(self) -> int | None:
        option = self.highlighted_option
        if option is None or option.id is None or not option.id.startswith("item-"):
            return None
        return int(option.id.removeprefix("item-"))

    def show(self, groups: ChecklistGroups, words: Words) -> None:
        signature: _Signature = tuple(
            (phase, tuple((e.index, e.item.text, e.done, e.overdue) for e in entries))
            for phase, entries in groups
        )
        if signature == self._signature:
            return  # unchanged: keep the cursor where the moderator left it
        previous, self._signature = self._signature, signature
        layout = tuple((phase, tuple(e.index for e in entries)) for phase, entries in groups)
        if layout == self._layout and words is self._words:
            # The same items in the same places (an item ticked, one falling overdue):
            # replace the prompts that changed, not the whole list of options.
            self._update_prompts(previous, signature, groups, words)
            return
        phases_moved = [p for p, _ in layout] != [p for p, _ in self._layout]
        self._layout, self._words = layout, words
        keep = self.highlighted_option.id if self.highlighted_option else None
        if phases_moved and not self.has_focus:
            # A new phase (or the first show): the cursor goes to what is to do now, not
            # where it was in a group that has just moved down the list.
            keep = None
        options: list[Option | None] = []
        for phase, entries in groups:
            options.append(Option(
                Content.styled(words(f"screen.phase_{phase}").upper(), "$text-accent bold"),
                id=f"phase-{phase}", disabled=True,
            ))
            options.extend(Option(_item_prompt(e, words), id=f"item-{e.index}")
                           for e in entries)
        if not options:
            options.append(Option(Content(words("screen.no_checklist")), disabled=True))
        self.set_options(options)
        ids = [o.id for o in self.options]
        if keep in ids:
            self.highlighted = ids.index(keep)
            return
        # The current phase's first item not done yet (space must not untick what is
        # already done), else its first item; its heading stays in view above it.
        current = groups[0][1] if groups else []
        target = next((e for e in current if not e.done and not e.reminder),
                      current[0] if current else None)
        if target is None:
            self.highlighted = None
            return
        self.highlighted = ids.index(f"item-{target.index}")
        if self.highlighted == 1:
            self.scroll_home(animate=False, immediate=True)

    def _update_prompts(
        self,
        previous: _Signature,
        signature: _Signature,
        groups: Sequence[tuple[str, Sequence[ChecklistEntry]]],
        words: Words,
    ) -> None:
        position = 0
        for (_phase, entries), (_, old), (_, new) in zip(
            groups, previous, signature, strict=True
        ):
            position += 1  # the phase's heading
            for entry, before, after in zip(entries, old, new, strict=True):
                if before != after:
                    self.replace_option_prompt_at_index(position, _item_prompt(entry, words))
                position += 1


def _item_prompt(entry: ChecklistEntry, words: Words) -> Content:
    if entry.reminder:
        # The whole hour long: no box to tick, a mark that says "again and again".
        return Content.assemble(("↻ ", "$text-accent"), one_line(entry.item.text, marked=True))
    box = "☑ " if entry.done else "☐ "
    parts: list[tuple[str, str] | str] = [(box, "$text-success" if entry.done else "")]
    if entry.overdue:
        # A badge at the start of the line, reversed: a state, not the end of the task.
        parts += [(f" {words('screen.overdue')} ", OVERDUE_STYLE), " "]
    text = one_line(entry.item.text, marked=True)
    parts.append((text, "$text-muted strike" if entry.done else ""))
    return Content.assemble(*parts)
