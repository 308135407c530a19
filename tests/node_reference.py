"""Runs the platforms' own counting code (tests/node/reference.js) under node.

`npm ci` installs it into tests/node/node_modules (gitignored) from the checked-in
lockfile on first use; without node or npm, or when the install fails, `unavailable()`
says why so that tests can skip with that reason and benchmarks can note it.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

NODE_DIR = Path(__file__).resolve().parent / "node"
SCRIPT = NODE_DIR / "reference.js"
_INSTALLED = NODE_DIR / "node_modules" / ".package-lock.json"
_INSTALL_TIMEOUT = 240


@cache
def unavailable() -> str | None:
    """None when the reference can run, else the reason it cannot."""
    if shutil.which("node") is None:
        return "node is not installed"
    # One install at a time (pytest-xdist workers, a benchmark beside the tests).
    with open(NODE_DIR / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _install()


def _install() -> str | None:
    if _INSTALLED.is_file() and _INSTALLED.stat().st_mtime >= (
        NODE_DIR / "package-lock.json"
    ).stat().st_mtime:
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed"
    try:
        result = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--silent", "--prefix", str(NODE_DIR)],
            capture_output=True, text=True, check=False, timeout=_INSTALL_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"npm ci in tests/node failed: {error}"
    if result.returncode != 0:
        return f"npm ci in tests/node failed: {result.stderr.strip()[-300:]}"
    return None


def reference_counts(platform: str, texts: list[str]) -> list[dict[str, Any]]:
    """The reference's verdict on each text, in order (one node process for all)."""
    lines = "".join(
        json.dumps({"platform": platform, "text": text}) + "\n" for text in texts
    )
    result = subprocess.run(
        ["node", str(SCRIPT)], input=lines, capture_output=True, text=True,
        encoding="utf-8", check=True, timeout=120,
    )
    # Split on "\n" only: JSON may hold U+2028 unescaped, which splitlines() splits on.
    found = [json.loads(line) for line in result.stdout.split("\n") if line]
    if len(found) != len(texts):
        raise RuntimeError(f"reference.js answered {len(found)} of {len(texts)} posts")
    return found
