"""Paints the platform column as a compact coloured badge ('VK', 'TG', 'YT'): recognisable at
a glance and narrow, leaving the width to the comment text. The full name is the tooltip."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from moderator_app.domain import Platform
from moderator_app.ui import theme
from moderator_app.ui.roles import Role
from moderator_app.ui.text_delegate import CellSource, paint_background

BADGE_WIDTH = 28
BADGE_HEIGHT = 18
_PLATFORM = int(Role.PLATFORM)
_FADED = int(Role.FADED)


_BADGE_FONTS: dict[str, QFont] = {}  # by the painter's font key: built once


def _badge_font(base: QFont) -> QFont:
    key = base.key()
    font = _BADGE_FONTS.get(key)
    if font is None:
        font = QFont(base)
        font.setPixelSize(10)
        font.setWeight(QFont.Weight.Bold)
        if len(_BADGE_FONTS) > 16:
            _BADGE_FONTS.clear()
        _BADGE_FONTS[key] = font
    return font


_BADGES: dict[tuple[object, ...], QPixmap] = {}  # drawn once per platform, font and state


def paint_platform_badge_cached(
    painter: QPainter, rect: QRect, platform: Platform, faded: bool
) -> None:
    """`paint_platform_badge` through a pixmap cache (the same few badges on every row)."""
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    font = painter.font()
    key = (platform, faded, font.key(), rect.height(), ratio)
    pixmap = _BADGES.get(key)
    if pixmap is None:
        pixmap = QPixmap(round(BADGE_WIDTH * ratio) + 2, max(round(rect.height() * ratio), 1))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        inner = QPainter(pixmap)
        inner.setFont(font)
        paint_platform_badge(inner, QRect(0, 0, BADGE_WIDTH + 1, rect.height()), platform, faded)
        inner.end()
        if len(_BADGES) > 64:
            _BADGES.clear()
        _BADGES[key] = pixmap
    painter.drawPixmap(rect.topLeft(), pixmap)


def paint_platform_badge(painter: QPainter, rect: QRect, platform: Platform, faded: bool) -> None:
    badge = QRectF(rect.left(), rect.center().y() - BADGE_HEIGHT / 2 + 1, BADGE_WIDTH, BADGE_HEIGHT)
    color = theme.platform_color(platform)
    if faded:
        color.setAlphaF(0.45)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(badge, 5, 5)
    painter.setFont(_badge_font(painter.font()))
    painter.setPen(QColor("#ffffff"))
    painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), theme.PLATFORM_CODES[platform])
    painter.restore()


class PlatformDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, *, source: CellSource | None = None) -> None:
        """With `source` (the inbox model), the platform is read from its cells directly."""
        super().__init__(parent)
        self._source = source

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt, _style = paint_background(painter, option, index)
        platform, faded = self._platform(index)
        if platform is not None:
            rect: QRect = opt.rect.adjusted(10, 0, 0, 0)
            paint_platform_badge_cached(painter, rect, platform, faded)

    def _platform(self, index: QModelIndex | QPersistentModelIndex) -> tuple[Platform | None, bool]:
        if self._source is None:
            value = index.data(Role.PLATFORM)  # a str enum arrives as its plain str value
            found = Platform(value) if value in Platform._value2member_map_ else None
            return found, bool(index.data(Role.FADED))
        cells = self._source.cells(index)
        if cells is None:
            return None, False
        platforms, faded = cells.get(_PLATFORM), cells.get(_FADED)
        platform = None if platforms is None else platforms[0]
        return (
            platform if isinstance(platform, Platform) else None,
            bool(faded is not None and faded[0]),
        )

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(BADGE_WIDTH + 20, BADGE_HEIGHT + 10)
