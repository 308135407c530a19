"""Question cards: an image beside the plan, posted with a question or a post.

What each network takes, so that `tchat check` says before the day what a network
would refuse at the moment of posting: the file's kind is read from its first bytes
(never trusted from its name), its size against the network's limit. The file is read
by the one regular-file reader (`tui.core.files.regularfile`): never a FIFO, a device or
a folder, and its size is the bytes read, never the size the file system reports (a
card still being written is not posted cut).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.core.files.regularfile import NotReadable, read_regular
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
    when it can. Reads the file (at most as much as a network takes, and one byte)."""
    problem = _alt_problem(name, alt)
    if problem is not None:
        return problem
    try:
        _read(image_path(path, name), networks)
    except ImageError as error:
        return error.said
    return None


def read_image(path: Path, name: str, alt: str, networks: tuple[str, ...]) -> Image:
    """The card, read whole, or ImageError saying why it cannot be posted."""
    problem = _alt_problem(name, alt)
    if problem is not None:
        raise ImageError(problem)
    data, kind = _read(image_path(path, name), networks)
    return Image(image_path(path, name), data, kind, alt)


def _alt_problem(name: str, alt: str) -> Said | None:
    if not alt.strip():
        return Said.of("check.image_no_alt", name=repr(name))
    if len(alt) > ALT_LIMIT:
        return Said.of("check.alt_too_long", name=repr(name), length=len(alt), limit=ALT_LIMIT)
    return None


def _read(file: Path, networks: tuple[str, ...]) -> tuple[bytes, str]:
    shown = repr(file.name)
    try:
        data = read_regular(file, _READ_LIMIT)
    except NotReadable as error:
        if error.missing:
            raise ImageError.of("check.image_missing", name=shown) from None
        if error.too_large:
            raise ImageError.of("check.image_over_limit", name=shown, limit=_READ_LIMIT
                                ) from None
        if error.reason.startswith("cannot be read ("):
            why = error.reason.removeprefix("cannot be read (").removesuffix(")")
            raise ImageError.of("check.image_unreadable", name=shown, why=why) from None
        raise ImageError.of("check.image_not_file", name=shown) from None  # a FIFO...
    # The size is the bytes read, not what the file system said before the read.
    for network in networks:
        limit = LIMITS.get(network)
        if limit is not None and len(data) > limit:
            raise ImageError.of("check.image_network_limit", name=shown, size=len(data),
                                network=network.capitalize(), limit=limit)
    kind = sniff(data[:16])
    if kind is None:
        raise ImageError.of("check.image_kind", name=shown)
    for network in networks:
        if kind not in KINDS.get(network, frozenset({kind})):
            raise ImageError.of("check.image_network_kind", network=network.capitalize(),
                                kind=kind, name=shown)
    return data, kind
