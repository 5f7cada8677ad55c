"""The filter bar's "Custom…" entries: a date range (two calendar date fields) and a score
range (two spin boxes). Small dialogs that only hold values; the bar turns them into
`ViewSpec` fields (`since_ts`/`until_ts`, `score_min`/`score_max`)."""

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from moderator_app.ui.labels import plain_label


def day_bounds(first: date, last: date) -> tuple[float, float]:
    """From the start of `first` to the end of `last`, local time, as epoch seconds."""
    first, last = min(first, last), max(first, last)
    start = datetime.combine(first, time.min).astimezone()
    end = datetime.combine(last + timedelta(days=1), time.min).astimezone()
    return start.timestamp(), end.timestamp()


def local_day(ts: float, *, end: bool = False) -> date:
    """The local date of an epoch time (`end`: of an exclusive end bound)."""
    moment = datetime.fromtimestamp(ts - (1 if end else 0)).astimezone()
    return moment.date()


class _RangeDialog(QDialog):
    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.form = QFormLayout()
        self.form.setSpacing(8)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Spelled out: `self.tr` would look the text up under the subclass's name.
        ok.setText(QCoreApplication.translate("RangeDialog", "Apply"))
        ok.setDefault(True)
        ok.setObjectName("primaryButton")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("RangeDialog", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        label = plain_label(intro, "dialogIntro")
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(buttons)


class DateRangeDialog(_RangeDialog):
    def __init__(self, first: date, last: date, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Date range"), self.tr("Show comments written between these days:"), parent
        )
        self.setObjectName("dateRangeDialog")
        self.first = self._date_edit(first, "dateFrom")
        self.last = self._date_edit(last, "dateTo")
        self.form.addRow(self.tr("From"), self.first)
        self.form.addRow(self.tr("To"), self.last)

    def bounds(self) -> tuple[float, float]:
        first = self.first.date().toPython()
        last = self.last.date().toPython()
        if not isinstance(first, date) or not isinstance(last, date):
            raise TypeError("QDate.toPython() gave no date")
        return day_bounds(first, last)

    def _date_edit(self, value: date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setMaximumDate(QDate.currentDate().addDays(1))
        return edit


class ScoreBoundsDialog(_RangeDialog):
    def __init__(self, low: float, high: float, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Score range"),
            self.tr("Show comments whose toxicity score is between:"),
            parent,
        )
        self.setObjectName("scoreBoundsDialog")
        self.low = self._spin(low, "scoreLow")
        self.high = self._spin(high, "scoreHigh")
        self.form.addRow(self.tr("Lowest"), self.low)
        self.form.addRow(self.tr("Highest"), self.high)

    def bounds(self) -> tuple[float, float]:
        low, high = self.low.value(), self.high.value()
        return (min(low, high), max(low, high))

    def _spin(self, value: float, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(0.0, 1.0)
        spin.setSingleStep(0.05)
        spin.setDecimals(2)
        spin.setValue(value)
        return spin
