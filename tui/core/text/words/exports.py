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
    # the messages to the guests (the moderator's own)
    "export.messages_title": {
        "fr": "Messages aux invités · {title}",
        "en": "Messages to the guests · {title}",
    },
    "export.messages_intro": {
        "fr": "Pour l'animation seulement : le message privé et l'e-mail de chaque invité. "
              "Le brief à leur envoyer est l'export guest-brief.",
        "en": "For the host only: each guest's direct message and email. The brief to "
              "send them is the guest-brief export.",
    },
    "export.messages_none": {
        "fr": "Le plan ne compte aucun invité.",
        "en": "The plan has no guest.",
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
    "export.fig_not_started": {"fr": "le tchat n'a pas encore eu lieu",
                               "en": "the chat has not taken place yet"},
    "export.fig_nothing_posted": {"fr": "rien n'est marqué publié",
                                  "en": "nothing is marked posted"},
    "export.fig_questions": {
        "fr": "Questions posées : {asked}",
        "en": "Questions asked: {asked}",
    },
    "export.recap_hour": {"fr": "L'heure en un coup d'œil", "en": "The hour at a glance"},
    "export.recap_not_yet": {
        "fr": "Le tchat n'a pas encore eu lieu : cette page a été faite le {date}, avant "
              "son début.",
        "en": "The chat has not taken place yet: this page was made on {date}, before it "
              "started.",
    },
    "export.recap_description": {
        "fr": "Récapitulatif du tchat {tag} « {title} » sur {platform}, le {date}.",
        "en": "Recap of the {tag} chat “{title}” on {platform}, {date}.",
    },
    "export.recap_description_figures": {
        "fr": "{questions}, {posts} de {people}.",
        "en": "{questions}, {posts} from {people}.",
    },
    "export.questions_n": {
        "fr": {"one": "{n} question", "other": "{n} questions"},
        "en": {"one": "{n} question", "other": "{n} questions"},
    },
    "export.see_post": {"fr": "voir le message", "en": "see the post"},
    "export.recap_next": {
        "fr": "Prochain tchat : {date}.", "en": "The next chat: {date}.",
    },
    "export.fig_highlights": {"fr": "Temps forts notés : {n}", "en": "Highlights captured: {n}"},
    # transcript
    "export.transcript_title": {"fr": "Transcription · {title}", "en": "Transcript · {title}"},
    "export.transcript_description": {
        "fr": "Tous les messages du tchat {tag} « {title} » ({date}), question par "
              "question : {posts} de {people}.",
        "en": "Every post of the {tag} chat “{title}” ({date}), question by question: "
              "{posts} from {people}.",
    },
    "export.transcript_summary": {
        "fr": "{posts} de {people}, dont {answers} aux questions posées.",
        "en": "{posts} from {people}, with {answers} to the questions asked.",
    },
    "export.transcript_guests": {
        "fr": {"one": "Parmi elles, {n} invité·e, marqué·e ★.",
               "other": "Parmi elles, {n} invité·es, marqué·es ★."},
        "en": {"one": "Among them {n} guest, marked ★.",
               "other": "Among them {n} guests, marked ★."},
    },
    "export.transcript_opening": {"fr": "Avant {label}", "en": "Before {label}"},
    "export.transcript_posts": {"fr": "Les messages", "en": "The posts"},
    "export.transcript_unasked": {"fr": "Questions non posées", "en": "Questions not asked"},
    "export.transcript_links": {"fr": "Les liens partagés", "en": "Links shared"},
    "export.transcript_people": {"fr": "Qui a participé : {people}",
                                 "en": "Who took part: {people}"},
    "export.transcript_unreadable": {
        "fr": "La conversation enregistrée n'a pas pu être lue : seuls les messages de "
              "l'hôte figurent ici.",
        "en": "The recorded conversation could not be read: only the host's posts are here.",
    },
    "export.transcript_no_feed": {
        "fr": "La conversation n'a pas été enregistrée : seuls les messages de l'hôte "
              "figurent ici.",
        "en": "The conversation was not recorded: only the host's posts are here.",
    },
    "export.transcript_skipped": {
        "fr": {"one": "{n} ligne de la conversation enregistrée n'a pas pu être lue : ce "
                      "qu'elle contenait manque ici.",
               "other": "{n} lignes de la conversation enregistrée n'ont pas pu être lues : "
                        "ce qu'elles contenaient manque ici."},
        "en": {"one": "{n} line of the recorded conversation could not be read: what it "
                      "held is missing here.",
               "other": "{n} lines of the recorded conversation could not be read: what "
                        "they held is missing here."},
    },
    "export.transcript_outside": {
        "fr": {"one": "{n} message publié plus de {minutes} minutes avant le début ou après "
                      "la fin est laissé de côté.",
               "other": "{n} messages publiés plus de {minutes} minutes avant le début ou "
                        "après la fin sont laissés de côté."},
        "en": {"one": "{n} post made more than {minutes} minutes before the start or after "
                      "the end is left out.",
               "other": "{n} posts made more than {minutes} minutes before the start or "
                        "after the end are left out."},
    },
    "export.transcript_no_question": {
        "fr": "Aucune question n'est marquée comme posée : les messages suivent l'ordre où "
              "ils ont été publiés.",
        "en": "No question is marked as asked: the posts are in the order they were made.",
    },
    "export.asked_at": {"fr": "Posée à {time}", "en": "Asked at {time}"},
    "export.the_host": {"fr": "L'hôte", "en": "The host"},
    "export.mark_guest": {"fr": "★ invité·e", "en": "★ guest"},
    "export.mark_host": {"fr": "◆ hôte", "en": "◆ host"},
    # A fragment: the lookup sees no word before its space, so it is typed no-break here.
    "export.said": {"fr": "\u00a0: ", "en": ": "},
    "export.shared_by": {"fr": " — partagé par {people}", "en": " — shared by {people}"},
    "export.person_line": {"fr": " ({name})", "en": " ({name})"},
    "export.person_posts": {"fr": " · {posts}", "en": " · {posts}"},
    # charts
    "export.chart_hour_title": {
        "fr": "Messages par minute pendant l'heure",
        "en": "Posts per minute over the hour",
    },
    "export.chart_hour_caption": {
        "fr": "Messages par minute, les réponses en couleur ; chaque trait pointillé marque "
              "une question au moment où elle a été posée.",
        "en": "Posts per minute, answers in colour; each dashed line marks a question as "
              "it was asked.",
    },
    "export.chart_hour_alt": {
        "fr": "De {start} à {end} : {posts}, dont {answers} ; la minute la plus animée, "
              "{peak_time}, en a compté {peak}.",
        "en": "From {start} to {end}: {posts}, {answers} among them; the busiest minute, "
              "{peak_time}, had {peak}.",
    },
    "export.chart_asked": {"fr": "Questions posées : {questions}.",
                           "en": "Questions asked: {questions}."},
    "export.chart_key_answers": {"fr": "réponses", "en": "answers"},
    "export.chart_key_others": {"fr": "autres messages", "en": "other posts"},
    "export.chart_curve_title": {"fr": "Réponses à {label} par minute",
                                 "en": "Answers to {label} per minute"},
    "export.chart_curve_alt": {
        "fr": "Réponses à {label}, minute par minute à partir de {start} : {values}.",
        "en": "Answers to {label}, minute by minute from {start}: {values}.",
    },
    "export.chart_curve_caption": {
        "fr": "{label}, réponses minute par minute sur {minutes} min (au plus {peak} par "
              "minute)",
        "en": "{label}, answers minute by minute over {minutes} min (at most {peak} a "
              "minute)",
    },
    # series
    "export.series_title": {"fr": "Les éditions · {name}", "en": "Editions · {name}"},
    "export.series_description": {
        "fr": "Le tchat {name} sur {editions} : participants, nouveaux venus et habitués, "
              "messages et réponses.",
        "en": "The {name} chat across {editions}: people, first-timers and those who came "
              "back, posts and answers.",
    },
    "export.series_editions": {
        "fr": {"one": "{n} édition", "other": "{n} éditions"},
        "en": {"one": "{n} edition", "other": "{n} editions"},
    },
    "export.series_intro": {
        "fr": "{editions}, par date. Les nouveaux venus sont les personnes qu'aucune "
              "édition précédente n'avait vues ; les habitués y avaient déjà publié.",
        "en": "{editions}, by date. First-timers are people no earlier edition had seen; "
              "returning people had posted in one before.",
    },
    "export.series_col_start": {"fr": "Date", "en": "Date"},
    "export.series_col_asked": {"fr": "Questions posées", "en": "Questions asked"},
    "export.series_col_posts": {"fr": "Messages", "en": "Posts"},
    "export.series_col_people": {"fr": "Personnes", "en": "People"},
    "export.series_col_first_timers": {"fr": "Nouveaux venus", "en": "First-timers"},
    "export.series_col_returning": {"fr": "Habitués", "en": "Returning"},
    "export.series_col_answers": {"fr": "Réponses", "en": "Answers"},
    "export.series_col_per_question": {"fr": "Réponses par question",
                                       "en": "Answers per question"},
    "export.series_unreadable": {"fr": "{plan} ne peut pas être lu : {problem}",
                                 "en": "{plan} cannot be read: {problem}"},
    "export.series_no_feed": {
        "fr": "{plan} : aucune conversation enregistrée (messages et personnes inconnus).",
        "en": "{plan}: no conversation recorded (posts and people unknown).",
    },
    "export.series_people_title": {"fr": "Participants par édition",
                                   "en": "People per edition"},
    "export.series_people_caption": {
        "fr": "Participants par édition : les habitués, et au-dessus les nouveaux venus.",
        "en": "People per edition: returning people, with the first-timers on top.",
    },
    "export.series_people_alt": {"fr": "{date} : {people}, dont {first} nouveaux",
                                 "en": "{date}: {people}, {first} of them new"},
    "export.series_key_returning": {"fr": "habitués", "en": "returning"},
    "export.series_key_first": {"fr": "nouveaux venus", "en": "first-timers"},
    "export.series_posts_title": {"fr": "Messages par édition", "en": "Posts per edition"},
    "export.series_posts_caption": {
        "fr": "Messages par édition : les réponses, et au-dessus les autres messages.",
        "en": "Posts per edition: the answers, with the other posts on top.",
    },
    "export.series_posts_alt": {"fr": "{date} : {posts}, {answers}",
                                "en": "{date}: {posts}, {answers}"},
    # notes for the moderator (standard error), in the plan's language
    "export.note_prefix": {"fr": "note : ", "en": "note: "},
    "export.note_no_host": {
        "fr": "le plan n'a pas d'hôte ([chat] host) : le brief ne donne aucun contact",
        "en": "the plan has no host ([chat] host): the brief names no contact",
    },
    "export.note_no_guests": {
        "fr": "le plan n'a aucun invité ([[guests]]) : aucun message à écrire",
        "en": "the plan has no guest ([[guests]]): no message to write",
    },
    "export.note_message_long": {
        "fr": "le message à {name} fait {length}/{limit} : raccourcissez le titre, ou "
              "envoyez-le seulement en message privé",
        "en": "the message to {name} is {length}/{limit}: shorten the title, or send it "
              "as a direct message only",
    },
    "export.note_unconfirmed": {
        "fr": "{name} n'a pas encore confirmé (status = \"invited\") : vérifiez avant de "
              "publier",
        "en": "{name} has not confirmed yet (status = \"invited\"): check before publishing",
    },
    "export.note_over_limit": {
        "fr": "{name} dépasse la limite ({length}/{limit})",
        "en": "{name} is over the limit ({length}/{limit})",
    },
    "export.note_thanks_long": {
        "fr": "un message de remerciement fait {length}/{limit} : raccourcissez-le",
        "en": "a thank-you post is {length}/{limit}: shorten it",
    },
    "export.note_not_yet": {
        "fr": "le tchat commence le {date} : le récapitulatif dit qu'il n'a pas encore eu "
              "lieu",
        "en": "the chat starts on {date}: the recap says it has not taken place yet",
    },
    "export.note_no_log": {
        "fr": "pas de journal de déroulé à {path} : aucune question n'apparaît comme "
              "publiée (--log FICHIER en lit un autre, celui d'une répétition par exemple)",
        "en": "no as-run log at {path}: no question shows as posted (--log FILE reads "
              "another one, such as a rehearsal's)",
    },
    "export.note_no_feed": {
        "fr": "pas de conversation enregistrée à côté du plan (PLAN{suffix}) : seuls les "
              "messages de l'hôte y figurent",
        "en": "no conversation recorded beside the plan (PLAN{suffix}): only the host's "
              "posts are in it",
    },
    "export.note_feed_skipped": {
        "fr": {"one": "{n} ligne de la conversation n'est pas un message (ligne {lines})",
               "other": "{n} lignes de la conversation ne sont pas des messages "
                        "(lignes {lines})"},
        "en": {"one": "{n} line of the conversation is not a post (line {lines})",
               "other": "{n} lines of the conversation are not posts (lines {lines})"},
    },
    "export.note_replay": {
        "fr": "conversation rejouée : {path}",
        "en": "the conversation replayed: {path}",
    },
    "export.wrote": {"fr": "écrit : {path} ({kind})", "en": "wrote {path} ({kind})"},
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
