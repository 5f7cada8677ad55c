""" "Select score range…": pick a toxicity score band (e.g. 0.80–1.00) within the current
filter, seeing live how many comments it holds, as in score-sorted moderation queues."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from moderator_app.ui.bulk_text import number
from moderator_app.ui.labels import plain_label

CountIn = Callable[[float, float], int]


class ScoreRangeDialog(QDialog):
    def __init__(
        self, count_in: CountIn, low: float = 0.8, high: float = 1.0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scoreRangeDialog")
        self.setWindowTitle(self.tr("Select score range"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._count_in = count_in
        self.low = self._spin(low)
        self.high = self._spin(high)
        self.count = plain_label("", "dialogIntro")
        intro = plain_label(
            self.tr("Select every comment in the current view whose toxicity score is in:"),
            "dialogIntro",
        )
        intro.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.low)
        row.addWidget(plain_label("–", "dialogIntro"))
        row.addWidget(self.high)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Select"))
        ok.setDefault(True)
        ok.setObjectName("primaryButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.low.valueChanged.connect(self._update)
        self.high.valueChanged.connect(self._update)
        self._update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.low.setFocus()
        self.low.selectAll()

    def bounds(self) -> tuple[float, float]:
        low, high = self.low.value(), self.high.value()
        return (min(low, high), max(low, high))

    def _update(self, *_: object) -> None:
        low, high = self.bounds()
        n = self._count_in(low, high)
        self.count.setText(self.tr("%1 comments in this range").replace("%1", number(n)))

    def _spin(self, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(0.0, 1.0)
        spin.setSingleStep(0.05)
        spin.setDecimals(2)
        spin.setValue(value)
        return spin
