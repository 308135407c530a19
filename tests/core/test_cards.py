"""Question cards are read by the one regular-file reader: no FIFO, device or folder,
and a size counted while reading, never taken from the file system's word."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from posting import PNG

from tui.core.plan.images import ImageError, image_problem, read_image

BLUESKY_LIMIT = 1_000_000


def reported_as(monkeypatch: pytest.MonkeyPatch, path: Path, size: int) -> None:
    """The file system says `path` is `size` bytes when asked on its open descriptor, as
    it does of a card still being written, or of one on a share that reports sizes late."""
    real = os.fstat
    inode = os.stat(path).st_ino

    def fstat(fd: int) -> os.stat_result:
        info = real(fd)
        if info.st_ino != inode:
            return info
        values = list(info[:10])
        values[6] = size
        return os.stat_result(values)

    monkeypatch.setattr(os, "fstat", fstat)


def test_a_card_larger_than_the_file_system_says_is_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    card = tmp_path / "q1.png"
    card.write_bytes(PNG + b"\0" * 50_000)
    reported_as(monkeypatch, card, len(PNG))
    image = read_image(tmp_path / "chat.toml", "q1.png", "A chart", ("mastodon",))
    assert image.data == card.read_bytes()  # the card as it is, not cut at the old size


def test_a_card_over_a_network_limit_is_refused_by_the_bytes_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    card = tmp_path / "q1.png"
    card.write_bytes(PNG + b"\0" * BLUESKY_LIMIT)
    reported_as(monkeypatch, card, 100)
    expected = f"image 'q1.png' is {len(PNG) + BLUESKY_LIMIT:,} bytes: Bluesky takes 1,000,000"
    with pytest.raises(ImageError, match=expected):
        read_image(tmp_path / "chat.toml", "q1.png", "A chart", ("bluesky",))
    problem = image_problem(tmp_path / "chat.toml", "q1.png", "A chart", ("bluesky",))
    assert problem is not None and problem.say("en").startswith(expected)


def test_a_pipe_a_device_or_a_folder_named_like_a_card_is_a_line(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.png")
    (tmp_path / "folder.png").mkdir()
    (tmp_path / "zero.png").symlink_to("/dev/zero")
    plan = tmp_path / "chat.toml"

    def said(name: str) -> str:
        problem = image_problem(plan, name, "x", ("bluesky",))
        assert problem is not None
        return problem.say("en")

    for name in ("pipe.png", "folder.png", "zero.png"):
        assert said(name) == f"image {name!r} is not a file"
    assert said("gone.png") == "image 'gone.png' is not there (it is looked for beside the plan)"
