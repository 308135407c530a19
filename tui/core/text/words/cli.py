"""The command line's diagnostics (`cli.*`)."""

from __future__ import annotations

from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

PREFIXES = ("cli.",)
"""Every key of this surface starts with one of these (a test holds it)."""

WORDS: dict[str, dict[Language, str | Plural]] = {
    # the command line's diagnostics (written in English, as `tchat check` is)
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
    "cli.feed_left_out_short": {
        "fr": "la conversation est laissée de côté",
        "en": "the conversation is left out",
    },
    "cli.feed_lines_skipped": {
        "fr": {"one": "{n} ligne n'est pas un message et a été ignorée ({shown})",
               "other": "{n} lignes ne sont pas des messages et ont été ignorées ({shown})"},
        "en": {"one": "{n} line is not a post and was skipped ({shown})",
               "other": "{n} lines are not posts and were skipped ({shown})"},
    },
}
