"""The bundled demo, which `tchat` alone (`run` without a plan) and `rehearse` without a
plan both rehearse: where it is, a fresh copy of it, and how soon its hour starts."""

from __future__ import annotations

import shutil
import tempfile
from datetime import timedelta
from importlib.resources import files
from pathlib import Path

from tui.core.text.vocabulary import Language

# The bare `tchat` demo: half a minute to read the screen, then the hour starts at real
# speed; the opening notification says how to speed up or jump ahead.
DEMO_START_IN = timedelta(seconds=30)


def demo_plan_path(language: Language = "fr") -> Path:
    """The bundled demo plan: `tui/plans/` in a wheel, the repo's `plans/` when editable."""
    name = f"demo-{language}.toml"
    packaged = files("tui") / "plans" / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "plans" / name


def demo_copy(language: Language, folder: Path | None = None) -> Path:
    """A fresh copy of the demo in `folder` (a new temporary folder by default), so the
    demo can be ticked and edited freely: the bundled file (read-only inside a wheel) and
    the repo stay clean."""
    folder = folder or Path(tempfile.mkdtemp(prefix="tchat-demo-"))
    source = demo_plan_path(language)
    target = folder / source.name
    shutil.copyfile(source, target)
    # The recorded conversation its `[feed] replay` names, beside it as in plans/.
    conversation = source.with_name(f"demo-{language}.conversation.jsonl")
    if conversation.is_file():
        shutil.copyfile(conversation, folder / conversation.name)
    return target
