"""What a newcomer sees at the sizes terminals really have: the footer's keys, the draft
and its note, the panel heads, the help screen, the checklist's badge, the end of the
chat, and the notices. Assertions read the rendered screen where it matters."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from tests.conftest import FakeClipboard, FakeMonotonic
from tests.ui.helpers import (
    at,
    copies_done,
    copy_plan,
    ids_written,
    make_app,
    paste_time,
    record_notices,
    rehearsal_app,
    sheet,
    until,
    watcher_polled,
)
from tests.ui.test_runsheet import shown, text_of
from tui.app import TchatApp
from tui.cli import main as tchat
from tui.commands.demo import demo_copy
from tui.core.timing.clock import FrozenClock
from tui.screens.keys import FooterItem, fit_footer
from tui.screens.reference import HelpDialog
from tui.widgets.cuelist import CueList
from tui.widgets.draftbody import DraftBody
from tui.widgets.panes import OVERDUE_STYLE, Checklist


def screen_lines(app: App[None]) -> list[str]:
    """The screen as the terminal shows it, one string per line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def footer_line(app: App[None]) -> str:
    return screen_lines(app)[app.screen.query_one(Footer).region.y]


async def footer_laid_out(app: App[None], pilot: Any, width: int) -> None:
    """Wait until the footer shows the keys its screen's bindings now say, laid out at
    `width`: after a resize the footer recomposes from the new bindings a frame or more
    later (several under load), so one pause was a flake at 100 and 160 columns."""
    for _ in range(400):
        await pilot.pause()
        screen = app.screen
        footer = screen.query_one(Footer)
        wanted = {active.binding.action for active in screen.active_bindings.values()
                  if active.binding.show}
        keys = list(footer.query(FooterKey))
        palette = [key for key in keys if key.has_class("-command-palette")]
        actions = {key.action for key in keys if key not in palette}
        if (footer.region.width == width and actions == wanted
                and bool(palette) == footer.show_command_palette
                and all(key.region.width for key in keys)):
            return


def notices(app: TchatApp) -> list[tuple[str, float | None]]:
    """Every notice's text and time on screen, in order."""
    return record_notices(app)


# --- the footer: help and quit at every width ---------------------------------------

HELP_QUIT = {"fr": ("? Aide", "^q Quitter"), "en": ("? Help", "^q Quit")}
WIDTHS = (40, 80, 100, 120, 160)


@pytest.mark.parametrize("mode", ["live", "rehearsal"])
@pytest.mark.parametrize("language", ["fr", "en"])
async def test_the_footer_always_shows_help_and_quit(
    tmp_path: Path, fake_clipboard: FakeClipboard, language: str, mode: str
) -> None:
    plan = copy_plan(tmp_path, f"demo-{language}")
    app = make_app(plan, FrozenClock(at(10)), fake_clipboard, mode=mode,
                   log_path=tmp_path / "run.jsonl")
    help_key, quit_key = HELP_QUIT[language]
    copy_key = "c Copier" if language == "fr" else "c Copy"
    async with app.run_test(size=(80, 24)) as pilot:
        for width in WIDTHS:
            await pilot.resize_terminal(width, 24 if width < 120 else 36)
            await footer_laid_out(app, pilot, width)
            line = footer_line(app)
            assert help_key in line and quit_key in line, (width, line)
            # Whole keys only: none runs past the edge or under the palette key.
            keys = list(app.screen.query(FooterKey))
            assert all(key.region.right <= width for key in keys), (width, line)
            palette = [key for key in keys if key.has_class("-command-palette")]
            others = [key for key in keys if not key.has_class("-command-palette")]
            if palette:
                assert max(key.region.right for key in others) <= palette[0].region.x
            assert copy_key in line, (width, line)  # the main action, even at 40
            if mode == "rehearsal" and width >= 64:
                assert "p Pause" in line, (width, line)
        # Wide enough for every key: nothing is left out.
        shown = {active.binding.id for active in app.screen.active_bindings.values()
                 if active.binding.show}
        assert {k.id for k in app.run_sheet.keys if k.show} <= shown


def test_fit_footer_drops_the_highest_rank_first_and_never_rank_0() -> None:
    items = [FooterItem("copy", "c", "Copy", 1), FooterItem("edit", "e", "Edit", 4),
             FooterItem("reply", "r", "Reply", 3), FooterItem("tick", "␣", "Tick", 3),
             FooterItem("help", "?", "Help", 0), FooterItem("quit", "^q", "Quit", 0)]
    palette = FooterItem("palette", "^p", "Commands", 5)
    roomy = fit_footer(items, 200, palette)
    assert not roomy.compact and len(roomy.shown) == 7
    # Compact widths: c Copy 8, e Edit 8, r Reply 9, ␣ Tick 8, ? Help 8, ^q Quit 9.
    assert fit_footer(items, 50, palette).shown == {"copy", "edit", "reply", "tick",
                                                    "help", "quit"}
    assert fit_footer(items, 42, palette).shown == {"copy", "reply", "tick", "help", "quit"}
    assert fit_footer(items, 34, palette).shown == {"copy", "reply", "help", "quit"}
    assert fit_footer(items, 5, palette).shown == {"help", "quit"}


async def test_keys_left_out_of_a_narrow_footer_stay_in_help_and_palette(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from tui.screens.commands import RunSheetCommands

    app = make_app(copy_plan(tmp_path), FrozenClock(at(10)), fake_clipboard)
    async with app.run_test(size=(64, 24)) as pilot:
        await pilot.pause()
        assert "Temps fort" not in footer_line(app)
        names = [name for name, _help, _action in RunSheetCommands(app.screen)._commands()]
        assert "Temps fort" in names
        await pilot.press("h")  # and the key itself still works
        assert "Temps fort" in text_of(app, "#dialog-title")


# --- the draft pane -------------------------------------------------------------------


async def test_a_long_draft_scrolls_and_its_note_stands_apart(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    """The `tchat new` plan at 80x24: the first promotion's text is longer than its pane,
    and its note ("Two weeks ahead: ...") must not read as the draft's last sentence."""
    plan = tmp_path / "new.toml"
    assert tchat(["new", str(plan), "--lang", "en", "--title", "Girls and online safety",
                  "--tag", "#GirlsSafeOnline", "--start", "2026-12-03 18:00",
                  "--timezone", "Europe/London"]) == 0
    app = make_app(plan, FrozenClock(at(-14 * 1440 - 5)), fake_clipboard)
    app.animation_level = "none"  # scroll at once: no waiting for an animation
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        scroll = screen.query_one(DraftBody)
        row = app.session.row(screen.query_one(CueList).selected_id or "")
        assert row is not None and row.cue.notes.startswith("Two weeks ahead")
        assert scroll.text_shown == row.draft.text  # the whole text, none of the note
        assert scroll.note_shown == row.cue.notes
        assert "Note" in scroll.note_title
        # Under the text, past a blank line: a rule of its own, titled.
        note_top = scroll.note_top
        assert note_top is not None and note_top > 1
        assert scroll.get_component_styles("draft-body--note").text_style.italic
        # Too long for the pane: it scrolls, and the keyboard reaches it.
        assert scroll.virtual_size.height > scroll.scrollable_content_region.height
        await pilot.press("tab")
        assert scroll.has_focus
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y > 0
        lines = screen_lines(app)
        region = scroll.region
        pane = "\n".join(line[region.x:region.right] for line in lines[region.y:region.bottom])
        assert "Two weeks ahead" in pane and "╌╌ Note ╌" in pane
        # Another cue starts at the top of its own text.
        await pilot.press("shift+tab", "down")
        await pilot.pause()
        assert scroll.scroll_y == 0


async def test_the_draft_head_never_glues_its_label_to_the_count(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(4.5)), fake_clipboard)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(CueList).select_id("q3")  # over the limit: a long count
        await pilot.pause()
        head = app.screen.query_one("#draft-head").region
        text = screen_lines(app)[head.y][head.x:head.right]
        assert re.search(r"…\s{2,}\d+/280 · \d+ de trop", text), text
        assert "Texte à coller" in str(app.screen.query_one("#draft").border_title)


PANE_EDGES = re.compile("[│┃╏▌]")


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_no_line_on_screen_breaks_at_a_no_break_space(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int]
) -> None:
    """The French demo's welcome ("Sujet du jour : le mariage…"), its next question
    ("présentez-vous : qui…") and its checklist ("le hashtag : court"): no line of a pane
    starts with the mark a no-break space holds to its word."""
    app = make_app(copy_plan(tmp_path, "demo-fr"), FrozenClock(at(-1)), fake_clipboard,
                   mode="rehearsal", log_path=tmp_path / "run.jsonl")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert (app.screen.query_one(CueList).selected_id or "").startswith("welcome")
        lines = screen_lines(app)
        cells = []
        for pane in ("#draft", "#next", "#checklist"):
            region = app.screen.query_one(pane).region
            cells += [cell.strip() for line in lines[region.y:region.bottom]
                      for cell in PANE_EDGES.split(line[region.x:region.right])]
        assert any("Sujet du" in cell for cell in cells), "\n".join(lines)
        assert not [cell for cell in cells if cell.startswith((":", "?", "!", ";", "»"))], (
            "\n".join(lines))


async def test_the_pre_flight_never_starts_a_line_with_its_colon(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    """Seen at 120x36: "…non marquées publiées" / ": −1 j". The words table is typed
    with plain spaces; the screen holds a French mark to its word."""
    app = make_app(copy_plan(tmp_path), FrozenClock(at(-3)), fake_clipboard)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        notice = app.run_sheet.side_notice
        for _ in range(200):
            await pilot.pause()
            if notice.display:
                break
        await pilot.pause()  # laid out
        region = notice.region
        cells = [cell.strip() for line in screen_lines(app)[region.y:region.bottom]
                 for cell in PANE_EDGES.split(line[region.x:region.right])]
        assert any("publiées" in cell for cell in cells), cells
        assert not [cell for cell in cells if cell.startswith((":", "?", "!", ";", "»"))], (
            cells)
        # Nor splits a value filled into the words: "(prévue mer. 2 / déc. 18:00)" was.
        dated = [cell for cell in cells if "déc." in cell]
        assert dated and all("mer.\u00a02\u00a0déc." in cell for cell in dated), cells
        assert any("−1\u00a0j" in cell for cell in cells), cells


# --- the help screen ----------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_help_descriptions_wrap_in_their_own_column(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int]
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(0)), fake_clipboard)
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HelpDialog)
        texts = list(dialog.query(".help-text").results(Static))
        names = [shown(name) for name in dialog.query(".help-name").results(Static)]
        # Every description starts in one column, right of the key: a wrapped line stays
        # in it, and never reads as a label of its own.
        assert len({text.region.x for text in texts}) == 1
        key_column = dialog.query_one(".help-key").region
        assert texts[0].region.x > key_column.x
        highlight = next(t for t in texts if "en cours" in shown(t))
        if size == (80, 24):
            assert highlight.region.height == 2  # it wraps, under itself
        assert all(name[:1].isupper() for name in names), names  # "Commandes" too
        assert "Commandes" in names
        if size == (80, 24):
            assert dialog.query_one("#close").region.bottom <= size[1]  # reachable


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (120, 48)])
async def test_help_uses_the_height_it_has_and_keeps_its_close_button_in_view(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int]
) -> None:
    # On a tall terminal, a help that scrolls with room to spare hides keys for nothing.
    app = make_app(copy_plan(tmp_path), FrozenClock(at(0)), fake_clipboard, mode="rehearsal")
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HelpDialog)
        scroll = dialog.query_one("#help-scroll")
        close = dialog.query_one("#close").region
        assert close.bottom <= size[1]
        # Under the countdown, never over it: the hour is still told.
        countdown = app.run_sheet.countdown.region
        assert dialog.query_one("#dialog").region.y >= countdown.bottom
        top = 9 if size[1] >= 30 else 8
        room = size[1] - top - 8  # what the countdown leaves, less title, button, border
        assert scroll.region.height >= min(room, scroll.virtual_size.height) - 1
        if size[1] >= 48:
            assert scroll.virtual_size.height <= scroll.region.height  # every key shown


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (50, 15)])
async def test_help_and_the_palette_open_under_the_countdown(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int]
) -> None:
    """`?` and `ctrl+p` covered the countdown at every size: the moderator looking a key
    up lost the hour's time. Both open under it, and it keeps counting."""
    from textual.command import CommandPalette

    app = make_app(copy_plan(tmp_path), FrozenClock(at(4.5)), fake_clipboard)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        countdown = app.run_sheet.countdown.region
        assert "00:30" in "".join(screen_lines(app)[:countdown.bottom]).replace(" ", "") or (
            app.run_sheet.countdown.display)
        for key, kind, box in (("question_mark", HelpDialog, "#dialog"),
                               ("ctrl+p", CommandPalette, "#--input")):
            await pilot.press(key)
            for _ in range(50):
                await pilot.pause()
                if isinstance(app.screen, kind) and app.screen.query_one(box).region:
                    break
            assert isinstance(app.screen, kind)
            await pilot.pause()
            region = app.screen.query_one(box).region
            assert region.y >= countdown.bottom, (key, region, countdown)
            assert region.height >= 3, (key, region)  # room to read and type
            await pilot.press("escape")
            await pilot.pause()


@pytest.mark.parametrize("size", [(50, 15), (80, 24)])
async def test_the_text_to_copy_by_hand_and_its_close_button_fit_a_split_pane(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int]
) -> None:
    """At 50x15 `v`'s Close button was off the screen, and the text cut."""
    from textual.widgets import TextArea

    from tui.screens.dialogs import ManualCopyDialog

    app = make_app(copy_plan(tmp_path), FrozenClock(at(4.5)), fake_clipboard)
    async with app.run_test(size=size) as pilot:
        await pilot.press("v")
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, ManualCopyDialog):
                break
        dialog = app.screen
        assert isinstance(dialog, ManualCopyDialog)
        await pilot.pause()
        close = dialog.query_one("#close").region
        area = dialog.query_one("#manual-text", TextArea)
        assert close.height and close.bottom <= size[1], close
        assert area.region.height >= 4 and area.region.bottom <= close.y, area.region
        assert area.selected_text == dialog.text.replace("\r", "")
        await pilot.click("#close")
        await pilot.pause()
        assert not isinstance(app.screen, ManualCopyDialog)


# --- the checklist ------------------------------------------------------------------


async def test_an_overdue_item_wears_a_badge_at_the_start(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        prompt = app.screen.query_one(Checklist).options[1].prompt
        assert str(prompt).startswith("☐  en retard  ")
        badge = [span for span in prompt.spans if span.style == OVERDUE_STYLE]  # type: ignore[union-attr]
        assert badge and str(prompt)[badge[0].start:badge[0].end] == " en retard "


# --- after the end --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("posted", "meta"),
    [
        ({}, "4 questions sur 4 non postées"),
        ({"q1": 5, "q2": 17, "q3": 30}, "1 question sur 4 non postée"),
        ({"q1": 5, "q2": 17, "q3": 30, "q4": 42}, "Toutes les questions postées (4)"),
    ],
)
async def test_after_the_end_the_top_panel_says_what_became_of_the_questions(
    tmp_path: Path, fake_clipboard: FakeClipboard, posted: dict[str, float], meta: str
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(70)), fake_clipboard)
    for cue_id, minute in posted.items():
        app.session.mark(cue_id, "system", at(minute))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert text_of(app, "#next-title") == "TCHAT TERMINÉ"
        assert text_of(app, "#next-meta") == meta
        assert text_of(app, "#next-text") == "R affiche le bilan prévu / réel"
        assert "PROCHAINE QUESTION" not in "\n".join(screen_lines(app))


async def test_after_the_last_post_the_panel_says_over_in_english(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path, "chat-en"), FrozenClock(at(70)), fake_clipboard)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert text_of(app, "#next-title") == "CHAT OVER"
        assert text_of(app, "#next-meta").endswith("not posted")
        assert text_of(app, "#next-text") == "R shows planned versus actual"


# --- days, after the chat as before it ------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "minute", "caption", "digits"),
    [
        ("chat-fr", 60 + 4 * 1440 + 120 + 3 / 60, "Terminé depuis 4\u00a0j +", "02:00:03"),
        ("chat-en", 60 + 1440, "Since the end 1 d +", "00:00"),
        ("chat-en", 60 + 1439, "Since the end", "23:59:00"),
        ("chat-en", -2 * 1440 - 30, "Starts in 2 d +", "30:00"),
    ],
)
async def test_a_span_of_days_shows_its_days(
    tmp_path: Path, fake_clipboard: FakeClipboard, plan: str, minute: float, caption: str,
    digits: str,
) -> None:
    app = make_app(copy_plan(tmp_path, plan), FrozenClock(at(minute)), fake_clipboard)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert text_of(app, "#countdown-caption") == caption
        assert text_of(app, "#countdown-digits") == digits
        top = "\n".join(screen_lines(app)[:8])
        assert caption in top  # whole, not cut by the narrow countdown


# --- the header -------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (50, 15)])
async def test_a_narrow_header_cuts_the_title_never_the_tag(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int]
) -> None:
    """The tag is what the moderator types in every post: whole at every size, with the
    clock; the title is what gives way."""
    app = make_app(copy_plan(tmp_path, "demo-fr"), FrozenClock(at(-1)), fake_clipboard,
                   mode="rehearsal", log_path=tmp_path / "run.jsonl")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        header = screen_lines(app)[0]
        assert "#PasAvant18Ans" in header and "17:59:00" in header, header
        title = "Mariage des enfants : en parler pour y mettre fin"
        assert (title in header) == (size[0] >= 120), header
        if size[0] < 120:
            assert "Mari" in header and "…" in header, header


# --- the rehearsal's notice, and a split pane -----------------------------------------


async def test_the_rehearsal_notice_is_brief_and_short(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    app = rehearsal_app(copy_plan(tmp_path), fake_monotonic, fake_clipboard, minute=-1)
    said = notices(app)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        # The test plan's Q3 is over the limit: that is said first, then the rehearsal.
        [refused, (message, timeout)] = said
        assert refused[0].startswith("Un texte serait refusé")
        assert message.startswith("Répétition\u00a0: rien n'est publié")
        assert timeout is not None and timeout <= 6
        assert "p pause" not in message  # the clock keys are in the footer
        assert "p Pause" in footer_line(app)
        # 24 lines show the newest notice, the refused draft's counted on it.
        [toast] = toasts(app)
        assert toast.has_class("-information") and toast.more == "+1 avis"
        sheet(app).notice_bar_withdraw(sheet(app).notices.shown()[0])  # "refused" goes
        await until(pilot, lambda: [t.more for t in toasts(app)] == [""])
        [toast] = toasts(app)
        assert toast.region.height <= 2  # no blank lines around a one-line notice


async def test_a_split_pane_keeps_the_countdown_and_help_and_quit(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    app = rehearsal_app(copy_plan(tmp_path), fake_monotonic, fake_clipboard, minute=-1)
    said = notices(app)
    async with app.run_test(size=(40, 12), notifications=True) as pilot:
        await pilot.pause()
        assert said == []  # no notice over a countdown this small; the banner says it
        lines = screen_lines(app)
        assert "Début dans" in "\n".join(lines[:3])
        digits = app.screen.query_one("#countdown-digits").region
        assert digits.height == 3 and digits.right <= 40 and digits.bottom < 11
        assert "? Aide" in lines[-1] and "^q Quitter" in lines[-1]
        assert "17:59:00" in lines[0]  # the clock, whole, in the header
        for key in ("c", "down", "question_mark", "escape", "r", "escape", "plus"):
            await pilot.press(key)
        await copies_done(app, pilot)
        assert app.session.state.posted


async def test_the_checklist_cursor_follows_the_phase_to_what_is_left_to_do(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = copy_plan(tmp_path)
    text = plan.read_text()
    during = '[[checklist]]\nphase = "during"\ntext = "Relayer'
    assert during in text
    # A "during" item already done, before the one left to do.
    plan.write_text(text.replace(
        during, '[[checklist]]\nphase = "during"\ntext = "Accueillir"\ndone = true\n\n' + during
    ))
    clock = FrozenClock(at(-60))
    app = make_app(plan, clock, fake_clipboard)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        checklist = app.screen.query_one(Checklist)
        item = app.session.plan.checklist

        def highlighted() -> str:
            index = checklist.selected_index
            return "" if index is None else item[index].text

        assert highlighted() == "Confirmer les invités"
        clock.set(at(1))  # the chat starts: "during" comes first
        sheet(app).refresh_now()
        # Not the done item (space would untick it): the one left to do. (Waited for:
        # once in a loaded full run the cursor had not moved yet after one pause.)
        await until(pilot, lambda: highlighted() == "Relayer les réponses des invités")
        assert highlighted() == "Relayer les réponses des invités", app.focused
        pane = checklist.region
        first_line = screen_lines(app)[pane.y + 1][pane.x:pane.right]
        assert "PENDANT" in first_line  # the phase's heading stays in view
        # Working in the checklist, the moderator keeps their place when the phase moves.
        checklist.focus()
        checklist.highlighted = checklist.get_option_index("item-3")  # "after"
        clock.set(at(61))
        sheet(app).refresh_now()
        await pilot.pause()
        assert highlighted() == "Écrire le résumé du tchat"


async def test_a_tall_terminal_shares_the_room_with_the_checklist(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(demo_copy("fr", tmp_path), FrozenClock(at(10)), fake_clipboard)
    async with app.run_test(size=(120, 70)) as pilot:
        await pilot.pause()
        checklist = app.screen.query_one(Checklist).region
        draft = app.screen.query_one("#draft").region
        # The demo's checklist is long: it gets about half the column, not 12 rows.
        assert checklist.height > 20
        assert abs(checklist.height - draft.height) <= 2


def selected_row_visible(app: App[None]) -> bool:
    cues = app.screen.query_one(CueList)
    if cues.highlighted is None:
        return True
    top = cues.scroll_offset.y
    return top <= cues.highlighted < top + cues.scrollable_content_region.height


async def test_at_50x15_the_selected_cue_is_always_in_view(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    from tests.ui.test_rehearsal import step

    app = rehearsal_app(demo_copy("en", tmp_path), fake_monotonic, fake_clipboard, speed=60)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        cues = app.screen.query_one(CueList)
        assert cues.scrollable_content_region.height >= 2
        assert selected_row_visible(app)
        for _ in range(40):
            step(app, fake_monotonic, 1.5)
            await pilot.pause()
            assert selected_row_visible(app), (cues.highlighted, cues.scroll_offset)
            if app.screen is sheet(app) and cues.selected_id in [
                c.id for c in app.run_sheet.view.hour.due  # type: ignore[union-attr]
            ]:
                await pilot.press("c")
                await copies_done(app, pilot)
                await pilot.pause()
                assert selected_row_visible(app), (cues.highlighted, cues.scroll_offset)


@pytest.mark.parametrize("size", [(120, 36), (50, 15)])
async def test_one_mark_on_screen_and_it_is_on_what_c_copies(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int]
) -> None:
    """`▶` was the next cue while the selection (what `c` copies) was only a background:
    on a projector two rows looked like "here". Now `▶` is the selection, wherever it
    goes, and the next cue says so in words."""
    app = make_app(copy_plan(tmp_path), FrozenClock(at(-1)), fake_clipboard)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        cues = app.screen.query_one(CueList)
        view = app.run_sheet.view
        assert view is not None

        def marked() -> list[str]:
            region = cues.content_region
            return [line[region.x:region.right] for line in
                    screen_lines(app)[region.y:region.bottom] if "▶" in line]

        # At first the selection is the next cue: one row, marked and "next".
        assert cues.selected_id == view.next_id == "welcome@0"
        [line] = marked()
        assert "Accueil" in line and "→ prochain" in line, line
        await pilot.press("up")
        await pilot.pause()
        selected = view.row(cues.selected_id)
        assert selected is not None and selected.row.id != "welcome@0"
        [line] = marked()
        assert selected.label in line and "→" not in line, line
        next_line = [line for line in screen_lines(app) if "→ prochain" in line]
        assert len(next_line) == 1 and "▶" not in next_line[0], next_line
        await pilot.press("c")
        await copies_done(app, pilot)
        assert fake_clipboard.text == selected.row.draft.text


async def test_at_50x15_the_report_shows_its_rows(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    from tui.screens.reference import ReportDialog

    app = make_app(copy_plan(tmp_path), FrozenClock(at(30)), fake_clipboard)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, ReportDialog)
        table = app.screen.query_one("#report-scroll")
        # The header, its rule and at least three cues.
        assert table.region.height >= 5, table.region


@pytest.mark.parametrize("size", [(50, 15), (50, 36)])
async def test_at_50_columns_the_report_shows_every_column_whole(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int]
) -> None:
    from textual.geometry import Region

    from tui.core.run.asrun import AsRunLog, Event, log_path_for
    from tui.screens.reference import ReportDialog

    # Seen in a 50x15 pane: the delta column cut to "+2:…", the one figure that matters
    # (English names its cues with the longest words: "Heads-up Q1").
    plan = copy_plan(tmp_path, "chat-en")
    log = AsRunLog(log_path_for(plan))
    for cue_id, minute in (("welcome@0", 2.1), ("rules@2", 12.75), ("hu1", 13)):
        log.append(Event("mark", clock=at(minute), wall=at(minute), cue=cue_id, via="system"))
    app = make_app(plan, FrozenClock(at(30)), fake_clipboard)
    async with app.run_test(size=size) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, ReportDialog)
        table = app.screen.query_one("#report-table")
        width, height = table.size
        lines = ["".join(segment.text for segment in strip)
                 for strip in table.render_lines(Region(0, 0, width, height))]
        assert any("+2:06" in line for line in lines), lines
        assert any("+10:45" in line for line in lines), lines
        assert not any("…" in line for line in lines), lines


# --- the checklist and the focus during the hour -----------------------------------------


async def test_escape_leaves_the_checklist_and_the_focus_is_obvious(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=(120, 36)) as pilot:
        cues = app.screen.query_one(CueList)
        checklist = app.screen.query_one(Checklist)
        assert cues.has_focus and cues.styles.border_top[0] == "heavy"
        await pilot.press("space")
        await pilot.pause()
        assert checklist.has_focus
        assert checklist.styles.border_top[0] == "heavy"
        assert cues.styles.border_top[0] == "round"
        await pilot.press("escape")
        await pilot.pause()
        assert cues.has_focus


async def test_the_tick_hint_goes_once_the_item_is_ticked(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    # Seen in a terminal: "Space again to tick: …" stayed up after the second space
    # had ticked the item, asking for a press already made.
    app = make_app(copy_plan(tmp_path), FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.press("space")
        await pilot.pause()
        assert any("Espace encore" in toast_text(t) for t in toasts(app))
        await pilot.press("space")
        await pilot.pause()
        await pilot.pause()
        assert app.session.state.ticks
        assert not any("Espace encore" in toast_text(t) for t in toasts(app))
        await pilot.press("escape", "space")  # the hint again, then escape: it goes too
        await pilot.pause()
        assert any("Espace encore" in toast_text(t) for t in toasts(app))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert not any("Espace encore" in toast_text(t) for t in toasts(app))


async def test_before_items_are_not_overdue_during_the_hour(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        prompts = {o.id: str(o.prompt) for o in app.screen.query_one(Checklist).options}
        assert "Confirmer les invités" in prompts["item-0"]  # due 2 days before, not done
        assert "en retard" not in prompts["item-0"]
        assert "en retard" in prompts["item-2"]  # the hour's own item, due at minute 30


async def test_all_hour_reminders_have_no_box_and_never_tick(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    plan = demo_copy("en", tmp_path)
    app = make_app(plan, FrozenClock(at(40)), fake_clipboard)
    async with app.run_test(size=(120, 36)) as pilot:
        await ids_written(app, pilot)
        checklist = app.screen.query_one(Checklist)
        items = app.session.plan.checklist
        index = next(i for i, item in enumerate(items) if item.text.startswith("Repost"))
        prompt = str(checklist.get_option(f"item-{index}").prompt)
        assert prompt.startswith("↻ ") and "☐" not in prompt and "overdue" not in prompt
        checklist.focus()
        checklist.highlighted = checklist.get_option_index(f"item-{index}")
        before = plan.read_text()
        await pilot.press("space")
        await pilot.pause()
        assert plan.read_text() == before
        assert index not in app.session.state.ticks


# --- notices ------------------------------------------------------------------------------


def toasts(app: App[None]) -> list[Any]:
    """The notices on screen: the run-sheet's own and a dialog's (Textual's toasts)."""
    from tui.widgets.notices import NoticeCard

    shown = [card for card in app.screen.query(NoticeCard)
             if card.display and card.parent is not None and card.parent.display]
    return [*shown, *app.screen.query("Toast")]


def toast_text(toast: Any) -> str:
    return str(toast.render())


async def test_one_copy_notice_at_a_time_never_over_the_draft(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(2.5)), fake_clipboard)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        pasted = paste_time(app)
        for _ in range(2):  # the welcome and the rules, both overdue
            await pilot.press("c")
            await copies_done(app, pilot)
            pasted()
        await pilot.pause()
        shown_now = [toast_text(t) for t in toasts(app)]
        assert len([t for t in shown_now if "Copié" in t]) == 1, shown_now
        draft = app.screen.query_one("#draft").region
        for toast in toasts(app):
            assert not toast.region.overlaps(draft), (toast.region, draft)


async def test_at_80_columns_notices_keep_off_the_cue_list(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    # Seen at 80x24: half the width, a notice lay over the cue list's counts.
    app = make_app(copy_plan(tmp_path), FrozenClock(at(2.5)), fake_clipboard)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c")
        await copies_done(app, pilot)
        await until(pilot, lambda: any("Copié" in toast_text(t) for t in toasts(app)))
        cues = app.screen.query_one("#cues").region
        draft = app.screen.query_one("#draft").region
        shown_now = toasts(app)
        assert any("Copié" in toast_text(t) for t in shown_now)
        for toast in shown_now:
            assert not toast.region.overlaps(cues), (toast.region, cues)
            assert not toast.region.overlaps(draft), (toast.region, draft)


async def test_two_notices_of_a_kind_in_one_go_show_only_the_last(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    # Seen at 50x15: two copies handled in one turn of the loop left both notices up
    # (the first was not on screen yet when the second came to replace it).
    app = make_app(copy_plan(tmp_path), FrozenClock(at(2.5)), fake_clipboard)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        sheet(app).notify("Copié : Accueil", kind="copy")
        sheet(app).notify("Copié : Règles", kind="copy")
        await pilot.pause()
        await pilot.pause()
        shown_now = [toast_text(t) for t in toasts(app)]
        assert [t for t in shown_now if "Copié" in t] == ["Copié : Règles"], shown_now


async def test_a_stale_plan_notice_goes_and_nothing_is_said_reloaded(
    tmp_path: Path, fake_clipboard: FakeClipboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test has the heartbeat look at the plan itself, at the moments it chooses.
    monkeypatch.setattr("tui.widgets.heartbeat.BEAT_SECONDS", 3600.0)

    plan = copy_plan(tmp_path)
    good = plan.read_text()
    app = make_app(plan, FrozenClock(at(31)), fake_clipboard)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        said = notices(app)
        plan.write_text(good.replace('title = "Tchat', 'title = 3 #'))
        await watcher_polled(app, pilot)
        assert any("ne se charge pas" in toast_text(t) for t in toasts(app))
        plan.write_text(good)  # put back as it was
        await watcher_polled(app, pilot)
        assert not any("ne se charge pas" in toast_text(t) for t in toasts(app))
        assert not any("rechargé" in message for message, _ in said)
        # A tick while the file on disk does not load: nothing written, nothing
        # "reloaded".
        plan.write_text(good.replace('title = "Tchat', 'title = 4 #'))
        await pilot.press("space", "space")
        await pilot.pause()
        assert said[-1][0].startswith("Le plan a changé sur le disque et ne se charge pas")
        assert not any("rechargé" in message for message, _ in said)


async def test_opened_before_the_start_the_first_screen_gives_the_pre_flight(
    tmp_path: Path, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(-26)), fake_clipboard)
    said = notices(app)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        [preflight] = [m for m, _ in said if m.startswith("Avant le départ")]
        lines = preflight.splitlines()
        assert lines[0] == "Avant le départ (dans 26\u00a0min)\u00a0:"
        # The test plan's one-day promotion is past and not marked posted.
        assert any(line.startswith("annonces dont l'heure est passée") and "−1\u00a0j" in line
                   for line in lines)
        assert lines[-1].startswith("À faire d'abord\u00a0: publier l'annonce −1\u00a0j")


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_the_pre_flight_takes_the_checklists_place_never_the_drafts(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int]
) -> None:
    """Seen three minutes before a start: the pre-flight's dozen lines, a notice in the
    corner, grew over the whole draft (and at 80x24 over the header's clock)."""
    app = make_app(copy_plan(tmp_path), FrozenClock(at(-3)), fake_clipboard)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        side = screen.query_one("#side-notice")
        draft, checklist = screen.query_one("#draft"), screen.query_one("#checklist")
        assert side.display and not checklist.display
        assert side.border_title == "Avant le départ (dans 3\u00a0min)"
        lines = [line[side.region.x + 1:side.region.right - 1].strip(" ▄▂▆█")
                 for line in screen_lines(app)[side.region.y + 1:side.region.bottom - 1]]
        assert "annonces dont l'heure est passée" in " ".join(" ".join(lines).split()), lines
        assert not side.region.overlaps(draft.region)
        assert side.region.y > screen.query_one("#header").region.bottom
        # Nothing of it in the corner, over the draft or the clock.
        assert not [t for t in toasts(app) if "Avant le départ" in toast_text(t)]
        for toast in toasts(app):
            assert not toast.region.overlaps(draft.region)
        # The checklist's key gives the checklist its place back, at once.
        await pilot.press("space")
        await pilot.pause()
        assert checklist.display and not side.display
        assert checklist.has_focus


async def test_no_pre_flight_in_a_rehearsal_or_once_started(
    tmp_path: Path, fake_monotonic: FakeMonotonic, fake_clipboard: FakeClipboard
) -> None:
    app = make_app(copy_plan(tmp_path), FrozenClock(at(5)), fake_clipboard)
    said = notices(app)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        assert not any(m.startswith("Avant le départ") for m, _ in said)
    rehearsal = rehearsal_app(copy_plan(tmp_path), fake_monotonic, fake_clipboard,
                              minute=-26)
    said = notices(rehearsal)
    async with rehearsal.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        assert not any(m.startswith("Avant le départ") for m, _ in said)


@pytest.mark.parametrize("size", [(50, 15), (80, 24)])
async def test_the_text_to_copy_by_hand_is_laid_out_once_at_its_size(
    tmp_path: Path, fake_clipboard: FakeClipboard, size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A dialog is drawn at the terminal's size from its first frame: laid out first
    for a large terminal, then again at 50x15, it left cells of the first frame on the
    terminal ("for our guests / guests @Safe…", a word shown twice)."""
    from textual.widgets import TextArea

    from tui.screens.dialogs import ManualCopyDialog

    widths: list[int] = []
    wrap = TextArea._rewrap_and_refresh_virtual_size

    def noted(area: TextArea) -> None:
        if area.id == "manual-text":
            widths.append(area.wrap_width)
        wrap(area)

    monkeypatch.setattr(TextArea, "_rewrap_and_refresh_virtual_size", noted)
    app = make_app(copy_plan(tmp_path), FrozenClock(at(4.5)), fake_clipboard)
    async with app.run_test(size=size) as pilot:
        await pilot.press("v")
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, ManualCopyDialog) and widths:
                break
        await pilot.pause()
        assert widths and len(set(w for w in widths if w)) == 1, widths
