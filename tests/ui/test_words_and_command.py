"""Screen words in both languages, the demo's location, and `tchat run`'s arguments."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tui.cli import build_parser
from tui.commands.demo import demo_copy, demo_plan_path
from tui.core.plan.planfile import load_plan
from tui.core.text.words import Words
from tui.screens.keys import APP_KEYS, LIVE_KEYS, REHEARSAL_KEYS, RUN_KEYS


def test_every_key_has_a_name_and_a_help_line() -> None:
    for language in ("fr", "en"):
        words = Words(language)
        for key in (*RUN_KEYS, *REHEARSAL_KEYS, *LIVE_KEYS, *APP_KEYS):
            assert words(f"key.{key.id}") and words(f"help.{key.id}")


def test_keys_are_unique() -> None:
    # Rehearsal keys included: a rehearsal has every key at once.
    keys = [k.key for k in (*RUN_KEYS, *REHEARSAL_KEYS, *LIVE_KEYS, *APP_KEYS)]
    assert len(keys) == len(set(keys))
    assert "ctrl+c" not in keys  # copies inside inputs; never "copy draft"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_demo_plans_are_found_and_load(language: str) -> None:
    path = demo_plan_path(language)  # type: ignore[arg-type]
    assert path.name == f"demo-{language}.toml" and path.is_file()
    assert load_plan(path).chat.language == language


def test_the_demo_runs_on_a_copy(tmp_path: Path) -> None:
    copy = demo_copy("fr", tmp_path)
    assert copy != demo_plan_path("fr")
    assert copy.read_bytes() == demo_plan_path("fr").read_bytes()


@pytest.mark.parametrize(
    ("argv", "plan", "lang"),
    [
        (["run", "p.toml"], "p.toml", None),
        (["run", "p.toml", "--lang", "en"], "p.toml", "en"),
        (["run"], None, None),
    ],
)
def test_run_arguments(argv: list[str], plan: str | None, lang: str | None) -> None:
    parser, _known = build_parser()
    args = parser.parse_args(argv)
    assert (str(args.plan) if args.plan else None, args.lang) == (plan, lang)
    assert args.func.__module__ == "tui.commands.run"


def test_broken_plan_reports_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli import main

    broken = tmp_path / "broken.toml"
    broken.write_text("[chat]\ntitle = 'x'\n")
    assert main([str(broken)]) == 1
    err = capsys.readouterr().err
    # No `language`: a French plan (the default), its problems said in French.
    assert "broken.toml:1: error: chat.tag: est obligatoire" in err


def test_the_demo_rehearsal_leaves_no_files_behind(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tui.commands.rehearse as rehearse_module
    from tui.app import TchatApp

    seen: list[Path] = []

    def fake_run(app: TchatApp) -> None:
        app.load()  # as the real run does once its first frame is drawn
        seen.append(app.session.plan_path)
        assert app.session.plan_path.is_file()

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(TchatApp, "run", fake_run)
    monkeypatch.setattr("tui.startup.terminal_missing", lambda: None)
    code = rehearse_module.rehearse(rehearse_module.Rehearsal(None, language="en"))
    assert code == 0
    assert seen and seen[0].name == "demo-en.toml"
    assert list(tmp_path.iterdir()) == []
