"""The Conversation pane: the tag's posts, newest at the bottom, one line each.

Only the lines that fit are built at each repaint (the pane keeps a few hundred posts,
the counts use all of them), so a busy tag costs the same as a quiet one. Every post is
text from strangers: shown literally (a `Content`, never markup), control characters
made visible, each line an OSC 8 link to the post when its address is a plain https one.
"""

from __future__ import annotations

from datetime import tzinfo

from textual.binding import Binding
from textual.content import Content
from textual.style import Style
from textual.widget import Widget

from tui.core.feed.attribution import Attributed
from tui.core.room.session import FeedSession
from tui.core.text.clean import one_line, safe_url
from tui.core.text.controls import visible

MARKS = {"question": ("?", "$text-warning bold"), "guest": ("★", "$text-accent bold"),
         "host": ("◆", "$text-secondary bold")}


class ConversationPane(Widget, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("end", "follow", show=False),
        # On the selected post (the screen's `r` and `h` act on the cues otherwise).
        Binding("r", "screen.reply_post", show=False),
        Binding("h", "screen.highlight_post", show=False),
        Binding("o", "screen.open_post", show=False),
    ]

    def __init__(self, zone: tzinfo, answer: str, empty: str, *,
                 id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.zone = zone
        self.answer = answer
        """"A" or "R": how answers are marked in the plan's language."""
        self.empty = empty
        self.feed: FeedSession | None = None
        self.cursor: int | None = None
        """The selected post's index in the kept posts; None follows the newest."""
        self._drawn: tuple[object, ...] = ()
        self._lines: dict[tuple[str, str], Content] = {}
        """Each post's line, built once: a busy tag adds a few lines per frame, and
        building all the visible ones again at each repaint cost more than the frame."""

    @property
    def items(self) -> list[Attributed]:
        return list(self.feed.conversation.recent) if self.feed is not None else []

    @property
    def selected(self) -> Attributed | None:
        if self.feed is None:
            return None
        recent = self.feed.conversation.recent
        if not recent:
            return None
        index = len(recent) - 1 if self.cursor is None else min(self.cursor, len(recent) - 1)
        return recent[index]

    def show(self, feed: FeedSession | None, status: str) -> None:
        """Repaint only when something shown changed (new posts, status, selection)."""
        self.feed = feed
        version = feed.conversation.version if feed is not None else -1
        drawn = (version, status, self.cursor)
        if drawn != self._drawn:
            self._drawn = drawn
            self.border_subtitle = one_line(status, marked=True)
            self.refresh()

    def action_move(self, step: int) -> None:
        recent = self.feed.conversation.recent if self.feed is not None else ()
        if not recent:
            return
        current = len(recent) - 1 if self.cursor is None else self.cursor
        target = max(0, min(len(recent) - 1, current + step))
        # Back on the newest post: follow the conversation again.
        self.cursor = None if target == len(recent) - 1 else target
        self._drawn = ()
        self.refresh()

    def action_follow(self) -> None:
        self.cursor = None
        self._drawn = ()
        self.refresh()

    def render(self) -> Content:
        recent = self.feed.conversation.recent if self.feed is not None else ()
        if not recent:
            return Content.styled(self.empty, "$text-muted")
        height = max(1, self.content_size.height)
        last = len(recent) - 1 if self.cursor is None else min(self.cursor, len(recent) - 1)
        first = max(0, last - height + 1)
        # A deque indexes fastest from its ends: take the window from the right.
        window = [recent[i] for i in range(first, min(len(recent), first + height))]
        if len(self._lines) > 2 * (recent.maxlen or len(recent)) + height:
            keep = {item.post.key for item in recent}
            self._lines = {k: v for k, v in self._lines.items() if k in keep}
        lines = []
        for n, item in enumerate(window):
            line = self._lines.get(item.post.key)
            if line is None:
                line = self._lines[item.post.key] = self._line(item)
            lines.append(line.stylize("reverse") if first + n == last and self.has_focus
                         else line)
        return Content("\n").join(lines)

    def _line(self, item: Attributed) -> Content:
        post = item.post
        if item.answers is not None:
            mark, mark_style = f"{self.answer}{item.answers}", "$text-success bold"
        else:
            mark, mark_style = MARKS.get(item.kind, ("", ""))
        line = Content.assemble(
            (f"{post.created_at.astimezone(self.zone):%H:%M} ", "$text-muted"),
            ("@" + visible(post.author.split("@")[0] if post.platform == "mastodon"
                           else post.author), "bold"),
            " ",
            (f"{mark} " if mark else "", mark_style),
            one_line(post.text, marked=True),
        )
        if safe_url(post.url, https_only=True):
            line = line.stylize(Style(link=post.url))
        return line
