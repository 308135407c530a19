"""A plan's problems (`check.*`): what `tchat check` says, and the run-sheet shows for a
plan that does not load, in the plan's language.

Each is said after `plan.toml:12: error: questions[3].text: `, a shape scripts read and
that stays as it is in both languages. Values quoted from the plan come quoted already
(`'#PasAvant18Ans'`), the same in both languages.
"""

from __future__ import annotations

from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

PREFIXES = ("check.",)
"""Every key of this surface starts with one of these (a test holds it)."""

WORDS: dict[str, dict[Language, str | Plural]] = {
    # the file itself
    "check.file_missing": {"fr": "n'existe pas", "en": "does not exist"},
    "check.file_folder": {"fr": "est un dossier, pas un fichier de plan",
                          "en": "is a folder, not a plan file"},
    "check.file_fifo": {"fr": "est un tube nommé (FIFO), pas un fichier de plan",
                        "en": "is a named pipe (FIFO), not a plan file"},
    "check.file_device": {"fr": "est un périphérique, pas un fichier de plan",
                          "en": "is a device, not a plan file"},
    "check.file_socket": {"fr": "est une socket, pas un fichier de plan",
                          "en": "is a socket, not a plan file"},
    "check.file_special": {"fr": "n'est pas un fichier de plan",
                           "en": "is not a plan file"},
    "check.file_denied": {"fr": "ne peut pas être lu (permission refusée)",
                          "en": "cannot be read (permission denied)"},
    "check.file_unreadable": {"fr": "ne peut pas être lu ({why})",
                              "en": "cannot be read ({why})"},
    "check.file_too_large": {
        "fr": "fait {size} Mo, trop gros pour être un plan (la limite est de {limit} Mo) ; "
              "un plan fait quelques Ko",
        "en": "is {size} MB, too large to be a plan (the limit is {limit} MB); plans are a "
              "few KB",
    },
    "check.file_empty": {
        "fr": "est vide : un plan a au moins une table [chat] (essayez `tchat new`)",
        "en": "is empty: a plan needs at least a [chat] table (try `tchat new`)",
    },
    "check.not_utf8": {
        "fr": "n'est pas du texte UTF-8 (octet {byte}) : est-ce bien un plan TOML ?",
        "en": "is not UTF-8 text (byte {byte}): is it really a TOML plan?",
    },
    "check.binary": {"fr": "contient des données binaires, pas du texte TOML",
                     "en": "holds binary data, not TOML text"},
    "check.not_toml": {"fr": "TOML invalide : {reason}", "en": "not valid TOML: {reason}"},
    "check.toml_nested": {
        "fr": "TOML invalide : trop imbriqué (des listes ou des tables les unes dans les "
              "autres)",
        "en": "not valid TOML: too deeply nested (arrays or tables inside each other)",
    },
    "check.impossible_date": {
        "fr": "{written} n'est pas une date et une heure qui existent (vérifiez le mois, le "
              "jour et l'heure)",
        "en": "{written} is not a real date and time (check the month, the day and the hour)",
    },
    "check.plan_nested": {"fr": "trop imbriqué pour être un plan",
                          "en": "too deeply nested to be a plan"},
    # a field of the plan, as the model reads it
    "check.unknown_field": {"fr": "champ inconnu {name}", "en": "unknown field {name}"},
    "check.unknown_field_close": {"fr": "champ inconnu {name} (vouliez-vous dire {close} ?)",
                                  "en": "unknown field {name} (did you mean {close}?)"},
    "check.unknown_field_known": {
        "fr": "champ inconnu {name} ; champs connus ici : {known}",
        "en": "unknown field {name}; known fields here: {known}",
    },
    "check.missing": {"fr": "est obligatoire", "en": "is required"},
    "check.string_type": {"fr": "devrait être du texte, entre guillemets",
                          "en": "should be text, in quotes"},
    "check.int_type": {"fr": "devrait être un nombre entier, sans guillemets",
                       "en": "should be a whole number, without quotes"},
    "check.bool_type": {"fr": "devrait être true ou false, sans guillemets",
                        "en": "should be true or false, without quotes"},
    "check.list_type": {"fr": "devrait être une liste", "en": "should be a list"},
    "check.table_type": {"fr": "devrait être une table", "en": "should be a table"},
    "check.datetime_type": {
        "fr": "devrait être une date et une heure TOML sans guillemets, comme "
              "2026-12-03T18:00:00+01:00, ou 2026-12-03 18:00:00 avec un timezone",
        "en": "should be a TOML date and time without quotes, such as "
              "2026-12-03T18:00:00+01:00 or 2026-12-03 18:00:00 with a timezone",
    },
    "check.empty_text": {"fr": "ne devrait pas être vide", "en": "should not be empty"},
    "check.one_of": {"fr": "devrait être {expected}", "en": "should be {expected}"},
    "check.one_of_several": {"fr": "devrait être l'une des valeurs {items} ou {last}",
                             "en": "should be one of {items} or {last}"},
    "check.at_least": {"fr": "devrait valoir au moins {limit}",
                       "en": "should be greater than or equal to {limit}"},
    "check.at_most": {"fr": "devrait valoir au plus {limit}",
                      "en": "should be less than or equal to {limit}"},
    "check.too_long_list": {
        "fr": {"one": "devrait compter au plus {n} élément",
               "other": "devrait compter au plus {n} éléments"},
        "en": {"one": "should have at most {n} item", "other": "should have at most {n} items"},
    },
    "check.id_pattern": {
        "fr": "devrait tenir en 1 à 40 lettres, chiffres ou _ @ # . : - (sans espace)",
        "en": "should be 1 to 40 letters, digits or _ @ # . : - (no space)",
    },
    "check.other": {"fr": "{message}", "en": "{message}"},
    # [chat]
    "check.both_platforms": {
        "fr": "platform et platforms sont tous deux là : gardez platforms (les réseaux dans "
              "l'ordre) et supprimez la ligne platform",
        "en": "platform and platforms are both set: keep platforms (the networks in order) "
              "and delete the platform line",
    },
    "check.start_without_zone": {
        "fr": "start n'a pas de fuseau horaire : écrivez un décalage "
              '(2026-12-03T18:00:00+01:00) ou ajoutez timezone = "Europe/Paris" à [chat]',
        "en": "start has no time zone: write an offset (2026-12-03T18:00:00+01:00) "
              'or add timezone = "Europe/Paris" to [chat]',
    },
    "check.next_without_zone": {
        "fr": "next n'a pas de fuseau horaire : écrivez un décalage, comme pour start, ou "
              "ajoutez timezone",
        "en": "next has no time zone: write an offset, as for start, or add timezone",
    },
    "check.start_range": {
        "fr": "start {date} est hors limites : un tchat commence entre {first} et {last}",
        "en": "start {date} is out of range: a chat starts between {first} and {last}",
    },
    "check.unknown_zone": {
        "fr": "{zone} n'est pas un fuseau horaire connu (écrivez un nom IANA comme "
              "Europe/Paris)",
        "en": "{zone} is not a known time zone (use an IANA name such as Europe/Paris)",
    },
    "check.recap_url": {
        "fr": "recap_url devrait être une adresse web, comme https://example.org/recap",
        "en": "recap_url should be one web address, such as https://example.org/recap",
    },
    "check.no_network": {
        "fr": 'devrait nommer au moins un réseau, comme ["x", "bluesky"]',
        "en": 'should name at least one network, such as ["x", "bluesky"]',
    },
    "check.network_twice": {"fr": "{network} est nommé deux fois : gardez-en un",
                            "en": "{network} is listed twice: keep one"},
    "check.both_x": {
        "fr": "{first} et {second} sont tous deux X : gardez-en un (x-legacy compte les 140 "
              "caractères de l'ancien X)",
        "en": "{first} and {second} are both X: keep one (x-legacy counts X's old 140 "
              "characters)",
    },
    "check.unknown_network_in": {
        "fr": "réseau inconnu {network} dans {what} (connus : {known})",
        "en": "unknown network {network} in {what} (known: {known})",
    },
    "check.per_network_type": {
        "fr": "devrait être du texte, entre guillemets, ou une table par réseau comme "
              '{{ x = "@moi", bluesky = "moi.bsky.social" }} ({what})',
        "en": "should be text, in quotes, or a table per network such as "
              '{{ x = "@me", bluesky = "me.bsky.social" }} ({what})',
    },
    "check.network_text": {"fr": "{network} : devrait être du texte, entre guillemets",
                           "en": "{network}: should be text, in quotes"},
    "check.variants_table": {
        "fr": 'devrait être une table par réseau, comme {{ x = "un texte plus court" }}',
        "en": 'should be a table per network, such as {{ x = "a shorter text" }}',
    },
    "check.variant_empty": {
        "fr": "{network} : ne devrait pas être vide (supprimez-le pour utiliser text)",
        "en": "{network}: should not be empty (delete it to use text)",
    },
    "check.limit_number": {"fr": "{where}devrait être un nombre entier, sans guillemets",
                           "en": "{where}should be a whole number, without quotes"},
    "check.limit_range": {"fr": "{where}devrait être entre 1 et {limit}",
                          "en": "{where}should be between 1 and {limit}"},
    "check.limit_one_number": {
        "fr": "char_limit est un seul nombre pour un plan sur plusieurs réseaux : dites de "
              "quel réseau c'est la limite, comme char_limit = {{ mastodon = 1000 }}",
        "en": "char_limit is one number for a plan on several networks: say whose limit it "
              "is, such as char_limit = {{ mastodon = 1000 }}",
    },
    "check.id_twice": {
        "fr": "l'id {id} sert deux fois : chaque question et chaque message a le sien "
              "(supprimez une des lignes id, et l'appli en écrit un nouveau)",
        "en": "id {id} is used twice: each question and post needs its own (delete one id "
              "line, and the app writes a new one)",
    },
    # times
    "check.not_duration": {"fr": "{text} n'est pas {what} : {hint}",
                           "en": "{text} is not {what}: {hint}"},
    "check.duration_too_large": {"fr": "{text} est trop grand pour {what} : {hint}",
                                 "en": "{text} is too large for {what}: {hint}"},
    "check.offset_name": {"fr": "un décalage", "en": "a time offset"},
    "check.offset_hint": {
        "fr": 'écrivez des minutes (12, -30) ou des unités comme "-14d", "-2h", "1h30m"',
        "en": 'use minutes (12, -30) or units like "-14d", "-2h", "1h30m"',
    },
    "check.offset_too_far": {
        "fr": "{value} est à plus d'un an du début : les décalages vont de -366d à 366d "
              '(des minutes, ou des unités comme "-14d")',
        "en": "{value} is more than a year from the start: offsets go from -366d to 366d "
              '(minutes, or units like "-14d")',
    },
    # [feed] and [accounts]
    "check.url_not_address": {"fr": "{url} n'est pas une adresse web",
                              "en": "{url} is not a web address"},
    "check.url_scheme": {
        "fr": "{url} n'est pas une adresse web : écrivez-la https://serveur.example",
        "en": "{url} is not a web address: write it as https://server.example",
    },
    "check.url_password": {
        "fr": "une adresse web ici ne contient pas de mot de passe : les identifiants "
              "viennent du trousseau",
        "en": "a web address here holds no password: credentials come from the keyring",
    },
    "check.url_https": {
        "fr": "{url} devrait être en https (http seulement pour 127.0.0.1 ou localhost)",
        "en": "{url} should use https (plain http only for 127.0.0.1 or localhost)",
    },
    "check.url_query": {
        "fr": "{url} devrait être l'adresse du serveur seule, sans ? ni #",
        "en": "{url} should be the server's address alone, without ? or #",
    },
    "check.feed_mastodon_type": {
        "fr": 'devrait être l\'adresse d\'un serveur entre guillemets ("https://serveur"), '
              "ou une liste d'adresses",
        "en": 'should be a server\'s address in quotes ("https://server"), or a list of them',
    },
    "check.feed_no_server": {"fr": "nommez au moins un serveur, ou retirez mastodon",
                             "en": "name at least one server, or leave mastodon out"},
    "check.feed_max_servers": {
        "fr": "au plus {limit} serveurs : chacun est lu à chaque relevé",
        "en": "at most {limit} servers: each one is read at every poll",
    },
    "check.feed_server_twice": {"fr": "{url} est nommé deux fois",
                                "en": "{url} is named twice"},
    "check.feed_not_account": {
        "fr": "{name} n'est pas un compte : écrivez-le comme dans un message, par exemple "
              "@nom, @nom@serveur.social ou @nom.bsky.social",
        "en": "{name} is not an account: write it as in a post, such as @name, "
              "@name@server.social or @name.bsky.social",
    },
    "check.file_name": {"fr": "devrait être un nom de fichier", "en": "should be a file name"},
    "check.replay": {"fr": "{replay} (à côté du plan) {reason}",
                     "en": "{replay} (beside the plan) {reason}"},
    "check.bluesky_account": {
        "fr": "{value} n'est pas un compte Bluesky : écrivez-le nom.bsky.social ou votre "
              "domaine (endcm.org), sans le mot de passe",
        "en": "{value} is not a Bluesky handle: write it as name.bsky.social or your domain "
              "(endcm.org), without the password",
    },
    "check.mastodon_account": {
        "fr": "{value} n'est pas un compte Mastodon : écrivez-le @nom@serveur.example",
        "en": "{value} is not a Mastodon account: write it as @name@server.example",
    },
    "check.no_account": {
        "fr": '[accounts] ne nomme aucun compte : ajoutez bluesky = "nom.bsky.social" ou '
              'mastodon = "@nom@serveur.example", ou retirez la table',
        "en": '[accounts] names no account: add bluesky = "name.bsky.social" or '
              'mastodon = "@name@server.example", or remove the table',
    },
    # what `tchat check` finds in a plan that loads
    "check.tag_hash": {"fr": "le tag {tag} devrait commencer par '#'",
                       "en": "tag {tag} should start with '#'"},
    "check.tag_only_hash": {"fr": "le tag n'est que '#' : écrivez le mot après",
                            "en": "tag is only '#': write the word after it"},
    "check.tag_chars": {
        "fr": "le tag {tag} contient {chars} : un hashtag s'arrête au premier caractère qui "
              "n'est ni une lettre, ni un chiffre, ni un tiret bas, et la plateforme n'en "
              "lierait qu'une partie",
        "en": "tag {tag} contains {chars}: a hashtag stops at the first character that is "
              "not a letter, digit or underscore, so the platform would link only part of it",
    },
    "check.space": {"fr": "une espace", "en": "space"},
    "check.space_and": {"fr": "une espace, {chars}", "en": "space, {chars}"},
    "check.tag_digits": {
        "fr": "le tag {tag} n'a que des chiffres : les plateformes ne lient pas un tel hashtag",
        "en": "tag {tag} is only digits: platforms do not link such a hashtag",
    },
    "check.tag_long": {
        "fr": "le tag {tag} fait {length} caractères : chaque message le paie, visez "
              "{limit} ou moins",
        "en": "tag {tag} is {length} characters long: every post pays for it, aim for "
              "{limit} or fewer",
    },
    "check.tag_lower": {
        "fr": "le tag {tag} est tout en minuscules : écrivez-le en CamelCase (une majuscule "
              "à chaque mot) pour que les lecteurs d'écran en lisent les mots",
        "en": "tag {tag} is all lower case: write it in CamelCase (each word capitalised) so "
              "screen readers read the words",
    },
    "check.tag_upper": {
        "fr": "le tag {tag} est tout en majuscules : écrivez-le en CamelCase (une majuscule "
              "à chaque mot) pour que les lecteurs d'écran en lisent les mots",
        "en": "tag {tag} is all upper case: write it in CamelCase (each word capitalised) so "
              "screen readers read the words",
    },
    "check.question_count": {
        "fr": {"one": "{n} question : le guide en conseille {low} à {high} pour un tchat "
                      "d'une heure",
               "other": "{n} questions : le guide en conseille {low} à {high} pour un tchat "
                        "d'une heure"},
        "en": {"one": "{n} question: the guide advises {low} to {high} for a one-hour chat",
               "other": "{n} questions: the guide advises {low} to {high} for a one-hour "
                        "chat"},
    },
    "check.no_guest": {
        "fr": "le plan n'a pas d'invité : le guide conseille d'en inviter 2 ou 3 (les "
              "messages sont écrits sans eux)",
        "en": "the plan has no guest: the guide suggests inviting 2 or 3 (the posts are "
              "worded without them)",
    },
    "check.slot": {
        "fr": "Q{number} est encore un emplacement de `tchat new` : écrivez la question",
        "en": "Q{number} is still a slot from `tchat new`: write the question",
    },
    "check.guest_no_handle": {
        "fr": "{name} (invité·e) n'a pas de compte : les messages donneront son nom sans "
              "mention, et aucune notification ne lui parviendra",
        "en": "guest {name} has no handle: posts will name them without mentioning them, so "
              "they will not be notified",
    },
    "check.variant_network": {
        "fr": "une variante pour {network}, où le plan ne tourne pas ({used}) : ajoutez "
              "{network} à platforms dans [chat], ou supprimez cette variante",
        "en": "a variant for {network}, which the plan does not run on ({used}): add "
              "{network} to [chat] platforms, or delete this variant",
    },
    "check.account_network": {
        "fr": "un compte sur {network}, où le plan ne tourne pas ({used}) : tchat n'y publie "
              "qu'une fois {network} dans platforms de [chat]",
        "en": "an account on {network}, which the plan does not run on ({used}): tchat "
              "posts there only once {network} is in [chat] platforms",
    },
    "check.limit_network": {
        "fr": "char_limit pour {network}, où le plan ne tourne pas ({used}) : cela ne change "
              "rien",
        "en": "char_limit for {network}, which the plan does not run on ({used}): it changes "
              "nothing",
    },
    "check.guest_missing_network": {
        "fr": "{name} (invité·e) n'a pas de compte sur {networks} : les messages y "
              "donneront son nom sans mention",
        "en": "guest {name} has no handle on {networks}: posts there name them without "
              "mentioning them",
    },
    "check.host_missing_network": {
        "fr": "l'hôte n'a pas de compte sur {networks} : {{host}} y est vide",
        "en": "the host has no handle on {networks}: {{host}} is empty there",
    },
    "check.on_network": {"fr": "sur {network} : {warning}", "en": "on {network}: {warning}"},
    "check.not_bluesky_handle": {
        "fr": "{handle} n'est pas un compte Bluesky : les comptes Bluesky sont des domaines, "
              "comme safescreens.bsky.social (écrit sans @), le message ne mentionnerait "
              "donc personne",
        "en": "{handle} is not a Bluesky handle: Bluesky handles are domains, such as "
              "safescreens.bsky.social (written without @), so the post would mention no one",
    },
    "check.mastodon_no_server": {
        "fr": "{handle} n'a pas de serveur : écrivez @{user}@son.serveur, sinon Mastodon "
              "mentionne qui porte ce nom sur le serveur d'où vous publiez",
        "en": "{handle} has no server part: write @{user}@their.server, or Mastodon mentions "
              "whoever has that name on the server you post from",
    },
    "check.not_mastodon_handle": {
        "fr": "{handle} n'est pas un compte Mastodon : écrivez-le @nom@serveur, comme "
              "@safescreens@mastodon.social",
        "en": "{handle} is not a Mastodon handle: write it as @user@server, such as "
              "@safescreens@mastodon.social",
    },
    "check.start_gap": {
        "fr": "start {start} n'existe pas à {zone} (on avance les horloges cette nuit-là) : "
              "choisissez une autre heure",
        "en": "start {start} does not exist in {zone} (the clocks jump forward that night): "
              "pick another time",
    },
    "check.start_twice": {
        "fr": "start {start} arrive deux fois à {zone} (on recule les horloges cette "
              "nuit-là) : tchat prend la première, {first} ({utc} UTC) ; pour la seconde, "
              "écrivez start = {second}",
        "en": "start {start} happens twice in {zone} (the clocks go back that night): tchat "
              "uses the first one, {first} ({utc} UTC); for the second one write "
              "start = {second}",
    },
    "check.question_outside": {
        "fr": "Q{number} est à la minute {minute}, hors du tchat (0 à {last})",
        "en": "Q{number} is at minute {minute}, outside the chat (0 to {last})",
    },
    "check.question_order": {
        "fr": "Q{number} est prévue avant Q{previous} (minute {minute} < {earlier}) : les "
              "questions sont numérotées dans l'ordre du fichier",
        "en": "Q{number} is planned before Q{previous} (minute {minute} < {earlier}): "
              "questions are numbered in file order",
    },
    "check.post_outside": {
        "fr": "le message de type {kind} est à la minute {minute}, hors du tchat (0 à {last})",
        "en": "the {kind} post is at minute {minute}, outside the chat (0 to {last})",
    },
    "check.promo_during": {
        "fr": "{count} annonces pendant le tchat : le guide met en garde contre "
              "l'autopromotion excessive (deux au plus)",
        "en": "{count} promotion posts during the chat: the guide warns against excessive "
              "self-promotion (two at most)",
    },
    "check.same_minute": {
        "fr": "{first} et {second} sont tous deux à la minute {minute} : un message à la "
              "fois, déplacez l'un des deux",
        "en": "{first} and {second} are both at minute {minute}: one post at a time, move "
              "one of them",
    },
    "check.optional_placeholder": {
        "fr": "{{{name}}} n'est pas encore renseigné : ajoutez {setting} = … à [chat] avant "
              "que ce message parte, sinon il s'affiche tel quel",
        "en": "{{{name}}} is not set yet: add {setting} = … to [chat] before this post goes "
              "out, or it shows as written",
    },
    "check.unknown_placeholder": {
        "fr": "variable inconnue {{{name}}} : les variables connues sont {known} "
              "(écrivez {{{{ et }}}} pour des accolades)",
        "en": "unknown placeholder {{{name}}}: known ones are {known} (write {{{{ and }}}} "
              "for literal braces)",
    },
    "check.control": {
        "fr": "contient un caractère de contrôle {code} au caractère {position} : affiché "
              "comme un symbole, retiré des copies ; supprimez-le",
        "en": "holds a control character {code} at character {position}: shown as a "
              "symbol, dropped from copies; remove it",
    },
    "check.bidi": {
        "fr": "contient un contrôle bidirectionnel (il réordonne le texte autour) {code} au "
              "caractère {position} : affiché comme un symbole, retiré des copies ; "
              "supprimez-le",
        "en": "holds a bidirectional control (it reorders the text around it) {code} at "
              "character {position}: shown as a symbol, dropped from copies; remove it",
    },
    "check.draft_on": {"fr": "{name} sur {network}", "en": "{name} on {network}"},
    "check.draft_over": {
        "fr": "{name} compte {length}/{limit} sur {network} : {over} de trop ; le message "
              "tient jusqu'à {shown}",
        "en": "{name} is {length}/{limit} on {network}: {over} too many; the post fits up "
              "to {shown}",
    },
    "check.draft_refused": {"fr": "{name} ne peut pas partir sur {network} : {reason}",
                            "en": "{name} cannot be posted on {network}: {reason}"},
    "check.empty_post": {"fr": "le message est vide", "en": "the post is empty"},
    "check.counts": {"fr": "il compte {length}/{limit}", "en": "it counts {length}/{limit}"},
    "check.draft_no_tag": {
        "fr": "{name} ne porte pas {tag} : le guide dit d'utiliser le tag dans chaque message",
        "en": "{name} does not carry {tag}: the guide says to use the tag in every post",
    },
    "check.draft_warning": {"fr": "{name} : {warning}.", "en": "{name}: {warning}."},
    "check.alt_without_image": {
        "fr": 'un texte alternatif sans image : ajoutez image = "carte.png" ou retirez alt',
        "en": 'alt text without an image: add image = "card.png" or remove alt',
    },
    "check.image_no_alt": {
        "fr": "l'image {name} n'a pas de texte alternatif : ajoutez alt = \"…\" (ce que "
              "montre l'image, pour qui ne peut pas la voir)",
        "en": "image {name} has no alt text: add alt = \"…\" (what the image shows, for "
              "people who cannot see it)",
    },
    "check.alt_too_long": {
        "fr": "le texte alternatif de {name} fait {length} caractères : Mastodon en prend "
              "{limit}",
        "en": "the alt text of {name} is {length} characters: Mastodon takes {limit}",
    },
    "check.image_missing": {
        "fr": "l'image {name} n'est pas là (elle est cherchée à côté du plan)",
        "en": "image {name} is not there (it is looked for beside the plan)",
    },
    "check.image_unreadable": {"fr": "l'image {name} ne peut pas être lue ({why})",
                               "en": "image {name} cannot be read ({why})"},
    "check.image_not_file": {"fr": "l'image {name} n'est pas un fichier",
                             "en": "image {name} is not a file"},
    "check.image_over_limit": {
        "fr": "l'image {name} fait plus de {limit} octets : aucun réseau n'en prend plus",
        "en": "image {name} is larger than {limit} bytes: no network takes more",
    },
    "check.image_network_limit": {
        "fr": "l'image {name} fait {size} octets : {network} en prend {limit} au plus",
        "en": "image {name} is {size} bytes: {network} takes {limit} at most",
    },
    "check.image_kind": {
        "fr": "l'image {name} n'est pas une image PNG, JPEG, WebP ou GIF",
        "en": "image {name} is not a PNG, JPEG, WebP or GIF image",
    },
    "check.image_network_kind": {
        "fr": "{network} ne prend pas les images {kind} ({name})",
        "en": "{network} does not take {kind} images ({name})",
    },
    # notes: how the feed will recognise the plan's people
    "check.note_handle": {
        "fr": "sur mastodon, {handle} est reconnu comme {user} dans les messages que "
              "{server} sert, et comme {account} sur les autres serveurs ; un {user} "
              "d'un autre serveur est quelqu'un d'autre",
        "en": "on mastodon, {handle} is recognised as {user} in the posts {server} serves "
              "and as {account} on other servers; a {user} of another server is someone "
              "else",
    },
    "check.note_handle_any": {
        "fr": "sur mastodon, {handle} est reconnu comme {user} sur n'importe quel serveur "
              "(écrivez @{user}@serveur pour ne reconnaître que ce compte)",
        "en": "on mastodon, {handle} is recognised as {user} on any server (write "
              "@{user}@server to recognise that account only)",
    },
}

