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
}
