"""A small window-modal dialog asking for the escalation note. Opened with `open()`, never
`exec()`, so the event loop (and the engine's signals) keep running while it is up."""

from PySide6.QtWidgets import QDialog, QPlainTextEdit, QWidget

from moderator_app.ui.dialog_parts import confirm_buttons, dialog_column, intro_label, window_modal


def escalation_note(parent: QWidget, placeholder: str) -> QPlainTextEdit:
    """The note for the team (one comment's, or a bulk escalation's); Tab leaves it."""
    note = QPlainTextEdit(parent)
    note.setObjectName("escalationNote")
    note.setPlaceholderText(placeholder)
    note.setTabChangesFocus(True)
    return note


class EscalateDialog(QDialog):
    def __init__(self, author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        window_modal(self, "escalateDialog", self.tr("Escalate comment"), min_width=420)
        intro = intro_label(
            self.tr("Hand the comment by %1 to a colleague. What should they know?").replace(
                "%1", author
            )
        )
        self.note = escalation_note(self, self.tr("Note for the team (optional)"))
        buttons = confirm_buttons(self, self.tr("Escalate"), self.tr("Cancel"))
        dialog_column(self, intro, self.note, buttons.box)
        self.note.setFocus()

    def note_text(self) -> str:
        return self.note.toPlainText().strip()
