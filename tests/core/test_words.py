"""The one table of words: both languages everywhere, plurals by Babel, no dead key."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.core import Locale

from tui.core.counting.result import Count
from tui.core.plan.drafts import Draft
from tui.core.plan.naming import count_line, cue_name
from tui.core.plan.schedule import Cue
from tui.core.text.words import HOMES, SURFACES, WORDS, Words, cue_list

TUI = Path(__file__).resolve().parents[2] / "tui"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def forms(text: str | dict[str, str]) -> list[str]:
    return [text] if isinstance(text, str) else list(text.values())


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_word_in_both_languages_with_the_same_fields(key: str) -> None:
    entry = WORDS[key]
    assert set(entry) == {"fr", "en"}
    # A plural's "one" may say "Un texte" rather than "{n}": `n` aside, every form of
    # both languages fills the same fields.
    found = [fields(text) - {"n"} for language in entry for text in forms(entry[language])]
    assert all(f == found[0] for f in found), key


@pytest.mark.parametrize("key", sorted(k for k, e in WORDS.items()
                                       if any(not isinstance(t, str) for t in e.values())))
def test_plurals_use_the_categories_of_their_language(key: str) -> None:
    for language, text in WORDS[key].items():
        if isinstance(text, str):
            continue
        assert "other" in text and "{n}" in text["other"], (key, language)
        assert set(text) <= set(Locale.parse(language).plural_form.tags) | {"other"}


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [
        # French counts 0 and 1 as singular ("0 posté"), English only 1.
        ("fr", 0, "0 posté, 0 sauté, 0 non fait"),
        ("fr", 1, "1 posté, 1 sauté, 1 non fait"),
        ("fr", 2, "2 postés, 2 sautés, 2 non faits"),
        ("en", 0, "0 posted, 0 skipped, 0 not done"),
        ("en", 1, "1 posted, 1 skipped, 1 not done"),
    ],
)
def test_plurals_follow_babel(language: str, n: int, expected: str) -> None:
    words = Words(language)  # type: ignore[arg-type]
    keys = ("screen.report_posted", "screen.report_skipped_n", "screen.report_not_done")
    assert ", ".join(words(key, n=n) for key in keys) == expected


def test_a_plural_without_its_number_is_refused() -> None:
    with pytest.raises(TypeError, match="n="):
        Words("fr")("screen.report_posted")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "6 drafts would be refused: Welcome (557/280), Q1, Q2, Q3 and 2 more. "
               "Press e to edit them."),
        ("fr", "6 textes seraient refusés\u00a0: Welcome (557/280), Q1, Q2, Q3 et 2 autres. "
               "Touche e pour les modifier."),
    ],
)
def test_a_long_list_of_refused_drafts_ends_in_words_not_an_ellipsis(
    language: str, expected: str
) -> None:
    words = Words(language)  # type: ignore[arg-type]
    names = ["Welcome (557/280)", "Q1", "Q2", "Q3", "Q4", "Q5"]
    assert words("screen.refused", n=len(names), cues=cue_list(names, words)) == expected


def test_a_list_one_over_says_one_more_and_a_short_list_is_whole() -> None:
    fr, en = Words("fr"), Words("en")
    assert cue_list(["A", "B", "C", "D", "E"], fr) == "A, B, C, D et 1 autre"
    assert cue_list(["A", "B", "C", "D", "E"], en) == "A, B, C, D and 1 more"
    assert cue_list(["A", "B", "C", "D"], en) == "A, B, C, D"


def test_singular_and_plural_sentences() -> None:
    fr, en = Words("fr"), Words("en")
    assert fr("screen.refused", n=1, cues="Q1") == (
        "Un texte serait refusé\u00a0: Q1. Touche e pour le modifier.")
    assert en("screen.refused", n=3, cues="Q1") == (
        "3 drafts would be refused: Q1. Press e to edit them.")
    assert fr("screen.questions_not_posted", n=1, total=5) == "1 question sur 5 non postée"
    assert en("screen.questions_not_posted", n=2, total=5) == "2 questions of 5 not posted"


# Where a plain space lets a line break in French: before a mark that ends a clause, inside
# guillemets, in a clock time, between a number (typed or filled in) and its unit.
FRENCH_BREAK = re.compile(r" (?=[:;!?](?:\s|$))|« | »|\d h \d\d|[\d}] (?:min|h|j|s)\b")


def test_french_words_never_let_a_line_break_before_their_marks() -> None:
    """Seen at 50x15: "non marquées publiées" / ": −1 j", the colon starting a line.
    The table is typed with plain spaces; every French lookup holds them."""
    fr, en = Words("fr"), Words("en")
    assert " : {offsets}" in str(WORDS["preflight.late"]["fr"])  # as typed
    breaks = []
    for key, entry in WORDS.items():
        for n in (None,) if isinstance(entry["fr"], str) else (1, 2, 1_000_000):
            template = fr.template(key, n)
            breaks += [(key, template)] if FRENCH_BREAK.search(template) else []
            # The same words, only the spaces changed; English as typed.
            typed = [form.replace("\u00a0", " ") for form in forms(entry["fr"])]
            assert template.replace("\u00a0", " ") in typed, key
            assert en.template(key, n) in forms(entry["en"]), key
            assert "\u00a0" not in en.template(key, n), key
    assert breaks == []
    assert fr("preflight.late", offsets="−1 j") == (
        "annonces dont l'heure est passée, non marquées publiées\u00a0: −1 j")
    # Only the template: a value filled in (a plan's own text) is left as typed.
    assert fr("screen.refused", n=1, cues="Q1 : x") == (
        "Un texte serait refusé\u00a0: Q1 : x. Touche e pour le modifier.")


def test_values_are_inserted_literally() -> None:
    words = Words("en")
    assert words("export.topic", topic="{title.__class__}") == "Topic: {title.__class__}"


@pytest.mark.parametrize("surface", SURFACES, ids=lambda s: s.__name__.rsplit(".", 1)[-1])
def test_every_key_starts_with_its_surface_prefix(surface: object) -> None:
    prefixes = surface.PREFIXES  # type: ignore[attr-defined]
    assert [k for k in surface.WORDS if not k.startswith(prefixes)] == []  # type: ignore[attr-defined]


def test_each_prefix_is_read_from_its_surface() -> None:
    # The table reads a surface the first time one of its keys is asked for (the first
    # frame reads the screen's alone): each prefix must lead to the surface that has it.
    assert HOMES == {prefix: surface.__name__.rsplit(".", 1)[-1]
                     for surface in SURFACES for prefix in surface.PREFIXES}


def test_no_key_is_in_two_surfaces() -> None:
    # The one lookup merges the surfaces: a key in two would silently take the last one.
    assert len(WORDS) == sum(len(surface.WORDS) for surface in SURFACES)
    prefixes = [p for surface in SURFACES for p in surface.PREFIXES]
    assert len(prefixes) == len(set(prefixes))


def test_one_key_means_one_thing() -> None:
    # "skipped" once meant a notification on screen and a status in the recap.
    assert Words("en")("screen.skipped", label="Q2") == "Q2 skipped"
    assert Words("en")("export.skipped") == "not posted (skipped)"


def used_names(files: Iterable[Path]) -> tuple[set[str], set[str]]:
    """String constants of `files`, and the fixed starts of their f-strings."""
    constants: set[str] = set()
    prefixes: set[str] = set()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for table in ast.walk(tree):
            # The table's own keys are not uses of them.
            if isinstance(table, ast.AnnAssign) and ast.unparse(table.target) == "WORDS":
                table.value = None
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                first = node.values[0] if node.values else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    prefixes.add(first.value)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
    return constants, prefixes


def unused_keys(keys: Iterable[str], files: Iterable[Path]) -> list[str]:
    constants, prefixes = used_names(files)
    return sorted(
        key for key in keys
        if key not in constants and not any(len(p) > 2 and key.startswith(p) for p in prefixes)
    )


def code_files() -> list[Path]:
    return sorted(TUI.rglob("*.py"))


def test_every_key_is_used_somewhere() -> None:
    # A key is used when the code names it, or builds it from a fixed start such as
    # f"key.{binding.id}"; a word nobody shows is a word nobody keeps up to date.
    assert unused_keys(WORDS, code_files()) == []


def test_an_unused_key_is_found(tmp_path: Path) -> None:
    code = tmp_path / "screen.py"
    code.write_text('WORDS: dict = {"status_skipped": {}}\n'
                    'words("status_due")\nwords(f"key.{name}")\n', encoding="utf-8")
    keys = ["status_due", "key.copy", "status_skipped"]
    assert unused_keys(keys, [code]) == ["status_skipped"]


def cue(kind: str, number: int | None) -> Cue:
    return Cue(id=f"{kind}{number}", kind=kind, offset=5,  # type: ignore[arg-type]
               at=datetime(2026, 3, 1, 18, tzinfo=UTC), template="", source="posts[1]",
               number=number)


@pytest.mark.parametrize(
    ("kind", "number", "fr", "en"),
    [
        ("question", 3, "Q3", "Q3"),
        ("heads-up", 3, "Rappel Q3", "Heads-up Q3"),
        ("welcome", None, "Accueil", "Welcome"),
        ("custom", 4, "Message", "Post"),
    ],
)
def test_a_cue_is_named_one_way(kind: str, number: int | None, fr: str, en: str) -> None:
    assert cue_name(cue(kind, number), Words("fr")) == fr
    assert cue_name(cue(kind, number), Words("en")) == en


def test_a_thread_part_says_its_place() -> None:
    thanks = cue("thanks", None)
    part = Draft(cue=thanks, text="…", count=None, part=1, parts=2)  # type: ignore[arg-type]
    assert cue_name(thanks, Words("fr"), part) == "Merci 1/2"
    whole = Draft(cue=thanks, text="…", count=None)  # type: ignore[arg-type]
    assert cue_name(thanks, Words("en"), whole) == "Thanks"


def counted(length: int, limit: int = 280) -> Count:
    return Count(platform="x", length=length, limit=limit, valid=length <= limit,
                 overflow_index=None if length <= limit else limit)


def test_the_count_line() -> None:
    fr, en = Words("fr"), Words("en")
    assert count_line(counted(183), en) == "183/280"
    assert count_line(counted(283), en) == "283/280 · 3 over"
    assert count_line(counted(283), fr) == "283/280 · 3 de trop"
    # Padded to the limit's width, so a label showing it keeps its size.
    assert count_line(counted(96), en, pad=True) == " 96/280"
    assert count_line(counted(96), fr, platform="X") == "96/280 sur X"
    assert count_line(counted(290), en, platform="X") == "290/280 on X · 10 over"


def test_command_line_counts_agree_with_their_number() -> None:
    en = Words("en")
    assert en("cli.lines_skipped", n=1, shown="3") == "1 line is not an event and was skipped (3)"
    assert en("cli.lines_skipped", n=2, shown="3, 4") == (
        "2 lines are not events and were skipped (3, 4)")
    assert en("cli.drafts_over", n=2) == "2 drafts over the limit"


@pytest.mark.parametrize(("language", "names"), [
    ("fr", {"mark": "marque", "skip": "saut", "shift": "décalage", "compress": "resserrement"}),
    ("en", {"mark": "mark", "skip": "skip", "shift": "shift", "compress": "compression"}),
])
def test_the_help_of_u_names_everything_u_undoes(language: str, names: dict[str, str]) -> None:
    from tui.core.run.runstate import UNDOABLE

    # A trial found "Undo the last mark" while `u` also takes back a skip, a shift and
    # a compression; a new undoable action must be named here too.
    assert set(names) == UNDOABLE
    text = Words(language)("help.undo")  # type: ignore[arg-type]
    assert all(name in text for name in names.values()), text
