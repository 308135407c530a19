"""One line for what went wrong, with no secret in it."""

from __future__ import annotations

from tui.core.run.publish.channel import ChannelError
from tui.core.text.controls import visible

MAX_SERVER_WORDS = 200


def server_words(text: object, *secrets: str) -> str:
    """A server's own message, made safe to show and log: one line, bounded, controls
    visible, and any secret it echoes (a hostile server could) blotted out."""
    line = " ".join(str(text or "").split())
    for value in secrets:
        if value:
            line = line.replace(value, "…")
    line = visible(line)
    return line if len(line) <= MAX_SERVER_WORDS else line[:MAX_SERVER_WORDS - 1] + "…"


__all__ = ["ChannelError", "server_words"]
