"""Start-up (launch to first frame showing the countdown) and peak memory, in a pty.

Three programs are launched in turn, in a rotating order so none always goes first
after another's exit: tchat on the demo (moved to start two hours from now, so its first
frame reads "Début dans"), tchat on the large plan (500 cues, 1,000 checklist items;
"Starts in"), and the floor app ("Floor ready"). The time is from just before fork to
the read that completes the marker in the output stream: the frame holding the
countdown has been written by then. One unmeasured launch of each comes first, so
every timed launch finds Python's bytecode caches and the page cache warm, as a
moderator's second launch of the day would.

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
from tui.strings import Words

SECTION_START = "Start-up (launch to first frame, pty 120x36)"
SECTION_MEMORY = "Peak memory (VmHWM, 1 s after the first frame)"
SETTLE = 1.0
TIMEOUT = 30.0


@dataclass(frozen=True)
class Program:
    name: str
    argv: list[str]
    marker: bytes


@dataclass
class Launch:
    seconds: float
    peak_mb: float
    ended: str


def programs(folder: Path) -> list[Program]:
    start = starts_soon()
    demo = shifted_demo(folder, start)
    large = large_plan(folder / "large.toml", start)
    return [
        Program("demo", tchat_command(demo), Words("fr")("to_start").encode()),
        Program("large", tchat_command(large), Words("en")("to_start").encode()),
        Program("floor", floor_command(), FLOOR_MARKER.encode()),
    ]


def launch(program: Program) -> Launch:
    child = spawn(program.argv)
    try:
        wait_for_marker([child], [program.marker], TIMEOUT)
        pump([child], SETTLE)
        peak = peak_rss_mb(child.pid)
    finally:
        ended = stop(child)
    assert child.marker_at is not None
    return Launch(child.marker_at, peak, ended)


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
        Figure(SECTION_MEMORY, "tchat, demo plan", "MB", samples(peaks["demo"]),
               (Target("<", 80),)),
        Figure(SECTION_MEMORY, "tchat, large plan", "MB", samples(peaks["large"]),
               (Target("<", 150),)),
        Figure(SECTION_MEMORY, "floor (bare Textual label)", "MB", samples(peaks["floor"])),
    ]
