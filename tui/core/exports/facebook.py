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
    platform_name,
    when_lines,
)
from tui.core.exports.document import Document, Span, inline
from tui.core.exports.guest_brief import guest_item
from tui.core.exports.plain import render_plain
from tui.core.exports.words import say


def facebook_event(ctx: ExportContext) -> ExportResult:
    plan, language = ctx.plan, ctx.language
    chat = plan.chat
    platform = platform_name(plan)
    name = say("ics_summary", language, tag=chat.tag, title=chat.title)
    doc = Document(name, language)
    doc.heading(2, say("fb_name", language))
    doc.paragraph(name)

    doc.heading(2, say("fb_when", language))
    doc.bullets([
        inline(say("when_line", language, places=places, text=text))
        for places, text in when_lines(ctx)
    ])

    url = follow_url(plan)
    doc.heading(2, say("fb_where", language))
    where = say("online_on", language, platform=platform)
    doc.paragraph(f"{where} · {chat.tag}" + (f" · {url}" if url else ""))

    doc.heading(2, say("fb_details", language))
    intro = "fb_intro" if chat.duration == 60 else "fb_intro_minutes"
    doc.paragraph(say(
        intro, language, platform=platform, tag=chat.tag, topic=chat.topic or chat.title,
        duration=chat.duration,
    ))
    doc.heading(3, say("fb_how", language))
    answer = ctx.book.answer
    follow = (
        inline(say("fb_follow_url", language, tag=chat.tag, platform=platform), Span(url, href=url))
        if url else inline(say("fb_follow", language, tag=chat.tag, platform=platform))
    )
    doc.bullets([
        follow,
        inline(say("rule_answer", language, answer=answer)),
        inline(say("rule_tag", language, tag=chat.tag)),
        inline(say("fb_ask", language, tag=chat.tag)),
    ], ordered=True)

    guests = guests_taking_part(plan)
    notes = tuple(
        f"{guest.name} has not confirmed yet (status = \"invited\"): check before publishing"
        for guest in guests if guest.status == "invited"
    )
    if guests:
        doc.heading(3, say("fb_guests", language))
        doc.bullets([guest_item(guest, language, pending=False) for guest in guests])
    if chat.host:
        doc.paragraph(Span(say("hosted_by", language, host=chat.host)))
    return ExportResult(render_plain(doc), notes)
