"""Idle cost: CPU used while the countdown runs and nobody touches a key.

tchat on the demo (counting down to a start two hours away, on the real clock) and the
floor app run side by side in two ptys for the same minute, so both see the same
machine. After their first frame and a few seconds for start-up work to finish, the
CPU time of each (utime + stime from /proc/<pid>/stat, 10 ms resolution) is read at
the start and end of every window; a window's figure is CPU seconds / wall seconds, in
percent of one core. The large plan then runs alone for the same time: idle work that
grows with the plan (a redraw of every row each second) shows there.

Everything the apps write is read meanwhile (see `terminal`): an app blocked on a full
pty would look idle.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.bare_app import MARKER as FLOOR_MARKER
from benchmarks.plans import large_plan, shifted_demo, starts_soon
from benchmarks.report import Figure, Target, samples
from benchmarks.terminal import (
    Child,
    cpu_seconds,
    floor_command,
    peak_rss_mb,
    pump,
    spawn,
    stop,
    tchat_command,
    wait_for_marker,
)
from tui.core.text.words import Words

SECTION = "Idle cost (countdown running, no key pressed)"
SETTLE = 3.0


def _windows(children: list[Child], total: float, window: float) -> list[list[float]]:
    """Per child, the CPU percentage of one core in each window."""
    shares: list[list[float]] = [[] for _ in children]
    for _ in range(round(total / window)):
        before = [cpu_seconds(c.pid) for c in children]
        started = time.perf_counter()
        pump(children, window)
        wall = time.perf_counter() - started
        for index, child in enumerate(children):
            shares[index].append(100 * (cpu_seconds(child.pid) - before[index]) / wall)
    return shares


def measure(quick: bool) -> list[Figure]:
    total, window = (15.0, 5.0) if quick else (60.0, 10.0)
    seconds = f"{total:.0f} s in {window:.0f} s windows"
    with tempfile.TemporaryDirectory(prefix="tchat-bench-") as tmp:
        start = starts_soon()
        demo = shifted_demo(Path(tmp), start)
        large = large_plan(Path(tmp) / "large.toml", start)

        pair = [spawn(tchat_command(demo)), spawn(floor_command())]
        try:
            wait_for_marker(pair, [Words("fr")("screen.to_start").encode(), FLOOR_MARKER.encode()],
                            30)
            pump(pair, SETTLE)
            demo_share, floor_share = _windows(pair, total, window)
            demo_peak = peak_rss_mb(pair[0].pid)
        finally:
            for child in pair:
                stop(child)

        alone = spawn(tchat_command(large))
        try:
            wait_for_marker([alone], [Words("en")("screen.to_start").encode()], 30)
            pump([alone], SETTLE)
            (large_share,) = _windows([alone], total, window)
            large_peak = peak_rss_mb(alone.pid)
        finally:
            stop(alone)
    return [
        Figure(SECTION, "tchat, demo plan", "%", samples(demo_share), (Target("<", 2.0),),
               note=f"{seconds}, % of one core; VmHWM at the end {demo_peak:.1f} MB"),
        Figure(SECTION, "floor (bare Textual label)", "%", samples(floor_share),
               note="same windows, side by side with the demo"),
        Figure(SECTION, "tchat, large plan", "%", samples(large_share),
               note=f"{seconds}, run alone after; VmHWM at the end {large_peak:.1f} MB"),
    ]
