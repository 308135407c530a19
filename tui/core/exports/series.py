"""`tchat series PLAN...`: a regular chat seen across its editions.

Each edition is a plan with its as-run log and its conversation beside it (what a live
run leaves: `PLAN.asrun.jsonl`, `PLAN.feed.jsonl`). Its figures are the recap's
(`tui.core.exports.figures`, one computation); across editions come the people who are
new (never seen in an earlier edition given) and those who came back.

Editions are found from one plan: every plan in the same folder whose `[chat] tag` is
the same (`tchat new NEXT --from LAST` keeps the tag). An edition that cannot be read is
one row that says why, never the end of the series.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from babel.dates import format_date, format_skeleton

from tui.core.exports.chart import Bar, Marker, bar_chart, hour_chart
from tui.core.exports.document import Document, Figure, Inline, Span, inline
from tui.core.exports.figures import HourFigures, hour_figures
from tui.core.exports.html import render_html
from tui.core.files.regularfile import NotReadable, read_regular
from tui.core.plan.drafts import DraftBook
from tui.core.plan.model import Language, Plan
from tui.core.plan.planfile import MAX_PLAN_BYTES, load_plan
from tui.core.plan.problems import PlanError
from tui.core.room.summary import recorded_feed
from tui.core.run.asrun import LogError, log_path_for, read_log
from tui.core.run.roomlog import unmuted
from tui.core.text.clean import one_line
from tui.core.text.numbers import decimal
from tui.core.text.typography import NBSP
from tui.core.text.words import Words
from tui.core.timing.dates import short_time
from tui.core.timing.zones import long_date

PLAN_SUFFIX = ".toml"
# A plan whose TOML does not parse any more may still name its tag on a line of its own.
# Within one line (`\s` would run over blank lines, from every line start: quadratic on
# a file of blank lines).
_TAG_LINE = re.compile(r'^[ \t]*+tag[ \t]*+=[ \t]*+"([^"\n]{1,200})"', re.MULTILINE)
MAX_EDITIONS = 500
"""Plans looked at beside the one given: a folder of thousands is not one chat's."""


def tag_of(path: Path) -> str | None:
    """The `[chat] tag` a plan file names, read without validating the plan, or None."""
    try:
        text = read_regular(path, MAX_PLAN_BYTES).decode("utf-8", errors="replace")
    except (NotReadable, OSError):
        return None
    try:
        chat = tomllib.loads(text.removeprefix("\ufeff")).get("chat")
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        found = _TAG_LINE.search(text)
        return found.group(1) if found else None
    tag = chat.get("tag") if isinstance(chat, dict) else None
    return tag if isinstance(tag, str) and tag else None


def editions_beside(plan_path: Path) -> list[Path]:
    """The editions of the chat in `plan_path`: the plans beside it with the same tag
    (letter case aside), itself included, by file name."""
    tag = tag_of(plan_path)
    if tag is None:
        return [plan_path]
    try:
        candidates = sorted(p for p in plan_path.parent.iterdir()
                            if p.name.endswith(PLAN_SUFFIX))[:MAX_EDITIONS]
    except OSError:
        return [plan_path]
    found = [p for p in candidates
             if p == plan_path or (tag_of(p) or "").casefold() == tag.casefold()]
    return found if plan_path in found else [plan_path, *found]


@dataclass(frozen=True, slots=True)
class Edition:
    path: Path
    plan: Plan | None = None
    figures: HourFigures | None = None
    recorded: bool = False
    """Whether a conversation was read for it (else its posts and people are unknown)."""
    problem: str = ""
    """What could not be read, in one line: the plan's problem when `plan` is None, else
    its log's or conversation's, each file named."""

    @property
    def start(self) -> datetime | None:
        return self.plan.chat.start_at if self.plan is not None else None


def read_edition(path: Path) -> Edition:
    """One edition and its figures; what cannot be read is said, never raised."""
    try:
        plan = load_plan(path)
    except PlanError as error:
        first = error.problems[0] if error.problems else None
        reason = first.message if first is not None else str(error)
        if first is not None and first.field:
            reason = f"{first.field}: {reason}"
        return Edition(path, problem=one_line(reason))
    problems = []
    log = log_path_for(path)
    try:
        events = read_log(log).events
    except LogError as error:
        events = []
        problems.append(f"{log.name}: {error.reason}")
    recording = recorded_feed(path)
    if recording.problem is not None and recording.path is not None:
        reason = recording.problem.removeprefix(f"{recording.path}: error: ")
        problems.append(f"{recording.path.name}: {reason}")
    # Muted accounts (the plan's or the run's) are out, as from every export.
    posts = unmuted(plan, events, recording.posts)
    figures = hour_figures(plan, DraftBook(plan), events, posts)
    return Edition(path, plan, figures, bool(recording.posts),
                   one_line("; ".join(problems)))


@dataclass(frozen=True, slots=True)
class Row:
    edition: Edition
    asked: int | None = None
    posts: int | None = None
    people: int | None = None
    first_timers: int | None = None
    returning: int | None = None
    answers: int | None = None

    @property
    def per_question(self) -> float | None:
        if self.answers is None or not self.asked:
            return None
        return self.answers / self.asked


def series_rows(editions: Sequence[Edition]) -> list[Row]:
    """One row per edition, by start (those that cannot be read last, as given); the
    first-timers are the people no earlier edition's conversation holds."""
    readable = sorted((e for e in editions if e.start is not None),
                      key=lambda e: (e.start, str(e.path)))
    rows = []
    seen: set[str] = set()
    for edition in readable:
        figures = edition.figures
        assert figures is not None
        if not edition.recorded:
            rows.append(Row(edition, asked=len(figures.asked)))
            continue
        people = {person.handle.lower() for person in figures.people}
        rows.append(Row(
            edition, asked=len(figures.asked), posts=figures.posts, people=len(people),
            first_timers=len(people - seen), returning=len(people & seen),
            answers=figures.answers,
        ))
        seen |= people
    rows += [Row(e) for e in editions if e.start is None]
    return rows


def _number(value: int | float | None, language: Language = "en") -> str:
    """A figure; one decimal for a mean, with a comma in French (the CSV, read by
    programs, always writes it in English)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return decimal(value, language, ".1f")
    return str(value)


CSV_COLUMNS = ("start", "plan", "questions_asked", "posts", "people", "first_timers",
               "returning", "answers", "answers_per_question", "problem")


def series_csv(rows: Sequence[Row]) -> str:
    """The rows for a spreadsheet: ISO 8601 starts with their offset, empty cells for
    what is not known."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        edition = row.edition
        start = ""
        if edition.plan is not None:
            chat = edition.plan.chat
            start = chat.start_at.astimezone(chat.zone).isoformat(timespec="minutes")
        writer.writerow([
            start, edition.path.name, _number(row.asked), _number(row.posts),
            _number(row.people), _number(row.first_timers), _number(row.returning),
            _number(row.answers), _number(row.per_question), edition.problem,
        ])
    return out.getvalue()


def series_language(rows: Sequence[Row]) -> Language:
    """The language of the latest edition that reads (English when none does)."""
    plans = [row.edition.plan for row in rows if row.edition.plan is not None]
    return plans[-1].chat.language if plans else "en"


def date_of(edition: Edition, language: Language) -> str:
    if edition.plan is None:
        return ""
    chat = edition.plan.chat
    return long_date(chat.start_at, chat.zone, language)


def table_header(language: Language) -> list[str]:
    words = Words(language)
    return [words(f"export.series_col_{name}") for name in
            ("start", "asked", "posts", "people", "first_timers", "returning", "answers",
             "per_question")]


def short_date(edition: Edition, language: Language) -> str:
    """ "Dec 10, 2026", "10 déc. 2026": a table's column stays narrow. In French with
    no-break spaces: `tchat series` wraps a narrow column at its spaces, and a date
    split into "10 déc." and "2026" reads as two."""
    if edition.plan is None:
        return ""
    chat = edition.plan.chat
    text = str(format_date(chat.start_at.astimezone(chat.zone).date(), "medium",
                           locale=language))
    return text.replace(" ", NBSP) if language == "fr" else text


def table_cells(row: Row, language: Language) -> list[str]:
    """A row's cells as text: the date, then each figure ("" when unknown)."""
    edition = row.edition
    if edition.plan is None:
        return [edition.path.name, "", "", "", "", "", "", ""]
    return [short_date(edition, language), _number(row.asked), _number(row.posts),
            _number(row.people), _number(row.first_timers), _number(row.returning),
            _number(row.answers), _number(row.per_question, language)]


def row_note(row: Row, language: Language) -> str:
    """Why a row is short of figures: the edition cannot be read, or has no recorded
    conversation; "" for a whole row."""
    words = Words(language)
    edition = row.edition
    if edition.plan is None:
        return words("export.series_unreadable", plan=edition.path.name,
                     problem=edition.problem)
    notes = []
    if edition.problem:
        notes.append(edition.problem)  # each file named: `PLAN.feed.jsonl: is a folder…`
    if not edition.recorded:
        notes.append(words("export.series_no_feed", plan=edition.path.name))
    return " ".join(notes)


def _short_label(edition: Edition, language: Language, *, year: bool) -> str:
    """ "Dec 10", "10 déc." under a bar; with the year when the editions span several."""
    if edition.plan is None:
        return "?"
    chat = edition.plan.chat
    day = chat.start_at.astimezone(chat.zone).date()
    return str(format_skeleton("yMMMd" if year else "MMMd", day, locale=language))


def series_charts(rows: Sequence[Row], language: Language) -> list[Figure]:
    """People (returning and first-timers) and posts (answers and the rest), edition by
    edition; an edition without figures is an empty outline."""
    words = Words(language)
    known = [row for row in rows if row.people is not None]
    if not known:
        return []
    years = {row.edition.start.year for row in rows if row.edition.start is not None}
    labels = [_short_label(row.edition, language, year=len(years) > 1) for row in rows]
    people_bars = [
        Bar(((row.returning or 0, "answers"), (row.first_timers or 0, "first")),
            missing=row.people is None)
        for row in rows
    ]
    ticks = _edition_ticks(labels)
    people_desc = "; ".join(
        words("export.series_people_alt", date=date_of(row.edition, language),
              people=words("feed.people", n=row.people or 0),
              first=row.first_timers or 0)
        for row in known
    ) + "."
    people = bar_chart(
        "series-people", people_bars, title=words("export.series_people_title"),
        desc=people_desc, ticks=ticks,
        legend=(("answers", words("export.series_key_returning")),
                ("first", words("export.series_key_first"))),
    )
    post_bars = [
        Bar(((row.answers or 0, "answers"), ((row.posts or 0) - (row.answers or 0), "others")),
            missing=row.posts is None)
        for row in rows
    ]
    posts_desc = "; ".join(
        words("export.series_posts_alt", date=date_of(row.edition, language),
              posts=words("feed.posts", n=row.posts or 0),
              answers=words("feed.answers", n=row.answers or 0))
        for row in known
    ) + "."
    posts = bar_chart(
        "series-posts", post_bars, title=words("export.series_posts_title"),
        desc=posts_desc, ticks=ticks,
        legend=(("answers", words("export.chart_key_answers")),
                ("others", words("export.chart_key_others"))),
    )
    return [
        Figure(people, people_desc, words("export.series_people_caption")),
        Figure(posts, posts_desc, words("export.series_posts_caption")),
    ]


def _edition_ticks(labels: Sequence[str]) -> list[Marker]:
    return [Marker(index + 0.5, label) for index, label in enumerate(labels)]


def series_document(rows: Sequence[Row]) -> Document:
    language = series_language(rows)
    words = Words(language)
    plans = [row.edition.plan for row in rows if row.edition.plan is not None]
    chat = plans[-1].chat if plans else None
    name = f"{chat.tag} · {chat.title}" if chat is not None else ""
    title = words("export.series_title", name=name)
    doc = Document(title, language)
    doc.description = words("export.series_description", name=name,
                            editions=words("export.series_editions", n=len(rows)))
    doc.heading(1, title)
    doc.paragraph(words("export.series_intro", editions=words("export.series_editions",
                                                              n=len(rows))))
    # The picture first, then the figures behind it.
    for figure in series_charts(rows, language):
        doc.figure(figure)
    numeric = (False, *([True] * 7))
    doc.table(table_header(language),
              [[inline(cell) for cell in table_cells(row, language)] for row in rows],
              numeric)
    for row in rows:
        note = row_note(row, language)
        if note:
            doc.paragraph(Span(note, strong=row.edition.plan is None))
    for row in rows:
        edition, figures = row.edition, row.edition.figures
        if edition.plan is None or figures is None or not edition.recorded:
            continue
        plan = edition.plan
        zone = plan.chat.zone
        chart = hour_chart(figures, language, zone, ident=f"hour-{rows.index(row) + 1}")
        if chart is None:
            continue
        heading: Inline = inline(date_of(edition, language), " · ",
                                 short_time(plan.chat.start_at, zone, language))
        doc.heading(2, *heading)
        doc.paragraph(words("feed.fig_conversation",
                            posts=words("feed.posts", n=figures.posts),
                            people=words("feed.people", n=len(figures.people))))
        doc.figure(chart)
    return doc


def series_html(rows: Sequence[Row]) -> str:
    return render_html(series_document(rows))
