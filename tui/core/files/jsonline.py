"""One line of a JSON lines file (a run log, a feed file, a lock), read defensively.

Anyone who can write the file can put anything on a line: bytes that are no UTF-8,
garbage, or valid JSON nested 100,000 levels deep, on which the standard library raises
RecursionError rather than ValueError, and which, a little less deep, parses and then
makes any recursive use of it (`str()`, a comparison) raise instead. Every line tchat
wrote is nested two levels at most.
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 16
"""Far above the two levels of any line tchat writes."""


def json_line(raw: bytes | str) -> Any:
    """The JSON value on `raw`, or None when it is not JSON or nested too deep."""
    try:
        text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if _depth_within(value, MAX_DEPTH) else None


def _depth_within(value: Any, limit: int) -> bool:
    # Iterative, so that the check itself cannot recurse too deep.
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return False
        stack.extend((child, depth + 1) for child in children)
    return True
