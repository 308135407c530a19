"""`--to facebook-event`: what to type into a Facebook event, as the guide suggests.

Plain text, field by field (name, date and time in every zone, place, details), since
Facebook shows an event's details as typed: Markdown would show its stars and hashes.
"""

from __future__ import annotations

from tui.core.exports.context import (
    ExportContext,
    ExportResult,
    follow_url,
    guests_taking_part,
    host_text,
    platform_name,
    when_lines,
)
from tui.core.exports.document import Document, Span, inline
from tui.core.exports.guest_brief import guest_item
from tui.core.exports.plain import render_plain
from tui.core.text.words import Words


def facebook_event(ctx: ExportContext) -> ExportResult:
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    platform = platform_name(plan)
    name = words("export.ics_summary", tag=chat.tag, title=chat.title)
    doc = Document(name, language)
    doc.heading(2, words("export.fb_name"))
    doc.paragraph(name)

    doc.heading(2, words("export.fb_when"))
    doc.bullets([
        inline(words("export.when_line", places=places, text=text))
        for places, text in when_lines(ctx)
    ])

    url = follow_url(plan)
    doc.heading(2, words("export.fb_where"))
    where = words("export.online_on", platform=platform)
    doc.paragraph(f"{where} · {chat.tag}" + (f" · {url}" if url else ""))

    doc.heading(2, words("export.fb_details"))
    intro = "export.fb_intro" if chat.duration == 60 else "export.fb_intro_minutes"
    doc.paragraph(words(
        intro, platform=platform, tag=chat.tag, topic=chat.topic or chat.title,
        duration=chat.duration,
    ))
    doc.heading(3, words("export.fb_how"))
    answer = ctx.book.answer
    follow = (
        inline(words("export.fb_follow_url", tag=chat.tag, platform=platform), Span(url, href=url))
        if url else inline(words("export.fb_follow", tag=chat.tag, platform=platform))
    )
    doc.bullets([
        follow,
        inline(words("export.rule_answer", answer=answer)),
        inline(words("export.rule_tag", tag=chat.tag)),
        inline(words("export.fb_ask", tag=chat.tag)),
    ], ordered=True)

    guests = guests_taking_part(plan)
    notes = tuple(
        words("export.note_unconfirmed", name=guest.name)
        for guest in guests if guest.status == "invited"
    )
    if guests:
        doc.heading(3, words("export.fb_guests"))
        doc.bullets([guest_item(guest, plan, pending=False) for guest in guests])
    host = host_text(plan)
    if host:
        doc.paragraph(Span(words("export.hosted_by", host=host)))
    return ExportResult(render_plain(doc), notes)
