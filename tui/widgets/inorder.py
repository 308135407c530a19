"""Text fields whose keys apply in the order they were typed, however fast.

Textual hands a key to the focused field, which inserts a printable character at once;
a key bound to an action (backspace, the arrows, the dialog's ctrl+s, escape) is not
handled there: it bubbles up, one message queue per ancestor, to the app, which then
runs the binding. Keys that come faster than the app handles them (a burst after a
busy moment, a fast typist on a loaded machine) are meanwhile handed to the field, so a
character typed after six backspaces can land before four of them: seen live, after a
refused save, `{lien` + six backspaces + a URL left `{liehttps://…` with the URL's end
eaten. A priority binding is worse: it runs before the characters still waiting.

These fields run every binding the screen has for a key (their own, the dialog's)
themselves, as the key arrives in their queue, among the characters: one queue, one
order. What a binding does is unchanged: the same `Screen.active_bindings` (Textual's
public view of what each key does now) and `App.run_action`.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def run_binding_in_order(field: Widget, event: events.Key) -> None:
    """Run the binding `event` stands for now, if any, and stop the key there."""
    active = field.screen.active_bindings.get(event.key)
    if active is None or not active.enabled:
        return  # a character: the field inserts it, in this same queue
    event.stop()
    event.prevent_default()
    await field.app.run_action(active.binding.action, active.node)


class InOrderTextArea(TextArea):
    """A `TextArea` whose bound keys apply among the typed characters, in order."""

    async def on_key(self, event: events.Key) -> None:
        await run_binding_in_order(self, event)


class InOrderInput(Input):
    """An `Input` whose bound keys apply among the typed characters, in order."""

    async def on_key(self, event: events.Key) -> None:
        await run_binding_in_order(self, event)
