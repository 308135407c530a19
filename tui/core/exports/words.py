"""Every word the exports write, in French and in English (the plan's language decides).

Both languages sit side by side so a change in one shows the missing change in the
other; a test checks that both have every key and the same `{fields}`. Cue kinds use the
run-sheet's own names, so the paper backup and the screen say the same thing.
"""

from __future__ import annotations

from tui.core.model import Language
from tui.core.wording import KIND_NAMES

WORDS: dict[str, dict[Language, str]] = {
    # shared
    "chat_line": {
        "fr": "Tchat {tag} sur {platform} · {duration} minutes · {count} questions",
        "en": "The {tag} chat on {platform} · {duration} minutes · {count} questions",
    },
    "topic": {"fr": "Sujet : {topic}", "en": "Topic: {topic}"},
    "when": {"fr": "Quand", "en": "When"},
    "when_line": {"fr": "{places} : {text}", "en": "{places}: {text}"},
    "guests": {"fr": "Les invités", "en": "The guests"},
    "guest_line": {"fr": "{name} : {role}", "en": "{name}: {role}"},
    "to_confirm": {"fr": "(à confirmer)", "en": "(to be confirmed)"},
    "hosted_by": {"fr": "Animé par {host}.", "en": "Hosted by {host}."},
    "rule_tag": {
        "fr": "Mettez {tag} dans chacun de vos messages : c'est ainsi que tout le monde les voit.",
        "en": "Put {tag} in every post: that is how everyone gets to see it.",
    },
    "rule_answer": {
        "fr": "Les questions arrivent numérotées Q1, Q2… Répondez à Q1 en commençant par "
              "{answer}1, à Q2 par {answer}2…",
        "en": "The questions come numbered Q1, Q2… Answer Q1 by starting with {answer}1, "
              "Q2 with {answer}2…",
    },
    "rule_example": {
        "fr": "Par exemple : « {example} »",
        "en": "For example: “{example}”",
    },
    "example_answer": {
        "fr": "{answer}1 Bonjour, nous sommes… {tag}",
        "en": "{answer}1 Hello, we are… {tag}",
    },
    "rule_thread": {
        "fr": "Une réponse en plusieurs messages ? Gardez le même numéro : {answer}3 (1/2), "
              "{answer}3 (2/2).",
        "en": "An answer in several posts? Keep the same number: {answer}3 (1/2), "
              "{answer}3 (2/2).",
    },
    "follow_url": {
        "fr": "Pour suivre le tchat en direct : ",
        "en": "To follow the chat live: ",
    },
    "follow_search": {
        "fr": "Pour suivre le tchat en direct : cherchez {tag} sur {platform}, onglet des "
              "messages récents.",
        "en": "To follow the chat live: search for {tag} on {platform}, latest posts first.",
    },
    "label_prefix": {"fr": "{label} : ", "en": "{label}: "},
    "not_posted": {"fr": "non publiée", "en": "not posted"},
    "skipped": {"fr": "non publiée (sautée)", "en": "not posted (skipped)"},
    **KIND_NAMES,
    "kind_question": {"fr": "Question", "en": "Question"},
    "count_line": {
        "fr": "{length}/{limit} sur {platform}",
        "en": "{length}/{limit} on {platform}",
    },
    "over_by": {"fr": "{n} de trop", "en": "{n} over"},
    "no_email": {
        "fr": "E-mail (pas d'adresse dans le plan)",
        "en": "Email (no address in the plan)",
    },
    "email_to": {"fr": "E-mail à ", "en": "Email to "},
    "subject": {"fr": "Objet : {subject}", "en": "Subject: {subject}"},
    "team": {"fr": "L'équipe du tchat {tag}", "en": "The {tag} chat team"},
    # guest brief
    "brief_title": {"fr": "Brief invités · {title}", "en": "Guest brief · {title}"},
    "brief_rules": {"fr": "Le hashtag et les règles", "en": "The tag and the rules"},
    "brief_questions": {"fr": "Les questions", "en": "The questions"},
    "brief_questions_intro": {
        "fr": "Vous les recevez à l'avance pour préparer vos réponses. Chacune est publiée à "
              "la minute indiquée depuis le début du tchat, soit à ces heures :",
        "en": "You get them in advance to prepare your answers. Each goes out at the given "
              "minute from the start of the chat, that is at these times:",
    },
    "brief_contact": {"fr": "Contact", "en": "Contact"},
    "brief_contact_line": {
        "fr": "Une question avant ou pendant le tchat ? Écrivez à {host}.",
        "en": "A question before or during the chat? Write to {host}.",
    },
    "brief_contact_none": {
        "fr": "Une question avant ou pendant le tchat ? Répondez au message qui vous a "
              "transmis ce brief.",
        "en": "A question before or during the chat? Reply to the message that brought you "
              "this brief.",
    },
    "brief_invitations": {
        "fr": "Pour l'animateur : messages aux invités",
        "en": "For the host: messages to the guests",
    },
    "dm_label": {"fr": "Message privé ou mention · ", "en": "Direct message or mention · "},
    "greeting_handle": {"fr": "{handle} Bonjour !", "en": "{handle} Hello!"},
    "greeting_name": {"fr": "Bonjour {name} !", "en": "Hello {name}!"},
    "dm_invited": {
        "fr": "{greeting} Le {start}, nous animons le tchat {tag} « {title} » : {duration} min, "
              "{count} questions. Accepteriez-vous d'être l'un de nos invités ? Les questions "
              "vous seraient envoyées à l'avance.",
        "en": "{greeting} On {start}, we're hosting the {tag} chat “{title}”: {duration} min, "
              "{count} questions. Would you join us as a guest? We'd send you the questions "
              "ahead.",
    },
    "dm_invited_short": {
        "fr": "{greeting} Seriez-vous l'invité du tchat {tag} le {start} ? Questions "
              "envoyées à l'avance.",
        "en": "{greeting} Would you be a guest of the {tag} chat on {start}? Questions sent "
              "ahead.",
    },
    "dm_confirmed": {
        "fr": "{greeting} Merci d'avoir accepté d'être notre invité pour le tchat {tag} "
              "« {title} », le {start} ! Le brief et les questions suivent par e-mail.",
        "en": "{greeting} Thank you for joining the {tag} chat “{title}” as a guest on "
              "{start}! The brief and the questions are on their way by email.",
    },
    "dm_confirmed_short": {
        "fr": "{greeting} Merci d'être l'invité du tchat {tag} le {start} ! Le brief suit "
              "par e-mail.",
        "en": "{greeting} Thank you for being a guest of the {tag} chat on {start}! Brief to "
              "follow by email.",
    },
    "subject_invited": {
        "fr": "Invitation au tchat {tag} « {title} », {date}",
        "en": "Invitation: the {tag} chat “{title}”, {date}",
    },
    "subject_confirmed": {
        "fr": "Tchat {tag} du {date} : votre brief d'invité",
        "en": "The {tag} chat on {date}: your guest brief",
    },
    "email_hello": {"fr": "Bonjour,", "en": "Hello,"},
    "email_invited": {
        "fr": "Nous animons le tchat {tag} « {title} » sur {platform}, le {date} de {start} "
              "à {end} ({place}), et serions heureux de compter {name} parmi nos invités.",
        "en": "We are hosting the {tag} chat “{title}” on {platform}, on {date} from {start} "
              "to {end} ({place}), and would be glad to have {name} among our guests.",
    },
    "email_confirmed": {
        "fr": "Merci d'avoir accepté d'être parmi les invités du tchat {tag} « {title} » sur "
              "{platform}, le {date} de {start} à {end} ({place}).",
        "en": "Thank you for agreeing to be a guest of the {tag} chat “{title}” on "
              "{platform}, on {date} from {start} to {end} ({place}).",
    },
    "email_times": {"fr": "L'heure chez vous :", "en": "The time where you are:"},
    "email_rules": {
        "fr": "Le déroulé : nous publierons {count} questions, numérotées Q1, Q2… Répondez à "
              "Q1 en commençant votre message par {answer}1, à Q2 par {answer}2…, et "
              "ajoutez {tag} à chacun de vos messages.",
        "en": "How it works: we will post {count} questions, numbered Q1, Q2… Answer Q1 by "
              "starting your post with {answer}1, Q2 with {answer}2…, and add {tag} to "
              "every post.",
    },
    "email_questions": {
        "fr": "Les questions, à l'heure de {place} :",
        "en": "The questions, in {place} time:",
    },
    "email_ask_invited": {
        "fr": "Pouvez-vous nous dire si vous êtes disponible, et nous confirmer le compte "
              "à mentionner ?",
        "en": "Could you let us know whether you are available, and confirm the account "
              "to mention?",
    },
    "email_ask_confirmed": {
        "fr": "Une question d'ici là ? Il suffit de répondre à ce message.",
        "en": "Any question before then? Just reply to this email.",
    },
    "email_bye": {"fr": "Bien cordialement,", "en": "Best regards,"},
    # calendar
    "ics_summary": {"fr": "Tchat {tag} : {title}", "en": "{tag} chat: {title}"},
    "ics_alarm": {
        "fr": "Le tchat {tag} commence dans une heure",
        "en": "The {tag} chat starts in an hour",
    },
    "online_on": {"fr": "En ligne, sur {platform}", "en": "Online, on {platform}"},
    # Facebook event
    "fb_name": {"fr": "Nom de l'événement", "en": "Event name"},
    "fb_when": {"fr": "Date et heure", "en": "Date and time"},
    "fb_where": {"fr": "Lieu", "en": "Location"},
    "fb_details": {
        "fr": "Détails (à coller dans la description)",
        "en": "Details (paste into the description)",
    },
    "fb_intro": {
        "fr": "Un tchat d'une heure sur {platform} autour du hashtag {tag} : {topic}. Nos "
              "invités répondent à nos questions… et aux vôtres !",
        "en": "A one-hour chat on {platform} around the {tag} tag: {topic}. Our guests "
              "answer our questions… and yours!",
    },
    "fb_intro_minutes": {
        "fr": "Un tchat de {duration} minutes sur {platform} autour du hashtag {tag} : "
              "{topic}. Nos invités répondent à nos questions… et aux vôtres !",
        "en": "A {duration}-minute chat on {platform} around the {tag} tag: {topic}. Our "
              "guests answer our questions… and yours!",
    },
    "fb_how": {"fr": "Comment participer", "en": "How to take part"},
    "fb_follow": {
        "fr": "Suivez le hashtag {tag} sur {platform}.",
        "en": "Follow the {tag} tag on {platform}.",
    },
    "fb_follow_url": {
        "fr": "Suivez le hashtag {tag} sur {platform} : ",
        "en": "Follow the {tag} tag on {platform}: ",
    },
    "fb_ask": {
        "fr": "Posez vos propres questions à nos invités, toujours avec {tag}.",
        "en": "Ask our guests your own questions, always with {tag}.",
    },
    "fb_guests": {"fr": "Nos invités", "en": "Our guests"},
    # recap
    "recap_title": {"fr": "Récapitulatif · {title}", "en": "Recap · {title}"},
    "recap_when": {
        "fr": "Le {date}, de {start} à {end} ({place}), sur {platform} avec {tag}.",
        "en": "On {date}, from {start} to {end} ({place}), on {platform} with {tag}.",
    },
    "recap_questions": {"fr": "Les questions", "en": "The questions"},
    "posted_at": {
        "fr": "publiée à {time} (prévue à {planned}, {delta})",
        "en": "posted at {time} (planned {planned}, {delta})",
    },
    "on_the_minute": {"fr": "à l'heure", "en": "on time"},
    "delta": {"fr": "{sign}{minutes} min", "en": "{sign}{minutes} min"},
    "highlights_other": {"fr": "Autres temps forts", "en": "Other highlights"},
    "recap_thanks": {"fr": "Le mot de la fin", "en": "The last word"},
    "recap_figures": {"fr": "En chiffres", "en": "In figures"},
    "fig_asked": {
        "fr": "Questions posées : {asked} sur {total}",
        "en": "Questions asked: {asked} of {total}",
    },
    "fig_on_time": {
        "fr": "À l'heure (2 min près) : {on_time} sur {asked}",
        "en": "On time (within 2 min): {on_time} of {asked}",
    },
    "fig_overrun": {"fr": "Dépassement total : {overrun}", "en": "Total overrun: {overrun}"},
    "fig_overrun_detail": {
        "fr": "{minutes} min ({label} : {time} au lieu de {planned})",
        "en": "{minutes} min ({label}: {time} instead of {planned})",
    },
    "fig_no_overrun": {"fr": "aucun", "en": "none"},
    "fig_highlights": {"fr": "Temps forts notés : {n}", "en": "Highlights captured: {n}"},
    "no_log": {
        "fr": "Aucun journal du tchat ({name}) : aucune question n'apparaît comme publiée.",
        "en": "No as-run log ({name}): no question shows as posted.",
    },
    # thanks
    "thanks_title": {"fr": "Remerciements · {title}", "en": "Thank-yous · {title}"},
    "thanks_public": {"fr": "Message public", "en": "Public post"},
    "thanks_thread": {
        "fr": "Trop long pour un seul message : un fil de {n} messages, à publier dans "
              "l'ordre.",
        "en": "Too long for one post: a thread of {n} posts, to publish in order.",
    },
    "thanks_emails": {"fr": "E-mails aux invités", "en": "Emails to the guests"},
    "thanks_subject": {
        "fr": "Merci pour le tchat {tag} « {title} »",
        "en": "Thank you for the {tag} chat “{title}”",
    },
    "thanks_body": {
        "fr": "Un grand merci d'avoir été parmi les invités du tchat {tag} « {title} », le "
              "{date}. Vos réponses ont nourri toute la conversation.",
        "en": "Many thanks for being a guest of the {tag} chat “{title}” on {date}. Your "
              "answers carried the whole conversation.",
    },
    "thanks_recap": {
        "fr": "Nous préparons le récapitulatif des temps forts et vous l'enverrons dès "
              "qu'il sera publié. N'hésitez pas à le partager !",
        "en": "We are putting together a recap of the highlights and will send it as soon "
              "as it is published. Please share it!",
    },
    "thanks_default": {
        "fr": "Merci à nos invités {guests} et à vous toutes et tous d'avoir fait vivre "
              "{tag} !",
        "en": "Thank you to our guests {guests} and to everyone who joined {tag}!",
    },
    # run-sheet
    "runsheet_title": {"fr": "Conducteur · {title}", "en": "Run-sheet · {title}"},
    "runsheet_zones": {"fr": "Heures en : {zones}", "en": "Times in: {zones}"},
    "phase_before": {"fr": "Avant le tchat", "en": "Before the chat"},
    "phase_during": {"fr": "Pendant le tchat", "en": "During the chat"},
    "phase_after": {"fr": "Après le tchat", "en": "After the chat"},
    "note": {"fr": "Note : {note}", "en": "Note: {note}"},
    "added_by_tchat": {"fr": "ajouté par tchat", "en": "added by tchat"},
}


def say(key: str, language: Language, **values: object) -> str:
    """The wording `key` in `language`, fields filled with `values`.

    Only the template is parsed for `{fields}`: values (plan text) are inserted as they
    are, so a title holding braces cannot reach anything.
    """
    return WORDS[key][language].format(**values)
