"""Paints the inbox's comment column with the search matches marked, the way the detail pane
marks them: a light box behind each matched word. The text is drawn as plain runs with
`drawText` (never as rich text); without a search it is painted as the other text cells."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from moderator_app.ui.search_highlight import (
    SEARCH_BACKGROUND,
    SEARCH_TEXT,
    clip_runs,
    match_runs,
    segments,
)
from moderator_app.ui.text_delegate import CellSource, TextDelegate, paint_background

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)

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


class ExcerptDelegate(TextDelegate):
    def __init__(
        self, source: CellSource, search_of: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(source, parent)
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
        cells = self._source.cells(index)
        text = "" if cells is None else str(cells[_DISPLAY][index.column()] or "")
        if not match_runs(text, search):
            super().paint(painter, option, index)
            return
        opt, style = paint_background(painter, option, index)
        self.initStyleOption(opt, index)  # the font and colour of the row
        rect = self.text_rect(opt, style)
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
        normal = self.text_color(opt, QColor(color) if color is not None else None)
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
