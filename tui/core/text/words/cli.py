"""The command line's own words (`cli.*`): headers, verdicts, what a command did or why it
stopped, in the plan's language (or `--lang`). A plan's problems are `check.*`."""

from __future__ import annotations

from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

PREFIXES = ("cli.",)
"""Every key of this surface starts with one of these (a test holds it)."""

WORDS: dict[str, dict[Language, str | Plural]] = {
    # the command line's diagnostics
    "cli.lines_skipped": {
        "fr": {"one": "{n} ligne n'est pas un événement et a été ignorée ({shown})",
               "other": "{n} lignes ne sont pas des événements et ont été ignorées ({shown})"},
        "en": {"one": "{n} line is not an event and was skipped ({shown})",
               "other": "{n} lines are not events and were skipped ({shown})"},
    },
    "cli.exported_despite": {
        "fr": {"one": "exporté malgré {n} erreur ; voir `tchat check`",
               "other": "exporté malgré {n} erreurs ; voir `tchat check`"},
        "en": {"one": "exported despite {n} error; see `tchat check`",
               "other": "exported despite {n} errors; see `tchat check`"},
    },
    "cli.drafts_over": {
        "fr": {"one": "{n} texte dépasse la limite", "other": "{n} textes dépassent la limite"},
        "en": {"one": "{n} draft over the limit", "other": "{n} drafts over the limit"},
    },
    # tchat check
    "cli.questions": {
        "fr": {"one": "{n} question", "other": "{n} questions"},
        "en": {"one": "{n} question", "other": "{n} questions"},
    },
    "cli.posts": {
        "fr": {"one": "{n} message", "other": "{n} messages"},
        "en": {"one": "{n} post", "other": "{n} posts"},
    },
    "cli.checklist_items": {
        "fr": {"one": "{n} point de la liste", "other": "{n} points de la liste"},
        "en": {"one": "{n} checklist item", "other": "{n} checklist items"},
    },
    "cli.check_clean": {
        "fr": "{path} : {questions}, {posts}, {items}, aucun problème",
        "en": "{path}: {questions}, {posts}, {items}, no problem found",
    },
    "cli.errors": {
        "fr": {"one": "{n} erreur", "other": "{n} erreurs"},
        "en": {"one": "{n} error", "other": "{n} errors"},
    },
    "cli.warnings": {
        "fr": {"one": "{n} avertissement", "other": "{n} avertissements"},
        "en": {"one": "{n} warning", "other": "{n} warnings"},
    },
    "cli.check_summary": {"fr": "{path} : {errors}, {warnings} : {verdict}",
                          "en": "{path}: {errors}, {warnings}: {verdict}"},
    "cli.not_usable": {"fr": "inutilisable", "en": "not usable"},
    "cli.not_clean": {"fr": "pas net (--strict)", "en": "not clean (--strict)"},
    "cli.usable": {"fr": "utilisable", "en": "usable"},
    "cli.no_accounts": {"fr": "{path} : pas de [accounts] : aucun compte où se connecter",
                        "en": "{path}: no [accounts]: nothing to sign in to"},
    "cli.signed_in": {"fr": "{network} : connecté en tant que {account}",
                      "en": "{network}: signed in as {account}"},
    # rehearse --start-in
    "cli.duration_name": {"fr": "une durée", "en": "a duration"},
    "cli.duration_hint": {"fr": "écrivez 30s, 2m, 1h30m ou des minutes",
                          "en": "use 30s, 2m, 1h30m or plain minutes"},
    # tchat new
    "cli.start_past": {
        "fr": "le début est passé : changez-le avec --start ou dans le fichier",
        "en": "the start is in the past: change it with --start or in the file",
    },
    "cli.promotions_past": {
        "fr": {"one": "{n} annonce de la série est déjà passée ({offsets}) : publiez-la "
                      "maintenant, ou retirez-la du plan",
               "other": "{n} annonces de la série sont déjà passées ({offsets}) : publiez "
                        "la dernière maintenant, ou retirez les autres du plan"},
        "en": {"one": "{n} promotion of the ladder is already past ({offsets}): post it "
                      "now, or drop it from the plan",
               "other": "{n} promotions of the ladder are already past ({offsets}): post "
                        "the latest one now, or drop the others from the plan"},
    },
    "cli.question_slots": {
        "fr": {"one": "{n} emplacement de question", "other": "{n} emplacements de question"},
        "en": {"one": "{n} question slot", "other": "{n} question slots"},
    },
    "cli.wrote": {"fr": "{path} écrit : {questions}, {posts}, {items}, début {start}",
                  "en": "wrote {path}: {questions}, {posts}, {items}, start {start}"},
    "cli.next_step": {
        "fr": "Ensuite : écrivez-y vos questions et vos invités, puis lancez : tchat check "
              "{path}",
        "en": "Next: write your questions and guests in it, then run: tchat check {path}",
    },
}

