"""Generated posts read naturally with no guest, or one, in English and in French."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tui.core.plan.check import semantic_problems
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Guest, Plan
from tui.core.plan.newplan import NewPlanOptions, build_plan
from tui.core.text.guestwording import for_guests

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def new_plan(language: str, guests: list[Guest], *, platform: str = "x") -> Plan:
    plan = build_plan(NewPlanOptions(language=language, platform=platform),  # type: ignore[arg-type]
                      NOW)
    return plan.model_copy(update={"guests": guests})


def posts(plan: Plan) -> list[str]:
    book = DraftBook(plan)
    return [book.text_for(c) for c in book.cues if c.kind != "question"]


AWKWARD = re.compile(r"\b(with|avec)\s*[.,!]|  | [.,]|\{guests\}|guests , |invités , |"
                     r"\b(with|avec|our guests|nos invités)\s*$")


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("platform", ["x", "x-legacy"])
def test_no_guest_every_post_reads_naturally(language: str, platform: str) -> None:
    plan = new_plan(language, [], platform=platform)
    for text in posts(plan):
        assert not AWKWARD.search(text), text
        assert "guest" not in text and "invité" not in text, text


@pytest.mark.parametrize(("language", "singular", "plural"),
                         [("en", "our guest @solo", "our guests"),
                          ("fr", "notre invité @solo", "nos invités")])
def test_one_guest_is_singular(language: str, singular: str, plural: str) -> None:
    plan = new_plan(language, [Guest(name="Solo", handle="@solo", status="confirmed")])
    texts = posts(plan)
    assert any(singular in text for text in texts)
    assert not any(plural in text for text in texts)
    for text in texts:
        assert not AWKWARD.search(text), text


def test_two_guests_are_left_as_written() -> None:
    template = "Thank you to our guests {guests} and to everyone!"
    assert for_guests(template, 2, "en") == template


def test_a_hand_written_template_without_guests() -> None:
    assert for_guests("Demain {start} : {title} avec {guests} !", 0, "fr") == (
        "Demain {start} : {title} !")
    assert for_guests("Hi {guests}, welcome.", 0, "en") == "Hi, welcome."


def test_check_warns_about_a_plan_without_guests() -> None:
    plan = new_plan("en", [])
    warnings = [p for p in semantic_problems(plan) if p.field == "guests"]
    assert warnings and warnings[0].severity == "warning"
    assert "no guest" in warnings[0].message and "2 or 3" in warnings[0].message
    declined = new_plan("en", [Guest(name="Gone", status="declined")])
    assert any(p.field == "guests" for p in semantic_problems(declined))
    one = new_plan("en", [Guest(name="Solo", status="confirmed")])
    assert not any(p.field == "guests" for p in semantic_problems(one))
