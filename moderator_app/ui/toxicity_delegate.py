"""Paints the inbox's toxicity column: a coloured chip with the score, then small markers for
what the moderator has done: a clock (action queued), a red mark (action failed), and an icon
for hidden, escalated or replied. The cell's tooltip says the same in words."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from moderator_app.domain import Comment, LocalState, PlatformState, ToxicityResult
from moderator_app.ui import theme
from moderator_app.ui.chips import (
    CHIP_HEIGHT,
    MARKER_SIZE,
    paint_chip_cached,
    paint_clock,
    paint_failed,
    paint_flag,
    paint_hidden,
    paint_replied,
    toxicity_parts,
)
from moderator_app.ui.roles import Role
from moderator_app.ui.text_delegate import CellSource, paint_background

_GAP = 6
_COMMENT = int(Role.COMMENT)
Painter = Callable[[QPainter, QRect, QColor], None]
_STATE_MARKERS: dict[LocalState, tuple[Painter, QColor]] = {
    LocalState.HIDDEN: (paint_hidden, theme.HIDDEN_BADGE.foreground),
    LocalState.ESCALATED: (paint_flag, theme.ESCALATED_BADGE.foreground),
    LocalState.REPLIED: (paint_replied, theme.REPLIED_BADGE.foreground),
}


class ToxicityDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, *, source: CellSource | None = None) -> None:
        """With `source` (the inbox model), the comment is read from its cells directly."""
        super().__init__(parent)
        self._source = source

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt, _style = paint_background(painter, option, index)

        rect: QRect = opt.rect.adjusted(8, 0, -6, 0)
        # One question to the model for everything drawn here (each is a call into Python).
        comment = self._comment(index)
        result: ToxicityResult | None = (
            comment.toxicity if isinstance(comment, Comment) else index.data(Role.TOXICITY)
        )
        label, detail, colors = toxicity_parts(result)
        painter.save()
        painter.setFont(opt.font)
        used = paint_chip_cached(painter, rect, label, colors, detail=detail)
        x = rect.left() + used + _GAP
        x = self._paint_markers(
            painter, index, QRect(x, rect.top(), rect.right() - x, rect.height()), comment
        )
        painter.restore()

    def _comment(self, index: QModelIndex | QPersistentModelIndex) -> object:
        if self._source is None:
            return index.data(Role.COMMENT)
        cells = self._source.cells(index)
        values = None if cells is None else cells.get(_COMMENT)
        return None if values is None else values[0]

    def _paint_markers(
        self,
        painter: QPainter,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        comment: object = None,
    ) -> int:
        x = rect.left()
        markers: list[tuple[Painter, QColor]] = []
        if isinstance(comment, Comment):
            failed, pending = comment.failed_actions, comment.pending_actions
            state, platform_state = comment.local_state, comment.remote.platform_state
        else:
            failed, pending = index.data(Role.FAILED) or 0, index.data(Role.PENDING) or 0
            state = LocalState(index.data(Role.LOCAL_STATE) or LocalState.NEW)
            platform_state = index.data(Role.PLATFORM_STATE)
        if failed > 0:
            markers.append((paint_failed, theme.FAILED))
        elif pending > 0:
            markers.append((paint_clock, theme.PENDING))
        if state in _STATE_MARKERS:
            markers.append(_STATE_MARKERS[state])
        elif platform_state == PlatformState.HIDDEN:
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
