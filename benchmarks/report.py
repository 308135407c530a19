"""Figures, targets and the two ways they are shown: a Rich table and RESULTS.md.

A figure keeps every sample, not a summary: on a shared 2-core machine one run says
little, so the table always shows min, median and max, and a target is judged on the
statistic it names (the median, or the 95th percentile for key presses).
"""

from __future__ import annotations

import math
import operator
import os
import platform
import statistics
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Literal

from rich.console import Console
from rich.table import Table

Stat = Literal["median", "p95"]
Comparison = Literal["<", "<=", ">="]
_COMPARE: dict[Comparison, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">=": operator.ge,
}
_SHOWN: dict[Comparison, str] = {"<": "<", "<=": "≤", ">=": "≥"}


@dataclass(frozen=True)
class Target:
    """What one statistic of a figure must be, such as "median < 50 ms"."""

    comparison: Comparison
    limit: float
    stat: Stat = "median"

    def met(self, figure: Figure) -> bool:
        return _COMPARE[self.comparison](figure.stat(self.stat), self.limit)

    def describe(self, unit: str) -> str:
        prefix = "p95 " if self.stat == "p95" else ""
        return f"{prefix}{_SHOWN[self.comparison]} {fmt(self.limit, unit)}"


@dataclass
class Figure:
    """One measured quantity: every sample, its unit, and its targets if it has any."""

    section: str
    name: str
    unit: str
    samples: list[float]
    targets: tuple[Target, ...] = ()
    note: str = ""
    show_p95: bool = False

    def stat(self, name: Stat) -> float:
        return self.median if name == "median" else self.p95

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        # Nearest rank: the smallest sample with at least 95% of the samples at or below
        # it. With 30 samples that is the 29th: one slow outlier may pass, two may not.
        ordered = sorted(self.samples)
        return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]

    @property
    def verdict(self) -> str:
        """"" without a target, "✓" when every target is met, else "✗" and the misses."""
        if not self.targets:
            return ""
        missed = [t for t in self.targets if not t.met(self)]
        if not missed:
            return "✓"
        return "✗ " + ", ".join(
            f"{t.stat} {fmt(self.stat(t.stat), self.unit)}" for t in missed
        )

    @property
    def target_text(self) -> str:
        return ", ".join(t.describe(self.unit) for t in self.targets)


def fmt(value: float, unit: str) -> str:
    """A value in its unit, with as many digits as a reader needs."""
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "%":
        return f"{value:.2f} %"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "x":
        return f"{value:.2f}×"
    if unit == "/s":
        return f"{value:,.0f}/s"
    return f"{value:g} {unit}"


@dataclass
class Results:
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def sections(self) -> list[str]:
        return list(dict.fromkeys(f.section for f in self.figures))

    def in_section(self, section: str) -> list[Figure]:
        return [f for f in self.figures if f.section == section]

    @property
    def misses(self) -> list[Figure]:
        return [f for f in self.figures if f.verdict.startswith("✗")]


# --- the machine ------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the figures depend on: CPU, cores, load, Python and Textual versions, date."""
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "tchat commit": commit(),
        "cpu": model,
        "cores": f"{os.cpu_count()} ({len(os.sched_getaffinity(0))} usable)",
        "load average at start": load,
        "python": platform.python_version(),
        "textual": version("textual"),
        "rich": version("rich"),
        "os": platform.platform(terse=True),
    }


def commit() -> str:
    """HEAD, and whether tui/ differs from it: others edit the app while benchmarks run."""
    root = Path(__file__).resolve().parents[1]

    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                check=False)
        return result.stdout.strip() if result.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD")
    if not head:
        return "unknown (not a git checkout)"
    dirty = git("status", "--porcelain", "--", "tui", "plans")
    return head + (" with uncommitted changes in tui/ or plans/" if dirty else "")


# --- showing ------------------------------------------------------------------------------


def _row(figure: Figure) -> list[str]:
    unit = figure.unit
    return [
        figure.name,
        str(len(figure.samples)),
        fmt(min(figure.samples), unit),
        fmt(figure.median, unit),
        fmt(figure.p95, unit) if figure.show_p95 else "",
        fmt(max(figure.samples), unit),
        figure.target_text,
        figure.verdict,
    ]


HEADERS = ("measure", "n", "min", "median", "p95", "max", "target", "result")


def print_tables(results: Results, console: Console) -> None:
    for section in results.sections():
        table = Table(title=section, title_justify="left", title_style="bold")
        for header in HEADERS:
            table.add_column(header, justify="left" if header in ("measure", "target",
                                                                    "result") else "right")
        for figure in results.in_section(section):
            row = _row(figure)
            style = "red" if figure.verdict.startswith("✗") else None
            table.add_row(*row, style=style)
        console.print(table)
        for figure in results.in_section(section):
            if figure.note:
                console.print(f"  [dim]{figure.name}: {figure.note}[/dim]")
    for line in results.skipped:
        console.print(f"[yellow]skipped:[/yellow] {line}")
    for line in results.notes:
        console.print(f"[dim]{line}[/dim]")


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def markdown(results: Results, facts: dict[str, str], command: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{command}`; how each figure is measured: [README.md](README.md).",
        "Each row gives the min, median and max of its samples; a target is judged on the",
        "median unless it says p95. ✗ marks a missed target, with the figure that missed.",
        "",
        "| machine | |",
        "|---|---|",
        *(f"| {key} | {_md_escape(value)} |" for key, value in facts.items()),
        "",
    ]
    for section in results.sections():
        lines += [f"## {section}", "", "| " + " | ".join(HEADERS) + " |",
                  "|" + "---|" * len(HEADERS)]
        figures = results.in_section(section)
        lines += ["| " + " | ".join(_md_escape(cell) for cell in _row(f)) + " |"
                  for f in figures]
        notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
        lines += ["", *notes, ""] if notes else [""]
    if results.skipped:
        lines += ["## Skipped", "", *(f"- {line}" for line in results.skipped), ""]
    if results.notes:
        lines += ["## Notes", "", *(f"- {line}" for line in results.notes), ""]
    misses = results.misses
    lines += ["## Targets missed", ""]
    if misses:
        lines += [f"- {f.section} / {f.name}: {f.verdict.removeprefix('✗ ')} "
                  f"(target {f.target_text})" for f in misses]
        lines += ["", "What limits each one: [README.md](README.md#what-limits-the-misses)."]
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def samples(values: Iterable[float]) -> list[float]:
    """A list of floats, refusing an empty one early (a figure needs a sample)."""
    result = [float(v) for v in values]
    if not result:
        raise ValueError("a figure needs at least one sample")
    return result


def ratios(numerators: Sequence[float], denominators: Sequence[float]) -> list[float]:
    """Pairwise ratios of runs made side by side: each pair shared the machine's mood."""
    return [a / b for a, b in zip(numerators, denominators, strict=True)]
