"""Paints the inbox's text cells (time, account, author, comment) the way the style paints an
item, for less: the style lays the whole text out again on every paint to elide it (~60 µs a
comment cell), and asks the Python model for seven roles first. Here the background comes
from the style, the text from the model's ready-made cells (one Python call, no Qt round
trip), elided once per text and width and kept as a laid-out `QStaticText`."""

from typing import Any, NamedTuple, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from moderator_app.ui.roles import plain_index

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TEXTS_MAX = 4096  # laid-out texts kept (a few screens of every column)
# Enum members looked up once: each lookup through its class is a Python call (~1 µs), and a
# screen paints ~100 text cells.
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_TEXT_RECT = QStyle.SubElement.SE_ItemViewItemText
_H_MARGIN = QStyle.PixelMetric.PM_FocusFrameHMargin
_ENABLED = QStyle.StateFlag.State_Enabled
_ACTIVE = QStyle.StateFlag.State_Active
_SELECTED = QStyle.StateFlag.State_Selected
_DISABLED_GROUP = QPalette.ColorGroup.Disabled
_NORMAL_GROUP = QPalette.ColorGroup.Normal
_INACTIVE_GROUP = QPalette.ColorGroup.Inactive
_TEXT_ROLE = QPalette.ColorRole.Text
_HIGHLIGHTED_ROLE = QPalette.ColorRole.HighlightedText
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
_PLAIN = Qt.TextFormat.PlainText
_CACHING = QStaticText.PerformanceHint.AggressiveCaching
# A text cell shows at most its width / this many characters (no glyph of the inbox's fonts
# is narrower): eliding lays out only that much of a long comment, not all of it.
_NARROWEST_GLYPH_PX = 3

Cells = dict[int, tuple[Any, ...]]


class CellSource(Protocol):
    """What the delegate reads a row's cells from (`InboxModel.cells`): role -> the value
    of each column."""

    def cells(self, index: QModelIndex | QPersistentModelIndex) -> Cells | None: ...


class TextCell(NamedTuple):
    text: str
    bold: bool  # an unread comment's row
    color: QColor | None  # the model's, if any


class TextDelegate(QStyledItemDelegate):
    def __init__(self, source: CellSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._texts: dict[tuple[str, int, str], QStaticText] = {}
        # The view's font (the same for every cell) and the cells' fonts derived from it.
        self._base: QFont | None = None
        self._fonts: dict[bool, tuple[QFont, QFontMetrics, str]] = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt, style = paint_background(painter, option, index)
        cell = self.cell(index)
        if cell is None or not cell.text:
            return
        rect = self.text_rect(opt, style)
        self.paint_text(painter, opt, rect, cell.text, bold=cell.bold, color=cell.color)

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> "TextCell | None":
        """The cell's text, weight and colour, from the model's ready-made cells."""
        cells = self._source.cells(index)
        if cells is None:
            return None
        column = index.column()
        fonts = cells.get(_FONT)
        colors = cells.get(_FOREGROUND)
        return TextCell(
            str(cells[_DISPLAY][column] or ""),
            fonts is not None and fonts[column] is not None,
            None if colors is None else colors[column],
        )

    @staticmethod
    def text_rect(opt: QStyleOptionViewItem, style: QStyle) -> QRect:
        """Where the style would draw the text (inside the item's padding and margin)."""
        rect = style.subElementRect(_TEXT_RECT, opt, opt.widget)
        margin = style.pixelMetric(_H_MARGIN, None, opt.widget) + 1
        return rect.adjusted(margin, 0, -margin, 0)

    def font_of(self, opt: QStyleOptionViewItem, *, bold: bool) -> tuple[QFont, QFontMetrics, str]:
        """The cell's font (the view's, bold for unread comments), its metrics and key."""
        if self._base is None or opt.font != self._base:
            self._base = QFont(opt.font)
            self._fonts.clear()
        found = self._fonts.get(bold)
        if found is None:
            font = QFont(self._base)
            if bold:
                font.setBold(True)
            found = self._fonts[bold] = (font, QFontMetrics(font), font.key())
        return found

    def text_color(self, opt: QStyleOptionViewItem, color: QColor | None) -> QColor:
        """The model's colour, or the palette's; a selected row's text as the style's."""
        state = opt.state
        selected = _SELECTED in state
        if color is not None and not selected:
            return color
        group = (
            _DISABLED_GROUP
            if _ENABLED not in state
            else _NORMAL_GROUP
            if _ACTIVE in state
            else _INACTIVE_GROUP
        )
        return opt.palette.color(group, _HIGHLIGHTED_ROLE if selected else _TEXT_ROLE)

    def paint_text(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        rect: QRect,
        text: str,
        *,
        bold: bool,
        color: QColor | None,
    ) -> None:
        """One line, cut with '…' to `rect`, vertically centred, drawn as plain text."""
        font, metrics, font_key = self.font_of(opt, bold=bold)
        width = rect.width()
        key = (text, width, font_key)
        static = self._texts.get(key)
        if static is None:
            static = QStaticText(elide(text, max(width, 0), metrics))
            static.setTextFormat(_PLAIN)
            static.setPerformanceHint(_CACHING)
            static.prepare(painter.transform(), font)
            if len(self._texts) >= _TEXTS_MAX:
                self._texts.clear()
            self._texts[key] = static
        painter.save()
        painter.setFont(font)
        painter.setPen(self.text_color(opt, color))
        top = rect.top() + (rect.height() - metrics.height()) / 2
        painter.drawStaticText(QPointF(rect.left(), top), static)
        painter.restore()


def paint_background(
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
) -> tuple[QStyleOptionViewItem, QStyle]:
    """A cell's background, selection and focus as the style draws them, without its text.
    The model's other roles are not asked for (`initStyleOption`): the inbox's delegates draw
    what they show from its cells, one call into Python less per cell painted."""
    opt = QStyleOptionViewItem(option)
    opt.index = plain_index(index)
    opt.text = ""
    widget = opt.widget
    style = widget.style() if widget is not None else QApplication.style()
    style.drawControl(_ITEM, opt, painter, widget)
    return opt, style


def elide(text: str, width: int, metrics: QFontMetrics) -> str:
    """`text` cut with '…' to `width`, as `QFontMetrics.elidedText` cuts it, laying out only
    the part that can fit (a 180-character comment in a 300 px cell: twice as fast)."""
    room = width // _NARROWEST_GLYPH_PX + 2
    if len(text) > room:
        head = text[:room]
        elided = metrics.elidedText(head, _ELIDE_RIGHT, width)
        if elided != head:  # cut inside the head: the same cut as of the whole text
            return elided
    return metrics.elidedText(text, _ELIDE_RIGHT, width)
