"""Lines never break at a no-break space, on screen or in a command's table.

French text carries U+00A0 before `:` (and U+202F before `; ! ?` in printed pages) so
that "Sujet du jour : le mariage" never breaks before its colon. Rich and Textual break
lines between "words" found by a regular expression on `\\s`, and Python's `\\s` holds
every no-break space: they broke there, the very break the typography forbids.

One rule, for every wrap tchat draws: a no-break space is part of the word it joins.
It is set here, once per process, in the two patterns that find words, the only two
the pinned Rich and Textual wrap with:

- `rich._wrap.re_word`: Rich's `Text.wrap` (tables, every command's output) and
  Textual's `Content` (every Static and Label, the draft pane, dialogs, notices), which
  wraps through Rich's `divide_line`;
- `textual._wrap.re_chunk`: Textual's `TextArea` (the editor, the copy-by-hand text).

Both are private, used in this one place; tests/test_private_apis.py fails, naming
the version, when an upgrade moves either, and tests/ui/test_nobreak.py holds the rule
on screen and in `tchat drafts`.
"""

from __future__ import annotations

import re

from tui.core.text.typography import NO_BREAK_SPACES

_WORD = f"[\\S{NO_BREAK_SPACES}]"
"""A character that belongs to a word: anything but a breakable space."""
_GAP = f"[^\\S{NO_BREAK_SPACES}]"
"""A space a line may break at."""

RICH_WORD = re.compile(f"{_GAP}*{_WORD}+{_GAP}*")
"""Rich's `\\s*\\S+\\s*`, a no-break space counted as part of the word."""
TEXTUAL_CHUNK = re.compile(f"{_WORD}+{_GAP}*|{_GAP}+")
"""Textual's `\\S+\\s*|\\s+`, likewise."""


def keep_no_break_spaces(*, text_areas: bool = True) -> None:
    """From now on, in this process, no line breaks at a no-break space (idempotent).

    `text_areas=False` leaves Textual's `TextArea` alone: a command that prints and
    never draws a screen does not import Textual (a tenth of a second) for it."""
    import rich._wrap

    rich._wrap.re_word = RICH_WORD
    if text_areas:
        import textual._wrap

        textual._wrap.re_chunk = TEXTUAL_CHUNK
