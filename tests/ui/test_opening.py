"""`tchat run`'s opening frame: header and countdown from a glance, then the run-sheet.

The app is built as `tchat run` builds it (`begin(path, glance=glance(path))`). To look at the
opening frame itself, `finish_opening` is held back and then called by the test.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Digits, Static

import tui.startup as startup
from tests.conftest import FakeClipboard, FakeMonotonic
from tests.helpers import modules_loaded
from tests.ui.helpers import REPO, at, copies_done, copy_plan, until
from tui.app import TchatApp
from tui.cli import main
from tui.clipboard import Clipboard
from tui.commands.rehearse import Rehearsal, build_app
from tui.core.plan.glance import glance
from tui.core.run.asrun import rehearsal_logs
from tui.core.timing.clock import Clock, FrozenClock
from tui.screens.dialogs import ConfirmDialog
from tui.screens.opening import Opening
from tui.screens.runsheet import RunSheet
from tui.startup import begin
from tui.widgets.cuelist import CueList

SIZE = (120, 36)


def opening_app(plan: Path, clock: Clock, clipboard: Clipboard, **options: Any) -> TchatApp:
    seen = glance(plan)
    assert seen is not None
    return TchatApp(begin(plan, clock=clock, glance=seen, **options), clipboard=clipboard)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[TchatApp]]:
    """Apps whose opening frame stays up until the test calls `finish_opening`."""
    waiting: list[TchatApp] = []
    monkeypatch.setattr(TchatApp, "finish_opening", lambda self: waiting.append(self))
    yield waiting


def text_of(app: TchatApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def fails_after_the_glance(tmp_path: Path) -> Path:
    """A plan whose [chat] table is fine (it gets a glance) and whose last question has
    a misspelt key (the validation that follows refuses it)."""
    plan = copy_plan(tmp_path)
    plan.write_text(plan.read_text(encoding="utf-8") + "\n[[questions]]\ntexte = 'Q?'\n",
                    encoding="utf-8")
    assert glance(plan) is not None
    return plan


@pytest.fixture
def in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> list[TchatApp]:
    """`tchat` as run in a terminal, its apps run headless; the apps it ran."""
    run = TchatApp.run
    ran: list[TchatApp] = []

    def headless(self: TchatApp) -> None:
        ran.append(self)
        run(self, headless=True, size=SIZE)

    monkeypatch.setattr(TchatApp, "run", headless)
    # Not sys.stdout.isatty: capsys puts its own stdout in place after this fixture.
    monkeypatch.setattr(startup, "opens_on_a_glance", lambda: True)
    monkeypatch.setattr(startup, "terminal_missing", lambda: None)
    return ran


async def test_the_first_frame_shows_header_and_countdown_then_the_run_sheet(
    tmp_path: Path, fake_clipboard: FakeClipboard, held: list[TchatApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = copy_plan(tmp_path)
    app = opening_app(plan, FrozenClock(at(-75)), fake_clipboard)
    assert not app.loaded, "nothing is validated before the first frame"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert held == [app]
        assert isinstance(app.screen, Opening)
        assert "Tchat Lecture Jeunesse" in text_of(app, "#header-title")
        assert text_of(app, "#header-clock") == "16:45:00"
        assert text_of(app, "#header-mode") == "DIRECT"
        assert text_of(app, "#countdown-caption") == "Début dans"
        assert app.screen.query_one("#countdown-digits", Digits).value == "01:15:00"
        assert text_of(app, "#countdown-detail") == "début à 18:00"
        assert not app.screen.query(CueList), "the panes wait for the plan"

        monkeypatch.undo()  # the real finish_opening from now on
        app.finish_opening()
        # The run-sheet is pushed at once; its panes fill once it is mounted.
        await until(pilot, lambda: app.screen.query(CueList)
                    and app.screen.query_one(CueList).option_count > 0)
        assert app.loaded
        assert isinstance(app.screen, RunSheet) and app.run_sheet is app.screen
        assert text_of(app, "#countdown-caption") == "Début dans"
        assert app.screen.query_one(CueList).option_count > 0
        # Keys work on the run-sheet as on one opened directly (the welcome is an hour
        # and a quarter ahead: `c` asks, `y` says yes).
        sheet = app.screen
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await until(pilot, lambda: app.screen is sheet)
        await copies_done(app, pilot)
        assert fake_clipboard.copied
        await pilot.press("question_mark")
        await until(pilot, lambda: app.screen is not sheet)
        assert app.screen is not sheet and app.run_sheet is sheet  # the help, on top
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is sheet)
        assert app.screen is sheet, "closing a dialog comes back to the run-sheet"


async def test_keys_during_the_opening_frame_are_harmless(
    tmp_path: Path, fake_clipboard: FakeClipboard, held: list[TchatApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = opening_app(copy_plan(tmp_path), FrozenClock(at(-75)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", "c", "space", "question_mark", "down")
        assert isinstance(app.screen, Opening) and len(app.screen_stack) == 1
        assert not fake_clipboard.copied
        monkeypatch.undo()
        app.finish_opening()
        await until(pilot, lambda: isinstance(app.screen, RunSheet) and app.screen.is_mounted)
        assert isinstance(app.screen, RunSheet)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: app.screen.id == "--command-palette")
        assert app.screen.id == "--command-palette"


async def test_without_holding_the_run_sheet_follows_at_once(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = opening_app(copy_plan(tmp_path), FrozenClock(at(4.5)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        # At once: right after the first frame, with no key pressed.
        await until(pilot, lambda: isinstance(app.screen, RunSheet)
                    and app.screen.query("#countdown-caption"))
        assert app.loaded and isinstance(app.screen, RunSheet)
        # Nothing posted at 18:04:30: the plan's cues make it an overrun.
        assert text_of(app, "#countdown-caption") == "Accueil en retard de"


async def test_during_the_chat_the_opening_countdown_waits_for_the_plan(
    tmp_path: Path, fake_clipboard: FakeClipboard, held: list[TchatApp]
) -> None:
    # During the chat the countdown is to the next cue, which only the plan knows: the
    # opening frame says the plan is being read rather than show a wrong time.
    app = opening_app(copy_plan(tmp_path), FrozenClock(at(4.5)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Opening)
        assert text_of(app, "#countdown-caption") == "Lecture du plan…"
        assert app.screen.query_one("#countdown-digits", Digits).value == ""
        assert text_of(app, "#header-clock") == "18:04:30"


async def test_a_rehearsal_opening_says_rehearsal(
    tmp_path: Path, fake_clipboard: FakeClipboard, held: list[TchatApp]
) -> None:
    app = opening_app(copy_plan(tmp_path), FrozenClock(at(-2)), fake_clipboard,
                      mode="rehearsal")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert text_of(app, "#header-mode") == "RÉPÉTITION"
        assert app.screen.has_class("-rehearsal")


async def test_a_plan_that_fails_after_the_glance_exits_with_its_problems(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = fails_after_the_glance(tmp_path)
    app = opening_app(plan, FrozenClock(at(-75)), fake_clipboard)
    async with app.run_test(size=SIZE) as pilot:
        # The plan is validated right after the first frame: wait for that, not a time.
        await until(pilot, lambda: app.load_error is not None)
    assert app.return_code == 1
    assert app.load_error is not None
    assert any("texte" in problem.message for problem in app.load_error.problems)


def test_tchat_run_reports_a_plan_that_fails_after_the_glance(
    tmp_path: Path, in_a_terminal: list[TchatApp], capsys: pytest.CaptureFixture[str]
) -> None:
    plan = fails_after_the_glance(tmp_path)
    ran = in_a_terminal
    assert main(["run", str(plan)]) == 1
    err = capsys.readouterr().err
    assert f"{plan}:" in err and "texte" in err
    assert len(ran) == 1 and ran[0].load_error is not None


def test_without_a_terminal_the_plan_is_validated_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Output to a pipe or a file gets the problems alone, no screen drawn before them.
    plan = fails_after_the_glance(tmp_path)
    monkeypatch.setattr(TchatApp, "run", lambda self: pytest.fail("no screen expected"))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert main(["run", str(plan)]) == 1
    assert "texte" in capsys.readouterr().err


def test_the_opening_frame_loads_neither_pydantic_nor_the_run_sheet() -> None:
    # Whatever is imported before the first frame is paid at every start-up.
    code = (
        "from pathlib import Path\n"
        "from tui.cli import build_parser\n"
        "import tui.commands.run\n"
        "from tui.app import TchatApp\n"
        "from tui.core.plan.glance import glance\n"
        "from tui.screens.opening import Opening\n"
        "from tui.startup import begin\n"
        "path = Path('plans/demo-fr.toml')\n"
        "app = TchatApp(begin(path, glance=glance(path)))\n"
        "screen = app.get_default_screen()\n"
        "assert isinstance(screen, Opening), screen\n"
    )
    assert modules_loaded(code, (
        "pydantic", "tomli_w", "tui.core.plan.model", "tui.screens.runsheet",
        "tui.core.run.session", "tui.feed", "tui.net", "tui.core.feed", "tui.core.room",
        "mastodon", "atproto", "keyring", "requests", "httpx",
        # Nor the log, the other surfaces' words, the clipboard or the atomic write: each
        # is a few milliseconds of a first frame held to 1.3 times a bare Textual app's.
        "tui.core.run.asrun", "tui.core.text.words.exports", "tui.core.text.words.cli",
        "tui.core.text.words.feed", "tui.clipboard", "tui.core.files.atomic",
        "tui.commands.demo",
    ), cwd=REPO) == []


async def test_a_rehearsal_at_minute_25_skips_the_earlier_cues_once_loaded(
    tmp_path: Path, fake_clipboard: FakeClipboard, fake_monotonic: FakeMonotonic
) -> None:
    plan = copy_plan(tmp_path)
    app = build_app(Rehearsal(plan, offset=timedelta(minutes=25)), clipboard=fake_clipboard,
                    monotonic=fake_monotonic, opening=True)
    assert app.opening is not None and not app.loaded
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RunSheet)
                    and app.screen.query(CueList) and app.screen.query_one(CueList).option_count)
        session = app.session
        earlier = {r.id for r in session.rows if 0 <= r.cue.offset and r.cue.at < at(25)}
        assert earlier and session.state.skipped == earlier
        assert app.screen.query_one(CueList).selected_id not in earlier


def test_tchat_rehearse_reports_a_plan_that_fails_after_the_glance_and_keeps_no_log(
    tmp_path: Path, in_a_terminal: list[TchatApp], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = fails_after_the_glance(tmp_path)
    ran = in_a_terminal
    headless = TchatApp.run
    logs_at_run: list[bool] = []

    def run(self: TchatApp) -> None:
        logs_at_run.append(self.log_path.exists())
        headless(self)

    monkeypatch.setattr(TchatApp, "run", run)
    assert main(["rehearse", str(plan)]) == 1
    assert "texte" in capsys.readouterr().err
    assert len(ran) == 1 and ran[0].load_error is not None
    assert logs_at_run == [True]  # a log was made for the rehearsal...
    assert rehearsal_logs(plan) == []  # ...and removed when it did not happen


@pytest.mark.parametrize("terminal", [True, False])
def test_the_glance_is_for_a_terminal_only(
    terminal: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: terminal)
    assert startup.opens_on_a_glance() is terminal


def test_the_run_sheet_loads_no_feed_client() -> None:
    # The feed's clients (Mastodon.py, atproto: seconds to import) load in a worker,
    # after the first frame, and only for a plan with a live [feed]: never with the
    # run-sheet itself.
    code = (
        "from tui.screens.runsheet import RunSheet\n"
        "from tui.core.room.session import FeedSession\n"
    )
    assert modules_loaded(code, ("tui.feed", "tui.net", "mastodon", "atproto", "keyring",
                                 "requests", "httpx"), cwd=REPO) == []
