"""End to end, in a real pseudo-terminal, as a moderator runs it: `tchat PLAN` a minute
into the hour, `c`, quit (which asks first during the hour), yes. The copy reaches the
terminal as OSC 52 (no system clipboard here), the mark reaches the log, and the
terminal is given back as it was."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from benchmarks.terminal import CTRL_Q, pump, spawn, wait_for_marker
from tui.core.run.asrun import log_path_for

TCHAT = Path(sys.executable).parent / "tchat"
OSC52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)")


@pytest.mark.skipif(not TCHAT.exists(), reason="the tchat script is not installed in the venv")
def test_copy_in_a_real_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No display server: pyperclip fails at once and the terminal's OSC 52 is used.
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    plan = tmp_path / "chat.toml"
    # A minute into the hour, in the plan's own zone: the welcome is due and copies at once.
    paris = ZoneInfo("Europe/Paris")
    start = (datetime.now(paris) - timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M")
    subprocess.run([str(TCHAT), "new", str(plan), "--lang", "en", "--title", "Pty chat",
                    "--tag", "#PtyChat", "--start", start, "--timezone", "Europe/Paris"],
                   check=True, capture_output=True)
    child = spawn([str(TCHAT), str(plan)], cwd=tmp_path)
    try:
        wait_for_marker([child], [b"Copy"], timeout=60)  # the footer: the keys answer
        os.write(child.fd, b"c")
        deadline_reads = 0
        while not OSC52.search(bytes(child.output)) and deadline_reads < 300:
            pump([child], 0.1)
            deadline_reads += 1
        match = OSC52.search(bytes(child.output))
        assert match, bytes(child.output[-500:])
        copied = base64.b64decode(match.group(1)).decode("utf-8")
        assert "#PtyChat" in copied
        os.write(child.fd, CTRL_Q)
        wait_for_marker([child], [b"Quit during the chat?"], timeout=60)
        os.write(child.fd, b"y")
        for _ in range(300):
            pump([child], 0.1)
            if child.eof:
                break
        _, status = os.waitpid(child.pid, 0)
    finally:
        if not child.eof:
            os.kill(child.pid, 9)
            os.waitpid(child.pid, 0)
        os.close(child.fd)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    [line] = log_path_for(plan).read_text(encoding="ascii").splitlines()
    event = json.loads(line)
    assert (event["kind"], event["via"]) == ("mark", "osc52")
    # Given back: the alternate screen left, the cursor shown, mouse reporting off, all
    # after the last frame.
    tail = bytes(child.output).rsplit(b"\x1b]52;c;", 1)[-1]
    assert b"\x1b[?1049l" in tail and b"\x1b[?25h" in tail
    assert b"\x1b[?1000l" in tail
