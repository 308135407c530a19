from __future__ import annotations

import re

from helpers import make_plan, plan_dict

from tui.core.counting import count
from tui.core.plan.check import semantic_problems
from tui.core.plan.drafts import DraftBook, has_tag, split_thread, with_tag
from tui.core.plan.model import Plan
from tui.core.text.controls import for_copy


def drafts_by_id(plan: Plan) -> dict[str, str]:
    return {d.id: d.text for d in DraftBook(plan).drafts}


def test_tag_is_added_once_whatever_its_case() -> None:
    assert with_tag("Hello", "#TestChat") == "Hello #TestChat"
    assert with_tag("Hello #testchat!", "#TestChat") == "Hello #testchat!"
    assert with_tag("Hello #TestChatter", "#TestChat") == "Hello #TestChatter #TestChat"
    assert with_tag("line one\nline two\n", "#T") == "line one\nline two #T"
    assert not has_tag("#TestChat2026", "#TestChat")


def test_question_drafts_are_labelled_and_tagged() -> None:
    texts = drafts_by_id(make_plan())
    assert texts["q3"] == "Q3 Question number 3? #TestChat"
    data = plan_dict()
    data["questions"][0]["text"] = "q1 Already labelled #testchat"
    assert drafts_by_id(Plan.model_validate(data))["q1"] == "q1 Already labelled #testchat"


def test_placeholders_filled_with_guests_and_answer_letter() -> None:
    texts = drafts_by_id(make_plan())
    assert texts["rules@2"] == "Answer Q1 with A1. Guests: @one #TestChat"
    french = drafts_by_id(make_plan(language="fr"))
    assert french["rules@2"].startswith("Answer Q1 with R1.")


def test_declined_guests_are_not_mentioned() -> None:
    data = plan_dict()
    data["guests"].append({"name": "No", "handle": "@declined", "status": "declined"})
    assert "@declined" not in drafts_by_id(Plan.model_validate(data))["thanks@58"]


def test_heads_up_names_the_next_question_in_the_plans_language() -> None:
    french = drafts_by_id(make_plan(language="fr"))
    assert "Q2" in french["hu2"] and "R2" in french["hu2"] and "2\u00a0min" in french["hu2"]
    english = drafts_by_id(make_plan())
    assert "A2" in english["hu2"] and "#TestChat" in english["hu2"]


def test_add_tag_false_leaves_the_text_and_warns() -> None:
    data = plan_dict()
    data["posts"][2]["add_tag"] = False
    plan = Plan.model_validate(data)
    assert drafts_by_id(plan)["closing@55"] == "Last question done, thanks!"
    warnings = [p for p in semantic_problems(plan) if p.field == "posts[3]"]
    assert warnings and "does not carry #TestChat" in warnings[0].message
    assert warnings[0].severity == "warning"


def test_over_limit_draft_is_an_error_saying_where_it_overflows() -> None:
    data = plan_dict()
    data["questions"][1]["text"] = "word " * 60 + "END"
    problems = [p for p in semantic_problems(Plan.model_validate(data)) if p.is_error]
    [problem] = problems
    assert problem.field == "questions[2].text"
    # "Q2 " + 60 words of 5 + "END" + " #TestChat" = 316
    assert "Q2 is 316/280 on x: 36 too many" in problem.message


def test_a_draft_is_counted_as_it_is_copied() -> None:
    # Seen with ESC and BEL in a question: the cue list counted them (the copy drops
    # them), the editor counted their symbols; both now count what is copied.
    data = plan_dict()
    data["questions"][0]["text"] = "\x1b[2Jbell\x07 " + "word " * 60
    book = DraftBook(Plan.model_validate(data))
    [draft] = [d for d in book.drafts if d.id == "q1"]
    copied = for_copy(draft.text)
    assert "\x1b" in draft.text and "\x1b" not in copied
    expected = count(copied, "x", limit=280)
    assert draft.count.length == expected.length and not draft.count.valid
    # Where it overflows is said on the text as written: the same character.
    assert expected.overflow_index is not None and draft.count.overflow_index is not None
    assert draft.text[draft.count.overflow_index:] == copied[expected.overflow_index:]


def test_limit_follows_platform_and_plan_override() -> None:
    data = plan_dict(platform="mastodon", char_limit=100)
    data["questions"][0]["text"] = "é" * 120
    plan = Plan.model_validate(data)
    [draft] = [d for d in DraftBook(plan).drafts if d.id == "q1"]
    assert draft.count.limit == 100 and not draft.count.valid


def test_threads_second_hashtag_is_a_warning() -> None:
    data = plan_dict(platform="threads")
    data["questions"][0]["text"] = "What about #Other?"
    problems = semantic_problems(Plan.model_validate(data))
    assert any(p.severity == "warning" and p.field == "questions[1]" for p in problems)


def test_long_thank_you_becomes_a_numbered_thread_within_the_limit() -> None:
    data = plan_dict()
    data["guests"] = [
        {"name": f"Guest {i}", "handle": f"@OrganisationNumber{i:02d}", "status": "confirmed"}
        for i in range(20)
    ]
    plan = Plan.model_validate(data)
    parts = [d for d in DraftBook(plan).drafts if d.cue.kind == "thanks"]
    assert len(parts) >= 2
    total = len(parts)
    for index, draft in enumerate(parts, 1):
        assert draft.count.valid
        assert draft.text.endswith(f"#TestChat {index}/{total}")
        assert draft.id == f"thanks@58/{index}"
    mentioned = re.findall(r"@\w+", " ".join(d.text for d in parts))
    assert mentioned == [f"@OrganisationNumber{i:02d}" for i in range(20)]
    # The rules post names the guests too and is not threadable: only it is reported.
    errors = [p.field for p in semantic_problems(plan) if p.is_error]
    assert errors == ["posts[2].text"]


def test_split_thread_never_cuts_a_word() -> None:
    text = " ".join(f"@handle{i}" for i in range(80))
    parts = split_thread(text, "#T", lambda t: count(t, "x-legacy"))
    words = [w for part in parts for w in part.split() if w.startswith("@")]
    assert words == text.split()


def test_promotion_during_the_hour_is_limited() -> None:
    data = plan_dict()
    data["posts"] += [
        {"kind": "promo", "at": m, "text": "Buy our report!"} for m in (10, 20, 30)
    ]
    problems = semantic_problems(Plan.model_validate(data))
    assert any("excessive self-promotion" in p.message for p in problems)


def test_unwritten_slots_and_guests_without_handles_are_warnings() -> None:
    data = plan_dict()
    data["questions"][4]["text"] = "To write: what causes it?"
    data["guests"].append({"name": "Someone"})
    problems = {(p.field, p.severity) for p in semantic_problems(Plan.model_validate(data))}
    assert ("questions[5].text", "warning") in problems
    assert ("guests[2].handle", "warning") in problems


def test_every_plan_platform_has_a_counter() -> None:
    from tui.core.counting import PLATFORMS as COUNTED
    from tui.core.plan.model import PLATFORMS as PLANNED

    assert set(PLANNED) == set(COUNTED)
