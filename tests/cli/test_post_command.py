"""`tchat post`, `tchat login`, `tchat check --online`, and the secrets that stay home."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from feed_servers import BlueskyPds, FakeServer, MastodonAccount
from posting import write_plan

from tui.cli import main
from tui.core.run.asrun import log_path_for, read_events


@pytest.fixture
def keyring_memory(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], str]:
    """The system keyring, in memory: what `tchat login` keeps, where a test can see it."""
    kept: dict[tuple[str, str], str] = {}
    import keyring

    monkeypatch.setattr(keyring, "set_password",
                        lambda service, name, value: kept.__setitem__((service, name), value))
    monkeypatch.setattr(keyring, "get_password", lambda service, name: kept.get((service, name)))
    return kept


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TCHAT_BLUESKY_APP_PASSWORD", "TCHAT_MASTODON_TOKEN", "TCHAT_BLUESKY_HANDLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


def both(pds: str, mastodon: str) -> str:
    return (f'\n[accounts]\nbluesky = "endcm.org"\nbluesky_service = "{pds}"\n'
            f'mastodon = "@endcm@social.example"\nmastodon_server = "{mastodon}"\n')


def refuse_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_post_prints_each_link_logs_and_never_posts_twice(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str],
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _s, pds, pds_base = bluesky_pds
    _m, account = mastodon_account
    plan = write_plan(tmp_path, both(pds_base, account.base))
    monkeypatch.setenv("TCHAT_BLUESKY_APP_PASSWORD", pds.password)
    monkeypatch.setenv("TCHAT_MASTODON_TOKEN", account.token)
    assert main(["post", str(plan), "Q2"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0].startswith("Q2 posted on Bluesky: https://bsky.app/profile/endcm.org/post/")
    assert lines[1].startswith(f"Q2 posted on Mastodon: {account.base}/@endcm/")
    assert lines[2] == "X text to paste by hand"
    events = read_events(log_path_for(plan))
    assert [e.kind for e in events][-1] == "mark" and events[-1].via == "post"
    # Again, by id: where it is already, nothing sent, still exit 0.
    assert main(["post", str(plan), "q2"]) == 0
    again = capsys.readouterr().out
    assert "Q2 is already on Bluesky, nothing sent again" in again
    assert len(pds.posts()) == 1 and len(account.statuses) == 1


def test_post_a_failure_is_one_line_and_exit_1_saying_what_went_out(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str],
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _s, pds, pds_base = bluesky_pds
    _m, account = mastodon_account
    plan = write_plan(tmp_path, both(pds_base, account.base))
    monkeypatch.setenv("TCHAT_BLUESKY_APP_PASSWORD", pds.password)
    # No Mastodon token: Bluesky goes out, Mastodon says why not.
    assert main(["post", str(plan), "welcome"]) == 1
    out = capsys.readouterr()
    assert "Welcome posted on Bluesky" in out.out
    (line,) = out.err.splitlines()
    assert line == ("Welcome not sent to Mastodon: no credential for @endcm@social.example "
                    "(tchat login PLAN mastodon, or TCHAT_MASTODON_TOKEN)")


def test_post_dry_run_prints_what_would_go_and_opens_no_socket(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    plan = write_plan(tmp_path)
    refuse_sockets(monkeypatch)
    assert main(["post", str(plan), "thanks", "--dry-run"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [x["network"] for x in lines] == ["bluesky", "mastodon"]
    bluesky = lines[0]["parts"]
    assert len(bluesky) >= 3 and bluesky[1]["reply"] == {"root": {"part": 1},
                                                          "parent": {"part": 1}}
    assert all(p["valid"] and p["length"] <= 300 for p in bluesky)
    assert bluesky[0]["facets"][0]["kind"] == "tag"
    assert lines[1]["parts"][0]["idempotency_key"].startswith("tchat-")
    assert not log_path_for(plan).exists()


def test_post_usage_and_a_plan_without_accounts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_sockets(monkeypatch)
    plan = write_plan(tmp_path, accounts="")
    assert main(["post", str(plan), "Q1"]) == 1
    assert "no [accounts] table: tchat posts nothing" in capsys.readouterr().err
    with_accounts = write_plan(tmp_path)
    assert main(["post", str(with_accounts), "Q9"]) == 2
    assert "no cue is called 'Q9'" in capsys.readouterr().err
    assert main(["post", str(with_accounts), "promo"]) == 2  # no promo: nothing matches
    with pytest.raises(SystemExit) as stopped:
        main(["post", str(with_accounts), "Q1", "--network", "x"])
    assert stopped.value.code == 2
    capsys.readouterr()


def test_no_accounts_no_socket_in_check_online_either(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_sockets(monkeypatch)
    plan = write_plan(tmp_path, accounts="")
    assert main(["check", str(plan), "--online"]) in (0, 1)
    assert "no [accounts]: nothing to sign in to" in capsys.readouterr().out


def test_check_online_signs_in_to_each_account(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str],
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _s, pds, pds_base = bluesky_pds
    _m, account = mastodon_account
    plan = write_plan(tmp_path, both(pds_base, account.base))
    monkeypatch.setenv("TCHAT_BLUESKY_APP_PASSWORD", pds.password)
    monkeypatch.setenv("TCHAT_MASTODON_TOKEN", "not-the-token")
    assert main(["check", str(plan), "--online"]) == 1
    out = capsys.readouterr().out
    assert "✓ bluesky: signed in as endcm.org" in out
    assert "mastodon: error: " in out and "refused the token" in out
    assert "not-the-token" not in out


def test_check_refuses_a_card_without_alt_missing_oversized_or_not_an_image(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = write_plan(tmp_path)
    text = plan.read_text()
    plan.write_text(text.replace('alt = "A chart of the risks"\n', "")
                    + '\n[[questions]]\ntext = "Third?"\nimage = "gone.png"\nalt = "x"\n'
                    + '\n[[questions]]\ntext = "Fourth?"\nimage = "big.png"\nalt = "x"\n'
                    + '\n[[questions]]\ntext = "Fifth?"\nimage = "notes.txt"\nalt = "x"\n')
    (tmp_path / "big.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 1_000_001)
    (tmp_path / "notes.txt").write_text("not an image")
    assert main(["check", str(plan)]) == 1
    out = capsys.readouterr().out
    assert "questions[1].image: image 'q1.png' has no alt text" in out
    assert "questions[3].image: image 'gone.png' is not there" in out
    assert "questions[4].image: image 'big.png' is 1,000,009 bytes: Bluesky takes 1,000,000" \
        in out
    assert "questions[5].image: image 'notes.txt' is not a PNG, JPEG, WebP or GIF image" in out


def test_login_and_post_leave_no_secret_on_disk_or_on_screen(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str],
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        keyring_memory: dict[tuple[str, str], str]) -> None:
    _s, pds, pds_base = bluesky_pds
    _m, account = mastodon_account
    plan = write_plan(tmp_path, both(pds_base, account.base))
    monkeypatch.setattr("getpass.getpass", lambda _prompt: pds.password)
    assert main(["login", str(plan), "bluesky"]) == 0
    # Mastodon: nothing pasted, so tchat registers itself and the code is exchanged.
    monkeypatch.setattr("getpass.getpass", lambda _prompt: "")
    monkeypatch.setattr("builtins.input", lambda _prompt: account.code)
    assert main(["login", str(plan), "mastodon"]) == 0
    assert keyring_memory == {
        ("tchat", "bluesky-app-password:endcm.org"): pds.password,
        ("tchat", "mastodon-token:@endcm@social.example"): account.token}
    screen = capsys.readouterr()
    assert "scope=write%3Astatuses+write%3Amedia+read%3Astatuses" in screen.err
    assert main(["post", str(plan), "Q1"]) == 0
    assert main(["post", str(plan), "thanks"]) == 0
    assert main(["post", str(plan), "Q2", "--dry-run"]) == 0
    assert main(["export", str(plan), "--to", "recap-md", "-o", str(tmp_path / "r.md")]) == 0
    screen2 = capsys.readouterr()
    secrets = [pds.password, account.token, account.client_secret, account.code]
    shown = screen.out + screen.err + screen2.out + screen2.err
    written = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    for value in secrets:
        assert value not in shown
        assert value.encode() not in written
    assert len(pds.posts()) > 1 and len(account.statuses) > 1


def test_login_without_a_keyring_says_what_to_set(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _s, pds, pds_base = bluesky_pds
    plan = write_plan(tmp_path, f'\n[accounts]\nbluesky = "endcm.org"\n'
                                f'bluesky_service = "{pds_base}"\n')
    monkeypatch.setattr("getpass.getpass", lambda _prompt: pds.password)
    assert main(["login", str(plan), "bluesky"]) == 1
    err = capsys.readouterr().err
    assert "set TCHAT_BLUESKY_APP_PASSWORD instead" in err and pds.password not in err
    monkeypatch.setattr("getpass.getpass", lambda _prompt: "wrong-password-here")
    assert main(["login", str(plan), "bluesky"]) == 1
    err = capsys.readouterr().err
    assert f"not kept: {pds_base} refused the app password" in err
    assert "wrong-password-here" not in err
    assert main(["login", str(plan), "mastodon"]) == 1
    assert "names no mastodon account" in capsys.readouterr().err


def test_an_account_on_a_network_the_plan_does_not_run_on_posts_nothing_and_is_warned(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A chat on X and Bluesky only: the Mastodon account is left over from another plan.
    plan = write_plan(tmp_path, '\n[accounts]\nbluesky = "endcm.org"\n'
                      'mastodon = "@endcm@social.example"\n',
                      platforms='"x", "bluesky"')
    refuse_sockets(monkeypatch)
    assert main(["post", str(plan), "Q2", "--dry-run"]) == 0
    sent = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert [line["network"] for line in sent] == ["bluesky"]
    assert main(["check", str(plan)]) == 0
    out = capsys.readouterr().out
    assert "accounts.mastodon" in out and "does not run on (x, bluesky)" in out
