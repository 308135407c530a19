"""The draft pane's body: the draft's exact text and, under a labelled rule, its notes.

One scrollable widget that draws its own lines. Moving through the cue list shows a new
draft at every key; as two Static widgets in a scroll container, each new text of
another height made Textual lay the whole screen out again, then again for the
container's new virtual size, then repaint the scrollbars: four frames, more than 50 ms,
for one key. Here a new text is one repaint, and a layout happens only when the
scrollbar comes or goes.
"""

from __future__ import annotations

from typing import ClassVar, cast

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.events import Resize
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

# The rule over the notes: dashed, with its title on the left ("╌╌ Note ╌╌╌╌").
RULE = "╌"


class DraftBody(ScrollView, can_focus=True):
    """The text of a draft, a blank line, then its notes under a rule titled `note_title`.

    `text` and `note` are shown literally (build them with `literal`); the arrows,
    page keys, home and end scroll it when it has the focus.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "draft-body--note",
        "draft-body--rule",
        "draft-body--rule-title",
    }

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.text = Content("")
        self.note = Content("")
        self.note_title = ""
        self._strips: list[Strip] | None = None
        self._strips_key: tuple[object, ...] = ()
        self._body_content: Content | None = None
        self._body_key: tuple[object, ...] = ()

    @property
    def text_shown(self) -> str:
        return self.text.plain

    @property
    def note_shown(self) -> str:
        return self.note.plain

    @property
    def note_top(self) -> int | None:
        """The line of the rule over the notes (from the top of the text), or None."""
        if not self.note.plain:
            return None
        return self._text_height(self._width()) + 1

    def show(self, text: Content, note: Content, note_title: str) -> None:
        """Show a new text and note; a new text (another cue's) starts at its top."""
        if (text.is_same(self.text) and note.is_same(self.note)
                and note_title == self.note_title):
            return
        if not text.is_same(self.text):
            self.scroll_to(0, 0, animate=False, immediate=True)
        self.text, self.note, self.note_title = text, note, note_title
        self._strips = self._body_content = None
        self._update_size()
        self.refresh()

    # --- lines -----------------------------------------------------------------------

    def _width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    def _top_padding(self) -> int:
        # A blank line over the text, except on a short screen, where lines are dear.
        return 0 if self.screen.has_class("-short") else 1

    def _text_height(self, width: int) -> int:
        return self._top_padding() + self._height_of(self.text, width)

    def _height_of(self, content: Content, width: int) -> int:
        # Textual hands a visual the widget's styles as its rules (Widget.get_content_height).
        return content.get_height(cast(RulesMap, self.styles), width) if content.plain else 0

    def _line_count(self, width: int) -> int:
        return self._top_padding() + self._height_of(self._body(width), width)

    def _body(self, width: int) -> Content:
        """The text, then a blank line, the rule and the note: one Content, so the mouse
        selects across them as in any text, each line knowing its place."""
        rule = self.get_visual_style("draft-body--rule")
        title = self.get_visual_style("draft-body--rule-title")
        note = self.get_visual_style("draft-body--note")
        # Styles are part of the key: a change of theme redraws with the new colours.
        key = (width, rule, title, note)
        if self._body_content is not None and key == self._body_key:
            return self._body_content
        body = self.text
        if self.note.plain:
            name = self.note_title
            body = Content.assemble(
                self.text, "\n\n",
                (RULE * 2, rule), (name, title),
                (RULE * max(width - 2 - cell_len(name), 0), rule), "\n",
                self.note.stylize(note),
            )
        self._body_content, self._body_key = body, key
        return body

    def _update_size(self) -> None:
        if not self.is_mounted or not self.scrollable_content_region:
            return
        width = self._width()
        size = Size(width, self._line_count(width))
        if size == self.virtual_size:
            return
        height = self.scrollable_content_region.height
        scrollbar_changes = (size.height > height) != (self.virtual_size.height > height)
        if scrollbar_changes:
            self.virtual_size = size  # the scrollbar comes or goes: a layout is due
        else:
            self.set_reactive(Widget.virtual_size, size)
        # Thumb size and position, as Textual's own OptionList updates them.
        self._scroll_update(size)

    def on_resize(self, event: Resize) -> None:
        self._update_size()

    def _render_strips(self) -> list[Strip]:
        width = self._width()
        base = self.visual_style
        body = self._body(width)
        key = (width, self._top_padding(), base, body)
        if self._strips is not None and key == self._strips_key:
            return self._strips
        strips = [Strip.blank(width, base.rich_style)] * self._top_padding()
        if body.plain:
            strips += Visual.to_strips(self, body, width, None, base, pad=True)
        self._strips, self._strips_key = strips, key
        return strips

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract(self._body(self._width()).plain), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips = None  # drawn again with the selection's colours
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # The screen's "-short" class (no blank over the text) may have changed since the
        # last size was taken, as OptionList keeps its own lines up to date here.
        self._update_size()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        strips = self._render_strips()
        index = self.scroll_offset.y + y
        if 0 <= index < len(strips):
            return strips[index]
        return Strip.blank(self._width(), self.visual_style.rich_style)
