"""`--to guest-brief`: what a guest needs to know; `--to guest-messages`: the messages
that invite them.

The brief (when, the tag and the rules, the questions with their minute and clock time,
whom to contact) is for the guests, and holds nothing else: it is what is sent to each
of them, and the calendar event's description. The messages are the moderator's own: per
guest, a direct message short enough to be a public mention too, and an email with the
guest's address. They stay apart, so a brief sent to one guest never carries another
guest's address, nor the invitation of a guest who has not said yes yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.counting import Count, count, resolve_limit
from tui.core.exports.context import (
    ExportContext,
    ExportResult,
    follow_url,
    guest_name,
    guests_taking_part,
    handles_on_networks,
    handles_text,
    host_text,
    platform_name,
    question_cues,
    question_text,
    when_lines,
)
from tui.core.exports.document import Document, Inline, Span, inline
from tui.core.exports.markdown import render_markdown
from tui.core.exports.plain import render_plain
from tui.core.plan.model import Guest, Plan
from tui.core.plan.naming import count_line
from tui.core.plan.networks import network_name
from tui.core.text.clean import clean
from tui.core.text.typography import french_post
from tui.core.text.words import Words
from tui.core.timing.dates import long_datetime, short_time
from tui.core.timing.zones import long_date, offset_label, times_in_zones, zone_label

# A direct message on X may be 10,000 characters, but an invitation that also fits a
# public post can be sent as a mention when the guest's messages are closed.
MENTION_LIMIT = 280
_X_PLATFORMS = ("x", "x-legacy")


@dataclass(frozen=True, slots=True)
class Invitation:
    guest: Guest
    message: str
    """The direct message (or mention), the longest wording that fits."""
    count: Count
    subject: str
    body: str


def message_limit(ctx: ExportContext) -> int:
    chat = ctx.plan.chat
    # Invitations go out on the plan's first network.
    limit = resolve_limit(chat.platform, chat.limit_on(chat.platform))
    return min(limit, MENTION_LIMIT) if chat.platform in _X_PLATFORMS else limit


def invitation(ctx: ExportContext, guest: Guest) -> Invitation:
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    confirmed = guest.status == "confirmed"
    handle = guest.handle_on(chat.platform)
    greeting = (
        words("export.greeting_handle", handle=handle) if handle
        else words("export.greeting_name", name=guest.name)
    )
    values = {
        "greeting": greeting, "tag": chat.tag, "title": chat.title,
        "start": long_datetime(chat.start_at, ctx.chat_zone, language),
        "duration": chat.duration, "count": len(plan.questions),
    }
    limit = message_limit(ctx)
    keys = ("export.dm_confirmed", "export.dm_confirmed_short") if confirmed else (
        "export.dm_invited", "export.dm_invited_short"
    )
    # The full wording when it fits, else the short one; the short one is kept (and its
    # overflow reported) when neither fits, since it is the closer to fitting.
    for key in keys:
        message = french_post(clean(words(key, **values)), language)
        counted = count(message, chat.platform, limit=limit)
        if counted.valid:
            break
    subject_key = "export.subject_confirmed" if confirmed else "export.subject_invited"
    subject = clean(words(
        subject_key, tag=chat.tag, title=chat.title,
        date=long_date(chat.start_at, ctx.chat_zone, language),
    ))
    return Invitation(guest, message, counted, subject, email_body(ctx, guest))


def email_body(ctx: ExportContext, guest: Guest) -> str:
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    zone = ctx.chat_zone
    confirmed = guest.status == "confirmed"
    place = zone_label(zone, language, chat.start_at)
    opening = words(
        "export.email_confirmed" if confirmed else "export.email_invited",
        tag=chat.tag, title=chat.title, platform=platform_name(plan), name=guest.name,
        date=long_date(chat.start_at, zone, language),
        start=short_time(chat.start_at, zone, language),
        end=short_time(chat.end_at, zone, language), place=place,
    )
    lines = [words("export.email_hello"), "", opening, ""]
    times = when_lines(ctx)
    if len(times) > 1:
        lines.append(words("export.email_times"))
        lines += [f"- {words('export.when_line', places=p, text=t)}" for p, t in times]
        lines.append("")
    lines += [
        words("export.email_rules", count=len(plan.questions), answer=ctx.book.answer,
            tag=chat.tag),
        "",
        words("export.email_questions", place=place),
    ]
    for cue in question_cues(ctx):
        time = short_time(cue.at, zone, language)
        lines.append(f"Q{cue.number} ({time}) {' '.join(question_text(ctx, cue).split())}")
    lines += [
        "",
        words("export.email_ask_confirmed" if confirmed else "export.email_ask_invited"),
        "",
        words("export.email_bye"),
        host_text(plan) or words("export.team", tag=chat.tag),
    ]
    return clean("\n".join(lines))


def brief_document(ctx: ExportContext) -> tuple[Document, list[str]]:
    """The brief for the guests, and the notes for the moderator."""
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    notes: list[str] = []
    title = words("export.brief_title", title=chat.title)
    doc = Document(title, language)
    doc.heading(1, title)
    doc.paragraph(words(
        "export.chat_line", tag=chat.tag, platform=platform_name(plan),
        duration=chat.duration, count=len(plan.questions),
    ))
    if chat.topic:
        doc.paragraph(words("export.topic", topic=chat.topic))

    doc.heading(2, words("export.when"))
    doc.bullets([
        inline(Span(places, strong=True), words("export.when_line", places="", text=text))
        for places, text in when_lines(ctx)
    ])

    doc.heading(2, words("export.brief_rules"))
    answer = ctx.book.answer
    url = follow_url(plan)
    follow: Inline = (
        inline(words("export.follow_url"), Span(url, href=url)) if url
        else inline(words("export.follow_search", tag=chat.tag, platform=platform_name(plan)))
    )
    doc.bullets([
        inline(words("export.rule_tag", tag=chat.tag)),
        inline(words("export.rule_answer", answer=answer)),
        inline(words("export.rule_example", example=words(
            "export.example_answer", answer=answer, tag=chat.tag))),
        inline(words("export.rule_thread", answer=answer)),
        follow,
    ])

    guests = guests_taking_part(plan)
    if guests:
        doc.heading(2, words("export.guests"))
        doc.bullets([guest_item(guest, plan) for guest in guests])

    doc.heading(2, words("export.brief_questions"))
    doc.paragraph(words("export.brief_questions_intro"))
    doc.bullets([
        inline(
            Span(f"Q{cue.number}", strong=True),
            f" · {offset_label(cue.offset, language)} · "
            + times_in_zones(cue.at, ctx.zones, language, reference=chat.start_at)
            + " · " + question_text(ctx, cue),
        )
        for cue in question_cues(ctx)
    ])

    doc.heading(2, words("export.brief_contact"))
    host = host_text(plan)
    if host:
        doc.paragraph(words("export.brief_contact_line", host=host))
    else:
        doc.paragraph(words("export.brief_contact_none"))
        notes.append(words("export.note_no_host"))
    return doc, notes


def messages_document(ctx: ExportContext) -> tuple[Document, list[str]]:
    """The moderator's messages to the guests: per guest, the direct message and the
    email, and the notes for the moderator."""
    words = Words(ctx.language)
    chat = ctx.plan.chat
    title = words("export.messages_title", title=chat.title)
    doc = Document(title, ctx.language)
    doc.heading(1, title)
    guests = guests_taking_part(ctx.plan)
    notes: list[str] = []
    if not guests:
        doc.paragraph(words("export.messages_none"))
        notes.append(words("export.note_no_guests"))
        return doc, notes
    doc.paragraph(words("export.messages_intro"))
    for guest in guests:
        notes += _invitation_blocks(doc, ctx, guest)
    return doc, notes


def guest_item(guest: Guest, plan: Plan, *, pending: bool = True) -> Inline:
    """ "**Name** (@handle) : role (à confirmer)"; on several networks, each network's
    handle ("(X @a · Bluesky @b.org)")."""
    words = Words(plan.chat.language)
    handles = handles_text(handles_on_networks(plan, guest.handle_on))
    handle = f" ({handles})" if handles else ""
    role = words("export.guest_line", name="", role=guest.role) if guest.role else ""
    tail = " " + words("export.to_confirm") if pending and guest.status == "invited" else ""
    return inline(Span(guest.name, strong=True), handle + role + tail)


def _invitation_blocks(doc: Document, ctx: ExportContext, guest: Guest) -> list[str]:
    language = ctx.language
    words = Words(language)
    invite = invitation(ctx, guest)
    counted = invite.count
    doc.heading(3, guest_name(guest, ctx.plan))
    figure = count_line(counted, words, platform=network_name(counted.platform))
    notes = []
    if counted.valid:
        doc.paragraph(words("export.dm_label"), figure)
    else:
        doc.paragraph(words("export.dm_label"), Span(figure, alert=True))
        notes.append(words("export.note_message_long", name=guest.name,
                           length=counted.length, limit=counted.limit))
    doc.verbatim(invite.message)
    if guest.email:
        doc.paragraph(words("export.email_to"), Span(guest.email, strong=True))
    else:
        doc.paragraph(words("export.no_email"))
    doc.paragraph(words("export.subject", subject=invite.subject))
    doc.verbatim(invite.body)
    return notes


def guest_brief(ctx: ExportContext) -> ExportResult:
    doc, notes = brief_document(ctx)
    return ExportResult(render_markdown(doc), tuple(notes))


def guest_messages(ctx: ExportContext) -> ExportResult:
    doc, notes = messages_document(ctx)
    return ExportResult(render_markdown(doc), tuple(notes))


def brief_text(ctx: ExportContext) -> str:
    """The brief as plain text (a calendar event's description)."""
    doc, _ = brief_document(ctx)
    return render_plain(doc)
