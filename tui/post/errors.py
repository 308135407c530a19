"""One line for what went wrong, with no secret in it."""

from __future__ import annotations

from collections.abc import Mapping

from tui.core.run.publish.channel import ChannelError
from tui.core.text.controls import visible
from tui.core.text.said import Said
from tui.net.numbers import retry_after

MAX_SERVER_WORDS = 200
MAX_ANSWER = 4 * 1024 * 1024
"""The largest answer posting reads: a status or a record is a few kilobytes."""
LONGEST_WAIT = 24 * 3600.0
"""The longest wait a failure names: a server asking for more (or for `inf`) is said to
ask for a day or more."""


def server_words(text: object, *secrets: str) -> str:
    """A server's own message, made safe to show and log: one line, bounded, controls
    visible, and any secret it echoes (a hostile server could) blotted out."""
    line = " ".join(str(text or "").split())
    for value in secrets:
        if value:
            line = line.replace(value, "…")
    line = visible(line)
    return line if len(line) <= MAX_SERVER_WORDS else line[:MAX_SERVER_WORDS - 1] + "…"


def too_many(server: str, what: str, headers: Mapping[str, str], max_wait: float, *,
             last: bool) -> tuple[ChannelError | None, float]:
    """A 429 on `what` (a `post.doing_*` key): the seconds to wait before the one retry,
    when the server asks for `max_wait` or less and this was not the retry already; else
    the failure, saying when to try again. The server's numbers are bounded
    (`tui.net.numbers`): `inf`, 1e300 or garbage never raise."""
    wait = retry_after(headers, longest=LONGEST_WAIT)
    if not last and wait is not None and wait <= max_wait:
        return None, wait
    doing = Said.of(what)
    if wait is None:
        return ChannelError.of("post.too_many", server=server, what=doing), 0.0
    if wait >= LONGEST_WAIT:
        return ChannelError.of("post.too_many_day", server=server, what=doing), 0.0
    return ChannelError.of("post.too_many_wait", server=server, what=doing,
                           seconds=int(wait) + 1), 0.0


__all__ = ["ChannelError", "server_words", "too_many"]
