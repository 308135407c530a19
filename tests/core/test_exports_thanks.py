"""Thank-you drafts: one post, or a numbered thread when the guests' mentions overflow;
and an email per guest."""

from __future__ import annotations

from helpers import make_plan, plan_dict

from tui.core.exports import export, make_context
from tui.core.exports.thanks import thanks_drafts, thanks_email
from tui.core.plan.model import Plan


def crowded(platform: str = "x-legacy") -> Plan:
    data = plan_dict(platform=platform, host="@host")
    data["guests"] = [
        {"name": f"Guest {n}", "handle": f"@guest_number_{n:02d}", "status": "confirmed",
         "email": f"g{n}@example.org"}
        for n in range(1, 9)
    ]
    return Plan.model_validate(data)


def test_one_post_when_it_fits() -> None:
    ctx = make_context(make_plan())
    [drafts] = thanks_drafts(ctx)
    assert len(drafts) == 1 and drafts[0].count.valid
    text = export("thanks", ctx).text
    assert "25/280 on X\n\n```text\nThank you @one! #TestChat\n```" in text


def test_a_thread_when_the_mentions_overflow() -> None:
    ctx = make_context(crowded())
    [drafts] = thanks_drafts(ctx)
    assert len(drafts) >= 2
    assert all(d.count.valid for d in drafts)
    # Every guest is mentioned once, whole, across the parts, and each part is numbered.
    joined = " ".join(d.text for d in drafts)
    for n in range(1, 9):
        assert joined.count(f"@guest_number_{n:02d}") == 1
    for index, draft in enumerate(drafts, 1):
        assert draft.text.endswith(f"#TestChat {index}/{len(drafts)}")
    text = export("thanks", ctx).text
    assert f"Too long for one post: a thread of {len(drafts)} posts" in text
    assert f"1/{len(drafts)} · " in text and f"{len(drafts)}/{len(drafts)} · " in text


def test_a_default_thank_you_when_the_plan_has_none() -> None:
    data = plan_dict(language="fr")
    data["posts"] = [p for p in data["posts"] if p["kind"] != "thanks"]
    ctx = make_context(Plan.model_validate(data))
    [drafts] = thanks_drafts(ctx)
    # One guest: the singular, agreed ("notre invité", not "nos invités").
    assert drafts[0].text == (
        "Merci à notre invité @one et à vous toutes et tous d'avoir fait vivre "
        "#TestChat\u00a0!"
    )


def test_emails() -> None:
    ctx = make_context(crowded())
    subject, body = thanks_email(ctx, ctx.plan.guests[0])
    assert subject == "Thank you for the #TestChat chat “Test chat”"
    assert "on Thursday, December 3, 2026" in body and body.endswith("@host")
    text = export("thanks", ctx).text
    assert text.count("Subject: ") == 8
    assert "Email to **g8@example.org**" in text


def test_thanking_a_guest_still_invited_warns_as_the_event_text_does() -> None:
    data = plan_dict()
    data["guests"].append({"name": "Maybe", "handle": "@maybe", "status": "invited"})
    plan = Plan.model_validate(data)
    notes = export("thanks", make_context(plan)).notes
    assert notes == export("facebook-event", make_context(plan)).notes
    assert notes == ('Maybe has not confirmed yet (status = "invited"): check before '
                     "publishing",)
    french = Plan.model_validate({**data, "chat": {**data["chat"], "language": "fr"}})
    assert export("thanks", make_context(french)).notes == (
        'Maybe n\'a pas encore confirmé (status = "invited")\u00a0: vérifiez avant de publier',)
