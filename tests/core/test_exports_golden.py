"""Every export of the two fixture plans, byte for byte against tests/golden/expected/.

The exports must be deterministic (no clock, no machine locale), so any difference is a
real change in what a moderator gets. When the change is intended, regenerate and review
the diff before committing:

    TCHAT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/core/test_exports_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.exports import EXPORTS, export, make_context
from tui.core.plan.planfile import load_plan
from tui.core.room.summary import Recording, recorded_feed, replayed_feed
from tui.core.run.asrun import log_path_for, read_events

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
EXPECTED = GOLDEN / "expected"
UPDATE = os.environ.get("TCHAT_UPDATE_GOLDEN") == "1"

# Each fixture plan with the log its recap reads: the French one its live log beside it,
# the English one a rehearsal log (what `--log` selects).
PLANS = {
    "plan-fr": log_path_for(GOLDEN / "plan-fr.toml"),
    "plan-en": GOLDEN / "plan-en.toml.rehearsal-1.jsonl",
}


def golden_path(plan: str, kind: str) -> Path:
    return EXPECTED / plan / f"{kind}{EXPORTS[kind].suffix}"


# When the golden files are made: a calendar's DTSTAMP says when it was exported.
CREATED = datetime(2026, 11, 20, 9, 30, 15, tzinfo=UTC)


def conversation(plan: str) -> Recording:
    """The conversation `tchat export` reads for each fixture: the French plan's kept
    beside it by its live run, the English plan's rehearsal's replay."""
    path = GOLDEN / f"{plan}.toml"
    if plan == "plan-fr":
        return recorded_feed(path)
    return replayed_feed(load_plan(path), GOLDEN / "plan-en.conversation.jsonl")


def render(plan: str, kind: str) -> str:
    loaded = load_plan(GOLDEN / f"{plan}.toml")
    events = read_events(PLANS[plan]) if EXPORTS[kind].reads_log else []
    recording = conversation(plan)
    posts = recording.posts if EXPORTS[kind].reads_feed else ()
    context = make_context(loaded, events=events, feed=posts, created=CREATED,
                           replayed=recording.replayed)
    return export(kind, context).text


@pytest.mark.parametrize("kind", list(EXPORTS))
@pytest.mark.parametrize("plan", list(PLANS))
def test_export_matches_golden(plan: str, kind: str) -> None:
    text = render(plan, kind)
    path = golden_path(plan, kind)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"no golden file {path}: run with TCHAT_UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, (
        f"{plan} --to {kind} differs from {path.relative_to(GOLDEN.parent)}; if the change "
        "is intended, regenerate with TCHAT_UPDATE_GOLDEN=1 and review the diff"
    )


def test_exports_are_deterministic() -> None:
    # Two renders from two fresh loads: nothing may depend on the clock, ids or order
    # of a set.
    for kind in EXPORTS:
        assert render("plan-fr", kind) == render("plan-fr", kind)
