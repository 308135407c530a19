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
    # tchat drafts: the table's columns
    "cli.col_time": {"fr": "heure", "en": "time"},
    "cli.col_cue": {"fr": "message", "en": "cue"},
    "cli.col_network": {"fr": "réseau", "en": "network"},
    "cli.col_draft": {"fr": "texte", "en": "draft"},
    "cli.col_count": {"fr": "compte", "en": "count"},
    "cli.network_not_in_plan": {"fr": "--network {network} : le plan tourne sur {networks}",
                                "en": "--network {network}: the plan runs on {networks}"},
    # tchat report
    "cli.no_rehearsal": {
        "fr": "{path} : pas encore de journal de répétition à côté du plan (lancez-en une "
              "avec : tchat rehearse {path})",
        "en": "{path}: no rehearsal log beside the plan yet (start one with: tchat rehearse "
              "{path})",
    },
    "cli.no_log_yet": {"fr": "{log} : pas encore de journal, rien n'a été joué",
                       "en": "{log}: no log yet, nothing was run"},
    # tchat feed
    "cli.no_source": {
        "fr": '{path} : aucune source à lire : ajoutez une table [feed] avec mastodon = '
              '"https://serveur" ou bluesky = true (une rediffusion sert aux répétitions)',
        "en": '{path}: no source to read: add a [feed] table with mastodon = '
              '"https://server" or bluesky = true (a replay is for rehearsals)',
    },
    # the keyring (tchat feed --login, tchat login)
    "cli.bluesky_password_intro": {
        "fr": "Mot de passe d'application Bluesky (Paramètres → Confidentialité et sécurité → "
              "Mots de passe d'application) ; il est gardé dans le trousseau du système, "
              "jamais dans un fichier.",
        "en": "Bluesky app password (Settings → Privacy and security → App passwords); it is "
              "kept in the system keyring, never in a file.",
    },
    "cli.ask_bluesky_handle": {"fr": "Compte Bluesky (comme nom.bsky.social) : ",
                               "en": "Bluesky handle (such as name.bsky.social): "},
    "cli.ask_app_password": {"fr": "Mot de passe d'application : ", "en": "App password: "},
    "cli.no_handle_given": {"fr": "tchat : aucun compte ni mot de passe donné",
                            "en": "tchat: no handle or password given"},
    "cli.nothing_given": {"fr": "tchat : rien de donné, rien de gardé",
                          "en": "tchat: nothing given, nothing kept"},
    "cli.keyring_failed": {
        "fr": "tchat : le trousseau du système ne peut pas le garder ({error}) ; définissez "
              "plutôt {variables}",
        "en": "tchat: the system keyring cannot keep it ({error}); set {variables} instead",
    },
    "cli.kept": {"fr": "Gardé dans le trousseau du système pour {account}.",
                 "en": "Kept in the system keyring for {account}."},
    "cli.not_kept": {"fr": "tchat : rien de gardé : {reason}", "en": "tchat: not kept: {reason}"},
    "cli.no_account_for": {
        "fr": "{path} : [accounts] ne nomme aucun compte {network} : ajoutez-le d'abord "
              "({example})",
        "en": "{path}: [accounts] names no {network} account: add it first ({example})",
    },
    "cli.login_bluesky": {
        "fr": "Mot de passe d'application Bluesky pour {account} (Paramètres → "
              "Confidentialité et sécurité → Mots de passe d'application ; jamais votre mot "
              "de passe principal).",
        "en": "Bluesky app password for {account} (Settings → Privacy and security → App "
              "passwords; never your main password).",
    },
    "cli.login_mastodon": {
        "fr": "Jeton Mastodon pour {account} : collez-en un créé dans Préférences → "
              "Développement → Nouvelle application (autorisations {scopes}), ou appuyez sur "
              "Entrée pour autoriser tchat dans votre navigateur.",
        "en": "Mastodon token for {account}: paste one made in Preferences → Development → "
              "New application (scopes {scopes}), or press enter to authorize tchat in your "
              "browser.",
    },
    "cli.ask_token": {"fr": "Jeton (Entrée pour autoriser dans le navigateur) : ",
                      "en": "Token (enter to authorize in the browser): "},
    "cli.open_address": {
        "fr": "Ouvrez cette adresse, connectez-vous, autorisez tchat, puis collez le code "
              "affiché :",
        "en": "Open this address, sign in, authorize tchat, then paste the code it shows:",
    },
    "cli.ask_code": {"fr": "Code : ", "en": "Code: "},
    # tchat post
    "cli.post_no_accounts": {
        "fr": '{path} : pas de table [accounts] : tchat ne publie rien pour ce plan (ajoutez '
              'bluesky = "nom.bsky.social" ou mastodon = "@nom@serveur")',
        "en": '{path}: no [accounts] table: tchat posts nothing for this plan (add '
              'bluesky = "name.bsky.social" or mastodon = "@name@server")',
    },
    "cli.post_no_network": {"fr": "le plan n'a pas de compte {network} dans [accounts]",
                            "en": "the plan has no {network} account in [accounts]"},
    "cli.cue_ambiguous": {"fr": "{name} désigne plusieurs messages : donnez un id : {shown}",
                          "en": "{name} names several cues: give one id: {shown}"},
    "cli.cue_unknown": {
        "fr": "aucun message ne s'appelle {name} (messages : {known}… ; ou donnez un id)",
        "en": "no cue is called {name} (cues: {known}…; or give an id)",
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

