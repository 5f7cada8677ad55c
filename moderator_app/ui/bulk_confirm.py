"""Confirm a bulk action before anything is written: the plan's exact counts per platform and
what will be skipped, as plain text; escalation also asks for the one note for all. Opened
with `open()` (window-modal) so engine events keep flowing while it is up."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from moderator_app.store.bulk import BulkKind, BulkPlan
from moderator_app.ui.bulk_text import describe, kind_verb, number
from moderator_app.ui.labels import plain_label


class BulkConfirmDialog(QDialog):
    def __init__(self, plan: BulkPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("bulkConfirmDialog")
        self.setWindowTitle(self.tr("%1 comments").replace("%1", kind_verb(plan.kind)))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self.summary = plain_label(describe(plan), "dialogIntro")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("escalationNote")
        self.note.setPlaceholderText(self.tr("One note for the team, for all of them (optional)"))
        self.note.setTabChangesFocus(True)
        self.note.setVisible(plan.kind is BulkKind.ESCALATE and plan.total > 0)
        self.note.setMaximumHeight(96)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(
            self.tr("%1 %2").replace("%1", kind_verb(plan.kind)).replace("%2", number(plan.total))
        )
        self.ok_button.setObjectName(
            "dangerButton" if plan.kind is BulkKind.DELETE else "primaryButton"
        )
        self.ok_button.setEnabled(plan.total > 0)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        # Deleting is for good: Enter must not do it by accident.
        (cancel if plan.kind is BulkKind.DELETE else self.ok_button).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        send = QShortcut(QKeySequence("Ctrl+Return"), self)
        send.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        send.activated.connect(self._accept_if_possible)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.note.isVisible():
            self.note.setFocus()

    def _accept_if_possible(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()

    def note_text(self) -> str:
        return self.note.toPlainText().strip()
