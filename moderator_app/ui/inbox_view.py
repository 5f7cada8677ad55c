"""The inbox table: one row per comment, whole-row selection, the toxicity column painted by
its delegate. Fixed row heights, so Qt asks the model only for the rows on screen.

Selection is extended (shift/ctrl click, shift+arrows). Ctrl+A means "all matching the
filter": the view only remembers that, and bulk actions ask the store for the ids in SQL."""

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from moderator_app.ui import theme
from moderator_app.ui.inbox_model import InboxModel
from moderator_app.ui.platform_delegate import PlatformDelegate
from moderator_app.ui.roles import Column
from moderator_app.ui.text_delegate import TextDelegate
from moderator_app.ui.toxicity_delegate import ToxicityDelegate

ROW_HEIGHT = 36
SIZE_COUNTING = -1
_WARM_TEXTS = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "0123456789 .,:;!?-–—…«»\"'()@#%/",
)
_WIDTHS = {
    Column.TIME: 68,
    Column.PLATFORM: 78,
    Column.ACCOUNT: 122,
    Column.AUTHOR: 128,
    Column.TOXICITY: 172,
}


class InboxView(QTableView):
    currentCommentChanged = Signal(object)  # int | None
    # Selected rows (SIZE_COUNTING: all matching, still being counted), all matching the filter.
    selectionSizeChanged = Signal(int, bool)
    firstPainted = Signal()  # the list was painted for the first time

    def __init__(self, model: InboxModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inbox")
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self.setItemDelegateForColumn(Column.TOXICITY, ToxicityDelegate(self, source=model))
        self.setItemDelegateForColumn(Column.PLATFORM, PlatformDelegate(self, source=model))
        text = TextDelegate(model, self)
        for column in (Column.TIME, Column.ACCOUNT, Column.AUTHOR, Column.EXCERPT):
            self.setItemDelegateForColumn(column, text)

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

        # The header asks the selection whether each column is wholly selected, row by row
        # through the Python model: 15 s after Ctrl+A on a million rows. It highlights
        # nothing anyway, so it gets a selection of its own that stays empty.
        header.setSelectionModel(QItemSelectionModel(model, self))
        self.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.selectionModel().selectionChanged.connect(self._on_selection)
        model.modelReset.connect(self._on_reset)
        model.countChanged.connect(self._on_count)
        # Rows inserted or removed schedule a layout of the view for later, and the view is
        # painted before it and again after it: lay out now, paint once.
        model.rowsInserted.connect(self._lay_out_now)
        model.rowsRemoved.connect(self._lay_out_now)
        self._empty_text = ""
        self._painted = False
        self._all_matching = False
        self._selecting_all = False

    def warm_up(self) -> None:
        """Draw the letters the first rows will show, in the cells' fonts, before they come:
        each glyph is rasterised the first time it is drawn (~5 ms for a first screen of
        Cyrillic and Latin text, normal and bold), in the turn that paints them."""
        self.ensurePolished()
        image = QImage(8, 8, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        for bold in (False, True):
            font = QFont(self.font())
            font.setBold(bold)
            painter.setFont(font)
            for text in _WARM_TEXTS:
                painter.drawText(QPointF(0, 0), text)
        painter.end()

    def set_empty_text(self, text: str) -> None:
        """What the list says when it has no rows (drawn as plain text)."""
        self._empty_text = text
        self.viewport().update()

    def empty_text(self) -> str:
        return self._empty_text

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        first = self.rowAt(0)
        if first >= 0:
            last = self.rowAt(self.viewport().height() - 1)
            self._model.note_visible(first, last if last >= 0 else self._model.rowCount() - 1)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()
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
        self._all_matching = False
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def set_current_row(self, row: int) -> None:
        """Make `row` current without touching the selection."""
        if 0 <= row < self._model.rowCount():
            self.selectionModel().setCurrentIndex(
                self._model.index(row, Column.EXCERPT),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )

    def select_comment(self, comment_id: int) -> bool:
        row = self._model.row_of(comment_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    # --- bulk selection ----------------------------------------------------------------------

    def selectAll(self) -> None:  # Ctrl+A (Qt's standard key) lands here
        """Select every comment matching the filter, loaded or not. While the result is still
        being counted, the rows still to come join the selection when the count lands (a bulk
        action plans from the filter itself, so its confirmation is exact either way)."""
        if self._model.rowCount() == 0 and self._model.count_exact:
            return
        self._select_every_row()
        self._all_matching = True
        self._on_selection()

    def _select_every_row(self) -> None:
        self._selecting_all = True
        try:
            super().selectAll()
        finally:
            self._selecting_all = False

    @property
    def all_matching(self) -> bool:
        return self._all_matching

    def selected_rows(self) -> list[int]:
        rows: set[int] = set()
        selection = self.selectionModel().selection()
        for i in range(selection.size()):
            part = selection.at(i)
            rows.update(range(part.top(), part.bottom() + 1))
        return sorted(rows)

    def selection_size(self) -> int:
        if self._all_matching:
            return self._model.rowCount()
        selection = self.selectionModel().selection()
        return len(
            {
                row
                for i in range(selection.size())
                for row in range(selection.at(i).top(), selection.at(i).bottom() + 1)
            }
        )

    def selected_ids(self) -> list[int]:
        """The selected comments among the loaded rows (for "all matching", ask the store)."""
        ids = (self._model.comment_id_at(row) for row in self.selected_rows())
        return [cid for cid in ids if cid is not None]

    def clear_bulk_selection(self) -> None:
        """Back to the current comment alone."""
        current = self.currentIndex()
        self._all_matching = False
        if current.isValid():
            self.select_row(current.row())
        else:
            self.clearSelection()

    def _on_selection(
        self, _selected: QItemSelection | None = None, deselected: QItemSelection | None = None
    ) -> None:
        if self._selecting_all:
            return
        if deselected is not None and not deselected.isEmpty():
            self._all_matching = False  # a row was taken out: no longer "all"
        if not self.selectionModel().hasSelection():
            self._all_matching = False
        counting = self._all_matching and not self._model.count_exact
        self.selectionSizeChanged.emit(
            SIZE_COUNTING if counting else self.selection_size(), self._all_matching
        )

    def _on_reset(self) -> None:
        self._all_matching = False
        self._on_selection()

    def _lay_out_now(self, *_: object) -> None:
        self.executeDelayedItemsLayout()

    def _on_count(self) -> None:
        if self._all_matching:  # "all N matching": the rows counted since are selected too
            self._select_every_row()
            self._on_selection()

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
