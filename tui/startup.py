"""How `tchat` starts."""

from __future__ import annotations

import sys


def opens_on_a_glance() -> bool:
    """Whether the screen opens on a glance at the plan and validates it just after.

    In a terminal, yes: the moderator sees the countdown before pydantic has even
    loaded, and a plan found invalid after the glance shows the screen for a blink
    before its problems are printed. Output that goes to no terminal (a script, a pipe)
    gets the problems alone, as the plan is then validated first; so does a plan that
    cannot be glanced at.
    """
    return sys.stdout.isatty()
