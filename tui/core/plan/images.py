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
    """Why a card cannot be posted, in one line naming the file."""


def image_path(plan_path: Path, name: str) -> Path:
    """The image named in the plan, relative to the plan's folder."""
    return plan_path.parent / name


def image_problem(path: Path, name: str, alt: str, networks: tuple[str, ...]) -> str:
    """Why the card `name` (beside the plan at `path`) cannot go to `networks`; empty
    when it can. Reads the file (at most as much as a network takes, and one byte)."""
    problem = _alt_problem(name, alt)
    if problem:
        return problem
    try:
        _read(image_path(path, name), networks)
    except ImageError as error:
        return str(error)
    return ""


def read_image(path: Path, name: str, alt: str, networks: tuple[str, ...]) -> Image:
    """The card, read whole, or ImageError saying why it cannot be posted."""
    problem = _alt_problem(name, alt)
    if problem:
        raise ImageError(problem)
    data, kind = _read(image_path(path, name), networks)
    return Image(image_path(path, name), data, kind, alt)


def _alt_problem(name: str, alt: str) -> str:
    if not alt.strip():
        return (f"image {name!r} has no alt text: add alt = \"…\" (what the image shows, "
                "for people who cannot see it)")
    if len(alt) > ALT_LIMIT:
        return f"the alt text of {name!r} is {len(alt)} characters: Mastodon takes {ALT_LIMIT}"
    return ""


def _read(file: Path, networks: tuple[str, ...]) -> tuple[bytes, str]:
    shown = file.name
    try:
        data = read_regular(file, _READ_LIMIT)
    except NotReadable as error:
        if error.missing:
            raise ImageError(f"image {shown!r} is not there (it is looked for beside the "
                             "plan)") from None
        if error.too_large:
            raise ImageError(f"image {shown!r} is larger than {_READ_LIMIT:,} bytes: no "
                             "network takes more") from None
        raise ImageError(f"image {shown!r} {error.reason}") from None
    # The size is the bytes read, not what the file system said before the read.
    for network in networks:
        limit = LIMITS.get(network)
        if limit is not None and len(data) > limit:
            raise ImageError(f"image {shown!r} is {len(data):,} bytes: "
                             f"{network.capitalize()} takes {limit:,} at most")
    kind = sniff(data[:16])
    if kind is None:
        raise ImageError(f"image {shown!r} is not a PNG, JPEG, WebP or GIF image")
    for network in networks:
        if kind not in KINDS.get(network, frozenset({kind})):
            raise ImageError(f"{network.capitalize()} does not take {kind} images ({shown!r})")
    return data, kind
