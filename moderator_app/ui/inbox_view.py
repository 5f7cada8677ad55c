"""The inbox table: one row per comment, whole-row selection, the toxicity column painted by
its delegate. Fixed row heights, so Qt asks the model only for the rows on screen."""

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from moderator_app.ui import theme
from moderator_app.ui.inbox_model import InboxModel
from moderator_app.ui.platform_delegate import PlatformDelegate
from moderator_app.ui.roles import Column
from moderator_app.ui.toxicity_delegate import ToxicityDelegate

ROW_HEIGHT = 36
_WIDTHS = {
    Column.TIME: 68,
    Column.PLATFORM: 78,
    Column.ACCOUNT: 122,
    Column.AUTHOR: 128,
    Column.TOXICITY: 172,
}


class InboxView(QTableView):
    currentCommentChanged = Signal(object)  # int | None

    def __init__(self, model: InboxModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inbox")
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabKeyNavigation(False)
        self.setItemDelegateForColumn(Column.TOXICITY, ToxicityDelegate(self))
        self.setItemDelegateForColumn(Column.PLATFORM, PlatformDelegate(self))

        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)

        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(48)
        header.setStretchLastSection(False)
        for column, width in _WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.EXCERPT, QHeaderView.ResizeMode.Stretch)

        self.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._empty_text = ""

    def set_empty_text(self, text: str) -> None:
        """What the list says when it has no rows (drawn as plain text)."""
        self._empty_text = text
        self.viewport().update()

    def empty_text(self) -> str:
        return self._empty_text

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._model.rowCount() == 0 and self._empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(theme.FAINT))
            rect = self.viewport().rect().adjusted(24, 0, -24, 0)
            rect.setTop(rect.top() + 120)
            painter.drawText(
                rect,
                int(
                    Qt.AlignmentFlag.AlignHCenter
                    | Qt.AlignmentFlag.AlignTop
                    | Qt.TextFlag.TextWordWrap
                ),
                self._empty_text,
            )
            painter.end()

    def current_comment_id(self) -> int | None:
        index = self.currentIndex()
        return self._model.comment_id_at(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if not 0 <= row < self._model.rowCount():
            return
        index = self._model.index(row, Column.EXCERPT)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def select_comment(self, comment_id: int) -> bool:
        row = self._model.row_of(comment_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def move_selection(self, step: int) -> None:
        """j/k: the next or previous comment, staying inside the list."""
        count = self._model.rowCount()
        if count == 0:
            return
        current = self.currentIndex().row()
        target = 0 if current < 0 else max(0, min(count - 1, current + step))
        self.select_row(target)

    def _on_current_row(self, *_: object) -> None:
        self.currentCommentChanged.emit(self.current_comment_id())
