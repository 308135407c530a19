"""An attack suite: `tchat feed --once` against hostile servers on 127.0.0.1.

Each case is a server that answers as an attacker (or a broken proxy) would: refusing,
404 and 500 pages, HTML, garbage and endless JSON, 50 MB bodies, one byte a second, no
answer at all, a status line that is not HTTP, 429s with absurd resets, redirects to
another host, looping pages, and posts with escapes, bidi controls and Rich markup in
every field, dates no chat can have, names of thousands of characters. Each checks the
command as a moderator meets it: it returns (in a thread that must end: a hang fails
the case, it does not hold the suite), with exit 1 and one line naming the server and
what it answered when the source failed, and never a traceback or a raw control
character. Requests get one second in all here (the app gives ten), so each case takes
a few seconds at most, and cases are independent (xdist spreads them).
"""

from __future__ import annotations

import argparse
import json
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from feed_servers import (
    BlueskyData,
    FakeServer,
    Flood,
    Hostile,
    MastodonData,
    Raw,
    Reply,
    Seen,
    Trickle,
    head,
    json_reply,
    minute,
    served,
)

from tui.commands import feed as feed_command
from tui.commands.console import safe_console
from tui.core.feed.attribution import Attributed
from tui.core.feed.post import FeedPost
from tui.core.plan.model import Feed
from tui.core.text.controls import UNSAFE
from tui.feed.poller import FeedPoller
from tui.feed.sources import build_sources
from tui.net.numbers import MAX_WAIT, retry_after

PLAN = '''[chat]
title = "Test chat"
tag = "#tchat"
start = 2026-12-03T17:00:00+00:00
timezone = "Europe/Paris"
language = "en"
host = "@MyOrg"

[[questions]]
text = "First?"

[[questions]]
text = "Second?"
'''
HANDLE, PASSWORD = "mod.bsky.social", "s3cret-app-passw0rd"
ENV = {"TCHAT_BLUESKY_HANDLE": HANDLE, "TCHAT_BLUESKY_APP_PASSWORD": PASSWORD}
NASTY = "\x1b]52;c;SGFja2Vk\x07\x1b[2J\x9b31m\u202e[bold red]x[/]\u2066"


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def feed_once(tmp_path: Path, capsys: pytest.CaptureFixture[str], feed: str,
              *more: str) -> Outcome:
    """`tchat feed PLAN --once` ten minutes into the chat, each request given 1 s."""
    plan = tmp_path / "chat.toml"
    plan.write_text(PLAN + "\n[feed]\n" + feed, encoding="utf-8")
    parser = argparse.ArgumentParser()
    feed_command.register(parser.add_subparsers(), "")
    args = parser.parse_args(["feed", str(plan), "--once", *more])
    codes: list[int] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            codes.append(feed_command.run(args, now=lambda: minute(10), timeout=1.0,
                                          environ=dict(ENV)))
        except BaseException as error:  # noqa: BLE001 - a traceback is what is checked
            failures.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "tchat feed --once did not return"
    captured = capsys.readouterr()
    assert failures == [], f"raised {failures[0]!r}"
    outcome = Outcome(codes[0], captured.out, captured.err)
    text = outcome.out + outcome.err
    assert "Traceback" not in text, text
    assert UNSAFE.isdisjoint(text), "a raw control character reached the output"
    assert PASSWORD not in text
    return outcome


def closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture
def elsewhere() -> Iterator[tuple[FakeServer, str]]:
    """Another host a redirect points to: it must never be asked anything."""
    yield from served(lambda _seen: json_reply({"accessJwt": "x"}))


def mastodon_server(data: MastodonData, answers: dict[str, Callable[[Seen], Reply | Hostile]],
                    ) -> Iterator[tuple[FakeServer, str]]:
    """A Mastodon server answering `answers[path prefix]` where one matches."""
    def handle(seen: Seen) -> Reply | Hostile:
        for prefix, answer in answers.items():
            if seen.path.startswith(prefix):
                return answer(seen)
        return data.handle(seen)

    for server, base in served(handle):
        data.base = base
        yield server, base


INSTANCE = "/api/v1/instance"
TIMELINE = "/api/v1/timelines/tag/"


def html(status: int) -> Callable[[Seen], Reply]:
    return lambda _seen: (status, {"Content-Type": "text/html"}, b"<html>nope</html>")


def body(data: bytes, status: int = 200, **headers: str) -> Callable[[Seen], Reply]:
    return lambda _seen: (status, {"Content-Type": "application/json", **headers}, data)


def hostile(answer: Hostile) -> Callable[[Seen], Hostile]:
    return lambda _seen: answer


FAILING_MASTODON: dict[str, tuple[str, Callable[[Seen], Reply | Hostile], str]] = {
    "instance-404": (INSTANCE, html(404),
                     "is not a Mastodon server: /api/v1/instance answered 404"),
    "instance-500": (INSTANCE, html(500), "/api/v1/instance answered 500"),
    "instance-html": (INSTANCE, html(200),
                      "/api/v1/instance answered a page that is not JSON (text/html)"),
    "instance-not-a-server": (INSTANCE, body(b'{"version": 5}'),
                              "answered JSON that is not a server's description"),
    "instance-one-byte-a-second": (
        INSTANCE, hostile(Trickle(head("200 OK", {"Content-Type": "application/json"}, 99)
                                  + b'{"version": "4.3.0"}', every=0.2)),
        "did not answer /api/v1/instance in full within 1 s"),
    "instance-never-answers": (INSTANCE, hostile(Raw(b"", hold=True)),
                               "did not answer /api/v1/instance in full within 1 s"),
    "instance-headers-never-end": (
        INSTANCE, hostile(Trickle(b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 1000, every=0.05)),
        "did not answer /api/v1/instance in full"),
    "instance-not-http": (INSTANCE, hostile(Raw(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")),
                          "answered /api/v1/instance with something that is not HTTP"),
    "timeline-50-mb": (TIMELINE, hostile(Flood()), "with more than 8 MB"),
    "timeline-endless": (TIMELINE, hostile(Flood(size=None)), "with more than 8 MB"),
    "timeline-cut-short": (
        TIMELINE, hostile(Raw(head("200 OK", {"Content-Type": "application/json"}, 5000)
                              + b"[{", hold=True)),
        "did not answer /api/v1/timelines/tag/tchat in full within 1 s"),
    "timeline-500": (TIMELINE, html(500), "/api/v1/timelines/tag/tchat answered 500"),
    "timeline-garbage": (TIMELINE, body(b'[{"id": "1", "content": '),
                         "answered a page that is not JSON (application/json)"),
    "timeline-nested": (TIMELINE, body(b"[" * 100_000 + b"]" * 100_000),
                        "answered a page that is not JSON"),
    "timeline-object": (TIMELINE, body(b'{"error": "maintenance"}'),
                        "answered JSON that is not a list of posts"),
    "timeline-429-reset-1e20": (
        TIMELINE, body(b"{}", 429, **{"X-RateLimit-Reset": "1e20"}), "too many requests"),
    "timeline-429-reset-inf": (
        TIMELINE, body(b"{}", 429, **{"X-RateLimit-Reset": "inf", "Retry-After": "nan"}),
        "too many requests"),
    "timeline-429-reset-garbage": (
        TIMELINE, body(b"{}", 429, **{"X-RateLimit-Reset": "9" * 5000}), "too many requests"),
    "timeline-403": (TIMELINE, body(b'{"error": "closed"}', 403), "refused the token"),
}


@pytest.mark.parametrize("case", list(FAILING_MASTODON))
def test_a_failing_mastodon_server_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str,
) -> None:
    path, answer, expected = FAILING_MASTODON[case]
    for _server, base in mastodon_server(MastodonData(), {path: answer}):
        outcome = feed_once(tmp_path, capsys, f'mastodon = "{base}"\n')
        assert outcome.code == 1
        assert outcome.err.startswith(f"Mastodon: {base}") and expected in outcome.err
        assert "offline since" in outcome.err


def test_a_mastodon_server_that_refuses_connections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    base = closed_port()
    outcome = feed_once(tmp_path, capsys, f'mastodon = "{base}"\n')
    assert outcome.code == 1
    assert f"Mastodon: {base} cannot be reached (connection refused)" in outcome.err


def test_a_redirect_is_never_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], elsewhere: tuple[FakeServer, str],
) -> None:
    other, target = elsewhere
    moved = body(b"", 307, Location=f"{target}/api/v1/instance")
    for _server, base in mastodon_server(MastodonData(), {INSTANCE: moved}):
        outcome = feed_once(tmp_path, capsys, f'mastodon = "{base}"\n')
    assert outcome.code == 1
    assert (f"answered /api/v1/instance with a redirect to {target}/api/v1/instance: tchat "
            "follows none") in outcome.err
    assert other.requests == []


def test_a_banana_version_is_no_reason_to_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    data = MastodonData()
    banana = body(json.dumps({"version": "banana", "uri": "x"}).encode())
    for _server, base in mastodon_server(data, {INSTANCE: banana}):
        data.add("ann", "<p>A1 yes</p>", minute(2))
        outcome = feed_once(tmp_path, capsys, f'mastodon = "{base}"\n', "--jsonl")
    assert outcome.code == 0 and json.loads(outcome.out)["answers"] == 1


def test_a_garbage_reset_on_a_200_is_not_too_many_requests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    data = MastodonData()

    def timeline(seen: Seen) -> Reply:
        status, headers, content = data.timeline(seen)
        return status, {**headers, "X-RateLimit-Reset": "1e300",
                        "X-RateLimit-Remaining": "0"}, content

    for _server, base in mastodon_server(data, {TIMELINE: timeline}):
        data.add("ann", "<p>A1 yes</p>", minute(2))
        outcome = feed_once(tmp_path, capsys, f'mastodon = "{base}"\n')
    assert outcome.code == 0 and "too many" not in outcome.err


def test_pages_that_loop_or_never_end_are_bounded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    data = MastodonData()
    for n in range(40):
        data.add(f"u{n}", f"<p>A1 {n}</p>", minute(1 + n / 60))
    same_page = body(json.dumps(list(reversed(data.statuses))).encode())
    for server, base in mastodon_server(data, {TIMELINE: same_page}):
        outcome = feed_once(tmp_path, capsys, f'mastodon = "{base}"\n', "--jsonl")
        assert outcome.code == 0 and len(outcome.out.splitlines()) == 40
        assert len([r for r in server.requests if r.path.startswith(TIMELINE)]) == 2

    counter = [0]

    def endless(_seen: Seen) -> Reply:  # 40 new posts at every page, for ever
        page = []
        for _ in range(40):
            counter[0] += 1
            fresh = MastodonData(base="https://m.example")
            fresh.add(f"u{counter[0]}", "<p>A2 again</p>", minute(2))
            status = fresh.statuses[0]
            status["id"] = str(10**17 + counter[0])
            page.append(status)
        return json_reply(page)

    for _server, base in mastodon_server(MastodonData(), {TIMELINE: endless}):
        outcome = feed_once(tmp_path, capsys, f'mastodon = "{base}"\n', "--jsonl")
    assert outcome.code == 0 and 0 < len(outcome.out.splitlines()) <= 1000


def hostile_status(data: MastodonData, n: int, **changes: Any) -> None:
    data.add(f"user{n}", f"<p>A1 {NASTY} {n}</p>", minute(2 + n / 60))
    status = data.statuses[-1]
    status["account"]["acct"] = f"{NASTY}@evil.example"
    status["account"]["display_name"] = NASTY * 500
    status["url"] = f"https://evil.example/{NASTY}"
    status.update(changes)


def test_escapes_bidi_markup_odd_dates_and_long_names_in_every_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    data = MastodonData()
    page = body(b"")  # replaced below, once the statuses are made

    def timeline(seen: Seen) -> Reply:
        return page(seen)

    for server, base in mastodon_server(data, {TIMELINE: timeline}):
        hostile_status(data, 0)
        hostile_status(data, 1, created_at="9999-12-31T23:59:59Z")
        hostile_status(data, 2, created_at="9999-12-31T23:59:59-14:00")
        hostile_status(data, 3, created_at="0001-01-01T00:00:00+14:00")
        hostile_status(data, 4, created_at="banana")
        hostile_status(data, 5, created_at=None, account=None, id=["x"])
        hostile_status(data, 6, content=NASTY * 3000)
        hostile_status(data, 7, id="9" * 100_000)
        page = body(json.dumps(data.statuses[::-1]).encode())
        table = feed_once(tmp_path, capsys, f'mastodon = "{base}"\n')
        lines = feed_once(tmp_path, capsys, f'mastodon = "{base}"\n', "--jsonl")
        assert server.requests
    assert table.code == 0 and lines.code == 0
    posts = [json.loads(line) for line in lines.out.splitlines()]
    assert len(posts) == 2  # the two with a date and an id: the rest cost only themselves
    assert all(len(p["name"]) <= 200 and len(p["text"]) <= 5000 for p in posts)
    assert "[bold red]x[/]" in table.out  # markup shown as written


# --- Bluesky ------------------------------------------------------------------------

def bluesky_server(data: BlueskyData, answers: dict[str, Callable[[Seen], Reply | Hostile]],
                   ) -> Iterator[tuple[FakeServer, str]]:
    def handle(seen: Seen) -> Reply | Hostile:
        answer = answers.get(seen.path)
        return answer(seen) if answer is not None else data.handle_request(seen)

    yield from served(handle)


SESSION = "/xrpc/com.atproto.server.createSession"
SEARCH = "/xrpc/app.bsky.feed.searchPosts"

FAILING_BLUESKY: dict[str, tuple[str, Callable[[Seen], Reply | Hostile], str]] = {
    "session-one-byte-a-second": (SESSION, hostile(Trickle(b"HTTP/1.1 200 OK\r\n", 0.2)),
                                  "did not answer /xrpc/com.atproto.server.createSession"),
    "session-html": (SESSION, html(200), "did not send a Bluesky answer"),
    "session-500": (SESSION, html(500), "createSession answered 500"),
    "search-one-byte-a-second": (SEARCH, hostile(Trickle(b"HTTP/1.1 200 OK\r\n", 0.2)),
                                 "did not answer /xrpc/app.bsky.feed.searchPosts"),
    "search-50-mb": (SEARCH, hostile(Flood()), "with more than 8 MB"),
    "search-html": (SEARCH, html(200), "did not send a Bluesky answer"),
    "search-nested": (SEARCH, body(b'{"posts":' + b"[" * 100_000),
                      "did not send a Bluesky answer"),
    "search-429-1e300": (SEARCH, body(b'{"error":"RateLimitExceeded"}', 429,
                                      **{"ratelimit-reset": "1e300"}), "too many requests"),
    "search-429-inf": (SEARCH, body(b'{"error":"RateLimitExceeded"}', 429,
                                    **{"ratelimit-reset": "inf"}), "too many requests"),
    "search-502": (SEARCH, html(502), "searchPosts answered 502"),
}


@pytest.mark.parametrize("case", list(FAILING_BLUESKY))
def test_a_failing_bluesky_service_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str,
) -> None:
    path, answer, expected = FAILING_BLUESKY[case]
    data = BlueskyData(handle=HANDLE, password=PASSWORD)
    for _server, base in bluesky_server(data, {path: answer}):
        outcome = feed_once(tmp_path, capsys,
                            f'bluesky = true\nbluesky_service = "{base}"\n')
    assert outcome.code == 1
    assert "Bluesky: " in outcome.err and expected in outcome.err


def test_the_app_password_never_follows_a_redirect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], elsewhere: tuple[FakeServer, str],
) -> None:
    other, target = elsewhere
    moved = body(b"", 307, Location=f"{target}{SESSION}")
    data = BlueskyData(handle=HANDLE, password=PASSWORD)
    for server, base in bluesky_server(data, {SESSION: moved}):
        outcome = feed_once(tmp_path, capsys, f'bluesky = true\nbluesky_service = "{base}"\n')
        assert any(PASSWORD.encode() in r.body for r in server.requests)  # its own host
    assert outcome.code == 1 and "with a redirect to" in outcome.err
    assert other.requests == []


def test_one_bad_bluesky_post_costs_only_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    data = BlueskyData(handle=HANDLE, password=PASSWORD, page_size=100)
    data.add("fine.bsky.social", "R1 fine #tchat", minute(2))
    data.add("long.bsky.social", "R1 long name #tchat", minute(3))
    data.posts[-1]["author"]["displayName"] = "N" * 700  # the SDK refused the whole page
    data.add("late.bsky.social", "R2 from the future #tchat", minute(4))
    data.posts[-1]["record"]["createdAt"] = "9999-12-31T23:59:59-14:00"
    data.add("odd.bsky.social", f"R2 {NASTY} #tchat", minute(5))
    data.posts[-1]["author"]["handle"] = NASTY
    data.add("none.bsky.social", "no record #tchat", minute(6))
    data.add("nohandle.bsky.social", "no handle #tchat", minute(7))

    def search(seen: Seen) -> Reply:
        status, headers, content = data.search(seen)
        page = json.loads(content)
        for view in page["posts"]:
            if view["author"]["handle"] == "none.bsky.social":
                view["record"] = None
            if view["author"]["handle"] == "nohandle.bsky.social":
                view["author"]["handle"] = ["x"]
        page["posts"].append(7)
        return status, headers, json.dumps(page).encode()

    for _server, base in bluesky_server(data, {SEARCH: search}):
        outcome = feed_once(tmp_path, capsys, f'bluesky = true\nbluesky_service = "{base}"\n',
                            "--jsonl")
    assert outcome.code == 0
    posts = {p["author"]: p for p in map(json.loads, outcome.out.splitlines())}
    assert set(posts) == {"fine.bsky.social", "long.bsky.social", NASTY}
    assert len(posts["long.bsky.social"]["name"]) == 200


def test_bluesky_pages_that_loop_are_bounded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    data = BlueskyData(handle=HANDLE, password=PASSWORD)
    data.add("a.bsky.social", "R1 a #tchat", minute(2))

    def looping(seen: Seen) -> Reply:
        seen.query.pop("cursor", None)
        status, headers, content = data.search(seen)
        page = json.loads(content)
        page["cursor"] = "same"
        return status, headers, json.dumps(page).encode()

    for server, base in bluesky_server(data, {SEARCH: looping}):
        outcome = feed_once(tmp_path, capsys, f'bluesky = true\nbluesky_service = "{base}"\n')
        assert len([r for r in server.requests if r.path == SEARCH]) <= 2
    assert outcome.code == 0


# --- numbers from a server, and links --------------------------------------------------

@pytest.mark.parametrize("headers, expected", [
    ({"X-RateLimit-Reset": "1e20"}, MAX_WAIT),
    ({"ratelimit-reset": "1e300"}, MAX_WAIT),
    ({"ratelimit-reset": "inf"}, MAX_WAIT),
    ({"ratelimit-reset": "-inf"}, 1.0),
    ({"ratelimit-reset": "nan"}, None),
    ({"Retry-After": "1e400"}, MAX_WAIT),
    ({"X-RateLimit-Reset": "9999-12-31T23:59:59-14:00"}, None),
    ({"X-RateLimit-Reset": "banana"}, None),
    ({"X-RateLimit-Reset": "2026-12-03T17:02:00.000Z",
      "Date": "Thu, 03 Dec 2026 17:00:00 GMT"}, 120.0),
    ({"Retry-After": "30"}, 30.0),
])
def test_every_wait_a_server_asks_for_is_bounded(
    headers: dict[str, str], expected: float | None,
) -> None:
    assert retry_after(headers, datetime(2026, 12, 3, 17, tzinfo=UTC)) == expected


def test_a_url_with_c1_controls_is_shown_but_never_a_terminal_link() -> None:
    url = "https://evil.example/\x9b\x9d52;c;SGFja2Vk\x9c"
    post = FeedPost("mastodon", "1", "ann", "", "A1 x", url, datetime.now(UTC))
    out = StringIO()
    console = safe_console(file=out, force_terminal=True, width=200)
    feed_command.print_table(console, [Attributed(post, "answer", 1)], UTC, "A")
    printed = out.getvalue()
    assert UNSAFE.isdisjoint(printed.replace("\x1b", ""))  # Rich's own codes aside
    assert "\x1b]8;" not in printed  # no hyperlink at all
    good = FeedPost("mastodon", "2", "ann", "", "A1 x", "https://m.example/@ann/2",
                    datetime.now(UTC))
    out = StringIO()
    console = safe_console(file=out, force_terminal=True, width=200)
    feed_command.print_table(console, [Attributed(good, "answer", 1)], UTC, "A")
    assert "\x1b]8;" in out.getvalue()  # a plain address is still a link


def test_back_off_after_a_failing_start_is_neither_a_flood_nor_silence() -> None:
    data = MastodonData()
    down = [True]

    def instance(seen: Seen) -> Reply:
        return html(404)(seen) if down[0] else data.handle(seen)

    servers = mastodon_server(data, {INSTANCE: instance})
    server, base = next(servers)
    try:
        now = [minute(10)]
        built = build_sources(Feed(mastodon=base), "#tchat", minute(0), timeout=1.0,
                              environ={})
        poller = FeedPoller(built.sources, timedelta(seconds=15), lambda: now[0])
        attempts = 0
        for _ in range(60):  # ten simulated minutes, ten seconds at a time
            if poller.due():
                attempts += 1
            poller.poll_due()
            now[0] += timedelta(seconds=10)
            if attempts == 4:
                down[0] = False  # the server is back
        status = poller.polled[0].status
        assert status.updated is not None and not status.failing  # it came back
        instance_requests = [r for r in server.requests if r.path == INSTANCE]
        assert 4 <= len(instance_requests) <= 6  # backed off: 15, 30, 60, 120 s…
    finally:
        servers.close()
