"""Counting speed on one core: tchat's X counter beside the reference implementations,
in process and through a pipe.

The texts are bench_counting's (a 280-character mixed post: French accents, emoji with
ZWJ sequences and skin tones, a link, CJK; and a 280-character ASCII post), so both
benchmarks speak of the same thing. Each round times, one after the other on the same
core: tchat (`count(text, "x")`), the Python `twitter-text-parser` when installed, and
the official JavaScript `twitter-text` 3.1.0 under node when installed; rounds repeat
and ratios are taken within a round. A timed run is batches of 100 calls until 0.5 s
have passed; every implementation is warmed up first (Python's matchers are built on
the first call; node's JIT needs a second of calls).

The pipe race, on two corpora: 20,000 posts made of a few recurring fragments (the
"mix", PIPE_POSTS) and 5,000 distinct realistic posts (DISTINCT_POSTS, made as the
differential tests make theirs), one JSON string per line, go through `tchat count
--jsonl` and through the official library behind the same kind of pipe
(twitter_text_pipe.js), each pinned to the same core, one after the other in each
round, who goes first alternating. Each run's wall time (launch to the last answer read)
and CPU time (user and system, from the kernel) are kept; the ratio is best round
against best round, for each clock.
"""

from __future__ import annotations

import importlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

from benchmarks.bench_counting import ASCII, MIXED, per_second
from benchmarks.report import Figure, Target, ratios, samples
from tui.core.counting import count

SECTION = "Counting (X weighted length, one core)"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_RATE = 30_000
PIPE_POSTS = 20_000
DISTINCT_POSTS = 5_000
PIPE_SECTION = "Counting through a pipe (X, one core)"
# tchat's rate over the official library's, best round against best round.
MIX_TARGET = 1.5
DISTINCT_TARGET = 1.0
TEXTS = {"mixed": MIXED, "ascii": ASCII}


def python_reference() -> Callable[[str], object] | None:
    try:
        module = importlib.import_module("twitter_text")
    except ImportError:  # not installed, or its pkg_resources import failed
        return None
    parse: Callable[[str], object] = module.parse_tweet
    return parse


def node_ready(skipped: list[str]) -> bool:
    """True when node can run the official package (installed by `npm ci` in tests/node,
    the same copy the differential tests use: twitter-text 3.1.0, @twemoji/parser 16)."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from node_reference import unavailable
    finally:
        sys.path.pop(0)
    reason = unavailable()
    if reason is not None:
        skipped.append(f"twitter-text (JavaScript): {reason}")
        return False
    return True


def pipe_posts(count: int = PIPE_POSTS, seed: int = 280) -> list[str]:
    """`count` distinct 280-character posts: French, ZWJ emoji, a link, CJK, hashtags,
    mentions (each post its own link path and numbers, so no two are the same, but the
    same few fragments recur: the "mix")."""
    rng = random.Random(seed)
    french = ("Ce soir à 20 h, on débat d'écologie : qu'est-ce qui a changé depuis "
              "l'été ? Bienvenue à toutes et à tous, élèves et enseignants").split()
    emoji = ["👋🏽", "👨\u200d👩\u200d👧\u200d👦", "🇫🇷", "❤️", "🧑🏾\u200d💻", "✅", "🌍"]
    cjk = ["日本からも参加できます", "皆さん", "よろしくお願いします", "中文", "한국어"]
    tags = ["#ÉcoChat", "#chat", "@alice", "@bob_42", "#climat"]
    posts = []
    for number in range(count):
        parts = [f"https://example.org/chat/{number}/ecologie-et-ville"]
        while sum(map(len, parts)) + len(parts) < 300:
            roll = rng.random()
            pool = french if roll < 0.55 else emoji if roll < 0.7 else cjk if roll < 0.82 else tags
            parts.append(rng.choice(pool))
        rng.shuffle(parts)
        posts.append(" ".join(parts)[:280] + f" {number}")
    return posts


def distinct_posts(count: int = DISTINCT_POSTS, seed: int = 26) -> list[str]:
    """`count` distinct realistic posts, as the differential tests make them
    (tests/counting_posts.py): French with accents in NFC and NFD, emoji of every kind,
    CJK, Arabic, Devanagari, links of every form, handles, line breaks, lengths around
    each platform's limit. Few fragments recur from one post to the next."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from counting_posts import posts
    finally:
        sys.path.pop(0)
    found: dict[str, None] = {}
    batch = count
    while len(found) < count:
        found.update(dict.fromkeys(posts(batch, seed=seed + len(found))))
        batch = count - len(found)
    return list(found)[:count]


class PipeRun(NamedTuple):
    wall: float  # seconds from launch to the last answer read
    cpu: float  # user and system seconds of the process
    answers: bytes


def _pipe_env() -> dict[str, str]:
    """The environment of the pipe race's programs: this one, except that Python may
    write its bytecode cache, as an installed tchat has it (a wheel's install compiles
    it). With PYTHONDONTWRITEBYTECODE set, every launch compiled tchat's modules again
    (about 18 ms of each launch)."""
    return {name: value for name, value in os.environ.items()
            if name != "PYTHONDONTWRITEBYTECODE"}


def _pipe_run(command: list[str], data: bytes, core: int) -> PipeRun:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        command, input=data, capture_output=True, check=False, cwd=ROOT, env=_pipe_env(),
        preexec_fn=lambda: os.sched_setaffinity(0, {core}),
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode > 1:  # 1 only says that some post does not fit
        raise RuntimeError(f"{command[-2]} failed: {result.stderr.decode()[-300:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return PipeRun(wall, cpu, result.stdout)


def _verdicts(answers: bytes) -> list[tuple[int, bool]]:
    return [(found["weighted_length"], found["valid"])
            for found in map(json.loads, answers.splitlines())]


def pipe_race(
    rounds: int, core: int, use_node: bool
) -> tuple[list[Figure], list[str]]:
    """tchat count --jsonl and the official library behind the same pipe, on each
    corpus: alternately (who goes first changes every round), best of the rounds."""
    tchat = [sys.executable, "-m", "tui", "count", "--jsonl"]
    node = ["node", str(HERE / "twitter_text_pipe.js")]
    figures: list[Figure] = []
    notes: list[str] = []
    for corpus, (posts, target, about) in _corpora().items():
        data = "".join(json.dumps(post, ensure_ascii=False) + "\n" for post in posts).encode()
        runs: dict[str, list[PipeRun]] = {"tchat": [], "js": []}
        sides = [("tchat", tchat), ("js", node)] if use_node else [("tchat", tchat)]
        for _, command in sides:  # unmeasured: bytecode and page caches warm
            _pipe_run(command, data[: data.find(b"\n") + 1], core)
        for number in range(rounds):
            for side, command in sides[:: -1 if number % 2 else 1]:
                runs[side].append(_pipe_run(command, data, core))
        section = f"{PIPE_SECTION}: {corpus}"
        for side, label in (("tchat", "tchat count --jsonl"),
                            ("js", "twitter-text 3.1.0 (node), same pipe")):
            if runs[side]:
                figures.append(Figure(section, f"{label}, wall", "/s",
                                      samples(len(posts) / run.wall for run in runs[side])))
                figures.append(Figure(section, f"{label}, CPU", "/s",
                                      samples(len(posts) / run.cpu for run in runs[side])))
        if not use_node:
            continue
        for clock in ("wall", "cpu"):
            best = {side: min(getattr(run, clock) for run in runs[side]) for side in runs}
            figures.append(Figure(
                section, f"ratio tchat / official JS, {clock} (best of {rounds} each)", "x",
                [best["js"] / best["tchat"]], (Target(">=", target),),
                note="above 1 means tchat is faster",
            ))
        per_round = [
            js.wall / ours.wall for ours, js in zip(runs["tchat"], runs["js"], strict=True)
        ]
        differ = sum(ours != theirs for ours, theirs in zip(
            _verdicts(runs["tchat"][-1].answers), _verdicts(runs["js"][-1].answers), strict=True
        ))
        notes.append(
            f"Pipe race, {corpus}: {len(posts):,} {about}; weighted length or validity differ "
            f"on {differ} of them; wall ratio per round "
            + ", ".join(f"{ratio:.2f}" for ratio in per_round)
            + f"; both pinned to CPU {core}, tchat first in odd rounds"
        )
    return figures, notes


def _corpora() -> dict[str, tuple[list[str], float, str]]:
    """Each corpus: its posts, the target ratio to the official library, what it is."""
    return {
        "mix": (pipe_posts(), MIX_TARGET,
                "posts of about 280 code points made of a few fragments (French, ZWJ emoji, "
                "a link each with its own path, CJK, hashtags, mentions)"),
        "distinct": (distinct_posts(), DISTINCT_TARGET,
                     "distinct realistic posts (tests/counting_posts.py: NFC and NFD French, "
                     "emoji of every kind, CJK, Arabic, Devanagari, links of every form, "
                     "handles, line breaks, lengths around each limit)"),
    }


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
    pipe_figures, pipe_notes = pipe_race(3 if quick else 7, core, use_node)
    figures += pipe_figures
    notes += pipe_notes
    ours = {name: count(text, "x").length for name, text in TEXTS.items()}
    notes.append(f"Counting texts: {len(MIXED)} and {len(ASCII)} code points; X weighted "
                 f"length tchat {ours['mixed']} / {ours['ascii']}"
                 + (f", official JS {lengths['mixed']} / {lengths['ascii']}"
                    if lengths else "")
                 + f"; pinned to CPU {core}; Python {sys.version.split()[0]}")
    return figures, notes, skipped
