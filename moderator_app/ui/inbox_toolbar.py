"""The toolbar above the inbox: the search field (FTS, debounced) and the level filter."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from moderator_app.domain import ToxicityLevel
from moderator_app.ui.labels import plain_label

SEARCH_DEBOUNCE_MS = 250


class InboxToolbar(QWidget):
    searchChanged = Signal(str)
    levelChanged = Signal(object)  # ToxicityLevel | None
    leaveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxToolbar")
        self.title = plain_label(self.tr("All comments"), "inboxTitle")
        self.count = plain_label("", "inboxCount")
        self.search = QLineEdit(self)
        self.search.setObjectName("searchField")
        self.search.setPlaceholderText(self.tr("Search comments   /"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.level = QComboBox(self)
        self.level.setObjectName("levelFilter")
        self.level.addItem(self.tr("All levels"), None)
        self.level.addItem(self.tr("Review and toxic"), ToxicityLevel.REVIEW)
        self.level.addItem(self.tr("Toxic only"), ToxicityLevel.TOXIC)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.searchChanged.emit(self.search.text()))
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.flush_search)
        self.level.currentIndexChanged.connect(
            lambda _index: self.levelChanged.emit(self.level.currentData())
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 12, 10)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        layout.addStretch(1)
        layout.addWidget(self.search)
        layout.addWidget(self.level)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush_search(self) -> None:
        """Enter: search now rather than after the debounce, then go back to the list."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.searchChanged.emit(self.search.text())
        self.leaveRequested.emit()

    def set_title(self, title: str, count: int, *, exact: bool = True) -> None:
        """The view's name and how many comments it has (while a large result is being
        counted, it says so)."""
        self.title.setText(title)
        self.count.setText(str(count) if exact else self.tr("counting…"))
