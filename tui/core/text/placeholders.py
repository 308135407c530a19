"""Safe filling of `{name}` placeholders in post templates.

`str.format` on text from a shared plan could reach attributes (`{guests.__class__}`)
or indexes; here a placeholder is only ever a bare known name looked up in a dict, and
anything else is left as written (and reported by `tchat check`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# `{{` and `}}` are literal braces, as in str.format, so a post can still show them.
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")

KNOWN_PLACEHOLDERS: dict[str, str] = {
    "tag": "the chat's hashtag",
    "title": "the chat's title",
    "topic": "the chat's topic",
    "host": "the host's handle",
    "guests": "the guests' handles (confirmed and invited)",
    "start": "the start date and time, written in the plan's language",
    "zones": "the start, then the time in each audience time zone",
    "time": "the start time alone",
    "end": "the end time",
    "duration": "the duration in minutes",
    "count": "how many questions there are",
    "n": "the number of the question a post is about (heads-up, question)",
    "q": "that question's label, such as Q3",
    "a": "the matching answer label, such as A3 (R3 in French)",
    "answer": "the answer letter alone: A, or R in French",
    "minutes": "minutes until that question (heads-up)",
    "next": "the next edition's date and time ([chat] next)",
    "recap_url": "where the recap is published ([chat] recap_url)",
}


# Filled from optional [chat] fields: until the field is set, the placeholder stays as
# written in the draft (visible, and flagged by `tchat check`) rather than vanishing.
OPTIONAL_PLACEHOLDERS: dict[str, str] = {"next": "next", "recap_url": "recap_url"}


def placeholders_in(template: str) -> list[str]:
    """Every placeholder name used in `template`, in order, duplicates kept."""
    return [m.group(1) for m in _TOKEN.finditer(template) if m.group(1) is not None]


def unknown_placeholders(template: str) -> list[str]:
    """Placeholder names in `template` that tchat does not know, each once."""
    seen: list[str] = []
    for name in placeholders_in(template):
        if name not in KNOWN_PLACEHOLDERS and name not in seen:
            seen.append(name)
    return seen


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace known placeholders with `values`; leave anything else exactly as written."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = match.group(1)
        if name in values:
            return values[name]
        return token

    return _TOKEN.sub(replace, template)
