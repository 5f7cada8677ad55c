"""Reply / Hide-Unhide / Approve / Escalate / Delete for the selected comment. Buttons follow the
comment's platform and local state; the bar only emits what the moderator asked for.

When the column is too narrow for every button (long Russian labels), the last ones move into
a "⋯" menu instead of being clipped; each keeps its shortcut in its tooltip and menu entry."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QToolButton, QWidget

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


def fit_width(button: QPushButton) -> int:
    """As wide as the label needs (the style's 80 px minimum would push the last buttons
    out); applied as the button's maximum width, which the layout respects."""
    width = max(button.fontMetrics().horizontalAdvance(button.text()) + 26, 56)
    button.setMaximumWidth(width)
    return min(width, button.sizeHint().width())


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
        self._delete_allowed = True
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreButton")
        self.more_button.setText("⋯")
        self.more_button.setToolTip(self.tr("More actions"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        self._overflow: dict[QPushButton, QAction] = {}
        for button, key in (
            (self.approve_button, "A"),
            (self.escalate_button, "E"),
            (self.delete_button, "Shift+D"),
        ):
            action = self.more_menu.addAction(button.text())
            action.setShortcut(key)
            action.setShortcutVisibleInContextMenu(True)
            action.triggered.connect(button.click)
            self._overflow[button] = action
        self.delete_button.clicked.connect(self.deleteRequested)
        self.reply_button.clicked.connect(self.replyRequested)
        self.hide_button.clicked.connect(self.hideToggled)
        self.approve_button.clicked.connect(self.approveRequested)
        self.escalate_button.clicked.connect(self.escalateRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.reply_button)
        layout.addWidget(self.hide_button)
        layout.addWidget(self.approve_button)
        layout.addWidget(self.escalate_button)
        layout.addStretch(1)
        layout.addWidget(self.delete_button)
        layout.addWidget(self.more_button)
        self._layout = layout
        self.setMinimumWidth(1)  # never widen the column: overflow into the menu instead
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
            self._fit()
            return
        self.reply_button.setEnabled(Capability.REPLY in allowed)
        toggle_ok = (can_unhide(comment) and Capability.UNHIDE in allowed) or (
            can_hide(comment) and Capability.HIDE in allowed
        )
        self.hide_button.setEnabled(toggle_ok)
        self.approve_button.setEnabled(can_approve(comment))
        self.escalate_button.setEnabled(True)
        self.delete_button.setEnabled(can_delete(comment) and Capability.DELETE in allowed)
        self._delete_allowed = Capability.DELETE in allowed
        self._explain(allowed)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Show as many buttons as fit, in order; the rest go into the "⋯" menu."""
        margins = self._layout.contentsMargins()
        spacing = self._layout.spacing()
        room = self.width() - margins.left() - margins.right()
        wanted = [self.reply_button, self.hide_button, self.approve_button, self.escalate_button]
        if self._delete_allowed:
            wanted.append(self.delete_button)
        widths = [fit_width(b) for b in wanted]
        more = self.more_button.sizeHint().width() + spacing
        shown = len(wanted)
        while shown > 2 and sum(widths[:shown]) + spacing * (shown - 1) > room - (
            more if shown < len(wanted) else 0
        ):
            shown -= 1
        for i, button in enumerate(wanted):
            button.setVisible(i < shown)
        if not self._delete_allowed:
            self.delete_button.setVisible(False)
        overflowed = set(wanted[shown:])
        for button, action in self._overflow.items():
            action.setVisible(button in overflowed)
            action.setEnabled(button.isEnabled())
            action.setText(button.text())
        self.more_button.setVisible(bool(overflowed))

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
