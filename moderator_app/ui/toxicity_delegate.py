"""Paints the inbox's toxicity column: a coloured chip with the score, then small markers for
what the moderator has done: a clock (action queued), a red mark (action failed), and an icon
for hidden, escalated or replied. The cell's tooltip says the same in words."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from moderator_app.domain import LocalState, PlatformState, ToxicityResult
from moderator_app.ui import theme
from moderator_app.ui.chips import (
    CHIP_HEIGHT,
    MARKER_SIZE,
    paint_chip,
    paint_clock,
    paint_failed,
    paint_flag,
    paint_hidden,
    paint_replied,
    toxicity_parts,
)
from moderator_app.ui.roles import Role

_GAP = 6
Painter = Callable[[QPainter, QRect, QColor], None]
_STATE_MARKERS: dict[LocalState, tuple[Painter, QColor]] = {
    LocalState.HIDDEN: (paint_hidden, theme.HIDDEN_BADGE.foreground),
    LocalState.ESCALATED: (paint_flag, theme.ESCALATED_BADGE.foreground),
    LocalState.REPLIED: (paint_replied, theme.REPLIED_BADGE.foreground),
}


class ToxicityDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Background and selection exactly as the style draws them, but no text.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        rect: QRect = opt.rect.adjusted(8, 0, -6, 0)
        result: ToxicityResult | None = index.data(Role.TOXICITY)
        label, detail, colors = toxicity_parts(result)
        painter.save()
        painter.setFont(opt.font)
        used = paint_chip(painter, rect, label, colors, detail=detail)
        x = rect.left() + used + _GAP
        x = self._paint_markers(
            painter, index, QRect(x, rect.top(), rect.right() - x, rect.height())
        )
        painter.restore()

    def _paint_markers(
        self, painter: QPainter, index: QModelIndex | QPersistentModelIndex, rect: QRect
    ) -> int:
        x = rect.left()
        markers: list[tuple[Painter, QColor]] = []
        if (index.data(Role.FAILED) or 0) > 0:
            markers.append((paint_failed, theme.FAILED))
        elif (index.data(Role.PENDING) or 0) > 0:
            markers.append((paint_clock, theme.PENDING))
        state = LocalState(index.data(Role.LOCAL_STATE) or LocalState.NEW)
        if state in _STATE_MARKERS:
            markers.append(_STATE_MARKERS[state])
        elif index.data(Role.PLATFORM_STATE) == PlatformState.HIDDEN:
            markers.append(_STATE_MARKERS[LocalState.HIDDEN])
        for paint, color in markers:
            if x + MARKER_SIZE > rect.right() + 1:
                break
            paint(painter, QRect(x, rect.top(), MARKER_SIZE, rect.height()), color)
            x += MARKER_SIZE + _GAP
        return x

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 170), max(hint.height(), CHIP_HEIGHT + 10))
