"""Platform-true character counts for drafts (X weighted, legacy X, Bluesky, Mastodon,
Threads). No UI here: the editor, the CLI and the benchmarks all use this.

    >>> count("Bonjour 👋🏽 https://example.com/a/long/path").length
    34
"""

from __future__ import annotations

from tui.core.counting.counter import count, counter
from tui.core.counting.platforms import (
    PLATFORMS,
    PlatformInfo,
    UnknownPlatformError,
    platform_info,
    resolve_limit,
)
from tui.core.counting.result import Count

__all__ = [
    "PLATFORMS",
    "Count",
    "PlatformInfo",
    "UnknownPlatformError",
    "count",
    "counter",
    "platform_info",
    "resolve_limit",
]
