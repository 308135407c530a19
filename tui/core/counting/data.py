"""The counting package's data files (`tlds.txt`, `twemoji.txt`...), read from beside
this module.

Not through `importlib.resources`: importing it (with pathlib, tempfile and zipfile)
took 17 ms of every `tchat count`, and the package is always installed as files.
"""

from __future__ import annotations

import os

_HERE = os.path.dirname(os.path.abspath(__file__))


def data_text(name: str) -> str:
    """The text of the package data file `name`."""
    with open(os.path.join(_HERE, name), encoding="utf-8") as handle:
        return handle.read()
