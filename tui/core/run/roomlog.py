"""The room's actions in the as-run log: written as events, read back at a restart.

`welcome` names the accounts a welcome reply was made for (and its text); `handled`
says a post to answer was dealt with (`done = true`) or put back (`done = false`);
`mute` and `unmute` name one account. A rehearsal's log keeps its own, like every mark.
The exports read the same events, so a muted account is left out of the recap too.

The log also says which question posts tchat published itself (`post-done`, from
`tui.core.run.publish`): `posted_questions` gives them to the feed, whose replies are
then read even when the tag's timeline or search never shows the post.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from tui.core.feed.post import FEED_PLATFORMS, FeedPost
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.room.actions import Handled, Muted, RoomAction, RoomMarks, Welcomed
from tui.core.room.threads import PostedQuestion
from tui.core.run.asrun import Event
from tui.core.run.publish.ledger import ledger


def event_for(action: RoomAction, clock: datetime, wall: datetime) -> Event:
    """The log line of a room action, at the run's time `clock`."""
    if isinstance(action, Welcomed):
        return Event("welcome", clock, wall, network=action.network,
                     accounts=action.accounts, text=action.text or None)
    if isinstance(action, Handled):
        return Event("handled", clock, wall, network=action.network, post=action.post,
                     done=action.done)
    return Event("mute" if action.on else "unmute", clock, wall,
                 accounts=(action.account,))


def action_of(event: Event) -> RoomAction | None:
    """The room action an event holds, None for any other event (or a room event that
    lacks what it needs: a line tchat did not write)."""
    if event.kind == "welcome" and event.network and event.accounts:
        return Welcomed(event.network, event.accounts, event.text or "")
    if event.kind == "handled" and event.network and event.post:
        return Handled(event.network, event.post, event.done is not False)
    if event.kind in ("mute", "unmute") and len(event.accounts) == 1:
        return Muted(event.accounts[0], event.kind == "mute")
    return None


def room_actions(events: Iterable[Event]) -> list[RoomAction]:
    return [action for event in events if (action := action_of(event)) is not None]


def room_marks(plan: Plan, events: Iterable[Event]) -> RoomMarks:
    """The room as the plan and the log leave it: the plan's mutes, then every action."""
    mutes = plan.feed.mute if plan.feed is not None else ()
    return RoomMarks.starting(mutes).apply_all(room_actions(events))


def unmuted(plan: Plan, events: Iterable[Event], posts: Iterable[FeedPost]) -> list[FeedPost]:
    """The posts the exports and the report keep: muted accounts' left out."""
    marks = room_marks(plan, events)
    return [post for post in posts if not marks.is_muted(post.author)]


def posted_questions(book: DraftBook, events: Iterable[Event]) -> list[PostedQuestion]:
    """The question posts tchat published (the first part of each, on each network),
    as the feed reads their replies: a Bluesky post by its at:// URI, a Mastodon status
    by its id on the plan's account server."""
    accounts = book.plan.accounts
    posted = ledger(events)
    found = []
    for cue in book.cues:
        if cue.kind != "question" or cue.number is None:
            continue
        for network in sorted(FEED_PLATFORMS):
            done = posted.of(cue.id, network).done
            first = done[0] if done else None
            if first is None or first.part != 1 or not first.uri:
                continue
            if network == "bluesky":
                found.append(PostedQuestion(cue.number, network, first.uri, at=first.wall))
            elif accounts is not None and accounts.mastodon is not None:
                server = accounts.mastodon_base
                found.append(PostedQuestion(cue.number, network, f"{server}#{first.uri}",
                                            server, first.uri, first.wall))
    return found
