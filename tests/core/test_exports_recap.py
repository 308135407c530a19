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
    assert "### Q1 · posted at 6:07 PM (planned 6:05 PM, +2 min)" in text
    assert "### Q3 · posted at 6:16 PM (planned 6:17 PM, −1 min)" in text
    # A page to publish: the questions never asked are left out...
    assert "not posted" not in text and "Question number 4?" not in text
    # ...unless the organisers ask for every one (`--all`).
    everything = export("recap-md", make_context(plan(), events=LOG, all_questions=True)).text
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
    text = export("recap-md", make_context(plan(), events=LOG)).text
    assert "- Questions asked: 3 of 8" in text
    assert "- On time (within 2 min): 2 of 3" in text
    assert "- Total overrun: 5 min (Thanks: 7:03 PM instead of 6:58 PM)" in text


def test_thank_you_message_and_nothing_private() -> None:
    text = export("recap-md", make_context(plan(), events=LOG)).text
    # Handles link to their profile on the chat's platform.
    assert "## The last word\n\nThank you [@one](<https://x.com/one>)! #TestChat" in text
    assert "@" not in text.replace("@one", "").replace("@host", "")  # no email address
    assert "Gone" not in text  # a guest who declined did not take part


def test_without_a_log() -> None:
    text = export("recap-md", make_context(plan(), all_questions=True)).text
    assert text.count("not posted") == 8
    assert "- Total overrun: none, on time" in text
    assert "- On time (within 2 min): 0 of 0" in text


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
    assert "<h3>Q1 · posted at 6:07 PM (planned 6:05 PM, +2 min)</h3>" in html
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
    text = export("recap-md", make_context(plan(), events=log)).text
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
