"""Every word the run-sheet shows, in French and in English.

The plan's language decides (`--lang` overrides), so a French moderator never meets an
English label. A test checks that both languages have every key and the same fields.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["fr", "en"]

WORDS: dict[str, dict[Lang, str]] = {
    # header and banner
    "live": {"fr": "DIRECT", "en": "LIVE"},
    "rehearsal": {"fr": "RÉPÉTITION", "en": "REHEARSAL"},
    "end_projected": {"fr": "fin prévue {time}", "en": "ends {time}"},
    "end_shifted": {"fr": "fin décalée {time} (+{delay})", "en": "ends {time} (+{delay})"},
    # countdown
    "to_start": {"fr": "Début dans", "en": "Starts in"},
    "to_cue": {"fr": "{cue} dans", "en": "{cue} in"},
    "overrun": {"fr": "{cue} en retard de", "en": "{cue} overdue by"},
    "since_end": {"fr": "Terminé depuis", "en": "Time since the end"},
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
    "planned_at": {"fr": "prévue à {time}", "en": "planned {time}"},
    "moved_to": {"fr": "décalée à {time}", "en": "moved to {time}"},
    # cue list
    "timeline": {"fr": "Déroulé", "en": "Run-sheet"},
    "status_upcoming": {"fr": "à venir", "en": "upcoming"},
    "status_due": {"fr": "à poster", "en": "due"},
    "status_posted": {"fr": "posté {time}", "en": "posted {time}"},
    "status_skipped": {"fr": "sauté", "en": "skipped"},
    "status_missed": {"fr": "passé", "en": "missed"},
    "kind_promo": {"fr": "Annonce", "en": "Promo"},
    "kind_welcome": {"fr": "Accueil", "en": "Welcome"},
    "kind_rules": {"fr": "Règles", "en": "Rules"},
    "kind_heads-up": {"fr": "Rappel", "en": "Heads-up"},
    "kind_custom": {"fr": "Message", "en": "Post"},
    "kind_closing": {"fr": "Clôture", "en": "Closing"},
    "kind_thanks": {"fr": "Merci", "en": "Thanks"},
    "day_before": {"fr": "J-{n}", "en": "D-{n}"},
    # draft pane
    "draft": {"fr": "Texte à coller", "en": "Text to paste"},
    "over_by": {"fr": "{n} de trop", "en": "{n} over"},
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
    "key.palette": {"fr": "commandes", "en": "commands"},
    "key.close": {"fr": "Fermer", "en": "Close"},
    "key.save": {"fr": "Enregistrer", "en": "Save"},
    "key.send": {"fr": "Copier la réponse", "en": "Copy the reply"},
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
              "plateforme. Tout est noté dans le journal à côté du plan.",
        "en": "Pick a cue in the run-sheet, copy it with c, paste it on the platform. "
              "Every action is written to the log beside the plan.",
    },
    "help_log": {"fr": "Journal : {path}", "en": "Log: {path}"},
    # notifications
    "copied_system": {"fr": "{label} copié (presse-papiers du système)",
                      "en": "{label} copied (system clipboard)"},
    "copied_osc52": {
        "fr": "{label} copié par le terminal (OSC 52) ; si rien ne se colle, touche v",
        "en": "{label} copied through the terminal (OSC 52); if nothing pastes, press v",
    },
    "copied_manual": {"fr": "Copie impossible : copiez le texte à la main",
                      "en": "Could not copy: copy the text by hand"},
    "marked": {"fr": "{label} marqué posté à {time}", "en": "{label} marked posted at {time}"},
    "undone": {"fr": "Annulé : {what}", "en": "Undone: {what}"},
    "nothing_to_undo": {"fr": "Rien à annuler", "en": "Nothing to undo"},
    "undo_mark": {"fr": "{label} posté", "en": "{label} posted"},
    "undo_skip": {"fr": "{label} sauté", "en": "{label} skipped"},
    "undo_shift": {"fr": "décalage de {delay}", "en": "shift of {delay}"},
    "skipped": {"fr": "{label} sauté", "en": "{label} skipped"},
    "already_done": {"fr": "{label} est déjà {status}", "en": "{label} is already {status}"},
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
    "ticked": {"fr": "Coché : {text}", "en": "Ticked: {text}"},
    "unticked": {"fr": "Décoché : {text}", "en": "Unticked: {text}"},
    "no_item": {"fr": "Aucune tâche choisie", "en": "No checklist item selected"},
    "reloaded": {"fr": "Le plan a changé sur le disque : rechargé, marques conservées",
                 "en": "The plan changed on disk: reloaded, marks kept"},
    "reload_failed": {"fr": "Le plan modifié ne se charge pas ({problem}) : on garde l'ancien",
                      "en": "The changed plan does not load ({problem}): keeping the old one"},
    "changed_not_written": {
        "fr": "Le plan a changé sur le disque : rechargé, rien n'a été écrit. Recommencez.",
        "en": "The plan changed on disk: reloaded, nothing written. Try again.",
    },
    "write_failed": {"fr": "Écriture impossible : {error}", "en": "Could not write: {error}"},
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


class Words:
    """The words of one language: `words("marked", label="Q1", time="18:12")`."""

    def __init__(self, language: Lang) -> None:
        self.language: Lang = language

    def __call__(self, key: str, **fields: object) -> str:
        text = WORDS[key][self.language]
        return text.format(**fields)

    def get(self, key: str, default: str) -> str:
        entry = WORDS.get(key)
        return entry[self.language] if entry else default
