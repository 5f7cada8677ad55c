"""Paints the inbox's comment column with the search matches marked, the way the detail pane
marks them: a light box behind each matched word. The text is drawn as plain runs with
`drawText` (never as rich text); without a search the style paints the cell as usual."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from moderator_app.ui.search_highlight import (
    SEARCH_BACKGROUND,
    SEARCH_TEXT,
    clip_runs,
    match_runs,
    segments,
)

ELLIPSIS = "…"


def elided_parts(
    text: str, search: str, width: int, metrics: QFontMetrics
) -> list[tuple[str, bool]]:
    """What the cell shows: `text` cut to `width` (with '…'), split into highlighted runs."""
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))
    kept = len(elided) - 1 if elided != text and elided.endswith(ELLIPSIS) else len(elided)
    runs = clip_runs(match_runs(text, search), kept)
    parts = segments(elided[:kept], runs)
    if kept < len(elided):
        parts.append((elided[kept:], False))
    return parts


class ExcerptDelegate(QStyledItemDelegate):
    def __init__(self, search_of: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search_of = search_of

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        search = self._search_of()
        if not search.strip():
            super().paint(painter, option, index)
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not match_runs(text, search):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        rect = rect.adjusted(4, 0, -4, 0)
        parts = elided_parts(text, search, rect.width(), QFontMetrics(opt.font))
        self._paint_runs(painter, opt, index, rect, parts)

    def _paint_runs(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        parts: list[tuple[str, bool]],
    ) -> None:
        metrics = QFontMetrics(opt.font)
        color = index.data(Qt.ItemDataRole.ForegroundRole)
        normal = QColor(color) if color is not None else opt.palette.color(QPalette.ColorRole.Text)
        painter.save()
        painter.setFont(opt.font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = rect.left()
        height = metrics.height()
        top = rect.top() + (rect.height() - height) // 2
        for piece, marked in parts:
            width = metrics.horizontalAdvance(piece)
            if marked:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(SEARCH_BACKGROUND)
                painter.drawRoundedRect(QRectF(x - 1, top, width + 2, height), 3, 3)
            painter.setPen(SEARCH_TEXT if marked else normal)
            painter.drawText(QPointF(x, top + metrics.ascent()), piece)
            x += width
        painter.restore()
