"""Paints the inbox's comment column with the search matches marked, the way the detail pane
marks them: a light box behind each matched word. The text is drawn as plain runs with
`drawText` (never as rich text); without a search it is painted as the other text cells."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

from moderator_app.ui.search_highlight import (
    SEARCH_BACKGROUND,
    SEARCH_TEXT,
    clip_runs,
    match_runs,
    segments,
)
from moderator_app.ui.text_delegate import CellSource, TextDelegate, elide, paint_background

_LAYOUTS_MAX = 4096

ELLIPSIS = "…"


def elided_parts(
    text: str, search: str, width: int, metrics: QFontMetrics
) -> list[tuple[str, bool]]:
    """What the cell shows: `text` cut to `width` (with '…'), split into highlighted runs."""
    elided = elide(text, max(width, 0), metrics)
    kept = len(elided) - 1 if elided != text and elided.endswith(ELLIPSIS) else len(elided)
    runs = clip_runs(match_runs(text, search), kept)
    parts = segments(elided[:kept], runs)
    if kept < len(elided):
        parts.append((elided[kept:], False))
    return parts


# A laid-out cell: (piece, marked, x offset, width) for each run.
Layout = tuple[tuple[str, bool, int, int], ...]


class ExcerptDelegate(TextDelegate):
    def __init__(
        self, source: CellSource, search_of: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(source, parent)
        self._search_of = search_of
        # Per text, search, width and font: a search repaints the same rows often (every
        # arrival, selection or scroll), and cutting and measuring them was most of it.
        self._layouts: dict[tuple[str, str, int, str], Layout | None] = {}

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
        cell = self.cell(index)
        if cell is None:
            super().paint(painter, option, index)
            return
        text, bold, color = cell
        opt, style = paint_background(painter, option, index)
        rect = self.text_rect(opt, style)
        font, metrics, font_key = self.font_of(opt, bold=bold)
        layout = self._layout(text, search, rect.width(), metrics, font_key)
        if layout is None:  # nothing matched in this comment
            if text:
                self.paint_text(painter, opt, rect, text, bold=bold, color=color)
            return
        normal = self.text_color(opt, color)
        painter.save()
        painter.setFont(font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = metrics.height()
        top = rect.top() + (rect.height() - height) // 2
        baseline = top + metrics.ascent()
        for piece, marked, x, width in layout:
            if marked:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(SEARCH_BACKGROUND)
                painter.drawRoundedRect(QRectF(rect.left() + x - 1, top, width + 2, height), 3, 3)
            painter.setPen(SEARCH_TEXT if marked else normal)
            painter.drawText(QPointF(rect.left() + x, baseline), piece)
        painter.restore()

    def _layout(
        self, text: str, search: str, width: int, metrics: QFontMetrics, font_key: str
    ) -> Layout | None:
        key = (text, search, width, font_key)
        if key in self._layouts:
            return self._layouts[key]
        layout: Layout | None = None
        if match_runs(text, search):
            pieces: list[tuple[str, bool, int, int]] = []
            x = 0
            for piece, marked in elided_parts(text, search, width, metrics):
                advance = metrics.horizontalAdvance(piece)
                pieces.append((piece, marked, x, advance))
                x += advance
            layout = tuple(pieces)
        if len(self._layouts) >= _LAYOUTS_MAX:
            self._layouts.clear()
        self._layouts[key] = layout
        return layout
