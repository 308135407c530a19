"""The Conversation pane's keys (`ConversationPane.BINDINGS`), in a module of their own.

The keys with an id show in the footer while the pane has the focus, worded and fitted
by the run-sheet, which reads them here (`tui.screens.keys.PANE_KEYS`): before the first
frame, where importing the pane itself would load the conversation's whole domain.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

PANE_BINDINGS: list[BindingType] = [
    Binding("up", "move(-1)", show=False),
    Binding("down", "move(1)", show=False),
    Binding("pageup", "move(-10)", show=False),
    Binding("pagedown", "move(10)", show=False),
    Binding("end", "follow", show=False),
    # On the selected post (the run-sheet's `r` and `h` act on the cues otherwise).
    Binding("w", "choose('welcome')", "Welcome", id="room_welcome"),
    Binding("x", "choose('handled')", "Handled", id="room_handled"),
    Binding("enter", "choose('view')", "Read", key_display="⏎", id="room_read"),
    Binding("r", "choose('reply')", "Reply", id="room_reply"),
    Binding("left", "tab(-1)", "Lists", key_display="←→", id="room_lists"),
    Binding("right", "tab(1)", "Lists", show=False, id="room_lists_next"),
    Binding("m", "choose('mute')", "Mute", id="room_mute"),
    Binding("o", "choose('open')", "Open", id="room_open"),
    Binding("h", "choose('highlight')", "Highlight", id="room_highlight"),
    Binding("b", "choose('repost')", "Repost", id="room_repost"),
]
