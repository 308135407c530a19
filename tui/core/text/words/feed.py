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
    "feed.waiting": {"fr": "{name} · connexion…", "en": "{name} · connecting…"},
    "feed.offline": {"fr": "hors ligne depuis {since} · nouvel essai dans {seconds} s",
                     "en": "offline since {since} · retrying in {seconds} s"},
    "feed.replay": {"fr": "Rediffusion · {posts}", "en": "Replay · {posts}"},
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
