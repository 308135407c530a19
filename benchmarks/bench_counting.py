"""How many counts per second the X counter does on one core (it runs on every keystroke).

Run: `.venv/bin/python benchmarks/bench_counting.py [--runs N] [--seconds S]`

Prints the median of several timed runs for a 280-character mixed post (French accents,
emoji with ZWJ sequences, a link, CJK) and a 280-character ASCII post, for every
platform, and the same for the `twitter-text-parser` package when it is installed.
The target is 30,000 counts/s for the mixed post on X.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.counting import PLATFORMS, count  # noqa: E402

TARGET = 30_000


def _fit(parts: list[str], width: int) -> str:
    text = "".join(parts)
    while len(text) < width:
        text += " " + parts[0]
    return text[:width]


MIXED = _fit(
    [
        "Ce soir à 20 h, on débat d'écologie : qu'est-ce qui a changé depuis l'été ? ",
        "👋🏽 Bienvenue à toutes et à tous 👨‍👩‍👧‍👦🇫🇷 ",
        "Le programme est là : https://example.org/chat/2026/ecologie-et-ville ",
        "日本からも参加できます。皆さん、よろしくお願いします！ ",
        "#ÉcoChat ❤️ ",
    ],
    280,
)
ASCII = _fit(["Tonight at 8pm we talk about cities and climate, bring your questions! "], 280)


def per_second(func: Callable[[], object], seconds: float) -> float:
    """Calls per second over about `seconds` of repeated calls."""
    batch = 100
    calls = 0
    start = time.perf_counter()
    while True:
        for _ in range(batch):
            func()
        calls += batch
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return calls / elapsed


def median_rate(func: Callable[[], object], runs: int, seconds: float) -> float:
    func()  # first call builds the matchers: not what a keystroke pays
    return statistics.median(per_second(func, seconds) for _ in range(runs))


def reference() -> Callable[[str], object] | None:
    """twitter-text-parser's `parse_tweet`, when that package is installed."""
    try:
        module = importlib.import_module("twitter_text")
    except ImportError:
        return None
    parse: Callable[[str], object] = module.parse_tweet
    return parse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (median)")
    parser.add_argument("--seconds", type=float, default=0.5, help="length of one run")
    args = parser.parse_args(argv)

    print(f"mixed text: {len(MIXED)} code points, X length {count(MIXED).length}")
    rows: list[tuple[str, str, float]] = []
    for platform in PLATFORMS:
        for name, text in (("mixed", MIXED), ("ascii", ASCII)):
            rate = median_rate(partial(count, text, platform), args.runs, args.seconds)
            rows.append((f"tchat {platform}", name, rate))
    parse = reference()
    if parse is None:
        print("twitter-text-parser not installed: no comparison")
    else:
        for name, text in (("mixed", MIXED), ("ascii", ASCII)):
            rate = median_rate(partial(parse, text), args.runs, args.seconds)
            rows.append(("twitter-text-parser", name, rate))
    for who, name, rate in rows:
        print(f"{who:<22} {name:<6} {rate:>10,.0f} counts/s")
    x_mixed = next(rate for who, name, rate in rows if who == "tchat x" and name == "mixed")
    verdict = "meets" if x_mixed >= TARGET else "misses"
    print(f"X mixed: {x_mixed:,.0f} counts/s {verdict} the {TARGET:,} target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
