"""The glance that draws the first frame must say what the validated plan says.

Whatever the model accepts, the glance reads the same title, tag, platform, language,
zone, start and end; whatever the file holds, the glance never raises.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import make_plan, plan_dict
from tui.core.plan.glance import (
    DEFAULT_DURATION,
    DEFAULT_LANGUAGE,
    DEFAULT_PLATFORM,
    Glance,
    glance,
)
from tui.core.plan.model import Chat
from tui.core.plan.planfile import load_plan
from tui.core.plan.problems import PlanError
from tui.core.plan.schedule import build_schedule
from tui.core.run.countdown import to_start
from tui.core.run.hour import hour_at
from tui.core.run.runstate import RunState

REPO = Path(__file__).resolve().parents[2]
PLAN_FILES = sorted(
    [*REPO.glob("plans/*.toml"), *REPO.glob("tests/**/*.toml")], key=lambda p: p.as_posix()
)
FIELDS = ("title", "tag", "platform", "networks", "language", "zone", "start_at", "end_at")


def facts(chat: Chat | Glance) -> dict[str, Any]:
    return {name: getattr(chat, name) for name in FIELDS}


def test_the_defaults_are_the_models() -> None:
    fields = Chat.model_fields
    assert DEFAULT_DURATION == fields["duration"].default
    assert DEFAULT_PLATFORM == fields["platform"].default
    assert DEFAULT_LANGUAGE == fields["language"].default


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_plan_in_the_repo_is_glanced_as_it_loads(path: Path) -> None:
    seen = glance(path)  # must not raise, whatever the file
    try:
        plan = load_plan(path)
    except PlanError:
        return
    assert seen is not None, "a plain valid plan gets a glance"
    assert facts(seen) == facts(plan.chat)


def test_what_cannot_be_glanced_at_is_none(tmp_path: Path) -> None:
    def chat(*lines: str) -> bytes:
        return "\n".join(["[chat]", "title = 't'", "tag = '#t'", *lines, ""]).encode()

    cases = {
        "missing": None,
        "folder": None,
        "not-toml": b"[chat\ntitle = 1",
        "binary": bytes(range(256)),
        "no-chat": b"title = 'x'\n",
        "chat-not-a-table": b"chat = 3\n",
        "date-only": chat("start = 2026-12-03", "timezone = 'UTC'"),
        "no-zone": chat("start = 2026-12-03T18:00:00"),
        "bad-zone": chat("start = 2026-12-03T18:00:00", "timezone = 'Mars/Olympus'"),
        "bool-duration": chat("start = 2026-12-03T18:00:00Z", "duration = true"),
        "odd-platform": chat("start = 2026-12-03T18:00:00Z", "platform = 'myspace'"),
        "odd-platforms": chat("start = 2026-12-03T18:00:00Z", "platforms = ['x', 'myspace']"),
        "platforms-twice": chat("start = 2026-12-03T18:00:00Z", "platforms = ['x', 'x']"),
        "both-platform-fields": chat("start = 2026-12-03T18:00:00Z", "platform = 'x'",
                                     "platforms = ['x']"),
        "empty-title": b"[chat]\ntitle = ''\ntag = '#t'\nstart = 2026-12-03T18:00:00Z\n",
    }
    assert glance_of(tmp_path, chat("start = 2026-12-03T18:00:00Z")) is not None
    (tmp_path / "folder").mkdir()
    for name, data in cases.items():
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        assert glance(path) is None, name


def glance_of(folder: Path, data: bytes) -> Glance | None:
    path = folder / "plan.toml"
    path.write_bytes(data)
    return glance(path)


ZONES = st.sampled_from(["Europe/Paris", "Africa/Dakar", "America/New_York", "UTC",
                         "Asia/Kolkata", "Australia/Lord_Howe", "Nowhere/Atlantis"])
OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@st.composite
def chat_tables(draw: st.DrawFn) -> dict[str, Any]:
    """[chat] tables the model accepts, and many it refuses."""
    start = draw(st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1)))  # noqa: DTZ001
    chat: dict[str, Any] = {
        "title": draw(st.text(max_size=5)),
        "tag": draw(st.sampled_from(["#Tag", "#PasAvant18Ans", ""])),
        "start": start.replace(tzinfo=draw(OFFSETS)) if draw(st.booleans()) else start,
    }
    if draw(st.booleans()):
        chat["timezone"] = draw(ZONES)
    optional = {
        "duration": st.one_of(st.integers(-5, 2000), st.booleans()),
        "platform": st.sampled_from(["x", "x-legacy", "bluesky", "mastodon", "threads", "X"]),
        # Several networks, including lists the model refuses (empty, twice, both X).
        "platforms": st.lists(
            st.sampled_from(["x", "x-legacy", "bluesky", "mastodon", "threads", "X"]),
            max_size=4),
        "language": st.sampled_from(["fr", "en", "de"]),
    }
    for key, values in optional.items():
        if draw(st.booleans()):
            chat[key] = draw(values)
    return chat


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(chat=chat_tables())
def test_whatever_the_model_accepts_the_glance_reads_alike(chat: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.toml"
        path.write_text(tomli_w.dumps(plan_dict() | {"chat": chat}), encoding="utf-8")
        seen = glance(path)
        try:
            # As the file is read: `platform` and `platforms` both written is refused
            # there, where the model alone takes the first as the mirror of the second.
            model = load_plan(path).chat
        except PlanError:
            return  # the full validation that follows the glance says what is wrong
    assert seen is not None
    assert facts(seen) == facts(model)


@settings(max_examples=200)
@given(data=st.binary(max_size=300))
def test_the_glance_never_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.toml"
        path.write_bytes(b"[chat]\n" + data)
        glance(path)


START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


@given(seconds=st.floats(-3 * 86_400, 2 * 3600, allow_nan=False))
def test_the_opening_countdown_is_the_run_sheets(seconds: float) -> None:
    plan = make_plan()
    assert plan.chat.start_at == START
    now = START + timedelta(seconds=seconds)
    shown = hour_at(plan, RunState(), build_schedule(plan), now).countdown
    opening = to_start(plan.chat.start_at, now)
    if shown.mode == "to-start":
        assert opening is not None
        assert (opening.mode, opening.value, opening.phase) == ("to-start", shown.value, "before")
    else:
        assert opening is None  # the chat has begun: the plan's cues decide
