"""The run desk's rules, one test each, without a screen: who may write, what is
already done, what is ahead of time, the plan file, the log, and nothing to do."""

from __future__ import annotations

import json
import os
import shutil
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPlatform, FeedPost
from tui.core.plan.planfile import load_plan
from tui.core.run.asrun import AsRunLog, Event, log_path_for, read_events
from tui.core.run.desk import RunDesk
from tui.core.run.outcomes import (
    Confirm,
    Copy,
    CopyByHand,
    Done,
    EditForm,
    HighlightForm,
    NothingToDo,
    OpenLink,
    Quit,
    QuitWaiting,
    Refused,
    ReplyForm,
    ReportForm,
)
from tui.core.run.planlock import lock_path_for
from tui.core.run.plansource import look_at
from tui.core.run.session import Mode, Session
from tui.core.timing.clock import FrozenClock, SimulatedClock

PLANS = Path(__file__).resolve().parents[1] / "ui" / "plans"
START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 18:00 in Paris


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def plan_in(tmp_path: Path, name: str = "chat-en", *, folder: str = "") -> Path:
    """A copy of a test plan, in a folder of its own when `folder` names one."""
    (tmp_path / folder).mkdir(exist_ok=True)
    plan = tmp_path / folder / f"{name}.toml"
    shutil.copy(PLANS / f"{name}.toml", plan)
    return plan


def desk_at(plan: Path, minute: float, *, mode: Mode = "live",
            marks: dict[str, float] | None = None) -> RunDesk:
    log = log_path_for(plan) if mode == "live" else plan.with_name("rehearsal.jsonl")
    for cue, when in (marks or {}).items():
        AsRunLog(log).append(Event("mark", clock=at(when), wall=at(when), cue=cue, via="system"))
    clock = FrozenClock(at(minute))
    return RunDesk(Session(plan, clock=clock, log_path=log, mode=mode))


def pasted(desk: RunDesk) -> None:
    """Let the moderator's real time pass after a copy: time to paste it, so the next
    `c` is no bounce (`tui.core.run.copyguard`)."""
    from tui.core.run.copyguard import BOUNCE_SECONDS

    now = desk.guard.monotonic() + BOUNCE_SECONDS
    desk.guard.monotonic = lambda: now


def clock_of(desk: RunDesk) -> FrozenClock:
    clock = desk.session.clock
    assert isinstance(clock, FrozenClock)
    return clock


def texts(outcome: object) -> list[str]:
    if isinstance(outcome, Done | Copy):
        return [n.text for n in outcome.notices]
    assert isinstance(outcome, Refused | NothingToDo), outcome
    return [outcome.notice.text]


def follower(plan: Path, minute: float) -> RunDesk:
    lock_path_for(plan).write_text(json.dumps(
        {"pid": os.getpid(), "host": socket.gethostname(), "started": "2026-12-03T16:00:00"}))
    desk = desk_at(plan, minute)
    desk.take_lock()
    assert desk.session.following is not None
    return desk


# --- who may write ---------------------------------------------------------------------


def test_a_follower_writes_nothing_and_says_why(tmp_path: Path) -> None:
    desk = follower(plan_in(tmp_path), 3)
    for outcome in (desk.skip("welcome@0"), desk.shift(), desk.compress(), desk.undo(),
                    desk.tick(2), desk.edit("q1"), desk.reply(), desk.highlight(None),
                    desk.copy_reply("Thanks #TchatLecture"),
                    desk.reply_to(_post()), desk.highlight_post(_item(), None)):
        assert isinstance(outcome, Refused), outcome
        assert outcome.notice.text.startswith("Plan open elsewhere"), outcome.notice.text
    # A copy still copies, marked by the window that holds the plan, not by this one.
    copy = desk.copy("welcome@0")
    assert isinstance(copy, Copy) and copy.row_id is None
    assert texts(copy)[0].startswith("Plan open elsewhere")
    assert desk.session.events == [] and not log_path_for(desk.plan_path).exists()


def _held_from(plan: Path, host: str, started: str) -> RunDesk:
    lock_path_for(plan).write_text(json.dumps(
        {"pid": 4242, "host": host, "started": started}))
    desk = desk_at(plan, 7.25)
    desk.take_lock()
    assert desk.session.following is not None
    return desk


def test_a_follower_takes_over_after_a_yes_naming_the_holder_and_since_when(
    tmp_path: Path,
) -> None:
    plan = plan_in(tmp_path, "chat-fr")
    desk = _held_from(plan, "studio\x1b]52;c;SGFja2Vk\x07", "2026-12-03T16:55:00+00:00")
    AsRunLog(log_path_for(plan)).append(
        Event("mark", clock=at(1), wall=at(1), cue="welcome@0", via="system"))
    asked = desk.take_over()
    assert isinstance(asked, Confirm) and asked.title == "Prendre la main sur ce plan\u00a0?"
    assert asked.body.startswith(
        "Une autre fenêtre tient ce plan\u00a0: pid 4242 sur studio␛]52;c;SGFja2Vk␇, depuis "
        "17:55 (il y a 12:15).")
    assert "\x1b" not in asked.body and asked.confirm == "Prendre la main"
    assert isinstance(asked.no(), Done) and desk.session.following is not None
    done = asked.yes()
    assert isinstance(done, Done) and texts(done)[0].startswith("Main reprise sur pid 4242")
    # The holder's last mark read first; this window writes now, and the lock is its own.
    assert "welcome@0" in desk.session.state.posted and desk.session.following is None
    assert json.loads(lock_path_for(plan).read_text())["pid"] == os.getpid()
    assert isinstance(desk.skip("rules@2"), Done)
    assert isinstance(desk.take_over(), NothingToDo)


def test_a_take_over_meeting_another_holder_asks_again(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    desk = _held_from(plan, "laptop-a", "not a time")
    asked = desk.take_over()
    assert isinstance(asked, Confirm)
    assert "pid 4242 on laptop-a, since a time not known" in asked.body
    lock_path_for(plan).write_text(json.dumps(  # another window took it meanwhile
        {"pid": 77, "host": "laptop-b", "started": "2026-12-03T17:05:00+00:00"}))
    again = asked.yes()
    assert isinstance(again, Confirm) and "pid 77 on laptop-b, since 18:05 (02:15 ago)" \
        in again.body
    assert desk.session.following is not None
    assert json.loads(lock_path_for(plan).read_text())["pid"] == 77


def test_a_follower_takes_over_once_the_holder_is_gone(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    desk = follower(plan, 3)
    assert desk.poll() is None  # nothing changed: nothing to draw again
    AsRunLog(log_path_for(plan)).append(
        Event("mark", clock=at(1), wall=at(1), cue="welcome@0", via="system"))
    assert isinstance(desk.poll(), Done)  # the other window's mark, read
    assert "welcome@0" in desk.session.state.posted
    lock_path_for(plan).unlink()
    outcome = desk.poll()
    assert isinstance(outcome, Done) and texts(outcome) == [
        "The other window closed: this one now writes the log"]
    assert isinstance(desk.skip("rules@2"), Done)


# --- copying ---------------------------------------------------------------------------


def test_no_cue_selected_is_said(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 3)
    for outcome in (desk.copy(None), desk.skip(None), desk.edit(None),
                    desk.copy_by_hand("nothing")):
        assert texts(outcome) == ["No cue selected"]


def test_a_due_cue_copies_at_once_and_is_marked_once_copied(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 2.5)
    copy = desk.copy("welcome@0")
    assert isinstance(copy, Copy) and copy.row_id == "welcome@0" and copy.at == at(2.5)
    assert desk.session.state.posted == {}  # not before the clipboard took it
    done = desk.copied(copy, "system")
    assert texts(done) == ["Welcome copied (system clipboard) · marked posted at 18:02"]
    assert desk.session.state.posted == {"welcome@0": at(2.5)}
    # Copied again (once it could be pasted: tests/core/test_copy_guard.py): never a
    # second mark.
    pasted(desk)
    again = desk.copy("welcome@0")
    assert isinstance(again, Copy) and again.row_id is None


def test_a_cue_ahead_of_time_asks_first(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), -5)
    asked = desk.copy("welcome@0")
    assert isinstance(asked, Confirm)
    assert asked.confirm == "Copy and mark" and "05:00 from now" in asked.body
    no = asked.no()
    assert isinstance(no, Done) and no.notices[0].kind == "copy"
    assert texts(no) == ["Nothing copied: Welcome is not due yet"]
    clock_of(desk).set(at(-4))
    yes = asked.yes()
    assert isinstance(yes, Copy) and yes.row_id == "welcome@0" and yes.at == at(-4)


def test_what_a_copy_says_by_the_way_it_went(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 2.5)
    copy = desk.copy("welcome@0")
    assert isinstance(copy, Copy)
    osc = desk.copied(copy, "osc52", timed_out_after=2.0)
    [notice] = osc.notices
    assert notice.severity == "warning" and notice.text.startswith(
        "The system clipboard did not answer within 2 s")
    assert "OSC 52" in notice.text
    pasted(desk)
    manual = desk.copied(desk.copy("rules@2"), "manual")  # type: ignore[arg-type]
    assert texts(manual)[0].startswith("Could not copy: copy the text by hand")
    reply = desk.copy_reply("Thanks! #TchatLecture")
    assert isinstance(reply, Copy) and reply.reply and reply.row_id is None
    assert texts(desk.copied(reply, "system")) == ["Reply copied (system)"]
    assert [e.kind for e in desk.session.events] == ["mark", "mark", "reply"]


def test_a_row_gone_with_a_reload_is_not_marked(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, 2.5)
    copy = desk.copy("welcome@0")
    assert isinstance(copy, Copy)
    plan.write_text(plan.read_text().replace('kind = "welcome"', 'kind = "custom"'))
    assert isinstance(desk.poll(look_at(plan, desk.session.loaded)), Done)  # reloaded
    desk.copied(copy, "system")
    assert desk.session.state.posted == {}


# --- marks -----------------------------------------------------------------------------


def test_skip_once_and_never_what_is_done(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 3, marks={"welcome@0": 0.5})
    assert texts(desk.skip("rules@2")) == ["Rules skipped"]
    refused = desk.skip("welcome@0")
    assert isinstance(refused, Refused) and texts(refused) == ["Welcome is already posted"]


def test_s_again_within_a_second_on_another_cue_is_held(tmp_path: Path) -> None:
    """A key pressed twice or held: the skips after the first, each within a second of
    the one before, are held and said; a second of quiet, and `s` skips again."""
    desk = desk_at(plan_in(tmp_path), 3)
    now = [100.0]
    desk.guard.monotonic = lambda: now[0]  # type: ignore[method-assign]
    assert texts(desk.skip("welcome@0")) == ["Welcome skipped"]
    for step in (0.3, 0.3, 0.3):  # a held key's repeats, 1.2 s after the first skip
        now[0] += step
        held = desk.skip("rules@2")
        assert isinstance(held, Refused) and texts(held)[0].startswith("Rules not skipped")
    now[0] += 1.0
    assert texts(desk.skip("rules@2")) == ["Rules skipped"]
    assert texts(desk.skip("welcome@0")) == ["Welcome is already skipped"]


def test_shift_and_undo(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 3, marks={"welcome@0": 0.5, "rules@2": 2})
    nothing = desk.shift()  # the heads-up at 18:03 is due this very second
    assert isinstance(nothing, NothingToDo) and texts(nothing) == ["Nothing is running late"]
    clock_of(desk).set(at(7))
    assert texts(desk.shift()) == ["Every remaining cue moved by +2:00"]
    undone = desk.undo()
    assert isinstance(undone, Done) and texts(undone) == ["Undone: shift of +2:00"]
    undone = desk.undo()
    assert isinstance(undone, Done) and undone.select == "rules@2"
    desk.undo()
    assert isinstance(desk.undo(), NothingToDo)


def test_compress_asks_then_keeps_the_end(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 50,
                   marks={"welcome@0": 0, "rules@2": 2, "q1": 6})
    asked = desk.compress()
    assert isinstance(asked, Confirm) and "Q2 18:50" in asked.body
    assert desk.session.state.shifts == []  # nothing before the yes
    done = asked.yes()
    assert isinstance(done, Done) and "q4" in desk.session.state.skipped
    assert desk.view().header.end == at(60)
    after = desk_at(plan_in(tmp_path, folder="later"), 70)
    assert isinstance(after.compress(), NothingToDo)


# --- the checklist ---------------------------------------------------------------------


def test_ticks_in_a_rehearsal_leave_the_plan_alone(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    before = plan.read_bytes()
    desk = desk_at(plan, 31, mode="rehearsal")
    hint = desk.tick_hint(2)
    assert hint.notices[0].kind == "tick" and "Relayer" in texts(hint)[0]
    assert isinstance(desk.tick(2), Done)
    assert desk.session.state.ticks == {2: True} and plan.read_bytes() == before
    assert isinstance(desk.tick(None), Refused)


def test_a_tick_met_by_an_edit_elsewhere_is_logged_and_reaches_the_plan_later(
    tmp_path: Path,
) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, 31)
    edited = plan.read_text().replace("Relayer les réponses", "Relayer les meilleures réponses")
    plan.write_text(edited)
    waited = desk.tick(2)
    # Ticked all the same: in the log and on screen; the plan's copy waits, said once.
    assert isinstance(waited, Done) and [n.kind for n in waited.notices] == ["ticks"]
    assert texts(waited) == ["The plan changed on disk (reloaded): the tick is in the log; "
                             "it goes into the plan once the file holds still"]
    assert [(e.kind, e.item, e.done) for e in read_events(log_path_for(plan))] == [
        ("tick", 2, True)]
    assert desk.session.state.ticks == {2: True} and plan.read_text() == edited
    assert desk.session.plan.checklist[2].text == "Relayer les meilleures réponses des invités"
    # The next presses meet another save: ticked, and nothing more said.
    plan.write_text(edited.replace("Écrire le résumé", "Rédiger le résumé"))
    assert desk.tick(3) == Done()
    assert desk.session.state.ticks == {2: True, 3: True} and desk.session.ticks_owed == 2
    # The editor stops: the next look writes both into the plan, the edits kept.
    caught_up = desk.poll(look_at(plan, desk.session.loaded))
    assert caught_up is not None and caught_up.withdraw == ("ticks",)
    on_disk = load_plan(plan)
    assert [item.done for item in on_disk.checklist] == [False, True, True, True]
    assert on_disk.checklist[3].text.startswith("Rédiger") and desk.session.ticks_owed == 0
    assert len(read_events(log_path_for(plan))) == 2


def test_a_tick_waits_while_the_plan_does_not_load_and_follows_it_back(
    tmp_path: Path,
) -> None:
    plan = plan_in(tmp_path)
    good = plan.read_text()
    desk = desk_at(plan, 31)
    plan.write_text("[chat]\ntitle = ")
    waited = desk.tick(2)
    assert texts(waited) == ["The plan changed on disk and does not load: the tick is in the "
                             "log; it goes into the plan once it loads"]
    assert desk.session.state.ticks == {2: True}
    assert desk.poll(look_at(plan, desk.session.loaded)) is None  # still broken: quiet
    assert plan.read_text() == "[chat]\ntitle = "
    plan.write_text(good)  # put back
    back = desk.poll(look_at(plan, desk.session.loaded))
    assert back is not None and "ticks" in back.withdraw
    assert load_plan(plan).checklist[2].done is True


def test_a_tick_owed_to_an_item_removed_meanwhile_is_dropped(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, 31)
    text = plan.read_text()
    plan.write_text(text + "\n# saved by an editor\n")
    desk.tick(3)  # owed to the last item
    # The editor removes that item before the plan's copy is written.
    last = text.index("[[checklist]]", text.index("Relayer les réponses"))
    plan.write_text(text[:last])
    assert desk.poll(look_at(plan, desk.session.loaded)) is not None
    assert desk.session.ticks_owed == 0 and len(load_plan(plan).checklist) == 3


def test_an_all_hour_reminder_is_never_ticked(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    plan.write_text(plan.read_text() + '\n[[checklist]]\nphase = "during"\ntext = "Answer"\n')
    desk = desk_at(plan, 31)
    refused = desk.tick(4)
    assert isinstance(refused, Refused) and "Answer" in texts(refused)[0]


# --- forms -----------------------------------------------------------------------------


def test_a_derived_heads_up_is_not_edited_and_a_template_is(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 0)
    refused = desk.edit("hu1")
    assert isinstance(refused, Refused) and "[chat] heads_up" in texts(refused)[0]
    form = desk.edit("q4")
    assert isinstance(form, EditForm)
    saved = desk.save_template(form.row, "A book for a teen, {tag}?")
    assert texts(saved) == ["Q4 saved in the plan"]
    row = desk.session.row("q4")
    assert row is not None and row.draft.text.startswith("Q4 A book for a teen")
    assert isinstance(desk.reply(), ReplyForm)
    assert isinstance(desk.copy_by_hand("q4"), CopyByHand)
    assert isinstance(desk.report(), ReportForm)


def test_the_editor_holds_a_template_as_it_is_copied(tmp_path: Path) -> None:
    # A template with ESC and BEL: the copy drops them, so the editor leaves them out
    # (counted, they made the editor say two more than the copy holds) and names them.
    desk = desk_at(plan_in(tmp_path, "hostile"), 3)
    form = desk.edit("q1")
    assert isinstance(form, EditForm)
    assert "\x1b" in form.row.cue.template
    assert form.template == "[link=https://evil.example]click[/link] [/] [red]x ]52;c;aGk= done"
    assert form.left_out == ("ESC", "BEL")
    plain = desk.edit("welcome@0")
    assert isinstance(plain, EditForm)
    assert plain.template == plain.row.cue.template and plain.left_out == ()


def test_a_highlight_goes_under_the_question_asked_last(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 20, marks={"q1": 5, "q2": 17})
    form = desk.highlight("q3")  # the selection follows the next question, not asked yet
    assert form == HighlightForm("Q2", "q2")
    assert desk.highlight("q1") == HighlightForm("Q1", "q1")  # a posted question chosen
    assert texts(desk.keep_highlight(form, "https://x.com/a/1")) == [
        "Highlight saved under Q2"]
    loose = desk_at(plan_in(tmp_path, folder="loose"), 1)
    assert loose.highlight(None) == HighlightForm(None, None)


def test_asked_last_breaks_a_tie_by_the_plan_order(tmp_path: Path) -> None:
    # Q2 and Q1 marked in the same second (a catch-up): the later in the plan is last.
    desk = desk_at(plan_in(tmp_path), 20, marks={"q2": 17, "q1": 17})
    assert desk.highlight(None) == HighlightForm("Q2", "q2")


def test_posts_from_the_conversation(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 20)
    assert texts(desk.reply_to(None)) == ["No post selected"]
    ann = _post("ann@social.example", "mastodon")
    # The plan names no Mastodon server to post from: the author keeps theirs.
    assert desk.reply_to(Attributed(ann, "answer", 1)) == ReplyForm(
        "@ann@social.example", network="mastodon", to=ann)
    opened = desk.open_post(_post())
    assert isinstance(opened, OpenLink) and opened.url.startswith("https://")
    hostile = _post(url="https://evil.example/\x1b]52;c;x\x07")
    assert texts(desk.open_post(hostile)) == ["This post has no https link to open"]
    assert texts(desk.highlight_post(_item(), None))[0].startswith("Post by @zoe")


# --- the heartbeat: the plan file and the log ----------------------------------------


def test_a_plan_that_does_not_load_is_said_once_and_its_return_withdraws_it(
    tmp_path: Path,
) -> None:
    plan = plan_in(tmp_path)
    good = plan.read_text()
    desk = desk_at(plan, 31)
    assert desk.poll(look_at(plan, desk.session.loaded)) is None  # nothing changed
    plan.write_text(good.replace('title = "Teen', 'title = 3 #'))
    failed = desk.poll(look_at(plan, desk.session.loaded))
    assert failed is not None and failed.notices[0].severity == "error"
    assert texts(failed)[0].startswith("The changed plan does not load")
    assert desk.poll(look_at(plan, desk.session.loaded)) is None  # said once
    plan.write_text(good)  # put back as it was
    back = desk.poll(look_at(plan, desk.session.loaded))
    assert back is not None and back.withdraw == ("plan",) and back.notices == ()
    plan.write_text(good.replace("Teen Reading", "Young Reading"))
    reloaded = desk.poll(look_at(plan, desk.session.loaded))
    assert reloaded is not None and texts(reloaded)[0].startswith("The plan changed on disk")
    assert desk.session.plan.chat.title == "Young Reading Chat"


def test_a_look_made_before_a_write_changes_nothing(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, 31)
    stale = look_at(plan, desk.session.loaded)
    plan.write_text(plan.read_text().replace("Teen Reading", "Young Reading"))
    desk.session.source.reload()  # as the tick's write would, meanwhile
    assert desk.poll(stale) is None


def test_the_plan_gone_and_back(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    plan = plan_in(folder)
    desk = desk_at(plan, 31)
    text = plan.read_text()
    plan.unlink()
    desk.poll(look_at(plan, desk.session.loaded))
    gone = desk.view().banners.plan_gone
    assert gone is not None and str(plan) in gone
    plan.write_text(text)
    desk.poll(look_at(plan, desk.session.loaded))
    assert desk.view().banners.plan_gone is None


def test_what_the_log_cannot_take_waits_and_goes_once_it_can(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, 3)
    log = desk.session.log

    def full(event: Event) -> None:
        raise OSError(28, "No space left on device", str(log.path))

    monkeypatch.setattr(log, "append", full)
    assert isinstance(desk.skip("welcome@0"), Done)  # kept in memory, on screen
    banner = desk.view().banners.cannot_write
    assert banner is not None and "No space left on device" in banner
    assert "welcome@0" in desk.session.state.skipped
    monkeypatch.undo()
    written = desk.poll(look_at(plan, desk.session.loaded))
    assert written is not None and texts(written) == ["The log is written again: nothing was lost"]
    assert desk.view().banners.cannot_write is None
    assert [e.kind for e in read_events(log_path_for(plan))] == ["skip"]


# --- quitting --------------------------------------------------------------------------


def test_quitting_asks_first_only_in_the_live_hour(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    during = desk_at(plan, 30).quit()
    assert isinstance(during, Confirm) and during.title == "Quit during the chat?"
    assert "Everything is saved" in during.body and during.yes() == Quit()
    assert desk_at(plan, -30).quit() == Quit()  # before the start
    assert desk_at(plan, 70).quit() == Quit()  # after the end
    assert desk_at(plan, 30, mode="rehearsal").quit() == Quit()


def test_quitting_while_the_log_waits_says_what_and_waits_or_loses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, 3)
    log = desk.session.log

    def full(event: Event) -> None:
        raise OSError(28, "No space left on device", str(log.path))

    monkeypatch.setattr(log, "append", full)
    desk.skip("welcome@0")
    desk.shift()
    for _ in range(7):
        desk.tick(2)
    # Before the start or in a rehearsal alike: never a silent loss.
    choice = desk.quit()
    assert isinstance(choice, QuitWaiting)
    assert choice.title == "Quit? Some actions are not written"
    assert choice.body.startswith(
        "9 actions are only in memory: Welcome skipped, shift of +1:00, a tick, a tick, "
        "a tick, a tick and 3 more. The log cannot be written (")
    assert choice.body.endswith(
        ": No space left on device); retried every 2 s. Quitting now loses them.\n\n"
        "Wait: tchat quits by itself once they are written. Back: the chat goes on.")
    assert choice.anyway() == Quit()
    # Wait: said until it quits; a look that still cannot write does not quit.
    waiting = choice.wait()
    assert isinstance(waiting, Done) and [n.kind for n in waiting.notices] == ["quit"]
    assert texts(waiting) == ["tchat quits once the 9 actions in memory are written "
                              "(retried every 2 s); ctrl+q to choose again"]
    assert not isinstance(desk.poll(look_at(plan, desk.session.loaded)), Quit)
    monkeypatch.undo()
    assert desk.poll(look_at(plan, desk.session.loaded)) == Quit()
    assert len(read_events(log_path_for(plan))) == 9


def test_back_from_a_quit_that_waits_goes_on_with_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, 3, mode="rehearsal")
    log = desk.session.log
    monkeypatch.setattr(log, "append", lambda event: (_ for _ in ()).throw(
        OSError(30, "Read-only file system")))
    desk.skip("welcome@0")
    choice = desk.quit()
    assert isinstance(choice, QuitWaiting) and choice.body.startswith(
        "1 action is only in memory: Welcome skipped. The log cannot be written (")
    choice.wait()
    assert choice.back() == Done(withdraw=("quit",))  # chosen again: back
    monkeypatch.undo()
    written = desk.poll(look_at(plan, desk.session.loaded))
    assert isinstance(written, Done)  # written, and the run goes on
    # And once all is written, ctrl+q quits at once (a rehearsal).
    assert desk.quit() == Quit()


def test_quitting_tries_the_waiting_lines_once_more_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_in(tmp_path)
    desk = desk_at(plan, -30)
    log = desk.session.log
    monkeypatch.setattr(log, "append", lambda event: (_ for _ in ()).throw(
        OSError(28, "No space left on device")))
    desk.skip("welcome@0")
    monkeypatch.undo()  # the disk came back between two heartbeats
    assert desk.quit() == Quit()
    assert [e.kind for e in read_events(log_path_for(plan))] == ["skip"]


# --- the start, the end ----------------------------------------------------------------


def test_the_greeting(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    before = desk_at(plan, -26).greeting(room=True)
    kinds = [n.kind for n in before.notices]
    assert kinds == ["refused", "preflight"]  # Q3 is over the limit; a promotion is late
    # The pre-flight's dozen lines take the checklist's place, for a minute; the refusal
    # is a line for the corner.
    assert [n.long for n in before.notices] == [False, True]
    assert before.notices[1].seconds == 60
    assert desk_at(plan, -0.5).greeting(room=True).notices[1].seconds == 30
    assert desk_at(plan, -26).greeting(room=False).notices == ()
    rehearsal = desk_at(plan, -26, mode="rehearsal").greeting(room=True)
    assert [n.kind for n in rehearsal.notices] == ["refused", "intro"]
    over = desk_at(plan, 70)
    assert [n.kind for n in over.greeting(room=False).notices] == ["run_over"]
    assert over.end_of_run(in_view=True) is None  # said, not popped up


def test_the_report_once_when_the_run_ends_under_the_eyes(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 59)
    assert desk.end_of_run(in_view=True) is None
    clock_of(desk).set(at(61))
    assert isinstance(desk.end_of_run(in_view=True), ReportForm)
    assert desk.end_of_run(in_view=True) is None
    other = desk_at(plan_in(tmp_path, folder="other"), 61)
    ended = other.end_of_run(in_view=False)  # a dialog is open: said, not stacked
    assert isinstance(ended, Done) and ended.notices[0].kind == "run_over"


def test_the_clock_keys_steer_a_rehearsal_only(tmp_path: Path) -> None:
    plan = plan_in(tmp_path)
    live = desk_at(plan, 10)
    assert isinstance(live.steering.pause(), Refused)
    clock = SimulatedClock(at(10), speed=1, monotonic=lambda: 0.0)
    rehearsal = RunDesk(Session(plan, clock=clock, log_path=tmp_path / "r.jsonl",
                                mode="rehearsal"))
    assert texts(rehearsal.steering.speed(faster=True)) == ["Rehearsal at ×2"]
    jumped = rehearsal.steering.jump_next()
    assert texts(jumped) == ["Clock at 18:15: Heads-up Q2"]
    assert clock.now() == at(15)
    assert rehearsal.view().header.speed == 2


# --- the view --------------------------------------------------------------------------


def test_the_view_says_each_row_in_the_lists_vocabulary(tmp_path: Path) -> None:
    desk = desk_at(plan_in(tmp_path), 8, marks={"welcome@0": 0.5})
    view = desk.view()
    statuses = {row.id: row.status for row in view.rows}
    assert statuses["promo@-1440"] == "missed"
    assert statuses["welcome@0"] == "posted" and view.row("welcome@0").posted == "18:00"  # type: ignore[union-attr]
    assert statuses["rules@2"] == "missed"  # folded into the first question, due
    assert statuses["hu1"] == "missed"  # folded into its question
    assert statuses["q1"] == "due" and statuses["q2"] == "upcoming"
    assert view.next_id == "q1" and view.countdown.label == "Q1"
    assert view.next.number == 1 and view.next.when == "planned 18:05"
    assert set(statuses.values()) <= {"upcoming", "due", "late", "posted", "skipped",
                                      "missed"}


def test_one_overdue_rule_for_the_checklist_and_the_pre_flight(tmp_path: Path) -> None:
    from tui.core.run.preflight import preflight

    plan = plan_in(tmp_path)
    desk = desk_at(plan, -2 * 1440 + 0.5)  # "Confirmer les invités" is due at -2 d
    groups = dict(desk.view().checklist)
    assert not groups["before"][0].overdue
    assert not preflight(desk.session.plan, desk.now()).overdue  # its own minute, both
    clock_of(desk).set(at(-2 * 1440 + 1))
    assert dict(desk.view().checklist)["before"][0].overdue
    assert [t.item.text for t in preflight(desk.session.plan, desk.now()).overdue] == [
        "Confirmer les invités"]


def _item(answers: int | None = 1) -> Attributed:
    return Attributed(_post(), "answer" if answers else "other", answers)  # type: ignore[arg-type]


def _post(author: str = "zoe.example", platform: FeedPlatform = "bluesky",
          url: str = "https://bsky.app/profile/zoe.example/post/1") -> FeedPost:
    return FeedPost(platform=platform, id="1", author=author, name="", text="A1 yes",
                    url=url, created_at=at(6))
