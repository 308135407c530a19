"""The one guarded transport (`tui.net`) under the feed and posting: the hosts a request
may go to, name lookups within the deadline, bounded numbers, proxies for posting too,
and the Bluesky session both share."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from feed_servers import (
    START,
    BlueskyData,
    BlueskyPds,
    FakeServer,
    MastodonAccount,
    Raw,
    Seen,
    head,
    json_reply,
    served,
)
from posting import cue, posting_run, write_plan

from tui.core.run.publish.channel import ChannelError
from tui.core.run.publish.ledger import PartRecord
from tui.core.run.publish.outcomes import Posted
from tui.core.run.publish.publisher import publish_cue
from tui.feed.bluesky_source import BlueskySource
from tui.feed.credentials import BlueskyLogin
from tui.feed.errors import FeedError
from tui.net import names
from tui.net.bluesky import Sessions
from tui.net.failure import HttpFailure
from tui.net.numbers import content_length, retry_after
from tui.net.transport import GuardedTransport, guarded_client
from tui.post.bluesky import BlueskyChannel
from tui.post.mastodon import MastodonChannel


def get(transport: GuardedTransport, url: str) -> httpx.Response:
    with guarded_client(transport) as client:
        return client.get(url)


@pytest.fixture
def two_servers() -> Iterator[tuple[FakeServer, str, FakeServer, str]]:
    for one, one_base in served(lambda _seen: json_reply({"ok": 1})):
        for other, other_base in served(lambda _seen: json_reply({"ok": 2})):
            yield one, one_base, other, other_base


# --- where a request may go ---------------------------------------------------------------

def test_a_request_goes_to_the_hosts_named_only_and_never_leaves_otherwise(
        two_servers: tuple[FakeServer, str, FakeServer, str]) -> None:
    one, one_base, other, other_base = two_servers
    transport = GuardedTransport([one_base], timeout=5)
    assert get(transport, one_base + "/x").json() == {"ok": 1}
    # Another port on the same host, or another scheme: not the credential's host.
    for elsewhere in (other_base + "/steal", one_base.replace("http:", "https:") + "/x"):
        with pytest.raises(HttpFailure) as caught:
            get(transport, elsewhere)
        assert caught.value.message.endswith(
            "is not the server these requests belong to: tchat sends it nothing")
        assert not caught.value.arrived
    assert other.requests == [] and len(one.requests) == 1
    with pytest.raises(ValueError):
        GuardedTransport(["ftp://files.example"])


def pds_naming(service_endpoint: str, pds: BlueskyPds) -> Any:
    """A PDS whose sessions name `service_endpoint` as the account's own server."""
    def handle(seen: Seen) -> Any:
        status, headers, body = pds.handle_request(seen)
        if seen.path.endswith("createSession") and status == 200:
            session = json.loads(body)
            session["didDoc"] = {
                "@context": ["https://www.w3.org/ns/did/v1"], "id": pds.did,
                "alsoKnownAs": [f"at://{pds.handle}"], "verificationMethod": [],
                "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                             "serviceEndpoint": service_endpoint}]}
            return json_reply(session)
        return status, headers, body
    return handle


def test_a_session_naming_a_plain_http_server_elsewhere_sends_it_nothing() -> None:
    pds = BlueskyPds()
    for server, base in served(pds_naming("http://pds.example:9", pds)):
        channel = BlueskyChannel(pds.handle, pds.password, base, timeout=5)
        channel.sign_in()  # createSession goes to the service the plan names
        with pytest.raises(ChannelError, match="http://pds.example:9 is not the server"):
            channel.find(_record(), None)
        assert [r.path for r in server.requests] == ["/xrpc/com.atproto.server.createSession"]
    # The feed's session is the same kind: its search never goes there either.
    pds = BlueskyPds()
    for server, base in served(pds_naming("http://pds.example:9", pds)):
        feed = BlueskySource(BlueskyLogin(pds.handle, pds.password), "#EndCM",
                             START - timedelta(hours=1), service=base, timeout=5)
        with pytest.raises(FeedError, match="http://pds.example:9 is not the server these "
                                            "requests belong to"):
            feed.fetch()
        assert [r.path for r in server.requests] == ["/xrpc/com.atproto.server.createSession"]
    # An https server the session names is the account's own: its token may go there.
    pds = BlueskyPds()
    for _server, base in served(pds_naming("https://morel.us-east.host.bsky.network", pds)):
        session = Sessions().bluesky(pds.handle, pds.password, base, timeout=5)
        session.sign_in()
        assert session.transport.allows("https://morel.us-east.host.bsky.network/xrpc/x")
        assert not session.transport.allows("https://elsewhere.example/xrpc/x")


def _record() -> PartRecord:
    """An open intent to look for (its record key), as a restart would."""
    return PartRecord(cue="q2", network="bluesky", part=1, parts=1, key="3kabcdefghij2",
                      state="open", clock=START, wall=START)


# --- name lookups ----------------------------------------------------------------------------

def test_a_name_lookup_that_never_ends_fails_at_the_request_deadline(
        monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    asked: list[str] = []

    def stuck(host: str, *_args: Any, **_kwargs: Any) -> Any:
        asked.append(host)
        release.wait(30)  # a resolver that answers nobody
        raise socket.gaierror("no answer")

    monkeypatch.setattr(socket, "getaddrinfo", stuck)
    transport = GuardedTransport(["http://slow.example"], timeout=0.5)
    try:
        with pytest.raises(HttpFailure) as caught:
            get(transport, "http://slow.example/api")
    finally:
        release.set()
        for thread in threading.enumerate():  # the lookup, left to finish alone
            if thread.name == "tchat-name-lookup":
                thread.join(10)
    assert asked == ["slow.example"]
    assert caught.value.message == (
        "http://slow.example cannot be reached (its name was not found in time)")


def test_a_name_without_an_address_and_too_many_lookups_are_lines(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def unknown(*_args: Any, **_kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    transport = GuardedTransport(["http://nowhere.example"], timeout=5)
    with pytest.raises(HttpFailure, match=r"nowhere.example cannot be reached \(its name "
                                          r"was not found\)"):
        get(transport, "http://nowhere.example/")
    # Every lookup thread busy behind a dead resolver: the next request fails at once.
    taken = 0
    while names._lookups.acquire(blocking=False):
        taken += 1
    try:
        with pytest.raises(HttpFailure, match="too many name lookups under way"):
            get(transport, "http://nowhere.example/")
    finally:
        for _ in range(taken):
            names._lookups.release()
    assert taken == names.MAX_LOOKUPS


# --- numbers from a server ---------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("1234", 1234), (" 12 ", 12), ("1e3", None), ("-5", None), ("0x10", None),
    ("9" * 30, None), ("١٢", None), ("", None), ("12, 12", None),
])
def test_a_content_length_is_a_plain_bounded_number_or_none(
        value: str, expected: int | None) -> None:
    assert content_length({"Content-Length": value}) == expected


def test_a_wait_is_bounded_by_what_the_caller_can_say() -> None:
    assert retry_after({"ratelimit-reset": "inf"}, longest=86_400) == 86_400
    assert retry_after({"Retry-After": "3600"}, longest=86_400) == 3600
    assert retry_after({"Retry-After": "3600"}) == 900  # the feed: 15 minutes at most


def test_an_answer_announced_too_large_is_refused_before_it_is_read() -> None:
    # 50 MB announced, one byte sent, then nothing: only the announced length can end it
    # before the deadline.
    answer = Raw(head("200 OK", {"Content-Type": "application/json"}, 50 * 1024 * 1024)
                 + b"[", hold=True)
    for server, base in served(lambda _seen: answer):
        transport = GuardedTransport([base], timeout=3)
        with pytest.raises(HttpFailure) as caught:
            get(transport, base + "/api/v1/instance")
        assert caught.value.message == (
            f"{base} answered /api/v1/instance with more than 8 MB")
        assert caught.value.arrived
        assert len(server.requests) == 1


# --- proxies, for posting too -------------------------------------------------------------

def test_posting_goes_through_the_environment_proxy_within_the_same_bounds(
        mastodon_account: tuple[FakeServer, MastodonAccount],
        monkeypatch: pytest.MonkeyPatch) -> None:
    server, data = mastodon_account  # it answers as the proxy would, relaying
    monkeypatch.setenv("HTTP_PROXY", data.base)
    for name in ("NO_PROXY", "no_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    channel = MastodonChannel("@endcm@mastodon.example", data.token,
                              "http://mastodon.example", timeout=5)
    assert channel.sign_in() == "tchat"
    (seen,) = server.requests
    assert seen.headers["host"] == "mastodon.example"
    assert seen.headers["authorization"] == f"Bearer {data.token}"


# --- one Bluesky session for the feed and posting ----------------------------------------------

@pytest.fixture
def pds_with_search() -> Iterator[tuple[FakeServer, BlueskyPds, str]]:
    """A PDS that posts (posting's) and searches (the feed's), for one account."""
    pds = BlueskyPds()
    search = BlueskyData(handle=pds.handle, password=pds.password)
    search.add("ann.bsky.social", "A1 yes #EndCM", START + timedelta(minutes=2))

    def handle(seen: Seen) -> Any:
        if seen.path == "/xrpc/app.bsky.feed.searchPosts":
            return search.handle_request(seen)
        return pds.handle_request(seen)

    for server, base in served(handle):
        yield server, pds, base
        pds.release.set()


def test_the_feed_and_posting_share_one_session_and_stop_on_their_own(
        pds_with_search: tuple[FakeServer, BlueskyPds, str], tmp_path: Path) -> None:
    server, pds, base = pds_with_search
    sessions = Sessions()
    feed = BlueskySource(BlueskyLogin(pds.handle, pds.password), "#EndCM",
                         START - timedelta(hours=1), service=base, timeout=5,
                         sessions=sessions)
    channel = BlueskyChannel(pds.handle, pds.password, base, timeout=5, sessions=sessions)
    assert [p.author for p in feed.fetch()] == ["ann.bsky.social"]
    plan = f'\n[accounts]\nbluesky = "{pds.handle}"\nbluesky_service = "{base}"\n'
    run = posting_run(write_plan(tmp_path, plan))
    (posted,) = publish_cue(run, cue(run, "q2"), {"bluesky": channel}).outcomes
    assert isinstance(posted, Posted)
    feed.fetch()
    assert pds.sessions == 1  # one createSession for the feed and posting together
    # The feed stopping (its worker ends) leaves posting's calls alone...
    feed.cancel()
    with pytest.raises(FeedError, match="Bluesky: stopped"):
        feed.fetch()
    assert channel.sign_in() == pds.did
    # ...and another app password for the same account is not mixed with the session.
    assert sessions.bluesky(pds.handle, "another-password", base) \
        is not sessions.bluesky(pds.handle, pds.password, base)
    # The run ending closes every session: posting's calls stop too.
    sessions.close()
    with pytest.raises(ChannelError, match="stopped"):
        channel.find(_record(), None)
    assert [r.path for r in server.requests].count(
        "/xrpc/com.atproto.server.createSession") == 1
