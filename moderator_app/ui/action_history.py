"""What has been done to the comment: outbox actions (pending, done, failed with the error and
Retry / Dismiss) and escalations with their notes. Errors and notes are shown as plain text."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from moderator_app.domain import Action, ActionKind, ActionStatus, Escalation, EscalationStatus
from moderator_app.ui.display import action_kind_name, action_status_name, excerpt, short_time
from moderator_app.ui.labels import plain_label

_STATUS_OBJECT = {
    ActionStatus.PENDING: "statusPending",
    ActionStatus.SENDING: "statusPending",
    ActionStatus.DONE: "statusDone",
    ActionStatus.FAILED: "statusFailed",
}


class ActionRow(QFrame):
    retryRequested = Signal(int)
    dismissRequested = Signal(int)

    def __init__(self, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setObjectName("historyRow")
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(plain_label(action_kind_name(action.kind), "historyTitle"), 1)
        status = plain_label(action_status_name(action.status), _STATUS_OBJECT[action.status])
        head.addWidget(status, 0, Qt.AlignmentFlag.AlignTop)
        when = "" if action.created_at is None else short_time(action.created_at)
        head.addWidget(plain_label(when, "historyTime"), 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 7, 10, 7)
        layout.setSpacing(4)
        layout.addLayout(head)
        if action.kind is ActionKind.REPLY and action.text:
            body = plain_label(excerpt(action.text, 300), "noteText")
            body.setWordWrap(True)
            layout.addWidget(body)
        if action.last_error and action.status is not ActionStatus.DONE:
            error = plain_label(action.last_error, "historyError")
            error.setWordWrap(True)
            layout.addWidget(error)
        if action.status is ActionStatus.FAILED:
            buttons = QHBoxLayout()
            buttons.setSpacing(6)
            retry = QPushButton(self.tr("Retry"), self)
            retry.setObjectName("retryButton")
            dismiss = QPushButton(self.tr("Dismiss"), self)
            dismiss.setObjectName("dismissButton")
            retry.clicked.connect(lambda: self.retryRequested.emit(action.id))
            dismiss.clicked.connect(lambda: self.dismissRequested.emit(action.id))
            buttons.addWidget(retry)
            buttons.addWidget(dismiss)
            buttons.addStretch(1)
            layout.addLayout(buttons)


class EscalationRow(QFrame):
    def __init__(self, escalation: Escalation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyRow")
        head = QHBoxLayout()
        state = (
            self.tr("Escalated (open)")
            if escalation.status is EscalationStatus.OPEN
            else self.tr("Escalated (resolved)")
        )
        by = f" · {escalation.created_by}" if escalation.created_by else ""
        head.addWidget(plain_label(state + by, "historyTitle"), 1)
        head.addWidget(plain_label(short_time(escalation.created_at), "historyTime"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 7, 10, 7)
        layout.setSpacing(4)
        layout.addLayout(head)
        for note in escalation.notes:
            prefix = f"{note.author}: " if note.author else ""
            label = plain_label(prefix + note.text, "noteText")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)


class ActionHistory(QWidget):
    retryRequested = Signal(int)
    dismissRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)

    def show_history(self, actions: list[Action], escalations: list[Escalation]) -> int:
        """Newest first; returns the number of rows (0 hides the section)."""
        self.clear()
        rows: list[tuple[float, QWidget]] = []
        for action in actions:
            row = ActionRow(action)
            row.retryRequested.connect(self.retryRequested)
            row.dismissRequested.connect(self.dismissRequested)
            ts = action.created_at.timestamp() if action.created_at else 0.0
            rows.append((ts, row))
        rows.extend((e.created_at.timestamp(), EscalationRow(e)) for e in escalations)
        rows.sort(key=lambda pair: pair[0], reverse=True)
        for _, widget in rows:
            self._layout.addWidget(widget)
        return len(rows)

    def clear(self) -> None:
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
