"""The run-sheet on a plan that runs on X, Bluesky and Mastodon: `1`-`4` pick the
network the draft pane shows, the cue list marks each network, `c` copies the network
shown and moves to the next one the cue needs, `S` skips one network. The rules are the
run desk's (tests/core/test_desk_networks.py); these press the keys."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FakeClipboard
from tests.ui.helpers import at, copies_done, copy_plan, make_app, record_notifications
from tui.core.run.asrun import log_path_for, read_events
from tui.core.run.copyguard import BOUNCE_SECONDS
from tui.core.timing.clock import FrozenClock
from tui.screens.reference import HelpDialog
from tui.widgets.cuelist import CueList
from tui.widgets.panes import DraftPane


def draft_head(app: object) -> str:
    """ "Text to paste · Bluesky 78/300": the pane's title and its count."""
    pane = app.run_sheet.query_one(DraftPane)  # type: ignore[attr-defined]
    return f"{pane.border_title} {str(pane.query_one('#draft-count').render()).strip()}"


def tabs(app: object) -> str:
    pane = app.run_sheet.query_one(DraftPane)  # type: ignore[attr-defined]
    return str(pane.query_one("#draft-tabs").render()).strip()


def row_text(app: object, index: int) -> str:
    cues = app.run_sheet.query_one(CueList)  # type: ignore[attr-defined]
    return str(cues.get_option_at_index(index).prompt)


async def test_the_keys_1_to_3_show_each_networks_draft_and_count(
        tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    app = make_app(copy_plan(tmp_path, "chat-networks"), FrozenClock(at(0.5)), fake_clipboard)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert draft_head(app) == "Text to paste · X 71/280"
        assert tabs(app) == "1 X ! 2 Bluesky ! 3 Mastodon !"  # due on each
        await pilot.press("2")
        await pilot.pause()
        assert draft_head(app) == "Text to paste · Bluesky 78/300"
        body = app.run_sheet.query_one("#draft-body")
        assert "@camille.bsky.social" in body.text_shown  # type: ignore[attr-defined]
        # The cue list counts on the network shown too.
        assert "78/300" in row_text(app, 0)
        await pilot.press("3")
        await pilot.pause()
        assert draft_head(app) == "Text to paste · Mastodon 66/500"
        assert "@camille@books.example" in body.text_shown  # type: ignore[attr-defined]


async def test_c_c_c_copies_each_network_in_turn_and_marks_it_there(
        tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    plan = copy_plan(tmp_path, "chat-networks")
    app = make_app(plan, FrozenClock(at(0.5)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "X! B! M!" in row_text(app, 0)
        guard = app.run_sheet.desk.guard
        for _network in ("x", "bluesky", "mastodon"):
            await pilot.press("c")
            await copies_done(app, pilot)
            # Pasted, posted, back: the next `c` is no bounce (tui.core.run.copyguard).
            later = guard.monotonic() + BOUNCE_SECONDS
            guard.monotonic = lambda later=later: later  # type: ignore[misc]
        assert [c.split(" #")[0][:30] for c in fake_clipboard.copied] == [
            "Welcome to Teen Reading Chat w"] * 3
        assert "@camille_lit" in fake_clipboard.copied[0]
        assert "@camille.bsky.social" in fake_clipboard.copied[1]
        assert "@camille@books.example" in fake_clipboard.copied[2]
        assert any(s.endswith("next: Bluesky (c)") for s in said)
        assert "X✓ B✓ M✓" in row_text(app, 0)
        assert [e.network for e in read_events(log_path_for(plan))] == [
            "x", "bluesky", "mastodon"]
        # Done everywhere: the selection follows the next cue, on the first network.
        assert app.run_sheet.cues.selected_id == "q1"
        assert draft_head(app) == "Text to paste · X 46/280"


async def test_S_skips_the_network_shown_and_u_takes_it_back(
        tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    app = make_app(copy_plan(tmp_path, "chat-networks"), FrozenClock(at(0.5)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3", "S")
        await pilot.pause()
        assert said[-1] == "Welcome on Mastodon skipped · next: X (c)"
        assert "M✗" in row_text(app, 0) and "X!" in row_text(app, 0)
        assert tabs(app).startswith("1 X ! ")
        await pilot.press("u")
        await pilot.pause()
        assert said[-1] == "Undone: Welcome on Mastodon is no longer skipped"
        assert "M!" in row_text(app, 0) and draft_head(app).startswith("Text to paste · Mastodon")


async def test_a_plan_on_one_network_has_no_tabs_and_its_help_no_network_keys(
        tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(0.5)), fake_clipboard)
    said = record_notifications(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        pane = app.run_sheet.query_one(DraftPane)
        assert not pane.has_class("-networks") and pane.border_title == "Texte à coller"
        assert "network_1" not in {k.id for k in app.run_sheet.keys}
        await pilot.press("2")
        await pilot.pause()
        assert said[-1] == "Ce plan tient sur un seul réseau"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        shown = {str(label.render()) for label in app.screen.query(".help-key")}
        # No accounts: P is not in help (pressed, it says why; the palette has it).
        assert "P" not in shown and "1-4" not in shown and "S" not in shown
        assert "c" in shown


async def test_a_platforms_warning_shows_in_the_plans_language(
        tmp_path: Path, fake_clipboard: FakeClipboard) -> None:
    """The counters' warnings are words: a French plan's draft pane says Threads' in
    French, not in the English `tchat count` prints."""
    plan = copy_plan(tmp_path, "chat-fr")
    text = plan.read_text(encoding="utf-8")
    text = text.replace('platform = "x"', 'platform = "threads"')
    text = text.replace("Présentez-vous 👋", "#Lecture Présentez-vous 👋")
    plan.write_text(text, encoding="utf-8")
    app = make_app(plan, FrozenClock(at(0.5)), fake_clipboard)
    async with app.run_test(size=(120, 36)) as pilot:
        body = app.run_sheet.query_one("#draft-body")
        for _ in range(100):  # the draft pane's first show, on a loaded machine too
            await pilot.pause()
            if "Threads" in body.note_shown:  # type: ignore[attr-defined]
                break
        shown = " ".join(body.note_shown.split())  # type: ignore[attr-defined]
        assert "Threads ne prend qu'un sujet par publication" in shown
        assert "restent en texte simple" in shown
        assert "one topic" not in shown
