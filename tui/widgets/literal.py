"""Plan text shown exactly as written, never interpreted.

A draft may contain `[bold]`, `[/]`, `$accent` or terminal escape sequences (pasted from
anywhere, or planted in a shared plan). Textual would read the first as markup and a
terminal would obey the last, so text from the plan only ever reaches the screen as a
`Content` built from the plain string, with control characters replaced by visible
symbols. The replacement is one character for one, so a count's `overflow_index` still
points at the right place. This is for display only: the clipboard gets the real text.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

_KEEP = {"\n", "\t"}


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ␁ ... ␛ ...: the Unicode "control pictures"
    if code == 0x7F:
        return "␡"
    if 0x80 <= code < 0xA0:
        return "�"
    return char


# The same replacement as a `str.translate` table: one C loop instead of a Python call
# per character (the run-sheet cleans every row's excerpt).
_TABLE = {
    code: _visible(chr(code))
    for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))
    if chr(code) not in _KEEP
}


def displayable(text: str) -> str:
    """`text` with every control character (but newline and tab) made visible."""
    return text.translate(_TABLE)


def literal(text: str, style: str = "") -> Content:
    """A `Content` showing `text` literally, in one optional style."""
    content = Content(displayable(text))
    return content.stylize(style) if style else content


def one_line(text: str) -> str:
    """For lists: the text on a single line, newlines shown as a return symbol."""
    return displayable(text.replace("\r\n", "\n")).replace("\n", " ⏎ ")


def with_overflow(text: str, overflow_index: int | None, style: str) -> Content:
    """The text, with `style` from the first character past the limit to the end."""
    content = literal(text)
    if overflow_index is None or overflow_index >= len(text):
        return content
    return content.stylize(style, overflow_index, len(text))


def set_content(widget: Static, content: Content | str, *, fixed_width: bool = False) -> None:
    """`widget.update(content)` unless it already shows exactly that.

    Every update lays the whole screen out again; the run-sheet redraws from the clock
    at each second (five times a second in a fast rehearsal), and most of what it shows
    has not changed since the last time. `fixed_width` says the widget's size does not
    follow its text (a clock "18:04:59" -> "18:05:00"): then only a change of length
    needs a new layout.
    """
    current = widget.content
    if isinstance(content, Content) and isinstance(current, Content):
        if content.is_same(current):
            return
    elif isinstance(content, str) and isinstance(current, str) and content == current:
        return
    layout = True
    if fixed_width and isinstance(current, Content | str):
        layout = _cells(current) != _cells(content)
    widget.update(content, layout=layout)


def _cells(text: Content | str) -> int:
    return text.cell_length if isinstance(text, Content) else cell_len(text)
