"""Work a key press or a second does not redo (issue 7: the large plan's tick and copy),
counted in process on the demo plan, half an hour into the chat.

These were tests once; they pin how the speed is obtained rather than what the
moderator sees, so they are measured here. Counts, not times, so they are the same on
any machine:

- file parses per tick: `tomlkit.parse` calls for one checklist tick after the edits
  were prepared ahead (`planedit.prepare_edits`): the tick edits the document parsed
  ahead, it does not parse the file again.
- plan reads per tick: `load_plan` calls of the plan source (`tui.core.run.plansource`)
  for two ticks in the run-sheet: our own write is not read back.
- checklist lines rebuilt per tick: the checklist's options replaced by a tick (only
  the ticked one).
- cue lines rebuilt per second: the cue list's options replaced by a redraw with
  nothing changed (none).
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import tomlkit

import tui.core.plan.planedit as planedit
import tui.core.run.plansource as plansource_module
from benchmarks.report import Figure, Target, samples
from benchmarks.responsiveness import DEMO_START, FakeClipboard
from tui.app import TchatApp
from tui.commands.demo import demo_plan_path
from tui.core.timing.clock import FrozenClock
from tui.startup import begin
from tui.widgets.cuelist import CueList
from tui.widgets.panes import Checklist

SECTION = "Work not redone (counts per action, demo plan, in process)"
SIZE = (120, 36)
NONE = (Target("<", 0.5),)
ONE = (Target("<", 1.5),)


class _Counted:
    """Counts the calls of `module.name` while in place."""

    def __init__(self, module: Any, name: str) -> None:
        self.module, self.name, self.calls = module, name, 0
        self.real: Callable[..., Any] = getattr(module, name)

    def __enter__(self) -> _Counted:
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return self.real(*args, **kwargs)

        setattr(self.module, self.name, counted)
        return self

    def __exit__(self, *exc: object) -> None:
        setattr(self.module, self.name, self.real)


def _parses_per_tick(folder: Path) -> float:
    path = folder / "parse.toml"
    shutil.copyfile(demo_plan_path("fr"), path)
    loaded = planedit.fingerprint(path)
    planedit.prepare_edits(path, loaded)
    with _Counted(tomlkit, "parse") as parses:
        planedit.write_checklist_done(path, loaded, 0, True)
    return parses.calls


async def _in_the_run_sheet(plan: Path) -> tuple[float, float, float]:
    clock = FrozenClock(DEMO_START + timedelta(minutes=31))
    app = TchatApp(begin(plan, clock=clock, log_path=plan.with_suffix(".asrun.jsonl")),
                   clipboard=FakeClipboard())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        checklist = app.screen.query_one(Checklist)
        cues = app.screen.query_one(CueList)
        with _Counted(plansource_module, "load_plan") as reads:
            await pilot.press("space", "space")
            await pilot.pause()
        before = [o.prompt for o in checklist.options]
        await pilot.press("space")
        await pilot.pause()
        after = [o.prompt for o in checklist.options]
        rebuilt_ticks = sum(a is not b for a, b in zip(before, after, strict=True))
        lines = [o.prompt for o in cues.options]
        app.run_sheet.refresh_now()
        await pilot.pause()
        rebuilt_lines = sum(a is not b for a, b in zip(lines, [o.prompt for o in cues.options],
                                                       strict=True))
    return reads.calls / 2, rebuilt_ticks, rebuilt_lines


def measure(quick: bool) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="tchat-bench-") as tmp:
        folder = Path(tmp)
        parses = _parses_per_tick(folder)
        plan = folder / "demo-fr.toml"
        shutil.copyfile(demo_plan_path("fr"), plan)
        reads, ticks, lines = asyncio.run(_in_the_run_sheet(plan))
    return [
        Figure(SECTION, "file parses per tick, edits prepared ahead", "parses", samples([parses]),
               NONE),
        Figure(SECTION, "plan reads per tick in the run-sheet", "reads", samples([reads]), NONE),
        Figure(SECTION, "checklist lines rebuilt per tick", "lines", samples([ticks]), ONE),
        Figure(SECTION, "cue lines rebuilt per second, nothing changed", "lines", samples([lines]),
               NONE),
    ]
