"""Posting's clients against local servers speaking Mastodon's API and a PDS's XRPC."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from feed_servers import BlueskyPds, FakeServer, MastodonAccount, json_reply
from posting import PNG, cue, posting_run, write_plan

from tui.core.run.asrun import log_path_for
from tui.core.run.publish.channel import ChannelError
from tui.core.run.publish.outcomes import AlreadyPosted, Failed, Posted
from tui.core.run.publish.publisher import publish_cue, settle
from tui.post.bluesky import BlueskyChannel
from tui.post.mastodon import MastodonChannel


def accounts(pds: str = "", mastodon: str = "") -> str:
    lines = ["", "[accounts]"]
    if pds:
        lines += ['bluesky = "endcm.org"', f'bluesky_service = "{pds}"']
    if mastodon:
        lines += ['mastodon = "@endcm@social.example"', f'mastodon_server = "{mastodon}"']
    return "\n".join(lines) + "\n"


def bluesky_channel(data: BlueskyPds, base: str, **options: float) -> BlueskyChannel:
    return BlueskyChannel(data.handle, data.password, base, timeout=options.get("timeout", 5))


def mastodon_channel(data: MastodonAccount, **options: float) -> MastodonChannel:
    return MastodonChannel("@endcm@social.example", data.token, data.base,
                           timeout=options.get("timeout", 5), sleep=lambda _s: None)


# --- Bluesky ---------------------------------------------------------------------------

def test_bluesky_records_carry_facets_langs_reply_refs_and_the_card(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str], tmp_path: Path) -> None:
    server, data, base = bluesky_pds
    run = posting_run(write_plan(tmp_path, accounts(pds=base)))
    channel = bluesky_channel(data, base)
    outcome = publish_cue(run, cue(run, "welcome"), {"bluesky": channel})
    assert isinstance(outcome.outcomes[0], Posted)
    record = data.creates[0]["record"]
    assert record["$type"] == "app.bsky.feed.post" and record["langs"] == ["en"]
    assert record["createdAt"].endswith("Z")
    features = [(f["index"], f["features"][0]) for f in record["facets"]]
    text = record["text"].encode()
    assert [(text[i["byteStart"]:i["byteEnd"]].decode(), f) for i, f in features] == [
        ("#EndCM", {"$type": "app.bsky.richtext.facet#tag", "tag": "EndCM"}),
        ("@guest.bsky.social", {"$type": "app.bsky.richtext.facet#mention",
                                "did": "did:plc:guest000000000000000000"}),
    ]
    # The card: uploaded with its type, embedded with its alt text.
    publish_cue(run, cue(run, "q1"), {"bluesky": channel})
    q1 = data.creates[1]["record"]
    assert data.blobs == [(PNG, "image/png")]
    assert q1["embed"]["$type"] == "app.bsky.embed.images"
    assert q1["embed"]["images"][0]["alt"] == "A chart of the risks"
    link = next(f for f in q1["facets"] if "uri" in f["features"][0])
    assert link["features"][0]["uri"] == "https://example.org/reports/2026/online-safety"
    shown = q1["text"].encode()[link["index"]["byteStart"]:link["index"]["byteEnd"]]
    assert shown.decode() == "example.org/reports/2026..."
    # A thread: each part replies to the one before, all under the first.
    outcome = publish_cue(run, cue(run, "thanks"), {"bluesky": channel})
    (posted,) = outcome.outcomes
    assert isinstance(posted, Posted) and posted.parts >= 3
    chain = [c["record"] for c in data.creates[2:]]
    first_uri = f"at://{data.did}/app.bsky.feed.post/{data.creates[2]['rkey']}"
    assert "reply" not in chain[0]
    for index, part in enumerate(chain[1:], 1):
        parent_uri = f"at://{data.did}/app.bsky.feed.post/{data.creates[2 + index - 1]['rkey']}"
        assert part["reply"]["root"]["uri"] == first_uri
        assert part["reply"]["parent"]["uri"] == parent_uri
        assert part["reply"]["parent"]["cid"].startswith("bafyrei")
    assert data.sessions == 1  # one createSession for the whole run
    assert [r.path for r in server.requests].count(
        "/xrpc/com.atproto.server.createSession") == 1


def test_bluesky_refreshes_a_session_about_to_expire(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str], tmp_path: Path) -> None:
    _server, data, base = bluesky_pds
    data.access_seconds = 60  # the SDK refreshes 15 minutes before the end
    run = posting_run(write_plan(tmp_path, accounts(pds=base)))
    channel = bluesky_channel(data, base)
    publish_cue(run, cue(run, "q2"), {"bluesky": channel})
    publish_cue(run, cue(run, "welcome"), {"bluesky": channel})
    assert data.sessions == 1 and data.refreshes >= 1
    assert len(data.posts()) == 2


def test_bluesky_a_duplicate_record_key_is_refused_and_found(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str], tmp_path: Path) -> None:
    _server, data, base = bluesky_pds
    path = write_plan(tmp_path, accounts(pds=base))
    run = posting_run(path)
    publish_cue(run, cue(run, "q2"), {"bluesky": bluesky_channel(data, base)})
    # A second window with a log of its own (copied before the post) posts the cue too:
    # the same derived key, the server refuses the create, the post is found there.
    other = tmp_path / "other"
    other.mkdir()
    twin = write_plan(other, accounts(pds=base))
    outcome = publish_cue(posting_run(twin), cue(run, "q2"),
                          {"bluesky": bluesky_channel(data, base)})
    assert isinstance(outcome.outcomes[0], Posted)
    assert len(data.creates) == 2 and len(data.posts()) == 1


def test_bluesky_a_lost_answer_then_a_restart_posts_nothing_twice(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str], tmp_path: Path) -> None:
    _server, data, base = bluesky_pds
    run = posting_run(write_plan(tmp_path, accounts(pds=base)))
    data.lose_answers = 1
    outcome = publish_cue(run, cue(run, "q2"), {"bluesky": bluesky_channel(data, base,
                                                                           timeout=0.5)})
    (failed,) = outcome.outcomes
    assert isinstance(failed, Failed)
    assert f"{base} did not answer /xrpc/com.atproto.repo.createRecord in full" \
        in failed.reason
    assert len(data.posts()) == 1  # it arrived
    restarted = posting_run(run.plan_path)
    settled = settle(restarted, {"bluesky": bluesky_channel(data, base)})
    assert [d for _r, d in settled] == ["done"]
    again = publish_cue(restarted, cue(run, "q2"), {"bluesky": bluesky_channel(data, base)})
    assert isinstance(again.outcomes[0], AlreadyPosted)
    assert len(data.creates) == 1 and len(data.posts()) == 1


def test_bluesky_a_failing_part_two_then_the_rest(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str], tmp_path: Path) -> None:
    _server, data, base = bluesky_pds
    run = posting_run(write_plan(tmp_path, accounts(pds=base)))
    data.refusals = [None, json_reply({"error": "InvalidRequest",
                                       "message": "Record/text must not be longer"}, 400)]
    channel = bluesky_channel(data, base)
    outcome = publish_cue(run, cue(run, "thanks"), {"bluesky": channel})
    (failed,) = outcome.outcomes
    assert isinstance(failed, Failed) and failed.posted == 1
    assert "Record/text must not be longer" in failed.reason
    assert len(data.posts()) == 1
    outcome = publish_cue(run, cue(run, "thanks"), {"bluesky": channel})
    (posted,) = outcome.outcomes
    assert isinstance(posted, Posted) and posted.first == 2
    assert len(data.posts()) == posted.parts
    texts = [c["record"]["text"] for c in data.creates]
    assert sum(t.endswith(f"1/{posted.parts}") for t in texts) == 1  # part 1 once


def test_bluesky_delete_and_a_wrong_password(
        bluesky_pds: tuple[FakeServer, BlueskyPds, str], tmp_path: Path) -> None:
    _server, data, base = bluesky_pds
    run = posting_run(write_plan(tmp_path, accounts(pds=base)))
    from tui.core.run.publish.publisher import undo_cue

    channel = bluesky_channel(data, base)
    publish_cue(run, cue(run, "q2"), {"bluesky": channel})
    undo_cue(run, cue(run, "q2"), {"bluesky": channel})
    assert data.posts() == []
    wrong = BlueskyChannel(data.handle, "not-the-password", base, timeout=5)
    with pytest.raises(ChannelError, match="refused the app password") as caught:
        wrong.sign_in()
    assert "not-the-password" not in caught.value.message


# --- Mastodon ---------------------------------------------------------------------------

def test_mastodon_statuses_public_in_the_plan_language_with_a_key_and_a_chain(
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path) -> None:
    _server, data = mastodon_account
    run = posting_run(write_plan(tmp_path, accounts(mastodon=data.base)))
    channel = mastodon_channel(data)
    outcome = publish_cue(run, cue(run, "q1"), {"mastodon": channel})
    (posted,) = outcome.outcomes
    assert isinstance(posted, Posted) and posted.urls[0].startswith(data.base + "/@endcm/")
    body = json.loads(data.posts[0].body)
    assert body["visibility"] == "public" and body["language"] == "en"
    assert data.posts[0].headers["idempotency-key"].startswith("tchat-")
    (media,) = data.media.values()
    assert media["description"] == "A chart of the risks" and media["bytes"] == PNG
    assert body["media_ids"] == [media["id"]]
    # The full link: Mastodon counts every link as 23 and shows it shortened itself.
    assert "https://example.org/reports/2026/online-safety" in body["status"]
    publish_cue(run, cue(run, "thanks"), {"mastodon": channel})
    chain = [json.loads(p.body) for p in data.posts[1:]]
    assert len(chain) >= 2 and "in_reply_to_id" not in chain[0]
    ids = [s["id"] for s in data.statuses[1:]]
    assert [c["in_reply_to_id"] for c in chain[1:]] == ids[:-1]


def test_mastodon_a_lost_answer_is_deduplicated_by_its_key(
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path) -> None:
    _server, data = mastodon_account
    run = posting_run(write_plan(tmp_path, accounts(mastodon=data.base)))
    data.lose_answers = 1
    outcome = publish_cue(run, cue(run, "q2"), {"mastodon": mastodon_channel(data,
                                                                             timeout=0.5)})
    assert isinstance(outcome.outcomes[0], Failed)
    # The restart finds it among the account's statuses: nothing goes again.
    restarted = posting_run(run.plan_path)
    assert [d for _r, d in settle(restarted, {"mastodon": mastodon_channel(data)})] == ["done"]
    again = publish_cue(restarted, cue(run, "q2"), {"mastodon": mastodon_channel(data)})
    assert isinstance(again.outcomes[0], AlreadyPosted)
    assert len(data.statuses) == 1 and len(data.posts) == 1


def test_mastodon_an_intent_not_found_is_resent_with_the_same_key(
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path) -> None:
    _server, data = mastodon_account
    run = posting_run(write_plan(tmp_path, accounts(mastodon=data.base)))
    data.refusals = [(502, {}, b"bad gateway")]
    outcome = publish_cue(run, cue(run, "q2"), {"mastodon": mastodon_channel(data)})
    assert isinstance(outcome.outcomes[0], Failed)
    outcome = publish_cue(run, cue(run, "q2"), {"mastodon": mastodon_channel(data)})
    assert isinstance(outcome.outcomes[0], Posted)
    keys = [p.headers["idempotency-key"] for p in data.posts]
    assert len(keys) == 2 and keys[0] == keys[1] and len(data.statuses) == 1


def test_mastodon_429_is_waited_out_as_asked(
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path) -> None:
    _server, data = mastodon_account
    waits: list[float] = []
    channel = MastodonChannel("@endcm@social.example", data.token, data.base, timeout=5,
                              sleep=waits.append)
    run = posting_run(write_plan(tmp_path, accounts(mastodon=data.base)))
    data.refusals = [(429, {"Retry-After": "7"}, b'{"error":"Too many requests"}')]
    outcome = publish_cue(run, cue(run, "q2"), {"mastodon": channel})
    assert isinstance(outcome.outcomes[0], Posted) and waits == [7.0]
    data.refusals = [(429, {"Retry-After": "3600"}, b"{}")]
    outcome = publish_cue(run, cue(run, "welcome"), {"mastodon": channel})
    (failed,) = outcome.outcomes
    assert isinstance(failed, Failed) and "try again in 3601 s" in failed.reason


def test_mastodon_delete_reblog_and_a_refused_token(
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path) -> None:
    _server, data = mastodon_account
    run = posting_run(write_plan(tmp_path, accounts(mastodon=data.base)))
    channel = mastodon_channel(data)
    from tui.core.run.publish.publisher import repost, undo_cue

    publish_cue(run, cue(run, "q2"), {"mastodon": channel})
    undo_cue(run, cue(run, "q2"), {"mastodon": channel})
    assert data.statuses == []
    assert isinstance(repost(run, channel, "4242", None), Posted)
    assert isinstance(repost(run, channel, "4242", None), AlreadyPosted)
    assert list(data.reblogs) == ["4242"]
    wrong = MastodonChannel("@endcm@social.example", "wrong-token-value", data.base, timeout=5)
    with pytest.raises(ChannelError, match="refused the token"):
        wrong.sign_in()


# --- the deadline and redirects ----------------------------------------------------------

def test_a_server_that_trickles_is_cut_at_the_total_deadline(tmp_path: Path) -> None:
    import socket
    import threading
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    stop = threading.Event()

    def trickle() -> None:
        connection, _ = listener.accept()
        connection.recv(65536)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        while not stop.wait(0.1):  # a byte every tenth of a second, for ever
            try:
                connection.sendall(b"x")
            except OSError:
                break
        connection.close()

    threading.Thread(target=trickle, daemon=True).start()
    channel = MastodonChannel("@endcm@social.example", "t", f"http://127.0.0.1:{port}",
                              timeout=0.6)
    started = time.monotonic()
    try:
        with pytest.raises(ChannelError, match="did not answer /api/v1/apps/"
                                               "verify_credentials in full within 1 s"):
            channel.sign_in()
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - started < 5  # each read alone never timed out


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_never_followed_with_a_credential(
        status: int, bluesky_pds: tuple[FakeServer, BlueskyPds, str],
        mastodon_account: tuple[FakeServer, MastodonAccount]) -> None:
    server, data, base = bluesky_pds
    elsewhere, account = mastodon_account
    server.reply_once(status, b"", {"Location": f"{account.base}/xrpc/steal"})
    with pytest.raises(ChannelError, match="redirect"):
        BlueskyChannel(data.handle, data.password, base, timeout=5).sign_in()
    elsewhere.reply_once(status, b"", {"Location": f"{base}/api/v1/apps/verify_credentials"})
    with pytest.raises(ChannelError, match="redirect"):
        mastodon_channel(account).sign_in()
    # Nothing followed the Location: each server saw the one request it redirected.
    assert [r.path for r in server.requests] == ["/xrpc/com.atproto.server.createSession"]
    assert [r.path for r in elsewhere.requests] == ["/api/v1/apps/verify_credentials"]
    assert len(server.requests) == 1 and len(elsewhere.requests) == 1


# --- numbers and JSON from a hostile server ---------------------------------------------

ABSURD_RESETS = [
    ({"ratelimit-reset": "inf"}, "try again in a day or more"),
    ({"ratelimit-reset": "1e300"}, "try again in a day or more"),
    ({"ratelimit-reset": "nan"}, "too many requests) for signing in"),
    ({"Retry-After": "nan", "ratelimit-reset": "-nan"}, "too many requests) for signing in"),
    ({"X-RateLimit-Reset": "9999-12-31T23:59:59-14:00"}, "too many requests) for signing in"),
    ({"Retry-After": "1e400"}, "try again in a day or more"),
    ({"Retry-After": "9" * 5000}, "too many requests) for signing in"),
]


@pytest.mark.parametrize("headers, expected", ABSURD_RESETS)
def test_an_absurd_rate_limit_reset_is_a_line_on_bluesky(
        headers: dict[str, str], expected: str,
        bluesky_pds: tuple[FakeServer, BlueskyPds, str]) -> None:
    server, data, base = bluesky_pds
    waits: list[float] = []
    channel = BlueskyChannel(data.handle, data.password, base, timeout=5, sleep=waits.append)
    server.reply_once(429, b'{"error": "RateLimitExceeded", "message": "slow down"}',
                      {"Content-Type": "application/json", **headers})
    with pytest.raises(ChannelError) as caught:
        channel.sign_in()
    assert caught.value.message.startswith(f"{base} asks to wait (too many requests)")
    assert expected in caught.value.message and waits == []
    assert data.sessions == 0


@pytest.mark.parametrize("headers, expected", ABSURD_RESETS)
def test_an_absurd_rate_limit_reset_is_a_line_on_mastodon(
        headers: dict[str, str], expected: str,
        mastodon_account: tuple[FakeServer, MastodonAccount]) -> None:
    server, data = mastodon_account
    waits: list[float] = []
    channel = MastodonChannel("@endcm@social.example", data.token, data.base, timeout=5,
                              sleep=waits.append)
    server.reply_once(429, b'{"error": "Too many requests"}', headers)
    with pytest.raises(ChannelError) as caught:
        channel.sign_in()
    assert caught.value.message.startswith(f"{data.base} asks to wait (too many requests)")
    assert expected in caught.value.message and waits == []


NESTED = b"[" * 100_000 + b"]" * 100_000


def test_a_deeply_nested_mastodon_answer_is_a_line(
        mastodon_account: tuple[FakeServer, MastodonAccount], tmp_path: Path) -> None:
    server, data = mastodon_account
    json_type = {"Content-Type": "application/json"}
    server.reply_once(200, NESTED, json_type)
    with pytest.raises(ChannelError, match="/api/v1/apps/verify_credentials answered a page "
                                           r"that is not JSON \(application/json\)"):
        mastodon_channel(data).sign_in()
    # An error whose words are nested that deep: the status is said instead.
    server.reply_once(401, NESTED, json_type)
    with pytest.raises(ChannelError, match=r"refused the token of .* \(HTTP 401\)"):
        mastodon_channel(data).sign_in()
    # The answer to a post: uncertain (the post may be there), so nothing is sent again
    # before the server is asked.
    run = posting_run(write_plan(tmp_path, accounts(mastodon=data.base)))
    data.refusals = [(200, json_type, NESTED)]
    (failed,) = publish_cue(run, cue(run, "q2"), {"mastodon": mastodon_channel(data)}).outcomes
    assert isinstance(failed, Failed) and "answered a page that is not JSON" in failed.reason
    assert "post-failed" not in log_path_for(run.plan_path).read_text()  # still open


def test_registering_tchat_and_the_code_exchange_read_nested_answers_as_lines(
        mastodon_account: tuple[FakeServer, MastodonAccount]) -> None:
    from tui.post.mastodon import exchange_code, register_app

    server, data = mastodon_account
    server.reply_once(200, NESTED, {"Content-Type": "application/json"})
    with pytest.raises(ChannelError, match="/api/v1/apps answered a page that is not JSON"):
        register_app(data.base, timeout=5)
    server.reply_once(400, NESTED, {"Content-Type": "application/json"})
    with pytest.raises(ChannelError, match=r"/oauth/token answered 400 \(HTTP 400\)"):
        exchange_code(data.base, data.client_id, data.client_secret, data.code, timeout=5)
