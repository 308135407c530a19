"""The `tchat` command's entry point: the garbage collector is off while it starts.

Start-up makes hundreds of thousands of objects (Textual's classes, the plan, the
widgets) that nearly all live until the end, and the collector, which runs every few
hundred allocations, walks them again and again for nothing: 25 ms of `tchat run`'s
start-up. It is on again as soon as a command that opens no screen is chosen
(`tui.cli.main`), or once the screen is up (`TchatApp._freeze_heap`).
"""

from __future__ import annotations

import gc
import sys


def entry() -> None:
    gc.disable()
    from tui.cli import main

    sys.exit(main())
