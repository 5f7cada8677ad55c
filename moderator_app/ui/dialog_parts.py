"""The scaffolding Moderator's small dialogs share, written once so they look and behave
alike: window-modal (opened with `open()`, so the engine's signals keep flowing), a plain-text
intro, the same margins, and an OK/Cancel row whose OK is the styled primary button.

Texts come in already translated: each dialog keeps its own `tr` context."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moderator_app.ui.labels import plain_label

_MARGINS = (18, 16, 18, 14)


def window_modal(dialog: QDialog, name: str, title: str, *, min_width: int | None = None) -> None:
    """Name, title and window modality (and a minimum width) for a dialog opened with `open()`."""
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if min_width is not None:
        dialog.setMinimumWidth(min_width)


def intro_label(text: str, parent: QWidget | None = None) -> QLabel:
    """The wrapped, plain-text line on top that says what the dialog is for."""
    label = plain_label(text, "dialogIntro", parent)
    label.setWordWrap(True)
    return label


def dialog_column(dialog: QDialog, *parts: QWidget | QLayout, spacing: int = 10) -> QVBoxLayout:
    """The dialog's top-to-bottom layout with the shared margins, holding `parts` in order."""
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(*_MARGINS)
    layout.setSpacing(spacing)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return layout


@dataclass(frozen=True, slots=True)
class ConfirmButtons:
    box: QDialogButtonBox
    ok: QPushButton
    cancel: QPushButton


def confirm_buttons(
    dialog: QDialog,
    ok_text: str,
    cancel_text: str,
    *,
    ok_name: str = "primaryButton",
    ok_default: bool = True,
) -> ConfirmButtons:
    """OK/Cancel wired to accept/reject. `ok_default=False` makes Cancel the Enter key's
    button, for what cannot be taken back."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName(ok_name)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(cancel_text)
    (ok if ok_default else cancel).setDefault(True)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return ConfirmButtons(box, ok, cancel)
