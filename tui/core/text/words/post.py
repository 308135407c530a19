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
    "post.run_ended": {"fr": "la séance s'est terminée avant que ce soit écrit au journal",
                       "en": "the run ended before this was logged"},
    # What a network's server did (`tui.post`), said in the plan's language; the log
    # keeps the English line. `{what}` is one of the post.doing_* below, `{said}` the
    # server's own words.
    "post.doing_sign_in": {"fr": "la connexion", "en": "signing in"},
    "post.doing_upload": {"fr": "l'envoi de l'image", "en": "uploading the image"},
    "post.doing_processing": {"fr": "le traitement de l'image", "en": "processing the image"},
    "post.doing_post": {"fr": "le message", "en": "the post"},
    "post.doing_delete": {"fr": "la suppression du message", "en": "deleting the post"},
    "post.doing_repost": {"fr": "le repartage", "en": "the repost"},
    "post.doing_reblog": {"fr": "le partage", "en": "the reblog"},
    "post.doing_read_replied": {"fr": "la lecture du message auquel vous répondez",
                                "en": "reading the post replied to"},
    "post.doing_replied": {"fr": "le message auquel vous répondez",
                           "en": "the post replied to"},
    "post.doing_thread": {"fr": "le fil de la réponse", "en": "the thread replied in"},
    "post.doing_find_post": {"fr": "la recherche du message", "en": "finding the post"},
    "post.doing_find_account": {"fr": "la recherche du compte", "en": "finding the account"},
    "post.doing_own_posts": {"fr": "la lecture des messages du compte",
                             "en": "reading the account's posts"},
    "post.doing_register": {"fr": "l'enregistrement de tchat", "en": "registering tchat"},
    "post.doing_exchange": {"fr": "l'échange du code", "en": "exchanging the code"},
    "post.no_session": {"fr": "{server} n'a pas envoyé de session Bluesky ({what})",
                        "en": "{server} did not send a Bluesky session ({what})"},
    "post.password_refused": {
        "fr": "{server} a refusé le mot de passe d'application de {account} ({said})",
        "en": "{server} refused the app password of {account} ({said})"},
    "post.token_refused": {"fr": "{server} a refusé le jeton de {account} ({said})",
                           "en": "{server} refused the token of {account} ({said})"},
    "post.too_slow": {"fr": "{server} n'a pas répondu à temps ({what})",
                      "en": "{server} did not answer in time ({what})"},
    "post.server_refused": {"fr": "{server} a refusé {what} ({said})",
                            "en": "{server} refused {what} ({said})"},
    "post.unreachable": {"fr": "{server} est injoignable ({what})",
                         "en": "{server} cannot be reached ({what})"},
    "post.unusable_session": {
        "fr": "{server} a donné une session que tchat ne peut pas utiliser ({what})",
        "en": "{server} gave a session tchat cannot use ({what})"},
    "post.answered": {"fr": "{server} : {path} a répondu par {answer}",
                      "en": "{server}: {path} answered {answer}"},
    "post.answered_status": {"fr": "{server} : {path} a répondu par le code {status} ({said})",
                             "en": "{server}: {path} answered {status} ({said})"},
    "post.not_bluesky_json": {"fr": "du JSON qui n'est pas une réponse de Bluesky (HTTP {status})",
                              "en": "JSON that is not a Bluesky answer (HTTP {status})"},
    "post.json_not_object": {"fr": "du JSON qui n'est pas un objet",
                             "en": "JSON that is not an object"},
    "post.not_a_record": {
        "fr": "{server} a répondu ({what}) par autre chose qu'un enregistrement Bluesky",
        "en": "{server} answered {what} with something that is not a Bluesky record"},
    "post.not_a_status": {"fr": "{server} a répondu par autre chose qu'un statut",
                          "en": "{server} answered with something that is not a status"},
    "post.repost_gone": {"fr": "{server} : le message à repartager n'existe plus",
                         "en": "{server}: the post to repost is gone"},
    "post.replied_gone": {"fr": "{server} : le message auquel vous répondez n'existe plus",
                          "en": "{server}: the post replied to is gone"},
    "post.cannot_tell": {"fr": "{server} ne peut pas dire si le message y est",
                         "en": "{server} cannot tell whether the post is there"},
    "post.cannot_tell_said": {"fr": "{server} ne peut pas dire si le message y est ({said})",
                              "en": "{server} cannot tell whether the post is there ({said})"},
    "post.cannot_tell_why": {"fr": "impossible de savoir si le message y est : {reason}",
                             "en": "cannot tell whether the post is there: {reason}"},
    "post.no_api": {"fr": "{server} n'a pas d'API Mastodon à cette adresse",
                    "en": "{server} has no Mastodon API here"},
    "post.unknown_account": {"fr": "{server} ne connaît pas {account}",
                             "en": "{server} does not know {account}"},
    "post.post_not_found": {"fr": "{server} ne trouve pas ce message",
                            "en": "{server} cannot find that post"},
    "post.image_refused": {"fr": "{server} n'a pas pris l'image",
                           "en": "{server} did not take the image"},
    "post.image_processing": {"fr": "{server} traite encore l'image : réessayez",
                              "en": "{server} is still processing the image: try again"},
    "post.failed_doing": {"fr": "{what} : {reason}", "en": "{what}: {reason}"},
    "post.not_registered": {
        "fr": "{server} a refusé d'enregistrer tchat (ni identifiant ni secret de client)",
        "en": "{server} refused to register tchat (no client id and secret)"},
    "post.code_refused": {"fr": "{server} a refusé le code (pas de jeton dans sa réponse)",
                          "en": "{server} refused the code (no token in its answer)"},
    "post.too_many": {
        "fr": "{server} demande d'attendre (trop de requêtes) pour {what}",
        "en": "{server} asks to wait (too many requests) for {what}"},
    "post.too_many_wait": {
        "fr": "{server} demande d'attendre (trop de requêtes) pour {what} : réessayez dans "
              "{seconds} s",
        "en": "{server} asks to wait (too many requests) for {what}: try again in {seconds} s"},
    "post.too_many_day": {
        "fr": "{server} demande d'attendre (trop de requêtes) pour {what} : réessayez dans "
              "un jour ou plus",
        "en": "{server} asks to wait (too many requests) for {what}: try again in a day or "
              "more"},
}
