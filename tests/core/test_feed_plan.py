"""The plan's `[feed]` table, as `tchat check` sees it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.plan.check import check_file
from tui.core.plan.feedurl import feed_url_problem
from tui.core.plan.planfile import parse_plan
from tui.core.plan.problems import PlanError

CHAT = '''[chat]
title = "T"
tag = "#Tag"
start = 2026-12-03T18:00:00+01:00
'''


def problems_of(feed: str) -> list[str]:
    try:
        parse_plan(CHAT + "\n[feed]\n" + feed)
    except PlanError as error:
        return [f"{p.line}:{p.field}: {p.message}" for p in error.problems]
    return []


def test_a_complete_feed_table_loads() -> None:
    plan = parse_plan(CHAT + '''
[feed]
mastodon = "https://mastodon.social/"
bluesky = true
bluesky_service = "http://127.0.0.1:8123"
poll_seconds = 30
replay = "past.conversation.jsonl"
''')
    feed = plan.feed
    assert feed is not None and feed.live
    assert feed.mastodon == "https://mastodon.social"
    assert feed.poll_seconds == 30
    assert feed.replay_path(Path("/plans/chat.toml")) == Path("/plans/past.conversation.jsonl")


def test_no_feed_table_means_no_feed() -> None:
    assert parse_plan(CHAT).feed is None


@pytest.mark.parametrize("feed, message", [
    ('mastodon = "http://mastodon.social"', "7:feed.mastodon: 'http://mastodon.social' "
                                            "should use https"),
    ('mastodon = "ftp://x"', "is not a web address"),
    ('mastodon = "mastodon.social"', "is not a web address"),
    ('bluesky_service = "https://u:p@bsky.example"', "holds no password"),
    ("poll_seconds = 2", "7:feed.poll_seconds: should be greater than or equal to 5"),
    ('bluesky = "yes"', "should be true or false"),
    ('blusky = true', "unknown field 'blusky' (did you mean 'bluesky'?)"),
    ('token = "secret"', "unknown field 'token'"),
])
def test_bad_feed_tables_are_located_errors(feed: str, message: str) -> None:
    found = problems_of(feed)
    assert any(message in line for line in found), found


@pytest.mark.parametrize("url", ["http://127.0.0.1:9", "http://localhost:80/", "https://a.b"])
def test_local_http_and_any_https_are_accepted(url: str) -> None:
    assert feed_url_problem(url) is None


def test_check_finds_a_missing_replay_beside_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "chat.toml"
    plan.write_text(CHAT + '\n[feed]\nreplay = "gone.jsonl"\n')
    _plan, problems = check_file(plan)
    assert [(p.field, p.line) for p in problems if p.field == "feed.replay"] == [
        ("feed.replay", 7)]
    (tmp_path / "gone.jsonl").write_text("")
    _plan, problems = check_file(plan)
    assert not [p for p in problems if p.field == "feed.replay"]


def test_several_mastodon_servers_and_the_rooms_lists_load() -> None:
    plan = parse_plan(CHAT + '''
[feed]
mastodon = ["https://mastodon.social/", "https://social.coop"]
feature = ["@cohost", "@partner@social.coop", "guest.bsky.social"]
mute = ["spam_bot"]
''')
    feed = plan.feed
    assert feed is not None and feed.live
    assert feed.mastodon_servers == ("https://mastodon.social", "https://social.coop")
    assert feed.feature == ["@cohost", "@partner@social.coop", "guest.bsky.social"]
    assert feed.mute == ["spam_bot"]
    one = parse_plan(CHAT + '\n[feed]\nmastodon = "https://mastodon.social"\n').feed
    assert one is not None and one.mastodon_servers == ("https://mastodon.social",)


@pytest.mark.parametrize("feed, message", [
    ("mastodon = []", "7:feed.mastodon: name at least one server"),
    ('mastodon = ["https://a.example", "https://a.example/"]', "'https://a.example' is named "
                                                               "twice"),
    ('mastodon = ["https://a.example", "http://b.example"]', "should use https"),
    ("mastodon = [1]", "7:feed.mastodon: should be a server's address in quotes"),
    ("mastodon = " + str([f"https://s{n}.example" for n in range(11)]).replace("'", '"'),
     "at most 10 servers"),
    ('mute = ["spam bot"]', "7:feed.mute: 'spam bot' is not an account"),
    ('feature = ["@a\\u001b[31m"]', "is not an account"),
    ('feature = "@one"', "7:feed.feature: should be a list"),
])
def test_bad_servers_and_accounts_are_located_errors(feed: str, message: str) -> None:
    found = problems_of(feed)
    assert any(message in line for line in found), found
