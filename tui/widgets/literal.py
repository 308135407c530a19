"""Plan text shown exactly as written, never interpreted.

A draft may contain `[bold]`, `[/]`, `$accent` or terminal escape sequences (pasted from
anywhere, or planted in a shared plan). Textual would read the first as markup and a
terminal would obey the last, so text from the plan only ever reaches the screen as a
`Content` built from the plain string, with control characters and bidirectional
overrides replaced by visible symbols (`tui.core.text.controls`). The replacement is one
character for one, so a count's `overflow_index` still points at the right place. This
is for display only: the clipboard gets the text without them.
"""

from __future__ import annotations

from typing import cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Static

from tui.core.text.controls import visible
from tui.wrapping import keep_no_break_spaces

# Every widget that shows plan text draws it through this module: from here on, no line
# on screen breaks at a no-break space ("Sujet du jour : le…" never leaves its colon
# alone at the start of a line).
keep_no_break_spaces()


def literal(text: str, style: str = "") -> Content:
    """A `Content` showing `text` literally, in one optional style."""
    content = Content(visible(text))
    return content.stylize(style) if style else content


def with_overflow(text: str, overflow_index: int | None, style: str) -> Content:
    """The text, with `style` from the first character past the limit to the end."""
    content = literal(text)
    if overflow_index is None or overflow_index >= len(text):
        return content
    return content.stylize(style, overflow_index, len(text))


def set_content(widget: Static, content: Content | str) -> None:
    """`widget.update(content)` unless it already shows exactly that, laying the screen
    out again only when the widget's size can change.

    Textual lays the whole screen out again after every `update`, and a layout costs
    several frames (scrollbars follow it). The run-sheet redraws from the clock at each
    second and at each key, and mostly the new text takes the same room as the old one:
    a clock "18:04:59" -> "18:05:00", a draft of as many lines.
    """
    current = widget.content
    if isinstance(content, Content) and isinstance(current, Content):
        if content.is_same(current):
            return
    elif isinstance(content, str) and isinstance(current, str) and content == current:
        return
    before = widget.visual
    widget.update(content, layout=False)
    if _size_may_change(widget, before, widget.visual):
        widget.refresh(layout=True)


def _size_may_change(widget: Widget, before: Visual, after: Visual) -> bool:
    """Whether `after` can give `widget` another size than `before` did.

    Only a width or height that follows the content (`auto`) can change; the height is
    taken at the width the widget has now, as Textual's layout would.
    """
    width = widget.content_size.width
    if not widget.is_mounted or width <= 0:
        return True  # not laid out yet: nothing to keep
    styles = widget.styles
    # Textual hands a visual the widget's styles as its rules (Widget.get_content_width).
    rules = cast("RulesMap", styles)
    if styles.width is not None and styles.width.is_auto:
        if before.get_optimal_width(rules, width) != after.get_optimal_width(rules, width):
            return True
    if styles.height is not None and styles.height.is_auto:
        return before.get_height(rules, width) != after.get_height(rules, width)
    return False
