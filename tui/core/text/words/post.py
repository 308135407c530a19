"""Posting from tchat (`post.*`): what `P` and `tchat post` say happened, per network."""

from __future__ import annotations

from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

PREFIXES = ("post.",)
"""Every key of this surface starts with one of these (a test holds it)."""

WORDS: dict[str, dict[Language, str | Plural]] = {
    "post.posted": {"fr": "{name} publié sur {network} : {links}",
                    "en": "{name} posted on {network}: {links}"},
    "post.resumed": {
        "fr": {"one": "{name} publié sur {network} à partir de la partie {first} sur {n} : "
                      "{links}",
               "other": "{name} publié sur {network} à partir de la partie {first} sur {n} : "
                        "{links}"},
        "en": {"one": "{name} posted on {network} from part {first} of {n}: {links}",
               "other": "{name} posted on {network} from part {first} of {n}: {links}"},
    },
    "post.already": {"fr": "{name} est déjà sur {network}, rien n'a été renvoyé : {links}",
                     "en": "{name} is already on {network}, nothing sent again: {links}"},
    "post.failed": {"fr": "{name} non publié sur {network} : {reason}",
                    "en": "{name} not posted on {network}: {reason}"},
    "post.failed_part": {
        "fr": {"one": "{name} : {posted} sur {n} publié sur {network}, la suite à la "
                      "prochaine tentative : {reason}",
               "other": "{name} : {posted} sur {n} publiés sur {network}, la suite à la "
                        "prochaine tentative : {reason}"},
        "en": {"one": "{name}: {posted} of {n} posted on {network}, the rest at the next "
                      "attempt: {reason}",
               "other": "{name}: {posted} of {n} posted on {network}, the rest at the next "
                        "attempt: {reason}"},
    },
    "post.refused": {"fr": "{name} non envoyé sur {network} : {reason}",
                     "en": "{name} not sent to {network}: {reason}"},
    "post.deleted": {
        "fr": {"one": "{name} supprimé de {network} ({n} message)",
               "other": "{name} supprimé de {network} ({n} messages)"},
        "en": {"one": "{name} deleted from {network} ({n} post)",
               "other": "{name} deleted from {network} ({n} posts)"},
    },
    "post.copy_for": {"fr": "texte pour {networks} à coller à la main",
                      "en": "{networks} text to paste by hand"},
    "post.attach": {"fr": "joindre {image}", "en": "attach {image}"},
    "post.no_credential": {
        "fr": "pas de mot de passe pour {account} (tchat login PLAN {network}, ou {variable})",
        "en": "no credential for {account} (tchat login PLAN {network}, or {variable})"},
    "post.log_unwritable": {
        "fr": "le journal ne peut pas être écrit ({reason}) : rien n'a été envoyé",
        "en": "the log cannot be written ({reason}): nothing was sent"},
    "post.unsettled": {
        "fr": "impossible de savoir si la partie {part} est partie ({reason}) : rien n'a été "
              "renvoyé",
        "en": "cannot tell whether part {part} went out ({reason}): nothing sent again"},
    "post.over_limit": {"fr": "{length}/{limit} sur {network}",
                        "en": "{length}/{limit} on {network}"},
}
