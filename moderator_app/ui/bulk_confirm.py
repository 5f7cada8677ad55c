"""Confirm a bulk action before anything is written: the plan's exact counts per platform and
what will be skipped, as plain text; escalation also asks for the one note for all. Opened
with `open()` (window-modal) so engine events keep flowing while it is up."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from moderator_app.store.bulk import BulkKind, BulkPlan
from moderator_app.ui.bulk_text import describe, kind_verb, number
from moderator_app.ui.dialog_parts import confirm_buttons, dialog_column, window_modal
from moderator_app.ui.escalate_dialog import escalation_note
from moderator_app.ui.labels import plain_label


class BulkConfirmDialog(QDialog):
    def __init__(self, plan: BulkPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        window_modal(
            self,
            "bulkConfirmDialog",
            self.tr("%1 comments").replace("%1", kind_verb(plan.kind)),
            min_width=460,
        )
        self.summary = plain_label(describe(plan), "dialogIntro")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = escalation_note(
            self, self.tr("One note for the team, for all of them (optional)")
        )
        self.note.setVisible(plan.kind is BulkKind.ESCALATE and plan.total > 0)
        self.note.setMaximumHeight(96)
        deleting = plan.kind is BulkKind.DELETE
        buttons = confirm_buttons(
            self,
            self.tr("%1 %2").replace("%1", kind_verb(plan.kind)).replace("%2", number(plan.total)),
            self.tr("Cancel"),
            ok_name="dangerButton" if deleting else "primaryButton",
            ok_default=not deleting,  # deleting is for good: Enter must not do it by accident
        )
        self.ok_button = buttons.ok
        self.ok_button.setEnabled(plan.total > 0)
        dialog_column(self, self.summary, self.note, buttons.box, spacing=12)
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
