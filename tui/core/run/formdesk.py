"""The run desk's keys that open a form to write in: `e` (the selected cue's template,
saved into the plan file), `r` (a quick reply, the tag already in) and `h` (a link or
a quote kept under the current question, for the recap); and which question a
highlight goes under (`question`, the Conversation pane's `h` too).

A form's enter writes, so it asks again whether this window may: the plan may have
been taken by another window while the form was open. A write the plan file refuses
(an edit made elsewhere meanwhile, an error) writes nothing and says why (`_guarded`).
"""

from __future__ import annotations

from collections.abc import Callable

from tui.core.plan.planedit import PlanChangedOnDisk
from tui.core.plan.problems import PlanError
from tui.core.run.deskbasics import DeskPart
from tui.core.run.outcomes import Done, EditForm, HighlightForm, Outcome, Refused, ReplyForm
from tui.core.run.plansource import Row


class FormDesk(DeskPart):
    def edit(self, row_id: str | None) -> Outcome:
        """`e`: the selected cue's template, to edit (a derived heads-up has none)."""
        row = self.basics.writable_row(row_id)
        if isinstance(row, Refused):
            return row
        if row.cue.derived:
            return Refused(self.basics.say("screen.not_editable", severity="warning", seconds=8))
        return EditForm.of(row)

    def save_template(self, row: Row, text: str) -> Outcome:
        """The template form's enter: written into the plan file, unless it changed."""
        refused = self.basics.writer() or self._guarded(
            lambda: self.session.save_template(row, text))
        if refused is not None:
            return refused
        return Done((self.basics.say("screen.saved", label=self.basics.label(row)),))

    def reply(self) -> Outcome:
        """`r`: a quick reply, the tag already in."""
        return self.basics.writer() or ReplyForm()

    def question(self, selected_id: str | None) -> Row | None:
        """The question a highlight belongs to: the selected one if it was posted, else
        the question asked last (`Hour.asked_last`); None before the first question.

        The selection usually follows the next cue, a question not asked yet: what
        people are answering right now is the last question posted."""
        session = self.session
        selected = session.row(selected_id) if selected_id else None
        if (selected is not None and selected.cue.kind == "question"
                and selected.id in session.state.posted):
            return selected
        asked = self.basics.hour().asked_last
        return session.row(asked.id) if asked is not None else None

    def highlight(self, selected_id: str | None) -> Outcome:
        """`h`: a link or a quote to keep under the current question, for the recap."""
        refused = self.basics.writer()
        if refused is not None:
            return refused
        question = self.question(selected_id)
        if question is None:
            return HighlightForm(None, None)
        return HighlightForm(self.basics.label(question), question.id)

    def keep_highlight(self, form: HighlightForm, text: str) -> Outcome:
        """The highlight form's enter: in the log, under its question (or none)."""
        refused = self.basics.writer()
        if refused is not None:
            return refused
        self.session.highlight(text, form.cue_id)
        if form.label is None:
            return Done((self.basics.say("screen.highlight_saved_loose"),))
        return Done((self.basics.say("screen.highlight_saved", label=form.label),))

    def _guarded(self, write: Callable[[], object]) -> Refused | None:
        """Run a plan write; on a conflict or an error, refused with the reason."""
        try:
            write()
        except PlanChangedOnDisk as changed:
            # Say "reloaded" only when it was: a file that does not load is not taken.
            key = ("screen.changed_not_loaded" if changed.reloaded is False
                   else "screen.changed_not_written")
            return Refused(self.basics.say(key, severity="error", seconds=10, kind="plan"))
        except (PlanError, OSError) as error:
            return Refused(self.basics.say("screen.write_failed", severity="error", seconds=10,
                                           kind="plan", error=self.basics.why(error)))
        return None
