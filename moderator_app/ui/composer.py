"""The reply box. Ctrl+Enter (or Send) hands the text to `moderation`; the box clears and says
the reply is queued. Esc hands focus back to the inbox list."""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from moderator_app.ui.labels import plain_label


class Composer(QWidget):
    sendRequested = Signal(int, str)  # comment_id, text
    leaveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._comment_id: int | None = None
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("replyEditor")
        self.editor.setPlaceholderText(self.tr("Write a reply…  Ctrl+Enter to send"))
        self.editor.setTabChangesFocus(True)
        self.editor.installEventFilter(self)
        self.editor.textChanged.connect(self._update_enabled)
        self.status = plain_label("", "composerStatus")
        self.send_button = QPushButton(self.tr("Send reply"), self)
        self.send_button.setObjectName("sendButton")
        self.send_button.clicked.connect(self.send)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.send)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.status, 1)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(self.editor)
        layout.addLayout(row)
        self.set_comment(None)

    def set_comment(self, comment_id: int | None, *, can_reply: bool = True) -> None:
        if comment_id != self._comment_id:
            self.status.setText("")
        self._comment_id = comment_id if can_reply else None
        self.editor.setEnabled(self._comment_id is not None)
        self._update_enabled()

    def focus_editor(self) -> None:
        if self.editor.isEnabled():
            self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def send(self) -> None:
        text = self.editor.toPlainText().strip()
        if self._comment_id is None or not text:
            return
        self.sendRequested.emit(self._comment_id, text)

    def mark_sent(self) -> None:
        """Called once the reply is recorded: clear the box, say it is on its way."""
        self.editor.clear()
        self.status.setText(self.tr("Reply queued — it will be sent in the background"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.key() == Qt.Key.Key_Escape:
                self.leaveRequested.emit()
                return True
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.send()
                return True
        return super().eventFilter(watched, event)

    def _update_enabled(self) -> None:
        has_text = bool(self.editor.toPlainText().strip())
        self.send_button.setEnabled(self._comment_id is not None and has_text)
