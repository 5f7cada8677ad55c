"""The filter bar's "Custom…" entries: a date range (two calendar date fields) and a score
range (two spin boxes). Small dialogs that only hold values; the bar turns them into
`ViewSpec` fields (`since_ts`/`until_ts`, `score_min`/`score_max`)."""

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QWidget

from moderator_app.ui.dialog_parts import confirm_buttons, dialog_column, intro_label, window_modal
from moderator_app.ui.score_fields import score_spin, spin_bounds


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
    def __init__(self, name: str, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        window_modal(self, name, title)
        self.form = QFormLayout()
        self.form.setSpacing(8)
        # Spelled out: `self.tr` would look the text up under the subclass's name.
        buttons = confirm_buttons(
            self,
            QCoreApplication.translate("RangeDialog", "Apply"),
            QCoreApplication.translate("RangeDialog", "Cancel"),
        )
        dialog_column(self, intro_label(intro), self.form, buttons.box)


class DateRangeDialog(_RangeDialog):
    def __init__(self, first: date, last: date, parent: QWidget | None = None) -> None:
        super().__init__(
            "dateRangeDialog",
            self.tr("Date range"),
            self.tr("Show comments written between these days:"),
            parent,
        )
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
            "scoreBoundsDialog",
            self.tr("Score range"),
            self.tr("Show comments whose toxicity score is between:"),
            parent,
        )
        self.low = score_spin(self, low, "scoreLow")
        self.high = score_spin(self, high, "scoreHigh")
        self.form.addRow(self.tr("Lowest"), self.low)
        self.form.addRow(self.tr("Highest"), self.high)

    def bounds(self) -> tuple[float, float]:
        return spin_bounds(self.low, self.high)
