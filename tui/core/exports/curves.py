"""Each question's answer curve, for the exports' charts (the recap, the transcript).

`question_curves(ctx)` gives, for every question of the plan, its answers per minute
from when it was asked (the as-run log's mark; else the host's question post seen in the
conversation), replies under the host's question counted, muted accounts left out
(`make_context` already took them out of `ctx.feed`).
"""

from __future__ import annotations

from tui.core.exports.context import ExportContext
from tui.core.room.pace import AnswerCurve
from tui.core.room.summary import question_curves as _curves
from tui.core.run.runstate import fold


def question_curves(ctx: ExportContext) -> list[AnswerCurve]:
    posted = fold(ctx.events).posted
    asked = {cue.number: posted[cue.id] for cue in ctx.book.cues
             if cue.kind == "question" and cue.number is not None and cue.id in posted}
    return _curves(ctx.plan, ctx.feed, asked, ctx.book)
