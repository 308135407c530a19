"""No sentence a moderator reads is written outside the words table.

The run-sheet speaks the plan's language; a sentence typed straight into a widget or a
feed's error would show in English on a French screen (it did: the feed's failures).
These read the code (what is shown by the screens and widgets, what the feed's sources
say when they fail) and refuse any literal made of words; symbols, ids and styles are
fine. A new word goes in `tui/core/text/words/`, in both languages.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.text.words import WORDS

TUI = Path(__file__).resolve().parents[1] / "tui"
WORD = re.compile(r"[^\W\d_]{2,}")
"""Two letters in a row: a word, not a symbol ("▶ ", " · ", "✓", "{n}/280")."""

SHOWN_CALLS = {"notify", "Static", "Label", "Button", "Content", "styled", "assemble",
               "literal", "set_content", "update", "Notice", "Binding"}
"""Calls whose text reaches the screen."""
SHOWN_KEYWORDS = {"message", "title", "placeholder", "tooltip", "description", "text"}
SHOWN_ATTRIBUTES = {"border_title", "border_subtitle", "title", "sub_title"}
STYLE = re.compile(r"^\$?[\w-]+( [\w$-]+)*$")
"""A Textual style ("$text-muted bold", "reverse"): said to the stylesheet, not shown."""
STYLES = {"bold", "italic", "reverse", "strike", "underline", "dim", "not", "link"}


def _words_in(node: ast.expr) -> list[str]:
    """The literal pieces of text `node` holds that are made of words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        pieces = [node.value]
    elif isinstance(node, ast.JoinedStr):
        pieces = [v.value for v in node.values
                  if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    else:
        return []
    return [p for p in pieces if WORD.search(p) and not _a_style(p)]


def _a_style(text: str) -> bool:
    """ "$text-muted bold", "reverse": theme variables and text styles only."""
    return bool(STYLE.match(text.strip())) and all(
        part.startswith("$") or part in STYLES for part in text.split())


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def stray(path: Path, root: Path = TUI.parent) -> Iterator[str]:
    """Each literal made of words that `path` shows, as "file:line: 'words'"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(root)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node) in SHOWN_CALLS:
            if _name(node) == "Binding":
                # A binding's words are replaced by its id's (`key.*`, `reword`).
                ids = [k.value for k in node.keywords if k.arg == "id"]
                if ids and isinstance(ids[0], ast.Constant) and f"key.{ids[0].value}" in WORDS:
                    continue
                found = [w for arg in node.args[2:3] for w in _words_in(arg)]
            else:
                found = [w for arg in node.args for w in _words_in(arg)]
                found += [w for arg in node.args if isinstance(arg, ast.Tuple)
                          for w in _words_in(arg.elts[0])]
            found += [w for k in node.keywords if k.arg in SHOWN_KEYWORDS
                      for w in _words_in(k.value)]
            for words in found:
                yield f"{where}:{node.lineno}: {words!r}"
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr in SHOWN_ATTRIBUTES:
                    for words in _words_in(node.value):
                        yield f"{where}:{node.lineno}: {words!r}"


@pytest.mark.parametrize("folder", ["screens", "widgets"])
def test_screens_and_widgets_show_only_the_words_table(folder: str) -> None:
    found = [line for path in sorted((TUI / folder).glob("*.py")) for line in stray(path)]
    assert found == []


def test_the_feeds_failures_are_said_in_the_screens_language() -> None:
    found = []
    for path in sorted((TUI / "feed").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            # A failure is words to say (`Said`), said in the language of the screen or
            # the plan that shows it: `FeedError(said)`, `failed(source, said)`.
            name = _name(node)
            if name not in ("FeedError", "failed"):
                continue
            said = node.args[0] if name == "FeedError" else (
                node.args[1] if len(node.args) > 1 else None)
            if said is not None and _words_in(said):
                found.append(f"{path.relative_to(TUI.parent)}:{node.lineno}")
    assert found == []
    # Said in French for a French screen: the feed's words are in both languages.
    feed = {k: v for k, v in WORDS.items() if k.startswith("feed.")}
    assert feed and all(set(entry) == {"fr", "en"} for entry in feed.values())


def test_a_stray_word_is_found(tmp_path: Path) -> None:
    widget = tmp_path / "widgets" / "stray.py"
    widget.parent.mkdir()
    widget.write_text(
        'from textual.widgets import Label, Static\n'
        'Label("Next question")\n'
        'Static(id="countdown")\n'
        'x.border_title = f"Run-sheet {n}"\n'
        'Content.assemble(("▶ ", "$text-accent bold"), (label, "bold"))\n'
        'self.notify(words("screen.saved"))\n', encoding="utf-8")
    assert sorted(line.split(": ", 1)[1] for line in stray(widget, tmp_path)) == [
        "'Next question'", "'Run-sheet '"]
