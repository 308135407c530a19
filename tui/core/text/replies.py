"""A quick reply (`r`) as it is copied: what the moderator typed, trimmed, with the
plan's typography, as every post tchat drafts has it."""

from __future__ import annotations

from tui.core.text.typography import french_post
from tui.core.text.vocabulary import Language


def typed_reply(typed: str, language: Language, prefilled: str = "") -> str | None:
    """The reply to copy, or None when nothing was typed beyond what the dialog started
    with (`prefilled`: the mention and the tag). A French reply gets its no-break spaces
    (U+00A0 before `: ; ! ?` and inside « », counted as a space by every network), so a
    phone never breaks "Merci !" before its "!"."""
    text = typed.strip()
    if not text or " ".join(text.split()) == " ".join(prefilled.split()):
        return None
    return french_post(text, language)
