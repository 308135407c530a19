"""The feed's clients against local servers speaking Mastodon's and Bluesky's APIs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from feed_servers import (
    START,
    BlueskyData,
    FakeServer,
    MastodonData,
    minute,
    served,
)

from tui.core.feed.attribution import Attributor
from tui.core.feed.conversation import Conversation
from tui.core.feed.identity import server_of
from tui.core.feed.status import Said
from tui.core.feed.store import FeedStore
from tui.feed.bluesky_source import BlueskySource
from tui.feed.credentials import BlueskyLogin, bluesky_login, mastodon_token
from tui.feed.errors import FeedError, failed
from tui.feed.mastodon_source import MastodonSource
from tui.feed.poller import FeedPoller

SINCE = START - timedelta(hours=1)


@pytest.fixture
def bluesky() -> Iterator[tuple[FakeServer, BlueskyData, str]]:
    data = BlueskyData()
    for server, base in served(data.handle_request):
        yield server, data, base


def source_for(data: MastodonData, timeout: float = 5.0) -> MastodonSource:
    return MastodonSource(data.base, "#tchat", SINCE, timeout=timeout)


# --- Mastodon --------------------------------------------------------------------------

def test_mastodon_pages_through_everything_then_asks_only_for_newer(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    server, data = mastodon
    data.add("old", "<p>before the window</p>", SINCE - timedelta(minutes=5))
    for n in range(95):
        data.add(f"user{n % 7}@other.example", f"<p>A1 post {n}</p>", minute(n * 0.5))
    source = source_for(data)
    first = source.fetch()
    assert len(first) == 95 and len({p.id for p in first}) == 95
    assert first == sorted(first, key=lambda p: p.created_at)
    paths = [r.path for r in server.requests]
    assert paths[0] == "/api/v1/instance"  # is it a Mastodon server? asked once
    tag_requests = [r for r in server.requests if r.path == "/api/v1/timelines/tag/tchat"]
    assert len(tag_requests) >= 3  # 95 posts in pages of 40, following Link
    newest = first[-1].id
    server.requests.clear()
    assert source.fetch() == []
    data.add("late", "<p>A2 new</p>", minute(60))
    again = source.fetch()
    assert [p.text for p in again] == ["A2 new"]
    asked = [r.query.get("min_id") for r in server.requests
             if r.path.startswith("/api/v1/timelines/tag/")]
    assert asked[0] == [newest]


def test_mastodon_statuses_become_plain_attributed_posts(
    mastodon: tuple[FakeServer, MastodonData], tmp_path: Path,
) -> None:
    _server, data = mastodon
    q1 = data.add("MyOrg", "<p>Q1 What risks? <a href=\"x\">#tchat</a></p>", minute(1))
    data.add("alice@far.example", "<p><span class=\"h-card\">@MyOrg</span> a1: phishing"
             "<br>and scams &amp; more</p>", minute(2))
    data.add("bob", "<p>so true</p>", minute(3), reply_to=q1)
    data.add("carol", "<p>A10 &lt;b&gt;</p>", minute(4))
    conversation = Conversation(Attributor("@MyOrg", (), 10),
                                FeedStore(tmp_path / "f.jsonl", START))
    items = conversation.take(source_for(data).fetch())
    # The server's own accounts are named with their server, as remote ones are.
    local = server_of(items[0].post.url)
    assert local == "127.0.0.1"
    assert [(i.post.author, i.kind, i.answers) for i in items] == [
        (f"MyOrg@{local}", "host", None), ("alice@far.example", "answer", 1),
        (f"bob@{local}", "answer", 1), (f"carol@{local}", "answer", 10)]
    assert items[1].post.text == "@MyOrg a1: phishing\nand scams & more"
    assert items[1].post.url.endswith(items[1].post.id)
    assert conversation.counts.answers(1) == (2, 2)


def test_mastodon_rate_limit_backs_off_until_the_reset(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    server, data = mastodon
    source = source_for(data)
    source.fetch()  # the instance was read; the next request is the timeline
    reset = datetime.now(UTC) + timedelta(seconds=120)
    server.reply_once(429, b'{"error":"Too many requests"}', {
        "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": reset.isoformat(), "Date": format_datetime(
            datetime.now(UTC), usegmt=True)})
    with pytest.raises(FeedError) as caught:
        source.fetch()
    assert caught.value.retry_after is not None and 60 < caught.value.retry_after <= 121
    assert "too many requests" in caught.value.message


def test_mastodon_timeout_is_a_status_not_a_hang(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    server, data = mastodon
    source = source_for(data, timeout=0.3)
    source.fetch()
    server.stall()
    with pytest.raises(FeedError, match="did not answer /api/v1/timelines/tag/tchat in full"):
        source.fetch()


@pytest.mark.parametrize("status, body, message", [
    (200, b"<html><body>Welcome to nginx</body></html>",
     "did not send a Mastodon timeline: /api/v1/timelines/tag/tchat answered a page that "
     "is not JSON (text/html)"),
    (200, b'{"unexpected": "object"}', "answered JSON that is not a list of posts"),
    (200, b"\x00\xff garbage", "answered a page that is not JSON"),
    (401, b'{"error":"This method requires an authenticated user"}', "refused the token"),
    (404, b"<html>not found</html>", "no public timeline"),
    (502, b"<html>Bad gateway</html>", "/api/v1/timelines/tag/tchat answered 502"),
])
def test_mastodon_garbage_and_refusals_are_one_line(
    mastodon: tuple[FakeServer, MastodonData], status: int, body: bytes, message: str,
) -> None:
    server, data = mastodon
    source = source_for(data)
    source.fetch()
    server.reply_once(status, body, {"Content-Type": "text/html"})
    with pytest.raises(FeedError) as caught:
        source.fetch()
    assert message in caught.value.message and "\n" not in caught.value.message


def test_mastodon_garbage_items_in_a_timeline_are_skipped(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    server, data = mastodon
    source = source_for(data)
    source.fetch()
    data.add("alice", "<p>A1 fine</p>", minute(1))
    good = json.dumps(data.statuses[0])
    server.reply_once(200, f'[{{"id": "1"}}, 7, {good}, {{"id": "2", "account": null}}]'
                      .encode(), {"Content-Type": "application/json"})
    posts = source.fetch()
    assert [p.text for p in posts] == ["A1 fine"]


# --- Bluesky ---------------------------------------------------------------------------

def login_for(data: BlueskyData) -> BlueskyLogin:
    return BlueskyLogin(data.handle, data.password)


def test_bluesky_signs_in_searches_latest_since_the_start_and_pages(
    bluesky: tuple[FakeServer, BlueskyData, str],
) -> None:
    server, data, base = bluesky
    q2 = data.add("myorg.bsky.social", "Q2 Where do you feel safe? #Tchat", minute(20))
    for n in range(7):
        data.add(f"person{n}.bsky.social", f"R2 answer {n} #Tchat", minute(21 + n))
    data.add("late.bsky.social", "agreed #Tchat", minute(30), reply_to=q2)
    data.add("early.bsky.social", "A1 too early #Tchat", SINCE - timedelta(minutes=1))
    source = BlueskySource(login_for(data), "#Tchat", SINCE, service=base, timeout=5)
    posts = source.fetch()
    assert len(posts) == 9 and posts[0].author == "myorg.bsky.social"
    session = [r for r in server.requests if "createSession" in r.path]
    assert len(session) == 1
    searches = [r for r in server.requests if r.path.endswith("searchPosts")]
    assert len(searches) == 3  # pages of 3
    assert searches[0].query["q"] == ["#Tchat"] and searches[0].query["sort"] == ["latest"]
    assert datetime.fromisoformat(searches[0].query["since"][0]) == SINCE
    assert posts[-1].reply_to == q2
    assert posts[-1].url.startswith("https://bsky.app/profile/late.bsky.social/post/3k")
    items = Conversation(Attributor("@MyOrg", (), 6)).take(posts)
    assert [i.answers for i in items].count(2) == 8  # 7 marks and the reply to Q2
    server.requests.clear()
    assert source.fetch() == []  # the newest page holds only known posts: one request
    assert len(server.requests) == 1
    data.add("new.bsky.social", "R3 ok #Tchat", minute(40))
    assert [p.text for p in source.fetch()] == ["R3 ok #Tchat"]


def test_bluesky_wrong_password_is_one_line(
    bluesky: tuple[FakeServer, BlueskyData, str],
) -> None:
    _server, data, base = bluesky
    source = BlueskySource(BlueskyLogin(data.handle, "wrong"), "#Tchat", SINCE, service=base)
    with pytest.raises(FeedError) as caught:
        source.fetch()
    assert caught.value.message == (
        "Bluesky: wrong handle or app password: /xrpc/com.atproto.server.createSession "
        "answered 401 AuthenticationRequired")
    assert caught.value.lasting


def test_bluesky_without_credentials_says_how_to_log_in(
    bluesky: tuple[FakeServer, BlueskyData, str],
) -> None:
    server, _data, base = bluesky
    with pytest.raises(FeedError, match="--login bluesky"):
        BlueskySource(None, "#Tchat", SINCE, service=base).fetch()
    assert server.requests == []


def test_bluesky_rate_limit_uses_the_reset_header(
    bluesky: tuple[FakeServer, BlueskyData, str],
) -> None:
    server, data, base = bluesky
    source = BlueskySource(login_for(data), "#Tchat", SINCE, service=base)
    source.fetch()
    reset = int(datetime.now(UTC).timestamp()) + 300
    server.reply_once(429, b'{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}',
                      {"Content-Type": "application/json", "ratelimit-limit": "3000",
                       "ratelimit-remaining": "0", "ratelimit-reset": str(reset)})
    with pytest.raises(FeedError) as caught:
        source.fetch()
    assert caught.value.retry_after is not None and 240 < caught.value.retry_after <= 301


@pytest.mark.parametrize("body", [b"<html>oops</html>", b'{"posts": 5}', b"\xff\xfe"])
def test_bluesky_garbage_is_one_line(
    bluesky: tuple[FakeServer, BlueskyData, str], body: bytes,
) -> None:
    server, data, base = bluesky
    source = BlueskySource(login_for(data), "#Tchat", SINCE, service=base)
    source.fetch()
    server.reply_once(200, body, {"Content-Type": "application/json"})
    with pytest.raises(FeedError, match="did not send a Bluesky answer"):
        source.fetch()


def test_bluesky_timeout(bluesky: tuple[FakeServer, BlueskyData, str]) -> None:
    server, data, base = bluesky
    source = BlueskySource(login_for(data), "#Tchat", SINCE, service=base, timeout=0.3)
    server.stall()
    with pytest.raises(FeedError, match="did not answer .*createSession in full"):
        source.fetch()


# --- credentials -----------------------------------------------------------------------

def test_credentials_come_from_the_environment_then_the_keyring() -> None:
    env = {"TCHAT_BLUESKY_HANDLE": "@me.bsky.social", "TCHAT_BLUESKY_APP_PASSWORD": "pw"}
    assert bluesky_login(env, lambda _k: None) == BlueskyLogin("me.bsky.social", "pw")
    ring = {"bluesky-handle": "ring.bsky.social", "bluesky-app-password": "ringpw",
            "mastodon-token": "tok"}
    assert bluesky_login({}, ring.get) == BlueskyLogin("ring.bsky.social", "ringpw")
    assert bluesky_login({}, lambda _k: None) is None
    assert mastodon_token({"TCHAT_MASTODON_TOKEN": "env"}, ring.get) == "env"
    assert mastodon_token({}, ring.get) == "tok"
    assert "pw" not in repr(BlueskyLogin("me", "pw"))


def test_credentials_are_never_written_anywhere(
    bluesky: tuple[FakeServer, BlueskyData, str], tmp_path: Path,
) -> None:
    server, data, base = bluesky
    data.password = "s3cret-app-passw0rd"
    data.add("a.bsky.social", "R1 oui #Tchat", minute(1))
    source = BlueskySource(login_for(data), "#Tchat", SINCE, service=base)
    conversation = Conversation(Attributor("@h", (), 6), FeedStore(tmp_path / "f.jsonl", START))
    poller = FeedPoller([source], timedelta(seconds=15), lambda: START)
    conversation.take(poller.poll_due())
    wrong = BlueskySource(BlueskyLogin(data.handle, "another-s3cret"), "#Tchat", SINCE,
                          service=base)
    status = FeedPoller([wrong], timedelta(seconds=15), lambda: START)
    status.poll_due()
    written = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"R1 oui" in written
    assert b"s3cret" not in written
    problem = status.polled[0].status.problem
    assert problem is not None and "s3cret" not in problem.say("en") + repr(source.__dict__)
    assert any(b"s3cret-app-passw0rd" in r.body for r in server.requests)  # sent, only there


# --- the poller ------------------------------------------------------------------------

class Flaky:
    name = "Flaky"

    def __init__(self) -> None:
        self.errors: list[FeedError | None] = []

    def fetch(self) -> list:  # type: ignore[type-arg]
        error = self.errors.pop(0) if self.errors else None
        if error is not None:
            raise error
        return []


def test_poller_backs_off_and_says_so() -> None:
    now = [START]
    source = Flaky()
    poller = FeedPoller([source], timedelta(seconds=15), lambda: now[0])
    down = failed("Flaky", Said.of("net.why_network"))
    source.errors = [down, down, failed("Flaky", Said.of("net.cancelled"), retry_after=90),
                     None]
    poller.poll_due()
    assert poller.wait_seconds() == 15
    assert poller.polled[0].status.line(now[0], UTC, "en") == (
        "Flaky: network error · offline since 17:00 · retrying in 15 s")
    assert poller.polled[0].status.line(now[0], UTC, "fr") == (
        "Flaky\u00a0: erreur réseau · hors ligne depuis 17:00 · nouvel essai dans 15\u00a0s")
    now[0] += timedelta(seconds=15)
    poller.poll_due()
    assert poller.wait_seconds() == 30
    now[0] += timedelta(seconds=30)
    poller.poll_due()
    assert poller.wait_seconds() == 90
    assert poller.due() == []
    now[0] += timedelta(seconds=90)
    poller.poll_due()
    assert poller.polled[0].status.line(now[0], UTC, "fr") == (
        "Flaky · 0 message · à jour à 17:02:15")
    assert poller.wait_seconds() == 15


def test_a_client_bug_is_a_status_too() -> None:
    class Broken:
        name = "Broken"

        def fetch(self) -> list:  # type: ignore[type-arg]
            raise RuntimeError("boom")

    poller = FeedPoller([Broken()], timedelta(seconds=15), lambda: START)
    assert poller.poll_due() == []
    status = poller.polled[0].status
    assert status.failing and status.problem is not None
    assert status.problem.say("en") == "Broken: unexpected failure of the client (RuntimeError)"


# --- deadlines and cancelling ----------------------------------------------------------

def test_a_server_sending_one_byte_a_second_meets_a_total_deadline(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    from feed_servers import Trickle, head

    server, data = mastodon
    source = source_for(data, timeout=0.5)
    source.fetch()
    server.queued.append(lambda _seen: Trickle(head("200 OK", length=200) + b"[" * 200, 0.05))
    with pytest.raises(FeedError, match="did not answer .* in full within 1 s"):
        source.fetch()  # each read got its byte in time: only the total deadline ends it


def test_cancelling_stops_a_poll_under_way_at_once(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    import threading

    server, data = mastodon
    source = source_for(data, timeout=60)  # the deadline is far: only cancel ends it
    source.fetch()
    server.stall(30)
    poller = FeedPoller([source], timedelta(seconds=15), lambda: START)
    polling = threading.Thread(target=poller.poll_due, daemon=True)
    polling.start()
    for _ in range(2000):  # wait for the request to be under way
        if any(r.path.startswith("/api/v1/timelines") for r in server.requests[2:]):
            break
        polling.join(0.01)
    poller.cancel()
    polling.join(10)
    assert not polling.is_alive()
    problem = poller.polled[0].status.problem
    assert problem is not None and problem.say("en") == "Mastodon: stopped"


def test_a_proxy_from_the_environment_is_used_within_the_same_bounds(
    mastodon: tuple[FakeServer, MastodonData], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import httpx

    from tui.net.proxies import proxy_for as _proxy_for

    server, data = mastodon  # it answers as the proxy would, relaying to the server
    data.add("ann", "<p>A1 through the proxy</p>", minute(1))
    monkeypatch.setenv("HTTP_PROXY", data.base)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    source = MastodonSource("http://mastodon.example", "#tchat", SINCE, timeout=2)
    assert [p.text for p in source.fetch()] == ["A1 through the proxy"]
    assert server.requests[0].path == "/api/v1/instance"
    assert server.requests[0].headers["host"] == "mastodon.example"
    monkeypatch.setenv("NO_PROXY", "other.example, .mastodon.example")
    assert _proxy_for(httpx.URL("http://mastodon.example/x")) is None
    assert _proxy_for(httpx.URL("http://a.other.example/x")) is None
    assert _proxy_for(httpx.URL("http://third.example/x")) == data.base
    assert _proxy_for(httpx.URL("http://127.0.0.1:9/x")) is None  # loopback: never
