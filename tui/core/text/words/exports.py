"""The exports' words (`export.*`): guest brief, calendar, event, recap, thanks,
run-sheet."""

from __future__ import annotations

from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

PREFIXES = ("export.",)
"""Every key of this surface starts with one of these (a test holds it)."""

WORDS: dict[str, dict[Language, str | Plural]] = {
    # exports
    # shared
    "export.chat_line": {
        "fr": "Tchat {tag} sur {platform} · {duration} minutes · {count} questions",
        "en": "The {tag} chat on {platform} · {duration} minutes · {count} questions",
    },
    "export.topic": {"fr": "Sujet : {topic}", "en": "Topic: {topic}"},
    "export.when": {"fr": "Quand", "en": "When"},
    "export.when_line": {"fr": "{places} : {text}", "en": "{places}: {text}"},
    "export.guests": {"fr": "Les invités", "en": "The guests"},
    "export.guest_line": {"fr": "{name} : {role}", "en": "{name}: {role}"},
    "export.to_confirm": {"fr": "(à confirmer)", "en": "(to be confirmed)"},
    "export.hosted_by": {"fr": "Animé par {host}.", "en": "Hosted by {host}."},
    "export.rule_tag": {
        "fr": "Mettez {tag} dans chacun de vos messages : c'est ainsi que tout le monde les voit.",
        "en": "Put {tag} in every post: that is how everyone gets to see it.",
    },
    "export.rule_answer": {
        "fr": "Les questions arrivent numérotées Q1, Q2… Répondez à Q1 en commençant par "
              "{answer}1, à Q2 par {answer}2…",
        "en": "The questions come numbered Q1, Q2… Answer Q1 by starting with {answer}1, "
              "Q2 with {answer}2…",
    },
    "export.rule_example": {
        "fr": "Par exemple : « {example} »",
        "en": "For example: “{example}”",
    },
    "export.example_answer": {
        "fr": "{answer}1 Bonjour, nous sommes… {tag}",
        "en": "{answer}1 Hello, we are… {tag}",
    },
    "export.rule_thread": {
        "fr": "Une réponse en plusieurs messages ? Gardez le même numéro : {answer}3 (1/2), "
              "{answer}3 (2/2).",
        "en": "An answer in several posts? Keep the same number: {answer}3 (1/2), "
              "{answer}3 (2/2).",
    },
    "export.follow_url": {
        "fr": "Pour suivre le tchat en direct : ",
        "en": "To follow the chat live: ",
    },
    "export.follow_search": {
        "fr": "Pour suivre le tchat en direct : cherchez {tag} sur {platform}, onglet des "
              "messages récents.",
        "en": "To follow the chat live: search for {tag} on {platform}, latest posts first.",
    },
    "export.label_prefix": {"fr": "{label} : ", "en": "{label}: "},
    "export.not_posted": {"fr": "non publiée", "en": "not posted"},
    "export.skipped": {"fr": "non publiée (sautée)", "en": "not posted (skipped)"},
    "export.no_email": {
        "fr": "E-mail (pas d'adresse dans le plan)",
        "en": "Email (no address in the plan)",
    },
    "export.email_to": {"fr": "E-mail à ", "en": "Email to "},
    "export.subject": {"fr": "Objet : {subject}", "en": "Subject: {subject}"},
    "export.team": {"fr": "L'équipe du tchat {tag}", "en": "The {tag} chat team"},
    # guest brief
    "export.brief_title": {"fr": "Brief invités · {title}", "en": "Guest brief · {title}"},
    "export.brief_rules": {"fr": "Le hashtag et les règles", "en": "The tag and the rules"},
    "export.brief_questions": {"fr": "Les questions", "en": "The questions"},
    "export.brief_questions_intro": {
        "fr": "Vous les recevez à l'avance pour préparer vos réponses. Chacune est publiée à "
              "la minute indiquée depuis le début du tchat, soit à ces heures :",
        "en": "You get them in advance to prepare your answers. Each goes out at the given "
              "minute from the start of the chat, that is at these times:",
    },
    "export.brief_contact": {"fr": "Contact", "en": "Contact"},
    "export.brief_contact_line": {
        "fr": "Une question avant ou pendant le tchat ? Écrivez à {host}.",
        "en": "A question before or during the chat? Write to {host}.",
    },
    "export.brief_contact_none": {
        "fr": "Une question avant ou pendant le tchat ? Répondez au message qui vous a "
              "transmis ce brief.",
        "en": "A question before or during the chat? Reply to the message that brought you "
              "this brief.",
    },
    "export.brief_invitations": {
        "fr": "Pour l'animateur : messages aux invités",
        "en": "For the host: messages to the guests",
    },
    "export.dm_label": {"fr": "Message privé ou mention · ", "en": "Direct message or mention · "},
    "export.greeting_handle": {"fr": "{handle} Bonjour !", "en": "{handle} Hello!"},
    "export.greeting_name": {"fr": "Bonjour {name} !", "en": "Hello {name}!"},
    "export.dm_invited": {
        "fr": "{greeting} Le {start}, nous animons le tchat {tag} « {title} » : {duration} min, "
              "{count} questions. Accepteriez-vous d'y intervenir à nos côtés ? Les questions "
              "vous seraient envoyées à l'avance.",
        "en": "{greeting} On {start}, we're hosting the {tag} chat “{title}”: {duration} min, "
              "{count} questions. Would you join us as a guest? We'd send you the questions "
              "ahead.",
    },
    "export.dm_invited_short": {
        "fr": "{greeting} Interviendriez-vous au tchat {tag} le {start} ? Questions "
              "envoyées à l'avance.",
        "en": "{greeting} Would you be a guest of the {tag} chat on {start}? Questions sent "
              "ahead.",
    },
    "export.dm_confirmed": {
        "fr": "{greeting} Merci d'avoir accepté d'intervenir dans le tchat {tag} "
              "« {title} », le {start} ! Le brief et les questions suivent par e-mail.",
        "en": "{greeting} Thank you for joining the {tag} chat “{title}” as a guest on "
              "{start}! The brief and the questions are on their way by email.",
    },
    "export.dm_confirmed_short": {
        "fr": "{greeting} Merci de rejoindre le tchat {tag} le {start} ! Le brief suit "
              "par e-mail.",
        "en": "{greeting} Thank you for being a guest of the {tag} chat on {start}! Brief to "
              "follow by email.",
    },
    "export.subject_invited": {
        "fr": "Invitation au tchat {tag} « {title} », {date}",
        "en": "Invitation: the {tag} chat “{title}”, {date}",
    },
    "export.subject_confirmed": {
        "fr": "Tchat {tag} du {date} : votre brief",
        "en": "The {tag} chat on {date}: your guest brief",
    },
    "export.email_hello": {"fr": "Bonjour,", "en": "Hello,"},
    "export.email_invited": {
        "fr": "Nous animons le tchat {tag} « {title} » sur {platform}, le {date} de {start} "
              "à {end} ({place}), et aimerions beaucoup compter {name} parmi nos invité·es.",
        "en": "We are hosting the {tag} chat “{title}” on {platform}, on {date} from {start} "
              "to {end} ({place}), and would be glad to have {name} among our guests.",
    },
    "export.email_confirmed": {
        "fr": "Merci d'avoir accepté d'intervenir dans le tchat {tag} « {title} » sur "
              "{platform}, le {date} de {start} à {end} ({place}).",
        "en": "Thank you for agreeing to be a guest of the {tag} chat “{title}” on "
              "{platform}, on {date} from {start} to {end} ({place}).",
    },
    "export.email_times": {"fr": "L'heure chez vous :", "en": "The time where you are:"},
    "export.email_rules": {
        "fr": "Le déroulé : nous publierons {count} questions, numérotées Q1, Q2… Répondez à "
              "Q1 en commençant votre message par {answer}1, à Q2 par {answer}2…, et "
              "ajoutez {tag} à chacun de vos messages.",
        "en": "How it works: we will post {count} questions, numbered Q1, Q2… Answer Q1 by "
              "starting your post with {answer}1, Q2 with {answer}2…, and add {tag} to "
              "every post.",
    },
    "export.email_questions": {
        "fr": "Les questions, à l'heure de {place} :",
        "en": "The questions, in {place} time:",
    },
    "export.email_ask_invited": {
        "fr": "Pouvez-vous nous dire si vous êtes disponible, et nous confirmer le compte "
              "à mentionner ?",
        "en": "Could you let us know whether you are available, and confirm the account "
              "to mention?",
    },
    "export.email_ask_confirmed": {
        "fr": "Une question d'ici là ? Il suffit de répondre à ce message.",
        "en": "Any question before then? Just reply to this email.",
    },
    "export.email_bye": {"fr": "Bien cordialement,", "en": "Best regards,"},
    # calendar
    "export.ics_summary": {"fr": "Tchat {tag} : {title}", "en": "{tag} chat: {title}"},
    "export.ics_alarm": {
        "fr": "Le tchat {tag} commence dans une heure",
        "en": "The {tag} chat starts in an hour",
    },
    "export.online_on": {"fr": "En ligne, sur {platform}", "en": "Online, on {platform}"},
    # Facebook event
    "export.fb_name": {"fr": "Nom de l'événement", "en": "Event name"},
    "export.fb_when": {"fr": "Date et heure", "en": "Date and time"},
    "export.fb_where": {"fr": "Lieu", "en": "Location"},
    "export.fb_details": {
        "fr": "Détails (à coller dans la description)",
        "en": "Details (paste into the description)",
    },
    "export.fb_intro": {
        "fr": "Un tchat d'une heure sur {platform} autour du hashtag {tag} : {topic}. Nos "
              "invités répondent à nos questions… et aux vôtres !",
        "en": "A one-hour chat on {platform} around the {tag} tag: {topic}. Our guests "
              "answer our questions… and yours!",
    },
    "export.fb_intro_minutes": {
        "fr": "Un tchat de {duration} minutes sur {platform} autour du hashtag {tag} : "
              "{topic}. Nos invités répondent à nos questions… et aux vôtres !",
        "en": "A {duration}-minute chat on {platform} around the {tag} tag: {topic}. Our "
              "guests answer our questions… and yours!",
    },
    "export.fb_how": {"fr": "Comment participer", "en": "How to take part"},
    "export.fb_follow": {
        "fr": "Suivez le hashtag {tag} sur {platform}.",
        "en": "Follow the {tag} tag on {platform}.",
    },
    "export.fb_follow_url": {
        "fr": "Suivez le hashtag {tag} sur {platform} : ",
        "en": "Follow the {tag} tag on {platform}: ",
    },
    "export.fb_ask": {
        "fr": "Posez vos propres questions à nos invités, toujours avec {tag}.",
        "en": "Ask our guests your own questions, always with {tag}.",
    },
    "export.fb_guests": {"fr": "Nos invités", "en": "Our guests"},
    # recap
    "export.recap_title": {"fr": "Récapitulatif · {title}", "en": "Recap · {title}"},
    "export.recap_when": {
        "fr": "Le {date}, de {start} à {end} ({place}), sur {platform} avec {tag}.",
        "en": "On {date}, from {start} to {end} ({place}), on {platform} with {tag}.",
    },
    "export.recap_questions": {"fr": "Les questions", "en": "The questions"},
    "export.posted_at": {
        "fr": "publiée à {time} (prévue à {planned}, {delta})",
        "en": "posted at {time} (planned {planned}, {delta})",
    },
    "export.on_the_minute": {"fr": "à l'heure", "en": "on time"},
    "export.delta": {"fr": "{sign}{minutes} min", "en": "{sign}{minutes} min"},
    "export.highlights_other": {"fr": "Autres temps forts", "en": "Other highlights"},
    "export.recap_thanks": {"fr": "Le mot de la fin", "en": "The last word"},
    "export.recap_figures": {"fr": "En chiffres", "en": "In figures"},
    "export.fig_asked": {
        "fr": "Questions posées : {asked} sur {total}",
        "en": "Questions asked: {asked} of {total}",
    },
    "export.fig_on_time": {
        "fr": "À l'heure (2 min près) : {on_time} sur {asked}",
        "en": "On time (within 2 min): {on_time} of {asked}",
    },
    "export.fig_overrun": {"fr": "Dépassement total : {overrun}", "en": "Total overrun: {overrun}"},
    "export.fig_overrun_detail": {
        "fr": "{minutes} min ({label} : {time} au lieu de {planned})",
        "en": "{minutes} min ({label}: {time} instead of {planned})",
    },
    "export.fig_no_overrun": {"fr": "aucun, fin à l'heure", "en": "none, on time"},
    "export.see_post": {"fr": "voir le message", "en": "see the post"},
    "export.recap_next": {
        "fr": "Prochain tchat : {date}.", "en": "The next chat: {date}.",
    },
    "export.fig_highlights": {"fr": "Temps forts notés : {n}", "en": "Highlights captured: {n}"},
    # thanks
    "export.thanks_title": {"fr": "Remerciements · {title}", "en": "Thank-yous · {title}"},
    "export.thanks_public": {"fr": "Message public", "en": "Public post"},
    "export.thanks_thread": {
        "fr": "Trop long pour un seul message : un fil de {n} messages, à publier dans "
              "l'ordre.",
        "en": "Too long for one post: a thread of {n} posts, to publish in order.",
    },
    "export.thanks_emails": {"fr": "E-mails aux invités", "en": "Emails to the guests"},
    "export.thanks_subject": {
        "fr": "Merci pour le tchat {tag} « {title} »",
        "en": "Thank you for the {tag} chat “{title}”",
    },
    "export.thanks_body": {
        "fr": "Un grand merci pour votre participation au tchat {tag} « {title} », le "
              "{date}. Vos réponses ont nourri toute la conversation.",
        "en": "Many thanks for being a guest of the {tag} chat “{title}” on {date}. Your "
              "answers carried the whole conversation.",
    },
    "export.thanks_recap": {
        "fr": "Nous préparons le récapitulatif des temps forts et vous l'enverrons dès "
              "qu'il sera publié. N'hésitez pas à le partager !",
        "en": "We are putting together a recap of the highlights and will send it as soon "
              "as it is published. Please share it!",
    },
    "export.thanks_default": {
        "fr": "Merci à nos invités {guests} et à vous toutes et tous d'avoir fait vivre "
              "{tag} !",
        "en": "Thank you to our guests {guests} and to everyone who joined {tag}!",
    },
    # run-sheet
    "export.runsheet_title": {"fr": "Conducteur · {title}", "en": "Run-sheet · {title}"},
    "export.runsheet_zones": {"fr": "Heures en : {zones}", "en": "Times in: {zones}"},
    "export.phase_before": {"fr": "Avant le tchat", "en": "Before the chat"},
    "export.phase_during": {"fr": "Pendant le tchat", "en": "During the chat"},
    "export.phase_after": {"fr": "Après le tchat", "en": "After the chat"},
    "export.note": {"fr": "Note : {note}", "en": "Note: {note}"},
    "export.runsheet_checklist": {"fr": "À faire", "en": "To do"},
    "export.added_by_tchat": {"fr": "ajouté par tchat", "en": "added by tchat"},
}
