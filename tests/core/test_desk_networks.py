"""The run desk on a plan that runs on several networks: the draft pane shows one at a
time, `c` marks the cue there and moves on to the next network that needs it, a cue is
done once out everywhere, a skip can be for one network, and a thread's parts exist on
the networks that have them. One rule per test, without a screen."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.run.asrun import AsRunLog, Event, log_path_for, read_events
from tui.core.run.desk import RunDesk
from tui.core.run.outcomes import Confirm, Copy, CopyByHand, Done, NothingToDo, Refused
from tui.core.run.session import Session
from tui.core.timing.clock import FrozenClock

PLANS = Path(__file__).resolve().parents[1] / "ui" / "plans"
START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 18:00 in Paris


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def desk_at(tmp_path: Path, minute: float, name: str = "chat-networks",
            marks: list[Event] | None = None) -> RunDesk:
    plan = tmp_path / f"{name}.toml"
    shutil.copy(PLANS / f"{name}.toml", plan)
    for event in marks or []:
        AsRunLog(log_path_for(plan)).append(event)
    return RunDesk(Session(plan, clock=FrozenClock(at(minute)), log_path=log_path_for(plan)))


def mark(cue: str, minute: float, network: str | None = None) -> Event:
    return Event("mark", clock=at(minute), wall=at(minute), cue=cue, via="system",
                 network=network)


def copy_and_mark(desk: RunDesk, row_id: str) -> tuple[Copy, Done]:
    """`c` on `row_id`, the clipboard taking it, and the time to paste it (the next `c`
    is no bounce: `tui.core.run.copyguard`)."""
    copy = desk.copy(row_id)
    assert isinstance(copy, Copy), copy
    done = desk.copied(copy, "system")
    pasted(desk)
    return copy, done


def pasted(desk: RunDesk) -> None:
    from tui.core.run.copyguard import BOUNCE_SECONDS

    now = desk.guard.monotonic() + BOUNCE_SECONDS
    desk.guard.monotonic = lambda: now


def texts(outcome: object) -> list[str]:
    if isinstance(outcome, Done | Copy):
        return [n.text for n in outcome.notices]
    assert isinstance(outcome, Refused | NothingToDo), outcome
    return [outcome.notice.text]


# --- the rows ------------------------------------------------------------------------


def test_every_row_has_its_draft_on_each_network_and_a_thread_its_longest_parts(
        tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 1)
    rows = {row.id: row for row in desk.session.rows}
    assert list(rows) == ["welcome", "q1", "q2", "q3", "thanks/1", "thanks/2"]
    assert rows["q2"].networks == ("x", "bluesky", "mastodon")
    assert rows["q2"].draft_on("bluesky").text.startswith("Q2 Where do you read most: paper, "
                                                          "e-reader, phone? Tell us why!")
    assert "@camille.bsky.social" in rows["welcome"].draft_on("bluesky").text
    assert "@camille@books.example" in rows["welcome"].draft_on("mastodon").text
    # Two posts on X and Bluesky, one on Mastodon: its whole text is part 1 there.
    assert rows["thanks/1"].networks == ("x", "bluesky", "mastodon")
    assert rows["thanks/2"].networks == ("x", "bluesky")
    assert rows["thanks/1"].draft_on("mastodon").part is None
    view = desk.view()
    assert [view.by_id[r].label for r in ("thanks/1", "thanks/2")] == ["Thanks 1/2",
                                                                        "Thanks 2/2"]


def test_a_plan_on_one_network_keeps_its_rows_and_marks_as_before(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 1, name="chat-en")
    assert not desk.tabs.several
    copy, _done = copy_and_mark(desk, "welcome@0")
    assert copy.network is None
    [event] = read_events(log_path_for(desk.plan_path))
    assert event.network is None and '"network"' not in event.to_json()
    assert desk.view().by_id["welcome@0"].marks == ()
    assert isinstance(desk.pick_network(2), NothingToDo)


# --- c c c -----------------------------------------------------------------------------


def test_c_c_c_posts_a_cue_on_three_networks_in_order_naming_each(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    said = []
    for network in ("x", "bluesky", "mastodon"):
        assert desk.view().network == network
        copy, done = copy_and_mark(desk, "welcome")
        assert copy.network == network and copy.text == desk.session.row(
            "welcome").draft_on(network).text  # type: ignore[union-attr]
        said += texts(done)
    assert said[0].startswith("Welcome on X copied (system clipboard) · marked posted at")
    assert said[0].endswith("next: Bluesky (c)")
    assert "Welcome on Bluesky" in said[1] and said[1].endswith("next: Mastodon (c)")
    assert "Welcome on Mastodon" in said[2] and "next" not in said[2]
    assert [e.network for e in read_events(log_path_for(desk.plan_path))] == [
        "x", "bluesky", "mastodon"]
    # Out everywhere: done, and the pane back on the first network for the next cue.
    assert desk.hour().status("welcome") == "posted" and desk.view().network == "x"


def test_a_bounce_after_a_copy_is_held_though_the_pane_moved_to_the_next_network(
        tmp_path: Path) -> None:
    # The text just copied is never replaced before it could be pasted.
    desk = desk_at(tmp_path, 0.5)
    first = desk.copy("welcome")
    assert isinstance(first, Copy)
    desk.copied(first, "system")
    assert desk.view().network == "bluesky"
    held = desk.copy("welcome")
    assert isinstance(held, NothingToDo) and "Welcome on X" in texts(held)[0]
    pasted(desk)
    copy = desk.copy("welcome")
    assert isinstance(copy, Copy) and copy.network == "bluesky"


def test_after_a_copy_the_pane_goes_to_the_next_network_in_the_plans_order_then_round(
        tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    assert isinstance(desk.pick_network(2), Done) and desk.view().network == "bluesky"
    copy_and_mark(desk, "welcome")
    assert desk.view().network == "mastodon"
    copy_and_mark(desk, "welcome")
    assert desk.view().network == "x"  # round to the one left
    # A network already done is passed over.
    desk.pick_network(3)
    copy, done = copy_and_mark(desk, "welcome")  # Mastodon again: copied, not marked
    assert copy.row_id is None and "marked" not in texts(done)[0]


def test_a_cue_out_on_one_network_stays_due_and_next_until_out_on_all(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    copy_and_mark(desk, "welcome")
    hour = desk.hour()
    assert hour.status("welcome") == "due" and hour.next_cue is not None
    assert hour.next_cue.id == "welcome" and hour.countdown.cue is hour.next_cue
    marks = {m.network: m.state for m in desk.view().by_id["welcome"].marks}
    assert marks == {"x": "posted", "bluesky": "due", "mastodon": "due"}
    copy_and_mark(desk, "welcome")
    copy_and_mark(desk, "welcome")
    hour = desk.hour()
    assert hour.status("welcome") == "posted" and hour.next_cue is not None
    assert hour.next_cue.id == "q1"


def test_a_cue_ahead_of_time_asks_once_not_again_on_each_network(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, -10)
    asked = desk.copy("welcome")
    assert isinstance(asked, Confirm)
    copy = asked.yes()
    assert isinstance(copy, Copy) and copy.network == "x"
    desk.copied(copy, "system")
    pasted(desk)
    # Out on X: copying it on Bluesky is the same decision, not asked again.
    assert isinstance(desk.copy("welcome"), Copy)


def test_v_shows_the_text_of_the_network_shown(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 1)
    desk.pick_network(2)
    shown = desk.copy_by_hand("q2")
    assert isinstance(shown, CopyByHand) and "Tell us why!" in shown.text


# --- skips and undo ----------------------------------------------------------------------


def test_S_skips_the_network_shown_only_and_moves_on(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    desk.pick_network(3)
    done = desk.skip_network("welcome")
    assert isinstance(done, Done)
    assert texts(done) == ["Welcome on Mastodon skipped · next: X (c)"]
    assert desk.session.state.networks_left("welcome") == ("x", "bluesky")
    assert isinstance(desk.skip_network("q1"), Done)  # X, shown now
    again = desk.skip_network("welcome")  # X: not skipped there yet
    assert isinstance(again, Done)
    desk.pick_network(3)
    refused = desk.skip_network("welcome")
    assert isinstance(refused, Refused)
    assert texts(refused) == ["Welcome on Mastodon is already skipped"]


def test_s_skips_what_is_left_of_a_cue_posted_on_one_network(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    copy_and_mark(desk, "welcome")
    assert isinstance(desk.skip("welcome"), Done)
    state = desk.session.state
    assert [state.on_network("welcome", n) for n in ("x", "bluesky", "mastodon")] == [
        "posted", "skipped", "skipped"]
    assert desk.hour().status("welcome") == "posted"  # out where it went: not "skipped"
    # One skip, one undo: the cue is to do on Bluesky and Mastodon again, X kept.
    desk.undo()
    assert desk.session.state.networks_left("welcome") == ("bluesky", "mastodon")


def test_undo_takes_back_one_networks_mark_and_shows_that_network(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 0.5)
    copy_and_mark(desk, "welcome")
    copy_and_mark(desk, "welcome")
    assert desk.view().network == "mastodon"
    undone = desk.undo()
    assert isinstance(undone, Done)
    assert texts(undone) == ["Undone: Welcome on Bluesky is no longer marked posted"]
    assert undone.select == "welcome" and desk.view().network == "bluesky"
    assert desk.session.state.networks_left("welcome") == ("bluesky", "mastodon")


def test_the_keys_1_to_4_pick_a_network_the_plan_has(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 1)
    assert isinstance(desk.pick_network(3), Done) and desk.view().network == "mastodon"
    missing = desk.pick_network(4)
    assert isinstance(missing, NothingToDo)
    assert texts(missing) == ["No network 4: this plan runs on X, Bluesky, Mastodon"]
    assert desk.view().network == "mastodon"


# --- threads ---------------------------------------------------------------------------


def test_a_threads_part_exists_on_the_networks_that_have_it(tmp_path: Path) -> None:
    desk = desk_at(tmp_path, 58.5)
    view = desk.view()
    second = view.by_id["thanks/2"]
    assert [m.state for m in second.marks] == ["due", "due", "absent"]
    desk.pick_network(3)
    # Mastodon has no second part: the pane shows it on the first network that has it.
    assert desk.view().network_for(desk.view().by_id["thanks/2"]) == "x"
    for network in ("x", "bluesky"):
        desk.pick_network(1 if network == "x" else 2)
        copy_and_mark(desk, "thanks/2")
    assert desk.hour().status("thanks/2") == "posted"
    assert desk.hour().status("thanks/1") == "due"


def test_a_mark_on_a_threads_own_cue_is_every_part_of_it_on_that_network(
        tmp_path: Path) -> None:
    # What posting logs (and `tchat post`): the cue, whole, on one network.
    desk = desk_at(tmp_path, 58.5, marks=[mark("thanks", 58.2, "bluesky"),
                                          mark("thanks", 58.3, "mastodon")])
    state = desk.session.state
    assert state.networks_left("thanks/1") == ("x",)
    assert state.networks_left("thanks/2") == ("x",)


def test_the_drafts_a_network_would_refuse_are_named_with_their_network(
        tmp_path: Path) -> None:
    plan = tmp_path / "chat-networks.toml"
    shutil.copy(PLANS / "chat-networks.toml", plan)
    plan.write_text(plan.read_text().replace(
        'text = "One book to give a 15-year-old this winter?"',
        'text = "One book to give a 15-year-old this winter?"\n'
        'variants = { bluesky = "' + "long " * 70 + '" }'))
    desk = RunDesk(Session(plan, clock=FrozenClock(at(-30)), log_path=log_path_for(plan)))
    [notice] = desk.plan_notices().notices[:1]
    assert notice.text.startswith("One draft would be refused: Q3 on Bluesky (")
    marks = {m.network: m.over for m in desk.view().by_id["q3"].marks}
    assert marks == {"x": False, "bluesky": True, "mastodon": False}
