"""The left column: views and accounts with unread and flagged counts. Choosing an entry
narrows the inbox (via `scopeChanged`); the sidebar itself never touches the inbox."""

import time

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from moderator_app import APP_NAME
from moderator_app.domain import ToxicityLevel
from moderator_app.store import Store
from moderator_app.ui import theme
from moderator_app.ui.background import JobContext, Reader
from moderator_app.ui.chips import paint_chip
from moderator_app.ui.filter_state import Scope
from moderator_app.ui.sidebar_model import EntryKind, SidebarCounts, SidebarModel, SidebarRole

_ROW_HEIGHT = 32
_HEADER_HEIGHT = 34


class SidebarDelegate(QStyledItemDelegate):
    """Rounded selection, a coloured dot, the name, and the counts at the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect: QRect = option.rect
        state: QStyle.StateFlag = option.state
        base_font: QFont = option.font
        kind: EntryKind = index.data(SidebarRole.KIND)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if kind is EntryKind.HEADER:
            self._paint_header(painter, rect, base_font, title)
            painter.restore()
            return
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.SELECTION if selected else "#e6e6ea"))
            painter.drawRoundedRect(QRectF(rect.adjusted(8, 2, -8, -2)), 6, 6)
        inner = rect.adjusted(18, 0, -16, 0)
        self._paint_marker(painter, inner, index)
        font = QFont(base_font)
        if selected:
            font.setWeight(QFont.Weight.DemiBold)
        right = self._paint_counts(painter, inner, font, index)
        painter.setFont(font)
        painter.setPen(QColor(theme.TEXT))
        text_rect = QRect(inner.left() + 20, inner.top(), right - inner.left() - 26, inner.height())
        elided = QFontMetrics(font).elidedText(
            title, Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        kind = index.data(SidebarRole.KIND)
        return QSize(200, _HEADER_HEIGHT if kind is EntryKind.HEADER else _ROW_HEIGHT)

    def _paint_header(self, painter: QPainter, rect: QRect, base: QFont, title: str) -> None:
        font = QFont(base)
        font.setPointSizeF(max(base.pointSizeF() - 1.5, 7.0))
        font.setWeight(QFont.Weight.DemiBold)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        painter.setFont(font)
        painter.setPen(QColor(theme.FAINT))
        painter.drawText(
            rect.adjusted(18, 10, -12, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title.upper(),
        )

    def _paint_marker(
        self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        box = QRect(rect.left(), rect.center().y() - 5, 10, 10)
        if isinstance(icon, QIcon):
            icon.paint(painter, box)
            return
        scope: Scope | None = index.data(SidebarRole.SCOPE)
        level = None if scope is None else scope.min_level
        color = QColor(theme.MUTED) if level is None else theme.LEVEL_CHIPS[level].foreground
        painter.setPen(QPen(color, 1.6))
        painter.setBrush(
            Qt.BrushStyle.NoBrush if level is None else theme.LEVEL_CHIPS[level].background
        )
        painter.drawEllipse(QRectF(box).adjusted(1, 1, -1, -1))

    def _paint_counts(
        self,
        painter: QPainter,
        rect: QRect,
        font: QFont,
        index: QModelIndex | QPersistentModelIndex,
    ) -> int:
        """Draws from the right edge leftwards; returns where the title must stop."""
        right = rect.right()
        unread = int(index.data(SidebarRole.UNREAD) or 0)
        flagged = int(index.data(SidebarRole.FLAGGED) or 0)
        level = ToxicityLevel(index.data(SidebarRole.FLAG_LEVEL) or ToxicityLevel.REVIEW)
        if unread:
            text = str(unread)
            painter.setFont(font)
            width = QFontMetrics(font).horizontalAdvance(text)
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(
                QRect(right - width, rect.top(), width, rect.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            right -= width + 8
        if flagged:
            text = str(flagged)
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(text) + 14
            chip = QRect(right - width, rect.top(), width, rect.height())
            paint_chip(painter, chip, text, theme.LEVEL_CHIPS[level], font=font)
            right -= width + 6
        return right


class Sidebar(QWidget):
    scopeChanged = Signal(object)  # Scope
    savedViewChosen = Signal(int)  # view id
    renameViewRequested = Signal(int)  # view id (the context menu)
    deleteViewRequested = Signal(int)
    accountsRequested = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        reader: Reader | None = None,
    ) -> None:
        """With a `reader`, counts are read in the background (a million comments: tens of
        milliseconds each) and arrive a moment after the entries."""
        super().__init__(parent)
        self.setObjectName("sidebar")
        self._reader = reader
        self._counting = False
        self.last_count_s = 0.0  # how long the last background count took
        self.model = SidebarModel(store, self, counts_later=reader is not None)
        brand = QLabel(APP_NAME, self)
        brand.setObjectName("brand")
        brand.setTextFormat(Qt.TextFormat.PlainText)
        self.view = QListView(self)
        self.view.setObjectName("sidebarList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SidebarDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMouseTracking(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.menu: QMenu | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.accounts_button = QPushButton(self.tr("Accounts…"), self)
        self.accounts_button.setObjectName("accountsButton")
        self.accounts_button.setFlat(True)
        self.accounts_button.clicked.connect(self.accountsRequested)
        layout.addWidget(brand)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.accounts_button)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.select_scope(Scope())
        self._refresh_later()

    def select_scope(self, scope: Scope) -> None:
        row = self.model.row_for_scope(scope)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def refresh_counts(self) -> None:
        """Read the counts again (in the background when the sidebar has a reader)."""
        if self._reader is not None:
            self._refresh_later()
            return
        self._apply_counts(self.model.read_counts())

    def reload(self) -> None:
        current = self.current_scope()
        view_id = self.current_view_id()
        self.model.reload()
        if view_id is not None and self.model.row_for_view(view_id) >= 0:
            self.select_view(view_id)
        else:
            self.select_scope(current or Scope())
        self._refresh_later()

    def counting(self) -> bool:
        """Whether counts are being read in the background."""
        return self._counting

    def _refresh_later(self) -> None:
        reader = self._reader
        if reader is None:
            return
        views = self.model.views.list()  # a few rows: read here, counted there
        now = time.time()
        self._counting = True

        def work(ctx: JobContext) -> None:
            started = time.perf_counter()
            counts = SidebarCounts.read(ctx.store, views, now)
            ctx.deliver((counts, time.perf_counter() - started))

        reader.submit("sidebar-counts", work, self._on_counts, priority=0)

    def _on_counts(self, answer: tuple[SidebarCounts, float]) -> None:
        counts, seconds = answer
        self._counting = False
        self.last_count_s = seconds
        self._apply_counts(counts)

    def _apply_counts(self, counts: SidebarCounts) -> None:
        scope = self.current_scope()
        view_id = self.current_view_id()
        self.model.apply_counts(counts)
        if not self.view.currentIndex().isValid():  # the entries changed: a reset
            if view_id is not None and self.model.row_for_view(view_id) >= 0:
                self.select_view(view_id)
            else:
                self.select_scope(scope or Scope())

    def current_scope(self) -> Scope | None:
        index = self.view.currentIndex()
        return index.data(SidebarRole.SCOPE) if index.isValid() else None

    def select_view(self, view_id: int) -> None:
        row = self.model.row_for_view(view_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def current_view_id(self) -> int | None:
        index = self.view.currentIndex()
        value = index.data(SidebarRole.VIEW_ID) if index.isValid() else None
        return value if isinstance(value, int) else None

    def view_menu(self, view_id: int) -> QMenu:
        """Rename / Delete for one saved view (what right-click opens)."""
        menu = QMenu(self)
        menu.setObjectName("savedViewMenu")
        rename = menu.addAction(self.tr("Rename…"))
        rename.setShortcut("F2")
        rename.triggered.connect(lambda: self.renameViewRequested.emit(view_id))
        delete = menu.addAction(self.tr("Delete…"))
        delete.triggered.connect(lambda: self.deleteViewRequested.emit(view_id))
        return menu

    def _context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        view_id = index.data(SidebarRole.VIEW_ID) if index.isValid() else None
        if not isinstance(view_id, int):
            return
        self.menu = self.view_menu(view_id)
        self.menu.popup(self.view.viewport().mapToGlobal(point))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        scope = current.data(SidebarRole.SCOPE) if current.isValid() else None
        view_id = current.data(SidebarRole.VIEW_ID) if current.isValid() else None
        if isinstance(scope, Scope):
            self.scopeChanged.emit(scope)
        elif isinstance(view_id, int):
            self.savedViewChosen.emit(view_id)
