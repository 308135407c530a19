"""Every word the run-sheet shows, in French and in English.

The plan's language decides (`--lang` overrides), so a French moderator never meets an
English label. A test checks that both languages have every key and the same fields.
"""

from __future__ import annotations

from typing import Literal

from tui.core.wording import KIND_NAMES

Lang = Literal["fr", "en"]

WORDS: dict[str, dict[Lang, str]] = {
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
    "one_question_not_posted": {"fr": "1 question sur {total} non postée",
                                "en": "1 question of {total} not posted"},
    "questions_not_posted": {"fr": "{n} questions sur {total} non postées",
                             "en": "{n} questions of {total} not posted"},
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
    **KIND_NAMES,
    "day_before": {"fr": "J-{n}", "en": "D-{n}"},
    # draft pane
    "draft": {"fr": "Texte à coller", "en": "Text to paste"},
    "over_by": {"fr": "{n} de trop", "en": "{n} over"},
    "refused_one": {"fr": "Un texte serait refusé : {cues}. Touche e pour le modifier.",
                    "en": "One draft would be refused: {cues}. Press e to edit it."},
    "refused_many": {"fr": "{n} textes seraient refusés : {cues}. Touche e pour les modifier.",
                     "en": "{n} drafts would be refused: {cues}. Press e to edit them."},
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
    "key.report": {"fr": "Bilan", "en": "Report"},
    "key.pause": {"fr": "Pause", "en": "Pause"},
    "key.faster": {"fr": "Plus vite", "en": "Faster"},
    "key.slower": {"fr": "Moins vite", "en": "Slower"},
    "key.jump_next": {"fr": "Envoi suivant", "en": "Jump ahead"},
    "key.jump_back": {"fr": "Envoi précédent", "en": "Jump back"},
    "help.copy": {
        "fr": "Copie le texte choisi et le marque posté maintenant",
        "en": "Copy the selected text and mark it posted now",
    },
    "help.undo": {"fr": "Annule la dernière marque", "en": "Undo the last mark"},
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
    "help.highlight": {
        "fr": "Note le lien ou la citation d'un message marquant sous la question en cours",
        "en": "Save a link or a quote of a notable post under the current question",
    },
    "help.report": {
        "fr": "Compare l'heure prévue et l'heure réelle de chaque envoi",
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
    "write_failed": {"fr": "Écriture impossible : {error}", "en": "Could not write: {error}"},
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
    "report_counts": {"fr": "{posted} posté(s), {skipped} sauté(s), {missing} non fait(s)",
                      "en": "{posted} posted, {skipped} skipped, {missing} not done"},
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
}


def cue_label(
    kind: str, number: int | None, words: Words, part: int | None = None,
    parts: int | None = None,
) -> str:
    """ "Q3", "Rappel Q3", "Accueil", "Merci 1/2": a cue's short name, in `words`'s language."""
    if kind == "question":
        base = f"Q{number}"
    elif kind == "heads-up" and number is not None:
        base = f"{words('kind_heads-up')} Q{number}"
    else:
        base = words(f"kind_{kind}")
    return base if part is None else f"{base} {part}/{parts}"


class Words:
    """The words of one language: `words("copied_system", label="Q1")`."""

    def __init__(self, language: Lang) -> None:
        self.language: Lang = language

    def __call__(self, key: str, **fields: object) -> str:
        text = WORDS[key][self.language]
        return text.format(**fields)

    def get(self, key: str, default: str) -> str:
        entry = WORDS.get(key)
        return entry[self.language] if entry else default
