"""`--to thanks`: the public thank-you post (a numbered thread when the guests' mentions
make it too long for one post) and a thank-you email for each guest.

Kept apart from the recap on purpose: the recap is meant to be published, and these are
the moderator's drafts, with the guests' email addresses.
"""

from __future__ import annotations

from datetime import timedelta

from tui.core.exports.context import (
    ExportContext,
    ExportResult,
    guest_name,
    guests_taking_part,
    host_text,
)
from tui.core.exports.document import Document, Span, inline
from tui.core.exports.figures import HourFigures, figures_of
from tui.core.exports.markdown import render_markdown
from tui.core.plan.drafts import Draft
from tui.core.plan.model import Guest
from tui.core.plan.naming import count_line
from tui.core.plan.networks import network_name
from tui.core.plan.schedule import Cue
from tui.core.text.clean import clean
from tui.core.text.words import Words
from tui.core.timing.zones import long_date


def thanks_cues(ctx: ExportContext) -> list[Cue]:
    """The plan's thank-you posts; a default one, after the end, when it has none."""
    cues = [c for c in ctx.book.cues if c.kind == "thanks"]
    if cues:
        return cues
    chat = ctx.plan.chat
    return [Cue(
        id="thanks", kind="thanks", offset=chat.duration,
        at=chat.start_at + timedelta(minutes=chat.duration),
        # A post template like the plan's own: DraftBook fills its {guests} and {tag}.
        template=Words(ctx.language).template("export.thanks_default"), source="export",
        derived=True,
    )]


def thanks_drafts(ctx: ExportContext, network: str | None = None) -> list[list[Draft]]:
    """Per thank-you post, its drafts on `network` (the plan's first when None): one, or
    the parts of its thread."""
    return [ctx.book.drafts_for(cue, network) for cue in thanks_cues(ctx)]


def thanks_text(ctx: ExportContext) -> list[str]:
    """Each thank-you post whole, as the recap shows it."""
    return [ctx.book.text_for(cue) for cue in thanks_cues(ctx)]


def thanks_email(ctx: ExportContext, guest: Guest) -> tuple[str, str]:
    """(subject, body) of the email thanking `guest`."""
    language = ctx.language
    words = Words(language)
    chat = ctx.plan.chat
    subject = words("export.thanks_subject", tag=chat.tag, title=chat.title)
    body = "\n".join([
        words("export.email_hello"),
        "",
        words("export.thanks_body", tag=chat.tag, title=chat.title,
            date=long_date(chat.start_at, ctx.chat_zone, language)),
        "",
        words("export.thanks_recap"),
        "",
        words("export.email_bye"),
        host_text(ctx.plan) or words("export.team", tag=chat.tag),
    ])
    return clean(subject), clean(body)


def thanks(ctx: ExportContext) -> ExportResult:
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    title = words("export.thanks_title", title=chat.title)
    doc = Document(title, language)
    doc.heading(1, title)
    notes: list[str] = []
    doc.heading(2, words("export.thanks_public"))
    # On several networks, each one's thank-you: its handles, its count.
    every = [d for n in ctx.book.networks for d in thanks_drafts(ctx, n)]
    for drafts in every:
        if len(drafts) > 1:
            doc.paragraph(words("export.thanks_thread", n=len(drafts)))
        for draft in drafts:
            counted = draft.count
            figure = count_line(counted, words, platform=network_name(counted.platform))
            part = f"{draft.part}/{draft.parts} · " if draft.part is not None else ""
            if counted.valid:
                doc.paragraph(part + figure)
            else:
                doc.paragraph(part, Span(figure, alert=True))
                notes.append(words("export.note_thanks_long", length=counted.length,
                                   limit=counted.limit))
            doc.verbatim(draft.text)

    guests = guests_taking_part(plan)
    if guests:
        doc.heading(2, words("export.thanks_emails"))
    for guest in guests:
        subject, body = thanks_email(ctx, guest)
        doc.heading(3, guest_name(guest, plan))
        if guest.email:
            doc.paragraph(words("export.email_to"), Span(guest.email, strong=True))
        else:
            doc.paragraph(words("export.no_email"))
        doc.paragraph(words("export.subject", subject=subject))
        doc.verbatim(body)
    if ctx.feed:
        active = most_active(figures_of(ctx))
        if active:
            doc.heading(2, words("feed.most_active"))
            doc.paragraph(words("feed.most_active_intro"))
            doc.bullets([inline(name) for name in active])
    notes += [words("export.note_unconfirmed", name=guest.name)
              for guest in guests if guest.status == "invited"]
    return ExportResult(render_markdown(doc), tuple(notes))


def most_active(figures: HourFigures, limit: int = 5) -> list[str]:
    """The people who posted most (neither the host nor a guest), as @handles; ties in
    the order of their handles, so the list is the same at every export."""
    ranked = sorted((p for p in figures.people if not p.guest),
                    key=lambda p: (-p.posts, p.handle.lower()))
    return [person.handle for person in ranked[:limit]]
