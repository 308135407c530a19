"""Snapshots of a chat on X, Bluesky and Mastodon (tests/ui/plans/chat-networks.toml):
the draft pane's network tabs and the cue list's marks per network after a copy, a cue
posted by `P` with its links, the first `P`'s question, and what a rehearsal's `P`
would send. Frozen clocks and fixed logs, as in test_snapshots.py; no socket is opened
(the accounts' servers are never asked). Regenerate with `pytest
tests/ui/test_snapshot_networks.py --snapshot-update` and look at each picture.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest import FakeClipboard
from tests.ui.helpers import START, at, copies_done, copy_plan, make_app
from tests.ui.test_snapshots import SMALL, WIDE, SnapCompare, clear_notices, quiet
from tui.core.run.asrun import AsRunLog, Event, log_path_for
from tui.core.timing.clock import FrozenClock, SimulatedClock

TINY = (50, 15)
SIZES = pytest.mark.parametrize("size", [WIDE, SMALL], ids=["120x36", "80x24"])
THREE_SIZES = pytest.mark.parametrize("size", [WIDE, SMALL, TINY],
                                      ids=["120x36", "80x24", "50x15"])
# Never asked: a plan's accounts are only contacted by a P that is answered yes.
ACCOUNTS = ('\n[accounts]\nbluesky = "citylibrary.org"\nbluesky_service = "http://127.0.0.1:9"\n'
            'mastodon = "@citylibrary@social.example"\n'
            'mastodon_server = "http://127.0.0.1:9"\n')


def networks_plan(tmp_path: Path, accounts: bool = False) -> Path:
    plan = copy_plan(tmp_path, "chat-networks")
    if accounts:
        plan.write_text(plan.read_text() + ACCOUNTS)
    return plan


@THREE_SIZES
def test_network_tabs_after_a_copy_on_X(snap_compare: SnapCompare, tmp_path: Path,
                                        size: Any) -> None:
    # The welcome copied on X: marked there, the pane moved on to Bluesky.
    app = make_app(networks_plan(tmp_path), FrozenClock(at(0.5)), FakeClipboard())

    async def copy_on_x(pilot: Pilot[Any]) -> None:
        await pilot.press("c")
        await copies_done(app, pilot)
        clear_notices(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=quiet(copy_on_x))


@SIZES
def test_a_cue_posted_with_its_links(snap_compare: SnapCompare, tmp_path: Path,
                                     size: Any) -> None:
    # What P left in the log for the welcome: a post on Bluesky and Mastodon, and X
    # copied; the welcome selected again, its links under the draft.
    plan = networks_plan(tmp_path, accounts=True)
    log = AsRunLog(log_path_for(plan))
    moment = START + timedelta(seconds=20)
    for network, url in (("bluesky", "https://bsky.app/profile/citylibrary.org/post/3l2abc"),
                         ("mastodon", "https://social.example/@citylibrary/110001")):
        log.append(Event("post-intent", clock=moment, wall=moment, cue="welcome",
                         network=network, part=1, parts=1, key="k-" + network))
        log.append(Event("post-done", clock=moment, wall=moment, cue="welcome",
                         network=network, part=1, parts=1, key="k-" + network, url=url,
                         uri="at://did:plc:x/app.bsky.feed.post/3l2abc"))
        log.append(Event("mark", clock=moment, wall=moment, cue="welcome", via="post",
                         network=network))
    log.append(Event("mark", clock=moment, wall=moment, cue="welcome", via="system",
                     network="x"))
    app = make_app(plan, FrozenClock(at(1.5)), FakeClipboard())

    async def select_the_welcome(pilot: Pilot[Any]) -> None:
        app.run_sheet.cues.select_id("welcome")
        await pilot.press("2")
        await pilot.pause()
        clear_notices(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=quiet(select_the_welcome))


@THREE_SIZES
def test_the_first_P_names_the_accounts(snap_compare: SnapCompare, tmp_path: Path,
                                        size: Any) -> None:
    app = make_app(networks_plan(tmp_path, accounts=True), FrozenClock(at(0.5)),
                   FakeClipboard())

    async def press_P(pilot: Pilot[Any]) -> None:
        await pilot.press("P")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=quiet(press_P))


@SIZES
def test_a_rehearsals_P_shows_what_would_be_sent(snap_compare: SnapCompare, tmp_path: Path,
                                                 size: Any) -> None:
    plan = networks_plan(tmp_path, accounts=True)
    clock = SimulatedClock(at(0.5), speed=10, monotonic=lambda: 0.0)
    app = make_app(plan, clock, FakeClipboard(), mode="rehearsal",
                   log_path=tmp_path / "chat-networks.toml.rehearsal-20261125-174501.jsonl")

    async def press_P(pilot: Pilot[Any]) -> None:
        await pilot.press("P")
        await copies_done(app, pilot)
        clear_notices(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=quiet(press_P))
