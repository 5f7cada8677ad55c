"""Paints the platform column as a compact coloured badge ('VK', 'TG', 'YT'): recognisable at
a glance and narrow, leaving the width to the comment text. The full name is the tooltip."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from moderator_app.domain import Platform
from moderator_app.ui import theme
from moderator_app.ui.roles import Role

BADGE_WIDTH = 28
BADGE_HEIGHT = 18


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
    font = QFont(painter.font())
    font.setPixelSize(10)
    font.setWeight(QFont.Weight.Bold)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), theme.PLATFORM_CODES[platform])
    painter.restore()


class PlatformDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QStyleOptionViewItem().icon
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        value = index.data(Role.PLATFORM)  # a str enum arrives as its plain str value
        platform = Platform(value) if value in Platform._value2member_map_ else None
        if platform is not None:
            rect: QRect = opt.rect.adjusted(10, 0, 0, 0)
            paint_platform_badge(painter, rect, platform, bool(index.data(Role.FADED)))

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(BADGE_WIDTH + 20, BADGE_HEIGHT + 10)
