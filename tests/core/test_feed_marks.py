"""A post the feed shows the host publishing marks its cue, at the post's time, once:
posted from a phone or a scheduler, it was still posted."""

from __future__ import annotations

from pathlib import Path

from tests.core.test_desk import at, desk_at, follower, plan_in, texts
from tui.core.feed.attribution import Attributor
from tui.core.feed.conversation import Conversation
from tui.core.feed.post import FeedPost
from tui.core.room.session import FeedSession
from tui.core.run.asrun import log_path_for, read_events
from tui.core.run.desk import RunDesk


def host_post(desk: RunDesk, row_id: str, minute: float, n: int = 1) -> FeedPost:
    row = desk.session.row(row_id)
    assert row is not None
    return FeedPost(platform="mastodon", id=str(n), author="biblio_ville@social.example",
                    name="Biblio", text=row.draft.text,
                    url=f"https://social.example/@biblio_ville/{n}",
                    created_at=at(minute))


def opened(desk: RunDesk) -> FeedSession:
    feed = FeedSession(Conversation(Attributor("@biblio_ville", (), 4)))
    desk.feed_arrived(feed, None)
    return feed


def arrived(desk: RunDesk, posts: list[FeedPost]) -> object:
    """A poll's posts, taken in the feed's worker, then its arrival on the screen."""
    feed = desk.room.feed
    assert feed is not None
    feed.take(posts)
    return desk.feed_arrived(None, None)


def test_a_question_seen_posted_in_the_feed_is_marked_at_its_time(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 22, marks={"welcome@0": 0, "rules@2": 2, "q1": 5})
    opened(desk)
    done = arrived(desk, [host_post(desk, "q2", 20.5)])
    assert texts(done) == ["Q2 seen on Mastodon at 18:20: marked posted (u undoes it)"]
    assert desk.session.state.posted["q2"] == at(20.5)
    [event] = [e for e in read_events(log_path_for(desk.plan_path)) if e.cue == "q2"]
    assert event.via == "feed"
    # Seen again at the next poll: no second mark.
    assert texts(arrived(desk, [host_post(desk, "q2", 20.5)])) == []
    # Undone: the feed does not mark it again.
    desk.undo()
    assert "q2" not in desk.session.state.posted
    arrived(desk, [host_post(desk, "q2", 20.5, n=2)])
    assert "q2" not in desk.session.state.posted


def test_a_post_not_the_hosts_or_a_skipped_cue_marks_nothing(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 22, marks={"welcome@0": 0, "rules@2": 2, "q1": 5})
    opened(desk)
    desk.skip("q2")
    stranger = host_post(desk, "q3", 21)
    stranger = FeedPost(platform="mastodon", id="9", author="ann@social.example",
                        name="Ann", text=stranger.text, url=stranger.url,
                        created_at=stranger.created_at)
    assert texts(arrived(desk, [stranger, host_post(desk, "q2", 21)])) == []
    assert set(desk.session.state.posted) == {"welcome@0", "rules@2", "q1"}


def test_a_future_post_time_is_never_marked_ahead_of_now(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 22, marks={"welcome@0": 0, "rules@2": 2, "q1": 5})
    opened(desk)
    arrived(desk, [host_post(desk, "q2", 22 + 5)])  # a skewed clock
    assert desk.session.state.posted["q2"] == at(22)


def test_a_follower_and_a_rehearsal_mark_nothing_from_the_feed(tmp_path: Path) -> None:
    desk = follower(plan_in(tmp_path), 22)
    opened(desk)
    arrived(desk, [host_post(desk, "q2", 21)])
    assert "q2" not in desk.session.state.posted
    rehearsal = desk_at(plan_in(tmp_path, folder="r"), 22, mode="rehearsal")
    opened(rehearsal)
    arrived(rehearsal, [host_post(rehearsal, "q2", 21)])
    assert "q2" not in rehearsal.session.state.posted
