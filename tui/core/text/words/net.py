"""The network's words (`net.*`): what a server did to a request, said the same way by
every client of the one transport (`tui.net`): the conversation's sources and posting."""

from __future__ import annotations

from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

PREFIXES = ("net.",)
"""Every key of this surface starts with one of these (a test holds it)."""

WORDS: dict[str, dict[Language, str | Plural]] = {
    "net.unreachable": {"fr": "{server} est injoignable ({why})",
                        "en": "{server} cannot be reached ({why})"},
    "net.why_refused": {"fr": "connexion refusée", "en": "connection refused"},
    "net.why_network": {"fr": "erreur réseau", "en": "network error"},
    "net.why_no_name": {"fr": "son nom est introuvable", "en": "its name was not found"},
    "net.why_slow_name": {"fr": "son nom n'a pas été trouvé à temps",
                          "en": "its name was not found in time"},
    "net.why_busy": {"fr": "trop de recherches de noms en cours",
                     "en": "too many name lookups under way"},
    "net.timed_out": {"fr": "{server} n'a pas répondu en entier à {path} en {seconds} s",
                      "en": "{server} did not answer {path} in full within {seconds} s"},
    "net.cancelled": {"fr": "arrêté", "en": "stopped"},
    "net.not_http": {"fr": "{server} a répondu à {path} par autre chose que du HTTP",
                     "en": "{server} answered {path} with something that is not HTTP"},
    "net.too_large": {"fr": "{server} a répondu à {path} par plus de {mb} Mo",
                      "en": "{server} answered {path} with more than {mb} MB"},
    "net.redirected": {
        "fr": "{server} a répondu à {path} par une redirection vers {target} : tchat n'en "
              "suit aucune",
        "en": "{server} answered {path} with a redirect to {target}: tchat follows none",
    },
    "net.foreign_host": {
        "fr": "{server} n'est pas le serveur de ces requêtes : tchat ne lui envoie rien",
        "en": "{server} is not the server these requests belong to: tchat sends it nothing",
    },
    "net.not_json": {"fr": "une page qui n'est pas du JSON ({kind})",
                     "en": "a page that is not JSON ({kind})"},
}
