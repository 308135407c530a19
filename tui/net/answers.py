"""What a server answered, read the same way by every client: JSON within bounds, and
words for an answer that is not what was asked."""

from __future__ import annotations

from typing import Any

import httpx

from tui.core.feed.status import Said
from tui.core.files.jsonline import json_line


def json_answer(response: httpx.Response) -> Any:
    """The answer's JSON value, or None when it is not JSON or is nested deeper than any
    API answer (`tui.core.files.jsonline`: no RecursionError, whatever the depth)."""
    return json_line(response.content)


def not_json(response: httpx.Response) -> Said:
    """ "a page that is not JSON (text/html)"."""
    kind = response.headers.get("content-type", "").split(";")[0].strip()
    return Said.of("net.not_json", kind=kind or ("empty" if not response.content else "?"))


def answered(response: httpx.Response) -> str | Said:
    """What a failing answer was: its status (`404`), or for a 200, what it held."""
    if response.status_code != 200:
        return str(response.status_code)
    return not_json(response)
