"""A chip as a widget, for the detail pane header: the same pill the inbox delegate paints."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from moderator_app.ui.chips import CHIP_HEIGHT, chip_width, paint_chip
from moderator_app.ui.theme import ChipColors


class ChipLabel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = ""
        self._detail = ""
        self._colors: ChipColors | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_chip(self, label: str, colors: ChipColors, detail: str = "") -> None:
        self._label, self._detail, self._colors = label, detail, colors
        self.setToolTip("")
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return f"{self._label} {self._detail}".strip()

    def sizeHint(self) -> QSize:
        if not self._label:
            return QSize(0, CHIP_HEIGHT)
        return QSize(chip_width(self.font(), self._label, self._detail) + 2, CHIP_HEIGHT + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._label or self._colors is None:
            return
        painter = QPainter(self)
        painter.setFont(self.font())
        paint_chip(painter, self.rect(), self._label, self._colors, detail=self._detail)
        painter.end()
