"""The keys a server dedupes a post on, derived from the chat, the cue and the part.

Bluesky: the record key of `app.bsky.feed.post` is a TID (the AppView indexes posts
under TID keys only). tchat derives it instead of drawing it, so two windows (or a
retry after a crash) posting the same part ask for the same record, and the second
create is refused: its time is the cue's minute (or now, for a cue posted early),
its low bits and clock id come from a hash of the chat, the cue, the network's account
and the part. Mastodon: the `Idempotency-Key` header, from the same hash; the server
answers a second post with that key with the first one's status (for an hour).

A post deleted with undo bumps `generation`, so posting the cue again is a new post,
not the deleted one.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

_BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz"
_LOW_BITS = 25  # ~33 s of microseconds, below the minute the TID keeps


def _digest(chat: str, cue: str, account: str, part: int, generation: int) -> bytes:
    seed = "\x1f".join((chat, cue, account, str(part), str(generation)))
    return hashlib.sha256(seed.encode("utf-8", "surrogatepass")).digest()


def chat_identity(tag: str, start: datetime) -> str:
    """What names one edition of a chat: its tag and its start."""
    return f"{tag.lower()}@{start.astimezone(UTC).isoformat()}"


def record_key(chat: str, cue: str, account: str, part: int, generation: int,
               moment: datetime) -> str:
    """A TID for this part: `moment` to the minute, the rest from the hash."""
    digest = int.from_bytes(_digest(chat, cue, account, part, generation)[:8], "big")
    minute = int(moment.astimezone(UTC).replace(second=0, microsecond=0).timestamp())
    micros = minute * 1_000_000 + (digest >> 10) % (1 << _LOW_BITS)
    value = ((micros & ((1 << 53) - 1)) << 10) | (digest & 0x3FF)
    return "".join(_BASE32_SORTABLE[(value >> shift) & 31] for shift in range(60, -1, -5))


def idempotency_key(chat: str, cue: str, account: str, part: int, generation: int) -> str:
    return "tchat-" + _digest(chat, cue, account, part, generation).hex()[:40]
