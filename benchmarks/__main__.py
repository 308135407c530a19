"""Run every benchmark: `.venv/bin/python -m benchmarks [--quick] [--only NAMES]`.

A full run takes about six minutes and writes benchmarks/RESULTS.md; a `--quick` run or
one limited with `--only` writes benchmarks/RESULTS-last.md instead (git-ignored), so
the committed results always come from a full run. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from benchmarks import counting, idle, plansize, responsiveness, startup, work
from benchmarks.report import Figure, Results, commit, machine, markdown, print_tables

HERE = Path(__file__).resolve().parent
# Cheapest and most CPU-bound first; the minute-long idle run last.
SECTIONS: dict[str, Callable[[bool], list[Figure]]] = {
    "work": work.measure,
    "plansize": plansize.measure,
    "responsiveness": responsiveness.measure,
    "startup": startup.measure,
    "idle": idle.measure,
}
NAMES = ("counting", *SECTIONS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="tchat's benchmarks (see benchmarks/README.md)"
    )
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs and a 15 s idle window, to try things out")
    parser.add_argument("--only", default=",".join(NAMES),
                        help=f"comma-separated sections among {', '.join(NAMES)}")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in NAMES]
    if unknown:
        parser.error(f"unknown section {', '.join(unknown)}; known: {', '.join(NAMES)}")

    # Piped into a file or `tee`, Rich would wrap the tables at 80 columns.
    console = Console(width=None if sys.stdout.isatty() else 150)
    facts = machine()
    facts["mode"] = "quick" if args.quick else "full"
    console.print(" · ".join(f"{key}: {value}" for key, value in facts.items()))
    results = Results()
    started = time.perf_counter()
    for name in NAMES:
        if name not in chosen:
            continue
        section_start = time.perf_counter()
        try:
            with console.status(f"measuring {name}…"):
                if name == "counting":
                    figures, notes, skipped = counting.measure(args.quick)
                    results.notes += notes
                    results.skipped += skipped
                else:
                    figures = SECTIONS[name](args.quick)
        except Exception as error:  # one broken section must not lose the others' figures
            console.print_exception()
            results.skipped.append(f"{name}: failed with {type(error).__name__}: {error}")
            continue
        results.figures += figures
        console.print(f"[green]✓[/green] {name} ({time.perf_counter() - section_start:.0f} s)")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    facts["load average at end"] = load
    at_end = commit()
    if at_end != facts["tchat commit"]:
        facts["tchat commit at end"] = at_end  # the app changed during the run
    facts["duration"] = f"{time.perf_counter() - started:.0f} s"

    print_tables(results, console)
    failed = any(": failed with" in line for line in results.skipped)
    complete = not args.quick and chosen == list(NAMES) and not failed
    output = HERE / ("RESULTS.md" if complete else "RESULTS-last.md")
    command = ".venv/bin/python -m benchmarks" + (" --quick" if args.quick else "")
    if args.only != ",".join(NAMES):
        command += f" --only {args.only}"
    output.write_text(markdown(results, facts, command), encoding="utf-8")
    console.print(f"written to {output.relative_to(HERE.parent)}")
    missed = results.misses
    if missed:
        console.print(f"[red]{len(missed)} target(s) missed[/red]")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
