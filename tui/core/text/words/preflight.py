"""The pre-flight's words (`preflight.*`), in the plan's language: `tchat check`,
`tchat new` and the run-sheet's first screen."""

from __future__ import annotations

from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

PREFIXES = ("preflight.",)
"""Every key of this surface starts with one of these (a test holds it)."""

WORDS: dict[str, dict[Language, str | Plural]] = {
    # pre-flight (tchat check, tchat new, the run-sheet before the start)
    "preflight.title": {
        "fr": "Avant le départ (dans {left}) :", "en": "Pre-flight ({left} to the start):",
    },
    "preflight.late": {
        "fr": "annonces dont l'heure est passée, non marquées publiées : {offsets}",
        "en": "promotions whose time has passed, not marked posted: {offsets}",
    },
    "preflight.invited": {
        "fr": "invités pas encore confirmés (invited) : {names}",
        "en": "guests not confirmed yet (invited): {names}",
    },
    "preflight.no_handle": {
        "fr": "invités sans @compte : {names}", "en": "guests without a handle: {names}",
    },
    "preflight.overdue": {
        "fr": "en retard ({offset}) : {text}", "en": "overdue ({offset}): {text}",
    },
    "preflight.clear": {"fr": "rien en retard.", "en": "nothing is late."},
    "preflight.first": {"fr": "À faire d'abord : {step}", "en": "First, now: {step}"},
    "preflight.do_promo": {
        "fr": "publier l'annonce {offset} (prévue {when})",
        "en": "post the {offset} promotion (due {when})",
    },
    "preflight.next_promo": {
        "fr": "l'annonce {offset}, {when}", "en": "the {offset} promotion, {when}",
    },
    "preflight.do_task": {"fr": "{text} (prévu {when})", "en": "{text} (due {when})"},
    "preflight.next_task": {"fr": "{text}, {when}", "en": "{text}, {when}"},
    "preflight.do_confirm": {
        "fr": "obtenir la confirmation de {name}", "en": "get {name} to confirm",
    },
}
