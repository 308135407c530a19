"""Getting a draft onto the clipboard, whatever the machine offers.

Order of attempts: the system clipboard through pyperclip (xclip, wl-copy, pbcopy...),
checked by reading it back because pyperclip can "succeed" without a display server;
then the terminal's own clipboard through OSC 52, which the app sends (it cannot be
checked, so the user is told which way was used); and as a last resort the text is
shown selected in a dialog to be copied by hand.

The app receives a `Clipboard`, so tests pass a fake and never touch the real one.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Literal, Protocol

COPY_TIMEOUT_SECONDS = 2.0
"""How long a system clipboard may take before the terminal's OSC 52 is used instead:
an `xclip` that never returns once left the moderator without a word for minutes."""

CopyOutcome = Literal["ok", "failed", "timeout"]


class Clipboard(Protocol):
    """Puts text on the system clipboard; blocking, so called from a thread worker."""

    def copy(self, text: str) -> bool:
        """True when the text is verifiably on the clipboard; never raises."""
        ...


VERIFY_TRIES = 3
VERIFY_PAUSE = 0.05


class SystemClipboard:
    """The machine's clipboard through pyperclip."""

    def copy(self, text: str) -> bool:
        try:
            # Imported at the first copy, in the worker thread: not before the first frame.
            import pyperclip

            pyperclip.copy(text)
            # Read back: with DISPLAY set to a dead server, xclip may exit 0 and copy
            # nothing. Some backends normalise line endings, so compare without them.
            # xclip serves the selection from a background process, which a busy machine
            # may start a moment late: a few short retries, in this worker thread only.
            for attempt in range(VERIFY_TRIES):
                back = pyperclip.paste()
                if isinstance(back, str) and _same(back, text):
                    return True
                time.sleep(VERIFY_PAUSE * (attempt + 1))
        except Exception:  # any backend failure means: use the fallback
            return False
        return False


class NoClipboard:
    """A clipboard that never works: forces the OSC 52 fallback (tests, headless use)."""

    def copy(self, text: str) -> bool:
        return False


def _same(a: str, b: str) -> bool:
    return a.replace("\r\n", "\n") == b.replace("\r\n", "\n")


async def copy_within(clipboard: Clipboard, text: str,
                      timeout: float = COPY_TIMEOUT_SECONDS) -> CopyOutcome:
    """Copy `text` on a daemon thread, waiting at most `timeout` seconds for it.

    A daemon thread, not the event loop's executor: Python joins the executor's threads
    at exit, so a hung backend would keep the process alive after `ctrl+q` (the terminal
    already restored, the process lingering). Abandoned here, it dies with the process.
    """
    loop = asyncio.get_running_loop()
    done: asyncio.Future[bool] = loop.create_future()

    def settle(result: bool) -> None:
        if not done.done():
            done.set_result(result)

    def run() -> None:
        try:
            result = clipboard.copy(text)
        except Exception:  # noqa: BLE001 - a backend failing is a failed copy
            result = False
        try:
            loop.call_soon_threadsafe(settle, result)
        except RuntimeError:
            pass  # the app has gone: nobody waits for this copy any more

    threading.Thread(target=run, name="clipboard-copy", daemon=True).start()
    try:
        ok = await asyncio.wait_for(asyncio.shield(done), timeout)
    except TimeoutError:
        return "timeout"
    return "ok" if ok else "failed"
