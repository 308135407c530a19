"""What a new plan says, in French and in English: posts, questions, checklist, header.

The texts follow the guide "Organiser un Twitter tchat" step by step. Both languages sit
side by side in one table per kind of text so that a change in one shows the missing
change in the other.

Posts are filled in and counted against the platform's limit. A 40-character title,
three 16-character handles, a long date and the tag (added when missing) can bring
150 characters, so the words of each full template stay under about 140 and fit X's
280. Legacy X (140) gets the `short` templates, without title. The worst case of both
is filled in and counted in `tests/core/test_newplan.py`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.text.placeholders import KNOWN_PLACEHOLDERS

if TYPE_CHECKING:
    from tui.core.plan.model import Language, Phase, PostKind

LANGUAGES: tuple[Language, ...] = ("fr", "en")


@dataclass(frozen=True, slots=True)
class PostText:
    kind: PostKind
    at: str
    """An offset as a moderator writes it: "-14d", "-1h", "55"."""
    text: dict[Language, str]
    short: dict[Language, str]
    """For platforms with a small limit (legacy X, 140): no title, fewer words."""
    notes: dict[Language, str]


@dataclass(frozen=True, slots=True)
class ChecklistText:
    phase: Phase
    due: str | None
    text: dict[Language, str]
    done_with: tuple[PostKind, ...] = ()
    """The posts that accomplish it: the item ticks itself once they are posted."""


def heads_up_template(language: Language) -> str:
    """The text of the heads-up tchat derives before each question.

    "min" rather than "minutes" in English: the lead is configurable and may be 1.
    """
    return _HEADS_UP[language]


_HEADS_UP: dict[Language, str] = {
    "fr": "{q} arrive dans {minutes} min ! Répondez avec {a} et {tag}",
    "en": "{q} is coming in {minutes} min! Answer with {a} and {tag}",
}

DEFAULT_TITLE: dict[Language, str] = {"fr": "Mon tchat", "en": "My chat"}
DEFAULT_TAG: dict[Language, str] = {"fr": "#MonTchat", "en": "#MyChat"}

# Two guest slots: the guide advises two or three experts. No handle, so that a plan
# posted before it is edited names "Invité 1" rather than some real account.
GUEST_NAMES: dict[Language, tuple[str, ...]] = {
    "fr": ("Invité 1", "Invité 2"),
    "en": ("Guest 1", "Guest 2"),
}
GUEST_ROLE: dict[Language, str] = {
    "fr": "Expert du sujet : remplacez par son nom et son @compte",
    "en": "Expert on the topic: replace with their name and @handle",
}

# The start of every question still to be written, so a check or the run-sheet can
# spot one left as generated.
UNWRITTEN: dict[Language, str] = {"fr": "À écrire :", "en": "To write:"}

FIRST_QUESTION: dict[Language, str] = {
    "fr": "Pour commencer, présentez-vous : qui êtes-vous et qu'est-ce qui vous amène ?",
    "en": "To begin, introduce yourself: who are you, and what brings you here?",
}
LAST_QUESTION: dict[Language, str] = {
    "fr": "Pour finir : quelle idée ou quelle action retenez-vous de ce tchat ?",
    "en": "To close: what one idea or action will you take away from this chat?",
}

# What the questions between the first and the last could cover, in the order a
# conversation usually goes: the situation, why, who pays, what works, what next.
QUESTION_HINTS: dict[Language, tuple[str, ...]] = {
    "fr": (
        "l'état des lieux (où en est-on aujourd'hui ?)",
        "les causes (qu'est-ce qui explique la situation ?)",
        "les conséquences (qui est touché, et comment ?)",
        "ce qui marche déjà (un exemple, une réussite ?)",
        "les obstacles (qu'est-ce qui freine le changement ?)",
        "les ressources (où trouver de l'aide, des informations ?)",
        "le rôle de chacun (familles, écoles, élus, médias ?)",
        "l'avenir (à quoi ressemblerait la réussite dans cinq ans ?)",
    ),
    "en": (
        "where things stand (what is happening today?)",
        "the causes (what explains the situation?)",
        "the impact (who is affected, and how?)",
        "what already works (an example, a success story?)",
        "the obstacles (what holds change back?)",
        "resources (where can people find help and information?)",
        "everyone's part (families, schools, officials, media?)",
        "the future (what would success look like in five years?)",
    ),
}
QUESTION_NOTES: dict[Language, str] = {
    "fr": "Remplacez ce texte par votre question : courte, ouverte, une seule idée.",
    "en": "Replace this text with your question: short, open, one idea.",
}

# The promotion ladder of the guide (two weeks, a week, the day before, the hour
# before), then the chat itself. The last two name the start with {zones}, in every
# audience zone: an hour before, "18 h 00" alone leaves Dakar to do the sum. (Their
# short forms keep {time}: a zone list does not fit in 140 characters.) The warning
# about heavy posting goes out at -65 so that it never shares a minute with the
# one-hour reminder.
POSTS: tuple[PostText, ...] = (
    PostText(
        "promo", "-14d",
        text={
            "fr": "À noter : le {start}, tchat {tag} « {title} » avec {guests}. "
                  "Venez avec vos questions !",
            "en": "Save the date: on {start}, join the {tag} chat, “{title}”, with "
                  "{guests}. Bring your questions!",
        },
        short={
            "fr": "À noter : tchat {tag} le {start}. Venez avec vos questions !",
            "en": "Save the date: the {tag} chat, on {start}. Bring your questions!",
        },
        notes={
            "fr": "Annonce à deux semaines : publiez aussi l'événement Facebook.",
            "en": "Two weeks ahead: publish the Facebook event too.",
        },
    ),
    PostText(
        "promo", "-7d",
        text={
            "fr": "Dans une semaine, le {start} : « {title} », avec nos invités {guests}. "
                  "Suivez {tag} pour ne rien manquer !",
            "en": "One week to go! On {start}: “{title}”, with our guests {guests}. "
                  "Follow {tag} so you don't miss it.",
        },
        short={
            "fr": "Dans une semaine, le {start} : tchat {tag}. Suivez-le !",
            "en": "One week to go! The {tag} chat is on {start}.",
        },
        notes={
            "fr": "Les invités ont-ils reçu les questions ?",
            "en": "Have the guests received the questions?",
        },
    ),
    PostText(
        "promo", "-1d",
        text={
            "fr": "C'est demain ! Rendez-vous le {start} pour le tchat {tag} "
                  "« {title} », avec {guests}. Partagez !",
            "en": "It's tomorrow! Meet us on {start} for the {tag} chat, “{title}”, "
                  "with {guests}. Please share!",
        },
        short={
            "fr": "C'est demain ! Tchat {tag} le {start}. Partagez !",
            "en": "It's tomorrow! The {tag} chat, on {start}. Please share!",
        },
        notes={"fr": "", "en": ""},
    ),
    PostText(
        "promo", "-65",
        text={
            "fr": "Avis à mes abonnés : le {zones}, j'anime le tchat {tag} et ce compte "
                  "va beaucoup publier pendant une heure. Masquez {tag}… ou rejoignez-nous !",
            "en": "A note to my followers: on {zones}, I'm hosting the {tag} chat, so this "
                  "account will post a lot for an hour. Mute {tag}… or join us!",
        },
        short={
            "fr": "Dans une heure, j'anime le tchat {tag} : ce compte va beaucoup publier. "
                  "Rejoignez-nous !",
            "en": "In an hour I'm hosting the {tag} chat, so this account will post a lot. "
                  "Join us!",
        },
        notes={
            "fr": "Prévenir du trafic élevé sur votre compte pendant le tchat.",
            "en": "Warn your followers about the heavy posting during the chat.",
        },
    ),
    PostText(
        "promo", "-1h",
        text={
            "fr": "Plus qu'une heure ! Le tchat {tag} commence le {zones}, avec {guests}. "
                  "Installez-vous !",
            "en": "One hour to go! The {tag} chat starts on {zones}, with {guests}. "
                  "Grab a seat!",
        },
        short={
            "fr": "Plus qu'une heure ! Le tchat {tag} commence à {time}. Installez-vous !",
            "en": "One hour to go! The {tag} chat starts at {time}. Grab a seat!",
        },
        notes={"fr": "", "en": ""},
    ),
    PostText(
        "welcome", "0",
        text={
            "fr": "Bonjour et bienvenue dans le tchat {tag} ! Sujet du jour : {topic}. "
                  "Dites-nous d'où vous nous suivez : la première question arrive bientôt.",
            "en": "Hello and welcome to the {tag} chat! Today's topic: {topic}. "
                  "Tell us where you're joining from: the first question is coming soon.",
        },
        short={
            "fr": "Bienvenue dans le tchat {tag} ! Dites-nous d'où vous nous suivez.",
            "en": "Welcome to the {tag} chat! Tell us where you're joining from.",
        },
        notes={
            "fr": "Souhaitez la bienvenue à ceux qui se présentent.",
            "en": "Welcome the people who say hello.",
        },
    ),
    PostText(
        "rules", "2",
        text={
            "fr": "Les règles de « {title} » : {count} questions pour nos invités "
                  "{guests} et pour vous. Répondez à Q1 avec {answer}1, à Q2 avec "
                  "{answer}2… toujours avec {tag} !",
            "en": "How “{title}” works: {count} questions for our guests {guests}, "
                  "and for you. Answer Q1 with {answer}1, Q2 with {answer}2… and always "
                  "use {tag}!",
        },
        short={
            "fr": "Les règles, pour nos invités {guests} comme pour vous : répondez à Q1 "
                  "avec {answer}1, à Q2 avec {answer}2… toujours avec {tag} !",
            "en": "The rules, for our guests {guests} and for you: answer Q1 with "
                  "{answer}1, Q2 with {answer}2… always with {tag}!",
        },
        notes={
            "fr": "Le rappel des règles : le hashtag, les invités, le sujet.",
            "en": "Recall the rules: the tag, the guests, the topic.",
        },
    ),
    PostText(
        "closing", "55",
        text={
            "fr": "C'était la dernière question de « {title} ». Vos réponses restent les "
                  "bienvenues avec {tag} : nous les lirons toutes. Un résumé suivra.",
            "en": "That was the last question of “{title}”. Keep replying with {tag}: "
                  "we'll read every answer. A recap will follow.",
        },
        short={
            "fr": "C'était la dernière question ! Continuez à répondre avec {tag}. "
                  "Un résumé suivra.",
            "en": "That was the last question! Keep replying with {tag}. "
                  "A recap will follow.",
        },
        notes={"fr": "", "en": ""},
    ),
    PostText(
        "thanks", "58",
        text={
            "fr": "Merci à nos invités {guests} et à vous toutes et tous d'avoir fait vivre "
                  "{tag} ! Rendez-vous bientôt pour le prochain tchat.",
            "en": "Thank you to our guests {guests} and to everyone who joined {tag}! "
                  "See you at the next chat.",
        },
        short={
            "fr": "Merci à nos invités {guests} et à vous toutes et tous pour ce tchat {tag} !",
            "en": "Thank you {guests} and everyone who joined {tag}!",
        },
        notes={
            "fr": "Puis remerciez les invités par e-mail.",
            "en": "Then thank the guests by email.",
        },
    ),
    # The guide's last step: share the recap. Its address is only known once it is
    # online, so {recap_url} stays visible (and `tchat check` says so) until
    # [chat] recap_url is set.
    PostText(
        "custom", "2d",
        text={
            "fr": "Vous avez manqué le tchat {tag} « {title} » ? Le bilan, avec les temps "
                  "forts, est en ligne : {recap_url}",
            "en": "Missed the {tag} chat, “{title}”? The recap, with the highlights, is "
                  "online: {recap_url}",
        },
        short={
            "fr": "Le bilan du tchat {tag} est en ligne : {recap_url}",
            "en": "The recap of the {tag} chat is online: {recap_url}",
        },
        notes={
            "fr": "Une fois le bilan publié (tchat export --to recap-html) : "
                  "renseignez recap_url dans [chat].",
            "en": "Once the recap is published (tchat export --to recap-html): set "
                  "recap_url in [chat].",
        },
    ),
)


# The guide's checklist, every item of it, with a due offset where one makes sense.
# Items that last the whole hour (answer the public, repost) have no due time.
CHECKLIST: tuple[ChecklistText, ...] = (
    ChecklistText("before", "-28d", {
        "fr": "Choisir le jour, l'heure (une heure en général) et le sujet du tchat",
        "en": "Choose the day, the hour (usually one hour long) and the topic",
    }),
    ChecklistText("before", "-28d", {
        "fr": "Choisir le hashtag : court, clair, facile à retenir (il prend de la place "
              "dans chaque message), et vérifier qu'il n'est pas déjà utilisé",
        "en": "Choose the tag: short, clear and memorable (it eats into every post), "
              "and check that it is not already in use",
    }),
    ChecklistText("before", "-21d", {
        "fr": "Inviter 2 ou 3 experts du sujet",
        "en": "Invite 2 or 3 guest experts on the topic",
    }),
    ChecklistText("before", "-21d", {
        "fr": "Préparer 6 à 10 questions : courtes, ouvertes, une idée par question",
        "en": "Prepare 6 to 10 questions: short, open, one idea each",
    }),
    ChecklistText("before", "-14d", {
        "fr": "Créer un événement Facebook pour annoncer le tchat",
        "en": "Create a Facebook event to announce the chat",
    }),
    ChecklistText("before", "-14d", {
        "fr": "Promouvoir le tchat : messages deux semaines, une semaine, la veille et "
              "une heure avant",
        "en": "Promote the chat: posts two weeks, one week, a day and an hour before",
    }),
    ChecklistText("before", "-7d", {
        "fr": "Envoyer les questions aux invités à l'avance pour qu'ils préparent leurs "
              "réponses",
        "en": "Send the questions to the guests in advance so they can prepare",
    }),
    ChecklistText("before", "-2d", {
        "fr": "Confirmer la venue des invités et leur @compte",
        "en": "Confirm that each guest is coming, and their @handle",
    }),
    ChecklistText("before", "-1d", {
        "fr": "Relire le plan et chaque message, puis le vérifier avec tchat check",
        "en": "Proofread the plan and every post, then run tchat check on it",
    }),
    ChecklistText("before", "-65", {
        "fr": "Prévenir vos abonnés que votre compte va beaucoup publier pendant une heure",
        "en": "Warn your followers that your account will post a lot for an hour",
    }),
    ChecklistText("before", "-15", {
        "fr": "Ouvrir la recherche du hashtag (onglet « Récent ») pour voir toutes les "
              "réponses",
        "en": "Open a search on the tag (“Latest” tab) to see every reply",
    }),
    ChecklistText("during", "0", {
        "fr": "Souhaiter la bienvenue aux participants et rappeler les règles : le "
              "hashtag, les invités, le sujet",
        "en": "Welcome the participants and recall the rules: the tag, the guests, "
              "the topic",
    }, done_with=("welcome", "rules")),
    ChecklistText("during", None, {
        "fr": "Repartager (retweeter) les bonnes questions et les bons commentaires",
        "en": "Repost (retweet) good questions and comments",
    }),
    ChecklistText("during", None, {
        "fr": "Répondre au public, toujours avec le hashtag",
        "en": "Answer the public, always with the tag",
    }),
    ChecklistText("during", None, {
        "fr": "Pas d'autopromotion excessive : c'est une conversation, pas une publicité",
        "en": "No excessive self-promotion: it is a conversation, not an advert",
    }),
    ChecklistText("after", "58", {
        "fr": "Remercier les participants par un message public",
        "en": "Thank the participants in a public post",
    }),
    ChecklistText("after", "1d", {
        "fr": "Remercier les invités par e-mail, et de vive voix à la prochaine occasion",
        "en": "Thank the guests by email, and in person when you next meet",
    }),
    ChecklistText("after", "2d", {
        "fr": "Partager un résumé des temps forts (Storify, que citait le guide, a fermé "
              "en 2018 : partez du récapitulatif que garde tchat)",
        "en": "Share a recap of the highlights (Storify, which the guide named, closed in "
              "2018: start from the recap tchat keeps)",
    }),
)


def file_header(language: Language) -> str:
    """The comment block at the top of a new plan: how to read and edit the file."""
    names = textwrap.fill(" ".join(f"{{{name}}}" for name in KNOWN_PLACEHOLDERS), width=84)
    lines = _HEADER[language].format(placeholders=names).splitlines()
    return "".join(f"# {line}".rstrip() + "\n" for line in lines) + "\n"


_HEADER: dict[Language, str] = {
    "fr": """\
Plan de tchat pour tchat : un fichier TOML, à modifier à la main.

[chat]         titre, hashtag (tag), début (start, heure locale du fuseau timezone),
               durée en minutes, plateforme (x, x-legacy, bluesky, mastodon, threads),
               ou plusieurs dans l'ordre : platforms = ["x", "bluesky"].
[[guests]]     les invités : nom, @compte (handle), statut (invited, confirmed, declined).
               Un compte par réseau : handle = {{ x = "@Nom", bluesky = "nom.bsky.social" }}.
[[questions]]  les questions, dans l'ordre. Sans « at », tchat les répartit dans l'heure ;
               avec at = 12, la question part à la 12e minute.
[[posts]]      les messages préparés. « at » se compte depuis le début du tchat : en
               minutes (0, 55, -65) ou avec une unité ("-14d" jours, "-1h" heure, "1h30m").
[[checklist]]  les tâches avant, pendant et après (before, during, after) ; « due » se
               compte de la même façon.

Dans les textes, ces champs sont remplacés au moment de publier :
{placeholders}
Le hashtag est ajouté à la fin des messages qui ne le contiennent pas.
Vérifiez le fichier avec : tchat check FICHIER""",
    "en": """\
A chat plan for tchat: a TOML file, meant to be edited by hand.

[chat]         title, tag, start (local time in the timezone given), duration in
               minutes, platform (x, x-legacy, bluesky, mastodon, threads), or several
               in order: platforms = ["x", "bluesky"].
[[guests]]     the guests: name, @handle, status (invited, confirmed, declined).
               A handle per network: handle = {{ x = "@Name", bluesky = "name.bsky.social" }}.
[[questions]]  the questions, in order. Without "at", tchat spreads them over the hour;
               with at = 12, the question goes out at minute 12.
[[posts]]      prepared posts. "at" counts from the start of the chat: in minutes
               (0, 55, -65) or with a unit ("-14d" days, "-1h" hour, "1h30m").
[[checklist]]  tasks before, during and after the chat; "due" counts the same way.

In texts, these fields are filled in when you post:
{placeholders}
The tag is added at the end of any post that lacks it.
Check the file with: tchat check FILE""",
}
