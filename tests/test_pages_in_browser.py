"""The pages tchat publishes, in a real browser: the recap, the transcript and the series
page in headless Chromium at a phone's width (390 px) and a desktop's (1280 px). Nothing
may scroll sideways, and every chart must be drawn, inside the page.

Skipped, with the reason, where Chromium is missing (`.ci/run` installs Debian's).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from browser import chromium, measure

from tui.core.exports import export, make_context
from tui.core.exports.series import read_edition, series_html, series_rows
from tui.core.feed.store import FeedStore, feed_path_for
from tui.core.plan.edition import next_edition
from tui.core.plan.planfile import load_plan, save_plan
from tui.core.room.planned import attributor_for
from tui.core.room.summary import recorded_feed
from tui.core.run.asrun import AsRunLog, log_path_for, read_events

GOLDEN = Path(__file__).resolve().parent / "golden"
BROWSER = chromium()
WIDTHS = (390, 1280)

pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium here (Debian: apt-get install chromium; or set "
    "TCHAT_CHROMIUM): the pages are not checked in a browser")


def pages(folder: Path) -> dict[str, Path]:
    """The French fixture's recap and transcript, and a series of three editions."""
    plan_path = GOLDEN / "plan-fr.toml"
    plan = load_plan(plan_path)
    events = read_events(log_path_for(plan_path))
    posts = recorded_feed(plan_path).posts
    made = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    found = {}
    for kind in ("recap-html", "transcript-html"):
        page = folder / f"{kind}.html"
        page.write_text(export(kind, make_context(plan, events=events, feed=posts,
                                                  created=made)).text, encoding="utf-8")
        found[kind] = page
    editions = []
    last = plan
    for number, start in enumerate(("2027-01-07 18:00", "2027-02-04 18:00"), 1):
        last = next_edition(last, start=start)
        path = folder / f"edition-{number}.toml"
        save_plan(last, path)
        shift = last.chat.start_at - plan.chat.start_at
        moved = [replace(post, created_at=post.created_at + shift) for post in posts]
        store = FeedStore(feed_path_for(path), last.chat.start_at)
        store.append(attributor_for(last).add_all(store.fresh(moved[number:])))
        log = AsRunLog(log_path_for(path))
        for event in events:
            log.append(replace(event, clock=event.clock + shift))
        editions.append(path)
    rows = series_rows([read_edition(p) for p in [plan_path, *editions]])
    found["series"] = folder / "series.html"
    found["series"].write_text(series_html(rows), encoding="utf-8")
    return found


def test_no_page_scrolls_sideways_and_every_chart_is_drawn(tmp_path: Path) -> None:
    assert BROWSER is not None
    measures = measure(BROWSER, pages(tmp_path), WIDTHS)
    assert len(measures) == 3 * len(WIDTHS)
    for page in measures:
        assert page.scroll_width <= page.width, (page.name, page.scroll_width, page.width)
        assert page.charts, page.name
        for chart in page.charts:
            assert chart.drawn > 0, page.name  # bars or a curve, with an area on screen
            assert 0 <= chart.left and chart.right <= page.width, (page.name, chart)
            assert chart.height > 0
        # The hour's chart (the first) scales to the column: most of a phone's width,
        # and no wider than its cap on a desktop.
        first = page.charts[0]
        if page.width == 390:
            assert first.width >= 300, (page.name, first.width)
        else:
            assert first.width <= 36 * 16 + 1, (page.name, first.width)
