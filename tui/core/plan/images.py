"""Question cards: an image beside the plan, posted with a question or a post.

What each network takes, so that `tchat check` says before the day what a network
would refuse at the moment of posting: the file's kind is read from its first bytes
(never trusted from its name), its size against the network's limit.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from tui.core.text.said import Said

# The first bytes of each kind of image the networks take.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)

# Bluesky: app.bsky.embed.images takes a blob of 1,000,000 bytes at most, and the app
# posts PNG, JPEG, WebP and GIF. Mastodon: 16 MB images by default (a server may set
# less), PNG, JPEG, WebP, GIF. X: 5 MB. Threads: 8 MB.
LIMITS: dict[str, int] = {
    "bluesky": 1_000_000,
    "mastodon": 16 * 1024 * 1024,
    "x": 5 * 1024 * 1024,
    "x-legacy": 5 * 1024 * 1024,
    "threads": 8 * 1024 * 1024,
}
KINDS: dict[str, frozenset[str]] = {
    network: frozenset({"image/png", "image/jpeg", "image/webp", "image/gif"})
    for network in LIMITS
}
# Mastodon refuses a description over 1,500 characters; Bluesky's app stops at 2,000.
ALT_LIMIT = 1500
_READ_LIMIT = max(LIMITS.values())


def sniff(head: bytes) -> str | None:
    """The image's media type from its first bytes, or None for anything else."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


@dataclass(frozen=True, slots=True)
class Image:
    """A card read from disk: its bytes, its media type, its alt text."""

    path: Path
    data: bytes
    kind: str
    alt: str


class ImageError(Exception):
    """Why a card cannot be posted, naming the file: `said` to say it in a language, the
    exception's text in English."""

    def __init__(self, said: Said) -> None:
        super().__init__(said.say("en"))
        self.said = said

    @classmethod
    def of(cls, key: str, **fields: str | int | Said) -> ImageError:
        return cls(Said.of(key, **fields))


def image_path(plan_path: Path, name: str) -> Path:
    """The image named in the plan, relative to the plan's folder."""
    return plan_path.parent / name


def image_problem(path: Path, name: str, alt: str, networks: tuple[str, ...]
                  ) -> Said | None:
    """Why the card `name` (beside the plan at `path`) cannot go to `networks`; None
    when it can. Reads at most the first bytes of the file."""
    if not alt.strip():
        return Said.of("check.image_no_alt", name=repr(name))
    if len(alt) > ALT_LIMIT:
        return Said.of("check.alt_too_long", name=repr(name), length=len(alt), limit=ALT_LIMIT)
    try:
        _read(image_path(path, name), networks, head_only=True)
    except ImageError as error:
        return error.said
    return None


def read_image(path: Path, name: str, alt: str, networks: tuple[str, ...]) -> Image:
    """The card, read whole, or ImageError saying why it cannot be posted."""
    problem = image_problem(path, name, alt, networks)
    if problem is not None:
        raise ImageError(problem)
    data, kind = _read(image_path(path, name), networks, head_only=False)
    return Image(image_path(path, name), data, kind, alt)


def _read(file: Path, networks: tuple[str, ...], *, head_only: bool) -> tuple[bytes, str]:
    shown = repr(file.name)
    try:
        # O_NONBLOCK: a FIFO named like an image opens at once instead of hanging.
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ImageError.of("check.image_missing", name=shown) from None
    except OSError as error:
        raise ImageError.of("check.image_unreadable", name=shown,
                            why=str(error.strerror)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ImageError.of("check.image_not_file", name=shown)
        if info.st_size > _READ_LIMIT:
            raise ImageError.of("check.image_too_large", name=shown, size=info.st_size,
                                limit=_READ_LIMIT)
        for network in networks:
            limit = LIMITS.get(network)
            if limit is not None and info.st_size > limit:
                raise ImageError.of("check.image_network_limit", name=shown,
                                    size=info.st_size, network=network.capitalize(),
                                    limit=limit)
        data = os.read(fd, 16 if head_only else min(info.st_size, _READ_LIMIT) + 1)
        if not head_only:
            while len(data) < info.st_size:
                chunk = os.read(fd, info.st_size - len(data))
                if not chunk:
                    break
                data += chunk
    except OSError as error:
        raise ImageError.of("check.image_unreadable", name=shown,
                            why=str(error.strerror)) from None
    finally:
        os.close(fd)
    kind = sniff(data)
    if kind is None:
        raise ImageError.of("check.image_kind", name=shown)
    for network in networks:
        if kind not in KINDS.get(network, frozenset({kind})):
            raise ImageError.of("check.image_network_kind", network=network.capitalize(),
                                kind=kind, name=shown)
    return data, kind
