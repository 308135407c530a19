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
    # what a platform refuses or will do to a post, whatever its length (said on screen,
    # by `tchat check` and when posting; each without its final full stop, which the
    # sentence around it adds)
    "count.x_refuses": {
        "fr": "X refuse toute publication qui contient {code}",
        "en": "X refuses any post holding {code}",
    },
    "count.bluesky_blank": {
        "fr": "Bluesky ne publie pas un texte vide",
        "en": "Bluesky will not post a blank text",
    },
    "count.bluesky_bytes": {
        "fr": "Bluesky refuse une publication de plus de {most} octets en UTF-8 : celle-ci "
              "en compte {size} (un émoji prend jusqu'à 4 octets, et davantage dans une "
              "séquence)",
        "en": "Bluesky refuses a post over {most} bytes of UTF-8: this one has {size} "
              "(emoji take up to 4 bytes each, and more in a sequence)",
    },
    "count.bluesky_mangled": {
        "fr": "L'application Bluesky va abîmer cette publication : un lien sans https:// "
              "qui contient des accents ou d'autres caractères non ASCII décale les liens "
              "qui le suivent. Ajoutez https:// à ce lien",
        "en": "The Bluesky app will mangle this post: a link without https:// that holds "
              "accents or other non-ASCII characters puts the links after it in the wrong "
              "place. Add https:// to that link",
    },
    "count.mastodon_blank": {
        "fr": "Mastodon ne publie pas un texte vide",
        "en": "Mastodon will not post a blank text",
    },
    "count.threads_links": {
        "fr": "Threads refuse une publication de plus de {most} liens : celle-ci en "
              "compte {links}",
        "en": "Threads refuses a post with more than {most} links: this one has {links}",
    },
    "count.threads_topic": {
        "fr": "Threads ne prend qu'un sujet par publication : {topic} devient le sujet ; "
              "restent en texte simple : {others}",
        "en": "Threads takes one topic per post: {topic} becomes the topic, {others} will "
              "stay plain text",
    },
}
