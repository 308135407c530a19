"""How a cue and a count are named, in the run's language: "Q3", "Rappel Q3", "183/280".

The one way a cue is named and a count is written, on the screen, in the report, in the
exports and in `tchat check`, so the paper backup and the screen say the same thing.
"""

from __future__ import annotations

from tui.core.counting.result import Count
from tui.core.plan.drafts import Draft
from tui.core.plan.schedule import Cue
from tui.core.text.words import Words


def cue_name(cue: Cue, words: Words, draft: Draft | None = None) -> str:
    """ "Q3", "Rappel Q3", "Accueil", "Merci 1/2": a cue's short name in `words`'s language.

    The one way a cue is named, on the screen, in the report, in the exports and in
    `tchat check`. A heads-up is named after its question; with `draft`, a part of a
    thread adds its place ("1/2").
    """
    if cue.kind == "question":
        base = f"Q{cue.number}"
    elif cue.kind == "heads-up" and cue.number is not None:
        base = f"{words('kind.heads-up')} Q{cue.number}"
    else:
        base = words(f"kind.{cue.kind}")
    if draft is None or draft.part is None:
        return base
    return f"{base} {draft.part}/{draft.parts}"


def count_line(
    counted: Count, words: Words, *, platform: str | None = None, pad: bool = False,
) -> str:
    """ "183/280", "283/280 · 3 over", "183/280 sur X": a post's count in one line.

    The one way a count is written, on the screen and in the exports. `platform` names
    where it is counted; `pad` right-aligns the length to the limit's width (" 96/280")
    so that a label showing it keeps its size from one draft to the next.
    """
    length = f"{counted.length:>{len(str(counted.limit))}}" if pad else str(counted.length)
    text = (
        f"{length}/{counted.limit}" if platform is None
        else words("count.on_platform", length=length, limit=counted.limit, platform=platform)
    )
    if not counted.valid:
        text += " · " + words("count.over_by", n=counted.length - counted.limit)
    return text
