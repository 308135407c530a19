from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers import make_plan, plan_dict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.plan.model import Plan
from tui.core.plan.planfile import dump_plan, load_plan, parse_plan, save_plan
from tui.core.plan.problems import PlanError


def problems_of(text: str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        parse_plan(text)
    return [f"{p.line}|{p.field}|{p.message}" for p in caught.value.problems]


def test_save_then_load_is_equal(tmp_path: Path) -> None:
    plan = make_plan()
    path = tmp_path / "plan.toml"
    save_plan(plan, path, header="# hello\n")
    assert path.read_text(encoding="utf-8").startswith("# hello\n")
    assert load_plan(path) == plan


def test_save_leaves_no_temporary_file_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    save_plan(make_plan(), path)
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]
    assert path.stat().st_mode & 0o777 == 0o640


def test_offsets_written_readably() -> None:
    data = plan_dict()
    data["posts"].append({"kind": "promo", "at": "-14d", "text": "Join us {start}"})
    text = dump_plan(Plan.model_validate(data))
    assert 'at = "-14d"' in text
    assert "at = 55" in text


def test_syntax_error_names_the_line() -> None:
    [problem] = problems_of('[chat]\ntitle = "x"\ntag = \n')
    line, field, message = problem.split("|")
    assert line == "3"
    assert message.startswith("not valid TOML")


@pytest.mark.parametrize(("written", "shown"), [
    ("2026-12-32 18:00:00", "2026-12-32 18:00:00"),
    ("2026-02-30T18:00:00", "2026-02-30T18:00:00"),
    ("2026-12-03 25:00:00", "2026-12-03 25:00:00"),
    ("2026-13-03", "2026-13-03"),
])
def test_an_impossible_date_is_named_as_such(written: str, shown: str) -> None:
    # Seen: start = 2026-12-32 18:00:00 gave "Expected newline or end of document after a
    # statement", which sends a newcomer looking for a missing newline.
    [problem] = problems_of(f'[chat]\ntitle = "x"\nstart = {written}\n')
    line, _, message = problem.split("|")
    assert line == "3"
    assert message == (f"not valid TOML: {shown} is not a real date and time "
                       "(check the month, the day and the hour)")


def test_every_field_problem_at_once_with_lines() -> None:
    text = (
        "[chat]\n"
        'title = "T"\n'
        'tag = "#T"\n'
        "start = 2026-12-03T18:00:00\n"
        'duration = "60"\n'
        "\n"
        "[[questions]]\n"
        'text = "one"\n'
        "[[questions]]\n"
        "at = 10\n"
        "[[questoins]]\n"
        'text = "typo"\n'
    )
    problems = problems_of(text)
    assert "5|chat.duration|should be a whole number, without quotes" in problems
    assert "9|questions[2].text|is required" in problems
    assert any(p.startswith("11|questoins|unknown field 'questoins' (did you mean 'questions'")
               for p in problems)
    assert any(p.startswith("4|chat.start|start has no time zone") for p in problems)


def test_unknown_zone_is_reported() -> None:
    text = '[chat]\ntitle="T"\ntag="#T"\nstart=2026-12-03T18:00:00\ntimezone="Mars/Olympus"\n'
    [problem] = problems_of(text)
    assert "'Mars/Olympus' is not a known time zone" in problem


def test_quoted_datetime_is_a_type_error() -> None:
    text = '[chat]\ntitle="T"\ntag="#T"\nstart="2026-12-03 18:00"\ntimezone="Europe/Paris"\n'
    [problem] = problems_of(text)
    assert problem.startswith("4|chat.start|should be a TOML date and time")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"\xff\xfe\x00junk", "is not UTF-8"),
        (b"[chat]\x00\x01", "binary data"),
        (b"\xef\xbb\xbf[chat]\ntitle = 1\n", "should be text"),
    ],
)
def test_unreadable_content_never_raises_anything_else(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes(content)
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    assert expected in caught.value.problems[0].message


def test_folder_missing_and_huge_files(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="is a folder"):
        load_plan(tmp_path)
    with pytest.raises(PlanError, match="does not exist"):
        load_plan(tmp_path / "nope.toml")
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(PlanError, match="too large"):
        load_plan(huge)


def test_start_with_offset_needs_no_timezone() -> None:
    offset = timezone(timedelta(hours=1))
    plan = make_plan(start=datetime(2026, 12, 3, 18, tzinfo=offset), timezone=None)
    assert plan.chat.start_at == datetime(2026, 12, 3, 17, tzinfo=UTC)


# --- round trip over generated plans ---------------------------------------------------

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1, max_size=40,
)
_offsets = st.integers(min_value=-30 * 1440, max_value=24 * 60)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    data = plan_dict(
        title=draw(_text),
        duration=draw(st.integers(min_value=5, max_value=240)),
        platform=draw(st.sampled_from(["x", "x-legacy", "bluesky", "mastodon", "threads"])),
        language=draw(st.sampled_from(["fr", "en"])),
        host=draw(_text),
    )
    data["questions"] = [
        {"text": t, **({"at": a} if a is not None else {}), "notes": n}
        for t, a, n in draw(st.lists(
            st.tuples(_text, st.none() | st.integers(0, 200), st.text(max_size=20)),
            max_size=12,
        ))
    ]
    data["posts"] = [
        {"kind": k, "at": a, "text": t, "add_tag": b}
        for k, a, t, b in draw(st.lists(st.tuples(
            st.sampled_from(["promo", "welcome", "rules", "heads-up", "closing", "thanks",
                             "custom"]),
            _offsets, _text, st.booleans(),
        ), max_size=8))
    ]
    data["checklist"] = [
        {"phase": p, "text": t, "done": d, **({"due": u} if u is not None else {})}
        for p, t, d, u in draw(st.lists(st.tuples(
            st.sampled_from(["before", "during", "after"]), _text, st.booleans(),
            st.none() | _offsets,
        ), max_size=6))
    ]
    return Plan.model_validate(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_generated_plans_round_trip(plan: Plan) -> None:
    assert parse_plan(dump_plan(plan)) == plan
