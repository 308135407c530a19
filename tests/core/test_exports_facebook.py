"""The Facebook event text: plain text to type into the event's fields."""

from __future__ import annotations

from helpers import make_plan, plan_dict

from tui.core.exports import export, make_context
from tui.core.plan.model import Plan


def test_fields_in_english() -> None:
    plan = make_plan(topic="safety online", host="@host",
                     audience_timezones=["America/New_York"])
    text = export("facebook-event", make_context(plan)).text
    assert text.startswith("Event name\n----------\n\n#TestChat chat: Test chat\n")
    assert "• Paris: Thursday, December 3, 2026, 6:00 PM – 7:00 PM" in text
    assert "• New York: Thursday, December 3, 2026, 12:00 PM – 1:00 PM" in text
    assert "1. Follow the #TestChat tag on X: https://x.com/hashtag/TestChat?f=live" in text
    assert "2. The questions come numbered Q1, Q2… Answer Q1 by starting with A1" in text
    assert "• Guest One (@one)" in text
    assert text.endswith("Hosted by @host.\n")
    assert "**" not in text and "\\" not in text  # plain text, nothing escaped


def test_french_and_unconfirmed_guests() -> None:
    data = plan_dict(language="fr", platform="mastodon", duration=90)
    data["guests"].append({"name": "Pas sûr", "handle": "@maybe", "status": "invited"})
    result = export("facebook-event", make_context(Plan.model_validate(data)))
    assert "Un tchat de 90 minutes sur Mastodon autour du hashtag #TestChat" in result.text
    assert "1. Suivez le hashtag #TestChat sur Mastodon." in result.text
    assert "R1" in result.text
    assert any("Pas sûr" in note for note in result.notes)
