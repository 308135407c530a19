"""The attack suite for posting: `tchat post` and `tchat check --online` against hostile
servers on 127.0.0.1, as `test_feed_attacks.py` runs `tchat feed --once`.

A PDS or a Mastodon server that answers as an attacker (or a broken proxy) would: one
byte a second, no answer at all, 50 MB or an endless body, a status line that is not
HTTP, a redirect to another host, 429s with absurd resets, garbage, nested and HTML
answers, an id of 100,000 characters, escapes in a link, an error that echoes the
secret. Each case checks the command as a moderator meets it: it returns (in a thread
that must end), exit 1 with one line naming the server and what it answered, no
traceback, no raw control character, no secret; and, run again against the server
behaving, the post is there once: never a second post. Requests get one second in all
here (ten in the app); a rate limit is never slept through.
"""

from __future__ import annotations

import argparse
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from feed_servers import (
    BlueskyPds,
    FakeServer,
    Flood,
    Hostile,
    MastodonAccount,
    Raw,
    Reply,
    Seen,
    Trickle,
    _b64,
    head,
    json_reply,
    served,
)
from posting import write_plan

from tui.commands import post as post_command
from tui.commands.check import check_online
from tui.core.text.controls import UNSAFE

NASTY = "\x1b]52;c;SGFja2Vk\x07\x1b[2J\x9b31m\u202e[bold red]x[/]\u2066"
NESTED = b"[" * 100_000 + b"]" * 100_000
JSON = {"Content-Type": "application/json"}
Answer = Callable[[Seen], Reply | Hostile]


@dataclass
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    for name in ("TCHAT_BLUESKY_APP_PASSWORD", "TCHAT_MASTODON_TOKEN", "TCHAT_BLUESKY_HANDLE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def elsewhere() -> Iterator[tuple[FakeServer, str]]:
    """Another host a redirect points to: it must never be asked anything."""
    yield from served(lambda _seen: json_reply({"accessJwt": "x", "id": "1"}))


class Hostile1:
    """A server that answers `answers[path]` once (the first request to that path),
    and behaves afterwards: the second run of the command meets a working server."""

    def __init__(self, behave: Callable[[Seen], Reply], answers: dict[str, Answer]) -> None:
        self.behave = behave
        self.answers = dict(answers)

    def __call__(self, seen: Seen) -> Reply | Hostile:
        answer = self.answers.pop(seen.path, None)
        return answer(seen) if answer is not None else self.behave(seen)


def hostile(answer: Hostile) -> Answer:
    return lambda _seen: answer


def body(data: bytes, status: int = 200, **headers: str) -> Answer:
    return lambda _seen: (status, {"Content-Type": "application/json", **headers}, data)


def html(status: int) -> Answer:
    return lambda _seen: (status, {"Content-Type": "text/html"}, b"<html>nope</html>")


def after(behave: Callable[[Seen], Reply], answer: Answer) -> Answer:
    """The server does what was asked (the post is made), then answers `answer`."""
    def handle(seen: Seen) -> Reply | Hostile:
        behave(seen)
        return answer(seen)
    return handle


def trickled(behave: Callable[[Seen], Reply]) -> Answer:
    """The real answer, one byte every fifth of a second."""
    def handle(seen: Seen) -> Hostile:
        status, headers, content = behave(seen)
        return Trickle(head(f"{status} OK", headers, len(content)) + content, every=0.2)
    return handle


def run_in_thread(call: Callable[[], int], capsys: pytest.CaptureFixture[str],
                  secrets: tuple[str, ...]) -> Outcome:
    codes: list[int] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            codes.append(call())
        except BaseException as error:  # noqa: BLE001 - a traceback is what is checked
            failures.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "the command did not return"
    captured = capsys.readouterr()
    assert failures == [], f"raised {failures[0]!r}"
    outcome = Outcome(codes[0], captured.out, captured.err)
    text = outcome.out + outcome.err
    assert "Traceback" not in text, text
    assert UNSAFE.isdisjoint(text), "a raw control character reached the output"
    for secret in secrets:
        assert secret not in text
    return outcome


def post_q2(plan: Path, capsys: pytest.CaptureFixture[str], network: str,
            environ: dict[str, str]) -> Outcome:
    """`tchat post PLAN Q2 --network NETWORK`, each request given 1 s, nothing slept."""
    parser = argparse.ArgumentParser()
    post_command.register(parser.add_subparsers(), "")
    args = parser.parse_args(["post", str(plan), "Q2", "--network", network])
    waits: list[float] = []
    outcome = run_in_thread(lambda: post_command.run(args, environ=dict(environ), timeout=1.0,
                                                     sleep=waits.append),
                            capsys, tuple(environ.values()))
    assert waits == []  # a rate limit is a line, never a wait of the server's choosing
    return outcome


def one_line(outcome: Outcome, network: str, base: str, expected: str) -> None:
    assert outcome.code == 1
    (line,) = outcome.err.splitlines()
    assert line.startswith(f"Q2 not posted on {network}: ") or line.startswith(
        f"Q2 not sent to {network}: ")
    assert base in line and expected in line, line


# --- Bluesky ------------------------------------------------------------------------------

SESSION = "/xrpc/com.atproto.server.createSession"
CREATE = "/xrpc/com.atproto.repo.createRecord"


def expiring(pds: BlueskyPds, exp: object) -> Answer:
    """A session whose access token says it expires at `exp` (a server's number)."""
    def handle(seen: Seen) -> Reply:
        status, headers, content = pds.handle_request(seen)
        session = json.loads(content)
        claims = {"scope": "com.atproto.appPass", "sub": pds.did, "iat": 0, "exp": exp}
        session["accessJwt"] = ".".join([_b64({"typ": "at+jwt", "alg": "ES256K"}),
                                         _b64(claims), "c2ln"])
        return json_reply(session)
    return handle


def bluesky_cases(pds: BlueskyPds) -> dict[str, tuple[str, Answer, str]]:
    behave = pds.handle_request
    return {
        "session-one-byte-a-second": (SESSION, trickled(behave),
                                      f"did not answer {SESSION} in full within 1 s"),
        "session-never-answers": (SESSION, hostile(Raw(b"", hold=True)),
                                  f"did not answer {SESSION} in full within 1 s"),
        "session-50-mb": (SESSION, hostile(Flood()), f"answered {SESSION} with more than 4 MB"),
        "session-endless": (SESSION, hostile(Flood(size=None)), "with more than 4 MB"),
        "session-not-http": (SESSION, hostile(Raw(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")),
                             f"answered {SESSION} with something that is not HTTP"),
        "session-429-inf": (SESSION, body(b'{"error":"RateLimitExceeded"}', 429,
                                          **{"ratelimit-reset": "inf"}),
                            "asks to wait (too many requests) for signing in: try again in "
                            "a day or more"),
        "session-429-1e300": (SESSION, body(b"{}", 429, **{"ratelimit-reset": "1e300",
                                                            "Retry-After": "nan"}),
                              "asks to wait (too many requests) for signing in"),
        "session-html": (SESSION, html(200),
                         f"{SESSION} answered a page that is not JSON (text/html)"),
        "session-nested": (SESSION, body(b'{"did":' + NESTED),
                           f"{SESSION} answered a page that is not JSON (application/json)"),
        "session-garbage": (SESSION, body(b'{"accessJwt": '), "answered a page that is not JSON"),
        "session-500": (SESSION, html(500), "refused signing in (HTTP 500)"),
        "session-expiring-in-year-3e12": (SESSION, expiring(pds, 1e20),
                                          "did not send a Bluesky session (signing in)"),
        "session-expiring-never": (SESSION, expiring(pds, 0),
                                   "did not send a Bluesky session (signing in)"),
        "session-echoes-the-password": (
            SESSION, body(json.dumps({"error": "AuthenticationRequired",
                                      "message": f"bad {pds.password} {NASTY}"}).encode(), 401),
            "refused the app password of endcm.org (AuthenticationRequired: bad …"),
        # The post is made, and its answer is lost in a hostile way: the next run finds it.
        "post-one-byte-a-second": (CREATE, trickled(behave),
                                   f"did not answer {CREATE} in full within 1 s"),
        "post-made-then-50-mb": (CREATE, after(behave, hostile(Flood())),
                                 f"answered {CREATE} with more than 4 MB"),
        "post-made-then-html": (CREATE, after(behave, html(200)),
                                f"{CREATE} answered a page that is not JSON (text/html)"),
        "post-made-then-nested": (CREATE, after(behave, body(NESTED)),
                                  f"{CREATE} answered a page that is not JSON"),
        "post-made-then-a-uri-of-100k": (
            CREATE, after(behave, body(json.dumps({"uri": "at://" + "x" * 100_000,
                                                   "cid": "bafy"}).encode())),
            "answered the post with something that is not a Bluesky record"),
        "post-429-1e300": (CREATE, body(b'{"error":"RateLimitExceeded"}', 429,
                                        **{"ratelimit-reset": "1e300"}),
                           "asks to wait (too many requests) for the post: try again in a "
                           "day or more"),
    }


BLUESKY_CASES = list(bluesky_cases(BlueskyPds()))


def bluesky_plan(tmp_path: Path, base: str) -> Path:
    return write_plan(tmp_path, f'\n[accounts]\nbluesky = "endcm.org"\n'
                                f'bluesky_service = "{base}"\n')


@pytest.mark.parametrize("case", BLUESKY_CASES)
def test_a_hostile_pds_is_one_line_and_never_a_second_post(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    pds = BlueskyPds()
    path, answer, expected = bluesky_cases(pds)[case]
    environ = {"TCHAT_BLUESKY_APP_PASSWORD": pds.password}
    for _server, base in served(Hostile1(pds.handle_request, {path: answer})):
        plan = bluesky_plan(tmp_path, base)
        one_line(post_q2(plan, capsys, "bluesky", environ), "Bluesky", base, expected)
        again = post_q2(plan, capsys, "bluesky", environ)
        pds.release.set()
    assert again.code == 0, again.err
    assert len(pds.posts()) == 1  # there once, whatever the first answer was
    assert pds.sessions <= 2  # one a run, at most


def test_the_app_password_never_follows_a_redirect_when_posting(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        elsewhere: tuple[FakeServer, str]) -> None:
    other, target = elsewhere
    pds = BlueskyPds()
    environ = {"TCHAT_BLUESKY_APP_PASSWORD": pds.password}
    moved = body(b"", 307, Location=f"{target}{SESSION}")
    for server, base in served(Hostile1(pds.handle_request, {SESSION: moved})):
        plan = bluesky_plan(tmp_path, base)
        one_line(post_q2(plan, capsys, "bluesky", environ), "Bluesky", base,
                 f"answered {SESSION} with a redirect to {target}{SESSION}: tchat follows none")
        assert post_q2(plan, capsys, "bluesky", environ).code == 0
        assert [r.path for r in server.requests].count(SESSION) == 2
    assert other.requests == [] and len(pds.posts()) == 1


# --- Mastodon -----------------------------------------------------------------------------

STATUSES = "/api/v1/statuses"
VERIFY = "/api/v1/apps/verify_credentials"


def mastodon_cases(account: MastodonAccount) -> dict[str, tuple[str, Answer, str]]:
    behave = account.handle
    status = {"id": "7" * 100_000, "url": f"https://evil.example/{NASTY}"}
    return {
        "post-one-byte-a-second": (STATUSES, trickled(behave),
                                   f"did not answer {STATUSES} in full within 1 s"),
        "post-made-never-answered": (STATUSES, after(behave, hostile(Raw(b"", hold=True))),
                                     f"did not answer {STATUSES} in full within 1 s"),
        "post-made-then-50-mb": (STATUSES, after(behave, hostile(Flood())),
                                 f"answered {STATUSES} with more than 4 MB"),
        "post-not-http": (STATUSES, hostile(Raw(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")),
                          f"answered {STATUSES} with something that is not HTTP"),
        "post-429-reset-1e20": (STATUSES, body(b"{}", 429, **{"X-RateLimit-Reset": "1e20"}),
                                "asks to wait (too many requests) for the post: try again in "
                                "a day or more"),
        "post-429-reset-inf": (STATUSES, body(b"{}", 429, **{"X-RateLimit-Reset": "inf",
                                                               "Retry-After": "nan"}),
                               "try again in a day or more"),
        "post-429-reset-year-9999": (
            STATUSES, body(b"{}", 429, **{"X-RateLimit-Reset": "9999-12-31T23:59:59-14:00"}),
            "asks to wait (too many requests) for the post"),
        "post-made-then-garbage": (STATUSES, after(behave, body(b'{"id": ')),
                                   f"{STATUSES} answered a page that is not JSON "
                                   "(application/json)"),
        "post-made-then-nested": (STATUSES, after(behave, body(NESTED)),
                                  f"{STATUSES} answered a page that is not JSON"),
        "post-made-then-html": (STATUSES, after(behave, html(200)),
                                f"{STATUSES} answered a page that is not JSON (text/html)"),
        "post-made-then-an-id-of-100k": (STATUSES,
                                         after(behave, body(json.dumps(status).encode())),
                                         "answered with something that is not a status"),
        "post-500": (STATUSES, html(500), f"{STATUSES} answered 500 (HTTP 500)"),
        "post-echoes-the-token": (
            STATUSES, body(json.dumps({"error": f"no {account.token} {NASTY}"}).encode(), 422),
            f"{STATUSES} answered 422 (no …"),
    }


MASTODON_CASES = list(mastodon_cases(MastodonAccount()))


def mastodon_plan(tmp_path: Path, base: str) -> Path:
    return write_plan(tmp_path, f'\n[accounts]\nmastodon = "@endcm@social.example"\n'
                                f'mastodon_server = "{base}"\n')


@pytest.mark.parametrize("case", MASTODON_CASES)
def test_a_hostile_mastodon_server_is_one_line_and_never_a_second_post(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    account = MastodonAccount()
    path, answer, expected = mastodon_cases(account)[case]
    environ = {"TCHAT_MASTODON_TOKEN": account.token}
    for _server, base in served(Hostile1(account.handle, {path: answer})):
        account.base = base
        plan = mastodon_plan(tmp_path, base)
        one_line(post_q2(plan, capsys, "mastodon", environ), "Mastodon", base, expected)
        again = post_q2(plan, capsys, "mastodon", environ)
        account.release.set()
    assert again.code == 0, again.err
    assert len(account.statuses) == 1  # there once, whatever the first answer was
    keys = {seen.headers["idempotency-key"] for seen in account.posts}
    assert len(keys) == 1  # a second try, if any, with the same key


def test_the_token_never_follows_a_redirect_when_posting(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        elsewhere: tuple[FakeServer, str]) -> None:
    other, target = elsewhere
    account = MastodonAccount()
    environ = {"TCHAT_MASTODON_TOKEN": account.token}
    moved = body(b"", 308, Location=f"{target}{STATUSES}")
    for _server, base in served(Hostile1(account.handle, {STATUSES: moved})):
        account.base = base
        plan = mastodon_plan(tmp_path, base)
        one_line(post_q2(plan, capsys, "mastodon", environ), "Mastodon", base,
                 f"answered {STATUSES} with a redirect to {target}{STATUSES}: tchat "
                 "follows none")
        assert post_q2(plan, capsys, "mastodon", environ).code == 0
    assert other.requests == [] and len(account.statuses) == 1


# --- tchat check --online -------------------------------------------------------------------

def check(plan: Path, capsys: pytest.CaptureFixture[str], environ: dict[str, str]) -> Outcome:
    return run_in_thread(lambda: check_online(plan, environ=dict(environ), timeout=1.0),
                         capsys, tuple(environ.values()))


ONLINE = {
    "one-byte-a-second": (lambda behave: trickled(behave), "did not answer {path} in full "
                                                           "within 1 s"),
    "50-mb": (lambda _behave: hostile(Flood()), "answered {path} with more than 4 MB"),
    "429-inf": (lambda _behave: body(b"{}", 429, **{"ratelimit-reset": "inf",
                                                    "X-RateLimit-Reset": "inf"}),
                "asks to wait (too many requests) for signing in: try again in a day or more"),
    "nested": (lambda _behave: body(NESTED), "{path} answered a page that is not JSON"),
    "html": (lambda _behave: html(200), "{path} answered a page that is not JSON (text/html)"),
}


@pytest.mark.parametrize("case", list(ONLINE))
@pytest.mark.parametrize("network", ["bluesky", "mastodon"])
def test_check_online_against_a_hostile_server_is_one_line_and_exit_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, network: str) -> None:
    make, expected = ONLINE[case]
    if network == "bluesky":
        pds = BlueskyPds()
        behave, path = pds.handle_request, SESSION
        environ = {"TCHAT_BLUESKY_APP_PASSWORD": pds.password}
    else:
        account = MastodonAccount()
        behave, path = account.handle, VERIFY
        environ = {"TCHAT_MASTODON_TOKEN": account.token}
    for _server, base in served(Hostile1(behave, {path: make(behave)})):
        plan = (bluesky_plan if network == "bluesky" else mastodon_plan)(tmp_path, base)
        outcome = check(plan, capsys, environ)
        after_all = check(plan, capsys, environ)
    assert outcome.code == 1
    (line,) = outcome.out.splitlines()
    assert line.startswith(f"{network}: error: {base}") or line.startswith(
        f"{network}: error: signing in: {base}")
    assert expected.format(path=path) in line, line
    assert after_all.code == 0 and after_all.out.startswith(f"✓ {network}: signed in as")


# --- in the plan's language -----------------------------------------------------------------

@pytest.mark.parametrize("case, expected", [
    ("post-429-reset-1e20", "demande d'attendre (trop de requêtes) pour le message\u00a0: "
                            "réessayez dans un jour ou plus"),
    ("post-made-then-html", f"\u00a0: {STATUSES} a répondu par une page qui n'est pas du "
                            "JSON (text/html)"),
])
def test_tchat_post_says_why_in_the_plans_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, expected: str) -> None:
    account = MastodonAccount()
    path, answer, _english = mastodon_cases(account)[case]
    environ = {"TCHAT_MASTODON_TOKEN": account.token}
    for _server, base in served(Hostile1(account.handle, {path: answer})):
        account.base = base
        plan = mastodon_plan(tmp_path, base)
        plan.write_text(plan.read_text(encoding="utf-8").replace(
            'language = "en"', 'language = "fr"'), encoding="utf-8")
        outcome = post_q2(plan, capsys, "mastodon", environ)
        account.release.set()
    assert outcome.code == 1
    (line,) = outcome.err.splitlines()
    assert line.startswith("Q2 non publié sur Mastodon\u00a0: ") and base in line, line
    assert expected in line, line
