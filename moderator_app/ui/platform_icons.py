"""Small coloured dots that tell platforms apart at a glance in lists and headers."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

from moderator_app.domain import Platform
from moderator_app.ui.theme import platform_color


class PlatformIcons:
    """Draws each platform's dot once and keeps it (one cache per owner, no global state)."""

    def __init__(self, size: int = 10) -> None:
        self._size = size
        self._icons: dict[Platform, QIcon] = {}

    def icon(self, platform: Platform) -> QIcon:
        found = self._icons.get(platform)
        if found is None:
            found = self._icons[platform] = QIcon(self._dot(platform))
        return found

    def _dot(self, platform: Platform) -> QPixmap:
        scale = 2  # crisp on high-dpi screens
        pixmap = QPixmap(self._size * scale, self._size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(platform_color(platform))
        inset = self._size * 0.1
        painter.drawEllipse(QRectF(inset, inset, self._size - 2 * inset, self._size - 2 * inset))
        painter.end()
        return pixmap
