"""Words the screen and the exports share, so that the paper backup and the screen say
the same thing: the kinds of cue (`kind.*`) and a character count (`count.*`)."""

from __future__ import annotations

from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

PREFIXES = ("kind.", "count.")
"""Every key of this surface starts with one of these (a test holds it)."""

WORDS: dict[str, dict[Language, str | Plural]] = {
    # kinds of cue, on the screen and in the exports
    "kind.promo": {"fr": "Annonce", "en": "Promo"},
    "kind.welcome": {"fr": "Accueil", "en": "Welcome"},
    "kind.rules": {"fr": "Règles", "en": "Rules"},
    "kind.heads-up": {"fr": "Rappel", "en": "Heads-up"},
    "kind.custom": {"fr": "Message", "en": "Post"},
    "kind.closing": {"fr": "Clôture", "en": "Closing"},
    "kind.thanks": {"fr": "Merci", "en": "Thanks"},
    # a character count, on the screen and in the exports
    "count.over_by": {"fr": "{n} de trop", "en": "{n} over"},
    "count.on_platform": {
        "fr": "{length}/{limit} sur {platform}",
        "en": "{length}/{limit} on {platform}",
    },
}
