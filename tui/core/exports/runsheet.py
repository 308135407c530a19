"""`--to runsheet-md` and `--to runsheet-html`: the run-sheet on paper.

For a co-moderator or a backup when the laptop dies: every cue in posting order, its
planned time in each chosen zone, its full text exactly as it will be pasted, and its
count. Thread parts (a thank-you too long for one post) are listed one by one, as they
are posted. Moderator notes are included: this page is for the team, not the public.
"""

from __future__ import annotations

from datetime import timedelta

from tui.core.exports.context import (
    ExportContext,
    ExportResult,
    guest_name,
    guests_taking_part,
    host_text,
    platform_name,
    when_lines,
)
from tui.core.exports.document import (
    Block,
    Document,
    Heading,
    Inline,
    Paragraph,
    Span,
    Verbatim,
    inline,
)
from tui.core.exports.html import render_html
from tui.core.exports.markdown import render_markdown
from tui.core.plan.drafts import Draft
from tui.core.plan.model import Phase
from tui.core.plan.naming import count_line, cue_name
from tui.core.plan.networks import network_name
from tui.core.text.words import Words
from tui.core.timing.zones import clock_in_zone, offset_label, times_in_zones, zone_label


def phase_of(draft: Draft, duration: int) -> Phase:
    offset = draft.cue.offset
    if offset < 0:
        return "before"
    return "during" if offset <= duration else "after"


def runsheet_document(ctx: ExportContext) -> tuple[Document, list[str]]:
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    platform = platform_name(plan)
    title = words("export.runsheet_title", title=chat.title)
    doc = Document(title, language)
    notes: list[str] = []
    doc.heading(1, title)
    doc.paragraph(words(
        "export.chat_line", tag=chat.tag, platform=platform, duration=chat.duration,
        count=len(plan.questions),
    ))
    doc.bullets([
        inline(words("export.when_line", places=places, text=text))
        for places, text in when_lines(ctx)
    ])
    guests = guests_taking_part(plan)
    host = host_text(plan)
    if host or guests:
        people = [host] if host else []
        doc.paragraph(" · ".join([*people, *(guest_name(g, plan) for g in guests)]))
    labels = ", ".join(zone_label(z, language, chat.start_at) for z in ctx.zones)
    doc.paragraph(words("export.runsheet_zones", zones=labels))

    by_phase: dict[Phase, list[Draft]] = {"before": [], "during": [], "after": []}
    for draft in ctx.book.drafts:
        by_phase[phase_of(draft, chat.duration)].append(draft)
    for phase, drafts in by_phase.items():
        items = checklist_items(ctx, phase)
        if not drafts and not items:
            continue
        doc.heading(2, words(f"export.phase_{phase}"))
        if items:
            doc.paragraph(Span(words("export.runsheet_checklist"), strong=True))
            doc.checklist(items)
        for draft in drafts:
            doc.card(*_cue_blocks(ctx, draft, notes))
    return doc, notes


def checklist_items(ctx: ExportContext, phase: Phase) -> list[tuple[bool, Inline]]:
    """The plan's checklist for `phase`, in its order, each with when it is due."""
    chat = ctx.plan.chat
    language = ctx.language
    items: list[tuple[bool, Inline]] = []
    for item in ctx.plan.checklist:
        if item.phase != phase:
            continue
        text = item.text
        if item.due is not None:
            moment = chat.start_at + timedelta(minutes=item.due)
            # In the chat's own zone only: the team works on the organiser's clock.
            when = clock_in_zone(moment, ctx.chat_zone, language, reference=chat.start_at)
            text = f"{text} ({offset_label(item.due, language)} · {when})"
        items.append((item.done, inline(text)))
    return items


def _cue_blocks(ctx: ExportContext, draft: Draft, notes: list[str]) -> list[Block]:
    plan, language = ctx.plan, ctx.language
    words = Words(language)
    chat = plan.chat
    platform = network_name(draft.network)
    cue = draft.cue
    name = cue_name(cue, words, draft)
    when = times_in_zones(
        cue.at, ctx.zones, language, compact=True, reference=chat.start_at
    )
    counted = draft.count
    figure = count_line(counted, words, platform=platform)
    meta = [offset_label(cue.offset, language)]
    if cue.derived:
        meta.append(words("export.added_by_tchat"))
    status: tuple[str | Span, ...] = (" · ".join([*meta, figure]),)
    if not counted.valid:
        status = (" · ".join(meta) + " · ", Span(figure, alert=True))
        notes.append(words("export.note_over_limit", name=name, length=counted.length,
                           limit=counted.limit))
    blocks: list[Block] = [
        Heading(3, inline(f"{name} · {when}")),
        Paragraph(inline(*status)),
        Verbatim(draft.text),
    ]
    if cue.notes.strip() and draft.part in (None, 1):
        blocks.append(Paragraph(inline(words("export.note", note=cue.notes))))
    return blocks


def runsheet_md(ctx: ExportContext) -> ExportResult:
    doc, notes = runsheet_document(ctx)
    return ExportResult(render_markdown(doc), tuple(notes))


def runsheet_html(ctx: ExportContext) -> ExportResult:
    doc, notes = runsheet_document(ctx)
    return ExportResult(render_html(doc), tuple(notes))
