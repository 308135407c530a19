"""The printable run-sheet: every cue, in order, with its times, exact text and count."""

from __future__ import annotations

from helpers import make_plan

from tui.core.exports import export, make_context
from tui.core.plan.model import Plan


def test_every_draft_in_posting_order() -> None:
    plan = make_plan(audience_timezones=["Africa/Dakar"])
    ctx = make_context(plan)
    text = export("runsheet-md", ctx).text
    positions = []
    for draft in ctx.book.drafts:
        fenced = f"```text\n{draft.text}\n```"
        assert fenced in text, draft.id
        positions.append(text.index(fenced))
        assert f"{draft.count.length}/{draft.count.limit} on X" in text
    assert positions == sorted(positions)
    assert "### Q1 · 18:05 (Paris) · 17:05 (Dakar)" in text
    assert "### Heads-up Q1 · 18:03 (Paris) · 17:03 (Dakar)" in text
    assert "+3 min · added by tchat · " in text
    assert text.index("## During the chat") < text.index("### Welcome")


def test_phases_and_notes() -> None:
    plan = make_plan()
    plan.posts.append(plan.posts[0].model_copy(update={
        "kind": "promo", "at": -14 * 1440, "notes": "Also the Facebook event",
    }))
    plan.posts.append(plan.posts[0].model_copy(update={"kind": "custom", "at": 24 * 60}))
    text = export("runsheet-md", make_context(plan)).text
    before = text.index("## Before the chat")
    assert before < text.index("### Promo · Thu, Nov 19 18:00 (Paris)")
    assert "−14 d · " in text
    assert "Note: Also the Facebook event" in text
    assert text.index("## After the chat") < text.index("### Post · Fri, Dec 4 18:00 (Paris)")


def test_over_limit_is_marked() -> None:
    data = make_plan(platform="x-legacy").model_dump()
    data["questions"][0]["text"] = "word " * 40
    plan = Plan.model_validate(data, strict=False)
    result = export("runsheet-md", make_context(plan))
    assert any("Q1 is over the limit" in note for note in result.notes)
    assert "over**" in result.text
    html = export("runsheet-html", make_context(plan)).text
    assert '<strong class="alert">' in html


def test_checklist_by_phase_with_boxes() -> None:
    data = make_plan().model_dump()
    data["checklist"] = [
        {"phase": "after", "text": "Send the recap", "due": 2 * 1440},
        {"phase": "before", "text": "Invite guests", "due": -7 * 1440, "done": True},
        {"phase": "during", "text": "Repost <b>good</b> answers"},
    ]
    plan = Plan.model_validate(data, strict=False)
    text = export("runsheet-md", make_context(plan)).text
    assert "- [x] Invite guests (−7 d · Thu, Nov 26 18:00)" in text
    assert "- [ ] Repost \\<b\\>good\\</b\\> answers" in text
    assert "- [ ] Send the recap (+2 d · Sat, Dec 5 18:00)" in text
    # Each under its own phase, before that phase's cues; "after" appears for it alone.
    before, during, after = (text.index(f"## {p} the chat") for p in ("Before", "During", "After"))
    assert before < text.index("Invite guests") < during < text.index("Repost") < after
    assert during < text.index("Repost") < text.index("### Welcome")
    assert after < text.index("Send the recap")

    page = export("runsheet-html", make_context(plan)).text
    assert '<ul class="checklist">' in page
    assert '<li><span class="box">☑</span> Invite guests' in page
    assert '<li><span class="box">☐</span> Repost &lt;b&gt;good&lt;/b&gt; answers</li>' in page
