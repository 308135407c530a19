"""`tchat feed PLAN`: the conversation in the terminal, against a local Mastodon server."""

from __future__ import annotations

import argparse
import json
import socket
from datetime import timedelta
from pathlib import Path

import pytest
from feed_servers import FakeServer, MastodonData, minute

from tui.cli import main
from tui.commands import feed as feed_command

PLAN = '''[chat]
title = "Test chat"
tag = "#tchat"
start = 2026-12-03T17:00:00+00:00
language = "en"
host = "@MyOrg"

[[guests]]
name = "Guest"
handle = "@guest"

[[questions]]
text = "First?"

[[questions]]
text = "Second?"
'''


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


def plan_with(tmp_path: Path, feed: str) -> Path:
    path = tmp_path / "chat.toml"
    path.write_text(PLAN + feed, encoding="utf-8")
    return path


def args(plan: Path, *more: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    feed_command.register(sub, "")
    return parser.parse_args(["feed", str(plan), *more])


def once(plan: Path, *more: str) -> int:
    """`tchat feed PLAN --once ...` ten minutes into the chat, with no credentials."""
    return feed_command.run(args(plan, "--once", *more), now=lambda: minute(10), timeout=5,
                            environ={})


def test_once_jsonl_prints_every_post_with_its_meaning(
    mastodon: tuple[FakeServer, MastodonData], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _server, data = mastodon
    data.add("MyOrg", "<p>Q1 First?</p>", minute(1))
    data.add("ann@far.example", "<p>A1: yes<br>\x1b[31mred</p>", minute(2))
    data.add("guest", "<p>A2 from the guest</p>", minute(3))
    data.add("bob", "<p>Is this recorded?</p>", minute(4))
    plan = plan_with(tmp_path, f'\n[feed]\nmastodon = "{data.base}"\n')
    code = once(plan, "--jsonl")
    out = capsys.readouterr()
    assert code == 0, out.err
    lines = [json.loads(line) for line in out.out.splitlines()]
    # A local account is named with its server: one person whichever server shows them.
    assert [(x["author"], x["kind"], x["answers"]) for x in lines] == [
        ("MyOrg@127.0.0.1", "host", None), ("ann@far.example", "answer", 1),
        ("guest@127.0.0.1", "guest", 2), ("bob@127.0.0.1", "question", None)]
    assert set(lines[1]) >= {"platform", "id", "author", "name", "text", "url",
                             "created_at", "answers", "kind"}
    assert lines[1]["text"] == "A1: yes\n\x1b[31mred"  # JSON escapes it: `\u001b`
    assert "\x1b" not in out.out
    assert "Mastodon · 4 posts · updated" in out.err
    assert not list(tmp_path.glob("*.jsonl"))  # the command writes nothing


def test_once_table_shows_marks_and_sanitises(
    mastodon: tuple[FakeServer, MastodonData], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _server, data = mastodon
    data.add("ann", "<p>A1 [bold]x[/bold] \x1b]8;;evil\x07</p>", minute(2))
    plan = plan_with(tmp_path, f'\n[feed]\nmastodon = "{data.base}"\n')
    code = once(plan)
    out = capsys.readouterr().out
    assert code == 0
    assert "@ann" in out and "A1" in out and "[bold]x[/bold]" in out
    assert "\x1b]8;;evil" not in out and "␛]8;;evil␇" in out


def test_a_failing_source_is_a_line_and_exit_1(
    mastodon: tuple[FakeServer, MastodonData], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _server, data = mastodon
    plan = plan_with(tmp_path, f'\n[feed]\nmastodon = "{data.base}"\nbluesky = true\n')
    data.timeline = lambda _seen: (  # type: ignore[method-assign]
        200, {"Content-Type": "text/html"}, b"<html>maintenance</html>")
    code = once(plan)
    err = capsys.readouterr().err
    assert code == 1
    assert "Mastodon: " in err and "offline since" in err
    assert "Bluesky: no app password" in err


def test_follow_polls_again_after_the_wait(
    mastodon: tuple[FakeServer, MastodonData], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _server, data = mastodon
    data.add("ann", "<p>A1 first</p>", minute(1))
    plan = plan_with(tmp_path, f'\n[feed]\nmastodon = "{data.base}"\npoll_seconds = 20\n')
    now = [minute(10)]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            raise KeyboardInterrupt
        now[0] += timedelta(seconds=seconds)
        data.add("bob", "<p>A2 second</p>", minute(11))

    with pytest.raises(KeyboardInterrupt):
        feed_command.run(args(plan, "--jsonl"), now=lambda: now[0], timeout=5, sleep=sleep,
                         environ={})
    texts = [json.loads(line)["text"] for line in capsys.readouterr().out.splitlines()]
    assert texts == ["A1 first", "A2 second"] and waits == [20.0, 20.0]


def test_no_feed_no_socket(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    plan = plan_with(tmp_path, '\n[feed]\nreplay = "none.jsonl"\n')
    assert main(["feed", str(plan), "--once"]) == 1
    assert "no source to read" in capsys.readouterr().err
    plain = plan_with(tmp_path, "")
    assert main(["feed", str(plain), "--once"]) == 1


def test_login_keeps_the_password_in_the_keyring_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept: dict[tuple[str, str], str] = {}
    import keyring

    monkeypatch.setattr(keyring, "set_password",
                        lambda service, name, value: kept.__setitem__((service, name), value))
    monkeypatch.setattr(keyring, "get_password", lambda service, name: kept.get((service, name)))
    monkeypatch.setattr("builtins.input", lambda _prompt: "@me.bsky.social")
    monkeypatch.setattr("getpass.getpass", lambda _prompt: "xxxx-yyyy-zzzz-wwww")
    plan = plan_with(tmp_path, "\n[feed]\nbluesky = true\n")
    assert main(["feed", str(plan), "--login", "bluesky"]) == 0
    out = capsys.readouterr()
    assert kept == {("tchat", "bluesky-handle"): "me.bsky.social",
                    ("tchat", "bluesky-app-password"): "xxxx-yyyy-zzzz-wwww"}
    assert "xxxx" not in out.out + out.err
    assert "App passwords" in out.err
    written = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"xxxx" not in written


def test_login_without_a_keyring_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("builtins.input", lambda _prompt: "me.bsky.social")
    monkeypatch.setattr("getpass.getpass", lambda _prompt: "pw")
    plan = plan_with(tmp_path, "\n[feed]\nbluesky = true\n")
    assert main(["feed", str(plan), "--login", "bluesky"]) == 1
    assert "TCHAT_BLUESKY_APP_PASSWORD" in capsys.readouterr().err




def test_once_table_shows_links_whole(
    mastodon: tuple[FakeServer, MastodonData], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    # In 80 columns a post's address longer than the line is printed on one line, never
    # folded over a narrow column where it can be neither copied nor opened.
    monkeypatch.setenv("COLUMNS", "80")
    _server, data = mastodon
    author = "ann_who_writes_with_a_very_long_account_name_indeed"
    data.add(author, "<p>A1 yes, and a long post that fills more than one line of the "
             "terminal, so it wraps in its column</p>", minute(2))
    plan = plan_with(tmp_path, f'\n[feed]\nmastodon = "{data.base}"\n')
    code = once(plan)
    out = capsys.readouterr().out
    assert code == 0
    [url] = [post["url"] for post in data.statuses]
    assert len(url) > 80
    assert [line.strip() for line in out.splitlines() if url in line] == [url]
    assert f"@{author}" in out and "A1" in out


def test_two_servers_one_post_each_and_a_mute_from_the_live_log(
    mastodon: tuple[FakeServer, MastodonData], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from feed_servers import served

    _server, one = mastodon
    two = MastodonData()
    for _second, base in served(two.handle):
        two.base = base
        shared = "https://far.example/users/ann/statuses/7"
        q1 = one.add("MyOrg", "<p>Q1 First?</p>", minute(1))
        one.add("ann@far.example", "<p>A1 seen on both</p>", minute(2), uri=shared)
        two.add("ann@far.example", "<p>A1 seen on both</p>", minute(2), uri=shared)
        one.add("zed", "<p>untagged, under Q1</p>", minute(3), reply_to=q1, tagged=False)
        two.add("spam@bad.example", "<p>A1 buy now</p>", minute(4))
        plan = plan_with(tmp_path, f'\n[feed]\nmastodon = ["{one.base}", "{two.base}"]\n')
        from tui.core.run.asrun import AsRunLog, Event, log_path_for

        AsRunLog(log_path_for(plan)).append(Event("mute", minute(5), minute(5),
                                                  accounts=("spam@bad.example",)))
        code = once(plan, "--jsonl")
    out = capsys.readouterr()
    assert code == 0, out.err
    lines = [json.loads(line) for line in out.out.splitlines()]
    assert [(x["author"], x["answers"], x["first_post"]) for x in lines] == [
        ("MyOrg@127.0.0.1", None, True), ("ann@far.example", 1, True),
        ("zed@127.0.0.1", 1, True)]
    assert lines[1]["id"] == shared
    assert "Mastodon · 2 of 2 servers answer · updated" in out.err


def test_a_french_plan_s_status_lines_are_french(
    mastodon: tuple[FakeServer, MastodonData], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _server, data = mastodon
    plan = plan_with(tmp_path, f'\n[feed]\nmastodon = "{data.base}"\nbluesky = true\n')
    plan.write_text(plan.read_text(encoding="utf-8").replace('language = "en"',
                                                             'language = "fr"'),
                    encoding="utf-8")
    data.timeline = lambda _seen: (  # type: ignore[method-assign]
        200, {"Content-Type": "text/html"}, b"<html>maintenance</html>")
    code = once(plan)
    err = capsys.readouterr().err
    assert code == 1
    # The source's failure, its offline line and Bluesky's missing password, in French,
    # with the no-break spaces of French typography.
    assert "hors ligne depuis" in err and "offline" not in err
    assert "Bluesky\u00a0:" in err and "no app password" not in err
