"""TEMPORARY stand-ins for core modules colleagues are still writing.

`tui.core.counting` and `tui.core.wording` are announced but may not have landed yet;
until they do, the UI tests install these minimal fakes so layout work can proceed.
They are installed only when the real module is missing, and never ship.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field

_LIMITS = {"x": 280, "x-legacy": 280, "bluesky": 300, "mastodon": 500, "threads": 500}


@dataclass(frozen=True)
class Count:
    length: int
    limit: int
    remaining: int
    valid: bool
    overflow_index: int | None
    warnings: list[str] = field(default_factory=list)


def count(text: str, platform: str = "x", *, limit: int | None = None) -> Count:
    top = limit or _LIMITS.get(platform, 280)
    length = len(text)
    return Count(length, top, top - length, length <= top, top if length > top else None)


def heads_up_template(language: str) -> str:
    if language == "fr":
        return "{q} dans {minutes} minutes ! Préparez vos {a} {tag}"
    return "{q} in {minutes} minutes! Get your {a} ready {tag}"


def install_if_missing() -> None:
    try:
        from tui.core.counting import count as _real  # noqa: F401
    except ImportError:
        module = types.ModuleType("tui.core.counting")
        module.Count = Count  # type: ignore[attr-defined]
        module.count = count  # type: ignore[attr-defined]
        sys.modules["tui.core.counting"] = module
    try:
        from tui.core.wording import heads_up_template as _real2  # noqa: F401
    except ImportError:
        module = types.ModuleType("tui.core.wording")
        module.heads_up_template = heads_up_template  # type: ignore[attr-defined]
        sys.modules["tui.core.wording"] = module
