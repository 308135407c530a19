from __future__ import annotations

import re
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.core.plan.check import check_file
from tui.core.plan.drafts import DraftBook
from tui.core.plan.guide_texts import UNWRITTEN, file_header, heads_up_template
from tui.core.plan.model import Guest, Language, Plan
from tui.core.plan.newplan import (
    NewPlanError,
    NewPlanOptions,
    build_plan,
    next_default_start,
    normalise_tag,
    parse_start,
)
from tui.core.plan.planfile import load_plan, save_plan
from tui.core.plan.schedule import build_schedule
from tui.core.text.placeholders import KNOWN_PLACEHOLDERS, fill, unknown_placeholders
from tui.core.timing.dates import long_datetime, short_time, start_line
from tui.core.timing.offsets import parse_offset

PLANS = Path(__file__).resolve().parents[2] / "plans"
DEMOS = [PLANS / "demo-fr.toml", PLANS / "demo-en.toml"]
# A Friday, so the default start is the Thursday after.
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
PARIS = ZoneInfo("Europe/Paris")

# The guide's checklist, item by item: what each item's text must say, per phase.
GUIDE: dict[Language, dict[str, list[str]]] = {
    "fr": {
        "before": [
            r"jour.*heure.*sujet",
            r"hashtag.*court.*retenir.*pas déjà utilisé",
            r"[Ii]nviter 2 ou 3 experts",
            r"questions aux invités à l'avance",
            r"6 à 10 questions",
            r"[Pp]romouvoir le tchat",
            r"événement Facebook",
        ],
        "during": [
            r"bienvenue.*règles.*hashtag.*invités.*sujet",
            r"retweeter.*bonnes questions.*commentaires",
            r"[Rr]épondre au public, toujours avec le hashtag",
            r"autopromotion excessive",
        ],
        "after": [
            r"[Rr]emercier les participants.*message public",
            r"e-mail.*vive voix",
            r"résumé des temps forts.*Storify",
        ],
    },
    "en": {
        "before": [
            r"day.*hour.*topic",
            r"tag.*short.*memorable.*not already in use",
            r"[Ii]nvite 2 or 3 guest experts",
            r"questions to the guests in advance",
            r"6 to 10 questions",
            r"[Pp]romote the chat",
            r"Facebook event",
        ],
        "during": [
            r"[Ww]elcome.*rules.*tag.*guests.*topic",
            r"retweet.*good questions and comments",
            r"[Aa]nswer the public, always with the tag",
            r"self-promotion",
        ],
        "after": [
            r"[Tt]hank the participants.*public post",
            r"email.*in person",
            r"recap of the highlights.*Storify",
        ],
    },
}


def weight(text: str) -> int:
    """An upper bound of X's weighted count: anything beyond Latin-1 and the general
    punctuation X counts as one is counted twice (the texts here hold no URL)."""
    return sum(
        1 if ord(char) < 0x1100 or 0x2010 <= ord(char) <= 0x201F else 2 for char in text
    )


def filled_posts(plan: Plan) -> list[str]:
    """Every cue's text as it will be posted: filled, labelled, tagged."""
    chat = plan.chat
    language = chat.language
    answer = "R" if language == "fr" else "A"
    guests = [g for g in plan.guests if g.status != "declined"]
    values = {
        "tag": chat.tag, "title": chat.title, "topic": chat.topic or chat.title,
        "host": chat.host, "guests": " ".join(g.handle or g.name for g in guests),
        "start": long_datetime(chat.start_at, chat.zone, language),
        "zones": start_line(chat.start_at, chat.zone, chat.audience_timezones, language,
                            every_zone=True),
        "time": short_time(chat.start_at, chat.zone, language),
        "end": short_time(chat.end_at, chat.zone, language),
        "duration": str(chat.duration), "count": str(len(plan.questions)), "answer": answer,
        # What a moderator sets once known: worst cases, as posted.
        "recap_url": "https://example.org/" + "r" * 40,
    }
    cues = build_schedule(plan, heads_up_template(language))
    questions = [c for c in cues if c.kind == "question"]
    texts = []
    for cue in cues:
        number = cue.number
        if number is None:
            following = [q.number for q in questions if q.offset >= cue.offset]
            number = following[0] if following else None
        own = dict(values)
        if number is not None:
            own.update(n=str(number), q=f"Q{number}", a=f"{answer}{number}", minutes="2")
        text = fill(cue.template, own)
        if cue.kind == "question":
            text = f"Q{number} {text}"
        if chat.tag.lower() not in text.lower():
            text = f"{text} {chat.tag}"
        texts.append(text)
    return texts


def assert_covers_the_guide(plan: Plan) -> None:
    language = plan.chat.language
    for phase, patterns in GUIDE[language].items():
        texts = [item.text for item in plan.checklist if item.phase == phase]
        for pattern in patterns:
            assert any(re.search(pattern, text) for text in texts), (phase, pattern)


def assert_one_cue_a_minute(plan: Plan) -> None:
    cues = build_schedule(plan, heads_up_template(plan.chat.language))
    within = [c.offset for c in cues if 0 <= c.offset <= plan.chat.duration]
    assert len(within) == len(set(within))
    everything = [c.offset for c in cues]
    assert len(everything) == len(set(everything))


# --- defaults and options ------------------------------------------------------------


def test_defaults_make_a_french_plan_for_next_thursday_evening_in_paris() -> None:
    plan = build_plan(NewPlanOptions(), NOW)
    chat = plan.chat
    assert (chat.language, chat.title, chat.tag, chat.platform) == (
        "fr", "Mon tchat", "#MonTchat", "x"
    )
    assert chat.start == datetime(2026, 11, 26, 18, 0)  # noqa: DTZ001 - local + timezone
    assert chat.timezone == "Europe/Paris"
    assert chat.start_at == datetime(2026, 11, 26, 17, 0, tzinfo=UTC)
    assert len(plan.questions) == 8
    assert all(q.at is None for q in plan.questions)
    assert 2 <= len(plan.guests) <= 3


def test_english_defaults() -> None:
    plan = build_plan(NewPlanOptions(language="en"), NOW)
    assert (plan.chat.title, plan.chat.tag, plan.chat.language) == ("My chat", "#MyChat", "en")
    assert plan.checklist[0].text.startswith("Choose")


# Expected starts are local times, read in the zone given: no tzinfo on purpose.
@pytest.mark.parametrize(
    ("now", "zone", "expected"),
    [
        # A Thursday: the default is a week later, never a few hours away.
        (datetime(2026, 11, 26, 9, 0, tzinfo=UTC), "Europe/Paris", datetime(2026, 12, 3, 18)),  # noqa: DTZ001
        (datetime(2026, 11, 25, 9, 0, tzinfo=UTC), "Europe/Paris", datetime(2026, 11, 26, 18)),  # noqa: DTZ001
        # 23:30 UTC on Wednesday is already Thursday in Paris.
        (datetime(2026, 11, 25, 23, 30, tzinfo=UTC), "Europe/Paris", datetime(2026, 12, 3, 18)),  # noqa: DTZ001
        (datetime(2026, 11, 25, 12, 0, tzinfo=UTC), "Pacific/Auckland", datetime(2026, 12, 3, 18)),  # noqa: DTZ001
    ],
)
def test_next_thursday_is_counted_in_the_chat_zone(
    now: datetime, zone: str, expected: datetime
) -> None:
    assert next_default_start(now, ZoneInfo(zone)) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-03 18:00", datetime(2026, 12, 3, 18, 0)),  # noqa: DTZ001
        (" 2026-12-03T9:30 ", datetime(2026, 12, 3, 9, 30)),  # noqa: DTZ001
        ("2026-12-03 18:00:30", datetime(2026, 12, 3, 18, 0, 30)),  # noqa: DTZ001
        ("2026-12-03T18:00+01:00", datetime(2026, 12, 3, 17, 0, tzinfo=UTC)),
        ("2026-12-03T18:00-0330", datetime(2026, 12, 3, 21, 30, tzinfo=UTC)),
        ("2026-12-03T17:00Z", datetime(2026, 12, 3, 17, 0, tzinfo=UTC)),
    ],
)
def test_start_is_local_or_carries_its_offset(typed: str, expected: datetime) -> None:
    assert parse_start(typed, PARIS) == expected
    assert (parse_start(typed, PARIS).tzinfo is None) == (expected.tzinfo is None)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("tomorrow", "not a date and time"),
        ("2026-12-03", "not a date and time"),
        ("03/12/2026 18:00", "not a date and time"),
        ("2026-13-03 18:00", "not a real date"),
        ("2026-02-30 18:00", "not a real date"),
        ("2026-12-03 25:00", "not a real date"),
        ("2026-12-03T18:00+25:00", "not a real date"),
        ("2026-03-29 02:30", "does not exist in Europe/Paris"),
    ],
)
def test_bad_starts_are_refused_in_one_line(typed: str, message: str) -> None:
    with pytest.raises(NewPlanError, match=message) as caught:
        build_plan(NewPlanOptions(start=typed), NOW)
    assert "\n" not in str(caught.value)


def test_offset_start_without_a_zone_keeps_the_offset_alone() -> None:
    plan = build_plan(NewPlanOptions(start="2026-12-03T18:00-05:00"), NOW)
    assert plan.chat.timezone is None
    assert plan.chat.start_at == datetime(2026, 12, 3, 23, 0, tzinfo=UTC)


def test_offset_start_with_a_zone_keeps_both() -> None:
    options = NewPlanOptions(start="2026-12-03T18:00+01:00", timezone="Africa/Dakar")
    chat = build_plan(options, NOW).chat
    assert chat.timezone == "Africa/Dakar"
    assert chat.start_at == datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def test_local_start_is_read_in_the_given_zone() -> None:
    options = NewPlanOptions(start="2026-12-03 18:00", timezone="America/Montreal")
    chat = build_plan(options, NOW).chat
    assert chat.start == datetime(2026, 12, 3, 18, 0)  # noqa: DTZ001 - local + timezone
    assert chat.start_at == datetime(2026, 12, 3, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (NewPlanOptions(timezone="Mars/Olympus"), "unknown time zone 'Mars/Olympus'"),
        (NewPlanOptions(timezone=""), "unknown time zone"),
        (NewPlanOptions(tag="#Deux mots"), "space"),
        (NewPlanOptions(tag="#2026"), "only digits"),
        (NewPlanOptions(title="   "), "title is empty"),
        (NewPlanOptions(questions=5), "6 to 10"),
        (NewPlanOptions(questions=11), "6 to 10"),
    ],
)
def test_unusable_options_say_why(options: NewPlanOptions, message: str) -> None:
    with pytest.raises(NewPlanError, match=message):
        build_plan(options, NOW)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("PasAvant18Ans", "#PasAvant18Ans"), ("  #MonTchat ", "#MonTchat"), ("Ça_va", "#Ça_va")],
)
def test_tag_gets_its_hash(typed: str, expected: str) -> None:
    assert normalise_tag(typed) == expected


# --- what a new plan holds ---------------------------------------------------------------

OPTION_SETS = [
    NewPlanOptions(),
    NewPlanOptions(language="en"),
    NewPlanOptions(language="fr", questions=6, tag="PasAvant18Ans", platform="bluesky"),
    NewPlanOptions(language="en", questions=10, title="Digital safety for girls",
                   start="2026-12-03 18:00", timezone="Africa/Lagos", platform="mastodon"),
    NewPlanOptions(language="fr", questions=10, start="2026-12-03T18:00+01:00"),
    NewPlanOptions(language="en", questions=6, start="2026-12-03T17:00Z",
                   timezone="America/Los_Angeles", platform="x-legacy"),
]


@pytest.mark.parametrize("options", OPTION_SETS)
def test_generated_plans_load_back_equal(options: NewPlanOptions, tmp_path: Path) -> None:
    plan = build_plan(options, NOW)
    path = tmp_path / "plan.toml"
    save_plan(plan, path, header=file_header(plan.chat.language))
    assert load_plan(path) == plan
    assert path.read_text(encoding="utf-8").startswith("# ")
    assert len(plan.questions) == options.questions


@pytest.mark.parametrize("options", OPTION_SETS)
def test_generated_plans_pass_tchat_check(options: NewPlanOptions, tmp_path: Path) -> None:
    plan = build_plan(options, NOW)
    path = tmp_path / "plan.toml"
    save_plan(plan, path, header=file_header(plan.chat.language))
    loaded, problems = check_file(path)
    assert loaded == plan
    assert [p.describe("plan.toml") for p in problems if p.is_error] == []


@pytest.mark.parametrize("options", OPTION_SETS)
def test_generated_plans_follow_the_hour_and_the_promotion_ladder(
    options: NewPlanOptions,
) -> None:
    plan = build_plan(options, NOW)
    at = {post.kind: [p.at for p in plan.posts if p.kind == post.kind] for post in plan.posts}
    assert at["welcome"] == [0]
    assert at["rules"] == [2]
    assert at["closing"] == [55]
    assert at["thanks"][0] in (58, 59)
    promo_days = [parse_offset(x) for x in ("-14d", "-7d", "-1d", "-1h")]
    assert set(promo_days) <= set(at["promo"])
    # The warning about heavy posting, about an hour before, at its own minute.
    [warning] = [m for m in at["promo"] if m not in promo_days]
    assert -70 <= warning < -60
    assert_one_cue_a_minute(plan)
    cues = build_schedule(plan, heads_up_template(plan.chat.language))
    questions = [c.offset for c in cues if c.kind == "question"]
    assert 2 < questions[0] and questions[-1] < 55
    assert questions == sorted(questions)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_posts_recall_the_rules_and_date_the_promotion(language: Language) -> None:
    plan = build_plan(NewPlanOptions(language=language), NOW)
    [rules] = [p.text for p in plan.posts if p.kind == "rules"]
    for name in ("{answer}", "{tag}", "{guests}", "{title}"):
        assert name in rules
    convention = "Répondez à Q1 avec {answer}1" if language == "fr" else "Answer Q1 with {answer}1"
    assert convention in rules
    dated = [p for p in plan.posts if p.kind == "promo" and p.at <= -1440]
    assert len(dated) == 3
    assert all("{start}" in p.text for p in dated)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_template_uses_known_placeholders_only(language: Language) -> None:
    plan = build_plan(NewPlanOptions(language=language), NOW)
    templates = [p.text for p in plan.posts] + [q.text for q in plan.questions]
    templates.append(heads_up_template(language))
    assert [unknown_placeholders(t) for t in templates] == [[] for _ in templates]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_question_slots_open_and_close_the_conversation(language: Language) -> None:
    plan = build_plan(NewPlanOptions(language=language, questions=10), NOW)
    texts = [q.text for q in plan.questions]
    assert not texts[0].startswith(UNWRITTEN[language])
    assert not texts[-1].startswith(UNWRITTEN[language])
    assert all(t.startswith(UNWRITTEN[language]) for t in texts[1:-1])
    assert len(set(texts)) == len(texts)
    assert all(q.notes for q in plan.questions[1:-1])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_checklist_covers_the_guide(language: Language) -> None:
    plan = build_plan(NewPlanOptions(language=language), NOW)
    assert_covers_the_guide(plan)
    assert not any(item.done for item in plan.checklist)
    for item in plan.checklist:
        if item.phase == "before":
            assert item.due is not None and item.due < 0
        if item.phase == "after":
            assert item.due is not None and item.due >= 55


@pytest.mark.parametrize("language", ["fr", "en"])
def test_filled_posts_fit_x_even_with_long_title_tag_and_handles(language: Language) -> None:
    options = NewPlanOptions(
        language=language, title="T" * 40, tag="#" + "LongTagHere" + "X" * 4,
        start="2026-09-30 12:00", timezone="America/Los_Angeles",
    )
    plan = build_plan(options, NOW)
    plan.guests = [Guest(name=f"Guest {i}", handle="@" + "h" * 15) for i in range(3)]
    texts = filled_posts(plan)
    assert max(weight(t) for t in texts) <= 240, max(texts, key=weight)
    assert not any(re.search(r"\{\w+\}", t) for t in texts)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_legacy_x_gets_posts_that_fit_140(language: Language) -> None:
    options = NewPlanOptions(
        language=language, title="T" * 40, tag="#" + "LongTagHere" + "X" * 4,
        start="2026-09-30 12:00", timezone="America/Los_Angeles", platform="x-legacy",
    )
    plan = build_plan(options, NOW)
    texts = filled_posts(plan)
    assert max(weight(t) for t in texts) <= 140, max(texts, key=weight)
    full = build_plan(NewPlanOptions(language=language), NOW)
    assert [p.at for p in plan.posts] == [p.at for p in full.posts]
    [rules] = [p.text for p in plan.posts if p.kind == "rules"]
    assert "{guests}" in rules and "{answer}1" in rules


@pytest.mark.parametrize("language", ["fr", "en"])
def test_heads_up_template_names_the_question_the_answer_and_the_tag(
    language: Language,
) -> None:
    template = heads_up_template(language)
    for name in ("{q}", "{minutes}", "{a}", "{tag}"):
        assert name in template
    assert unknown_placeholders(template) == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_header_is_only_comments_and_explains_the_format(language: Language) -> None:
    header = file_header(language)
    assert tomllib.loads(header) == {}
    assert all(line.startswith("#") for line in header.splitlines() if line)
    assert "tchat check" in header
    assert '"-14d"' in header
    for name in KNOWN_PLACEHOLDERS:
        assert f"{{{name}}}" in header


# --- the demo plans ----------------------------------------------------------------------


@pytest.mark.parametrize("path", DEMOS, ids=lambda p: p.name)
def test_demo_plans_are_complete_and_clean(path: Path) -> None:
    plan, problems = check_file(path)
    assert plan is not None
    assert [p.describe(path.name) for p in problems] == []
    assert 6 <= len(plan.questions) <= 10
    assert 2 <= len(plan.guests) <= 3
    assert all(g.handle.startswith("@") for g in plan.guests)
    assert len(plan.chat.tag) <= 16
    assert plan.chat.host and plan.chat.audience_timezones
    templates = [p.text for p in plan.posts] + [q.text for q in plan.questions]
    assert [unknown_placeholders(t) for t in templates] == [[] for _ in templates]
    assert_one_cue_a_minute(plan)
    assert_covers_the_guide(plan)
    assert any(q.notes for q in plan.questions)


@pytest.mark.parametrize("path", DEMOS, ids=lambda p: p.name)
def test_demo_posts_fit_well_under_the_limit(path: Path) -> None:
    texts = filled_posts(load_plan(path))
    assert max(weight(t) for t in texts) <= 240, max(texts, key=weight)
    assert not any(re.search(r"\{\w+\}", t) for t in texts)


@pytest.mark.parametrize("path", DEMOS, ids=lambda p: p.name)
def test_demo_promotion_ladder(path: Path) -> None:
    plan = load_plan(path)
    promos = sorted(p.at for p in plan.posts if p.kind == "promo")
    assert promos == [-14 * 1440, -7 * 1440, -1440, -65, -60]


def test_french_demo_is_the_guide_example() -> None:
    plan = load_plan(PLANS / "demo-fr.toml")
    chat = plan.chat
    assert chat.language == "fr"
    assert "mariage des enfants" in chat.title.lower()
    assert chat.start_at == datetime(2026, 12, 3, 18, 0, tzinfo=PARIS)
    assert chat.start_at.astimezone(PARIS).weekday() == 3
    assert {"Africa/Dakar", "Africa/Abidjan", "Africa/Douala"} <= set(chat.audience_timezones)
    assert chat.start_at + timedelta(hours=1) == chat.end_at
    assert load_plan(PLANS / "demo-en.toml").chat.language == "en"


def test_demo_start_reads_naturally_in_french() -> None:
    plan = load_plan(PLANS / "demo-fr.toml")
    texts = filled_posts(plan)
    assert any("le jeudi 3 décembre à 18 h 00 (Paris)" in t for t in texts)
    assert any("17 h 00 à Dakar" in t for t in texts)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_last_two_promotions_give_the_start_in_every_audience_zone(
    language: Language,
) -> None:
    plan = build_plan(NewPlanOptions(language=language), NOW)
    promos = sorted((p for p in plan.posts if p.kind == "promo"), key=lambda p: p.at)
    assert [p.at for p in promos[-2:]] == [-65, -60]
    assert all("{zones}" in p.text for p in promos[-2:])
    plan.chat.audience_timezones = ["Africa/Dakar"]
    texts = DraftBook(plan).drafts
    last = [d.text for d in texts if d.cue.offset == -60][0]
    assert "Dakar" in last and "Paris" in last


@pytest.mark.parametrize("language", ["fr", "en"])
def test_new_plan_announces_the_recap_and_check_flags_it_until_its_address_is_set(
    language: Language, tmp_path: Path
) -> None:
    plan = build_plan(NewPlanOptions(language=language), NOW)
    [recap] = [p for p in plan.posts if "{recap_url}" in p.text]
    assert recap.at == parse_offset("2d")
    path = tmp_path / "plan.toml"
    save_plan(plan, path)
    _, problems = check_file(path)
    flagged = [p for p in problems if "{recap_url}" in p.message]
    assert len(flagged) == 1 and not flagged[0].is_error and flagged[0].line is not None
    plan.chat.recap_url = "https://example.org/recap"
    save_plan(plan, path)
    _, problems = check_file(path)
    assert not [p for p in problems if "{recap_url}" in p.message]
    [draft] = [d for d in DraftBook(plan).drafts if d.cue.offset == recap.at]
    assert "https://example.org/recap" in draft.text
