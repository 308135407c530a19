"""Counting speed on one core: tchat's X counter beside the reference implementations.

The texts are bench_counting's (a 280-character mixed post: French accents, emoji with
ZWJ sequences and skin tones, a link, CJK; and a 280-character ASCII post), so both
benchmarks speak of the same thing. Each round times, one after the other on the same
core: tchat (`count(text, "x")`), the Python `twitter-text-parser` when installed, and
the official JavaScript `twitter-text` 3.1.0 under node when installed; rounds repeat
and ratios are taken within a round. A timed run is batches of 100 calls until 0.5 s
have passed; every implementation is warmed up first (Python's matchers are built on
the first call; node's JIT needs a second of calls).
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks.bench_counting import ASCII, MIXED, per_second
from benchmarks.report import Figure, Target, ratios, samples
from tui.core.counting import count

SECTION = "Counting (X weighted length, one core)"
HERE = Path(__file__).resolve().parent
NODE_DIR = HERE / ".node"
NODE_PACKAGE = "twitter-text@3.1.0"
TARGET_RATE = 30_000
TEXTS = {"mixed": MIXED, "ascii": ASCII}


def python_reference() -> Callable[[str], object] | None:
    try:
        module = importlib.import_module("twitter_text")
    except ImportError:  # not installed, or its pkg_resources import failed
        return None
    parse: Callable[[str], object] = module.parse_tweet
    return parse


def node_ready(skipped: list[str]) -> bool:
    """True when node can run the official package; installs it under .node/ if needed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        skipped.append("twitter-text (JavaScript): node is not installed")
        return False
    if (NODE_DIR / "node_modules" / "twitter-text").is_dir():
        return True
    if npm is None:
        skipped.append("twitter-text (JavaScript): npm is not installed")
        return False
    NODE_DIR.mkdir(exist_ok=True)
    result = subprocess.run(
        [npm, "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund", "--silent",
         NODE_PACKAGE],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        skipped.append(f"twitter-text (JavaScript): npm install failed: "
                       f"{result.stderr.strip()[:200]}")
        return False
    return True


def node_rates(core: int, seconds: float) -> tuple[dict[str, float], dict[str, int]]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as spec:
        json.dump({"texts": TEXTS, "seconds": seconds, "warmup": 1.0}, spec)
    try:
        # Pinned to the same core as the Python side: "one core" for both.
        result = subprocess.run(
            ["node", str(HERE / "twitter_text_rate.js"), spec.name],
            capture_output=True, text=True, check=True,
            preexec_fn=lambda: os.sched_setaffinity(0, {core}),
        )
    finally:
        os.unlink(spec.name)
    found = json.loads(result.stdout)
    return found["rates"], found["lengths"]


def measure(quick: bool) -> tuple[list[Figure], list[str], list[str]]:
    """Figures, notes and skipped comparisons."""
    rounds, seconds = (3, 0.3) if quick else (7, 0.5)
    skipped: list[str] = []
    notes: list[str] = []
    reference = python_reference()
    if reference is None:
        skipped.append("twitter-text-parser (Python): not installed "
                       "(`.venv/bin/pip install twitter-text-parser setuptools`)")
    use_node = node_ready(skipped)

    allowed = os.sched_getaffinity(0)
    core = max(allowed)
    os.sched_setaffinity(0, {core})
    try:
        for text in TEXTS.values():  # warm-up: matchers, caches
            count(text, "x")
            if reference is not None:
                reference(text)
        rates: dict[str, list[float]] = {}
        lengths: dict[str, int] = {}
        for _ in range(rounds):
            for name, text in TEXTS.items():
                rates.setdefault(f"tchat {name}", []).append(
                    per_second(partial(count, text, "x"), seconds))
                if reference is not None:
                    rates.setdefault(f"py {name}", []).append(
                        per_second(partial(reference, text), seconds))
            if use_node:
                found, lengths = node_rates(core, seconds)
                for name, rate in found.items():
                    rates.setdefault(f"js {name}", []).append(rate)
    finally:
        os.sched_setaffinity(0, allowed)

    figures: list[Figure] = []
    for name in TEXTS:
        figures.append(Figure(
            SECTION, f"tchat, {name} text", "/s", samples(rates[f"tchat {name}"]),
            (Target(">=", TARGET_RATE),) if name == "mixed" else (),
        ))
        if reference is not None:
            figures.append(Figure(SECTION, f"twitter-text-parser (Python), {name}", "/s",
                                  samples(rates[f"py {name}"])))
        if use_node:
            figures.append(Figure(SECTION, f"twitter-text 3.1.0 (node), {name}", "/s",
                                  samples(rates[f"js {name}"])))
    for name in TEXTS:
        if use_node:
            figures.append(Figure(
                SECTION, f"ratio tchat / official JS, {name}", "x",
                samples(ratios(rates[f"tchat {name}"], rates[f"js {name}"])),
                (Target(">=", 1.0),) if name == "mixed" else (),
                note="per round; above 1 means tchat is faster",
            ))
        if reference is not None:
            figures.append(Figure(
                SECTION, f"ratio tchat / twitter-text-parser, {name}", "x",
                samples(ratios(rates[f"tchat {name}"], rates[f"py {name}"])),
            ))
    ours = {name: count(text, "x").length for name, text in TEXTS.items()}
    notes.append(f"Counting texts: {len(MIXED)} and {len(ASCII)} code points; X weighted "
                 f"length tchat {ours['mixed']} / {ours['ascii']}"
                 + (f", official JS {lengths['mixed']} / {lengths['ascii']}"
                    if lengths else "")
                 + f"; pinned to CPU {core}; Python {sys.version.split()[0]}")
    return figures, notes, skipped
