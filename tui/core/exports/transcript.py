"""`--to transcript-md` and `--to transcript-html`: every post of the conversation, question
by question, ready to publish.

The posts are the conversation kept beside the plan (`PLAN.feed.jsonl`), or for a
rehearsal the conversation it replayed, plus the host's own posts from the as-run log
that the feed did not see. They come in order, under a heading per question asked
(its text and when it was asked): each answer under the question it answers, whenever
it came, and the rest of the conversation where it fell between two questions. Bare
reposts are left out; the links people shared and the people themselves (the host not
counted, guests marked) close the page. What could not be read is said at the top, so a
transcript of a broken recording is still a transcript, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.core.exports.chart import answer_curve, hour_chart
from tui.core.exports.context import (
    ExportContext,
    ExportResult,
    handles_on_networks,
    platform_name,
    question_cues,
    question_text,
)
from tui.core.exports.curves import question_curves
from tui.core.exports.document import Document, Inline, Span, inline
from tui.core.exports.figures import GRACE, Asked, HourFigures, figures_of, first_posted
from tui.core.exports.html import render_html
from tui.core.exports.links import linked, profile_url
from tui.core.exports.markdown import render_markdown
from tui.core.exports.recap import linked_handles
from tui.core.feed.plaintext import normalised
from tui.core.feed.post import FeedPost
from tui.core.feed.store import FEED_SUFFIX
from tui.core.plan.schedule import Cue
from tui.core.room.pace import AnswerCurve
from tui.core.room.record import shared_links
from tui.core.run.runstate import fold
from tui.core.text.clean import safe_url
from tui.core.text.words import Words
from tui.core.timing.dates import short_time
from tui.core.timing.zones import long_date, zone_label


@dataclass(frozen=True, slots=True)
class Entry:
    """One post as the transcript shows it."""

    at: datetime
    author: str
    """`@name`, as posted (or the plan's host for a post from the log)."""
    text: str
    platform: str
    url: str | None = None
    role: str = ""
    """"host" or "guest", else empty."""
    answers: int | None = None


def _entries(ctx: ExportContext, figures: HourFigures) -> list[Entry]:
    """The posts to show: the feed's (a host post asking a question is its heading),
    then the host's posts from the log that the feed did not see, all in order."""
    entries = []
    host_texts = set()
    for item in figures.items:
        post = item.post
        if item.kind == "host":
            host_texts.add(normalised(post.text))
            if item.asks is not None:
                continue
        entries.append(Entry(
            post.created_at, "@" + post.author, post.text, post.platform,
            safe_url(post.url), "host" if item.kind == "host" else
            "guest" if item.kind == "guest" else "", figures.answer_to(item),
        ))
    state = fold(ctx.events, ctx.plan.chat.networks)
    # Worded as on the plan's first network: a cue posted on several is one post here.
    host = ctx.plan.chat.host_on(ctx.book.network)
    low, high = figures.start - GRACE, figures.end + GRACE
    for draft in ctx.book.drafts:
        moment = first_posted(state, draft.id)
        if moment is None or draft.cue.kind == "question" or not low <= moment <= high:
            continue
        worded = {normalised(draft.text), *(normalised(ctx.book.text_for(draft.cue, network))
                                            for network in ctx.plan.chat.networks)}
        if worded & host_texts:
            continue
        entries.append(Entry(moment, host, draft.text, ctx.book.network, role="host"))
    return sorted(entries, key=lambda e: e.at)


def _post_item(ctx: ExportContext, entry: Entry) -> Inline:
    """ "18 h 06 · @amara_k ★ : A1 Hello from Lagos …", the time a link to the post."""
    language = ctx.language
    words = Words(language)
    time = short_time(entry.at, ctx.chat_zone, language)
    parts: list[str | Span] = [Span(time, href=entry.url) if entry.url else time, " · "]
    if entry.author:
        href = profile_url(entry.author, entry.platform)
        parts.append(Span(entry.author, strong=True, href=href))
    else:
        parts.append(Span(words("export.the_host"), strong=True))
    if entry.role:
        parts.append(" " + words(f"export.mark_{entry.role}"))
    parts.append(words("export.said"))
    parts += linked(entry.text, entry.platform)
    return inline(*parts)


def _missing(ctx: ExportContext, figures: HourFigures) -> tuple[list[str], list[str]]:
    """What the page says is missing, and the notes for the moderator (the command adds
    what it could not read of the files, naming them)."""
    words = Words(ctx.language)
    said, notes = [], []
    if ctx.feed_problem is not None:
        said.append(words("export.transcript_unreadable"))
    elif not ctx.feed:
        said.append(words("export.transcript_no_feed"))
        notes.append(words("export.note_no_feed", suffix=FEED_SUFFIX))
    if ctx.feed_skipped:
        said.append(words("export.transcript_skipped", n=len(ctx.feed_skipped)))
    if figures.outside:
        said.append(words("export.transcript_outside", n=figures.outside,
                          minutes=int(GRACE.total_seconds() // 60)))
    if not figures.asked:
        said.append(words("export.transcript_no_question"))
    return said, notes


def transcript_document(ctx: ExportContext) -> tuple[Document, list[str]]:
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    zone = ctx.chat_zone
    figures = figures_of(ctx)
    title = words("export.transcript_title", title=chat.title)
    doc = Document(title, language)
    date = long_date(chat.start_at, zone, language)
    people = words("feed.people", n=len(figures.people))
    posts = words("feed.posts", n=figures.posts)
    doc.description = words("export.transcript_description", tag=chat.tag, title=chat.title,
                            date=date, posts=posts, people=people)
    doc.heading(1, title)
    doc.paragraph(words(
        "export.recap_when", date=date, start=short_time(chat.start_at, zone, language),
        end=short_time(figures.end, zone, language),
        place=zone_label(zone, language, chat.start_at), platform=platform_name(plan),
        tag=chat.tag,
    ))
    if chat.topic:
        doc.paragraph(words("export.topic", topic=chat.topic))
    host = handles_on_networks(plan, chat.host_on)
    if host:
        # Each handle linked to its profile on its own network, as the recap does.
        lead, _, tail = words("export.hosted_by", host="\x00").partition("\x00")
        doc.paragraph(lead, *linked_handles(host, chat.platform), tail)
    said, notes = _missing(ctx, figures)
    for line in said:
        doc.paragraph(Span(line, strong=True))
    if ctx.feed:
        summary = words("export.transcript_summary", posts=posts, people=people,
                        answers=words("feed.answers", n=figures.answers))
        if figures.guests:
            summary += " " + words("export.transcript_guests", n=figures.guests)
        doc.paragraph(summary)
        doc.figure(hour_chart(figures, language, zone))

    entries = _entries(ctx, figures)
    sections: dict[int, list[Entry]] = {a.number: [] for a in figures.asked}
    opening: list[Entry] = []
    for entry in entries:
        if entry.answers is not None and entry.answers in sections:
            sections[entry.answers].append(entry)
            continue
        before = [a for a in figures.asked if a.at <= entry.at]
        (sections[before[-1].number] if before else opening).append(entry)
    if opening:
        first = figures.asked[0].number if figures.asked else None
        doc.heading(2, words("export.transcript_opening", label=f"Q{first}") if first
                    else words("export.transcript_posts"))
        doc.bullets([_post_item(ctx, entry) for entry in opening])
    curves = {curve.question: curve for curve in question_curves(ctx)}
    for asked in figures.asked:
        _question(doc, ctx, figures, asked, sections[asked.number], curves.get(asked.number))
    if ctx.all_questions:
        shown = {a.number for a in figures.asked}
        unasked = [cue for cue in question_cues(ctx) if cue.number not in shown]
        if unasked:
            doc.heading(2, words("export.transcript_unasked"))
            for cue in unasked:
                doc.heading(3, f"Q{cue.number} · ", *linked(question_text(ctx, cue),
                                                              chat.platform))

    links = shared_links(figures.items, figures.is_host)
    if links:
        doc.heading(2, words("export.transcript_links"))
        doc.bullets([
            inline(Span(link.url, href=link.url),
                   words("export.shared_by", people=", ".join(link.shared_by)))
            for link in links
        ])
    if figures.people:
        doc.heading(2, words("export.transcript_people", people=people))
        doc.bullets([
            inline(Span(person.handle, strong=True,
                        href=profile_url(person.handle, person.platform)),
                   words("export.person_line", name=person.name) if person.name else "",
                   " " + words("export.mark_guest") if person.guest else "",
                   words("export.person_posts", posts=words("feed.posts", n=person.posts)))
            for person in sorted(figures.people, key=lambda p: p.handle.lower())
        ])
    return doc, notes


def _question(doc: Document, ctx: ExportContext, figures: HourFigures, asked: Asked,
              entries: list[Entry], curve: AnswerCurve | None) -> None:
    language = ctx.language
    words = Words(language)
    cue: Cue = asked.cue
    doc.heading(2, f"Q{asked.number} · ", *linked(question_text(ctx, cue), ctx.plan.chat.platform))
    when = words("export.asked_at", time=short_time(asked.at, ctx.chat_zone, language))
    counted = figures.answers_to(asked.number)
    line: list[str | Span] = [when]
    post: FeedPost | None = asked.post
    if post is not None and safe_url(post.url):
        line += [" · ", Span(words("export.see_post"), href=post.url)]
    line.append(" · " + words("feed.answers", n=counted.answers)
                + words("feed.from_people", n=counted.people))
    doc.paragraph(*line)
    doc.figure(answer_curve(figures, asked, curve, language, ctx.chat_zone))
    doc.bullets([_post_item(ctx, entry) for entry in entries])


def transcript_md(ctx: ExportContext) -> ExportResult:
    doc, notes = transcript_document(ctx)
    return ExportResult(render_markdown(doc), tuple(notes))


def transcript_html(ctx: ExportContext) -> ExportResult:
    doc, notes = transcript_document(ctx)
    return ExportResult(render_html(doc), tuple(notes))
