"""The moderator's verdicts on the comment on show (or, with more selected, on the selection):
hide, approve, escalate, delete, reply, undo; after each, on to the next unreviewed comment."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton

from moderator_app.store.bulk import BulkKind
from moderator_app.ui.bulk_flow import BulkFlow
from moderator_app.ui.escalate_dialog import EscalateDialog
from moderator_app.ui.message_box import plain_question
from moderator_app.ui.moderation import is_held, is_hidden
from moderator_app.ui.unreviewed import next_unreviewed_row
from moderator_app.ui.window_parts import WindowParts


class Triage(QObject):
    """Each command does nothing where the action bar's button is off (the platform cannot,
    or the comment is past it), so a key and a click behave alike."""

    def __init__(self, parts: WindowParts, bulk: BulkFlow) -> None:
        super().__init__(parts.window)
        self._parts = parts
        self._bulk = bulk
        self.escalate_dialog: EscalateDialog | None = None

    def toggle_hidden(self) -> None:
        comment_id = self._target(BulkKind.HIDE, self._parts.action_bar.hide_button)
        if comment_id is None:
            return
        comment = self._parts.detail.comment
        hiding = comment is not None and not is_hidden(comment) and not is_held(comment)
        if self._parts.moderation.toggle_hidden(comment_id) and hiding:
            self.advance_from(comment_id)

    def approve(self) -> None:
        comment_id = self._target(BulkKind.APPROVE, self._parts.action_bar.approve_button)
        if comment_id is not None and self._parts.moderation.approve(comment_id):
            self.advance_from(comment_id)

    def delete(self, *, confirm: bool = True) -> None:
        """Deleting cannot be undone on most platforms: ask first."""
        comment_id = self._target(BulkKind.DELETE, self._parts.action_bar.delete_button)
        if comment_id is None:
            return
        question = self.tr("Delete this comment on the platform? This cannot be undone.")
        window = self._parts.window
        if confirm and not plain_question(window, self.tr("Delete comment"), question):
            return
        if self._parts.moderation.delete(comment_id):
            self.advance_from(comment_id)

    def escalate(self) -> None:
        if self._bulk.selected():
            self._bulk.run(BulkKind.ESCALATE)
            return
        comment = self._parts.detail.comment
        if comment is None or self.escalate_dialog is not None:
            return
        dialog = EscalateDialog(comment.remote.author.name, self._parts.window)
        self.escalate_dialog = dialog
        comment_id = comment.id

        def finished(result: int) -> None:
            self.escalate_dialog = None
            accepted = result == EscalateDialog.DialogCode.Accepted
            if accepted and self._parts.moderation.escalate(comment_id, dialog.note_text()):
                self.advance_from(comment_id)
            dialog.deleteLater()
            self._parts.focus_inbox()

        dialog.finished.connect(finished)
        dialog.open()

    def send_reply(self, comment_id: int, text: str) -> None:
        if self._parts.moderation.reply(comment_id, text):
            self.advance_from(comment_id)
            self._parts.composer.mark_sent()

    def undo(self) -> None:
        self._parts.status.showMessage(self._parts.moderation.undo(), 8000)

    def next_unreviewed(self) -> None:
        comment_id = self._parts.inbox.current_comment_id()
        if comment_id is None:
            self._parts.inbox.select_row(0)
        else:
            self.advance_from(comment_id)

    def advance_from(self, comment_id: int) -> None:
        """After an action: the next comment nobody has dealt with, in the current order
        (wrapping to the top); say so when the view is cleared."""
        model = self._parts.model
        row = next_unreviewed_row(
            model.row_of(comment_id), model.rowCount(), model.comment_at, comment_id
        )
        if row is not None:
            self._parts.inbox.select_row(row)
            return
        self._parts.status.showMessage(self.tr("No unreviewed comments left in this view"), 5000)

    def _target(self, kind: BulkKind, button: QAbstractButton) -> int | None:
        """The comment a one-comment command acts on, or None: with more selected, the bulk
        action went to the selection instead; with the button off, nothing happens."""
        if self._bulk.selected():
            self._bulk.run(kind)
            return None
        comment_id = self._parts.inbox.current_comment_id()
        if comment_id is None or not button.isEnabled():
            return None
        return comment_id
