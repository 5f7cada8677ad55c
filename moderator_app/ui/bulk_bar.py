"""The strip above the inbox while several comments are selected: how many ("All 12,345
matching selected"), and the bulk Hide / Approve / Escalate / Delete buttons. It only emits."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from moderator_app.store.bulk import BulkKind
from moderator_app.ui.bulk_text import number
from moderator_app.ui.labels import ElidedLabel


class BulkBar(QWidget):
    bulkRequested = Signal(object)  # BulkKind
    clearRequested = Signal()
    scoreRangeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkBar")
        self.label = ElidedLabel("", "bulkCount")  # elides rather than widen the window
        self.buttons: dict[BulkKind, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 12, 6)
        layout.setSpacing(8)
        layout.addWidget(self.label, 1)
        for kind, text, key in (
            (BulkKind.HIDE, self.tr("Hide"), "H"),
            (BulkKind.APPROVE, self.tr("Approve"), "A"),
            (BulkKind.ESCALATE, self.tr("Escalate…"), "E"),
            (BulkKind.DELETE, self.tr("Delete…"), "Shift+D"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"bulk{kind.value.capitalize()}Button")
            button.setToolTip(self.tr("Shortcut: %1").replace("%1", key))
            button.clicked.connect(lambda _=False, k=kind: self.bulkRequested.emit(k))
            layout.addWidget(button)
            self.buttons[kind] = button
        self.range_button = QPushButton(self.tr("Score range…"), self)
        self.range_button.setObjectName("flatButton")
        self.range_button.setToolTip(self.tr("Select by toxicity score (Ctrl+Shift+A)"))
        self.range_button.clicked.connect(self.scoreRangeRequested)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setObjectName("flatButton")
        self.clear_button.setToolTip(self.tr("Back to one comment (Esc)"))
        self.clear_button.clicked.connect(self.clearRequested)
        layout.addWidget(self.range_button)
        layout.addWidget(self.clear_button)
        self.setVisible(False)

    def show_selection(self, count: int, all_matching: bool) -> None:
        """`count` is negative for "all matching" while the result is still being counted."""
        if all_matching and count < 0:
            text = self.tr("All matching selected (counting…)")
        elif all_matching:
            text = self.tr("All %1 matching selected").replace("%1", number(count))
        else:
            text = self.tr("%1 selected").replace("%1", number(count))
        self.label.setText(text)
        self.setVisible(count > 1 or (all_matching and count < 0))
