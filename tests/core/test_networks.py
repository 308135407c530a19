"""One chat on several networks: the plan's networks, handles and wording per network, and
every draft counted on each network exactly as `tchat count --platform` counts it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import tomli_w
from helpers import plan_dict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.counting import count
from tui.core.plan.check import semantic_problems
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Plan
from tui.core.plan.networks import NETWORKS, handle_warning, mention_on
from tui.core.plan.planfile import dump_plan, parse_plan
from tui.core.plan.problems import PlanError

THREE = ["x", "bluesky", "mastodon"]


def three_networks(**chat: Any) -> dict[str, Any]:
    host = {"x": "@EndCMOrg", "bluesky": "endcm.org", "mastodon": "@endcm@social.coop"}
    data = plan_dict(**({"platforms": THREE, "host": host} | chat))
    data["guests"] = [
        {"name": "Safe Screens", "status": "confirmed",
         "handle": {"x": "@SafeScreensOrg", "bluesky": "safescreens.bsky.social",
                    "mastodon": "@safescreens@mastodon.social"}},
        {"name": "Youth Help", "status": "confirmed", "handle": {"x": "@YouthHelpNet"}},
    ]
    return data


def texts(plan: Plan, network: str) -> dict[str, str]:
    return {d.id: d.text for d in DraftBook(plan).drafts_on(network)}


def test_an_old_plan_runs_on_its_one_platform() -> None:
    plan = Plan.model_validate(plan_dict(platform="bluesky"))
    assert plan.chat.networks == ("bluesky",) and plan.chat.platforms is None
    assert Plan.model_validate(plan_dict()).chat.networks == ("x",)
    book = DraftBook(plan)
    assert book.networks == ("bluesky",)
    assert book.drafts == list(book.drafts_on("bluesky")) == list(book.every_draft())


def test_platforms_keep_their_order_and_platform_is_the_first() -> None:
    chat = Plan.model_validate(plan_dict(platforms=["mastodon", "x"])).chat
    assert chat.networks == ("mastodon", "x") and chat.platform == "mastodon"


def test_a_plan_on_several_networks_is_written_back_as_it_loads() -> None:
    plan = Plan.model_validate(three_networks(char_limit={"mastodon": 1000}))
    text = dump_plan(plan)
    assert "platforms" in text and "\nplatform =" not in text
    again = parse_plan(text)
    assert again == plan and again.chat.networks == tuple(THREE)


def test_handles_are_each_networks_own() -> None:
    plan = Plan.model_validate(three_networks())
    rules = "rules@2"
    assert texts(plan, "x")[rules].endswith("Guests: @SafeScreensOrg @YouthHelpNet #TestChat")
    # Bluesky: the plan writes the domain, the post mentions it with an @.
    assert "Guests: @safescreens.bsky.social, Youth Help #TestChat" in texts(plan, "bluesky")[
        rules]
    assert "@safescreens@mastodon.social, Youth Help" in texts(plan, "mastodon")[rules]
    assert [plan.chat.host_on(n) for n in THREE] == [
        "@EndCMOrg", "@endcm.org", "@endcm@social.coop"]


def test_one_handle_string_serves_every_network() -> None:
    data = three_networks(host="@Host")
    data["guests"] = [{"name": "One", "handle": "@one", "status": "confirmed"}]
    plan = Plan.model_validate(data)
    for network in THREE:
        assert plan.chat.host_on(network) == "@Host"
        assert plan.guests[0].handle_on(network) == "@one"


def test_a_variant_is_that_networks_wording_and_x_serves_x_legacy() -> None:
    data = three_networks()
    data["questions"][0]["variants"] = {"x": "Short?"}
    data["posts"][0]["variants"] = {"bluesky": "Hello Bluesky, {title}!"}
    plan = Plan.model_validate(data)
    assert texts(plan, "x")["q1"] == "Q1 Short? #TestChat"
    assert texts(plan, "bluesky")["q1"] == "Q1 Question number 1? #TestChat"
    assert texts(plan, "bluesky")["welcome@0"] == "Hello Bluesky, Test chat! #TestChat"
    assert texts(plan, "x")["welcome@0"] == "Welcome to Test chat! #TestChat"
    legacy = dict(data, chat=dict(data["chat"], platforms=["x-legacy"]))
    assert texts(Plan.model_validate(legacy), "x-legacy")["q1"] == "Q1 Short? #TestChat"


def test_each_network_counts_against_its_own_limit() -> None:
    data = three_networks(char_limit={"mastodon": 1000})
    data["questions"][0]["text"] = "é" * 290
    book = DraftBook(Plan.model_validate(data))
    limits = {n: book.drafts_of("q1", n)[0].count for n in THREE}
    assert [limits[n].limit for n in THREE] == [280, 300, 1000]
    assert [limits[n].valid for n in THREE] == [False, False, True]


def test_the_drafts_of_a_cue_on_a_network_are_found_cheaply_and_agree() -> None:
    data = three_networks()
    data["guests"] = [
        {"name": f"Guest {i}", "handle": {"x": f"@OrganisationNumber{i:02d}"},
         "status": "confirmed"} for i in range(20)
    ]
    book = DraftBook(Plan.model_validate(data))
    every = list(book.every_draft())
    for network in THREE:
        on = book.drafts_on(network)
        assert on is book.drafts_on(network)  # computed once
        assert list(on) == [d for d in every if d.network == network]
        for cue in book.cues:
            assert [d.id.split("/")[0] for d in book.drafts_of(cue.id, network)] == [cue.id] * len(
                book.drafts_of(cue.id, network))
    # The thank-you is a thread on X (20 handles) and one post on Mastodon (20 names).
    assert len(book.drafts_of("thanks@58", "x")) > 1
    assert len(book.drafts_of("thanks@58", "mastodon")) == 1
    assert book.drafts_of("no-such-cue", "x") == ()
    # Cue by cue, each on the networks in the plan's order.
    assert [d.network for d in every[:3]] == THREE


_PIECES = [*"abc é👋🏽#@.:/", "👨‍👩‍👧", "https://example.org/a", " {title}", " {guests}",
           " {host}", "\u00a0:", " word" * 30]
_TEXTS = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join).filter(
    lambda t: t.strip() != "")


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    networks = draw(st.lists(st.sampled_from([n for n in NETWORKS if n != "x-legacy"]),
                             min_size=1, max_size=4, unique=True))
    if draw(st.booleans()) and "x" in networks:
        networks[networks.index("x")] = "x-legacy"
    limits = draw(st.dictionaries(st.sampled_from(networks), st.integers(1, 600),
                                  max_size=2))
    data = plan_dict(platforms=networks, language=draw(st.sampled_from(["fr", "en"])),
                     **({"char_limit": limits} if limits else {}))
    handle = st.sampled_from(["@one", "one.bsky.social", "@one@mastodon.social", ""])
    data["guests"] = [{"name": "Guest", "status": "confirmed",
                       "handle": draw(st.one_of(handle, st.dictionaries(
                           st.sampled_from(networks), handle, max_size=3)))}]
    data["chat"]["host"] = draw(st.one_of(handle, st.dictionaries(
        st.sampled_from(networks), handle, max_size=3)))
    for item in data["questions"][:2] + data["posts"]:
        item["text"] = draw(_TEXTS)
        variants = draw(st.dictionaries(st.sampled_from(networks), _TEXTS, max_size=2))
        if variants:
            item["variants"] = variants
    return Plan.model_validate(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_every_draft_counts_as_tchat_count_counts_it_on_its_network(plan: Plan) -> None:
    book = DraftBook(plan)
    seen = set()
    for draft in book.every_draft():
        network = draft.network
        seen.add(network)
        assert draft.count == count(draft.text, network, limit=plan.chat.limit_on(network))
        assert draft.text == draft.text.strip()
        for _n, handle in plan.guests[0].handles_on((network,)):
            if handle and network == "bluesky":
                assert handle.startswith("@")
    assert seen == set(plan.chat.networks)


def test_bluesky_and_mastodon_handles_are_checked_as_those_networks_write_them() -> None:
    assert mention_on("safescreens.bsky.social", "bluesky") == "@safescreens.bsky.social"
    assert mention_on("@safescreens.bsky.social", "bluesky") == "@safescreens.bsky.social"
    assert mention_on("SafeScreensOrg", "x") == "SafeScreensOrg"  # X as written, as before
    assert handle_warning("safescreens.bsky.social", "bluesky") is None
    assert "not a Bluesky handle" in str(handle_warning("@SafeScreensOrg", "bluesky"))
    assert handle_warning("@safescreens@mastodon.social", "mastodon") is None
    assert "no server part" in str(handle_warning("@safescreens", "mastodon"))
    assert "not a Mastodon handle" in str(handle_warning("@a@not a server", "mastodon"))
    assert handle_warning("@AnyThing", "x") is None and handle_warning("", "bluesky") is None


def test_a_handle_missing_on_a_network_names_the_guest_there_and_warns() -> None:
    plan = Plan.model_validate(three_networks())
    assert "Youth Help" in texts(plan, "bluesky")["thanks@58"]
    assert "@YouthHelpNet" in texts(plan, "x")["thanks@58"]
    warnings = [p for p in semantic_problems(plan) if p.field == "guests[2].handle"]
    assert [p.severity for p in warnings] == ["warning"]
    assert "no handle on bluesky, mastodon" in warnings[0].message


def test_each_networks_draft_is_checked_on_that_network() -> None:
    data = three_networks()
    data["questions"][1]["variants"] = {"x": "word " * 60 + "END"}
    data["questions"][2]["text"] = "What about #Other?"
    problems = semantic_problems(Plan.model_validate(data | {"chat": dict(
        data["chat"], platforms=["x", "threads"],
        host="@EndCMOrg")}))
    errors = [p for p in problems if p.is_error]
    assert [(p.field, p.message[:22]) for p in errors] == [
        ("questions[2].variants", "Q2 is 316/280 on x: 36")]
    threads = [p.message for p in problems if p.field == "questions[3]"]
    assert threads == ["Q3 on threads: Threads takes one topic per post: #Other becomes the "
                       "topic, #TestChat will stay plain text."]


@pytest.mark.parametrize(("chat", "field", "message"), [
    ({"platforms": []}, "chat.platforms", "should name at least one network"),
    ({"platforms": ["x", "x"]}, "chat.platforms", "'x' is listed twice"),
    ({"platforms": ["x", "x-legacy"]}, "chat.platforms", "'x' and 'x-legacy' are both X"),
    ({"platforms": ["x", "myspace"]}, "chat.platforms[2]", "should be one of"),
    ({"platform": "x", "platforms": ["x"]}, "chat.platforms", "are both set"),
    ({"host": {"myspace": "@me"}}, "chat.host", "unknown network 'myspace' in host"),
    ({"host": 3}, "chat.host", "should be text, in quotes, or a table per network"),
    ({"char_limit": {"x": 0}}, "chat.char_limit", "x: should be between 1 and 100,000"),
    ({"char_limit": {"myspace": 9}}, "chat.char_limit", "unknown network 'myspace'"),
    ({"platforms": ["x", "bluesky"], "char_limit": 500}, "chat.char_limit",
     "say whose limit it is"),
])
def test_bad_networks_are_said_at_their_field(chat: dict[str, Any], field: str,
                                              message: str) -> None:
    base = plan_dict()
    document = dict(base, chat=base["chat"] | chat)
    with pytest.raises(PlanError) as raised:
        parse_plan(tomli_w.dumps(document))
    found = [(p.field, p.message) for p in raised.value.problems]
    assert any(f == field and message in m for f, m in found), found
    assert all(p.line is not None for p in raised.value.problems)


def test_both_platform_fields_are_said_with_every_other_problem() -> None:
    base = plan_dict()
    document = dict(base, chat=base["chat"] | {"platform": "x", "platforms": ["x"],
                                               "duration": "60"})
    with pytest.raises(PlanError) as raised:
        parse_plan(tomli_w.dumps(document))
    assert {p.field for p in raised.value.problems} == {"chat.platforms", "chat.duration"}


@pytest.mark.parametrize(("where", "value", "message"), [
    ("guest", {"blusky": "a.b"}, "unknown network 'blusky' in handle"),
    ("guest", {"x": 3}, "x: should be text"),
    ("variant", {"myspace": "Hi"}, "unknown network 'myspace' in variants"),
    ("variant", {"x": " "}, "x: should not be empty"),
    ("variant", "Hi", "should be a table per network"),
])
def test_bad_tables_per_network_are_said_at_their_field(where: str, value: object,
                                                        message: str) -> None:
    data = plan_dict()
    if where == "guest":
        data["guests"][0]["handle"] = value
        field = "guests[1].handle"
    else:
        data["posts"][0]["variants"] = value
        field = "posts[1].variants"
    with pytest.raises(PlanError) as raised:
        parse_plan(tomli_w.dumps(data))
    [problem] = raised.value.problems
    assert problem.field == field and message in problem.message and problem.line


def test_a_variant_or_a_limit_for_a_network_the_plan_does_not_use() -> None:
    data = three_networks(char_limit={"threads": 400})
    data["posts"][1]["variants"] = {"threads": "Hi", "x-legacy": "Hi X"}
    problems = semantic_problems(Plan.model_validate(data))
    [variant] = [p for p in problems if p.field == "posts[2].variants"]
    assert variant.is_error and "a variant for threads, which the plan does not run on" \
        in variant.message  # x-legacy is X, which it does run on
    [limit] = [p for p in problems if p.field == "chat.char_limit"]
    assert limit.severity == "warning"


def test_the_readme_plan_runs_on_three_networks() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The plan format"):]
    start = section.index("```toml\n") + 8
    example = section[start:section.index("\n```", start)]
    plan = parse_plan(example)
    assert plan.chat.networks == ("x", "bluesky", "mastodon")
    book = DraftBook(plan)
    assert {d.network for d in book.every_draft()} == set(THREE)
    assert [plan.guests[0].handle_on(n) for n in THREE] == [
        "@SafeScreensOrg", "@safescreens.bsky.social", "@safescreens@mastodon.social"]
    assert not [p for p in semantic_problems(plan, example) if p.is_error]


def test_the_pre_flight_names_the_networks_a_guest_has_no_handle_on() -> None:
    from tui.core.run.preflight import preflight, preflight_lines

    plan = Plan.model_validate(three_networks())
    early = plan.chat.start_at - timedelta(days=30)
    lines = preflight_lines(preflight(plan, early), plan)
    assert any(line.endswith("guests without a handle: Youth Help (Bluesky, Mastodon)")
               for line in lines), lines


def test_the_conversation_knows_the_host_and_guests_on_every_network() -> None:
    from tui.core.room.planned import attributor_for

    attributor = attributor_for(Plan.model_validate(three_networks()))
    for author in ("EndCMOrg", "endcm.org", "endcm@social.coop"):
        assert attributor.is_host(author), author
    for author in ("SafeScreensOrg", "safescreens.bsky.social", "safescreens@mastodon.social"):
        assert attributor.is_guest(author), author
    assert not attributor.is_host("someone.bsky.social")


def test_a_plan_on_several_networks_takes_an_assignment() -> None:
    chat = Plan.model_validate(three_networks()).chat
    chat.recap_url = "https://example.org/recap"  # every field is validated again
    chat.platforms = ["mastodon", "x"]
    assert chat.networks == ("mastodon", "x") and chat.platform == "mastodon"
