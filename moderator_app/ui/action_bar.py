"""Reply / Hide-Unhide / Approve / Escalate for the selected comment. Buttons follow the comment's
platform and local state; the bar only emits what the moderator asked for."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from moderator_app.domain import Capability, Comment, Platform
from moderator_app.ui.moderation import (
    can_approve,
    can_delete,
    can_hide,
    can_unhide,
    is_held,
    is_hidden,
)

CapabilitiesOf = Callable[[Platform], frozenset[Capability]]


class ActionBar(QWidget):
    replyRequested = Signal()
    hideToggled = Signal()
    approveRequested = Signal()
    deleteRequested = Signal()
    escalateRequested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        capabilities_of: CapabilitiesOf | None = None,
        platform_of: Callable[[Comment], Platform | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        self._capabilities_of = capabilities_of
        self._platform_of = platform_of
        self.reply_button = self._button(self.tr("Reply"), "R", "replyButton")
        self.hide_button = self._button(self.tr("Hide"), "H", "hideButton")
        self.approve_button = self._button(self.tr("Approve"), "A", "approveButton")
        self.approve_button.setStatusTip(
            self.tr("Mark as reviewed; a flagged comment also teaches this account's flagging")
        )
        self.escalate_button = self._button(self.tr("Escalate"), "E", "escalateButton")
        self.delete_button = self._button(self.tr("Delete"), "Shift+D", "deleteButton")
        self.delete_button.clicked.connect(self.deleteRequested)
        self.reply_button.clicked.connect(self.replyRequested)
        self.hide_button.clicked.connect(self.hideToggled)
        self.approve_button.clicked.connect(self.approveRequested)
        self.escalate_button.clicked.connect(self.escalateRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(8)
        layout.addWidget(self.reply_button)
        layout.addWidget(self.hide_button)
        layout.addWidget(self.approve_button)
        layout.addWidget(self.escalate_button)
        layout.addStretch(1)
        layout.addWidget(self.delete_button)
        self.set_comment(None)

    def set_comment(self, comment: Comment | None) -> None:
        allowed = self._allowed(comment)
        hidden = comment is not None and is_hidden(comment)
        held = comment is not None and is_held(comment)
        self.hide_button.setText(
            self.tr("Publish") if held else self.tr("Unhide") if hidden else self.tr("Hide")
        )
        if comment is None:
            buttons = (self.reply_button, self.hide_button, self.approve_button)
            for button in (*buttons, self.escalate_button, self.delete_button):
                button.setEnabled(False)
            return
        self.reply_button.setEnabled(Capability.REPLY in allowed)
        toggle_ok = (can_unhide(comment) and Capability.UNHIDE in allowed) or (
            can_hide(comment) and Capability.HIDE in allowed
        )
        self.hide_button.setEnabled(toggle_ok)
        self.approve_button.setEnabled(can_approve(comment))
        self.escalate_button.setEnabled(True)
        self.delete_button.setEnabled(can_delete(comment) and Capability.DELETE in allowed)
        self.delete_button.setVisible(Capability.DELETE in allowed)
        self._explain(allowed)

    def _explain(self, allowed: frozenset[Capability]) -> None:
        """Say why a button is off when the platform, not the comment, is the reason."""
        if Capability.HIDE not in allowed:
            reason = (
                self.tr("This platform cannot hide comments; delete instead")
                if Capability.DELETE in allowed
                else self.tr("This platform cannot hide comments")
            )
            self.hide_button.setToolTip(reason)
        else:
            self.hide_button.setToolTip(self.tr("Shortcut: %1").replace("%1", "H"))
        if Capability.REPLY not in allowed:
            self.reply_button.setToolTip(self.tr("This platform does not allow replies here"))
        else:
            self.reply_button.setToolTip(self.tr("Shortcut: %1").replace("%1", "R"))

    def _allowed(self, comment: Comment | None) -> frozenset[Capability]:
        if comment is None or self._capabilities_of is None or self._platform_of is None:
            return frozenset(Capability)
        platform = self._platform_of(comment)
        return frozenset(Capability) if platform is None else self._capabilities_of(platform)

    def _button(self, text: str, key: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(self.tr("Shortcut: %1").replace("%1", key))
        return button
