"""What the moderator does with a post of the conversation: who a reply mentions, which
question a highlight of it goes under. Decided here; the run-sheet's keys (`r` and `h`
on the Conversation pane) call these.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.feed.attribution import Attributed
from tui.core.feed.identity import mention_for
from tui.core.feed.post import FeedPost
from tui.core.plan.model import Plan
from tui.core.plan.networks import written_for
from tui.core.plan.schedule import Cue


def posting_server(plan: Plan) -> str:
    """The Mastodon server the moderator posts from: the `[accounts]` account's, else
    the host's Mastodon handle's (`@EndCMHub@social.example`); "" when neither says."""
    account = plan.accounts.mastodon if plan.accounts is not None else None
    handle = account or written_for(plan.chat.host, "mastodon")
    user, at, server = handle.strip().removeprefix("@").partition("@")
    return server.lower() if user and at and server else ""


def reply_mention(post: FeedPost, plan: Plan) -> str:
    """How a reply to `post` names its author so the network tells them: on Mastodon
    `@student_gh@mastodon.africa.example` for an author of another server than the one
    the moderator posts from, `@ann` for one of the same server; `@zoe.bsky.social` on
    Bluesky."""
    return mention_for(post.author, post.platform, posting_server(plan))


def highlight_question(item: Attributed | None, cues: Iterable[Cue],
                       asked_last: str | None) -> str | None:
    """The question cue a highlight of a post goes under: the question the post answers,
    as the feed attributed it (its own `A1`, or the thread under the host's Q1 it is in),
    even before that question was marked posted; else the question asked last
    (`asked_last`, the run's, as `h` on a cue files it); None before the first."""
    if item is not None and item.answers is not None:
        for cue in cues:
            if cue.kind == "question" and cue.number == item.answers:
                return cue.id
    return asked_last
