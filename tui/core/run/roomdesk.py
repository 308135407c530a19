"""The run desk's keys on the Conversation pane: what the moderator does to the room
(welcome people, mark a post handled, mute an account and take it back), to a post
(read it whole, reply to it, repost it, keep it as a highlight, open it), and moving
through the stream. Each decides and returns an outcome, as every desk method does;
`RunDesk` hands each key here in one line.

Every room action goes to the log first (`Session.room`, which `tui.core.run.roomlog`
reads back at a restart), then to the room, applied under the conversation's lock by
the next frame (`RoomTalk.change`). What reads the room here reads the last frame's
frozen view, never the conversation the feed's worker may be writing.

A reply or a repost goes out on the post's own network when the plan has an account
there (`[accounts]`): the desk hands posting's worker a `NetworkOrder`, and keeps what
came of it (`network_done`). A rehearsal never posts: it says what would be sent. A
network without an account gets the clipboard, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

from tui.core.counting.counter import count
from tui.core.counting.result import Count
from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost
from tui.core.plan.networks import network_name
from tui.core.room.actions import Handled, Muted, RoomAction, Welcomed
from tui.core.room.people import welcome_draft
from tui.core.room.replies import highlight_question, reply_mention
from tui.core.room.room import Room, RoomPost, RoomView
from tui.core.run.asrun import Event
from tui.core.run.notices import Notice, Severity
from tui.core.run.outcomes import (
    Copy,
    Done,
    NetworkOrder,
    NothingToDo,
    OpenLink,
    Outcome,
    PostView,
    Refused,
    ReplyForm,
)
from tui.core.run.plansource import Row
from tui.core.run.publish.outcomes import AlreadyPosted, Posted
from tui.core.run.publish.outcomes import Outcome as PostOutcome
from tui.core.run.publish.publisher import Run, account_networks
from tui.core.run.roomtalk import RoomTalk
from tui.core.run.session import Session
from tui.core.text.clean import one_line, safe_url
from tui.core.text.controls import for_copy
from tui.core.text.replies import typed_reply
from tui.core.text.words import Words
from tui.core.timing.clocktime import clock_time

EXCERPT = 60
"""How much of a post a notice quotes."""


class Say(Protocol):
    def __call__(self, key: str, *, severity: Severity = "information", kind: str = "action",
                 seconds: float | None = None, **fields: object) -> Notice: ...


@dataclass(frozen=True, slots=True)
class _Done:
    """A room action this run made, and the log line that says it (for `u`)."""

    event: Event
    action: RoomAction


class RoomDesk:
    def __init__(self, session: Session, words: Words, talk: RoomTalk, *,
                 writer: Callable[[], Refused | None], say: Say,
                 question: Callable[[str | None], Row | None]) -> None:
        self.session = session
        self.words = words
        self.talk = talk
        self._writer = writer
        self._say = say
        self._question = question
        self._done: list[_Done] = []
        """This run's room actions that `u` can take back, the last one last."""
        self._welcomed: set[tuple[str, str]] = set()
        """(network, account) welcomed in this run: never named in a second welcome,
        even before a frame shows them off the list (a flood holding the frame)."""

    # --- what the room is, this frame -------------------------------------------------

    def _view(self) -> RoomView | Refused:
        view = self.talk.frame.room
        if view is None:
            return Refused(self._say("screen.no_feed", severity="warning", seconds=6))
        return view

    def _writable_view(self) -> RoomView | Refused:
        """The room's lists, for a key that writes to the log: refused in a window that
        only follows another, or without a conversation."""
        refused = self._writer()
        return refused if refused is not None else self._view()

    def _no_post(self) -> Refused:
        return Refused(self._say("screen.no_post", severity="warning"))

    @staticmethod
    def _shown(view: RoomView, item: Attributed) -> RoomPost | None:
        """The post as the room shows it (its marks), from the frame's lists."""
        key = item.post.key
        for shown in (*view.stream, *view.to_answer):
            if shown.item.post.key == key:
                return shown
        return None

    def _apply(self, action: RoomAction) -> Event:
        """Log a room action, then hand it to the room (applied by the next frame)."""
        event = self.session.room(action)
        if isinstance(action, Welcomed):
            self._welcomed.update((action.network, a.lower()) for a in action.accounts)

        def apply(feed: object) -> None:
            room: Room | None = getattr(feed, "room", None)
            if room is not None:
                room.apply(action)

        self.talk.change(apply)
        return event

    def _keep(self, action: Handled | Muted) -> None:
        """Apply an action `u` can take back (a welcome was sent: it cannot)."""
        self._done.append(_Done(self._apply(action), action))

    def _again(self, action: Handled | Muted) -> bool:
        """The same action as the last one made, not on screen yet: a key pressed twice
        while the feed's worker held the frame (a flood), which must not log it twice."""
        return bool(self._done) and self._done[-1].action == action

    # --- moving through the stream ----------------------------------------------------

    def move(self, step: int) -> None:
        """Up from the newest post holds the stream still ("12 new"); back to the bottom
        follows it again."""
        self.talk.change(lambda feed: feed.room.move(step) if feed.room else None)

    def follow(self) -> None:
        self.talk.change(lambda feed: feed.room.follow() if feed.room else None)

    # --- reading a post ---------------------------------------------------------------

    def view_post(self, item: Attributed | None) -> Outcome:
        """`enter`: the post whole, what the room makes of it, and its link."""
        if item is None:
            return self._no_post()
        words, post = self.words, item.post
        zone = self.session.plan.chat.zone
        name = one_line(post.name, marked=True)
        title = " · ".join(part for part in (
            "@" + one_line(post.author, marked=True), name,
            clock_time(post.created_at, zone)) if part)
        marks: list[str] = []
        answer = "R" if words.language == "fr" else "A"
        if item.answers is not None:
            marks.append(words("screen.post_answers", mark=f"{answer}{item.answers}",
                               question=f"Q{item.answers}"))
        if item.kind in ("question", "host", "guest"):
            marks.append(words(f"screen.post_kind_{item.kind}"))
        view = self.talk.frame.room
        shown = self._shown(view, item) if view is not None else None
        if shown is not None:
            if shown.first_post and not shown.featured:  # as the pane's `+`
                marks.append(words("screen.post_first"))
            if shown.featured and item.kind != "guest":
                marks.append(words("screen.post_featured"))
            if shown.waiting is not None:
                marks.append(words("screen.post_handled" if shown.waiting.handled
                                   else "screen.post_waiting"))
        return PostView(title, " · ".join(marks), post.text,
                        safe_url(post.url, https_only=True))

    def open_post(self, post: FeedPost | None) -> Outcome:
        """`o`: the post in the browser, when it has a safe https address."""
        if post is None:
            return self._no_post()
        url = safe_url(post.url, https_only=True)
        if url is None:
            return Refused(self._say("screen.post_no_link", severity="warning"))
        # Kind "link": the line saying no browser could open it replaces this one.
        return OpenLink(url, self._say("screen.post_opened", kind="link", seconds=3))

    def link_not_opened(self, url: str) -> Copy:
        """No browser here (a server over ssh, a console): the link goes to the
        clipboard instead, and the notice says so."""
        return Copy(for_copy(url), None, self.session.now(), link=True)

    def highlight_post(self, item: Attributed | None, selected_id: str | None) -> Outcome:
        """`h` on a post: kept as a highlight under the question it answers (its own
        `A1`, or the thread it is in), else under the question asked last."""
        if item is None:
            return self._no_post()
        refused = self._writer()
        if refused is not None:
            return refused
        post = item.post
        asked = self._question(selected_id)
        cue_id = highlight_question(item, self.session.cues,
                                    asked.id if asked is not None else None)
        self.session.highlight(f"@{post.author}: {post.text}\n{post.url}", cue_id)
        row = self.session.row(cue_id) if cue_id is not None else None
        author = one_line(post.author, marked=True)
        if row is None:
            return Done((self._say("screen.post_highlighted", author=author),))
        label = self.talk_label(row)
        return Done((self._say("screen.post_highlighted_under", author=author,
                               label=label),))

    def talk_label(self, row: Row) -> str:
        from tui.core.plan.naming import cue_name

        return cue_name(row.cue, self.words, row.draft)

    # --- replying, welcoming, reposting ------------------------------------------------

    def posts_on(self, network: str) -> bool:
        """The plan has an account on `network` for tchat to post with."""
        return network in account_networks(self.session.book)

    def reply_to(self, item: Attributed | None) -> Outcome:
        """`r` on a post: a reply naming its author as their network needs it (a remote
        Mastodon author keeps their server), counted as that network counts."""
        if item is None:
            return self._no_post()
        refused = self._writer()
        if refused is not None:
            return refused
        post = item.post
        mention = one_line(reply_mention(post, self.session.plan), marked=True)
        return ReplyForm(mention=mention, network=post.platform, to=post)

    def welcome(self, network: str | None) -> Outcome:
        """`w`: a welcome reply naming up to three people not welcomed yet on `network`
        (the selected person's; else where someone waited longest), counted there."""
        view = self._writable_view()
        if isinstance(view, Refused):
            return view
        people = [p for p in view.to_welcome if p.key not in self._welcomed]
        waiting = [p.network for p in people]
        if not waiting:
            return NothingToDo(self._say("screen.nobody_to_welcome", severity="warning"))
        chosen = network if network in waiting else waiting[0]
        chat = self.session.plan.chat
        draft = welcome_draft(people, chosen, tag=chat.tag, language=chat.language,
                              limit=chat.limit_on(chosen))
        if draft is None:
            return NothingToDo(self._say("screen.nobody_to_welcome", severity="warning"))
        first = draft.people[0].first.post
        return ReplyForm(text=draft.text, network=chosen, to=first, welcome=draft)

    def count_reply(self, form: ReplyForm) -> Callable[[str], Count]:
        """How the reply dialog counts what is typed: as the form's network counts (a
        reply on Mastodon to a chat planned for X is counted as Mastodon counts)."""
        book = self.session.book
        network = form.network
        if network is None:
            return book.count
        limit = self.session.plan.chat.limit_on(network) if network in book.networks \
            else None
        return lambda text: count(text, network, limit=limit)

    def send_reply(self, form: ReplyForm, typed: str) -> Outcome:
        """The reply dialog's enter: posted as a real reply on the post's network when
        the plan has an account there (a rehearsal says what would be sent), else
        copied. A welcome's people leave the list once it is posted or copied."""
        refused = self._writer()
        if refused is not None:
            return refused
        language = self.session.plan.chat.language
        tag = self.session.plan.chat.tag
        prefilled = f"{form.prefilled} {tag}" if not form.text else ""
        text = typed_reply(typed, language, prefilled)
        if text is None or text.strip() == tag:
            return Done()
        welcome = (Welcomed(form.welcome.network,
                            tuple(p.account for p in form.welcome.people), text)
                   if form.welcome is not None else None)
        network = form.network
        if form.to is not None and network is not None and self.posts_on(network):
            if self.session.rehearsal:
                if welcome is not None:
                    self._apply(welcome)  # its people leave the list, as they would live
                return Done((self._say(
                    "screen.rehearsal_would_reply", seconds=10,
                    network=network_name(network), to="@" + one_line(form.to.author,
                                                                       marked=True),
                    text=one_line(text, marked=True)),))
            return self._order("reply", network, form.to, text, welcome)
        return Copy(for_copy(text), None, self.session.now(), label="", reply=True,
                    welcome=welcome)

    def repost(self, item: Attributed | None) -> Outcome:
        """`b`: repost the post on its network (a Bluesky repost, a Mastodon reblog),
        once, with the plan's account there."""
        if item is None:
            return self._no_post()
        refused = self._writer()
        if refused is not None:
            return refused
        post = item.post
        network = post.platform
        if not self.posts_on(network):
            return Refused(self._say("screen.no_account", severity="warning", seconds=8,
                                     network=network_name(network)))
        author = "@" + one_line(post.author, marked=True)
        if self.session.rehearsal:
            return Done((self._say("screen.rehearsal_would_repost", seconds=8,
                                   network=network_name(network), author=author),))
        return self._order("repost", network, post, "", None)

    def _order(self, kind: Literal["reply", "repost"], network: str, to: FeedPost,
               text: str, welcome: Welcomed | None) -> NetworkOrder:
        session = self.session
        snapshot = list(session.events)
        logged: list[Event] = []
        now = session.now()
        run = Run(session.book, session.plan_path, lambda: [*snapshot, *logged],
                  logged.append, lambda: now, lambda: datetime.now(UTC))
        notice = self._say(f"screen.{kind}_sending", kind="network", seconds=10,
                           network=network_name(network))
        return NetworkOrder(kind, network, to, text, run, logged, notice, welcome)

    def network_done(self, order: NetworkOrder, outcome: PostOutcome) -> Outcome:
        """What posting's worker came back with: kept in the log, and said in one line.
        A reply that could not go out is copied instead, so the words are not lost."""
        session = self.session
        session.keep_all(order.logged)
        name = network_name(order.network)
        if isinstance(outcome, Posted):
            link = one_line(outcome.urls[0], marked=True) if outcome.urls else ""
            if order.welcome is not None:
                self._apply(order.welcome)
            return Done((self._say(f"screen.{order.kind}_posted", kind="network",
                                   network=name, link=link),), withdraw=())
        if isinstance(outcome, AlreadyPosted):
            return Done((self._say("screen.already_reposted", kind="network", network=name),))
        reason = one_line(getattr(outcome, "reason", ""), marked=True)
        failed = self._say(f"screen.{order.kind}_failed", severity="error", kind="network",
                           seconds=12, network=name, reason=reason)
        if order.kind == "reply":
            return Copy(for_copy(order.text), None, session.now(), reply=True,
                        welcome=order.welcome, notices=(failed,))
        return Refused(failed)

    def copied(self, order: Copy, via: str) -> Notice:
        """A reply, a welcome or a link reached the clipboard: what to log and say."""
        words = self.words
        shown_via = words(f"screen.via_{via}")
        if order.link:
            return self._say("screen.link_copied", kind="link", via=shown_via)
        self.session.reply(order.text, via)
        if order.welcome is not None:
            self._apply(order.welcome)
            return self._say("screen.welcome_copied", kind="copy", via=shown_via,
                             n=len(order.welcome.accounts))
        return self._say("screen.reply_copied", kind="copy", via=shown_via)

    # --- handled, muted, and undo --------------------------------------------------------

    def handled(self, item: Attributed | None, *,
                seen_handled: bool | None = None) -> Outcome:
        """`x`: a post waiting for an answer is handled, or put back on the list. With
        `seen_handled`, what the pane showed when the key was pressed decides (a second
        press before the pane was drawn again acts on that same sight, once)."""
        if item is None:
            return self._no_post()
        view = self._writable_view()
        if isinstance(view, Refused):
            return view
        shown = self._shown(view, item)
        if shown is None or shown.waiting is None:
            return NothingToDo(self._say("screen.not_waiting", severity="warning"))
        post = item.post
        was = shown.waiting.handled if seen_handled is None else seen_handled
        action = Handled(post.platform, post.id, not was)
        if self._again(action):
            return NothingToDo(self._say("screen.room_already", severity="warning"))
        self._keep(action)
        author = one_line(post.author, marked=True)
        key = "screen.post_handled_now" if action.done else "screen.post_back_to_answer"
        return Done((self._say(key, author=author),))

    def mute(self, item: Attributed | None) -> Outcome:
        """`m` on a post: its author's posts leave the pane, the counts and the exports
        (logged: a restart keeps it; `u`, or `m` on the muted list, takes it back)."""
        if item is None:
            return self._no_post()
        view = self._writable_view()
        if isinstance(view, Refused):
            return view
        feed = self.talk.feed
        author = item.post.author
        if item.kind == "host" or (feed is not None
                                   and feed.conversation.attributor.is_host(author)):
            return Refused(self._say("screen.host_not_muted", severity="warning"))
        if self._again(Muted(author, True)):
            return NothingToDo(self._say("screen.room_already", severity="warning"))
        self._keep(Muted(author, True))
        return Done((self._say("screen.muted", account=one_line(author, marked=True)),))

    def unmute(self, account: str | None) -> Outcome:
        """`m` on the muted list: the account's posts come back."""
        if not account:
            return Refused(self._say("screen.no_account_selected", severity="warning"))
        refused = self._writer()
        if refused is not None:
            return refused
        if self._again(Muted(account, False)):
            return NothingToDo(self._say("screen.room_already", severity="warning"))
        self._keep(Muted(account, False))
        return Done((self._say("screen.unmuted", account=one_line(account, marked=True)),))

    def undo(self, after: Event | None) -> Done | None:
        """`u`, when this run's last room action came after `after` (the run's last
        undoable mark or skip): taken back by its opposite, logged like it. None when
        there is none, or the mark came later."""
        if not self._done:
            return None
        last = self._done[-1]
        events = self.session.events
        mine = _position(events, last.event)
        if mine < 0:
            self._done.pop()
            return None
        if after is not None and _position(events, after) > mine:
            return None
        self._done.pop()
        opposite = Room.undo_of(last.action)
        if opposite is None:
            return None
        self._apply(opposite)
        return Done((self._say("screen.undone", what=self._what(last.action)),))

    def _what(self, action: RoomAction) -> str:
        words = self.words
        if isinstance(action, Muted):
            key = "screen.undo_room_mute" if action.on else "screen.undo_room_unmute"
            return words(key, account=one_line(action.account, marked=True))
        if isinstance(action, Handled):
            return words("screen.undo_room_handled" if action.done
                         else "screen.undo_room_unhandled")
        return ""


def _position(events: list[Event], event: Event) -> int:
    """Where `event` is in the log (the last place it could be), -1 when it is not."""
    for index in range(len(events) - 1, -1, -1):
        if events[index] is event:
            return index
    return -1
