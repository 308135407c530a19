"""The run-sheet's actions in the command palette (next to Textual's own commands)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.screens.runsheet import RunSheet


class RunSheetCommands(Provider):
    """One command per run-sheet key, worded like the footer and the help screen."""

    def _sheet(self) -> RunSheet | None:
        from tui.screens.runsheet import RunSheet

        screen = self.screen
        return screen if isinstance(screen, RunSheet) else None

    def _commands(self) -> list[tuple[str, str, str]]:
        sheet = self._sheet()
        if sheet is None:
            return []
        words = sheet.words
        return [
            (words(f"key.{key.id}"), words(f"help.{key.id}"), key.action)
            for key in sheet.keys  # a live run offers no clock commands
        ]

    async def discover(self) -> Hits:
        sheet = self._sheet()
        for name, help_text, action in self._commands():
            assert sheet is not None
            yield DiscoveryHit(name, partial(sheet.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        sheet = self._sheet()
        matcher = self.matcher(query)
        for name, help_text, action in self._commands():
            assert sheet is not None
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(name), partial(sheet.run_action, action),
                    help=help_text,
                )
