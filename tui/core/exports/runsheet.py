"""`--to runsheet-md` and `--to runsheet-html`: the run-sheet on paper.

For a co-moderator or a backup when the laptop dies: every cue in posting order, its
planned time in each chosen zone, its full text exactly as it will be pasted, and its
count. Thread parts (a thank-you too long for one post) are listed one by one, as they
are posted. Moderator notes are included: this page is for the team, not the public.
"""

from __future__ import annotations

from tui.core.drafts import Draft
from tui.core.exports.context import (
    ExportContext,
    ExportResult,
    guest_name,
    guests_taking_part,
    offset_label,
    platform_name,
    times_in_zones,
    when_lines,
    zone_label,
)
from tui.core.exports.document import (
    Block,
    Document,
    Heading,
    Paragraph,
    Span,
    Verbatim,
    inline,
)
from tui.core.exports.html import render_html
from tui.core.exports.markdown import render_markdown
from tui.core.model import Phase
from tui.core.words import Words, count_line, cue_name


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
    if chat.host or guests:
        people = [chat.host] if chat.host else []
        doc.paragraph(" · ".join([*people, *(guest_name(g) for g in guests)]))
    labels = ", ".join(zone_label(z, language, chat.start_at) for z in ctx.zones)
    doc.paragraph(words("export.runsheet_zones", zones=labels))

    current: Phase | None = None
    for draft in ctx.book.drafts:
        phase = phase_of(draft, chat.duration)
        if phase != current:
            doc.heading(2, words(f"export.phase_{phase}"))
            current = phase
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
            notes.append(f"{name} is over the limit ({counted.length}/{counted.limit})")
        blocks: list[Block] = [
            Heading(3, inline(f"{name} · {when}")),
            Paragraph(inline(*status)),
            Verbatim(draft.text),
        ]
        if cue.notes.strip() and draft.part in (None, 1):
            blocks.append(Paragraph(inline(words("export.note", note=cue.notes))))
        doc.card(*blocks)
    return doc, notes


def runsheet_md(ctx: ExportContext) -> ExportResult:
    doc, notes = runsheet_document(ctx)
    return ExportResult(render_markdown(doc), tuple(notes))


def runsheet_html(ctx: ExportContext) -> ExportResult:
    doc, notes = runsheet_document(ctx)
    return ExportResult(render_html(doc), tuple(notes))
