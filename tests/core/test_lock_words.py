"""The follower's banner names the window that holds the plan in the plan's language: the
core describes the holder, the screen puts it in its banner."""

from __future__ import annotations

from tui.core.run.planlock import Holder
from tui.core.text.words import Words


def test_the_holder_is_described_in_the_plan_s_language() -> None:
    holder = Holder(1257, "vm", "2026-12-03T17:00:00+00:00")
    assert holder.describe(Words("fr")) == "pid 1257 sur vm"
    assert holder.describe(Words("en")) == "pid 1257 on vm"
    assert holder.describe() == "pid 1257 on vm"  # callers that have no language yet
    banner = Words("fr")("screen.following", holder=holder.describe(Words("fr")))
    assert "(pid 1257 sur vm)" in banner and " on " not in banner
