"""`tchat check` speaks the plan's language: a French plan gets its problems, its summary
and its pre-flight in French, in the same `plan.toml:12: error: field: …` shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.plan.glance import language_of, plan_language

BROKEN = Path(__file__).parent / "broken"
NBSP = "\u00a0"


def check(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str]:
    code = main(["check", str(path)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def french(name: str, tmp_path: Path) -> Path:
    """A plan of the broken corpus, made French."""
    text = (BROKEN / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text.replace('language = "en"', 'language = "fr"'), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "line"), [
    ("tag-no-hash.toml", r":\d+: error: chat\.tag: le tag 'TestChat' devrait commencer "
                         r"par '#'"),
    ("unknown-table.toml", rf":\d+: error: questoins: champ inconnu 'questoins' \(vouliez-vous "
                           rf"dire 'questions'{NBSP}\?\)"),
    ("missing-title.toml", r":\d+: error: chat\.title: est obligatoire"),
    ("bad-timezone.toml", r":\d+: error: chat\.timezone: 'Europe/Pariss' n'est pas un fuseau "
                          r"horaire connu"),
    ("networks-unknown.toml", r":7: error: chat\.platforms\[2\]: devrait être l'une des "
                              r"valeurs 'x', 'x-legacy', 'bluesky', 'mastodon' ou 'threads'"),
    ("unknown-placeholder.toml", r":\d+: error: posts\[3\]\.text: variable inconnue \{hashtag\}"),
    ("variant-over-limit.toml", rf":34: error: questions\[1\]\.variants: Q1 compte 326/280 sur "
                                rf"x{NBSP}: 46 de trop"),
    ("same-minute.toml", r":\d+: error: questions\[1\]: posts\[\d\] et questions\[1\] sont tous "
                         r"deux à la minute 2"),
    ("handle-bluesky-not-a-domain.toml", rf":13: warning: guests\[1\]\.handle: sur bluesky{NBSP}: "
                                         r"'@Guest' n'est pas un compte Bluesky"),
])
def test_a_french_plan_s_problems_are_french(
    name: str, line: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = french(name, tmp_path)
    _code, out = check(capsys, path)
    assert re.search(re.escape(str(path)) + line, out), out


def test_the_summary_is_french_with_french_typography(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = french("same-minute.toml", tmp_path)
    code, out = check(capsys, path)
    assert code == 1
    assert f"{path}{NBSP}: 1 erreur, 0 avertissement{NBSP}: inutilisable" in out
    # The message's colons keep their no-break space; the line's own shape has none.
    assert f"{path}:" in out and f"{NBSP}: un message à la fois" in out


def test_the_same_plan_in_english_is_said_in_english(
    capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(capsys, BROKEN / "same-minute.toml")
    assert code == 1
    assert "are both at minute 2: one post at a time" in out
    assert "1 error, 0 warnings: not usable" in out
    assert NBSP not in out


def test_a_toml_error_is_said_in_the_language_its_plan_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # TOML refuses the file: its language is read from the [chat] table's line.
    path = tmp_path / "broken.toml"
    path.write_text('[chat]\nlanguage = "fr"\ntitle = "x\n', encoding="utf-8")
    code, out = check(capsys, path)
    assert code == 1 and f"{path}:3: error: TOML invalide{NBSP}:" in out
    path.write_text('[chat]\nlanguage = "en"\ntitle = "x\n', encoding="utf-8")
    _code, out = check(capsys, path)
    assert f"{path}:3: error: not valid TOML:" in out
    # Nothing says which: no [chat] table, not a plan at all: English.
    path.write_text('title = "x\n', encoding="utf-8")
    _code, out = check(capsys, path)
    assert f"{path}:1: error: not valid TOML:" in out


@pytest.mark.parametrize(("text", "language"), [
    ('[chat]\ntitle = "x"\n', "fr"),  # the model's default
    ('[chat]\nlanguage = "en"\n', "en"),
    ('[chat]\nlanguage = "de"\n', "en"),  # a language tchat does not speak
    ('[chat]\ntitle = "x\n  language = "en"  # mine\n', "en"),
    ('[chat]\ntitle = "x\n[guests]\nlanguage = "en"\n', "fr"),  # not [chat]'s
    ("[[questions]]\ntext = 1 2\n", "en"),
    ("\x00\x01", "en"),
])
def test_the_language_of_a_plan_that_does_not_load(text: str, language: str) -> None:
    assert language_of(text) == language


def test_a_file_that_cannot_be_read_is_said_in_english(tmp_path: Path) -> None:
    assert plan_language(tmp_path) == "en"
    assert plan_language(tmp_path / "missing.toml") == "en"
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe[chat]")
    assert plan_language(tmp_path / "binary.toml") == "en"


def test_a_folder_in_a_french_plan_s_place_is_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No plan, no language: what the reader says of the path is English.
    _code, out = check(capsys, tmp_path)
    assert "is a folder, not a plan file" in out


# --- the other commands say what they say in the plan's language ----------------------


def french_posting_plan(folder: Path, accounts: str = "") -> Path:
    from posting import write_plan

    path = write_plan(folder, accounts)
    path.write_text(path.read_text(encoding="utf-8").replace('language = "en"',
                                                             'language = "fr"'),
                    encoding="utf-8")
    return path


def test_post_login_and_check_online_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("socket.socket.connect",
                        lambda *_a: pytest.fail("no socket for a plan without [accounts]"))
    plan = french_posting_plan(tmp_path)
    assert main(["post", str(plan), "Q1"]) == 1
    assert f"{plan}{NBSP}: pas de table [accounts]{NBSP}: tchat ne publie rien" in (
        capsys.readouterr().err)
    assert main(["login", str(plan), "bluesky"]) == 1
    assert "[accounts] ne nomme aucun compte bluesky" in capsys.readouterr().err
    assert main(["check", str(plan), "--online"]) in (0, 1)
    assert "pas de [accounts]" in capsys.readouterr().out
    with_accounts = french_posting_plan(tmp_path, '\n[accounts]\nbluesky = "endcm.org"\n')
    assert main(["post", str(with_accounts), "Q9"]) == 2
    assert "aucun message ne s'appelle 'Q9'" in capsys.readouterr().err


def test_feed_without_a_source_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = french_posting_plan(tmp_path)
    assert main(["feed", str(plan), "--once"]) == 1
    assert f"{NBSP}: aucune source à lire{NBSP}: ajoutez une table [feed]" in (
        capsys.readouterr().err)


def test_drafts_headers_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    plans = Path(__file__).resolve().parents[2] / "plans"
    assert main(["drafts", str(plans / "demo-fr.toml")]) == 0
    header = next(line for line in capsys.readouterr().out.splitlines() if "texte" in line)
    assert "heure" in header and "compte" in header
    assert main(["drafts", str(plans / "demo-en.toml")]) == 0
    header = next(line for line in capsys.readouterr().out.splitlines() if "draft" in line)
    assert "time" in header and "count" in header


def test_check_says_how_the_feed_recognises_the_host_and_guests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plans = Path(__file__).resolve().parents[2] / "plans"
    text = (plans / "demo-en.toml").read_text(encoding="utf-8")
    text = text.replace('host = "@CivicChatsHub"', 'host = "@CivicChatsHub@social.example"')
    text = text.replace('replay = "demo-en.conversation.jsonl"',
                        'mastodon = "https://social.example"')
    text = text.replace('handle = "@DRLawClinic"', 'handle = "drlawclinic.bsky.social"')
    path = tmp_path / "chat.toml"
    path.write_text(text, encoding="utf-8")
    code, out = check(capsys, path)
    host = next(line for line in out.splitlines() if ": note: chat.host: " in line)
    assert host.startswith(f"{path}:26: note: chat.host: on mastodon, "
                           "@CivicChatsHub@social.example is recognised as CivicChatsHub "
                           "in the posts social.example serves and as "
                           "CivicChatsHub@social.example on other servers")
    guest = next(line for line in out.splitlines() if ": note: guests[1].handle: " in line)
    assert "@SafeScreensOrg is recognised as SafeScreensOrg on any server" in guest
    # A Bluesky handle recognises no Mastodon account: nothing to note.
    assert ": note: guests[3].handle: " not in out
    assert code == 0 and "no problem found" in out  # a note is no problem
    path.write_text(text.replace('language = "en"', 'language = "fr"'), encoding="utf-8")
    _code, out = check(capsys, path)
    assert "est reconnu comme CivicChatsHub dans les messages que social.example sert" in out
    # Without a Mastodon feed there is nothing to recognise.
    assert main(["check", str(plans / "demo-en.toml")]) == 0
    assert ": note: " not in capsys.readouterr().out


def test_a_platforms_refusal_and_warning_are_said_in_french(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """What a platform refuses or warns of (the counters' words) reads in the plan's
    language, the refusal as the reason of its error."""
    source = Path(__file__).parents[1] / "ui" / "plans" / "chat-fr.toml"
    text = source.read_text(encoding="utf-8").replace('platform = "x"', 'platform = "threads"')
    text = text.replace("Présentez-vous 👋", "#Lecture Présentez-vous 👋")
    links = " ".join(f"https://a{n}.fr" for n in range(6))
    text = text.replace("Un livre à offrir à Noël", f"{links} Un livre à offrir à Noël")
    path = tmp_path / "threads.toml"
    path.write_text(text, encoding="utf-8")
    code, out = check(capsys, path)
    assert code == 1
    flat = re.sub("[ \n]+", " ", out)  # str.split() would take the no-break spaces too
    assert (f"Threads ne prend qu'un sujet par publication{NBSP}: #Lecture devient le "
            f"sujet{NBSP}; restent en texte simple{NBSP}: #TchatLecture.") in flat
    assert (f"ne peut pas partir sur threads{NBSP}: Threads refuse une publication de plus "
            f"de 5 liens{NBSP}: celle-ci en compte 6") in flat
    assert "topic" not in flat and "refuses" not in flat
