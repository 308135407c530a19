"""Where a run's log lives: beside its plan, named after it.

Apart from the log itself (`tui.core.run.asrun`, with its reading and writing): the
first frame of `tchat run` names the log before anything is read, and must not pay for
the rest.
"""

from __future__ import annotations

from pathlib import Path

LIVE_SUFFIX = ".asrun.jsonl"


def log_path_for(plan_path: Path, suffix: str = LIVE_SUFFIX) -> Path:
    """`demo.toml` -> `demo.toml.asrun.jsonl`, in the plan's folder."""
    return plan_path.with_name(plan_path.name + suffix)
