"""`tchat new NEXT --from LAST`: the next edition of a regular chat."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.plan.edition import (
    following_start,
    last_questions_comment,
    next_edition,
    with_comment_before_questions,
)
from tui.core.plan.guide_texts import UNWRITTEN
from tui.core.plan.model import Plan
from tui.core.plan.newplan import NewPlanError
from tui.core.plan.planfile import dump_plan, load_plan, parse_plan

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.fixture(params=["plan-fr", "plan-en"])
def last(request: pytest.FixtureRequest) -> Plan:
    return load_plan(GOLDEN / f"{request.param}.toml")


def test_series_carries_over_and_the_edition_starts_afresh(last: Plan) -> None:
    plan = next_edition(last, start="2027-02-04 18:00")
    old, new = last.chat, plan.chat
    for field in ("title", "topic", "tag", "timezone", "language", "host", "platform",
                  "audience_timezones", "duration", "heads_up", "repeat"):
        assert getattr(new, field) == getattr(old, field), field
    assert new.start == datetime(2027, 2, 4, 18, 0)  # noqa: DTZ001 - local to timezone
    assert (new.next, new.recap_url) == (None, "")
    assert [(g.name, g.handle, g.email) for g in plan.guests] == [
        (g.name, g.handle, g.email) for g in last.guests
    ]
    assert {g.status for g in plan.guests} == {"invited"}
    assert plan.posts == last.posts  # templates, offsets and notes: every relative time
    assert [(i.phase, i.text, i.due) for i in plan.checklist] == [
        (i.phase, i.text, i.due) for i in last.checklist
    ]
    assert any(i.done for i in last.checklist) and not any(i.done for i in plan.checklist)
    assert len(plan.questions) == len(last.questions)
    assert not {q.text for q in plan.questions} & {q.text for q in last.questions}
    marker = UNWRITTEN[new.language]
    assert sum(q.text.startswith(marker) for q in plan.questions) == len(plan.questions) - 2


def test_start_defaults_to_next_then_to_repeat() -> None:
    last = load_plan(GOLDEN / "plan-fr.toml")  # monthly, next = 2027-01-07 18:00
    assert next_edition(last).chat.start == datetime(2027, 1, 7, 18, 0)  # noqa: DTZ001
    without_next = last.model_copy(update={"chat": last.chat.model_copy(update={"next": None})})
    # The first Thursday of December 2026 -> the first Thursday of January 2027.
    assert following_start(without_next.chat) == datetime(2027, 1, 7, 18, 0)  # noqa: DTZ001
    weekly = last.chat.model_copy(update={"next": None, "repeat": "weekly"})
    assert following_start(weekly) == datetime(2026, 12, 10, 18, 0)  # noqa: DTZ001
    single = last.chat.model_copy(update={"next": None, "repeat": None})
    assert following_start(single) is None
    with pytest.raises(NewPlanError, match="--start"):
        next_edition(last.model_copy(update={"chat": single}))


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # Local times, read in the plan's zone.
        ((2026, 12, 31, 18), (2027, 1, 28, 18)),  # the last Thursday
        ((2027, 1, 29, 18), (2027, 2, 26, 18)),  # a fifth Friday -> the last one
        ((2027, 1, 15, 9), (2027, 2, 19, 9)),  # the third Friday
    ],
)
def test_monthly_keeps_the_weekday_of_the_month(
    start: tuple[int, int, int, int], expected: tuple[int, int, int, int]
) -> None:
    chat = load_plan(GOLDEN / "plan-fr.toml").chat.model_copy(
        update={"start": datetime(*start), "next": None, "repeat": "monthly"}  # noqa: DTZ001
    )
    assert following_start(chat) == datetime(*expected)  # noqa: DTZ001


def test_last_questions_are_kept_as_comments_above_the_slots(last: Plan) -> None:
    plan = next_edition(last, start="2027-02-04 18:00")
    text = with_comment_before_questions(dump_plan(plan), last_questions_comment(last))
    assert parse_plan(text) == plan  # comments only: the plan reads back the same
    comments = text[: text.index("[[questions]]")].splitlines()
    for number, question in enumerate(last.questions, 1):
        assert f"# Q{number} {' '.join(question.text.split())}" in comments
    assert tomllib.loads(text)["chat"]["start"] == datetime(2027, 2, 4, 18)  # noqa: DTZ001


def test_bad_start_or_tag_is_refused_in_one_line(last: Plan) -> None:
    with pytest.raises(NewPlanError, match="not a date"):
        next_edition(last, start="next week")
    with pytest.raises(NewPlanError):
        next_edition(last, start="2027-02-04 18:00", tag="#two words")


def test_the_ids_layout_carries_over(tmp_path: Path) -> None:
    from tui.core.plan.newplan import NewPlanOptions, build_plan

    # A plan from `tchat new` has an id on every question and post; its next edition
    # too, the same ids in the same places, and the file reads them back.
    first = build_plan(NewPlanOptions(language="fr", start="2027-01-07 18:00"),
                       datetime(2026, 12, 1, tzinfo=UTC))
    second = next_edition(first, start="2027-02-04 18:00", question_count=9)
    assert [q.id for q in second.questions] == [*(q.id for q in first.questions), "q9"]
    assert [p.id for p in second.posts] == [p.id for p in first.posts]
    path = tmp_path / "second.toml"
    path.write_text(dump_plan(second), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert text.count('id = "q') == 9
    # Each table starts with its id, as `tchat new` writes it.
    assert '[[questions]]\nid = "q1"\n' in text
    assert load_plan(path).questions[0].id == "q1"
    # Custom ids keep their places; a plan written without ids gets none.
    custom = first.model_copy(update={"questions": [
        q.model_copy(update={"id": f"topic-{n}"}) for n, q in enumerate(first.questions)]})
    assert [q.id for q in next_edition(custom, start="2027-02-04 18:00").questions] == [
        f"topic-{n}" for n in range(len(first.questions))]
    bare = first.model_copy(update={
        "questions": [q.model_copy(update={"id": None}) for q in first.questions],
        "posts": [p.model_copy(update={"id": None}) for p in first.posts]})
    again = next_edition(bare, start="2027-02-04 18:00")
    assert {q.id for q in again.questions} == {None} and {p.id for p in again.posts} == {None}
