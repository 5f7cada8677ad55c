"""Message boxes that show their text as plain text.

QMessageBox guesses rich text by default; account names and platform error messages come
from outside and must never be interpreted as markup.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def _box(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def plain_question(parent: QWidget, title: str, text: str) -> bool:
    box = _box(parent, title, text)
    box.setIcon(QMessageBox.Icon.Question)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def plain_message(parent: QWidget, title: str, text: str) -> None:
    box = _box(parent, title, text)
    box.setIcon(QMessageBox.Icon.Warning)
    box.exec()
