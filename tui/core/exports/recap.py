"""`--to recap-md` and `--to recap-html`: what happened, ready to publish.

Everything comes from the plan, the as-run log and the conversation: the time each
question went out, its answers, the highlights captured under it, a picture of the hour,
the thank-you message and a few figures (computed once, in `figures`, as the transcript
and the series read them). No guest email, moderator note or planned-versus-actual
timing appears: the page is meant for the public. `--all` makes the organisers' version,
with the questions never asked and the timings (as `tchat report` gives them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.exports.chart import answer_curve, hour_chart
from tui.core.exports.context import (
    ExportContext,
    ExportResult,
    guests_taking_part,
    handles_on_networks,
    platform_name,
    question_cues,
    question_text,
)
from tui.core.exports.curves import question_curves
from tui.core.exports.document import Document, Inline, Span, inline
from tui.core.exports.figures import BUSY_SEGMENT, HourFigures, figures_of, real_end
from tui.core.exports.html import render_html
from tui.core.exports.links import linked, parse_highlight, quoted
from tui.core.exports.markdown import render_markdown
from tui.core.exports.thanks import thanks_text
from tui.core.feed.counts import answers_line
from tui.core.plan.model import Guest, Language, Plan
from tui.core.plan.naming import cue_name
from tui.core.plan.networks import network_name
from tui.core.plan.schedule import Cue
from tui.core.run.report import build_report
from tui.core.run.runstate import fold
from tui.core.text.words import Words
from tui.core.timing.dates import long_datetime, short_time
from tui.core.timing.zones import long_date, zone_label

# The guide's sense of "on time" for a live hour: a question two minutes late is fine.
ON_TIME = timedelta(minutes=2)


@dataclass(frozen=True, slots=True)
class QuestionRun:
    cue: Cue
    posted: datetime | None
    skipped: bool
    highlights: tuple[str, ...]

    @property
    def delay(self) -> timedelta | None:
        return None if self.posted is None else self.posted - self.cue.at


@dataclass(frozen=True, slots=True)
class Figures:
    asked: int
    total: int
    on_time: int
    overrun: timedelta
    """How much later than planned the chat's last posted cue went out (0 if not late)."""
    last: Cue | None
    last_posted: datetime | None
    highlights: int


@dataclass(frozen=True, slots=True)
class RecapData:
    questions: tuple[QuestionRun, ...]
    other_highlights: tuple[tuple[Cue | None, str], ...]
    figures: Figures
    thanks: tuple[str, ...]
    end: datetime
    """When the chat really ended: the planned end moved by its shifts, or its last
    post when that went out later still."""


def recap_data(ctx: ExportContext) -> RecapData:
    # A question counts as asked once it is out on every network (see RunState); the
    # per-network figures come with marks per network on the run-sheet.
    state = fold(ctx.events, ctx.plan.chat.networks)
    by_cue: dict[str | None, list[str]] = {}
    for event in ctx.events:
        if event.kind != "highlight" or event.text is None or not event.text.strip():
            continue
        captured = by_cue.setdefault(event.cue, [])
        # A key pressed twice on the same post must not list it twice.
        if event.text.strip() not in captured:
            captured.append(event.text.strip())

    runs = tuple(
        QuestionRun(
            cue, state.posted.get(cue.id), cue.id in state.skipped,
            tuple(by_cue.pop(cue.id, [])),
        )
        for cue in question_cues(ctx)
    )
    cues = {c.id: c for c in ctx.book.cues}
    others = tuple(
        (cues.get(cue_id) if cue_id is not None else None, text)
        for cue_id, texts in by_cue.items() for text in texts
    )
    asked = [r for r in runs if r.delay is not None]
    on_time = sum(1 for r in asked if r.delay is not None and abs(r.delay) <= ON_TIME)
    # The same measure as `tchat report` (one computation): the delay of the chat's last
    # post, here never below zero (finishing early is no overrun).
    report = build_report(ctx.plan, ctx.events, ctx.book)
    final = report.last_posted
    last = final.cue if final is not None else None
    last_posted = final.actual if final is not None else None
    overrun = max(report.overrun or timedelta(0), timedelta(0))
    figures = Figures(
        asked=len(asked), total=len(runs), on_time=on_time, overrun=overrun, last=last,
        last_posted=last_posted,
        highlights=sum(len(r.highlights) for r in runs) + len(others),
    )
    end = real_end(ctx.plan, state, ctx.events, ctx.book)
    return RecapData(runs, others, figures, tuple(thanks_text(ctx)), end)


def minutes_of(delta: timedelta) -> int:
    """Whole minutes, rounded down, as the clock times shown beside it differ.

    Planned times fall on the minute, so a question posted at 18:39:40 for 18:36 reads
    "18 h 39 (prévue à 18 h 36, +3 min)": the figure matches the two times printed.
    """
    return int(delta.total_seconds() // 60)


def delay_label(delta: timedelta, language: Language) -> str:
    words = Words(language)
    minutes = minutes_of(delta)
    if minutes == 0:
        return words("export.on_the_minute")
    sign = "+" if minutes > 0 else "−"
    return words("export.delta", sign=sign, minutes=abs(minutes))


def highlight_item(
    text: str, language: Language, platform: str, cue: Cue | None = None
) -> Inline:
    """A highlight as the public reads it: a quote in quotation marks, a link to the
    post it comes from, handles linked; never markup."""
    words = Words(language)
    prefix = words("export.label_prefix", label=cue_name(cue, words)) if cue else ""
    found = parse_highlight(text)
    if found.url is not None and not found.quote:
        return inline(prefix, Span(found.url, href=found.url))
    body = linked(quoted(found.quote, language), platform)
    if found.author:
        body = (*body, Span(" — "), *linked(found.author, platform))
    if found.url is None:
        return inline(prefix, *body)
    return inline(prefix, *body, " — ", Span(words("export.see_post"), href=found.url))


def before_the_chat(ctx: ExportContext) -> bool:
    """Whether the recap is made before the chat took place: exported before its start,
    with nothing marked posted. It then says so, rather than "on time"."""
    if ctx.created is None or ctx.created >= ctx.plan.chat.start_at:
        return False
    state = fold(ctx.events, ctx.plan.chat.networks)
    return not state.posted and not state.posted_on


def recap_document(ctx: ExportContext) -> tuple[Document, list[str]]:
    """The recap and the notes for the moderator.

    The page to publish says what happened: each question asked and when, its answers
    and highlights, the picture of the hour and the conversation's figures. The
    organisers' version (`--all`) adds what is theirs: the questions never asked, each
    question's planned time and delay, the overrun and the highlights captured.
    """
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    zone = ctx.chat_zone
    organisers = ctx.all_questions
    data = recap_data(ctx)
    figures = figures_of(ctx)
    curves = {curve.question: curve for curve in question_curves(ctx)}
    conversation = bool(ctx.feed)
    not_yet = before_the_chat(ctx)
    notes: list[str] = []
    title = words("export.recap_title", title=chat.title)
    doc = Document(title, language)
    date = long_date(chat.start_at, zone, language)
    doc.description = _description(ctx, figures, date, not_yet)
    doc.url = chat.recap_url
    doc.heading(1, title)
    doc.paragraph(words(
        "export.recap_when", date=date,
        start=short_time(chat.start_at, zone, language),
        end=short_time(chat.end_at if not_yet else data.end, zone, language),
        place=zone_label(zone, language, chat.start_at), platform=platform_name(plan),
        tag=chat.tag,
    ))
    platform = chat.platform
    if chat.topic:
        doc.paragraph(words("export.topic", topic=chat.topic))
    host = handles_on_networks(plan, chat.host_on)
    if host:
        # Each handle linked to its profile on its own network.
        before, _, after = words("export.hosted_by", host="\x00").partition("\x00")
        doc.paragraph(before, *linked_handles(host, platform), after)
    if not_yet:
        assert ctx.created is not None
        made = long_date(ctx.created, zone, language)
        doc.paragraph(Span(words("export.recap_not_yet", date=made), strong=True))
        notes.append(words("export.note_not_yet", date=date))

    guests = guests_taking_part(plan)
    if guests:
        doc.heading(2, words("export.guests"))
        doc.bullets([_guest(guest, plan) for guest in guests])
    if not_yet and not organisers:
        _next(doc, ctx, [])
        return doc, notes

    chart = hour_chart(figures, language, zone)
    if chart is not None:
        doc.heading(2, words("export.recap_hour"))
        doc.figure(chart)

    doc.heading(2, words("export.recap_questions"))
    asked = {a.number: a for a in figures.asked}
    for run in data.questions:
        cue = run.cue
        number = cue.number or 0
        if number not in asked and not organisers:
            # A page for the public: a question never asked is not part of the story.
            continue
        if organisers:
            if run.posted is not None and run.delay is not None:
                status = words(
                    "export.posted_at", time=short_time(run.posted, zone, language),
                    planned=short_time(cue.at, zone, language),
                    delta=delay_label(run.delay, language),
                )
            elif number in asked:
                status = short_time(asked[number].at, zone, language)
            else:
                status = words("export.skipped" if run.skipped else "export.not_posted")
        else:
            status = short_time(asked[number].at, zone, language)
        doc.heading(3, f"Q{number} · {status}")
        doc.paragraph(*linked(question_text(ctx, cue), platform))
        if conversation and (number in asked or organisers):
            counted = figures.answers_to(number)
            doc.paragraph(answers_line(counted.answers, counted.people, language))
        if number in asked:
            doc.figure(answer_curve(figures, asked[number], curves.get(number), language,
                                    zone))
        doc.bullets([highlight_item(text, language, platform) for text in run.highlights])

    if data.other_highlights:
        doc.heading(2, words("export.highlights_other"))
        doc.bullets([
            highlight_item(text, language, platform, cue) for cue, text in data.other_highlights
        ])

    if data.thanks:
        doc.heading(2, words("export.recap_thanks"))
        for text in data.thanks:
            doc.paragraph(*linked(text, platform))
    _next(doc, ctx, data.thanks)

    doc.heading(2, words("export.recap_figures"))
    lines = [inline(words("export.fig_questions", asked=len(figures.asked)))]
    if organisers:
        lines = [inline(words("export.fig_asked", asked=data.figures.asked,
                              total=data.figures.total)),
                 inline(words("export.fig_on_time", on_time=data.figures.on_time,
                              asked=data.figures.asked)),
                 inline(words("export.fig_overrun", overrun=_overrun(ctx, data, not_yet))),
                 inline(words("export.fig_highlights", n=data.figures.highlights))]
    doc.bullets([*lines, *conversation_lines(ctx, figures)])
    return doc, notes


def _overrun(ctx: ExportContext, data: RecapData, not_yet: bool) -> str:
    """The organisers' overrun line: how late the chat's last post went out."""
    words = Words(ctx.language)
    figures = data.figures
    if not_yet:
        return words("export.fig_not_started")
    zone, language = ctx.chat_zone, ctx.language
    # Under a minute late is on time: "0 min (Q1: 10:19 PM instead of 10:19 PM)" says
    # nothing a reader can use.
    if minutes_of(figures.overrun) > 0 and figures.last is not None and figures.last_posted:
        return words(
            "export.fig_overrun_detail", minutes=minutes_of(figures.overrun),
            label=cue_name(figures.last, words),
            time=short_time(figures.last_posted, zone, language),
            planned=short_time(figures.last.at, zone, language),
        )
    if figures.last is None:
        return words("export.fig_nothing_posted")
    return words("export.fig_no_overrun")


def _next(doc: Document, ctx: ExportContext, thanks: Sequence[str]) -> None:
    chat = ctx.plan.chat
    if chat.next_at is None:
        return
    words = Words(ctx.language)
    when = long_datetime(chat.next_at, ctx.chat_zone, ctx.language)
    # Said once: a thank-you post written with {next} names it already.
    if not any(when in text for text in thanks):
        doc.paragraph(Span(words("export.recap_next", date=when), strong=True))


def _description(ctx: ExportContext, figures: HourFigures, date: str, not_yet: bool) -> str:
    """One sentence for link previews and search engines."""
    words = Words(ctx.language)
    chat = ctx.plan.chat
    text = words("export.recap_description", tag=chat.tag, title=chat.title,
                 platform=platform_name(ctx.plan), date=date)
    if not_yet:
        return text
    questions = words("export.questions_n", n=len(figures.asked))
    if not ctx.feed:
        return f"{text} {questions}."
    return text + " " + words(
        "export.recap_description_figures", questions=questions,
        posts=words("feed.posts", n=figures.posts),
        people=words("feed.people", n=len(figures.people)))


def conversation_lines(ctx: ExportContext, figures: HourFigures) -> list[Inline]:
    """Posts and people in the conversation, and its busiest ten minutes."""
    if not ctx.feed or not figures.posts:
        return []
    language, chat, zone = ctx.language, ctx.plan.chat, ctx.chat_zone
    words = Words(language)
    lines = [inline(words("feed.fig_conversation",
                          posts=words("feed.posts", n=figures.posts),
                          people=words("feed.people", n=len(figures.people))))]
    busiest = figures.busiest(chat.duration)
    if busiest is not None:
        first, posts = busiest
        start = chat.start_at + timedelta(minutes=first)
        end = min(start + timedelta(minutes=BUSY_SEGMENT), chat.end_at)
        lines.append(inline(words(
            "feed.fig_busiest", start=short_time(start, zone, language),
            end=short_time(end, zone, language), posts=words("feed.posts", n=posts))))
    return lines


def linked_handles(pairs: list[tuple[str, str]], platform: str) -> list[str | Span]:
    """ "@handle", or "X @a · Bluesky @b", each handle linked on its network."""
    parts: list[str | Span] = []
    for index, (network, handle) in enumerate(pairs):
        if index:
            parts.append(" · ")
        if network:
            parts.append(f"{network_name(network)} ")
        parts += linked(handle, network or platform)
    return parts


def _guest(guest: Guest, plan: Plan) -> Inline:
    """ "**Name** (@handle, linked) : role"."""
    words = Words(plan.chat.language)
    parts: list[str | Span] = [Span(guest.name, strong=True)]
    handles = handles_on_networks(plan, guest.handle_on)
    if handles:
        parts += [" (", *linked_handles(handles, plan.chat.platform), ")"]
    if guest.role:
        parts.append(words("export.guest_line", name="", role=guest.role))
    return inline(*parts)


def recap_md(ctx: ExportContext) -> ExportResult:
    doc, notes = recap_document(ctx)
    return ExportResult(render_markdown(doc), tuple(notes))


def recap_html(ctx: ExportContext) -> ExportResult:
    doc, notes = recap_document(ctx)
    return ExportResult(render_html(doc), tuple(notes))
