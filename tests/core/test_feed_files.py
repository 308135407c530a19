"""`PLAN.feed.jsonl` and replays as anyone can leave them (a FIFO, a folder, `/dev/zero`,
a file over 64 MB, a line nested 100,000 deep, a post dated 9999) and as a flood makes
them: read without blocking or failing, said when not kept, never written past what can
be read back."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tui.core.feed.attribution import Attributor
from tui.core.feed.conversation import Conversation
from tui.core.feed.post import FeedPost, post_moment
from tui.core.feed.replay import Replay
from tui.core.feed.store import MAX_FEED_BYTES, FeedFileError, FeedStore, read_feed
from tui.core.room.session import FeedSession

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def post(n: int, *, text: str = "A1 yes", at: datetime | None = None) -> FeedPost:
    return FeedPost("bluesky", f"at://did:plc:x/app.bsky.feed.post/{n}", f"user{n}.example",
                    "", text, f"https://bsky.app/profile/user{n}.example/post/{n}",
                    at or START + timedelta(seconds=n))


def line(**fields: Any) -> str:
    data = {"platform": "mastodon", "id": "1", "author": "a", "text": "A1 hi",
            "created_at": "2026-12-03T17:01:00+00:00", **fields}
    return json.dumps(data) + "\n"


def finishes(work: Callable[[], Any], seconds: float = 20) -> Any:
    result: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as error:  # noqa: BLE001 - handed to the test
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked"
    if errors:
        raise errors[0]
    return result[0]


def special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "chat.toml.feed.jsonl"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "zero":
        return Path("/dev/zero")
    elif kind == "huge":
        with path.open("wb") as handle:  # sparse: 65 MB on paper, nothing on disk
            handle.truncate(MAX_FEED_BYTES + 1024 * 1024)
    return path


SPECIAL = {"fifo": "named pipe", "folder": "folder", "zero": "device", "huge": "too large"}


@pytest.mark.parametrize("kind", list(SPECIAL))
def test_a_feed_file_that_is_no_file_says_what_it_is_at_once(tmp_path: Path, kind: str) -> None:
    path = special(tmp_path, kind)
    with pytest.raises(FeedFileError) as refused:
        finishes(lambda: read_feed(path))
    assert SPECIAL[kind] in refused.value.reason
    assert str(refused.value).startswith(f"{path}: error: ")


@pytest.mark.parametrize("kind", list(SPECIAL))
def test_the_live_feed_goes_on_beside_a_feed_file_it_cannot_keep(
    tmp_path: Path, kind: str,
) -> None:
    path = special(tmp_path, kind)
    store = finishes(lambda: FeedStore(path, START))
    assert store.problem is not None and not store.kept
    conversation = Conversation(Attributor("@host", (), 3), store)
    finishes(lambda: conversation.take([post(1), post(2)]))  # never written: no block
    assert conversation.counts.answers(1) == (2, 2) and conversation.unwritten == []
    session = FeedSession(conversation)
    lines = session.status_lines(START, UTC, "en")
    assert any(SPECIAL[kind] in line and "posts are shown, not kept" in line for line in lines)
    assert any("les messages sont montrés, pas gardés" in line
               for line in session.status_lines(START, UTC, "fr"))


def test_a_deeply_nested_line_is_skipped_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + line() + '{"a":' * 50_000 + "\n",
                    encoding="utf-8")
    feed = read_feed(path)
    assert [p.id for p in feed.posts] == ["1"] and feed.skipped_lines == [1, 3]


@pytest.mark.parametrize("created", [
    "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
    "3000-01-01T00:00:00+00:00", "2026-12-03T17:00:00", "2026-12-03T17:00:00+00:00" + " " * 60,
    "tomorrow", 17, None, [], {"y": 1},
])
def test_a_post_dated_where_no_chat_can_be_is_no_post(created: object) -> None:
    assert FeedPost.from_dict(json.loads(line(created_at=created))) is None
    assert post_moment(created) is None


def test_a_post_dated_at_the_edges_is_shown_in_any_zone() -> None:
    edge = FeedPost.from_dict(json.loads(line(created_at="2999-12-31T23:59:59Z")))
    assert edge is not None
    for zone in ("Pacific/Kiritimati", "Europe/Paris", "Pacific/Pago_Pago"):
        f"{edge.created_at.astimezone(ZoneInfo(zone)):%H:%M}"  # no OverflowError
    assert post_moment("2026-12-03T18:00:00+01:00") == START
    assert post_moment("2026-12-03T17:00:00", naive_is_utc=True) == START


@pytest.mark.parametrize("value", [["mastodon"], {"a": 1}, 7, None])
def test_a_platform_of_the_wrong_type_is_no_post(value: object) -> None:
    assert FeedPost.from_dict(json.loads(line(platform=value))) is None


def test_the_feed_file_never_grows_past_what_can_be_read_back(tmp_path: Path) -> None:
    path = tmp_path / "chat.toml.feed.jsonl"
    big = "A1 " + "é" * 4000  # ensure_ascii: 6 bytes a character on disk
    store = FeedStore(path, START, write_limit=200_000)
    conversation = Conversation(Attributor("@host", (), 3), store)
    for poll in range(4):
        conversation.take([post(poll * 10 + n, text=big) for n in range(10)])
    assert path.stat().st_size <= 200_000
    assert store.dropped > 0
    assert conversation.counts.posts == 40  # shown and counted all the same
    kept = read_feed(path)
    assert len(kept.posts) == 40 - store.dropped and kept.skipped_lines == []
    lines = FeedSession(conversation).status_lines(START, UTC, "en")
    assert f"{store.dropped} posts not kept: the feed file is full" in lines


def test_a_flood_of_posts_is_bounded_and_the_rest_counted(tmp_path: Path) -> None:
    conversation = Conversation(Attributor("@host", (), 3))
    conversation.max_posts = 100
    conversation.take([post(n) for n in range(150)])
    conversation.take([post(n) for n in range(150, 160)])
    assert conversation.counts.posts == 100 and conversation.dropped == 60
    lines = FeedSession(conversation).status_lines(START, UTC, "fr")
    assert "60 messages au-delà de la limite, ni montrés ni comptés" in lines


def test_posts_waiting_for_a_refusing_disk_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.core.feed import conversation as module

    monkeypatch.setattr(module, "MAX_UNWRITTEN", 5)
    store = FeedStore(tmp_path / "gone" / "chat.toml.feed.jsonl", START)  # no folder
    conversation = Conversation(Attributor("@host", (), 3), store)
    conversation.take([post(n) for n in range(8)])
    assert len(conversation.unwritten) == 5 and conversation.unwritten_dropped == 3
    session = FeedSession(conversation)
    assert session.waiting == 5
    lines = session.status_lines(START, UTC, "en")
    assert "5 posts waiting to be written" in lines
    assert "3 posts not kept: the feed file cannot be written" in lines


def test_a_replay_shifted_out_of_range_says_how_many_it_left_out() -> None:
    recorded = [post(1, at=datetime(1971, 1, 1, 0, 5, tzinfo=UTC)),
                post(2, at=datetime(2999, 6, 1, tzinfo=UTC))]
    replay = Replay(recorded, datetime(1971, 1, 1, tzinfo=UTC), START)
    assert [p.id for p in replay.posts] == [recorded[0].id] and replay.unshifted == 1
    session = FeedSession(Conversation(Attributor("@host", (), 3)), replay)
    lines = session.status_lines(START, UTC, "en")
    assert "1 post of the replay outside the dates a chat can have, left out" in lines
