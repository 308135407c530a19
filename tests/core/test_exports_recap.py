"""The recap reads the as-run log: when each question really went out, the highlights
captured under it, and the figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from helpers import make_plan

from tui.core.exports import export, make_context
from tui.core.exports.recap import minutes_of, recap_data
from tui.core.plan.model import Plan
from tui.core.run.asrun import Event, EventKind

START = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 18:00 in Paris


def at(minute: int, second: int = 0) -> datetime:
    return START + timedelta(minutes=minute, seconds=second)


def event(kind: EventKind, moment: datetime, cue: str | None = None,
          text: str | None = None) -> Event:
    return Event(kind, moment, moment, cue=cue, text=text)


def plan() -> Plan:
    plan = make_plan(host="@host")
    plan.guests.append(plan.guests[0].model_copy(update={"name": "Gone", "email": "g@x.example",
                                                          "status": "declined"}))
    return plan


LOG = [
    event("mark", at(5, 0) + timedelta(minutes=2), cue="q1"),  # 2:00 late: on time
    event("highlight", at(7), cue="q1", text="https://x.com/one/status/1"),
    event("highlight", at(8), cue="q1", text="A fine answer"),
    event("highlight", at(8, 30), cue="q1", text="https://x.com/one/status/1"),  # twice
    event("mark", at(11, 1) + timedelta(minutes=2), cue="q2"),  # 2:01 late: not on time
    event("mark", at(16), cue="q3"),  # a minute early: on time
    event("mark", at(23), cue="q4"),
    event("undo", at(23, 5)),  # q4 taken back: not posted
    event("skip", at(30), cue="q5"),
    event("highlight", at(31), cue="welcome@0", text="Hello from Dakar"),
    event("highlight", at(32), cue=None, text="«Already quoted»"),
    event("highlight", at(33), cue="q6", text="   "),  # empty: ignored
    event("mark", at(58, 30) + timedelta(minutes=5), cue="thanks@58"),
]


def test_questions_as_posted() -> None:
    text = export("recap-md", make_context(plan(), events=LOG)).text
    # A page to publish: when each question went out, never its planned time.
    assert "### Q1 · 6:07 PM\n" in text
    assert "### Q3 · 6:16 PM\n" in text
    # The questions never asked are left out...
    assert "not posted" not in text and "Question number 4?" not in text
    # ...unless the organisers ask for their own version (`--all`), with the timings.
    everything = export("recap-md", make_context(plan(), events=LOG, all_questions=True)).text
    assert "### Q1 · posted at 6:07 PM (planned 6:05 PM, +2 min)" in everything
    assert "### Q3 · posted at 6:16 PM (planned 6:17 PM, −1 min)" in everything
    assert "### Q4 · not posted" in everything
    assert "### Q5 · not posted (skipped)" in everything
    assert "### Q8 · not posted" in everything


def test_highlights_under_their_question() -> None:
    text = export("recap-md", make_context(plan(), events=LOG)).text
    q1 = text[text.index("### Q1"):text.index("### Q2")]
    assert q1.count("<https://x.com/one/status/1>") == 1
    assert "- “A fine answer”" in q1
    others = text[text.index("## Other highlights"):]
    assert "- Welcome: “Hello from Dakar”" in others
    assert "- «Already quoted»" in others  # not quoted twice


def test_figures() -> None:
    data = recap_data(make_context(plan(), events=LOG))
    figures = data.figures
    assert (figures.asked, figures.total, figures.on_time) == (3, 8, 2)
    assert figures.last is not None and figures.last.id == "thanks@58"
    assert minutes_of(figures.overrun) == 5
    assert figures.highlights == 4
    text = export("recap-md", make_context(plan(), events=LOG, all_questions=True)).text
    assert "- Questions asked: 3 of 8" in text
    assert "- On time (within 2 min): 2 of 3" in text
    assert "- Total overrun: 5 min (Thanks: 7:03 PM instead of 6:58 PM)" in text
    assert "- Highlights captured: 4" in text
    public = export("recap-md", make_context(plan(), events=LOG)).text
    assert "- Questions asked: 3\n" in public


def test_thank_you_message_and_nothing_private() -> None:
    text = export("recap-md", make_context(plan(), events=LOG)).text
    # Handles link to their profile on the chat's platform.
    assert "## The last word\n\nThank you [@one](<https://x.com/one>)! #TestChat" in text
    assert "@" not in text.replace("@one", "").replace("@host", "")  # no email address
    assert "Gone" not in text  # a guest who declined did not take part


def test_without_a_log() -> None:
    text = export("recap-md", make_context(plan(), all_questions=True)).text
    assert text.count("not posted") == 8
    # Nothing posted is not "on time".
    assert "- Total overrun: nothing is marked posted" in text
    assert "on time" not in text.replace("On time (within 2 min): 0 of 0", "")


def test_french_recap() -> None:
    french = make_plan(language="fr")
    text = export("recap-md", make_context(french, events=LOG[:1], all_questions=True)).text
    assert text.startswith("# Récapitulatif · Test chat\n")
    # Times and units keep their no-break spaces: "18 h 07" never breaks at a line end.
    assert "### Q1 · publiée à 18\u00a0h\u00a007 (prévue à 18\u00a0h\u00a005, +2\u00a0min)" \
        in text
    assert "### Q2 · non publiée" in text
    assert "## En chiffres" in text


def test_html_recap_has_the_same_content() -> None:
    html = export("recap-html", make_context(plan(), events=LOG)).text
    assert "<h3>Q1 · 6:07 PM</h3>" in html
    assert ('<a href="https://x.com/one/status/1" rel="nofollow ugc noopener">'
            "https://x.com/one/status/1</a>") in html


def test_overrun_counts_thread_parts() -> None:
    # A thank-you split into a thread is marked part by part (`thanks@58/2`).
    data = make_plan(platform="x-legacy").model_dump()
    data["guests"] = [{"name": f"G{n}", "handle": f"@guest_number_{n:02d}",
                       "status": "confirmed"} for n in range(8)]
    crowded = Plan.model_validate(data, strict=False)
    ctx = make_context(crowded, events=[event("mark", at(62), cue="thanks@58/2")])
    figures = recap_data(ctx).figures
    assert figures.last is not None and figures.last.kind == "thanks"
    assert minutes_of(figures.overrun) == 4


def test_shifted_hour_shows_its_real_end() -> None:
    shifted = [*LOG[:4], Event("shift", at(12), at(12), seconds=240,
                               cues=("q3", "q4", "closing@55", "thanks@58"))]
    text = export("recap-md", make_context(plan(), events=shifted)).text
    assert "from 6:00 PM to 7:04 PM (Paris)" in text
    # Without a shift, the last post decides when it went on past the planned end.
    text = export("recap-md", make_context(plan(), events=LOG)).text
    assert "from 6:00 PM to 7:03 PM (Paris)" in text
    assert "from 6:00 PM to 7:00 PM" in export("recap-md", make_context(plan())).text


def test_under_a_minute_late_is_on_time() -> None:
    log = [event("mark", at(5), cue="q1"), event("mark", at(58, 40), cue="thanks@58")]
    text = export("recap-md", make_context(plan(), events=log, all_questions=True)).text
    assert "- Total overrun: none, on time" in text
    assert "instead of" not in text


def test_link_and_quote_highlight_is_a_quote_and_a_link() -> None:
    log = [
        event("mark", at(5), cue="q1"),
        event("highlight", at(6), cue="q1",
              text='https://x.com/one/status/9 "Alt text is the cheapest fix"'),
        event("highlight", at(7), cue="q1", text="Great thread by @two on https://example.org/a."),
    ]
    ctx = make_context(plan(), events=log)
    text = export("recap-md", ctx).text
    assert ('- "Alt text is the cheapest fix" — [see the post](<https://x.com/one/status/9>)'
            in text)
    assert ("- “Great thread by [@two](<https://x.com/two>) on "
            "<https://example.org/a>.”") in text
    html = export("recap-html", ctx).text
    assert ('"Alt text is the cheapest fix" — <a href="https://x.com/one/status/9" '
            'rel="nofollow ugc noopener">see the post</a>').replace('"A', "&quot;A").replace(
                'fix"', "fix&quot;") in html


def test_handles_link_only_where_the_platform_has_one_address() -> None:
    from tui.core.exports.links import profile_url

    assert profile_url("@one", "x") == "https://x.com/one"
    assert profile_url("@one", "threads") == "https://www.threads.net/@one"
    assert profile_url("@one.bsky.social", "bluesky") == "https://bsky.app/profile/one.bsky.social"
    assert profile_url("@one", "bluesky") is None
    assert profile_url("@one@social.example", "mastodon") == "https://social.example/@one"
    assert profile_url("@one", "mastodon") is None


def test_the_public_recap_has_no_internal_timings() -> None:
    # Q1 ten minutes late: the page to publish says when it went out and nothing of the
    # plan's timings (they are the organisers', in `tchat report` and in `--all`).
    late = [event("mark", at(15), cue="q1"), event("mark", at(60), cue="thanks@58")]
    for kind in ("recap-md", "recap-html"):
        text = export(kind, make_context(plan(), events=late)).text
        for internal in ("planned", "on time", "On time", "overrun", "instead of",
                         "Highlights captured", " of 8"):
            assert internal not in text, (kind, internal)
        assert "Q1 · 6:15 PM" in text
    organisers = export("recap-md", make_context(plan(), events=late, all_questions=True)).text
    assert "posted at 6:15 PM (planned 6:05 PM, +10 min)" in organisers
    assert "- Total overrun: 2 min (Thanks: 7:00 PM instead of 6:58 PM)" in organisers


def test_a_recap_made_before_the_chat_says_so() -> None:
    before = START - timedelta(days=2)
    ctx = make_context(plan(), created=before)
    result = export("recap-md", ctx)
    assert "The chat has not taken place yet: this page was made on Tuesday, December 1, " \
        "2026, before it started." in result.text
    assert "on time" not in result.text and "## The questions" not in result.text
    assert any("has not taken place yet" in note for note in result.notes)
    organisers = export("recap-md", make_context(plan(), created=before, all_questions=True))
    assert "- Total overrun: the chat has not taken place yet" in organisers.text
    assert "on time" not in organisers.text.replace("On time (within 2 min)", "")
    # Exported after the start, or with marks in the log, it is a recap as usual.
    assert "not taken place" not in export("recap-md", make_context(
        plan(), events=LOG, created=before)).text
    assert "not taken place" not in export("recap-md", make_context(
        plan(), created=START + timedelta(hours=2))).text


def test_the_page_carries_a_description_and_link_preview_tags() -> None:
    import xml.etree.ElementTree as ET

    shared = plan().model_copy(update={"chat": plan().chat.model_copy(
        update={"recap_url": "https://example.org/recap"})})
    page = export("recap-html", make_context(shared, events=LOG)).text
    head = ET.fromstring(page).find("head")
    assert head is not None
    metas = {m.get("name") or m.get("property"): m.get("content") for m in head.iter("meta")}
    description = "Recap of the #TestChat chat “Test chat” on X, Thursday, December 3, 2026. " \
        "3 questions."
    assert metas["description"] == metas["og:description"] == description
    assert metas["og:title"] == "Recap · Test chat"
    assert metas["og:type"] == "article"
    assert metas["og:url"] == "https://example.org/recap"
    assert metas["twitter:card"] == "summary"


def test_a_post_quoted_from_the_conversation_keeps_one_pair_of_guillemets() -> None:
    # `h` on a post of the conversation writes "@author: text" then its address; a
    # French post already in guillemets gets no second pair, and its author stays
    # outside the quotation marks.
    french = make_plan(language="fr")
    log = [event("mark", at(5), cue="q1"),
           event("highlight", at(6), cue="q1",
                 text="@awa_d@social.example: « On ne marie pas une enfant »\n"
                      "https://social.example/@awa_d/1"),
           event("highlight", at(7), cue="q1",
                 text="@fatou.n.example: Le manque d'état civil\nhttps://bsky.app/x/2")]
    text = export("recap-md", make_context(french, events=log)).text.replace("\u00a0", " ")
    assert "« « " not in text and "» »" not in text
    assert "- « On ne marie pas une enfant » — @awa\\_d@social.example — " \
        "[voir le message](<https://social.example/@awa_d/1>)" in text
    assert "- « Le manque d'état civil » — @fatou.n.example — " in text
