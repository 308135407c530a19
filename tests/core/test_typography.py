"""French no-break spaces: U+00A0 in posts, the Imprimerie nationale's rule in pages."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.counting import count
from tui.core.plan.drafts import DraftBook
from tui.core.plan.planfile import load_plan
from tui.core.text.typography import NBSP, NNBSP, for_post, for_print, french_post

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def test_posts_use_the_no_break_space_that_weighs_one_on_x() -> None:
    typed = "Q1 : qui êtes-vous ? « Bonjour ! » ; de 19 h 00 – 20 h 00, 2 min"
    assert for_post(typed) == (
        f"Q1{NBSP}: qui êtes-vous{NBSP}? «{NBSP}Bonjour{NBSP}!{NBSP}»{NBSP}; "
        f"de 19{NBSP}h{NBSP}00 – 20{NBSP}h{NBSP}00, 2{NBSP}min"
    )
    assert NNBSP not in for_post(typed)
    assert count(for_post(typed), "x").length == count(typed, "x").length
    # U+202F would have cost one more per mark: why posts never use it.
    assert count(typed.replace(" ?", NNBSP + "?"), "x").length == count(typed, "x").length + 1


def test_pages_follow_the_imprimerie_nationale() -> None:
    assert for_print("Sujet : « oui » ; vraiment ? non !") == (
        f"Sujet{NBSP}: «{NBSP}oui{NBSP}»{NNBSP}; vraiment{NNBSP}? non{NNBSP}!"
    )


def test_addresses_and_other_languages_are_left_alone() -> None:
    text = "https://x.com/hashtag/Tag?f=live and http://a.example/b:c"
    assert for_post(text) == text and for_print(text) == text
    assert french_post("Hello : world ?", "en") == "Hello : world ?"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=" :;!?«»h0123456789abé\u00a0\u202f", max_size=40))
def test_rules_are_idempotent_and_never_lengthen_a_text(text: str) -> None:
    for rule in (for_post, for_print):
        once = rule(text)
        assert rule(once) == once
        # Only spaces are replaced (a run of them by one): nothing is ever inserted.
        assert len(once) <= len(text)
        assert once.replace(NBSP, " ").replace(NNBSP, " ").split() == text.replace(
            NBSP, " ").replace(NNBSP, " ").split()


def test_french_drafts_get_them_and_the_plan_file_keeps_its_spaces(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    source = (GOLDEN / "plan-fr.toml").read_text(encoding="utf-8")
    path.write_text(source, encoding="utf-8")
    plan = load_plan(path)
    assert plan.questions[0].text.startswith("Pour commencer, présentez-vous : ")
    [q1] = [d for d in DraftBook(plan).drafts if d.cue.id == "q1"]
    assert q1.text.startswith(f"Q1 Pour commencer, présentez-vous{NBSP}: qui êtes-vous")
    assert q1.text.endswith(f"vous concerne-t-il{NBSP}? #PasAvant18Ans")
    assert path.read_text(encoding="utf-8") == source
    english = load_plan(GOLDEN / "plan-en.toml")
    assert all(NBSP not in d.text for d in DraftBook(english).drafts)
