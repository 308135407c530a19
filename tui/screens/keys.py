"""Every action of the run-sheet, once: the footer, the help screen and the command
palette are all generated from this list, worded in the run's language.

Textual reads `BINDINGS` at class creation, in one language; the run's language is only
known once the plan is read, so each screen re-words its bindings by id when created.

The footer is one line: when it is too narrow for every key, `fit_footer` drops the
least needed ones (by `Key.rank`) so that help and quit, rank 0, always show. A key
left out of the footer stays in the help screen and the command palette.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from rich.cells import cell_len
from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer

from tui.core.text.words import WORDS, Words
from tui.widgets.conversationkeys import PANE_BINDINGS

if TYPE_CHECKING:
    from tui.core.run.desk import RunDesk


class Key(NamedTuple):
    """One key of the run-sheet (a named tuple: made before the first frame, where a
    dataclass costs a millisecond to define)."""

    id: str
    key: str
    action: str
    show: bool = True
    key_display: str | None = None
    priority: bool = False
    rank: int = 3
    """How much the footer needs this key: 0 always shown, higher ranks leave first."""
    in_help: bool = True
    """A row of its own in help (`2`-`4` are said on `1`'s row, "1-4")."""

    def binding(self, words: Words) -> Binding:
        return Binding(
            self.key, self.action, words(f"key.{self.id}"), show=self.show,
            key_display=self.key_display, priority=self.priority,
            tooltip=words(f"help.{self.id}"), id=self.id,
        )


# Ranks: what the live hour needs most stays in a narrow footer (copy, undo, skip);
# editing a template or keeping a highlight is rarer, and is one `?` away.
RUN_KEYS: tuple[Key, ...] = (
    Key("copy", "c", "copy", rank=1),
    Key("publish", "P", "publish", key_display="P", rank=2),
    Key("undo", "u", "undo", rank=2),
    Key("skip", "s", "skip", rank=2),
    Key("skip_network", "S", "skip_network", key_display="S", show=False),
    Key("network_1", "1", "network(1)", show=False, key_display="1-4"),
    Key("network_2", "2", "network(2)", show=False, in_help=False),
    Key("network_3", "3", "network(3)", show=False, in_help=False),
    Key("network_4", "4", "network(4)", show=False, in_help=False),
    Key("shift", "d", "shift", key_display="d", rank=3),
    Key("compress", "D", "compress", key_display="D", show=False),
    Key("edit", "e", "edit", rank=4),
    Key("reply", "r", "reply", rank=3),
    Key("highlight", "h", "highlight", rank=4),
    Key("conversation", "f", "conversation", show=False),
    Key("tick", "space", "tick", key_display="␣", rank=3),
    Key("show", "v", "show", show=False),
    Key("next", "n", "go_next", show=False),
    Key("report", "R", "report", show=False),
    Key("help", "question_mark", "help", key_display="?", rank=0),
)

# Steering the simulated clock. These bindings are only added to a rehearsal's
# run-sheet: a live run has no such keys at all, so a stray "p" during the real hour
# can never pause anything or suggest that time could be paused.
REHEARSAL_KEYS: tuple[Key, ...] = (
    Key("pause", "p", "pause", rank=1),
    Key("faster", "plus", "faster", key_display="+", rank=2),
    Key("slower", "minus", "slower", key_display="-", show=False),
    Key("jump_next", "greater_than_sign", "jump_next", key_display=">", show=False),
    Key("jump_back", "less_than_sign", "jump_back", key_display="<", show=False),
)

# A live run's only: a rehearsal takes no lock, so there is nothing to take over.
LIVE_KEYS: tuple[Key, ...] = (
    Key("take_over", "T", "take_over", key_display="T", show=False),
)

# The Conversation pane's keys (its own bindings, `ConversationPane.BINDINGS`, by id):
# in the footer while it has the focus, before the run-sheet's, as Textual's footer
# shows a focused widget's. Help says them on the `f` row.
# How much the footer needs each of the Conversation pane's keys (its bindings, with
# their keys and actions, are the pane's own: `tui.widgets.conversationkeys`).
_PANE_RANKS = {
    "room_welcome": 1, "room_handled": 1, "room_read": 1, "room_reply": 2, "room_lists": 2,
    "room_mute": 3, "room_open": 3, "room_highlight": 4, "room_repost": 4,
}
PANE_KEYS: tuple[Key, ...] = tuple(
    Key(binding.id, binding.key, binding.action, show=binding.show,
        key_display=binding.key_display, rank=_PANE_RANKS.get(binding.id, 3), in_help=False)
    for binding in PANE_BINDINGS
    if isinstance(binding, Binding) and binding.id
)
"""The pane's keys that the footer shows while it has the focus (`fit_footer_keys`)."""

APP_KEYS: tuple[Key, ...] = (
    Key("quit", "ctrl+q", "quit", priority=True, rank=0),
    Key("palette", "ctrl+p", "command_palette", show=False, priority=True, rank=5),
)


def bindings_for(keys: tuple[Key, ...], words: Words) -> list[BindingType]:
    return [key.binding(words) for key in keys]


NETWORK_KEYS = frozenset(("skip_network", "network_1", "network_2", "network_3", "network_4"))
"""The keys of a plan on several networks: picking one, skipping a cue on one."""


def run_keys(rehearsal: bool, *, networks: int = 1, accounts: bool = True) -> tuple[Key, ...]:
    """The run-sheet's keys in one mode, in footer order: the footer, help and palette
    all use this. Help comes last, next to the app's quit key that follows it.

    A plan on one network has no network keys to offer (`1` says so if pressed), one
    on `networks` its places only. Without `accounts`, `P` leaves the footer and help to
    the keys that work (pressed, it says why it cannot post; the palette still has it)."""
    keys = (*RUN_KEYS, *(REHEARSAL_KEYS if rehearsal else LIVE_KEYS))
    kept = tuple(
        k if accounts or k.id != "publish" else k._replace(show=False, in_help=False)
        for k in keys
        if not (k.id in NETWORK_KEYS and (networks < 2 or (
            k.id.startswith("network_") and int(k.id[-1]) > networks)))
    )
    return (*(k for k in kept if k.id != "help"), *(k for k in kept if k.id == "help"))


def plan_keys(desk: RunDesk) -> tuple[Key, ...]:
    """The run-sheet's keys for the plan as it is now (`run_keys`): a plan reloaded
    with other networks or accounts brings its own `1`-`4`, `S` and `P`."""
    return run_keys(desk.rehearsal, networks=len(desk.tabs.networks),
                    accounts=desk.accounts is not None)


class FooterItem(NamedTuple):
    """One key as the footer would show it: its display ("^q"), its label, its rank."""

    id: str
    key: str
    label: str
    rank: int


class FooterFit(NamedTuple):
    shown: frozenset[str]
    """The ids of the keys shown, the palette's included."""
    compact: bool


def _item_width(item: FooterItem, *, compact: bool, palette: bool) -> int:
    # Textual's FooterKey: compact is "k label" plus a one-cell margin; otherwise
    # " k " then "label ". The palette key, docked right, adds its border and padding.
    cells = cell_len(item.key) + cell_len(item.label)
    if compact:
        return cells + (3 if palette else 2)
    return cells + (5 if palette else 3)


def fit_footer(
    items: Sequence[FooterItem], width: int, palette: FooterItem | None = None
) -> FooterFit:
    """The keys that fit on a footer `width` cells wide, and in which style.

    Every key in the roomy style if they all fit; else the compact style, dropping the
    highest rank first (the later key first within a rank) until the rest fits. Rank 0
    keys are never dropped: if even they do not fit, they are all that is shown.
    """
    everything = [*items, *([palette] if palette else [])]

    def total(chosen: list[FooterItem], compact: bool) -> int:
        return sum(_item_width(i, compact=compact, palette=i is palette) for i in chosen)

    if total(everything, compact=False) <= width:
        return FooterFit(frozenset(i.id for i in everything), compact=False)
    chosen = list(everything)
    leaving = sorted(
        (i for i in everything if i.rank > 0),
        key=lambda i: (-i.rank, -everything.index(i)),
    )
    for item in leaving:
        if total(chosen, compact=True) <= width:
            break
        chosen.remove(item)
    return FooterFit(frozenset(i.id for i in chosen), compact=True)


def reword(node: DOMNode, words: Words) -> None:
    """Give a node's bindings the descriptions of `words`, matched by binding id."""

    def reworded(binding: Binding) -> Binding:
        if binding.id and f"key.{binding.id}" in WORDS:
            return dataclasses.replace(
                binding,
                description=words(f"key.{binding.id}"),
                tooltip=words.get(f"help.{binding.id}", binding.tooltip),
            )
        return binding

    rebind(node, lambda bindings: [reworded(b) for b in bindings])


def rebind(node: DOMNode, change: Callable[[list[Binding]], Iterable[BindingType]]) -> None:
    """Replace a node's bindings with `change(its bindings)`, in that order.

    The one use of Textual's private `DOMNode._bindings` (pinned Textual 8.2.8), which
    is where the footer, the help screen and the key dispatch read a node's bindings.
    The public keymap (`App.set_keymap`) maps binding ids to other keys only: it can
    neither reword a binding nor hide it from the footer, which is what is done here.
    tests/test_private_apis.py fails, naming the Textual version, if an upgrade moves it.
    """
    node._bindings = BindingsMap(change([binding for _key, binding in node._bindings]))



FOCUSED_RANK = 2
"""How much further down the run-sheet's keys go while a pane with keys of its own has
the focus: its keys stay in a narrow footer before them (help and quit still always)."""


def fit_footer_keys(screen: Screen[Any], footer: Footer, keys: Sequence[Key], words: Words,
                    width: int, pane: DOMNode | None = None) -> None:
    """Show the `keys` that fit on `screen`'s footer line, `width` cells wide; help and
    quit always do (`fit_footer`), the others stay in help and the palette.

    `pane`: the Conversation pane when it has the focus: its keys (`PANE_KEYS`) come
    first, the run-sheet's it takes over (`r`, `h`) leave, the others after."""
    app_keys = {key.id: key for key in APP_KEYS}

    def item(key: Key, rank: int | None = None) -> FooterItem:
        binding = key.binding(words)
        return FooterItem(key.id, screen.app.get_key_display(binding), binding.description,
                          key.rank if rank is None else rank)

    pane_items = [item(key) for key in PANE_KEYS if key.show] if pane is not None else []
    taken = {key.key for key in PANE_KEYS} if pane is not None else set()
    items = [*pane_items, *(
        item(key, key.rank + FOCUSED_RANK if pane_items and key.rank else None)
        for key in keys if key.show and key.key not in taken)]
    items.append(item(app_keys["quit"]))
    fit = fit_footer(items, width, palette=item(app_keys["palette"]))
    # Every key this screen could show: one this plan leaves out (P without accounts)
    # is hidden too, not left as the class's bindings have it.
    footer_ids = {shown.id for shown in items} | {
        k.id for k in (*RUN_KEYS, *REHEARSAL_KEYS, *LIVE_KEYS) if k.show}

    def shown(bindings: list[Binding], ids: set[str]) -> list[Binding]:
        return [dataclasses.replace(b, show=b.id in fit.shown) if b.id in ids else b
                for b in bindings]

    rebind(screen, lambda bindings: shown(bindings, footer_ids))
    if pane is not None:
        rebind(pane, lambda bindings: shown(bindings, {k.id for k in PANE_KEYS}))
    footer.compact = fit.compact
    footer.show_command_palette = "palette" in fit.shown
    screen.refresh_bindings()  # the footer recomposes from the new flags
