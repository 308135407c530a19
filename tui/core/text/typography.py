"""French typography: the no-break spaces that keep "?" and "»" on their word's line.

French puts a space before `: ; ! ?` and inside `« »`. With an ordinary space a line
may break right before the mark, and phones do: "c'est possible ? / »", "19 h 00 –
20 h / 00". A no-break space keeps them together. Two forms, for two destinations:

- posts (`for_post`): U+00A0 NO-BREAK SPACE everywhere. On X, U+00A0 weighs 1 like
  any space, where U+202F NARROW NO-BREAK SPACE weighs 2 (twitter-text counts it
  outside its light ranges): a post keeps its count, and a French draft is not made
  longer than the same text typed by hand.
- printed and published pages (`for_print`): as the Imprimerie nationale has it, a
  narrow U+202F before `; ! ?` and a full-width U+00A0 before `:` and inside `« »`.

Both apply to text already written, the plan's own included ("Q1 : ..." typed with a
plain space), and only where a space already is: nothing is inserted, nothing in a web
address (which has no spaces) can change, and applying a rule twice changes nothing.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"
NO_BREAK_SPACES = f"{NBSP}\u2007{NNBSP}"
"""The spaces a line must never break at (U+2007 FIGURE SPACE too): Python's `\\s`
holds them all, so a wrap that splits on `\\s` breaks exactly where they forbid it
(`tui.wrapping` keeps them whole on screen and in the commands' tables)."""

_SPACE = f"[ {NBSP}{NNBSP}]"
_BEFORE_COLON = re.compile(f"(?<=\\S){_SPACE}++(?=:(?:\\s|$))")
_BEFORE_TALL = re.compile(f"(?<=\\S){_SPACE}++(?=[;!?])")
_AFTER_OPENING = re.compile(f"«{_SPACE}++")
# Only from the first space of a run: tried at every space of a long run not followed
# by », the pattern was quadratic (100,000 spaces in a plan or a post took minutes).
_BEFORE_CLOSING = re.compile(f"(?<!{_SPACE}){_SPACE}++»")
# Babel writes French clock times as "18 h 00": the hour, its "h" and its minutes stay
# together, as do a number and its unit ("60 min", "2 j").
_CLOCK = re.compile(f"(\\d){_SPACE}h{_SPACE}(\\d\\d)")
_UNIT = re.compile(f"(\\d){_SPACE}(min|h|j)\\b")


def _apply(text: str, *, tall: str, colon: str, quotes: str) -> str:
    text = _BEFORE_COLON.sub(colon, text)
    text = _BEFORE_TALL.sub(tall, text)
    text = _AFTER_OPENING.sub("«" + quotes, text)
    text = _BEFORE_CLOSING.sub(quotes + "»", text)
    text = _CLOCK.sub(f"\\1{NBSP}h{NBSP}\\2", text)
    return _UNIT.sub(f"\\1{NBSP}\\2", text)


def for_post(text: str) -> str:
    """`text` with French no-break spaces for a post: U+00A0 only (see above)."""
    return _apply(text, tall=NBSP, colon=NBSP, quotes=NBSP)


def for_print(text: str) -> str:
    """`text` with French no-break spaces for a page: U+202F before `; ! ?`, U+00A0
    before `:` and inside guillemets."""
    return _apply(text, tall=NNBSP, colon=NBSP, quotes=NBSP)


def french_post(text: str, language: str) -> str:
    """`for_post(text)` in a French plan, `text` as it is in any other language."""
    return for_post(text) if language == "fr" else text


def french_print(text: str, language: str) -> str:
    """`for_print(text)` in a French plan, `text` as it is in any other language."""
    return for_print(text) if language == "fr" else text
