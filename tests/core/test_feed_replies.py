"""The replies under the host's questions, read from local servers speaking Mastodon's
`statuses/:id/context` and Bluesky's `getPostThread`, and several Mastodon servers read as
one conversation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from feed_servers import START, BlueskyData, FakeServer, MastodonData, minute, served

from tui.core.feed.conversation import Conversation
from tui.core.feed.post import FeedPost
from tui.core.feed.status import status_lines
from tui.core.plan.model import Plan
from tui.core.plan.planfile import parse_plan
from tui.core.room.planned import attributor_for
from tui.core.room.threads import PostedQuestion, ThreadSchedule, ThreadTarget
from tui.feed.poller import FeedPoller
from tui.feed.sources import build_sources
from tui.feed.threaded import ThreadedSource

SINCE = START - timedelta(hours=1)
PLAN = '''[chat]
title = "Test chat"
tag = "#tchat"
start = 2026-12-03T17:00:00+00:00
language = "en"
host = "@MyOrg"

[[questions]]
text = "First?"

[[questions]]
text = "Second?"

[[questions]]
text = "Third?"
'''


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


@pytest.fixture
def second() -> Iterator[tuple[FakeServer, MastodonData]]:
    data = MastodonData()
    for server, base in served(data.handle):
        data.base = base
        yield server, data


@pytest.fixture
def bluesky() -> Iterator[tuple[FakeServer, BlueskyData, str]]:
    data = BlueskyData()
    for server, base in served(data.handle_request):
        yield server, data, base


def plan_for(feed: str) -> Plan:
    return parse_plan(PLAN + "\n[feed]\n" + feed)


def sources(plan: Plan, env: dict[str, str] | None = None, per_poll: int = 2,
            posted: tuple[PostedQuestion, ...] = ()) -> list[ThreadedSource]:
    assert plan.feed is not None
    built = build_sources(plan.feed, plan.chat.tag, SINCE, timeout=5, environ=env or {},
                          asks=attributor_for(plan).asks, posted=posted,
                          now=lambda: minute(30), threads_per_poll=per_poll)
    assert built.problems == []
    return built.sources  # type: ignore[return-value]


def contexts_answer(server: FakeServer, data: MastodonData,
                    reply: tuple[int, dict[str, str], bytes]) -> None:
    """From now on every context request gets `reply`; the rest is served as usual."""
    def answer(seen: Any) -> Any:
        return reply if seen.path.endswith("/context") else data.handle(seen)
    server.handle = answer


def conversation(plan: Plan, posts: list[FeedPost]) -> Conversation:
    talk = Conversation(attributor_for(plan))
    talk.take(posts)
    return talk


# --- Mastodon ------------------------------------------------------------------------

def test_untagged_replies_under_the_hosts_question_are_read_and_counted(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    server, data = mastodon
    q1 = data.add("MyOrg", "<p>Q1 First? #tchat</p>", minute(1))
    r1 = data.add("ann@far.example", "<p>@MyOrg phishing, mostly</p>", minute(2),
                  reply_to=q1, tagged=False)
    data.add("bob", "<p>@ann same here</p>", minute(3), reply_to=r1, tagged=False)
    data.add("cy", "<p>A2 early for Q2</p>", minute(4), reply_to=r1, tagged=False)
    data.add("dee", "<p>A1 tagged</p>", minute(5))
    plan = plan_for(f'mastodon = "{data.base}"')
    (source,) = sources(plan)
    posts = source.fetch()
    contexts = [r for r in server.requests if r.path.endswith("/context")]
    assert [r.path for r in contexts] == [f"/api/v1/statuses/{q1}/context"]
    talk = conversation(plan, posts)
    assert talk.counts.answers(1) == (3, 3)  # ann and bob in the thread, dee by her mark
    assert talk.counts.answers(2) == (1, 1)  # cy's A2 in Q1's thread answers Q2
    assert {p.id for p in posts} == {s["uri"] for s in data.statuses}  # keyed by URI
    assert len(posts) == 5
    bob = next(p for p in posts if p.author.startswith("bob"))
    assert bob.author == "bob@127.0.0.1" and bob.reply_to is not None
    assert bob.reply_to.endswith(f"/statuses/{r1}")
    assert source.notes == ()


def test_a_chain_too_deep_and_a_looping_context_are_cut_with_a_note(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    server, data = mastodon
    q1 = data.add("MyOrg", "<p>Q1 First? #tchat</p>", minute(1))
    (source,) = sources(plan_for(f'mastodon = "{data.base}"'))
    source.fetch()  # the timeline and the (empty) thread
    chain = []
    parent = q1
    for n in range(60):  # a hostile server: 60 deep, and a post replying to itself
        status = dict(data.statuses[0], id=str(9000 + n), in_reply_to_id=parent,
                      uri=f"https://evil.example/{n}", content=f"<p>level {n}</p>")
        chain.append(status)
        parent = status["id"]
    chain.append(dict(chain[0], id="8000", in_reply_to_id="8000"))
    chain.append(chain[3])
    body = json.dumps({"ancestors": [], "descendants": chain}).encode()
    contexts_answer(server, data, (200, {"Content-Type": "application/json"}, body))
    posts = source.fetch()
    assert len([p for p in posts if p.text.startswith("level")]) == 50
    assert [(n.question, n.kind, n.count) for n in source.notes] == [(1, "deep", 10)]
    assert source.notes[0].line("en") == "Q1: 10 replies deeper than 50 levels left out"


@pytest.mark.parametrize("reply", [
    (200, b'{"ancestors": [], "descendants": 5}'),
    (200, b"<html>maintenance</html>"),
    (500, b'{"error": "oops"}'),
    (404, b'{"error": "Record not found"}'),
])
def test_a_context_that_fails_is_a_note_and_the_tag_still_comes(
    mastodon: tuple[FakeServer, MastodonData], reply: tuple[int, bytes],
) -> None:
    server, data = mastodon
    data.add("MyOrg", "<p>Q1 First? #tchat</p>", minute(1))
    (source,) = sources(plan_for(f'mastodon = "{data.base}"'))
    source.fetch()
    data.add("ann", "<p>A1 new</p>", minute(2))
    status, body = reply
    contexts_answer(server, data, (status, {"Content-Type": "application/json"}, body))
    posts = source.fetch()
    assert [p.text for p in posts] == ["A1 new"]
    assert [(n.question, n.kind) for n in source.notes] == [(1, "failed")]
    assert f"Q1: replies not read (Mastodon: {data.base}" in source.notes[0].line("en")


def test_a_rate_limit_on_a_context_pauses_the_threads_not_the_tag(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    server, data = mastodon
    data.add("MyOrg", "<p>Q1 First? #tchat</p>", minute(1))
    (source,) = sources(plan_for(f'mastodon = "{data.base}"'))
    source.fetch()
    reset = datetime.now(UTC) + timedelta(seconds=120)
    contexts_answer(server, data, (
        429, {"Content-Type": "application/json", "X-RateLimit-Remaining": "0",
              "X-RateLimit-Reset": reset.isoformat()}, b'{"error":"Too many"}'))
    source.fetch()
    assert [n.kind for n in source.notes] == ["failed"]
    server.requests.clear()
    source.fetch()  # within the pause: the tag only
    assert not [r for r in server.requests if r.path.endswith("/context")]


def test_a_question_tchat_posted_untagged_is_read_by_its_id(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    _server, data = mastodon
    q2 = data.add("MyOrg", "<p>Q2 Second? (no tag)</p>", minute(10), tagged=False)
    data.add("ann", "<p>yes!</p>", minute(11), reply_to=q2, tagged=False)
    uri = data.statuses[0]["uri"]
    posted = (PostedQuestion(2, "mastodon", uri, data.base, q2, minute(10)),)
    plan = plan_for(f'mastodon = "{data.base}"')
    (source,) = sources(plan, posted=posted)
    posts = source.fetch()
    assert [p.text for p in posts] == ["Q2 Second? (no tag)", "yes!"]
    talk = conversation(plan, posts)
    assert talk.counts.answers(2) == (1, 1)


def test_two_servers_are_one_conversation_and_say_how_many_answer(
    mastodon: tuple[FakeServer, MastodonData], second: tuple[FakeServer, MastodonData],
) -> None:
    _server, one = mastodon
    server_two, two = second
    q1 = one.add("MyOrg", "<p>Q1 First? #tchat</p>", minute(1))
    q1_uri = one.statuses[0]["uri"]
    # The second server knows the host's post under its own id, and a reply of its own.
    q1_there = two.add("MyOrg@127.0.0.1", "<p>Q1 First? #tchat</p>", minute(1), uri=q1_uri)
    one.add("ann@far.example", "<p>A1 on one</p>", minute(2),
            uri="https://far.example/users/ann/statuses/1")
    two.add("ann@far.example", "<p>A1 on one</p>", minute(2),
            uri="https://far.example/users/ann/statuses/1")
    one.add("bob", "<p>untagged on one</p>", minute(3), reply_to=q1, tagged=False)
    two.add("cy@other.example", "<p>untagged on two</p>", minute(4), reply_to=q1_there,
            tagged=False)
    plan = plan_for(f'mastodon = ["{one.base}", "{two.base}"]')
    built = sources(plan)
    poller = FeedPoller(built, timedelta(seconds=15), lambda: minute(30))
    talk = conversation(plan, poller.poll_due())
    assert talk.counts.posts == 4  # the host, ann (seen twice), bob, cy
    assert talk.counts.answers(1) == (3, 3)
    lines = status_lines([p.status for p in poller.polled], minute(30), UTC, "en")
    assert lines == ["Mastodon · 2 of 2 servers answer · updated 17:30:00"]
    server_two.reply_once(500, b"{}")
    poller.polled[1].next_at = minute(30)
    poller.poll_due()
    lines = status_lines([p.status for p in poller.polled], minute(30), UTC, "en")
    assert lines[0] == "Mastodon · 1 of 2 servers answers · updated 17:30:00"
    assert lines[1].startswith(f"Mastodon: {two.base}: /api/v1/timelines/tag/tchat answered "
                               "500")


def test_a_token_goes_to_the_first_server_only(
    mastodon: tuple[FakeServer, MastodonData], second: tuple[FakeServer, MastodonData],
) -> None:
    server_one, one = mastodon
    server_two, two = second
    plan = plan_for(f'mastodon = ["{one.base}", "{two.base}"]')
    for source in sources(plan, env={"TCHAT_MASTODON_TOKEN": "secret-token"}):
        source.fetch()
    assert all(r.headers.get("authorization") == "Bearer secret-token"
               for r in server_one.requests if r.path.startswith("/api/v1/timelines"))
    assert not any("secret-token" in json.dumps(r.headers) for r in server_two.requests)


def test_the_question_asked_last_is_read_at_every_poll_the_others_in_turn() -> None:
    schedule = ThreadSchedule(2)
    targets = [ThreadTarget(n, "bluesky", f"q{n}", minute(n * 10)) for n in (1, 2, 3, 4)]
    rounds = [[t.question for t in schedule.due(targets)] for _ in range(4)]
    assert rounds == [[4, 1], [4, 2], [4, 3], [4, 1]]
    assert ThreadSchedule(2).due([]) == []


# --- Bluesky ---------------------------------------------------------------------------

def bluesky_plan(base: str) -> Plan:
    return plan_for(f'bluesky = true\nbluesky_service = "{base}"')


def login(data: BlueskyData) -> dict[str, str]:
    return {"TCHAT_BLUESKY_HANDLE": data.handle, "TCHAT_BLUESKY_APP_PASSWORD": data.password}


def test_bluesky_replies_under_the_question_are_read_with_the_same_session(
    bluesky: tuple[FakeServer, BlueskyData, str],
) -> None:
    server, data, base = bluesky
    q3 = data.add("myorg.bsky.social", "Q3 Third? #tchat", minute(20), tag="tchat")
    r1 = data.add("zoe.bsky.social", "I think so", minute(21), reply_to=q3)
    data.add("yan.bsky.social", "me too", minute(22), reply_to=r1)
    data.add("xi.bsky.social", "A3 tagged #tchat", minute(23), tag="tchat")
    plan = bluesky_plan(base)
    (source,) = sources(plan, env=login(data))
    posts = source.fetch()
    threads = [r for r in server.requests if r.path.endswith("getPostThread")]
    assert [r.query["uri"] for r in threads] == [[q3]]
    assert threads[0].query["depth"] == ["50"] and threads[0].query["parentHeight"] == ["0"]
    assert len([r for r in server.requests if "createSession" in r.path]) == 1
    talk = conversation(plan, posts)
    assert talk.counts.answers(3) == (3, 3)
    assert talk.counts.posts == 4


def test_a_bluesky_thread_deeper_than_asked_is_cut_and_a_missing_one_is_a_note(
    bluesky: tuple[FakeServer, BlueskyData, str],
) -> None:
    server, data, base = bluesky
    q1 = data.add("myorg.bsky.social", "Q1 First? #tchat", minute(1), tag="tchat")
    parent = q1
    for n in range(70):
        parent = data.add(f"p{n}.bsky.social", f"level {n}", minute(2 + n / 100),
                          reply_to=parent)
    (source,) = sources(bluesky_plan(base), env=login(data))
    real = data.thread_view

    def ignoring_depth(root: dict[str, Any], _depth: int) -> dict[str, Any]:
        return real(root, 1000)  # a server that sends more than it was asked

    data.thread_view = ignoring_depth  # type: ignore[method-assign]
    posts = source.fetch()
    assert len([p for p in posts if p.text.startswith("level")]) == 50
    assert [(n.kind, n.count) for n in source.notes] == [("deep", 20)]
    data.posts = [p for p in data.posts if p["uri"] != q1 or p.update(uri=q1 + "x")]
    source.fetch()
    assert [n.kind for n in source.notes] == ["failed"]
    assert "has no such post" in source.notes[0].line("en")


def test_the_jsonl_of_tchat_feed_lists_replies_and_leaves_muted_accounts_out(
    bluesky: tuple[FakeServer, BlueskyData, str], tmp_path: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tui.commands import feed as feed_command

    _server, data, base = bluesky
    q1 = data.add("myorg.bsky.social", "Q1 First? #tchat", minute(1), tag="tchat")
    data.add("zoe.bsky.social", "untagged answer", minute(2), reply_to=q1)
    data.add("spam.bsky.social", "buy now #tchat", minute(3), tag="tchat")
    data.add("zoe.bsky.social", "A1 and again #tchat", minute(4), tag="tchat")
    path = tmp_path / "chat.toml"
    path.write_text(PLAN + f'\n[feed]\nbluesky = true\nbluesky_service = "{base}"\n'
                    'mute = ["spam.bsky.social"]\n', encoding="utf-8")
    import argparse

    parser = argparse.ArgumentParser()
    feed_command.register(parser.add_subparsers(), "")
    args = parser.parse_args(["feed", str(path), "--once", "--jsonl"])
    code = feed_command.run(args, now=lambda: minute(10), timeout=5, environ=login(data))
    out = capsys.readouterr()
    assert code == 0, out.err
    lines = [json.loads(line) for line in out.out.splitlines()]
    assert [(x["author"], x["answers"], x["first_post"]) for x in lines] == [
        ("myorg.bsky.social", None, True), ("zoe.bsky.social", 1, True),
        ("zoe.bsky.social", 1, False)]
    assert lines[1]["reply_to"] == q1 and "network" not in lines[0]


def test_a_bluesky_rate_limit_on_a_thread_pauses_the_threads_until_its_reset(
    bluesky: tuple[FakeServer, BlueskyData, str],
) -> None:
    server, data, base = bluesky
    data.add("myorg.bsky.social", "Q1 First? #tchat", minute(1), tag="tchat")
    (source,) = sources(bluesky_plan(base), env=login(data))
    source.fetch()
    reset = int(datetime.now(UTC).timestamp()) + 1e300  # absurd: bounded to an hour

    def answer(seen: Any) -> Any:
        if seen.path.endswith("getPostThread"):
            return 429, {"Content-Type": "application/json", "ratelimit-remaining": "0",
                         "ratelimit-reset": str(reset)}, b'{"error":"RateLimitExceeded"}'
        return data.handle_request(seen)

    server.handle = answer
    source.fetch()
    assert [n.kind for n in source.notes] == ["failed"]
    server.requests.clear()
    source.fetch()
    assert [r.path for r in server.requests] == ["/xrpc/app.bsky.feed.searchPosts"]


def test_a_mastodon_server_gives_60_replies_to_a_reader_without_a_token(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    _server, data = mastodon
    q1 = data.add("MyOrg", "<p>Q1 First? #tchat</p>", minute(1))
    for n in range(70):
        data.add(f"p{n}", f"<p>answer {n}</p>", minute(2 + n / 100), reply_to=q1,
                 tagged=False)
    (source,) = sources(plan_for(f'mastodon = "{data.base}"'))
    assert len(source.fetch()) == 61
    (signed,) = sources(plan_for(f'mastodon = "{data.base}"'),
                        env={"TCHAT_MASTODON_TOKEN": "t"})
    assert len(signed.fetch()) == 71


def test_a_thread_read_again_gives_only_what_is_new_in_it(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    _server, data = mastodon
    q1 = data.add("MyOrg", "<p>Q1 First? #tchat</p>", minute(1))
    data.add("ann", "<p>yes</p>", minute(2), reply_to=q1, tagged=False)
    plan = plan_for(f'mastodon = "{data.base}"')
    poller = FeedPoller(sources(plan), timedelta(seconds=15), lambda: minute(30))
    assert len(poller.poll_due()) == 2
    data.add("bob", "<p>me too</p>", minute(3), reply_to=q1, tagged=False)
    poller.polled[0].next_at = minute(30)
    assert [p.text for p in poller.poll_due()] == ["me too"]
    assert poller.polled[0].status.posts == 3


def test_a_question_known_by_its_local_id_and_seen_tagged_is_read_once_a_poll(
    mastodon: tuple[FakeServer, MastodonData],
) -> None:
    server, data = mastodon
    q1 = data.add("MyOrg", "<p>Q1 First? #tchat</p>", minute(1))
    data.add("ann", "<p>yes</p>", minute(2), reply_to=q1, tagged=False)
    posted = (PostedQuestion(1, "mastodon", f"{data.base}#{q1}", data.base, q1, minute(1)),)
    plan = plan_for(f'mastodon = "{data.base}"')
    (source,) = sources(plan, posted=posted)
    posts = source.fetch()
    assert len([r for r in server.requests if r.path.endswith("/context")]) == 1
    talk = conversation(plan, posts)
    assert talk.counts.answers(1) == (1, 1) and talk.counts.posts == 2
    assert {p.id for p in posts} == {s["uri"] for s in data.statuses}


def test_tchat_feed_reads_the_replies_under_a_question_tchat_posted_untagged(
    bluesky: tuple[FakeServer, BlueskyData, str], tmp_path: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import argparse

    from tui.commands import feed as feed_command
    from tui.core.run.asrun import AsRunLog, Event, log_path_for

    _server, data, base = bluesky
    q1 = data.add("myorg.bsky.social", "Q1 First?", minute(1))  # no tag: search misses it
    data.add("zoe.bsky.social", "phishing", minute(2), reply_to=q1)
    path = tmp_path / "chat.toml"
    path.write_text(PLAN + f'\n[feed]\nbluesky = true\nbluesky_service = "{base}"\n',
                    encoding="utf-8")
    AsRunLog(log_path_for(path)).append(Event(
        "post-done", minute(1), minute(1), cue="q1", network="bluesky", part=1, parts=1,
        key="k", uri=q1, url="https://bsky.app/profile/myorg.bsky.social/post/x"))
    parser = argparse.ArgumentParser()
    feed_command.register(parser.add_subparsers(), "")
    args = parser.parse_args(["feed", str(path), "--once", "--jsonl"])
    assert feed_command.run(args, now=lambda: minute(10), timeout=5, environ=login(data)) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(x["author"], x["kind"], x["answers"]) for x in lines] == [
        ("myorg.bsky.social", "host", None), ("zoe.bsky.social", "answer", 1)]
