"""Exports of a plan on several networks: each guest's handles per network, promotions
and the event text naming the plan's networks, a thank-you per network."""

from __future__ import annotations

from typing import Any

from helpers import plan_dict

from tui.core.exports import export, make_context
from tui.core.exports.context import follow_url, guest_name, host_text, platform_name
from tui.core.plan.model import Plan


def three_networks(**chat: Any) -> Plan:
    host = {"x": "@EndCMOrg", "bluesky": "endcm.org", "mastodon": "@endcm@social.coop"}
    data = plan_dict(**({"platforms": ["x", "bluesky", "mastodon"], "host": host} | chat))
    data["guests"] = [
        {"name": "Safe Screens", "status": "confirmed",
         "handle": {"x": "@SafeScreensOrg", "bluesky": "safescreens.bsky.social",
                    "mastodon": "@safescreens@mastodon.social"}},
        {"name": "Youth Help", "status": "confirmed", "handle": {"x": "@YouthHelpNet"}},
        {"name": "Same Everywhere", "status": "invited", "handle": "@same"},
    ]
    return Plan.model_validate(data)


def test_people_are_named_with_their_handle_on_each_network() -> None:
    plan = three_networks()
    assert guest_name(plan.guests[0], plan) == (
        "Safe Screens (X @SafeScreensOrg · Bluesky @safescreens.bsky.social · "
        "Mastodon @safescreens@mastodon.social)")
    assert guest_name(plan.guests[1], plan) == "Youth Help (X @YouthHelpNet)"
    assert guest_name(plan.guests[2], plan) == "Same Everywhere (@same)"  # one for all
    assert host_text(plan) == "X @EndCMOrg · Bluesky @endcm.org · Mastodon @endcm@social.coop"
    one = Plan.model_validate(plan_dict(host="@host"))
    assert host_text(one) == "@host" and guest_name(one.guests[0], one) == "Guest One (@one)"


def test_the_guest_brief_lists_each_guests_handles_per_network() -> None:
    text = export("guest-brief", make_context(three_networks())).text
    assert ("**Safe Screens** (X @SafeScreensOrg · Bluesky @safescreens.bsky.social · "
            "Mastodon @safescreens@mastodon.social)") in text
    assert "X, Bluesky, Mastodon" in text  # where the chat happens
    # The invitation goes out on the first network, with that network's handle; it is
    # the moderator's, in the messages to the guests, not in the brief they all receive.
    messages = export("guest-messages", make_context(three_networks())).text
    assert "@SafeScreensOrg" in messages.split("### Safe Screens")[1]


def test_promotions_and_the_event_follow_the_plans_networks() -> None:
    plan = three_networks()
    assert platform_name(plan) == "X, Bluesky, Mastodon"
    assert follow_url(plan) is None  # one address would send everyone to one network
    event = export("facebook-event", make_context(plan)).text
    assert "Online, on X, Bluesky, Mastodon" in event
    assert "x.com/hashtag" not in event
    assert "Hosted by X @EndCMOrg · Bluesky @endcm.org · Mastodon @endcm@social.coop." in event
    one = Plan.model_validate(plan_dict(platform="bluesky"))
    assert platform_name(one) == "Bluesky" and follow_url(one) is not None


def test_the_thanks_give_each_networks_post_with_its_count() -> None:
    text = export("thanks", make_context(three_networks())).text
    public = text.split("## ")[1]
    assert public.count("Thank you") == 3
    assert "on X" in public and "on Bluesky" in public and "/500 on Mastodon" in public
    assert "@safescreens.bsky.social" in public and "@YouthHelpNet" in public


def test_the_recap_links_each_handle_on_its_network() -> None:
    html = export("recap-html", make_context(three_networks())).text
    assert 'href="https://x.com/SafeScreensOrg"' in html
    assert 'href="https://bsky.app/profile/safescreens.bsky.social"' in html
    assert 'href="https://mastodon.social/@safescreens"' in html
    assert 'href="https://social.coop/@endcm"' in html
