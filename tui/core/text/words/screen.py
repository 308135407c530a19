"""The run-sheet's words: the screen, its notices and dialogs, the footer's, the help's
and the palette's names for the keys (`key.*`, `help.*`, `sys.*`), the report dialog."""

from __future__ import annotations

from tui.core.text.vocabulary import Language
from tui.core.text.words.entry import Plural

PREFIXES = ("screen.", "key.", "help.", "sys.")
"""Every key of this surface starts with one of these (a test holds it)."""

WORDS: dict[str, dict[Language, str | Plural]] = {
    # header and banner
    "screen.live": {"fr": "DIRECT", "en": "LIVE"},
    "screen.rehearsal": {"fr": "RÉPÉTITION", "en": "REHEARSAL"},
    "screen.end_projected": {"fr": "fin prévue {time}", "en": "ends {time}"},
    "screen.end_shifted": {"fr": "fin décalée {time} ({delay})", "en": "ends {time} ({delay})"},
    "screen.paused": {"fr": "EN PAUSE", "en": "PAUSED"},
    # countdown
    "screen.to_start": {"fr": "Début dans", "en": "Starts in"},
    "screen.reading_plan": {"fr": "Lecture du plan…", "en": "Reading the plan…"},
    "screen.to_cue": {"fr": "{cue} dans", "en": "{cue} in"},
    "screen.overrun": {"fr": "{cue} en retard de", "en": "{cue} overdue by"},
    "screen.since_end": {"fr": "Terminé depuis", "en": "Since the end"},
    "screen.ended_at": {"fr": "fin à {time}", "en": "ended at {time}"},
    "screen.starts_at": {
        "fr": "début à {time} · {cue} à {at}",
        "en": "starts at {time} · {cue} at {at}",
    },
    "screen.starts_at_only": {"fr": "début à {time}", "en": "starts at {time}"},
    "screen.left_in_chat": {"fr": "reste {time} de chat", "en": "{time} left in the chat"},
    "screen.all_posted": {"fr": "Tout est posté", "en": "Everything is posted"},
    "screen.days": {"fr": "{n} j", "en": "{n} d"},
    # next question
    "screen.next_question": {"fr": "Prochaine question", "en": "Next question"},
    "screen.no_question_left": {"fr": "Plus de question à poser", "en": "No question left"},
    "screen.questions_left": {"fr": "{n} sur {total} à poser", "en": "{n} of {total} to ask"},
    "screen.chat_over": {"fr": "Tchat terminé", "en": "Chat over"},
    "screen.all_questions_posted": {"fr": "Toutes les questions postées ({total})",
                                    "en": "All questions posted ({total})"},
    "screen.questions_not_posted": {
        "fr": {"one": "{n} question sur {total} non postée",
               "other": "{n} questions sur {total} non postées"},
        "en": {"one": "{n} question of {total} not posted",
               "other": "{n} questions of {total} not posted"},
    },
    "screen.report_hint": {"fr": "R affiche le bilan prévu / réel",
                           "en": "R shows planned versus actual"},
    "screen.planned_at": {"fr": "prévue à {time}", "en": "planned {time}"},
    "screen.starts_on": {"fr": "Début : {when}", "en": "Starts {when}"},
    "screen.moved_to": {"fr": "décalée à {time}", "en": "moved to {time}"},
    # cue list
    "screen.timeline": {"fr": "Déroulé", "en": "Run-sheet"},
    "screen.status_upcoming": {"fr": "à venir", "en": "upcoming"},
    "screen.status_next": {"fr": "prochain", "en": "next"},
    "screen.status_due": {"fr": "à poster", "en": "due"},
    "screen.status_posted": {"fr": "posté {time}", "en": "posted {time}"},
    "screen.status_skipped": {"fr": "sauté", "en": "skipped"},
    "screen.status_missed": {"fr": "passé", "en": "missed"},
    "screen.day_before": {"fr": "J-{n}", "en": "D-{n}"},
    # draft pane
    "screen.draft": {"fr": "Texte à coller", "en": "Text to paste"},
    "screen.refused": {
        "fr": {"one": "Un texte serait refusé : {cues}. Touche e pour le modifier.",
               "other": "{n} textes seraient refusés : {cues}. Touche e pour les modifier."},
        "en": {"one": "One draft would be refused: {cues}. Press e to edit it.",
               "other": "{n} drafts would be refused: {cues}. Press e to edit them."},
    },
    "screen.cues_and_more": {
        "fr": {"one": "{cues} et {n} autre", "other": "{cues} et {n} autres"},
        "en": {"one": "{cues} and {n} more", "other": "{cues} and {n} more"},
    },
    "screen.note": {"fr": "Note", "en": "Note"},
    "screen.derived_note": {
        "fr": "Rappel ajouté par tchat (non modifiable ici)",
        "en": "Heads-up added by tchat (not editable here)",
    },
    # checklist
    "screen.checklist": {"fr": "Liste de contrôle", "en": "Checklist"},
    "screen.phase_before": {"fr": "Avant", "en": "Before"},
    "screen.phase_during": {"fr": "Pendant", "en": "During"},
    "screen.phase_after": {"fr": "Après", "en": "After"},
    "screen.overdue": {"fr": "en retard", "en": "overdue"},
    "screen.no_checklist": {"fr": "Aucune tâche dans le plan", "en": "No checklist in the plan"},
    # bindings (by binding id): footer, help and palette
    "key.copy": {"fr": "Copier", "en": "Copy"},
    "key.undo": {"fr": "Annuler", "en": "Undo"},
    "key.skip": {"fr": "Sauter", "en": "Skip"},
    "key.shift": {"fr": "Décaler", "en": "Shift"},
    "key.edit": {"fr": "Modifier", "en": "Edit"},
    "key.reply": {"fr": "Répondre", "en": "Reply"},
    "key.tick": {"fr": "Cocher", "en": "Tick"},
    "key.show": {"fr": "Voir le texte", "en": "Show text"},
    "key.next": {"fr": "Suivant", "en": "Go to next"},
    "key.focus": {"fr": "Volet suivant", "en": "Next pane"},
    "key.help": {"fr": "Aide", "en": "Help"},
    "key.quit": {"fr": "Quitter", "en": "Quit"},
    "key.palette": {"fr": "Commandes", "en": "Commands"},
    "key.close": {"fr": "Fermer", "en": "Close"},
    "key.confirm": {"fr": "Oui", "en": "Yes"},
    "key.cancel": {"fr": "Non", "en": "No"},
    "key.save": {"fr": "Enregistrer", "en": "Save"},
    "key.send": {"fr": "Copier la réponse", "en": "Copy the reply"},
    "key.highlight": {"fr": "Temps fort", "en": "Highlight"},
    "key.conversation": {"fr": "Conversation", "en": "Conversation"},
    "key.report": {"fr": "Bilan", "en": "Report"},
    # The Conversation pane's keys, in the footer while it has the focus.
    "key.room_welcome": {"fr": "Accueillir", "en": "Welcome"},
    "key.room_handled": {"fr": "Traité", "en": "Handled"},
    "key.room_read": {"fr": "Lire", "en": "Read"},
    "key.room_reply": {"fr": "Répondre", "en": "Reply"},
    "key.room_lists": {"fr": "Listes", "en": "Lists"},
    "key.room_lists_next": {"fr": "Liste suivante", "en": "Next list"},
    "key.room_mute": {"fr": "Masquer", "en": "Mute"},
    "key.room_open": {"fr": "Ouvrir", "en": "Open"},
    "key.room_highlight": {"fr": "Temps fort", "en": "Highlight"},
    "key.room_repost": {"fr": "Repartager", "en": "Repost"},
    "key.pause": {"fr": "Pause", "en": "Pause"},
    "key.faster": {"fr": "Plus vite", "en": "Faster"},
    "key.slower": {"fr": "Moins vite", "en": "Slower"},
    "key.jump_next": {"fr": "Envoi suivant", "en": "Jump ahead"},
    "key.jump_back": {"fr": "Envoi précédent", "en": "Jump back"},
    "help.copy": {
        "fr": "Copie le texte choisi, le marque posté",
        "en": "Copy the selected text and mark it posted now",
    },
    "help.undo": {"fr": "Annule la dernière marque, saut, décalage ou resserrement",
                  "en": "Undo the last mark, skip, shift or compression"},
    "help.skip": {"fr": "Saute l'envoi choisi", "en": "Skip the selected cue"},
    "help.shift": {
        "fr": "Décale tout ce qui reste du retard actuel",
        "en": "Shift every remaining cue by the current overrun",
    },
    "help.edit": {"fr": "Modifie le modèle de l'envoi choisi", "en": "Edit the selected template"},
    "help.reply": {
        "fr": "Rédige une réponse rapide avec le mot-dièse",
        "en": "Write a quick reply with the tag",
    },
    "help.tick": {"fr": "Coche ou décoche la tâche choisie", "en": "Tick or untick the item"},
    "help.show": {
        "fr": "Affiche le texte pour le copier à la main",
        "en": "Show the text to copy it by hand",
    },
    "help.next": {"fr": "Revient au prochain envoi", "en": "Select the next cue again"},
    "help.focus": {"fr": "Passe au volet suivant", "en": "Move to the next pane"},
    "help.conversation": {
        "fr": "Montre ou cache les messages du hashtag ; dans le volet : ← → listes, "
              "entrée lit, r w x m h o b",
        "en": "Show or hide the tag's posts; in the pane: ← → lists, enter reads, "
              "r w x m h o b",
    },
    "help.highlight": {
        "fr": "Note le lien ou la citation d'un message marquant sous la question en cours",
        "en": "Save a link or a quote of a notable post under the current question",
    },
    "help.room_welcome": {"fr": "Accueille jusqu'à trois personnes de la liste",
                          "en": "Welcome up to three people from the list"},
    "help.room_handled": {"fr": "Marque le message traité (encore : il revient)",
                          "en": "Mark the post handled (again: back on the list)"},
    "help.room_read": {"fr": "Montre le message en entier, avec son lien",
                       "en": "Show the post whole, with its link"},
    "help.room_reply": {"fr": "Répond au message choisi", "en": "Reply to the selected post"},
    "help.room_lists": {"fr": "Passe à la liste précédente", "en": "Go to the previous list"},
    "help.room_lists_next": {"fr": "Passe à la liste suivante", "en": "Go to the next list"},
    "help.room_mute": {"fr": "Masque son auteur (dans les masqués : le rétablit)",
                       "en": "Mute its author (on the muted list: unmute)"},
    "help.room_open": {"fr": "Ouvre le message dans le navigateur",
                       "en": "Open the post in the browser"},
    "help.room_highlight": {"fr": "Le garde en temps fort sous sa question",
                            "en": "Keep it as a highlight under its question"},
    "help.room_repost": {"fr": "Le repartage sur son réseau", "en": "Repost it on its network"},
    "help.report": {
        "fr": "Heure prévue et heure réelle de chaque envoi",
        "en": "Compare the planned and actual time of every cue",
    },
    "help.pause": {"fr": "Met en pause ou relance l'horloge de la répétition",
                   "en": "Pause or resume the rehearsal clock"},
    "help.faster": {"fr": "Accélère la répétition (1×, 2×, 5×, 10×, 60×)",
                    "en": "Run the rehearsal faster (1×, 2×, 5×, 10×, 60×)"},
    "help.slower": {"fr": "Ralentit la répétition", "en": "Run the rehearsal slower"},
    "help.jump_next": {"fr": "Avance l'horloge à l'heure du prochain envoi",
                       "en": "Move the clock to the next cue's time"},
    "help.jump_back": {"fr": "Ramène l'horloge à l'heure de l'envoi précédent",
                       "en": "Move the clock back to the previous cue's time"},
    "help.help": {"fr": "Affiche cette aide", "en": "Show this help"},
    "help.quit": {"fr": "Quitte tchat", "en": "Quit tchat"},
    "help.palette": {"fr": "Cherche une commande", "en": "Search for a command"},
    # system commands of the palette (Textual's own, worded here)
    "sys.Theme": {"fr": "Thème", "en": "Theme"},
    "sys.Theme.help": {"fr": "Change le thème de couleurs", "en": "Change the colour theme"},
    "sys.Quit": {"fr": "Quitter", "en": "Quit"},
    "sys.Quit.help": {"fr": "Quitte tchat", "en": "Quit tchat"},
    "sys.Keys": {"fr": "Touches", "en": "Keys"},
    "sys.Keys.help": {"fr": "Affiche ou masque le volet des touches",
                      "en": "Show or hide the keys panel"},
    "sys.Screenshot": {"fr": "Capture d'écran", "en": "Screenshot"},
    "sys.Screenshot.help": {"fr": "Enregistre une image SVG de l'écran",
                            "en": "Save an SVG image of the screen"},
    "sys.Maximize": {"fr": "Agrandir", "en": "Maximize"},
    "sys.Maximize.help": {"fr": "Agrandit le volet actif", "en": "Maximize the focused pane"},
    "sys.Minimize": {"fr": "Réduire", "en": "Minimize"},
    "sys.Minimize.help": {"fr": "Rend sa taille au volet", "en": "Restore the pane's size"},
    "screen.palette_placeholder": {"fr": "Chercher une commande…", "en": "Search for a command…"},
    # help screen
    "screen.help_title": {"fr": "Aide de tchat", "en": "tchat help"},
    "screen.help_intro": {
        "fr": "Choisissez un envoi dans le déroulé, copiez-le avec c, collez-le sur la "
              "plateforme. Tout est noté dans le journal à côté du plan. Tab passe d'un "
              "volet à l'autre ; les flèches font défiler un texte long.",
        "en": "Pick a cue in the run-sheet, copy it with c, paste it on the platform. "
              "Every action is written to the log beside the plan. Tab moves between "
              "panes; the arrows scroll a long text.",
    },
    "screen.help_log": {"fr": "Journal : {path}", "en": "Log: {path}"},
    # notifications. French ones never make a participle agree with a label: "Annonce",
    # "Accueil", "Règles", "Q1" differ in gender and number ("Annonce copié" is wrong).
    "screen.copied_system": {"fr": "Copié (presse-papiers du système) : {label}",
                             "en": "{label} copied (system clipboard)"},
    "screen.clipboard_timeout": {
        "fr": "Le presse-papiers du système n'a pas répondu en {seconds} s.",
        "en": "The system clipboard did not answer within {seconds} s.",
    },
    "screen.copied_osc52": {
        "fr": "Copié par le terminal (OSC 52) : {label} ; si rien ne se colle, touche v",
        "en": "{label} copied through the terminal (OSC 52); if nothing pastes, press v",
    },
    # Older notices still up, folded behind the newest on a low terminal.
    "screen.notices_folded": {"fr": {"one": "+{n} avis", "other": "+{n} avis"},
                              "en": {"one": "+{n} notice", "other": "+{n} notices"}},
    "screen.copied_manual": {"fr": "Copie impossible : copiez le texte à la main",
                             "en": "Could not copy: copy the text by hand"},
    "screen.marked": {"fr": "publication notée à {time}", "en": "marked posted at {time}"},
    # A `c` held (tui.core.run.copyguard): what is on the clipboard, what is marked.
    "screen.copy_held": {
        "fr": "c retenu : {label} est dans le presse-papiers, publication notée à {time} ; "
              "collez-le, puis c pour la suite",
        "en": "c held: {label} is on the clipboard, marked posted at {time}; paste it, "
              "then press c for the next",
    },
    "screen.copy_held_on_its_way": {
        "fr": "c retenu : {label} part vers le presse-papiers",
        "en": "c held: {label} is on its way to the clipboard",
    },
    "screen.held_meanwhile": {
        "fr": {"one": "{n} c pressé entre-temps, retenu",
               "other": "{n} c pressés entre-temps, retenus"},
        "en": {"one": "{n} c pressed meanwhile, held",
               "other": "{n} c pressed meanwhile, held"},
    },
    "screen.undone": {"fr": "Annulé : {what}", "en": "Undone: {what}"},
    "screen.nothing_to_undo": {"fr": "Rien à annuler", "en": "Nothing to undo"},
    "screen.undone_mark": {"fr": "Annulé : « {label} » n'est plus marqué publié",
                           "en": "Undone: {label} is no longer marked posted"},
    "screen.undone_skip": {"fr": "Annulé : « {label} » n'est plus sauté",
                           "en": "Undone: {label} is no longer skipped"},
    "screen.undo_mark": {"fr": "publication de « {label} »", "en": "{label} posted"},
    "screen.undo_skip": {"fr": "saut de « {label} »", "en": "{label} skipped"},
    "screen.undo_shift": {"fr": "décalage de {delay}", "en": "shift of {delay}"},
    "screen.skipped": {"fr": "Sauté : {label}", "en": "{label} skipped"},
    "screen.skip_bounced": {
        "fr": "{label} n'est pas sauté : s est revenu moins d'une seconde après le "
              "précédent (une touche doublée ou tenue). Appuyez de nouveau sur s pour "
              "le sauter.",
        "en": "{label} not skipped: s came again less than a second after the last one "
              "(a key pressed twice or held). Press s again to skip it.",
    },
    "screen.already_done": {"fr": "{label} : déjà {status}", "en": "{label} is already {status}"},
    "screen.shifted": {"fr": "Tout ce qui reste est décalé de {delay}",
                       "en": "Every remaining cue moved by {delay}"},
    "screen.nothing_late": {"fr": "Rien n'est en retard", "en": "Nothing is running late"},
    "screen.no_cue": {"fr": "Aucun envoi choisi", "en": "No cue selected"},
    "screen.not_editable": {
        "fr": "Les rappels sont ajoutés par tchat : modifiez [chat] heads_up ou écrivez "
              "vos propres posts heads-up",
        "en": "Heads-ups are added by tchat: change [chat] heads_up or write your own "
              "heads-up posts",
    },
    "screen.saved": {"fr": "{label} enregistré dans le plan", "en": "{label} saved in the plan"},
    "screen.no_item": {"fr": "Aucune tâche choisie", "en": "No checklist item selected"},
    "screen.tick_next": {"fr": "Espace encore pour cocher : {item}",
                         "en": "Space again to tick: {item}"},
    "screen.reloaded": {"fr": "Le plan a changé sur le disque : rechargé, marques conservées",
                        "en": "The plan changed on disk: reloaded, marks kept"},
    "screen.reload_failed": {
        "fr": "Le plan modifié ne se charge pas ({problem}) : on garde l'ancien",
        "en": "The changed plan does not load ({problem}): keeping the old one",
    },
    "screen.changed_not_written": {
        "fr": "Le plan a changé sur le disque : rechargé, rien n'a été écrit. Recommencez.",
        "en": "The plan changed on disk: reloaded, nothing written. Try again.",
    },
    "screen.tick_waits_changed": {
        "fr": "Le plan a changé sur le disque (rechargé) : {kept} ; elle ira dans le plan "
              "dès que le fichier ne bougera plus",
        "en": "The plan changed on disk (reloaded): {kept}; it goes into the plan once the "
              "file holds still",
    },
    "screen.tick_waits_not_loaded": {
        "fr": "Le plan a changé sur le disque et ne se charge pas : {kept} ; elle ira dans "
              "le plan quand il se chargera",
        "en": "The plan changed on disk and does not load: {kept}; it goes into the plan "
              "once it loads",
    },
    "screen.tick_waits_failed": {
        "fr": "Plan non écrit ({error}) : {kept} ; elle ira dans le plan dès que possible",
        "en": "Could not write the plan ({error}): {kept}; it goes into the plan as soon as "
              "it can",
    },
    "screen.tick_kept_log": {"fr": "la coche est dans le journal",
                             "en": "the tick is in the log"},
    "screen.tick_kept_memory": {"fr": "la coche est gardée en mémoire avec le journal",
                                "en": "the tick is kept in memory with the log"},
    "screen.plan_gone": {
        "fr": "⚠ Le fichier du plan a disparu ({path}) : la séance continue sur le plan "
              "chargé. Remettez-le en place pour y enregistrer.",
        "en": "⚠ The plan file is gone ({path}): the run goes on with the plan as loaded. "
              "Put it back to save to it.",
    },
    "screen.write_failed": {
        "fr": "Écriture impossible : {error}",
        "en": "Could not write: {error}",
    },
    "screen.write_banner": {
        "fr": {
            "one": "⚠ Écriture impossible ({error}) : {n} action gardée en mémoire, nouvel "
                   "essai toutes les {seconds} s. Les marques restent à l'écran ; v montre "
                   "le texte à copier à la main.",
            "other": "⚠ Écriture impossible ({error}) : {n} actions gardées en mémoire, "
                     "nouvel essai toutes les {seconds} s. Les marques restent à l'écran ; "
                     "v montre le texte à copier à la main.",
        },
        "en": {
            "one": "⚠ Cannot write ({error}): {n} action kept in memory, retrying every "
                   "{seconds} s. Marks stay on screen; v shows the text to copy by hand.",
            "other": "⚠ Cannot write ({error}): {n} actions kept in memory, retrying every "
                     "{seconds} s. Marks stay on screen; v shows the text to copy by hand.",
        },
    },
    "screen.following": {
        "fr": "⧉ Ce plan est ouvert ailleurs ({holder}) : cette fenêtre suit ses marques "
              "et n'écrit rien. T : prendre la main.",
        "en": "⧉ This plan is open elsewhere ({holder}): this window follows its marks "
              "and writes nothing. T: take over.",
    },
    # The same, its key first: where the sentence does not fit the banner's two lines
    # (50x15), the key stays in view whatever the other window's name.
    "screen.following_key_first": {
        "fr": "⧉ T : prendre la main · ce plan est ouvert ailleurs ({holder}) : cette "
              "fenêtre suit ses marques et n'écrit rien.",
        "en": "⧉ T: take over · this plan is open elsewhere ({holder}): this window "
              "follows its marks and writes nothing.",
    },
    "screen.following_no_write": {
        "fr": "Plan ouvert ailleurs ({holder}) : cette fenêtre ne fait que suivre",
        "en": "Plan open elsewhere ({holder}): this window only follows",
    },
    "screen.lock_holder": {"fr": "pid {pid} sur {host}", "en": "pid {pid} on {host}"},
    "screen.not_following": {"fr": "Cette fenêtre écrit déjà le plan : rien à reprendre",
                             "en": "This window already writes the plan: nothing to take over"},
    "screen.take_over_title": {"fr": "Prendre la main sur ce plan ?",
                               "en": "Take over this plan?"},
    "screen.take_over_body": {
        "fr": "Une autre fenêtre tient ce plan : {holder}, depuis {since} (il y a {age}). "
              "Si elle tourne encore, deux fenêtres écriront le même journal : ne prenez "
              "la main que si elle est arrêtée ou injoignable.",
        "en": "Another window holds this plan: {holder}, since {since} ({age} ago). If it "
              "still runs, two windows will write the same log: take over only if it has "
              "stopped or cannot be reached.",
    },
    "screen.take_over_body_unknown": {
        "fr": "Une autre fenêtre tient ce plan : {holder}, depuis un moment inconnu. Si "
              "elle tourne encore, deux fenêtres écriront le même journal : ne prenez la "
              "main que si elle est arrêtée ou injoignable.",
        "en": "Another window holds this plan: {holder}, since a time not known. If it "
              "still runs, two windows will write the same log: take over only if it has "
              "stopped or cannot be reached.",
    },
    "screen.took_over_lock": {
        "fr": "Main reprise sur {holder} : cette fenêtre écrit désormais le journal",
        "en": "Took over from {holder}: this window now writes the log",
    },
    "screen.take_over_failed": {
        "fr": "Impossible de prendre le verrou ({error}) : cette fenêtre continue de suivre",
        "en": "Could not take the lock ({error}): this window still follows",
    },
    "screen.took_over": {
        "fr": "L'autre fenêtre est fermée : celle-ci écrit désormais le journal",
        "en": "The other window closed: this one now writes the log",
    },
    "screen.lock_taken_over": {
        "fr": "Verrou d'une session arrêtée ({holder}) repris",
        "en": "Took over the lock of a session that stopped ({holder})",
    },
    "screen.written_again": {"fr": "Journal de nouveau écrit : rien n'est perdu",
                             "en": "The log is written again: nothing was lost"},
    "screen.log_lines_skipped": {
        "fr": {"one": "{n} ligne illisible du journal ignorée ({lines})",
               "other": "{n} lignes illisibles du journal ignorées ({lines})"},
        "en": {"one": "{n} unreadable log line skipped ({lines})",
               "other": "{n} unreadable log lines skipped ({lines})"},
    },
    # Short: it covers part of the screen while it shows. The clock keys are in the
    # footer and the help.
    "screen.rehearsal_intro": {
        "fr": "Répétition : rien n'est publié, journal à part",
        "en": "Rehearsal: nothing is posted, separate log",
    },
    "screen.speed_now": {"fr": "Répétition à ×{n}", "en": "Rehearsal at ×{n}"},
    "screen.paused_now": {
        "fr": "Horloge de la répétition en pause",
        "en": "Rehearsal clock paused",
    },
    "screen.resumed_now": {
        "fr": "L'horloge de la répétition repart",
        "en": "Rehearsal clock running",
    },
    "screen.jumped": {"fr": "Horloge à {time} : {label}", "en": "Clock at {time}: {label}"},
    "screen.jump_start": {"fr": "début du tchat", "en": "the chat starts"},
    "screen.jump_end": {"fr": "fin du tchat", "en": "the chat ends"},
    "screen.nothing_ahead": {"fr": "Plus aucun envoi après", "en": "No cue further ahead"},
    "screen.nothing_before": {"fr": "Aucun envoi avant", "en": "No cue earlier"},
    "screen.not_steerable": {
        "fr": "Cette horloge ne se règle pas",
        "en": "This clock cannot be steered",
    },
    "screen.highlight_saved": {"fr": "Temps fort noté sous {label}",
                               "en": "Highlight saved under {label}"},
    "screen.highlight_saved_loose": {"fr": "Temps fort noté (aucune question posée encore)",
                                     "en": "Highlight saved (no question posted yet)"},
    "screen.run_over": {"fr": "Le tchat est terminé : R affiche le bilan prévu / réel",
                        "en": "The chat is over: R shows planned versus actual"},
    "screen.reply_copied": {"fr": "Réponse copiée ({via})", "en": "Reply copied ({via})"},
    "screen.via_system": {"fr": "système", "en": "system"},
    "screen.via_osc52": {"fr": "terminal OSC 52", "en": "terminal OSC 52"},
    "screen.via_manual": {"fr": "à la main", "en": "by hand"},
    # dialogs
    "screen.edit_title": {"fr": "Modifier {label}", "en": "Edit {label}"},
    "screen.edit_hint": {
        "fr": "ctrl+s enregistre dans le plan · échap annule · {{tag}}, {{q}}… sont remplacés",
        "en": "ctrl+s saves into the plan · escape cancels · {{tag}}, {{q}}… are filled in",
    },
    # The editor holds a template as it is copied: what it left out, said once.
    "screen.edit_left_out": {
        "fr": {"one": "{n} caractère de contrôle laissé de côté ({names}) : jamais copié, "
                      "il quitte le plan à l'enregistrement",
               "other": "{n} caractères de contrôle laissés de côté ({names}) : jamais "
                        "copiés, ils quittent le plan à l'enregistrement"},
        "en": {"one": "{n} control character left out ({names}): never copied, it leaves "
                      "the plan when saved",
               "other": "{n} control characters left out ({names}): never copied, they "
                        "leave the plan when saved"},
    },
    "screen.reply_title": {"fr": "Réponse rapide", "en": "Quick reply"},
    "screen.highlight_title": {"fr": "Temps fort sous {label}", "en": "Highlight under {label}"},
    "screen.highlight_title_loose": {"fr": "Temps fort (aucune question posée encore)",
                                     "en": "Highlight (no question posted yet)"},
    "screen.highlight_hint": {
        "fr": "Collez le lien ou la citation du message · entrée enregistre · échap ferme",
        "en": "Paste the post's link or quote · enter saves · escape closes",
    },
    "screen.report_title": {"fr": "Prévu / réel", "en": "Planned versus actual"},
    "screen.report_title_rehearsal": {"fr": "Prévu / réel (répétition)",
                                      "en": "Planned versus actual (rehearsal)"},
    "screen.report_cue": {"fr": "Envoi", "en": "Cue"},
    "screen.report_planned": {"fr": "Prévu", "en": "Planned"},
    "screen.report_actual": {"fr": "Réel", "en": "Actual"},
    "screen.report_delta": {"fr": "Écart", "en": "Delta"},
    "screen.report_skipped": {"fr": "sauté", "en": "skipped"},
    "screen.report_overrun": {
        "fr": "Dépassement total : {delta} ({label} : posté à {time}, prévu à {planned})",
        "en": "Total overrun: {delta} ({label} posted at {time}, planned {planned})",
    },
    "screen.report_nothing": {"fr": "Dépassement total : — (rien de posté)",
                              "en": "Total overrun: — (nothing posted)"},
    "screen.report_nothing_in_chat": {
        "fr": "Dépassement total : — (rien de posté pendant le tchat)",
        "en": "Total overrun: — (nothing posted during the chat)",
    },
    "screen.report_posted": {"fr": {"one": "{n} posté", "other": "{n} postés"}, "en": "{n} posted"},
    "screen.report_skipped_n": {"fr": {"one": "{n} sauté", "other": "{n} sautés"},
                                "en": "{n} skipped"},
    "screen.report_not_done": {"fr": {"one": "{n} non fait", "other": "{n} non faits"},
                               "en": "{n} not done"},
    "screen.report_log": {"fr": "Journal : {path}", "en": "Log: {path}"},
    "screen.reply_hint": {"fr": "entrée copie · échap ferme", "en": "enter copies · escape closes"},
    "screen.manual_title": {"fr": "Copiez ce texte à la main", "en": "Copy this text by hand"},
    "screen.manual_hint": {
        "fr": "Le texte est sélectionné : copiez-le avec le raccourci de votre terminal.",
        "en": "The text is selected: copy it with your terminal's shortcut.",
    },
    "screen.cancel": {"fr": "Annuler", "en": "Cancel"},
    "screen.save": {"fr": "Enregistrer", "en": "Save"},
    "screen.close": {"fr": "Fermer", "en": "Close"},
    # the conversation ([feed] in the plan, or a rehearsal's replay)
    "screen.conversation": {"fr": "Conversation", "en": "Conversation"},
    "screen.conv_empty": {"fr": "Aucun message pour l'instant.", "en": "No post yet."},
    "screen.no_feed": {
        "fr": "Pas de conversation : ajoutez une table [feed] au plan (voir le README)",
        "en": "No conversation: add a [feed] table to the plan (see the README)",
    },
    "screen.no_post": {"fr": "Aucun message choisi", "en": "No post selected"},
    # the room's lists in the Conversation pane, and what their keys say
    "screen.room_stream": {"fr": "Fil", "en": "All"},
    "screen.room_stream_short": {"fr": "Fil", "en": "All"},
    "screen.room_welcome": {"fr": "Accueillir", "en": "Welcome"},
    "screen.room_welcome_short": {"fr": "Acc.", "en": "Wel."},
    "screen.room_answer": {"fr": "Répondre", "en": "Answer"},
    "screen.room_answer_short": {"fr": "Rép.", "en": "Ans."},
    "screen.room_featured": {"fr": "Invités", "en": "Featured"},
    "screen.room_featured_short": {"fr": "Inv.", "en": "Feat."},
    "screen.room_muted": {"fr": "Sourdine", "en": "Muted"},
    "screen.room_muted_short": {"fr": "Sourd.", "en": "Mut."},
    "screen.room_welcome_empty": {
        "fr": "Personne à accueillir. Un + marque le premier message de quelqu'un ; "
              "w accueille jusqu'à trois personnes.",
        "en": "Nobody to welcome. A + marks someone's first post; w welcomes up to three.",
    },
    "screen.room_answer_empty": {
        "fr": "Rien en attente : les questions du public et les mentions de l'hôte "
              "viennent ici ; x les marque traitées.",
        "en": "Nothing waiting: questions from the public and mentions of the host come "
              "here; x marks them handled.",
    },
    "screen.room_featured_empty": {
        "fr": "Aucun invité ni compte mis en avant ([feed] feature).",
        "en": "No guest or featured account ([feed] feature).",
    },
    "screen.room_muted_empty": {
        "fr": "Personne en sourdine : m sur un message met son auteur en sourdine.",
        "en": "Nobody muted: m on a post mutes its author.",
    },
    "screen.room_back_hint": {"fr": "fin pour les voir", "en": "end shows them"},
    "screen.post_answers": {"fr": "{mark} : répond à {question}",
                            "en": "{mark}: answers {question}"},
    "screen.post_kind_question": {"fr": "question du public", "en": "question from the public"},
    "screen.post_kind_host": {"fr": "l'hôte", "en": "the host"},
    "screen.post_kind_guest": {"fr": "parmi les invités", "en": "a guest"},
    "screen.post_first": {"fr": "premier message du tchat", "en": "first post of the chat"},
    "screen.post_featured": {"fr": "mis en avant", "en": "featured"},
    "screen.post_waiting": {"fr": "attend une réponse", "en": "waiting for an answer"},
    "screen.post_handled": {"fr": "traité", "en": "handled"},
    "screen.post_hint": {"fr": "o ouvre le lien (ou le copie) · échap ferme",
                         "en": "o opens the link (or copies it) · escape closes"},
    "screen.post_hint_no_link": {"fr": "échap ferme", "en": "escape closes"},
    "screen.post_highlighted_under": {"fr": "Message de @{author} noté sous {label}",
                                      "en": "Post by @{author} kept under {label}"},
    "screen.nobody_to_welcome": {"fr": "Personne à accueillir pour l'instant",
                                 "en": "Nobody to welcome yet"},
    "screen.welcome_title": {"fr": "Accueil", "en": "Welcome"},
    "screen.welcome_copied": {
        "fr": {"one": "Accueil copié ({via}) : {n} personne accueillie",
               "other": "Accueil copié ({via}) : {n} personnes accueillies"},
        "en": {"one": "Welcome copied ({via}): {n} person welcomed",
               "other": "Welcome copied ({via}): {n} people welcomed"},
    },
    "screen.reply_hint_post": {"fr": "entrée publie la réponse · échap ferme",
                               "en": "enter posts the reply · escape closes"},
    "screen.rehearsal_would_reply": {
        "fr": "Répétition, rien de publié. En direct, réponse sur {network} à {to} : {text}",
        "en": "Rehearsal, nothing posted. Live, this would reply on {network} to {to}: "
              "{text}",
    },
    "screen.rehearsal_would_repost": {
        "fr": "Répétition, rien de publié. En direct, le message de {author} serait "
              "repartagé sur {network}",
        "en": "Rehearsal, nothing posted. Live, {author}'s post would be reposted on "
              "{network}",
    },
    "screen.no_account": {
        "fr": "Pas de compte {network} dans [accounts] : rien à repartager avec",
        "en": "No {network} account in [accounts]: nothing to repost with",
    },
    "screen.reply_sending": {"fr": "Réponse en cours d'envoi sur {network}…",
                             "en": "Replying on {network}…"},
    "screen.repost_sending": {"fr": "Repartage en cours sur {network}…",
                              "en": "Reposting on {network}…"},
    "screen.reply_posted": {"fr": "Réponse publiée sur {network} : {link}",
                            "en": "Replied on {network}: {link}"},
    "screen.repost_posted": {"fr": "Repartagé sur {network}", "en": "Reposted on {network}"},
    "screen.already_reposted": {"fr": "Déjà repartagé sur {network}",
                                "en": "Already reposted on {network}"},
    "screen.reply_failed": {
        "fr": "Réponse non publiée sur {network} ({reason}) : copiée à la place",
        "en": "Reply not posted on {network} ({reason}): copied instead",
    },
    "screen.repost_failed": {"fr": "Pas repartagé sur {network} : {reason}",
                             "en": "Not reposted on {network}: {reason}"},
    "screen.link_copied": {
        "fr": "Pas de navigateur ici : le lien du message est copié ({via})",
        "en": "No browser here: the post's link is copied ({via})",
    },
    "screen.room_already": {"fr": "C'est déjà fait (la touche a été pressée deux fois)",
                            "en": "Already done (the key was pressed twice)"},
    "screen.not_waiting": {"fr": "Ce message n'attend pas de réponse",
                           "en": "This post is not waiting for an answer"},
    "screen.post_handled_now": {"fr": "Message de @{author} traité (x le remet)",
                                "en": "Post by @{author} handled (x puts it back)"},
    "screen.post_back_to_answer": {"fr": "Message de @{author} de nouveau à traiter",
                                   "en": "Post by @{author} back on the list to answer"},
    "screen.host_not_muted": {"fr": "Les messages de l'hôte ne se mettent pas en sourdine",
                              "en": "The host's own posts cannot be muted"},
    "screen.muted": {
        "fr": "@{account} en sourdine : hors du volet, des comptes et des exports (u annule)",
        "en": "@{account} muted: out of the pane, the counts and the exports (u undoes)",
    },
    "screen.unmuted": {"fr": "@{account} n'est plus en sourdine",
                       "en": "@{account} is no longer muted"},
    "screen.no_account_selected": {"fr": "Aucun compte choisi", "en": "No account selected"},
    "screen.undo_room_mute": {"fr": "sourdine de @{account}", "en": "@{account} muted"},
    "screen.undo_room_unmute": {"fr": "fin de sourdine de @{account}",
                                "en": "@{account} unmuted"},
    "screen.undo_room_handled": {"fr": "message traité", "en": "post handled"},
    "screen.undo_room_unhandled": {"fr": "message remis à traiter",
                                   "en": "post put back to answer"},
    "key.open_post": {"fr": "Ouvrir", "en": "Open"},
    "screen.post_highlighted": {"fr": "Message de @{author} noté comme temps fort",
                                "en": "Post by @{author} kept as a highlight"},
    "screen.post_opened": {"fr": "Ouverture du message dans le navigateur",
                           "en": "Opening the post in the browser"},
    "screen.post_no_link": {"fr": "Ce message n'a pas de lien https à ouvrir",
                            "en": "This post has no https link to open"},
    "screen.seen_published": {"fr": "✓ vu publié", "en": "✓ seen published"},
    # Posts the feed shows the host publishing, marked from it (FeedDesk._seen_in_feed).
    "screen.seen_marked_one": {"fr": "{label} vu sur {network} à {time}",
                               "en": "{label} seen on {network} at {time}"},
    "screen.seen_marked": {"fr": "{seen} : publication notée (u l'annule)",
                           "en": "{seen}: marked posted (u undoes it)"},
    "screen.post_now": {"fr": "{cue} : à poster", "en": "{cue}: post now"},
    "screen.status_late": {"fr": "en retard", "en": "late"},
    # Several networks: the draft pane's tabs, `1`-`4`, `S`, marks per network.
    "screen.label_on": {"fr": "{label} sur {network}", "en": "{label} on {network}"},
    "screen.network_next": {"fr": "ensuite : {network} (c)", "en": "next: {network} (c)"},
    "screen.one_network": {"fr": "Ce plan tient sur un seul réseau",
                           "en": "This plan runs on one network"},
    "screen.no_such_network": {"fr": "Pas de réseau {place} : ce plan tient sur {networks}",
                               "en": "No network {place}: this plan runs on {networks}"},
    "screen.status_posting": {"fr": "envoi…", "en": "posting…"},
    "screen.list_and": {"fr": "{first} et {last}", "en": "{first} and {last}"},
    "screen.where_skipped": {"fr": "{network} sauté", "en": "{network} skipped"},
    # One key per place in `platforms`; help shows them as one row ("1-4").
    "key.network_1": {"fr": "Réseau 1", "en": "Network 1"},
    "key.network_2": {"fr": "Réseau 2", "en": "Network 2"},
    "key.network_3": {"fr": "Réseau 3", "en": "Network 3"},
    "key.network_4": {"fr": "Réseau 4", "en": "Network 4"},
    "help.network_1": {
        "fr": "Montre le texte du 1er réseau du plan (2, 3, 4 : les suivants, dans l'ordre "
              "de platforms) ; c copie celui qui est montré",
        "en": "Show the text for the plan's first network (2, 3, 4: the next ones, in "
              "the order of platforms); c copies the one shown"},
    "help.network_2": {"fr": "Montre le texte du 2e réseau du plan",
                       "en": "Show the text for the plan's second network"},
    "help.network_3": {"fr": "Montre le texte du 3e réseau du plan",
                       "en": "Show the text for the plan's third network"},
    "help.network_4": {"fr": "Montre le texte du 4e réseau du plan",
                       "en": "Show the text for the plan's fourth network"},
    "key.skip_network": {"fr": "Sauter ici", "en": "Skip here"},
    "help.skip_network": {
        "fr": "Saute l'envoi choisi sur le réseau montré seulement (s : sur tous)",
        "en": "Skip the selected cue on the network shown only (s: on every network)"},
    # Posting (`P`).
    "key.publish": {"fr": "Publier", "en": "Post"},
    # One line in help at 120 columns: every key still shows at 48 rows (u right after
    # P offers the deletion itself, and the README says it).
    "help.publish": {"fr": "Publie sur les comptes du plan, copie le reste",
                     "en": "Post on the plan's accounts, copy the rest"},
    "screen.no_accounts": {
        "fr": "Pas de comptes dans ce plan : P ne publie rien (ajoutez [accounts] pour "
              "publier depuis tchat ; c copie le texte)",
        "en": "No accounts in this plan: P posts nothing (add [accounts] to post from "
              "tchat; c copies the text)"},
    "screen.posting_already": {"fr": "{label} est en cours d'envoi",
                               "en": "{label} is being posted"},
    "screen.post_everywhere": {"fr": "{label} est déjà sur chaque réseau, rien d'envoyé : "
                                     "{where}",
                               "en": "{label} is already on every network, nothing sent: "
                                     "{where}"},
    "screen.post_first_title": {"fr": "Publier {label} depuis tchat ?",
                                "en": "Post {label} from tchat?"},
    "screen.post_account": {"fr": "{account} sur {network}", "en": "{account} on {network}"},
    "screen.post_first_body": {
        "fr": "P publie en tant que {accounts}, maintenant et à chaque P (demandé une "
              "fois).",
        "en": "P posts as {accounts}, now and at every P (asked once)."},
    "screen.post_first_copy": {"fr": "Le texte pour {networks} va dans le presse-papiers, "
                                     "comme avec c.",
                               "en": "The {networks} text goes to the clipboard, as with c."},
    "screen.post_confirm": {"fr": "Publier", "en": "Post"},
    "screen.post_early": {
        "fr": "{label} est prévu à {time}, dans {delay}. Le publier maintenant ?",
        "en": "{label} is planned at {time}, {delay} from now. Post it now?"},
    "screen.post_cancelled": {"fr": "Rien publié : {label}", "en": "Nothing posted: {label}"},
    "screen.posted_on": {"fr": "{label} publié sur {networks}",
                         "en": "{label} posted on {networks}"},
    "screen.post_copied": {"fr": "texte pour {networks} dans le presse-papiers",
                           "en": "{networks} text on the clipboard"},
    "screen.post_failed_copied": {
        "fr": "Le texte pour {network} est dans le presse-papiers : collez-le, puis c le "
              "marque",
        "en": "The {network} text is on the clipboard: paste it there, then c marks it"},
    "screen.post_failed_press_c": {
        "fr": "{network} montré : c copie son texte et le marque",
        "en": "{network} shown: c copies its text and marks it"},
    "screen.post_link": {"fr": "{network} : {url}", "en": "{network}: {url}"},
    "screen.post_failed_note": {"fr": "{network} : non publié : {reason}",
                                "en": "{network}: not posted: {reason}"},
    "screen.preview_title": {"fr": "Répétition : ce que P enverrait pour {label}",
                             "en": "Rehearsal: what P would send for {label}"},
    "screen.preview_part": {"fr": "{network} · partie {part} sur {parts} · {length}/{limit}",
                            "en": "{network} · part {part} of {parts} · {length}/{limit}"},
    "screen.preview_facets": {"fr": "facettes : {facets}", "en": "facets: {facets}"},
    "screen.preview_reply": {"fr": "en réponse à la partie {parent} (fil de la partie {root})",
                             "en": "a reply to part {parent} (thread of part {root})"},
    "screen.preview_image": {"fr": "image : {image} (texte alternatif : {alt})",
                             "en": "card: {image} (alt text: {alt})"},
    "screen.preview_key": {"fr": "clé : {value}", "en": "key: {value}"},
    "screen.preview_marked": {
        "fr": "Répétition : rien d'envoyé, {label} marqué publié sur {networks}",
        "en": "Rehearsal: nothing sent, {label} marked posted on {networks}"},
    "screen.undo_posting": {
        "fr": "{label} est en cours d'envoi : une fois publié, u proposera de le supprimer",
        "en": "{label} is being posted: once it is out, u offers to delete it"},
    "screen.unpost_title": {"fr": "Supprimer {label} ?", "en": "Delete {label}?"},
    "screen.unpost_body": {
        "fr": "P vient de publier {label} ({where}). Le supprimer de ces réseaux et "
              "reprendre ses marques ?",
        "en": "P just posted {label} ({where}). Delete it there and take its marks back?"},
    "screen.unpost_confirm": {"fr": "Supprimer", "en": "Delete"},
    "screen.unpost_kept": {"fr": "Gardé : {label} reste sur {networks} (u suivant : les "
                                 "marques)",
                           "en": "Kept: {label} stays on {networks} (the next u: its marks)"},
    "screen.unposted": {"fr": "{label} supprimé de {networks}, marques reprises",
                        "en": "{label} deleted from {networks}, its marks taken back"},
    "screen.unpost_failed": {"fr": "{label} non supprimé de {network} : {reason}",
                             "en": "{label} not deleted from {network}: {reason}"},
    "screen.unpost_preview": {"fr": "Répétition : marques de {label} reprises (rien n'avait "
                                    "été envoyé)",
                              "en": "Rehearsal: {label}'s marks taken back (nothing had "
                                    "been sent)"},
    "screen.settled_done": {
        "fr": "Envoi interrompu retrouvé : {label} est bien sur {network} (noté)",
        "en": "An interrupted post found: {label} is on {network} (logged)"},
    "screen.settled_resend": {
        "fr": "Envoi interrompu : {label} n'est pas sur {network}, P le renverra",
        "en": "An interrupted post: {label} is not on {network}, P sends it again"},
    "screen.settled_wait": {
        "fr": "Envoi interrompu : {network} ne dit pas si {label} (partie {part}) est "
              "parti ; P redemandera",
        "en": "An interrupted post: {network} cannot tell whether {label} (part {part}) "
              "went out; P asks again"},
    "screen.confirm_hint": {
        "fr": "o ou y : oui · n ou échap : non",
        "en": "y: yes · n or escape: no",
    },
    "screen.confirm_swallowed": {
        "fr": "« {pressed} » ne fait rien ici · o ou y : oui · n ou échap : non",
        "en": "“{pressed}” does nothing here · y: yes · n or escape: no",
    },
    "screen.early_title": {
        "fr": "{label} n'est pas encore à poster",
        "en": "{label} is not due yet",
    },
    "screen.early_body": {
        "fr": "{label} est prévu à {time}, dans {delay}. "
              "Le copier et le marquer posté maintenant ?",
        "en": "{label} is planned at {time}, {delay} from now. Copy it and mark it posted now?",
    },
    "screen.early_confirm": {"fr": "Copier et marquer", "en": "Copy and mark"},
    # The early copy's question, closed because what it asked about changed meanwhile.
    "screen.early_now_due": {
        "fr": "Question fermée, rien copié : {label} est à poster maintenant, c le copie",
        "en": "Question closed, nothing copied: {label} is due now, c copies it",
    },
    "screen.early_closed": {
        "fr": "Question fermée, rien copié : {label} est désormais {status}",
        "en": "Question closed, nothing copied: {label} is {status} now",
    },
    "screen.early_gone": {
        "fr": "Rien copié : ce message n'est plus dans le plan",
        "en": "Nothing copied: this post is no longer in the plan",
    },
    "screen.early_cancelled": {"fr": "Rien copié : {label} n'est pas encore à poster",
                               "en": "Nothing copied: {label} is not due yet"},
    "screen.reminder_no_tick": {
        "fr": "Un rappel pour toute l'heure, rien à cocher : {item}",
        "en": "A reminder for the whole hour, nothing to tick: {item}",
    },
    "key.back": {"fr": "Retour au déroulé", "en": "Back to the list"},
    "key.take_over": {"fr": "Prendre la main", "en": "Take over"},
    "help.take_over": {"fr": "Prend le verrou de la fenêtre suivie, après un oui",
                       "en": "Take the plan from the window this one follows, after a yes"},
    "screen.quit_title": {"fr": "Quitter pendant le tchat ?", "en": "Quit during the chat?"},
    "screen.quit_body": {
        "fr": "Le tchat est en cours. Tout est déjà enregistré ; "
              "tchat PLAN le rouvre où il en est.",
        "en": "The chat is on. Everything is saved; tchat PLAN opens it again where it is.",
    },
    "screen.quit_waiting_title": {"fr": "Quitter ? Des actions ne sont pas écrites",
                                  "en": "Quit? Some actions are not written"},
    "screen.quit_waiting_body": {
        "fr": {
            "one": "{n} action n'est qu'en mémoire : {what}. Le journal ne peut pas être "
                   "écrit ({error}) ; nouvel essai toutes les {seconds} s. Quitter "
                   "maintenant la perd.\n\nAttendre : tchat quitte tout seul dès qu'elle "
                   "est écrite. Retour : le tchat continue.",
            "other": "{n} actions ne sont qu'en mémoire : {what}. Le journal ne peut pas "
                     "être écrit ({error}) ; nouvel essai toutes les {seconds} s. Quitter "
                     "maintenant les perd.\n\nAttendre : tchat quitte tout seul dès "
                     "qu'elles sont écrites. Retour : le tchat continue.",
        },
        "en": {
            "one": "{n} action is only in memory: {what}. The log cannot be written "
                   "({error}); retried every {seconds} s. Quitting now loses it.\n\n"
                   "Wait: tchat quits by itself once it is written. Back: the chat goes on.",
            "other": "{n} actions are only in memory: {what}. The log cannot be written "
                     "({error}); retried every {seconds} s. Quitting now loses them.\n\n"
                     "Wait: tchat quits by itself once they are written. Back: the chat "
                     "goes on.",
        },
    },
    "screen.quit_waiting_hint": {
        "fr": "a ou w : attendre · o ou y : quitter quand même · échap : retour",
        "en": "w: wait · y: quit anyway · escape: back",
    },
    "key.quit_wait": {"fr": "Attendre", "en": "Wait"},
    "key.quit_anyway": {"fr": "Quitter quand même", "en": "Quit anyway"},
    "screen.quit_back": {"fr": "Retour", "en": "Back"},
    "screen.quit_when_written": {
        "fr": {
            "one": "tchat quittera dès que l'action en mémoire sera écrite (nouvel essai "
                   "toutes les {every} s) ; ctrl+q pour choisir à nouveau",
            "other": "tchat quittera dès que les {n} actions en mémoire seront écrites "
                     "(nouvel essai toutes les {every} s) ; ctrl+q pour choisir à nouveau",
        },
        "en": {
            "one": "tchat quits once the action in memory is written (retried every "
                   "{every} s); ctrl+q to choose again",
            "other": "tchat quits once the {n} actions in memory are written (retried "
                     "every {every} s); ctrl+q to choose again",
        },
    },
    "screen.waiting_compress": {"fr": "le resserrement", "en": "the compression"},
    "screen.waiting_tick": {"fr": "une coche", "en": "a tick"},
    "screen.waiting_reply": {"fr": "une réponse", "en": "a reply"},
    "screen.waiting_highlight": {"fr": "un temps fort", "en": "a highlight"},
    "screen.waiting_undo": {"fr": "une annulation", "en": "an undo"},
    "screen.waiting_other": {"fr": "une autre action", "en": "another action"},
    "screen.waiting_more": {"fr": "et {n} de plus", "en": "and {n} more"},
    "screen.changed_not_loaded": {
        "fr": "Le plan a changé sur le disque et ne se charge pas : rien n'a été écrit, "
              "on garde le plan affiché.",
        "en": "The plan changed on disk and does not load: nothing written, "
              "the plan on screen is kept.",
    },
    "key.compress": {"fr": "Resserrer", "en": "Compress"},
    "help.compress": {"fr": "Garde la fin, resserre les questions",
                      "en": "Keep the end, spread the questions left"},
    "screen.compress_title": {"fr": "Resserrer : garder la fin à {end}",
                              "en": "Compress: keep the end at {end}"},
    "screen.compress_body": {"fr": "Nouvelles heures : {times}.", "en": "New times: {times}."},
    "screen.compress_skips": {
        "fr": "Ne tiennent pas (3 min au moins entre deux) : {cues}, sautées.",
        "en": "Cannot fit (3 min apart at least): {cues}, skipped.",
    },
    "screen.compress_confirm": {"fr": "Resserrer", "en": "Compress"},
    "screen.compressed": {"fr": "Questions resserrées, fin gardée à {end} (u annule)",
                          "en": "Questions compressed, end kept at {end} (u undoes)"},
    "screen.nothing_to_compress": {"fr": "Rien à resserrer", "en": "Nothing to compress"},
    "screen.undo_compress": {"fr": "le resserrement", "en": "the compression"},
    "screen.unknown_placeholders": {
        "fr": "Inconnu : {names}. Connus : {known} ; {{{{ et }}}} pour des accolades.",
        "en": "Unknown: {names}. Known: {known}; {{{{ and }}}} for literal braces.",
    },
    "screen.not_saved_placeholders": {
        "fr": "Pas enregistré : {names} n'est pas un nom connu (écrivez {{{{ }}}} pour "
              "des accolades)",
        "en": "Not saved: {names} is not a known name (write {{{{ }}}} for literal braces)",
    },
    "screen.plan_errors_title": {"fr": "Ce plan a des erreurs ({n}) : à corriger avant le tchat",
                                 "en": "This plan has errors ({n}): fix them before the chat"},
    "screen.plan_errors_hint": {"fr": "tchat check {path} les liste toutes · échap ferme",
                                "en": "tchat check {path} lists them all · escape closes"},
}
