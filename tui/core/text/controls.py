"""Control characters and bidirectional overrides in text from outside: the one place
that decides what becomes of them.

A plan is shared, a log is a file anyone can edit, a clipboard holds whatever was copied
last: any of them may carry `ESC ] 52 ; c ; ...` (sets the clipboard of a terminal with
OSC 52 on), `ESC [ 2 J` (clears the screen), C1 controls (U+009B is CSI to some
terminals), or bidirectional overrides (U+202E makes a link read backwards). Rich
strips BEL, BS and CR but passes ESC and C1; Textual draws what it is given.

- `visible`: for everything shown (run-sheet, dialogs, CLI output). Each one becomes a
  visible stand-in, one character for one, so a count's `overflow_index` still points
  at the right place: C0 controls as Unicode control pictures (␛ for ESC), DEL as ␡,
  C1 controls as U+FFFD, bidirectional controls as ⇄. Newline and tab stay.
- `for_copy`: for everything copied (clipboard, OSC 52): they are dropped. A text is
  counted as it is copied (`tui.core.plan.drafts`), and `index_in` puts the count's
  positions back on the text as written (and shown, one for one).
- `controls_in`: what `tchat check` warns about, with code points.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

BIDI_CONTROLS = frozenset(
    chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
)
"""LRE RLE PDF LRO RLO and LRI RLI FSI PDI: they reorder the text around them."""

_KEEP = frozenset("\n\t")
BIDI_STAND_IN = "\u21c4"  # ⇄: of neutral width in every terminal, unlike ↔


def _stand_in(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ␁ ... ␛ ...: the Unicode "control pictures"
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= code < 0xA0:
        return "\ufffd"
    return BIDI_STAND_IN


_CODES = [
    code for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))
    if chr(code) not in _KEEP
] + sorted(ord(c) for c in BIDI_CONTROLS)

# `str.translate` tables: one C loop instead of a Python call per character (the
# run-sheet cleans every row's excerpt at every redraw).
_VISIBLE = {code: _stand_in(code) for code in _CODES}
_DROPPED: dict[int, None] = dict.fromkeys(_CODES)
UNSAFE = frozenset(chr(code) for code in _CODES)


def visible(text: str) -> str:
    """`text` with every control (but newline and tab) and bidirectional control made
    visible, one character for one."""
    return text.translate(_VISIBLE)


def for_copy(text: str) -> str:
    """`text` without any control (but newline and tab) or bidirectional control: what
    a clipboard may receive. A CR LF becomes the LF it meant."""
    return text.replace("\r\n", "\n").translate(_DROPPED)


def index_in(text: str, copied: int) -> int:
    """Where the character at `copied` in `for_copy(text)` is in `text` (its length when
    `copied` is past the end): every character but the dropped ones keeps its order."""
    kept = -1
    for position, char in enumerate(text):
        if char not in UNSAFE:
            kept += 1
            if kept == copied:
                return position
    return len(text)


def has_unsafe(text: str) -> bool:
    return not UNSAFE.isdisjoint(text)


@dataclass(frozen=True, slots=True)
class Found:
    """One unsafe character in a text: where, which."""

    position: int
    char: str

    @property
    def code_point(self) -> str:
        """ "U+001B (ESC)", "U+202E (RIGHT-TO-LEFT OVERRIDE)"."""
        return f"U+{ord(self.char):04X} ({character_name(self.char)})"

    @property
    def is_bidi(self) -> bool:
        return self.char in BIDI_CONTROLS


_C0_NAMES = ("NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 "
             "DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US").split()


def character_name(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return _C0_NAMES[code]
    if code == 0x7F:
        return "DEL"
    if 0x80 <= code < 0xA0:
        return "C1 control"
    return unicodedata.name(char, "control")


def controls_in(text: str) -> list[Found]:
    """Every unsafe character of `text`, in order."""
    if not has_unsafe(text):
        return []
    return [Found(i, c) for i, c in enumerate(text) if c in UNSAFE]
