"""Answers counted across networks say where they come from, where there is room."""

from __future__ import annotations

import pytest

from tui.core.run.roomtalk import RoomFrame, RoomTalk


def talk(language: str, networks: dict[int, tuple[tuple[str, int], ...]]) -> RoomTalk:
    room = RoomTalk(language)  # type: ignore[arg-type]
    room.frame = RoomFrame(counting=True, answers={1: (14, 9), 2: (3, 3)},
                           networks=networks)
    return room


@pytest.mark.parametrize("language, line", [
    ("en", "14 answers from 9 people · B\u00a09 · M\u00a05"),
    ("fr", "14 réponses de 9 personnes · B\u00a09 · M\u00a05"),
])
def test_the_split_follows_the_total(language: str, line: str) -> None:
    room = talk(language, {1: (("bluesky", 9), ("mastodon", 5))})
    assert room.answers(1) == line
    forms = room.answer_forms(1)
    assert forms[0] == line  # the longest, where the list has room
    assert forms[1] == line.split(" · ")[0]  # then without the split, shorter and shorter
    assert all(len(a) > len(b) for a, b in zip(forms, forms[1:], strict=False))


def test_one_network_has_no_split() -> None:
    room = talk("en", {1: (("bluesky", 9), ("mastodon", 5))})
    assert room.answers(2) == "3 answers from 3 people"
    assert "·" not in room.answer_forms(2)[0]
