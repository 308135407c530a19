"""The conversation's words (`feed.*`): sources' status lines, counts of answers."""

from __future__ import annotations

from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

PREFIXES = ("feed.",)
"""Every key of this surface starts with one of these (a test holds it)."""

WORDS: dict[str, dict[Language, str | Plural]] = {
    "feed.answers": {
        "fr": {"one": "{n} réponse", "other": "{n} réponses"},
        "en": {"one": "{n} answer", "other": "{n} answers"},
    },
    "feed.from_people": {
        "fr": {"one": " de {n} personne", "other": " de {n} personnes"},
        "en": {"one": " from {n} person", "other": " from {n} people"},
    },
    # The answers in a list's narrow column, when "161 answers · 60 people" is too long.
    "feed.answers_compact": {"fr": "{n} rép. · {people} pers.", "en": "{n} ans. · {people} ppl"},
    "feed.posts": {
        "fr": {"one": "{n} message", "other": "{n} messages"},
        "en": {"one": "{n} post", "other": "{n} posts"},
    },
    "feed.people": {
        "fr": {"one": "{n} personne", "other": "{n} personnes"},
        "en": {"one": "{n} person", "other": "{n} people"},
    },
    "feed.updated": {"fr": "{name} · {posts} · à jour à {time}",
                     "en": "{name} · {posts} · updated {time}"},
    "feed.updated_at": {"fr": "{name} · à jour à {time}", "en": "{name} · updated {time}"},
    "feed.waiting": {"fr": "{name} · connexion…", "en": "{name} · connecting…"},
    "feed.offline": {"fr": "hors ligne depuis {since} · nouvel essai dans {seconds} s",
                     "en": "offline since {since} · retrying in {seconds} s"},
    "feed.replay": {"fr": "Rediffusion · {posts}", "en": "Replay · {posts}"},
    "feed.servers": {
        "fr": {"one": "{name} · {n} serveur sur {total} répond",
               "other": "{name} · {n} serveurs sur {total} répondent"},
        "en": {"one": "{name} · {n} of {total} servers answers",
               "other": "{name} · {n} of {total} servers answer"},
    },
    "feed.thread_cut": {"fr": "Q{question} : réponses lues jusqu’à {limit} seulement",
                        "en": "Q{question}: replies read up to {limit} only"},
    "feed.thread_deep": {
        "fr": {"one": "Q{question} : {n} réponse au-delà de {depth} niveaux laissée de côté",
               "other": "Q{question} : {n} réponses au-delà de {depth} niveaux laissées de côté"},
        "en": {"one": "Q{question}: {n} reply deeper than {depth} levels left out",
               "other": "Q{question}: {n} replies deeper than {depth} levels left out"},
    },
    "feed.thread_failed": {"fr": "Q{question} : réponses illisibles ({why})",
                           "en": "Q{question}: replies not read ({why})"},
    "feed.new_posts": {
        "fr": {"one": "{n} nouveau", "other": "{n} nouveaux"},
        "en": {"one": "{n} new", "other": "{n} new"},
    },
    "feed.pace_rate": {"fr": "{rate}/min", "en": "{rate}/min"},
    "feed.pace_trend": {"fr": "{rate}, {trend}", "en": "{rate}, {trend}"},
    "feed.trend_rising": {"fr": "en hausse", "en": "picking up"},
    "feed.trend_steady": {"fr": "stable", "en": "steady"},
    "feed.trend_slowing": {"fr": "ralentit", "en": "slowing"},
    "feed.trend_quiet": {"fr": "calme", "en": "quiet"},
    "feed.welcome_reply": {"fr": "Bienvenue {names} ! Merci de vous joindre à nous.",
                           "en": "Welcome {names}! Glad to have you with us."},
    "feed.curve": {"fr": "pic {peak}/min · {line}", "en": "peak {peak}/min · {line}"},
    "feed.names_and": {"fr": "{names} et {last}", "en": "{names} and {last}"},
    "feed.fig_conversation": {"fr": "Conversation : {posts} de {people}",
                              "en": "Conversation: {posts} from {people}"},
    "feed.fig_busiest": {"fr": "Moment le plus animé : {start}–{end} ({posts})",
                         "en": "Busiest part of the hour: {start}–{end} ({posts})"},
    "feed.most_active": {"fr": "Les plus actifs dans la conversation",
                         "en": "The most active in the conversation"},
    "feed.most_active_intro": {
        "fr": "À remercier aussi, par le nombre de leurs messages :",
        "en": "Worth thanking too, by the number of their posts:",
    },
    # A source that fails: "{source}: {why}", the why naming the server and what it
    # answered (a status, a page that is not JSON...), never a traceback.
    "feed.failed": {"fr": "{source} : {why}", "en": "{source}: {why}"},
    "feed.unexpected": {"fr": "panne inattendue du client ({what})",
                        "en": "unexpected failure of the client ({what})"},
    "feed.cannot_start": {"fr": "ne démarre pas ({what})", "en": "cannot start ({what})"},
    "feed.unexpected_json": {"fr": "du JSON qui n'est pas {what}",
                             "en": "JSON that is not {what}"},
    "feed.what_instance": {"fr": "la description d'un serveur",
                           "en": "a server's description"},
    "feed.what_timeline": {"fr": "une liste de messages", "en": "a list of posts"},
    "feed.what_search": {"fr": "un résultat de recherche", "en": "a search result"},
    "feed.what_session": {"fr": "une session", "en": "a session"},
    "feed.not_mastodon": {
        "fr": "{server} n'est pas un serveur Mastodon : {path} a répondu {answer}",
        "en": "{server} is not a Mastodon server: {path} answered {answer}",
    },
    "feed.no_timeline": {
        "fr": "{server} n'a pas de fil public pour #{tag} : {path} a répondu {answer}",
        "en": "{server} has no public timeline for #{tag}: {path} answered {answer}",
    },
    "feed.token": {
        "fr": "{server} refuse le jeton ou en veut un (TCHAT_MASTODON_TOKEN) : {path} a "
              "répondu {answer}",
        "en": "{server} refused the token or wants one (TCHAT_MASTODON_TOKEN): {path} "
              "answered {answer}",
    },
    "feed.not_timeline": {
        "fr": "{server} n'envoie pas un fil Mastodon : {path} a répondu {answer}",
        "en": "{server} did not send a Mastodon timeline: {path} answered {answer}",
    },
    "feed.server_error": {"fr": "{server} : {path} a répondu {answer}",
                          "en": "{server}: {path} answered {answer}"},
    "feed.rate_limited": {
        "fr": "{server} demande d'attendre (trop de requêtes) : {path} a répondu {answer}",
        "en": "{server} asks to wait (too many requests): {path} answered {answer}",
    },
    "feed.no_login": {
        "fr": "pas de mot de passe d'application (tchat feed PLAN --login bluesky, ou "
              "TCHAT_BLUESKY_HANDLE et TCHAT_BLUESKY_APP_PASSWORD)",
        "en": "no app password (tchat feed PLAN --login bluesky, or TCHAT_BLUESKY_HANDLE "
              "and TCHAT_BLUESKY_APP_PASSWORD)",
    },
    "feed.wrong_login": {
        "fr": "identifiant ou mot de passe d'application refusé : {path} a répondu {answer}",
        "en": "wrong handle or app password: {path} answered {answer}",
    },
    "feed.search_refused": {
        "fr": "{server} refuse la recherche : {path} a répondu {answer}",
        "en": "{server} refused the search: {path} answered {answer}",
    },
    "feed.not_bluesky": {
        "fr": "{server} n'envoie pas de résultat Bluesky : {path} a répondu {answer}",
        "en": "{server} did not send a Bluesky answer: {path} answered {answer}",
    },
    # What the conversation could not show or keep, said rather than lost silently.
    "feed.file_not_kept": {
        "fr": "{file} : {reason} ; les messages sont montrés, pas gardés",
        "en": "{file}: {reason}; posts are shown, not kept",
    },
    "feed.file_full": {
        "fr": {"one": "{n} message non gardé : le fichier de la conversation est plein",
               "other": "{n} messages non gardés : le fichier de la conversation est plein"},
        "en": {"one": "{n} post not kept: the feed file is full",
               "other": "{n} posts not kept: the feed file is full"},
    },
    "feed.unwritten": {
        "fr": {"one": "{n} message attend d'être écrit", "other": "{n} messages attendent "
                                                                   "d'être écrits"},
        "en": {"one": "{n} post waiting to be written",
               "other": "{n} posts waiting to be written"},
    },
    "feed.unwritten_lost": {
        "fr": {"one": "{n} message non gardé : le fichier ne s'écrit pas",
               "other": "{n} messages non gardés : le fichier ne s'écrit pas"},
        "en": {"one": "{n} post not kept: the feed file cannot be written",
               "other": "{n} posts not kept: the feed file cannot be written"},
    },
    "feed.over_limit": {
        "fr": {"one": "{n} message au-delà de la limite, ni montré ni compté",
               "other": "{n} messages au-delà de la limite, ni montrés ni comptés"},
        "en": {"one": "{n} post past the limit, neither shown nor counted",
               "other": "{n} posts past the limit, neither shown nor counted"},
    },
    "feed.unshifted": {
        "fr": {"one": "{n} message de la rediffusion hors des dates possibles, laissé de côté",
               "other": "{n} messages de la rediffusion hors des dates possibles, laissés "
                        "de côté"},
        "en": {"one": "{n} post of the replay outside the dates a chat can have, left out",
               "other": "{n} posts of the replay outside the dates a chat can have, left out"},
    },
    "feed.what_status": {"fr": "un message", "en": "a post"},
    "feed.what_context": {"fr": "les réponses à un message",
                          "en": "the replies under a post"},
    "feed.what_thread": {"fr": "un fil de réponses", "en": "a thread of replies"},
    "feed.no_post": {"fr": "{server} n'a pas ou plus ce message : {path} a répondu {answer}",
                     "en": "{server} has no such post (any more): {path} answered {answer}"},
}
