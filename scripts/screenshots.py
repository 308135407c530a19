"""Screenshots of the run-sheet's main states, from the demo plans, on a frozen clock.

    .venv/bin/python scripts/screenshots.py [--out screenshots]

Writes one SVG per state and, when `rsvg-convert` is installed (Debian: librsvg2-bin),
a PNG copy. Each state runs over a throwaway copy of the demo plan with marks written
to its log first, so the pictures show a realistic run and the repo's plans stay clean.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.app import TchatApp  # noqa: E402
from tui.clipboard import NoClipboard  # noqa: E402
from tui.commands.demo import demo_copy  # noqa: E402
from tui.core.plan.planfile import load_plan  # noqa: E402
from tui.core.run.asrun import AsRunLog, Event, log_path_for  # noqa: E402
from tui.core.timing.clock import Clock, FrozenClock, SimulatedClock  # noqa: E402
from tui.startup import begin  # noqa: E402

SIZE = (120, 36)
OPENING = {"welcome@0": 0.3, "rules@2": 2.2, "hu1": 3.1}
HALF = {**OPENING, "q1": 5.1, "hu2": 9.2, "q2": 11.4, "hu3": 15.0, "q3": 17.6}


@dataclass(frozen=True)
class State:
    name: str
    language: str
    minute: float
    posted: dict[str, float] = field(default_factory=dict)
    shift: bool = False
    theme: str | None = None
    keys: tuple[str, ...] = ()
    rehearsal: float | None = None
    """The rehearsal's speed; None for a live run."""
    size: tuple[int, int] = SIZE
    networks: bool = False
    """The English demo run on X and Bluesky at once (its draft pane's network tabs)."""


# The English demo on two networks, each person with a handle on each.
ON_TWO_NETWORKS = (
    ('platform = "x"  # or "x-legacy", "bluesky", "mastodon", "threads"',
     'platforms = ["x", "bluesky"]'),
    ('host = "@CivicChatsHub"',
     'host = { x = "@CivicChatsHub", bluesky = "civicchatshub.bsky.social" }'),
    ('handle = "@SafeScreensOrg"',
     'handle = { x = "@SafeScreensOrg", bluesky = "safescreens.bsky.social" }'),
    ('handle = "@YouthHelpNet"',
     'handle = { x = "@YouthHelpNet", bluesky = "youthhelpnet.bsky.social" }'),
    ('handle = "@DRLawClinic"',
     'handle = { x = "@DRLawClinic", bluesky = "drlawclinic.bsky.social" }'),
)


STATES = (
    State("before", "fr", -48),
    State("during", "fr", 22.6, HALF | {"hu4": 21.1}),
    State("overrun", "fr", 25.75, HALF | {"hu4": 21.1}),
    State("overrun-light", "fr", 25.75, HALF | {"hu4": 21.1}, theme="textual-light"),
    State("shifted", "fr", 25.75, HALF | {"hu4": 21.1}, shift=True),
    State("after", "fr", 63,
          {**HALF, "hu4": 21, "q4": 23, "custom@26": 26, "hu5": 28, "q5": 30, "hu6": 34,
           "q6": 36, "hu7": 40, "q7": 42, "hu8": 46, "q8": 48, "closing@55": 55,
           "thanks@58": 58}),
    State("during-en", "en", 10.2, {**OPENING, "q1": 5.2}),
    State("edit", "fr", 16.5, HALF, keys=("down", "e")),
    State("help", "en", 10.2, {**OPENING, "q1": 5.2}, keys=("question_mark",)),
    State("rehearsal", "fr", 16.4, {**OPENING, "q1": 5.6, "hu2": 9.4, "q2": 12.1},
          rehearsal=10),
    # The default `tchat` in an 80x24 terminal: the footer's keys that fit, help and quit.
    State("small", "fr", 22.6, HALF | {"hu4": 21.1}, rehearsal=1, size=(80, 24)),
    State("rehearsal-report", "fr", 49.5,
          {**HALF, "hu4": 21.3, "q4": 24.2, "custom@26": 27.0, "hu5": 28.5, "q5": 31.2,
           "hu6": 34.1, "q6": 37.9, "hu7": 40.2, "q7": 43.0, "hu8": 46.4, "q8": 49.1},
          rehearsal=60, keys=("p", "R")),
    # The demo's recorded conversation, replayed: answers to Q1 and Q2 counted.
    State("conversation", "en", 14.2, {**OPENING, "q1": 5.1, "hu2": 9.2, "q2": 11.1},
          rehearsal=1, keys=("f",)),
    # A chat on X and Bluesky: Q1 copied on X, the draft pane on to Bluesky (key 2).
    State("networks", "en", 5.4, OPENING, keys=("2",), networks=True),
    # The room's list of people to welcome, beside the cues, as the pane shows itself.
    State("room-welcome", "en", 14.2, {**OPENING, "q1": 5.1, "hu2": 9.2, "q2": 11.1},
          rehearsal=1, keys=("f", "right")),
)


async def shoot(state: State, out: Path) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        # With the recorded conversation its `[feed] replay` names, as `tchat` has it.
        plan = demo_copy(state.language, Path(folder))  # type: ignore[arg-type]
        if state.networks:
            text = plan.read_text(encoding="utf-8")
            for one, two in ON_TWO_NETWORKS:
                text = text.replace(one, two)
            plan.write_text(text, encoding="utf-8")
        start = load_plan(plan).chat.start_at
        suffix = ".rehearsal-20261203-090000.jsonl" if state.rehearsal else ".asrun.jsonl"
        log = AsRunLog(log_path_for(plan, suffix))
        for cue, minute in state.posted.items():
            moment = start + timedelta(minutes=minute)
            log.append(Event("mark", clock=moment, wall=moment, cue=cue, via="system"))
        if state.networks:
            moment = start + timedelta(minutes=5.2)
            log.append(Event("mark", clock=moment, wall=moment, cue="q1", via="system",
                             network="x"))
        moment = start + timedelta(minutes=state.minute)
        clock: Clock = FrozenClock(moment)
        if state.rehearsal:
            # Held still (the monotonic time never moves) but running, at its speed.
            clock = SimulatedClock(moment, speed=state.rehearsal, monotonic=lambda: 0.0)
        app = TchatApp(begin(plan, clock=clock, log_path=log.path,
                             mode="rehearsal" if state.rehearsal else "live"),
                       clipboard=NoClipboard())
        if state.theme:
            app.theme = state.theme
        async with app.run_test(size=state.size) as pilot:
            await pilot.pause()
            if state.shift:
                await pilot.press("d")
            if "f" in state.keys:  # the replay opens in a worker: wait for it, bounded
                for _ in range(400):
                    if app.run_sheet.desk.room.frame.room is not None:
                        break
                    await pilot.pause()
                    app.run_sheet.refresh_now()
            for key in state.keys:
                await pilot.press(key)
            await pilot.pause(0.3)
            for log_line in app.screen.query("#report-log, #help-log"):
                log_line.display = False  # a temporary path: the picture would never settle
            await pilot.pause()
            target = out / f"{state.name}.svg"
            app.save_screenshot(target.name, str(out))
        keep_blanks(target)
        return target


def keep_blanks(svg: Path) -> None:
    """Mark the SVG's text as whitespace-preserving.

    Textual writes each run of text at its own x, and a run may start with blanks (the
    footer's " Copier", a right-aligned count). Browsers keep them (the SVG's CSS says
    `white-space: pre`), but rsvg-convert ignores that CSS and drops them, which glues
    "cCopier" together in the PNGs. `xml:space="preserve"` is read by both.
    """
    text = svg.read_text(encoding="utf-8")
    if 'xml:space="preserve"' not in text:
        svg.write_text(text.replace("<svg ", '<svg xml:space="preserve" ', 1), encoding="utf-8")


def to_png(svg: Path) -> Path | None:
    converter = shutil.which("rsvg-convert")
    if converter is None:
        return None
    png = svg.with_suffix(".png")
    subprocess.run([converter, "--zoom", "1", str(svg), "-o", str(png)], check=True)
    return png


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for state in STATES:
        svg = asyncio.run(shoot(state, out))
        png = to_png(svg)
        print(svg.relative_to(out.parent) if svg.is_relative_to(out.parent) else svg,
              "+ png" if png else "(no rsvg-convert: SVG only)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
