"""Every word tchat shows or writes, in French and in English, in one table.

The plan's language decides (`--lang` overrides for the screen), so a French moderator
never meets an English label. Keys are namespaced so that one key means one thing:

- bare keys (`"copied_system"`, `"status_due"`...) are the run-sheet screen's and the
  report's words; `key.*`, `help.*` and `sys.*` are the footer's, the help's and the
  palette's names for bindings;
- `export.*` are the words of the exports (guest brief, event, recap, run-sheet...);
- `kind.*` are the short names of the kinds of cue, shared by the screen and the
  exports so that the paper backup and the screen say the same thing;
- `count.*` are the words of a character count, shared as well;
- `cli.*` are the command line's diagnostics (in English, like `tchat check`);
- `preflight.*` are the pre-flight's, in the plan's language (`tchat check`, `tchat new`
  and the run-sheet's first screen).

What is said to one guest in French never makes a word agree with their gender, which
the plan does not know: "d'intervenir dans le tchat", not "d'être notre invité"; where a
plural names them among others, the inclusive point ("nos invité·es").

`cue_list`, at the end, lists cue names in a sentence; `tui.core.plan.naming` holds the
one way to name a cue and to write a post's count.

An entry gives each language a text, or for a word that depends on a number a table of
texts by CLDR plural category (`"one"`, `"other"`, read with Babel's rules for the
language): `words("report_posted", n=3)`. A test checks that both languages have every
key and the same `{fields}`, and another that every key is used somewhere in `tui/`.

The guide's texts for a new plan are another matter and live in
`tui.core.plan.guide_texts`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from tui.core.text.vocabulary import Language

Plural = dict[str, str]
"""Texts by CLDR plural category ("one", "other"...); "other" is always there."""

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
    # header and banner
    "live": {"fr": "DIRECT", "en": "LIVE"},
    "rehearsal": {"fr": "RÉPÉTITION", "en": "REHEARSAL"},
    "end_projected": {"fr": "fin prévue {time}", "en": "ends {time}"},
    "end_shifted": {"fr": "fin décalée {time} (+{delay})", "en": "ends {time} (+{delay})"},
    "paused": {"fr": "EN PAUSE", "en": "PAUSED"},
    # countdown
    "to_start": {"fr": "Début dans", "en": "Starts in"},
    "reading_plan": {"fr": "Lecture du plan…", "en": "Reading the plan…"},
    "to_cue": {"fr": "{cue} dans", "en": "{cue} in"},
    "overrun": {"fr": "{cue} en retard de", "en": "{cue} overdue by"},
    "since_end": {"fr": "Terminé depuis", "en": "Since the end"},
    "ended_at": {"fr": "fin à {time}", "en": "ended at {time}"},
    "starts_at": {"fr": "début à {time} · {cue} à {at}", "en": "starts at {time} · {cue} at {at}"},
    "starts_at_only": {"fr": "début à {time}", "en": "starts at {time}"},
    "left_in_chat": {"fr": "reste {time} de chat", "en": "{time} left in the chat"},
    "all_posted": {"fr": "Tout est posté", "en": "Everything is posted"},
    "days": {"fr": "{n} j", "en": "{n} d"},
    # next question
    "next_question": {"fr": "Prochaine question", "en": "Next question"},
    "no_question_left": {"fr": "Plus de question à poser", "en": "No question left"},
    "questions_left": {"fr": "{n} sur {total} à poser", "en": "{n} of {total} to ask"},
    "chat_over": {"fr": "Tchat terminé", "en": "Chat over"},
    "all_questions_posted": {"fr": "Toutes les questions postées ({total})",
                             "en": "All questions posted ({total})"},
    "questions_not_posted": {
        "fr": {"one": "{n} question sur {total} non postée",
               "other": "{n} questions sur {total} non postées"},
        "en": {"one": "{n} question of {total} not posted",
               "other": "{n} questions of {total} not posted"},
    },
    "report_hint": {"fr": "R affiche le bilan prévu / réel",
                    "en": "R shows planned versus actual"},
    "planned_at": {"fr": "prévue à {time}", "en": "planned {time}"},
    "starts_on": {"fr": "Début : {when}", "en": "Starts {when}"},
    "moved_to": {"fr": "décalée à {time}", "en": "moved to {time}"},
    # cue list
    "timeline": {"fr": "Déroulé", "en": "Run-sheet"},
    "status_upcoming": {"fr": "à venir", "en": "upcoming"},
    "status_due": {"fr": "à poster", "en": "due"},
    "status_posted": {"fr": "posté {time}", "en": "posted {time}"},
    "status_skipped": {"fr": "sauté", "en": "skipped"},
    "status_missed": {"fr": "passé", "en": "missed"},
    "day_before": {"fr": "J-{n}", "en": "D-{n}"},
    # draft pane
    "draft": {"fr": "Texte à coller", "en": "Text to paste"},
    "refused": {
        "fr": {"one": "Un texte serait refusé : {cues}. Touche e pour le modifier.",
               "other": "{n} textes seraient refusés : {cues}. Touche e pour les modifier."},
        "en": {"one": "One draft would be refused: {cues}. Press e to edit it.",
               "other": "{n} drafts would be refused: {cues}. Press e to edit them."},
    },
    "cues_and_more": {
        "fr": {"one": "{cues} et {n} autre", "other": "{cues} et {n} autres"},
        "en": {"one": "{cues} and {n} more", "other": "{cues} and {n} more"},
    },
    "note": {"fr": "Note", "en": "Note"},
    "derived_note": {
        "fr": "Rappel ajouté par tchat (non modifiable ici)",
        "en": "Heads-up added by tchat (not editable here)",
    },
    # checklist
    "checklist": {"fr": "Liste de contrôle", "en": "Checklist"},
    "phase_before": {"fr": "Avant", "en": "Before"},
    "phase_during": {"fr": "Pendant", "en": "During"},
    "phase_after": {"fr": "Après", "en": "After"},
    "overdue": {"fr": "en retard", "en": "overdue"},
    "no_checklist": {"fr": "Aucune tâche dans le plan", "en": "No checklist in the plan"},
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
    "key.save": {"fr": "Enregistrer", "en": "Save"},
    "key.send": {"fr": "Copier la réponse", "en": "Copy the reply"},
    "key.highlight": {"fr": "Temps fort", "en": "Highlight"},
    "key.conversation": {"fr": "Conversation", "en": "Conversation"},
    "key.report": {"fr": "Bilan", "en": "Report"},
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
        "fr": "Montre ou cache les messages du hashtag ; dans le volet : r répond, "
              "h note un temps fort, o ouvre le message",
        "en": "Show or hide the tag's posts; in the pane: r replies, h keeps a highlight, "
              "o opens the post",
    },
    "help.highlight": {
        "fr": "Note le lien ou la citation d'un message marquant sous la question en cours",
        "en": "Save a link or a quote of a notable post under the current question",
    },
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
    "palette_placeholder": {"fr": "Chercher une commande…", "en": "Search for a command…"},
    # help screen
    "help_title": {"fr": "Aide de tchat", "en": "tchat help"},
    "help_intro": {
        "fr": "Choisissez un envoi dans le déroulé, copiez-le avec c, collez-le sur la "
              "plateforme. Tout est noté dans le journal à côté du plan. Tab passe d'un "
              "volet à l'autre ; les flèches font défiler un texte long.",
        "en": "Pick a cue in the run-sheet, copy it with c, paste it on the platform. "
              "Every action is written to the log beside the plan. Tab moves between "
              "panes; the arrows scroll a long text.",
    },
    "help_log": {"fr": "Journal : {path}", "en": "Log: {path}"},
    # notifications. French ones never make a participle agree with a label: "Annonce",
    # "Accueil", "Règles", "Q1" differ in gender and number ("Annonce copié" is wrong).
    "copied_system": {"fr": "Copié (presse-papiers du système) : {label}",
                      "en": "{label} copied (system clipboard)"},
    "clipboard_timeout": {
        "fr": "Le presse-papiers du système n'a pas répondu en {seconds} s.",
        "en": "The system clipboard did not answer within {seconds} s.",
    },
    "copied_osc52": {
        "fr": "Copié par le terminal (OSC 52) : {label} ; si rien ne se colle, touche v",
        "en": "{label} copied through the terminal (OSC 52); if nothing pastes, press v",
    },
    "copied_manual": {"fr": "Copie impossible : copiez le texte à la main",
                      "en": "Could not copy: copy the text by hand"},
    "marked": {"fr": "publication notée à {time}", "en": "marked posted at {time}"},
    "undone": {"fr": "Annulé : {what}", "en": "Undone: {what}"},
    "nothing_to_undo": {"fr": "Rien à annuler", "en": "Nothing to undo"},
    "undo_mark": {"fr": "publication de « {label} »", "en": "{label} posted"},
    "undo_skip": {"fr": "saut de « {label} »", "en": "{label} skipped"},
    "undo_shift": {"fr": "décalage de {delay}", "en": "shift of {delay}"},
    "skipped": {"fr": "Sauté : {label}", "en": "{label} skipped"},
    "already_done": {"fr": "{label} : déjà {status}", "en": "{label} is already {status}"},
    "shifted": {"fr": "Tout ce qui reste est décalé de {delay}",
                "en": "Every remaining cue moved by {delay}"},
    "nothing_late": {"fr": "Rien n'est en retard", "en": "Nothing is running late"},
    "no_cue": {"fr": "Aucun envoi choisi", "en": "No cue selected"},
    "not_editable": {
        "fr": "Les rappels sont ajoutés par tchat : modifiez [chat] heads_up ou écrivez "
              "vos propres posts heads-up",
        "en": "Heads-ups are added by tchat: change [chat] heads_up or write your own "
              "heads-up posts",
    },
    "saved": {"fr": "{label} enregistré dans le plan", "en": "{label} saved in the plan"},
    "no_item": {"fr": "Aucune tâche choisie", "en": "No checklist item selected"},
    "tick_next": {"fr": "Espace encore pour cocher : {item}",
                  "en": "Space again to tick: {item}"},
    "reloaded": {"fr": "Le plan a changé sur le disque : rechargé, marques conservées",
                 "en": "The plan changed on disk: reloaded, marks kept"},
    "reload_failed": {"fr": "Le plan modifié ne se charge pas ({problem}) : on garde l'ancien",
                      "en": "The changed plan does not load ({problem}): keeping the old one"},
    "changed_not_written": {
        "fr": "Le plan a changé sur le disque : rechargé, rien n'a été écrit. Recommencez.",
        "en": "The plan changed on disk: reloaded, nothing written. Try again.",
    },
    "plan_gone": {
        "fr": "⚠ Le fichier du plan a disparu ({path}) : la séance continue sur le plan "
              "chargé. Remettez-le en place pour y enregistrer.",
        "en": "⚠ The plan file is gone ({path}): the run goes on with the plan as loaded. "
              "Put it back to save to it.",
    },
    "write_failed": {"fr": "Écriture impossible : {error}", "en": "Could not write: {error}"},
    "write_banner": {
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
    "following": {
        "fr": "⧉ Ce plan est ouvert ailleurs ({holder}) : cette fenêtre suit ses marques "
              "et n'écrit rien.",
        "en": "⧉ This plan is open elsewhere ({holder}): this window follows its marks "
              "and writes nothing.",
    },
    "following_no_write": {
        "fr": "Plan ouvert ailleurs ({holder}) : cette fenêtre ne fait que suivre",
        "en": "Plan open elsewhere ({holder}): this window only follows",
    },
    "took_over": {
        "fr": "L'autre fenêtre est fermée : celle-ci écrit désormais le journal",
        "en": "The other window closed: this one now writes the log",
    },
    "lock_taken_over": {
        "fr": "Verrou d'une session arrêtée ({holder}) repris",
        "en": "Took over the lock of a session that stopped ({holder})",
    },
    "written_again": {"fr": "Journal de nouveau écrit : rien n'est perdu",
                      "en": "The log is written again: nothing was lost"},
    "log_lines_skipped": {
        "fr": {"one": "{n} ligne illisible du journal ignorée ({lines})",
               "other": "{n} lignes illisibles du journal ignorées ({lines})"},
        "en": {"one": "{n} unreadable log line skipped ({lines})",
               "other": "{n} unreadable log lines skipped ({lines})"},
    },
    # Short: it covers part of the screen while it shows. The clock keys are in the
    # footer and the help.
    "rehearsal_intro": {
        "fr": "Répétition : rien n'est publié, journal à part",
        "en": "Rehearsal: nothing is posted, separate log",
    },
    "speed_now": {"fr": "Répétition à ×{n}", "en": "Rehearsal at ×{n}"},
    "paused_now": {"fr": "Horloge de la répétition en pause", "en": "Rehearsal clock paused"},
    "resumed_now": {"fr": "L'horloge de la répétition repart", "en": "Rehearsal clock running"},
    "jumped": {"fr": "Horloge à {time} : {label}", "en": "Clock at {time}: {label}"},
    "jump_start": {"fr": "début du tchat", "en": "the chat starts"},
    "jump_end": {"fr": "fin du tchat", "en": "the chat ends"},
    "nothing_ahead": {"fr": "Plus aucun envoi après", "en": "No cue further ahead"},
    "nothing_before": {"fr": "Aucun envoi avant", "en": "No cue earlier"},
    "not_steerable": {"fr": "Cette horloge ne se règle pas", "en": "This clock cannot be steered"},
    "highlight_saved": {"fr": "Temps fort noté sous {label}",
                        "en": "Highlight saved under {label}"},
    "highlight_saved_loose": {"fr": "Temps fort noté (aucune question posée encore)",
                              "en": "Highlight saved (no question posted yet)"},
    "run_over": {"fr": "Le tchat est terminé : R affiche le bilan prévu / réel",
                 "en": "The chat is over: R shows planned versus actual"},
    "reply_copied": {"fr": "Réponse copiée ({via})", "en": "Reply copied ({via})"},
    "via_system": {"fr": "système", "en": "system"},
    "via_osc52": {"fr": "terminal OSC 52", "en": "terminal OSC 52"},
    "via_manual": {"fr": "à la main", "en": "by hand"},
    # dialogs
    "edit_title": {"fr": "Modifier {label}", "en": "Edit {label}"},
    "edit_hint": {
        "fr": "ctrl+s enregistre dans le plan · échap annule · {{tag}}, {{q}}… sont remplacés",
        "en": "ctrl+s saves into the plan · escape cancels · {{tag}}, {{q}}… are filled in",
    },
    "reply_title": {"fr": "Réponse rapide", "en": "Quick reply"},
    "highlight_title": {"fr": "Temps fort sous {label}", "en": "Highlight under {label}"},
    "highlight_title_loose": {"fr": "Temps fort (aucune question posée encore)",
                              "en": "Highlight (no question posted yet)"},
    "highlight_hint": {
        "fr": "Collez le lien ou la citation du message · entrée enregistre · échap ferme",
        "en": "Paste the post's link or quote · enter saves · escape closes",
    },
    "report_title": {"fr": "Prévu / réel", "en": "Planned versus actual"},
    "report_title_rehearsal": {"fr": "Prévu / réel (répétition)",
                               "en": "Planned versus actual (rehearsal)"},
    "report_cue": {"fr": "Envoi", "en": "Cue"},
    "report_planned": {"fr": "Prévu", "en": "Planned"},
    "report_actual": {"fr": "Réel", "en": "Actual"},
    "report_delta": {"fr": "Écart", "en": "Delta"},
    "report_skipped": {"fr": "sauté", "en": "skipped"},
    "report_overrun": {
        "fr": "Dépassement total : {delta} ({label} : posté à {time}, prévu à {planned})",
        "en": "Total overrun: {delta} ({label} posted at {time}, planned {planned})",
    },
    "report_nothing": {"fr": "Dépassement total : — (rien de posté)",
                       "en": "Total overrun: — (nothing posted)"},
    "report_nothing_in_chat": {"fr": "Dépassement total : — (rien de posté pendant le tchat)",
                               "en": "Total overrun: — (nothing posted during the chat)"},
    "report_posted": {"fr": {"one": "{n} posté", "other": "{n} postés"}, "en": "{n} posted"},
    "report_skipped_n": {"fr": {"one": "{n} sauté", "other": "{n} sautés"},
                         "en": "{n} skipped"},
    "report_not_done": {"fr": {"one": "{n} non fait", "other": "{n} non faits"},
                        "en": "{n} not done"},
    "report_log": {"fr": "Journal : {path}", "en": "Log: {path}"},
    "reply_hint": {"fr": "entrée copie · échap ferme", "en": "enter copies · escape closes"},
    "manual_title": {"fr": "Copiez ce texte à la main", "en": "Copy this text by hand"},
    "manual_hint": {
        "fr": "Le texte est sélectionné : copiez-le avec le raccourci de votre terminal.",
        "en": "The text is selected: copy it with your terminal's shortcut.",
    },
    "cancel": {"fr": "Annuler", "en": "Cancel"},
    "save": {"fr": "Enregistrer", "en": "Save"},
    "close": {"fr": "Fermer", "en": "Close"},
    "copy": {"fr": "Copier", "en": "Copy"},
    # the command line's diagnostics (written in English, as `tchat check` is)
    "cli.lines_skipped": {
        "fr": {"one": "{n} ligne n'est pas un événement et a été ignorée ({shown})",
               "other": "{n} lignes ne sont pas des événements et ont été ignorées ({shown})"},
        "en": {"one": "{n} line is not an event and was skipped ({shown})",
               "other": "{n} lines are not events and were skipped ({shown})"},
    },
    "cli.exported_despite": {
        "fr": {"one": "exporté malgré {n} erreur ; voir `tchat check`",
               "other": "exporté malgré {n} erreurs ; voir `tchat check`"},
        "en": {"one": "exported despite {n} error; see `tchat check`",
               "other": "exported despite {n} errors; see `tchat check`"},
    },
    "cli.drafts_over": {
        "fr": {"one": "{n} texte dépasse la limite", "other": "{n} textes dépassent la limite"},
        "en": {"one": "{n} draft over the limit", "other": "{n} drafts over the limit"},
    },
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
    # pre-flight (tchat check, tchat new, the run-sheet before the start)
    "preflight.title": {
        "fr": "Avant le départ (dans {left}) :", "en": "Pre-flight ({left} to the start):",
    },
    "preflight.late": {
        "fr": "annonces dont l'heure est passée, non marquées publiées : {offsets}",
        "en": "promotions whose time has passed, not marked posted: {offsets}",
    },
    "preflight.invited": {
        "fr": "invités pas encore confirmés (invited) : {names}",
        "en": "guests not confirmed yet (invited): {names}",
    },
    "preflight.no_handle": {
        "fr": "invités sans @compte : {names}", "en": "guests without a handle: {names}",
    },
    "preflight.overdue": {
        "fr": "en retard ({offset}) : {text}", "en": "overdue ({offset}): {text}",
    },
    "preflight.clear": {"fr": "rien en retard.", "en": "nothing is late."},
    "preflight.first": {"fr": "À faire d'abord : {step}", "en": "First, now: {step}"},
    "preflight.do_promo": {
        "fr": "publier l'annonce {offset} (prévue {when})",
        "en": "post the {offset} promotion (due {when})",
    },
    "preflight.next_promo": {
        "fr": "l'annonce {offset}, {when}", "en": "the {offset} promotion, {when}",
    },
    "preflight.do_task": {"fr": "{text} (prévu {when})", "en": "{text} (due {when})"},
    "preflight.next_task": {"fr": "{text}, {when}", "en": "{text}, {when}"},
    "preflight.do_confirm": {
        "fr": "obtenir la confirmation de {name}", "en": "get {name} to confirm",
    },
    "export.added_by_tchat": {"fr": "ajouté par tchat", "en": "added by tchat"},
    # the conversation ([feed] in the plan, or a rehearsal's replay)
    "conversation": {"fr": "Conversation", "en": "Conversation"},
    "conv_empty": {"fr": "Aucun message pour l'instant.", "en": "No post yet."},
    "no_feed": {
        "fr": "Pas de conversation : ajoutez une table [feed] au plan (voir le README)",
        "en": "No conversation: add a [feed] table to the plan (see the README)",
    },
    "no_post": {"fr": "Aucun message choisi", "en": "No post selected"},
    "post_highlighted": {"fr": "Message de @{author} noté comme temps fort",
                         "en": "Post by @{author} kept as a highlight"},
    "post_opened": {"fr": "Ouverture du message dans le navigateur",
                    "en": "Opening the post in the browser"},
    "post_no_link": {"fr": "Ce message n'a pas de lien https à ouvrir",
                     "en": "This post has no https link to open"},
    "seen_published": {"fr": "✓ vu publié", "en": "✓ seen published"},
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
    "post_now": {"fr": "{cue} : à poster", "en": "{cue}: post now"},
    "status_late": {"fr": "en retard", "en": "late"},
    "confirm_hint": {"fr": "o ou y : oui · n ou échap : non", "en": "y: yes · n or escape: no"},
    "early_title": {"fr": "{label} n'est pas encore à poster", "en": "{label} is not due yet"},
    "early_body": {
        "fr": "{label} est prévu à {time}, dans {delay}. "
              "Le copier et le marquer posté maintenant ?",
        "en": "{label} is planned at {time}, {delay} from now. Copy it and mark it posted now?",
    },
    "early_confirm": {"fr": "Copier et marquer", "en": "Copy and mark"},
    "early_cancelled": {"fr": "Rien copié : {label} n'est pas encore à poster",
                        "en": "Nothing copied: {label} is not due yet"},
    "reminder_no_tick": {
        "fr": "Un rappel pour toute l'heure, rien à cocher : {item}",
        "en": "A reminder for the whole hour, nothing to tick: {item}",
    },
    "key.back": {"fr": "Retour au déroulé", "en": "Back to the list"},
    "quit_title": {"fr": "Quitter pendant le tchat ?", "en": "Quit during the chat?"},
    "quit_body": {
        "fr": "Le tchat est en cours. Tout est déjà enregistré ; "
              "tchat PLAN le rouvre où il en est.",
        "en": "The chat is on. Everything is saved; tchat PLAN opens it again where it is.",
    },
    "changed_not_loaded": {
        "fr": "Le plan a changé sur le disque et ne se charge pas : rien n'a été écrit, "
              "on garde le plan affiché.",
        "en": "The plan changed on disk and does not load: nothing written, "
              "the plan on screen is kept.",
    },
    "key.compress": {"fr": "Resserrer", "en": "Compress"},
    "help.compress": {"fr": "Garde la fin, resserre les questions",
                      "en": "Keep the end, spread the questions left"},
    "compress_title": {"fr": "Resserrer : garder la fin à {end}",
                       "en": "Compress: keep the end at {end}"},
    "compress_body": {"fr": "Nouvelles heures : {times}.", "en": "New times: {times}."},
    "compress_skips": {"fr": "Ne tiennent pas (3 min au moins entre deux) : {cues}, sautées.",
                       "en": "Cannot fit (3 min apart at least): {cues}, skipped."},
    "compress_confirm": {"fr": "Resserrer", "en": "Compress"},
    "compressed": {"fr": "Questions resserrées, fin gardée à {end} (u annule)",
                   "en": "Questions compressed, end kept at {end} (u undoes)"},
    "nothing_to_compress": {"fr": "Rien à resserrer", "en": "Nothing to compress"},
    "undo_compress": {"fr": "le resserrement", "en": "the compression"},
    "unknown_placeholders": {
        "fr": "Inconnu : {names}. Connus : {known} ; {{{{ et }}}} pour des accolades.",
        "en": "Unknown: {names}. Known: {known}; {{{{ and }}}} for literal braces.",
    },
    "not_saved_placeholders": {
        "fr": "Pas enregistré : {names} n'est pas un nom connu (écrivez {{{{ }}}} pour "
              "des accolades)",
        "en": "Not saved: {names} is not a known name (write {{{{ }}}} for literal braces)",
    },
    "plan_errors_title": {"fr": "Ce plan a des erreurs ({n}) : à corriger avant le tchat",
                          "en": "This plan has errors ({n}): fix them before the chat"},
    "plan_errors_hint": {"fr": "tchat check {path} les liste toutes · échap ferme",
                         "en": "tchat check {path} lists them all · escape closes"},
}


@lru_cache(maxsize=None)
def _plural_rule(language: Language) -> Callable[[float], str]:
    # Imported here: the locale data is read the first time a plural is needed, not
    # when the run-sheet starts.
    from babel.core import Locale

    rule: Callable[[float], str] = Locale.parse(language).plural_form
    return rule


class Words:
    """The words of one language: `words("copied_system", label="Q1")`.

    Only the template is parsed for `{fields}`: values (plan text) are inserted as they
    are, so a title holding braces cannot reach anything. A plural entry picks its text
    by the field `n`.
    """

    __slots__ = ("language",)

    def __init__(self, language: Language) -> None:
        self.language: Language = language

    def __call__(self, key: str, **fields: object) -> str:
        return self.template(key, fields.get("n")).format(**fields)

    def template(self, key: str, n: object = None) -> str:
        """The unfilled text of `key`; for a plural entry, the form for `n`."""
        text = WORDS[key][self.language]
        if isinstance(text, str):
            return text
        if not isinstance(n, int | float):
            raise TypeError(f"{key} depends on a number: give it as n=")
        return text.get(_plural_rule(self.language)(n), text["other"])

    def get(self, key: str, default: str) -> str:
        """The text of `key`, or `default` for a key the table does not hold."""
        return self.template(key) if key in WORDS else default


def cue_list(names: list[str], words: Words, *, shown: int = 4) -> str:
    """ "Accueil, Q1, Q2, Q3 et 2 autres": the first `shown` names, then how many are
    left out in words. An ellipsis there ended the sentence around it in "…." """
    listed = ", ".join(names[:shown])
    more = len(names) - shown
    return words("cues_and_more", n=more, cues=listed) if more > 0 else listed
