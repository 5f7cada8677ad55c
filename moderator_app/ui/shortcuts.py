"""The keyboard map, in one table. Window-wide single-key shortcuts step aside while a text
field has focus (Qt lets the field claim printable keys first), so typing 'h' in the reply box
types an 'h'."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True, slots=True)
class Binding:
    keys: tuple[str, ...]
    action: Callable[[], None]
    description: str


def install(window: QWidget, bindings: list[Binding]) -> list[QShortcut]:
    shortcuts = []
    for binding in bindings:
        for keys in binding.keys:
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(True)
            shortcut.setWhatsThis(binding.description)
            shortcut.activated.connect(binding.action)
            shortcuts.append(shortcut)
    return shortcuts
