"""The guest brief holds what guests need and nothing else; the messages inviting them
are the moderator's own export, and fit where they are sent."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_plan, plan_dict

from tui.core.counting import PLATFORMS
from tui.core.exports import export, make_context
from tui.core.exports.guest_brief import MENTION_LIMIT, invitation, message_limit
from tui.core.plan.model import Guest, Plan
from tui.core.plan.planfile import load_plan

DEMO_FR = Path(__file__).resolve().parents[1] / "golden" / "plan-fr.toml"


def demo(**chat: object) -> Plan:
    plan = load_plan(DEMO_FR)
    return plan.model_copy(update={"chat": plan.chat.model_copy(update=chat)})


@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_every_invitation_fits_the_platform(platform: str) -> None:
    ctx = make_context(demo(platform=platform))
    limit = message_limit(ctx)
    for guest in ctx.plan.guests:
        invite = invitation(ctx, guest)
        assert invite.count.valid, (platform, invite.message, invite.count)
        assert invite.count.limit == limit
        assert invite.message.startswith(guest.handle)
    if platform.startswith("x"):
        assert limit <= MENTION_LIMIT


def test_a_long_x_limit_still_gives_a_mention_sized_invitation() -> None:
    ctx = make_context(demo(char_limit=25_000))
    assert message_limit(ctx) == MENTION_LIMIT


def test_the_short_wording_when_the_full_one_is_too_long() -> None:
    ctx = make_context(demo(platform="x-legacy"))
    guest = ctx.plan.guests[0]
    invite = invitation(ctx, guest)
    assert invite.count.limit == 140 and invite.count.valid
    title = ctx.plan.chat.title.replace(" :", "\u00a0:")  # French posts' no-break space
    assert title not in invite.message  # the short wording drops the title
    full = invitation(make_context(demo()), guest)
    assert title in full.message


def test_overflow_is_shown_and_reported() -> None:
    plan = make_plan(platform="x-legacy", tag="#" + "LongTag" * 5)
    plan.guests[0] = Guest(name="Guest One", handle="@" + "g" * 15, status="invited")
    result = export("guest-messages", make_context(plan))
    assert any("Guest One" in note and "/140" in note for note in result.notes)
    assert "over**" in result.text  # the figure is marked in bold


def test_brief_content() -> None:
    text = export("guest-brief", make_context(demo())).text
    text = text.replace("\u00a0", " ")  # the no-break spaces are tested on their own
    assert "- **Paris, Douala, Kinshasa** : jeudi 3 décembre 2026, 18 h 00 – 19 h 00" in text
    assert "- **Dakar, Abidjan** : jeudi 3 décembre 2026, 17 h 00 – 18 h 00" in text
    assert "Répondez à Q1 en commençant par R1" in text
    assert "« R1 Bonjour, nous sommes… #PasAvant18Ans »" in text
    assert "- **Q3** · +17 min · 18 h 17 (Paris, Douala, Kinshasa) · 17 h 17 (Dakar, " \
           "Abidjan) · Quelles sont" in text
    assert "Écrivez à @JeunesVoixAO." in text
    # One invitation and one email per guest who has not declined, in their own export.
    messages = export("guest-messages", make_context(demo())).text.replace("\u00a0", " ")
    assert messages.count("Message privé ou mention · ") == 3
    assert messages.count("Objet : ") == 3


def test_the_brief_holds_nothing_private() -> None:
    # Sent to every guest: no guest's address, no message to a guest, no invitation to
    # a guest who has not said yes (the demo's third guest is still "invited").
    plan = demo()
    brief = export("guest-brief", make_context(plan)).text
    for guest in plan.guests:
        assert guest.email and guest.email not in brief
    assert "Accepteriez-vous" not in brief and "Interviendriez-vous" not in brief
    assert "Message privé" not in brief and "Objet : " not in brief.replace("\u00a0", " ")
    assert "Bien cordialement" not in brief
    messages = export("guest-messages", make_context(plan)).text
    assert all(guest.email in messages for guest in plan.guests)
    assert "Accepteriez-vous" in messages


def test_invited_and_confirmed_guests_get_different_words() -> None:
    ctx = make_context(demo())
    confirmed, _, invited = ctx.plan.guests
    assert "Merci d'avoir accepté" in invitation(ctx, confirmed).message
    assert "Accepteriez-vous" in invitation(ctx, invited).message
    mail = invitation(ctx, invited)
    assert mail.subject.startswith("Invitation au tchat #PasAvant18Ans")
    assert "Association des juristes pour les droits de l'enfant parmi nos invité·es" in mail.body
    assert "Q8 (18 h 48) Pour finir" in mail.body
    assert "- Dakar, Abidjan\u00a0: jeudi 3 décembre 2026, 17 h 00 – 18 h 00" in mail.body
    assert mail.body.endswith("Bien cordialement,\n@JeunesVoixAO")


def test_french_invitations_never_guess_a_guests_gender() -> None:
    ctx = make_context(demo())
    texts = []
    for platform in ("x", "x-legacy"):
        ctx = make_context(demo(platform=platform))
        for guest in ctx.plan.guests:
            invite = invitation(ctx, guest)
            texts += [invite.message, invite.subject, invite.body]
    thanks = export("thanks", make_context(demo())).text
    for text in [*texts, thanks]:
        for agreeing in ("l'invité ", "notre invité", "l'un de nos", "l'une de nos",
                         "d'être parmi les invités", "heureux", "heureuse"):
            assert agreeing not in text, (agreeing, text)
    assert any("Interviendriez-vous" in text for text in texts)


def test_declined_guests_and_missing_host() -> None:
    data = plan_dict(host="")
    data["guests"].append({"name": "Gone", "handle": "@gone", "status": "declined"})
    data["guests"].append({"name": "No Handle", "status": "confirmed"})
    plan = Plan.model_validate(data)
    result = export("guest-brief", make_context(plan))
    messages = export("guest-messages", make_context(plan))
    assert "Gone" not in result.text and "Gone" not in messages.text
    assert "Hello No Handle!" in messages.text  # no handle: named, not mentioned
    assert "Email (no address in the plan)" in messages.text
    assert "Reply to the message that brought you this brief." in result.text
    assert any("no host" in note for note in result.notes)


def test_notes_speak_the_plans_language() -> None:
    french = plan_dict(host="", language="fr")
    result = export("guest-brief", make_context(Plan.model_validate(french)))
    assert result.notes == (
        "le plan n'a pas d'hôte ([chat] host)\u00a0: le brief ne donne aucun contact",)
    english = export("guest-brief", make_context(Plan.model_validate(plan_dict(host=""))))
    assert english.notes == ("the plan has no host ([chat] host): the brief names no contact",)


def test_no_guest_no_message() -> None:
    data = plan_dict()
    data["guests"] = []
    result = export("guest-messages", make_context(Plan.model_validate(data)))
    assert "The plan has no guest." in result.text
    assert any("no guest" in note for note in result.notes)
