"""The `tchat` command's entry point: the first step of start-up (see `tui.startup`)."""

from __future__ import annotations

import sys

from tui import startup


def entry() -> None:
    startup.collector_off()
    from tui.cli import main

    sys.exit(main())
