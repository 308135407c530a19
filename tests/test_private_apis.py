"""The private APIs tchat relies on, one test each, failing loudly on an upgrade.

Each is used in one small place: `tui.screens.keys.rebind` (Textual's
`DOMNode._bindings`), `tui.screens.pacing.PacedScreen` (Textual's
`Screen._update_timer` and `Screen._on_timer_update`),
`tui.commands.rehearse.dash_digit_is_a_value` (argparse's `_negative_number_matcher`)
and `tui.wrapping.keep_no_break_spaces` (Rich's `_wrap.re_word`, Textual's
`_wrap.re_chunk`).
When one of these tests fails after an upgrade, that place is the one to rewrite. The
run-sheet's notices use Textual's public API only (`tui.widgets.notices`).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import inspect
import platform
from typing import ClassVar

import textual
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label

from tui.commands.rehearse import dash_digit_is_a_value
from tui.screens.keys import rebind

TEXTUAL = f"Textual {textual.__version__} (tchat pins 8.2.8)"
PYTHON = f"Python {platform.python_version()}"


class _Bound(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "bell", "Old words", id="ring"),
        Binding("y", "bell", "Shown", id="other"),
    ]

    def compose(self) -> ComposeResult:
        yield Label("bound")

    def on_mount(self) -> None:
        rebind(self, lambda bindings: [
            Binding(b.key, b.action, "New words", id=b.id) if b.id == "ring"
            else Binding(b.key, b.action, b.description, show=False, id=b.id)
            for b in bindings
        ])


async def test_rebind_changes_what_textual_shows_and_dispatches() -> None:
    app = _Bound()
    async with app.run_test() as pilot:
        await pilot.pause()
        active = {key: a.binding for key, a in app.active_bindings.items()}
        assert "x" in active and "y" in active, (
            f"{TEXTUAL}: DOMNode._bindings no longer holds a node's bindings; "
            "rewrite tui.screens.keys.rebind"
        )
        assert active["x"].description == "New words", (
            f"{TEXTUAL}: bindings set through DOMNode._bindings are not the ones shown; "
            "rewrite tui.screens.keys.rebind"
        )
        assert active["y"].show is False


def test_screens_draw_their_frames_from_update_timer() -> None:
    # PacedScreen replaces this property with a FramePacer (tui/screens/pacing.py), which
    # only works while Screen resumes and pauses its frames through it, and draws a
    # frame with `Screen._on_timer_update`, as Textual's own timer does.
    attribute = inspect.getattr_static(Screen, "_update_timer", None)
    source = inspect.getsource(Screen)
    assert isinstance(attribute, property) and inspect.signature(
        attribute.fget  # type: ignore[arg-type]
    ).return_annotation in (Timer, "Timer"), (
        f"{TEXTUAL}: Screen._update_timer is no longer a Timer property; "
        "rewrite PacedScreen (tui/screens/pacing.py)"
    )
    for call in ("self._update_timer.resume()", "self._update_timer.pause()"):
        assert call in source, (
            f"{TEXTUAL}: Screen no longer calls {call}; the run-sheet's FramePacer "
            "would never draw: rewrite PacedScreen (tui/screens/pacing.py)"
        )
    timer_source = inspect.getsource(attribute.fget)  # type: ignore[arg-type]
    draw = inspect.getattr_static(Screen, "_on_timer_update", None)
    assert callable(draw) and "self._on_timer_update" in timer_source, (
        f"{TEXTUAL}: Screen's update timer no longer draws with _on_timer_update; "
        "rewrite PacedScreen (tui/screens/pacing.py)"
    )
    assert not inspect.signature(draw).parameters.keys() - {"self"}, (
        f"{TEXTUAL}: Screen._on_timer_update takes arguments now; "
        "rewrite PacedScreen (tui/screens/pacing.py)"
    )


def test_rich_and_textual_wrap_with_the_patterns_tchat_sets() -> None:
    # keep_no_break_spaces replaces the two patterns that find the words a line may
    # break between; an upgrade that renames or stops reading either breaks French
    # lines before their colon again.
    import rich._wrap
    import textual._wrap
    from textual.content import Content

    from tui.wrapping import keep_no_break_spaces

    rich_version = f"Rich {importlib.metadata.version('rich')}"
    keep_no_break_spaces()
    assert rich._wrap.re_word.pattern.startswith("[^\\S"), (
        f"{rich_version}: rich._wrap.re_word is gone; rewrite tui.wrapping"
    )
    assert "re_word.match" in inspect.getsource(rich._wrap.words), (
        f"{rich_version}: rich._wrap.words no longer reads re_word; rewrite tui.wrapping"
    )
    assert "divide_line" in inspect.getsource(Content._wrap_and_format), (
        f"{TEXTUAL}: Content no longer wraps with Rich's divide_line; rewrite tui.wrapping"
    )
    assert "re_chunk.match" in inspect.getsource(textual._wrap.chunks), (
        f"{TEXTUAL}: textual._wrap.chunks no longer reads re_chunk; rewrite tui.wrapping"
    )
    assert [line.plain for line in Content("jour\u00a0: le").wrap(6)][0] == "jour\u00a0:", (
        f"{TEXTUAL} with {rich_version}: a line breaks at a no-break space; "
        "rewrite tui.wrapping"
    )


def test_a_dash_and_a_digit_is_a_value() -> None:
    parser = argparse.ArgumentParser()
    assert hasattr(parser, "_negative_number_matcher"), (
        f"{PYTHON}: argparse has no _negative_number_matcher any more; "
        "rewrite tui.commands.rehearse.dash_digit_is_a_value"
    )
    parser.add_argument("--at")
    dash_digit_is_a_value(parser)
    try:
        at = parser.parse_args(["--at", "-2m"]).at  # "expected one argument" without it
    except SystemExit:
        at = None
    assert at == "-2m", (
        f"{PYTHON}: argparse ignores _negative_number_matcher; "
        "rewrite tui.commands.rehearse.dash_digit_is_a_value"
    )
