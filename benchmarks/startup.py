"""Start-up (launch to first frame showing the countdown, and to the whole run-sheet)
and peak memory, in a pty.

Three programs are launched in turn, in a rotating order so none always goes first
after another's exit: tchat on the demo (moved to start two hours from now, so its first
frame reads "Début dans"), tchat on the large plan (500 cues, 1,000 checklist items;
"Starts in"), and the floor app ("Floor ready"). The time is from just before fork to
the read that completes the marker in the output stream: the frame holding the
countdown has been written by then. That first frame is drawn from a glance at the
plan (`tui.screens.opening`); the whole run-sheet follows once the plan is validated,
and its time is taken too, at the footer's "Copier"/"Copy", which only the run-sheet
shows. One unmeasured launch of each comes first, so every timed launch finds Python's
bytecode caches and the page cache warm, as a moderator's second launch of the day
would.

Peak memory is VmHWM read one second after the first frame, before quitting with
ctrl+q: start-up is when memory peaks (plan loaded, every widget composed and laid out).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bare_app import MARKER as FLOOR_MARKER
from benchmarks.plans import large_plan, shifted_demo, starts_soon
from benchmarks.report import Figure, Target, ratios, samples
from benchmarks.terminal import (
    floor_command,
    peak_rss_mb,
    pump,
    spawn,
    stop,
    tchat_command,
    wait_for_marker,
)
from tui.core.text.words import Words

SECTION_START = "Start-up (launch to first frame, pty 120x36)"
SECTION_MEMORY = "Peak memory (VmHWM, 1 s after the first frame)"
SETTLE = 1.0
TIMEOUT = 30.0


@dataclass(frozen=True)
class Program:
    name: str
    argv: list[str]
    marker: bytes
    whole: bytes | None = None
    """A marker of the whole run-sheet, after the first frame."""


@dataclass
class Launch:
    seconds: float
    whole_seconds: float | None
    peak_mb: float
    ended: str


def programs(folder: Path) -> list[Program]:
    start = starts_soon()
    demo = shifted_demo(folder, start)
    large = large_plan(folder / "large.toml", start)
    return [
        Program("demo", tchat_command(demo), Words("fr")("screen.to_start").encode(),
                Words("fr")("key.copy").encode()),
        Program("large", tchat_command(large), Words("en")("screen.to_start").encode(),
                Words("en")("key.copy").encode()),
        Program("floor", floor_command(), FLOOR_MARKER.encode()),
    ]


def launch(program: Program) -> Launch:
    child = spawn(program.argv)
    whole = None
    try:
        wait_for_marker([child], [program.marker], TIMEOUT)
        first = child.marker_at
        if program.whole is not None:
            if not child.sees(program.whole):  # else it came in the same read
                wait_for_marker([child], [program.whole], TIMEOUT)
            whole = child.marker_at
        pump([child], SETTLE)
        peak = peak_rss_mb(child.pid)
    finally:
        ended = stop(child)
    assert first is not None
    return Launch(first, whole, peak, ended)


def measure(quick: bool) -> list[Figure]:
    runs = 5 if quick else 10
    with tempfile.TemporaryDirectory(prefix="tchat-bench-") as tmp:
        progs = programs(Path(tmp))
        for program in progs:  # warm-up, not counted
            launch(program)
        seen: dict[str, list[Launch]] = {p.name: [] for p in progs}
        for run in range(runs):
            shift = run % len(progs)
            for program in progs[shift:] + progs[:shift]:
                seen[program.name].append(launch(program))
    times = {name: [x.seconds for x in launches] for name, launches in seen.items()}
    wholes = {name: [x.whole_seconds or 0.0 for x in launches]
              for name, launches in seen.items()}
    peaks = {name: [x.peak_mb for x in launches] for name, launches in seen.items()}
    unclean = sum(1 for launches in seen.values() for x in launches if x.ended != "quit")
    note = "" if not unclean else f"{unclean} launches did not quit on ctrl+q"
    return [
        Figure(SECTION_START, "tchat, demo plan", "s", samples(times["demo"]), note=note),
        Figure(SECTION_START, "floor (bare Textual label)", "s", samples(times["floor"])),
        Figure(SECTION_START, "ratio demo / floor", "x",
               samples(ratios(times["demo"], times["floor"])), (Target("<=", 1.5),),
               note="pairwise ratios of the launches of each round; target on the median"),
        Figure(SECTION_START, "tchat, large plan", "s", samples(times["large"])),
        Figure(SECTION_START, "ratio large / floor", "x",
               samples(ratios(times["large"], times["floor"]))),
        Figure(SECTION_START, "whole run-sheet, demo plan", "s", samples(wholes["demo"]),
               note="the panes filled in, after the plan is validated: the second frame"),
        Figure(SECTION_START, "whole run-sheet, large plan", "s", samples(wholes["large"])),
        Figure(SECTION_MEMORY, "tchat, demo plan", "MB", samples(peaks["demo"]),
               (Target("<", 80),)),
        Figure(SECTION_MEMORY, "tchat, large plan", "MB", samples(peaks["large"]),
               (Target("<", 150),)),
        Figure(SECTION_MEMORY, "floor (bare Textual label)", "MB", samples(peaks["floor"])),
    ]
