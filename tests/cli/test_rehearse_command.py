"""`tchat rehearse` and bare `tchat`: arguments, the simulated clock's start, the log."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.ui.helpers import START, copy_plan
from tui.app import TchatApp
from tui.cli import build_parser, main
from tui.commands.demo import DEMO_START_IN
from tui.commands.rehearse import (
    DEFAULT_START_IN,
    Rehearsal,
    build_app,
    from_args,
)
from tui.core.run.asrun import log_path_for, read_events, rehearsal_logs
from tui.core.timing.clock import SimulatedClock

LAUNCH = datetime(2026, 11, 25, 17, 45, 1, tzinfo=UTC)


def parse(*argv: str) -> argparse.Namespace:
    parser, _known = build_parser()
    return parser.parse_args(["rehearse", *argv])


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[TchatApp]:
    """Apps that `tchat` would have run, instead of running them; their plan is loaded,
    as the real run does once its first frame is drawn."""
    apps: list[TchatApp] = []

    def fake_run(self: TchatApp, *args: Any, **kwargs: Any) -> None:
        self.load()
        apps.append(self)

    monkeypatch.setattr(TchatApp, "run", fake_run)
    monkeypatch.setattr("tui.startup.terminal_missing", lambda: None)  # as in a terminal
    return apps


@pytest.mark.parametrize(
    ("argv", "speed", "offset"),
    [
        ((), 1.0, -DEFAULT_START_IN),
        (("--speed", "10"), 10.0, -DEFAULT_START_IN),
        (("--speed", "60x"), 60.0, -DEFAULT_START_IN),
        (("--speed", "0.5"), 0.5, -DEFAULT_START_IN),
        (("--at", "25"), 1.0, timedelta(minutes=25)),
        (("--at", "25m"), 1.0, timedelta(minutes=25)),
        (("--at", "-2m"), 1.0, timedelta(minutes=-2)),
        (("--at=-2m",), 1.0, timedelta(minutes=-2)),
        (("--at", "1h5m"), 1.0, timedelta(minutes=65)),
        (("--at", "-1d"), 1.0, timedelta(days=-1)),
        (("--start-in", "30s"), 1.0, timedelta(seconds=-30)),
        (("--start-in", "2m"), 1.0, timedelta(minutes=-2)),
        (("--start-in", "1h30s"), 1.0, timedelta(seconds=-3630)),
        (("--start-in", "5"), 1.0, timedelta(minutes=-5)),
        (("--start-in", "0s", "--speed", "5"), 5.0, timedelta(0)),
    ],
)
def test_arguments(argv: tuple[str, ...], speed: float, offset: timedelta) -> None:
    wanted = from_args(parse("plan.toml", *argv))
    assert (wanted.plan, wanted.speed, wanted.offset) == (Path("plan.toml"), speed, offset)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--speed", "0"), "above 0"),
        (("--speed", "-3"), "above 0"),
        (("--speed", "fast"), "not a speed"),
        (("--speed", "nan"), "above 0"),
        (("--speed", "100000"), "at most 3600"),
        (("--at", "soon"), "not a time offset"),
        (("--at", "25s"), "not a time offset"),
        (("--start-in", "-5m"), "not a duration"),
        (("--start-in", "2 weeks"), "not a duration"),
        (("--at", "5", "--start-in", "2m"), "not allowed with"),
        (("--lang", "de"), "invalid choice"),
    ],
)
def test_bad_values_exit_2_with_a_clear_message(
    argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["rehearse", "plan.toml", *argv])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_the_clock_starts_on_the_chats_own_day_whatever_today_is(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    app = build_app(Rehearsal(plan, speed=10, offset=timedelta(minutes=25)), launched=LAUNCH)
    clock = app.session.clock
    assert isinstance(clock, SimulatedClock) and clock.speed == 10 and not clock.paused
    assert abs(clock.now() - (START + timedelta(minutes=25))) < timedelta(seconds=30)
    assert app.session.mode == "rehearsal"
    # Its own log beside the plan, named from the launch in the user's zone.
    stamp = LAUNCH.astimezone().strftime("%Y%m%d-%H%M%S")
    assert app.session.log.path == tmp_path / f"chat-fr.toml.rehearsal-{stamp}.jsonl"
    assert app.session.log.path.exists() and not log_path_for(plan).exists()


def test_rehearse_runs_the_app_and_a_broken_plan_leaves_nothing(
    tmp_path: Path, launched: list[TchatApp], capsys: pytest.CaptureFixture[str]
) -> None:
    plan = copy_plan(tmp_path)
    assert main(["rehearse", str(plan), "--speed", "5", "--lang", "en"]) == 0
    [app] = launched
    assert app.session.rehearsal and app.words.language == "en"
    assert len(rehearsal_logs(plan)) == 1
    broken = tmp_path / "broken.toml"
    broken.write_text("[chat]\ntitle = 'x'\n")
    # A [chat] without `language` is a French plan: its problems are French, unless
    # --lang says otherwise.
    assert main(["rehearse", str(broken)]) == 1
    assert "broken.toml:1: error: chat.tag: est obligatoire" in capsys.readouterr().err
    assert main(["rehearse", str(broken), "--lang", "en"]) == 1
    assert "broken.toml:1: error: chat.tag: is required" in capsys.readouterr().err
    assert rehearsal_logs(broken) == [] and len(launched) == 1


@pytest.mark.parametrize(("argv", "language"), [([], "fr"), (["--lang", "en"], "en"),
                                                (["run"], "fr")])
def test_bare_tchat_rehearses_the_demo(
    argv: list[str], language: str, launched: list[TchatApp]
) -> None:
    assert main(argv) == 0
    [app] = launched
    session = app.session
    assert session.rehearsal and session.plan.chat.language == language
    assert session.plan_path.name == f"demo-{language}.toml"
    assert session.plan_path.parent.name.startswith("tchat-demo-")  # a copy, not the repo's
    clock = session.clock
    assert isinstance(clock, SimulatedClock) and clock.speed == 1
    start = session.plan.chat.start_at
    assert start - DEMO_START_IN <= clock.now() < start - DEMO_START_IN + timedelta(seconds=30)
    assert session.log.path.parent == session.plan_path.parent
    # The demo's copy and its log are a throwaway, gone once the app has closed.
    assert not session.plan_path.parent.exists()


def test_a_plan_on_its_own_is_still_the_live_run(
    tmp_path: Path, launched: list[TchatApp]
) -> None:
    plan = copy_plan(tmp_path)
    assert main([str(plan)]) == 0
    [app] = launched
    session = app.session
    assert session.mode == "live" and not session.clock.simulated
    assert session.log.path == log_path_for(plan)


def test_the_commands_freeze_the_heap_of_the_app_they_run(
    tmp_path: Path, launched: list[TchatApp]
) -> None:
    plan = copy_plan(tmp_path)
    assert main(["rehearse", str(plan)]) == 0
    assert main(["run", str(plan)]) == 0
    assert [app.settles_heap for app in launched] == [True, True]
    # Apps made another way (tests, benchmarks) leave the collector alone.
    assert not build_app(Rehearsal(plan)).settles_heap


def test_a_rehearsal_started_inside_the_hour_skips_what_came_before(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    app = build_app(Rehearsal(plan, offset=timedelta(minutes=25)), launched=LAUNCH)
    session = app.session
    skipped = [e.cue for e in read_events(session.log.path) if e.kind == "skip"]
    # Every cue of the hour before minute 25, in order; not the promotion before it.
    expected = [row.id for row in session.rows if 0 <= row.cue.offset < 25]
    assert skipped == expected and "q2" in skipped and "q3" not in skipped
    assert all(session.state.done(cue) for cue in skipped)
    assert not any(row.cue.offset < 0 and session.state.done(row.id) for row in session.rows)
    # Started before the hour: nothing is skipped.
    early = build_app(Rehearsal(plan, offset=timedelta(minutes=-2)), launched=LAUNCH)
    assert [e for e in read_events(early.session.log.path) if e.kind == "skip"] == []


def test_without_a_terminal_an_at_after_the_end_is_a_usage_error_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("tui.startup.terminal_missing", lambda: "stdin")
    plan = copy_plan(tmp_path)  # a 60-minute chat
    assert main(["rehearse", str(plan), "--at", "99m"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "--at 99m is after the chat's end (it lasts 60 minutes)" in err
    assert "needs a terminal" not in err
    assert not rehearsal_logs(plan)


def test_without_a_terminal_a_valid_speed_and_at_get_the_terminal_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # 7 is a speed (the keys then step to 10 or 5), 60m the chat's last minute: the
    # arguments are fine, the missing terminal is what is left to say.
    monkeypatch.setattr("tui.startup.terminal_missing", lambda: "stdin")
    plan = copy_plan(tmp_path)
    assert main(["rehearse", str(plan), "--speed", "7", "--at", "60m"]) == 2
    assert "needs a terminal" in capsys.readouterr().err


def test_in_a_terminal_an_at_after_the_end_opens_nothing(
    tmp_path: Path, launched: list[TchatApp], capsys: pytest.CaptureFixture[str]
) -> None:
    plan = copy_plan(tmp_path)
    assert main(["rehearse", str(plan), "--at", "1h1m"]) == 2
    assert "--at 61m is after the chat's end" in " ".join(capsys.readouterr().err.split())
    assert launched == []
    assert main(["rehearse", str(plan), "--at", "1h"]) == 0
    assert len(launched) == 1
