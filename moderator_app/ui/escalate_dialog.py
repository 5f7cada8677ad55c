"""A small window-modal dialog asking for the escalation note. Opened with `open()`, never
`exec()`, so the event loop (and the engine's signals) keep running while it is up."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from moderator_app.ui.labels import plain_label


class EscalateDialog(QDialog):
    def __init__(self, author: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalateDialog")
        self.setWindowTitle(self.tr("Escalate comment"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        intro = plain_label(
            self.tr("Hand the comment by %1 to a colleague. What should they know?").replace(
                "%1", author
            ),
            "dialogIntro",
        )
        intro.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("escalationNote")
        self.note.setPlaceholderText(self.tr("Note for the team (optional)"))
        self.note.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Escalate"))
        ok.setDefault(True)
        ok.setObjectName("primaryButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.note.setFocus()

    def note_text(self) -> str:
        return self.note.toPlainText().strip()
