"""No line breaks at a no-break space: in Textual's text (panes, dialogs, notices), in its
text areas (the editor) and in Rich's (every command's tables), once `tui.wrapping`'s
rule is set, as the run-sheet's widgets (`tui.widgets.literal`) and every command's
console (`safe_console`) set it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual._wrap import compute_wrap_offsets
from textual.content import Content

import tui.widgets.literal  # noqa: F401 - sets the rule, as every pane does
from tui.commands.console import safe_console
from tui.core.text.typography import NBSP, NNBSP

WELCOME = (f"Bienvenue dans le tchat #PasAvant18Ans{NBSP}! Sujet du jour{NBSP}: le mariage "
           f"des enfants en Afrique de l'Ouest. D'où nous suivez-vous{NNBSP}? "
           f"«{NBSP}Grandir libre{NBSP}» à 18{NBSP}h{NBSP}00.")


def joined(text: str) -> list[str]:
    """The runs a line must keep whole: words joined by a no-break space."""
    return [run for run in text.split(" ") if NBSP in run or NNBSP in run]


def rich_lines(text: str, width: int) -> list[str]:
    return [line.plain for line in Text(text).wrap(safe_console(width=width), width)]


def content_lines(text: str, width: int) -> list[str]:
    return [line.plain for line in Content(text).wrap(width)]


def text_area_lines(text: str, width: int) -> list[str]:
    cuts = [0, *compute_wrap_offsets(text, width, tab_size=8), len(text)]
    return [text[start:end] for start, end in zip(cuts, cuts[1:], strict=False)]


WRAPS = (rich_lines, content_lines, text_area_lines)


def test_the_welcome_never_breaks_before_its_colon_at_any_width() -> None:
    for wrap in WRAPS:
        # From the longest run's width up (a run longer than the line is cut, as a long
        # word is).
        for width in range(max(map(len, joined(WELCOME))), 70):
            lines = wrap(WELCOME, width)
            for run in joined(WELCOME):
                assert any(run in line for line in lines), (wrap.__name__, width, run, lines)
            assert not any(line.lstrip().startswith((":", "!", "?", "»")) for line in lines)


def test_ordinary_spaces_still_break() -> None:
    for wrap in WRAPS:
        assert len(wrap("Sujet du jour le mariage des enfants", 14)) >= 3, wrap.__name__


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abcdé:?!", min_size=1, max_size=6), min_size=2,
                   max_size=14),
    spaces=st.lists(st.sampled_from([" ", " ", NBSP, NNBSP]), min_size=13, max_size=13),
    width=st.integers(min_value=8, max_value=40),
)
def test_a_run_joined_by_no_break_spaces_stays_on_one_line(
    words: list[str], spaces: list[str], width: int
) -> None:
    text = "".join(word + space for word, space in zip(words, spaces, strict=False)).strip()
    for wrap in WRAPS:
        lines = wrap(text, width)
        for run in joined(text):
            if len(run) <= width:  # a run longer than the line is cut, as a long word is
                assert any(run in line for line in lines), (wrap.__name__, width, run, lines)
        # Nothing lost: every word is still there, in order.
        assert "".join("".join(lines).split()) == "".join(text.split())
