"""The Conversation pane's lines: one post, one person, one featured account a line,
and the bar of the room's lists above them. Drawn from the room's frozen view
(`tui.core.room.room.RoomView`); nothing here decides what a post is.

Every post is text from strangers: shown literally (a `Content`, never markup), control
characters made visible by the one sanitizer, each post's line an OSC 8 link to it when
its address is a safe https one.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Literal

from rich.cells import cell_len
from textual.content import Content
from textual.style import Style

from tui.core.feed.attribution import Attributed
from tui.core.room.people import Featured, Person
from tui.core.room.room import RoomPost, RoomView
from tui.core.text.clean import one_line, safe_url
from tui.core.text.controls import visible
from tui.core.text.words import Words

Tab = Literal["stream", "welcome", "answer", "featured", "muted"]
TABS: tuple[Tab, ...] = ("stream", "welcome", "answer", "featured", "muted")

MARKS = {"question": ("?", "$text-warning bold"), "guest": ("★", "$text-accent bold"),
         "host": ("◆", "$text-secondary bold")}
FIRST_POST = ("+", "$text-accent bold")
"""A person's first post of the chat: someone to welcome."""
FEATURED = "$text-accent bold"
"""A guest's or a featured account's name."""
WAITING = {"question": "?", "mention": "@"}


def tab_count(tab: Tab, view: RoomView) -> int:
    if tab == "welcome":
        return len(view.to_welcome)
    if tab == "answer":
        return len(view.to_answer)
    if tab == "featured":
        return len(view.featured)
    if tab == "muted":
        return len(view.muted)
    return view.new


def tab_bar(current: Tab, view: RoomView | None, words: Words, width: int) -> Content:
    """ "All · Welcome 4 · Answer 3 · Featured 2 · Muted 1", the list shown in reverse;
    shorter names when the pane is narrow. The stream's number is "12 new" while held."""
    for short in (False, True):
        parts: list[tuple[str, str]] = []
        for tab in TABS:
            name = words(f"screen.room_{tab}" + ("_short" if short else ""))
            count = tab_count(tab, view) if view is not None else 0
            label = name
            if tab == "stream" and count:
                label = f"{name} +{count}"
            elif tab != "stream" and count:
                label = f"{name} {count}"
            style = "reverse bold" if tab == current else ("" if count else "$text-muted")
            parts.append((f" {label} ", style))
        if short or sum(cell_len(text) for text, _s in parts) <= width:
            break
    return Content.assemble(*parts)


def time_of(item: Attributed, zone: tzinfo) -> str:
    return f"{item.post.created_at.astimezone(zone):%H:%M} "


def author_of(item: Attributed) -> str:
    """The author as a list shows them: a Mastodon account without its server (the
    full view and a reply give it)."""
    post = item.post
    name = post.author.split("@")[0] if post.platform == "mastodon" else post.author
    return "@" + visible(name)


def _linked(line: Content, url: str) -> Content:
    target = safe_url(url, https_only=True)
    return line.stylize(Style(link=target)) if target else line


def post_line(shown: RoomPost, zone: tzinfo, answer: str) -> Content:
    """ "18:05 @ann + A1 text": time, author (a guest's or a featured account's in their
    colour), `+` on a first post, the answer or the mark, `✓` once handled."""
    item = shown.item
    mark, mark_style = ("", "")
    if item.answers is not None:
        mark, mark_style = f"{answer}{item.answers}", "$text-success bold"
    elif shown.waiting is not None and not shown.waiting.handled:
        mark, mark_style = WAITING[shown.waiting.why], "$text-warning bold"
    elif item.kind in MARKS:
        mark, mark_style = MARKS[item.kind]
    if item.kind == "guest" and item.answers is not None:
        mark = f"★ {mark}"
    handled = shown.waiting is not None and shown.waiting.handled
    line = Content.assemble(
        (time_of(item, zone), "$text-muted"),
        (author_of(item), FEATURED if shown.featured else "bold"),
        " ",
        # Someone to welcome (a guest's or a featured account's first post is not).
        (f"{FIRST_POST[0]} " if shown.first_post and not shown.featured else "",
         FIRST_POST[1]),
        (f"{mark} " if mark else "", mark_style),
        ("✓ " if handled else "", "$text-success"),
        one_line(item.post.text, marked=True),
    )
    return _linked(line, item.post.url)


def person_line(person: Person, zone: tzinfo) -> Content:
    """Someone to welcome: their first post's time, who they are, what they said."""
    item = person.first
    line = Content.assemble(
        (time_of(item, zone), "$text-muted"),
        (author_of(item), "bold"),
        " ",
        (f"{FIRST_POST[0]} ", FIRST_POST[1]),
        one_line(item.post.text, marked=True),
    )
    return _linked(line, item.post.url)


def featured_line(featured: Featured, zone: tzinfo, answer: str, words: Words) -> Content:
    """ "★ SafeScreens @SafeScreensOrg · 5 posts · 3 answers · 18:05 A1 Hi all…"."""
    name = one_line(featured.name, marked=True)
    account = one_line(featured.account, marked=True)
    counts = (words("feed.posts", n=featured.posts) + " · "
              + words("feed.answers", n=featured.answers))
    parts: list[tuple[str, str] | str] = [
        ("★ " if featured.guest else "☆ ", FEATURED),
        (name + " ", FEATURED),
    ]
    if account.removeprefix("@") != name.removeprefix("@"):
        parts.append((account + " ", "$text-muted"))
    parts.append((f"· {counts}", ""))
    last = featured.last
    if last is not None:
        mark = f"{answer}{last.answers} " if last.answers is not None else ""
        parts += [(" · " + time_of(last, zone), "$text-muted"), (mark, "$text-success bold"),
                  one_line(last.post.text, marked=True)]
    line = Content.assemble(*parts)
    return _linked(line, last.post.url) if last is not None else line


def muted_line(account: str) -> Content:
    return Content.assemble(("@" + one_line(account, marked=True), "bold"))
