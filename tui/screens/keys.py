"""Every action of the run-sheet, once: the footer, the help screen and the command
palette are all generated from this list, worded in the run's language.

Textual reads `BINDINGS` at class creation, in one language; the run's language is only
known once the plan is read, so each screen re-words its bindings by id when created.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode

from tui.strings import WORDS, Words


@dataclass(frozen=True, slots=True)
class Key:
    id: str
    key: str
    action: str
    show: bool = True
    key_display: str | None = None
    priority: bool = False

    def binding(self, words: Words) -> Binding:
        return Binding(
            self.key, self.action, words(f"key.{self.id}"), show=self.show,
            key_display=self.key_display, priority=self.priority,
            tooltip=words(f"help.{self.id}"), id=self.id,
        )


RUN_KEYS: tuple[Key, ...] = (
    Key("copy", "c", "copy"),
    Key("undo", "u", "undo"),
    Key("skip", "s", "skip"),
    Key("shift", "d", "shift", key_display="d"),
    Key("edit", "e", "edit"),
    Key("reply", "r", "reply"),
    Key("highlight", "h", "highlight"),
    Key("tick", "space", "tick", key_display="␣"),
    Key("show", "v", "show", show=False),
    Key("next", "n", "go_next", show=False),
    Key("report", "R", "report", show=False),
    Key("help", "question_mark", "help", key_display="?"),
)

# Steering the simulated clock. These bindings are only added to a rehearsal's
# run-sheet: a live run has no such keys at all, so a stray "p" during the real hour
# can never pause anything or suggest that time could be paused.
REHEARSAL_KEYS: tuple[Key, ...] = (
    Key("pause", "p", "pause"),
    Key("faster", "plus", "faster", key_display="+"),
    Key("slower", "minus", "slower", key_display="-", show=False),
    Key("jump_next", "greater_than_sign", "jump_next", key_display=">", show=False),
    Key("jump_back", "less_than_sign", "jump_back", key_display="<", show=False),
)

APP_KEYS: tuple[Key, ...] = (
    Key("quit", "ctrl+q", "quit", priority=True),
    Key("palette", "ctrl+p", "command_palette", show=False, priority=True),
)


def bindings_for(keys: tuple[Key, ...], words: Words) -> list[BindingType]:
    return [key.binding(words) for key in keys]


def run_keys(rehearsal: bool) -> tuple[Key, ...]:
    """The run-sheet's keys in one mode: the footer, help and palette all use this."""
    return (*RUN_KEYS, *REHEARSAL_KEYS) if rehearsal else RUN_KEYS


def reword(node: DOMNode, words: Words) -> None:
    """Give a node's bindings the descriptions of `words`, matched by binding id."""
    reworded = []
    for _key, binding in node._bindings:
        if binding.id and f"key.{binding.id}" in WORDS:
            binding = dataclasses.replace(
                binding,
                description=words(f"key.{binding.id}"),
                tooltip=words.get(f"help.{binding.id}", binding.tooltip),
            )
        reworded.append(binding)
    node._bindings = BindingsMap(reworded)

