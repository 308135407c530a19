"""Profiles of the work behind each target, with pyinstrument.

    .venv/bin/pip install pyinstrument      # a benchmark tool, not a project dependency
    .venv/bin/python -m benchmarks.profile startup|idle|idle-large|move|copy|tick|check [--all]

startup  import tchat, load the demo, compose and lay out the whole run-sheet (headless;
         `tchat run` draws an opening frame before this, see tui/screens/opening.py)
idle     ten seconds of the demo counting down on the real clock, no key pressed
idle-large  the same with the large plan (500 cues, 1,000 checklist items)
move     30 presses of down/up in the large plan's cue list
copy     10 presses of `c` in the large plan (mark posted, redraw)
tick     10 checklist ticks in the large plan (live mode: the plan file is rewritten)
check    `tchat check`'s semantic checks on a 1,000-question plan

Each prints pyinstrument's call tree (frames under 2% of the time hidden; `--all`
shows them). Imports happen inside the profiled code on purpose: start-up pays them.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
SIZE = (120, 36)


def _profiler() -> Any:
    try:
        from pyinstrument import Profiler
    except ImportError:
        sys.exit("pyinstrument is not installed: .venv/bin/pip install pyinstrument")
    return Profiler(interval=0.0005, async_mode="disabled")


def startup(folder: Path, profiler: Any) -> None:
    plan = folder / "demo-fr.toml"
    shutil.copyfile(ROOT / "plans" / "demo-fr.toml", plan)
    profiler.start()
    from tui.app import TchatApp
    from tui.core.timing.clock import FrozenClock
    from tui.startup import begin

    app = TchatApp(begin(plan, clock=FrozenClock(START - timedelta(hours=2)),
                         log_path=folder / "log.jsonl"))

    async def first_frame() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            profiler.stop()

    asyncio.run(first_frame())


def idle(folder: Path, profiler: Any, *, large: bool = False) -> None:
    from benchmarks.plans import large_plan, shifted_demo, starts_soon
    from tui.app import TchatApp
    from tui.startup import begin

    plan = large_plan(folder / "large.toml", starts_soon()) if large else shifted_demo(folder)
    app = TchatApp(begin(plan, log_path=folder / "log.jsonl"))

    async def countdown() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(1.0)
            profiler.start()
            await asyncio.sleep(10)
            profiler.stop()

    asyncio.run(countdown())


def _keys(keys: list[str], *, before: list[str],
          pasted: bool = False) -> Callable[[Path, Any], None]:
    """`pasted`: a second of the moderator's time passes before each key, so a `c` is a
    new press, never a bounce held by the run desk (tui/core/run/copyguard.py)."""

    def run(folder: Path, profiler: Any) -> None:
        from benchmarks.plans import large_plan
        from benchmarks.responsiveness import FakeClipboard
        from tui.app import TchatApp
        from tui.core.timing.clock import FrozenClock
        from tui.startup import begin

        plan = large_plan(folder / "large.toml", START)
        app = TchatApp(begin(plan, clock=FrozenClock(START + timedelta(minutes=30)),
                             log_path=folder / "log.jsonl"),
                       clipboard=FakeClipboard())

        async def press() -> None:
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await pilot.pause()
                for key in before:
                    await pilot.press(key)
                await pilot.pause()
                if pasted:
                    from itertools import count

                    from tui.core.run.copyguard import BOUNCE_SECONDS

                    seconds = count(0.0, BOUNCE_SECONDS)  # each look a bounce later
                    app.run_sheet.desk.guard.monotonic = lambda: next(seconds)
                profiler.start()
                for key in keys:
                    await pilot.press(key)
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                profiler.stop()

        asyncio.run(press())

    return run


def check(folder: Path, profiler: Any) -> None:
    from benchmarks.plans import generated_plan
    from tui.core.plan.check import semantic_problems
    from tui.core.plan.planfile import load_plan

    path = generated_plan(folder / "plan.toml", questions=1000, checklist=20, start=START)
    text = path.read_text(encoding="utf-8")
    plan = load_plan(path)
    profiler.start()
    semantic_problems(plan, text)
    profiler.stop()


PROFILES: dict[str, Callable[[Path, Any], None]] = {
    "startup": startup,
    "idle": idle,
    "idle-large": partial(idle, large=True),
    "move": _keys(["down", "up"] * 15, before=[]),
    "copy": _keys(["c"] * 10, before=[], pasted=True),
    "tick": _keys(["space"] * 10, before=["space"]),
    "check": check,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=sorted(PROFILES))
    parser.add_argument("--all", action="store_true", help="show every frame")
    args = parser.parse_args(argv)
    profiler = _profiler()
    with tempfile.TemporaryDirectory(prefix="tchat-profile-") as tmp:
        PROFILES[args.what](Path(tmp), profiler)
    print(profiler.output_text(unicode=True, color=False, show_all=args.all,
                               time="seconds"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
