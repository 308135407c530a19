"""The wheel carries what `tchat` needs at run time, the demo plans above all, so that
`tchat` alone works from any folder once installed (one copy of the demo, in plans/)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling", reason="hatchling (a test extra) builds the wheel")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "--wheel-dir", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    [built] = out.glob("tchat-*.whl")
    return built


@pytest.mark.slow
def test_wheel_carries_demo_plans_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("tui/plans/demo-fr.toml", "tui/plans/demo-en.toml", "tui/app.tcss",
                   "tui/plans/demo-fr.conversation.jsonl", "tui/plans/demo-en.conversation.jsonl",
                   "tui/core/counting/tlds.txt", "tui/core/counting/twemoji.txt",
                   "tui/core/counting/bluesky_tlds.txt",
                   "tui/cli.py"):
        assert needed in names, f"{needed} missing from {wheel.name}"
    assert not any(n.startswith("tests/") for n in names)


@pytest.mark.slow
def test_installed_demo_is_found_from_any_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "from tui.commands.demo import demo_plan_path\n"
        "from tui.core.plan.planfile import load_plan\n"
        "path = demo_plan_path('fr')\n"
        "print(path)\n"
        "print(load_plan(path).chat.tag)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(site)}, check=True,
    )
    path, tag = result.stdout.split()
    assert Path(path).is_relative_to(site)
    assert tag.startswith("#")
