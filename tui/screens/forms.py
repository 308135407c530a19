"""The dialog each form outcome of the run desk opens (`tui.core.run.outcomes`).

A form is an action that needs the moderator's words before it can happen: the editor
of a template, a reply, a highlight; or something to read: the text to copy by hand,
the report. The desk decides that the form is due; this says which dialog shows it and
what its answer is handed back to (`answer`, which the run-sheet shows in turn).
Each dialog's module loads when one is first opened: none is on the first frame, and
their widgets (the text editor above all) would delay it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import ModalScreen

from tui.core.run.desk import RunDesk
from tui.core.run.outcomes import (
    CopyByHand,
    EditForm,
    HighlightForm,
    Outcome,
    PreviewForm,
    ReplyForm,
    ReportForm,
)

if TYPE_CHECKING:
    from tui.core.text.words import Words

Form = EditForm | ReplyForm | HighlightForm | CopyByHand | ReportForm | PreviewForm


def dialog_for(form: Form, desk: RunDesk, words: Words,
               answer: Callable[[Outcome], None]) -> ModalScreen[None]:
    from tui.screens import dialogs, reference, writing

    book = desk.book
    if isinstance(form, EditForm):
        row = form.row
        return writing.EditDialog(book, row, words,
                                  lambda text: answer(desk.save_template(row, text)),
                                  template=form.template, left_out=form.left_out)
    if isinstance(form, ReplyForm):
        reply = form
        return writing.ReplyDialog(book, words, lambda text: answer(desk.send_reply(reply, text)),
                                   mention=form.mention, text=form.text,
                                   count=desk.count_reply(form), posts=form.to is not None
                                   and desk.posts_on(form.network))
    if isinstance(form, HighlightForm):
        highlight = form
        return writing.HighlightDialog(
            words, form.label, lambda text: answer(desk.keep_highlight(highlight, text)))
    if isinstance(form, CopyByHand):
        return dialogs.ManualCopyDialog(form.text, words)
    if isinstance(form, PreviewForm):
        return dialogs.ReadDialog(words, form.title, form.body)
    return reference.ReportDialog(form.report, words, rehearsal=form.rehearsal,
                                log_path=form.log_path)
