"""`tchat rehearse PLAN`: the run-sheet on a simulated clock, offline, on a log of its own.

The simulated clock starts at the chat's own date and hour whatever today is, so next
week's chat can be rehearsed tonight. Marks, skips, replies, highlights and ticks go to
`PLAN.rehearsal-YYYYMMDD-HHMMSS.jsonl`, never to the live log nor into the plan.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text

from tui import startup
from tui.clipboard import Clipboard
from tui.commands.demo import DEMO_START_IN, demo_copy
from tui.commands.output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    UsageError,
    error_console,
    refused_without_terminal,
    report_plan_error,
)
from tui.core.plan.glance import glance
from tui.core.plan.problems import PlanError
from tui.core.run.asrun import new_rehearsal_log
from tui.core.text.vocabulary import Language
from tui.core.timing.clock import SimulatedClock
from tui.core.timing.durations import OFFSET, START_IN, DurationSyntax, parse_duration

if TYPE_CHECKING:
    from tui.app import TchatApp
    from tui.core.run.session import Session

MAX_SPEED = 3600.0
DEFAULT_START_IN = timedelta(minutes=2)


def parse_speed(text: str) -> float:
    """ "10" or "10x" -> 10.0; argparse turns the error into a usage error (exit 2)."""
    cleaned = text.strip().lower().removesuffix("x").removeprefix("×")
    try:
        speed = float(cleaned)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a speed: use a number such as 1, 2, 10 or 60"
        ) from None
    if not 0 < speed <= MAX_SPEED:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            f"{text!r}: the speed must be above 0 and at most {MAX_SPEED:g}"
        )
    return speed


def parse_start_in(text: str) -> timedelta:
    """How long before the start: "30s", "2m", "1h30m", or plain minutes ("5")."""
    return _argument(text, START_IN)


def parse_at(text: str) -> timedelta:
    """Where to start, from the chat's start: "25", "25m", "-2m", "1h5m", "-1d"."""
    return _argument(text, OFFSET)


def _argument(text: str, syntax: DurationSyntax) -> timedelta:
    try:
        return parse_duration(text, syntax)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(subparsers: Any, summary: str) -> None:
    parser = subparsers.add_parser(
        "rehearse",
        help=summary,
        description=(
            "Open the run-sheet on a simulated clock set to the chat's own date, by default "
            "two minutes before its start at real speed. Keys: p pause, + faster, - slower, "
            "> next cue, < previous cue. Everything done goes to a rehearsal log beside the "
            "plan (PLAN.rehearsal-YYYYMMDD-HHMMSS.jsonl), never to the live log or the "
            "plan's checklist. Without PLAN, rehearses the bundled demo."
        ),
    )
    parser.add_argument("plan", type=Path, nargs="?", metavar="PLAN",
                        help="the plan's TOML file (default: the bundled demo)")
    parser.add_argument("--speed", type=parse_speed, default=None, metavar="N",
                        help="times faster than real time: 1 (default), 2, 5, 10, 60...")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--start-in", type=parse_start_in, default=None, metavar="DURATION",
                      help="start this long before the chat: 30s, 2m (default), 1h")
    when.add_argument("--at", type=parse_at, default=None, metavar="OFFSET",
                      help="start at this point of the chat: 25m, -2m, 1h5m, -1d (cues "
                           "of the hour planned before it count as skipped; not after "
                           "the chat's end)")
    parser.add_argument("--lang", choices=("fr", "en"), default=None,
                        help="language of the screen (default: the plan's)")
    parser.add_argument("--replay", type=Path, default=None, metavar="FILE",
                        help="replay a recorded conversation (a past chat's "
                             "PLAN.feed.jsonl) on the simulated clock, shifted to the "
                             "chat's start (default: the plan's [feed] replay)")
    dash_digit_is_a_value(parser)
    parser.set_defaults(func=run)


def dash_digit_is_a_value(parser: argparse.ArgumentParser) -> None:
    """Make anything that starts with "-" and a digit a value (`--at -2m`, `--at -1d`):
    argparse takes "-2m" for an option unless it looks like a negative number.

    The one use of argparse's private `_negative_number_matcher` (Python 3.11 to 3.13):
    tests/test_private_apis.py fails, naming the Python version, if it moves.
    """
    parser._negative_number_matcher = re.compile(r"^-\d")


@dataclass(frozen=True)
class Rehearsal:
    """What `tchat rehearse` was asked for, once the arguments are read."""

    plan: Path | None
    speed: float = 1.0
    offset: timedelta = -DEFAULT_START_IN
    """Where the simulated clock starts, from the chat's start."""
    language: Language | None = None
    replay: Path | None = None
    """A recorded conversation to replay instead of the plan's `[feed] replay`."""


def from_args(args: argparse.Namespace) -> Rehearsal:
    plan: Path | None = args.plan
    if args.at is not None:
        offset: timedelta = args.at
    elif args.start_in is not None:
        offset = -args.start_in
    else:
        offset = -(DEFAULT_START_IN if plan is not None else DEMO_START_IN)
    return Rehearsal(plan, args.speed or 1.0, offset, args.lang, args.replay)


def build_app(
    rehearsal: Rehearsal,
    *,
    clipboard: Clipboard | None = None,
    launched: datetime | None = None,
    monotonic: Callable[[], float] | None = None,
    settle_heap: bool = False,
    opening: bool = False,
) -> TchatApp:
    """The app for one rehearsal, its log created. Raises `PlanError` before creating
    anything when the plan does not load. `launched` names the log (default: now);
    `monotonic` drives the simulated clock (tests step it). With `opening`, the plan is
    only glanced at here and validated once the app's first frame is drawn, as `tchat
    run` does (see `tui.startup`); a plan that cannot be glanced at is validated now."""
    from tui.app import TchatApp  # Textual loads only for the commands that need it

    path = rehearsal.plan
    if path is None:
        raise ValueError("build_app needs a plan: rehearse() makes the demo's copy")
    seen = glance(path) if opening else None
    if seen is None:
        from tui.core.plan.planfile import load_plan  # pydantic: only when not glancing

        start_at = load_plan(path).chat.start_at
    else:
        start_at = seen.start_at
    start = start_at + rehearsal.offset
    clock = SimulatedClock(start, speed=rehearsal.speed, monotonic=monotonic or time.monotonic)
    # The user's local time: the name is read by a person looking for "tonight's" run.
    log = new_rehearsal_log(path, (launched or datetime.now(UTC)).astimezone())

    def skip_earlier(session: Session) -> None:
        # Started inside the hour (`--at 25m`): what came before counts as skipped, in
        # the log, so the report says so too.
        session.skip_before(start)

    plan = startup.begin(path, clock=clock, mode="rehearsal", log_path=log,
                         language=rehearsal.language, glance=seen,
                         on_load=skip_earlier if rehearsal.offset > timedelta(0) else None,
                         replay=rehearsal.replay)
    return TchatApp(plan, clipboard=clipboard, settle_heap=settle_heap)


def run(args: argparse.Namespace) -> int:
    return rehearse(from_args(args))


def _check_offset(plan: Path, offset: timedelta) -> None:
    """`--at` after the chat's end is a usage error: every cue of the hour would count
    as skipped, and the rehearsal would open on an hour already over. A glance gives the
    end without loading the plan; a plan that cannot be glanced at is loaded (PlanError
    when it does not load)."""
    if offset <= timedelta(0):
        return
    seen = glance(plan)
    if seen is None:
        from tui.core.plan.planfile import load_plan

        chat = load_plan(plan).chat
        start, end = chat.start_at, chat.end_at
    else:
        start, end = seen.start_at, seen.end_at
    length = end - start
    if offset > length:
        minutes = int(length.total_seconds() // 60)
        raise UsageError(
            f"--at {_minutes(offset)} is after the chat's end (it lasts {minutes} minutes): "
            f"rehearse from --at {minutes}m or earlier; `tchat drafts {plan}` prints the "
            "posts planned after the hour"
        )


def _minutes(offset: timedelta) -> str:
    whole = int(offset.total_seconds() // 60)
    return f"{whole}m" if whole * 60 == offset.total_seconds() else f"{offset}"


def rehearse(rehearsal: Rehearsal) -> int:
    if rehearsal.plan is None:
        # The demo is a throwaway: its copy and rehearsal log go when the app closes,
        # instead of piling up in the temporary folder at every launch.
        with tempfile.TemporaryDirectory(prefix="tchat-demo-") as folder:
            copy = demo_copy(rehearsal.language or "fr", Path(folder))
            return rehearse(replace(rehearsal, plan=copy))
    if rehearsal.replay is not None:
        # Read once here, as the run-sheet will: a FIFO, a device or a folder says what
        # it is (it is never opened for a blocking read), and so does a file that holds
        # no post, before any screen is drawn.
        from tui.core.feed.store import FeedFileError, read_feed

        try:
            read_feed(rehearsal.replay, missing_ok=False)
        except FeedFileError as error:
            error_console().print(Text(str(error)))
            return EXIT_PROBLEMS
    try:
        _check_offset(rehearsal.plan, rehearsal.offset)
    except PlanError as error:
        report_plan_error(rehearsal.plan, error.problems, rehearsal.language)
        return EXIT_PROBLEMS
    # After the files' and the arguments' own problems, which a script still wants to
    # hear about: "needs a terminal" would only send it to find them next.
    refused = refused_without_terminal(rehearsal.plan)
    if refused is not None:
        return refused
    try:
        app = build_app(rehearsal, settle_heap=True, opening=startup.opens_on_a_glance())
    except PlanError as error:
        report_plan_error(rehearsal.plan, error.problems, rehearsal.language)
        return EXIT_PROBLEMS
    app.run()
    if app.load_error is not None:
        app.log_path.unlink(missing_ok=True)  # nothing was rehearsed: no log left behind
        report_plan_error(rehearsal.plan, app.load_error.problems, rehearsal.language)
        return EXIT_PROBLEMS
    return EXIT_OK
