"""The row of filters under the toolbar: platform, account, score (presets or a custom range),
state (incl. failed actions), period (presets or custom dates), language and sort, plus
removable chips for "only this author / thread". It mirrors a `ViewSpec` and reports each
change as field updates; it never queries the store."""

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from moderator_app.domain import LocalState, Platform
from moderator_app.store import SortOrder
from moderator_app.store.view_spec import Period, ViewSpec
from moderator_app.ui.filter_range_dialogs import DateRangeDialog, ScoreBoundsDialog, local_day

_FAILED = "failed"
_CUSTOM = "custom"
_SCORE_PRESETS = (0.5, 0.8, 0.9)


class FitComboBox(QComboBox):
    """As wide as the value it shows, not as its widest entry: a row of these stays short,
    and the open list is still as wide as it needs. On its first ("any") entry it shows
    just the facet's name ("Platform"), like the filter chips of a mail client."""

    def __init__(self, facet: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facet = facet
        self.currentIndexChanged.connect(lambda _i: self.updateGeometry())

    def shown_text(self) -> str:
        return self.facet if self.facet and self.currentIndex() == 0 else self.currentText()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.shown_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance(self.shown_text()) + 38
        return QSize(min(hint.width(), width), hint.height())

    def minimumSizeHint(self) -> QSize:
        """Squeezable in a narrow window rather than widening it."""
        hint = self.sizeHint()
        return QSize(min(hint.width(), 64), hint.height())


class FilterBar(QWidget):
    changed = Signal(object)  # dict: field name -> new value, for FilterState.update (object:
    # a Qt map would turn the StrEnum values into plain str)
    clearRequested = Signal()
    saveRequested = Signal()

    def __init__(self, platforms: list[Platform], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._spec = ViewSpec()
        self.date_dialog: DateRangeDialog | None = None
        self.score_dialog: ScoreBoundsDialog | None = None
        self.platform = self._combo(
            "platformFilter", [(self.tr("All platforms"), None)], self.tr("Platform")
        )
        self.set_platforms(platforms)
        self.account = self._combo(
            "accountFilter", [(self.tr("All accounts"), None)], self.tr("Account")
        )
        self.account.setToolTip(self.tr("Only one connected account"))
        self.score = self._combo(
            "scoreFilter",
            [
                (self.tr("Any score"), None),
                *[(self.tr("Score ≥ %1").replace("%1", f"{v:.1f}"), v) for v in _SCORE_PRESETS],
                (self.tr("Custom range…"), _CUSTOM),
            ],
            self.tr("Score"),
        )
        self.state = self._combo(
            "stateFilter",
            [
                (self.tr("Any state"), None),
                (self.tr("New"), LocalState.NEW),
                (self.tr("Reviewed"), LocalState.REVIEWED),
                (self.tr("Replied"), LocalState.REPLIED),
                (self.tr("Hidden"), LocalState.HIDDEN),
                (self.tr("Escalated"), LocalState.ESCALATED),
                (self.tr("Failed action"), _FAILED),
            ],
            self.tr("State"),
        )
        self.period = self._combo(
            "periodFilter",
            [
                (self.tr("Any time"), Period.ANY),
                (self.tr("Last hour"), Period.HOUR),
                (self.tr("Last 24 h"), Period.DAY),
                (self.tr("Last 7 days"), Period.WEEK),
                (self.tr("Custom dates…"), Period.CUSTOM),
            ],
            self.tr("Date"),
        )
        self.language = self._combo(
            "languageFilter",
            [
                (self.tr("Any language"), None),
                (self.tr("Russian"), "ru"),
                (self.tr("English"), "en"),
            ],
            self.tr("Language"),
        )
        self.sort = self._combo(
            "sortOrder",
            [
                (self.tr("Newest first"), SortOrder.NEWEST),
                (self.tr("Oldest first"), SortOrder.OLDEST),
                (self.tr("Highest risk first"), SortOrder.RISK),
            ],
        )
        self.sort.setToolTip(self.tr("Sort order (S)"))
        self.author_chip = self._chip("authorChip", {"author_name": None})
        self.thread_chip = self._chip(
            "threadChip", {"thread_remote_id": None, "thread_title": "", "account_id": None}
        )
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setObjectName("flatButton")
        self.clear_button.clicked.connect(self.clearRequested)
        self.save_button = QPushButton("☆", self)
        self.save_button.setObjectName("saveViewButton")
        self.save_button.setToolTip(self.tr("Save these filters in the sidebar (Ctrl+S)"))
        self.save_button.setAccessibleName(self.tr("Save view…"))
        self.save_button.clicked.connect(self.saveRequested)
        self.platform.activated.connect(lambda _i: self._emit(platform=self._platform()))
        self.account.activated.connect(lambda _i: self._emit(account_id=self.account.currentData()))
        self.score.activated.connect(lambda _i: self._emit_score())
        self.state.activated.connect(lambda _i: self._emit_state())
        self.period.activated.connect(lambda _i: self._emit_period())
        self.language.activated.connect(lambda _i: self._emit(language=self.language.currentData()))
        self.sort.activated.connect(lambda _i: self._emit(sort=SortOrder(self.sort.currentData())))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 0, 10, 8)
        layout.setSpacing(5)
        for widget in (
            self.platform,
            self.account,
            self.score,
            self.state,
            self.period,
            self.language,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.author_chip)
        layout.addWidget(self.thread_chip)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.sort)
        self.show_spec(ViewSpec())

    def set_platforms(self, platforms: list[Platform]) -> None:
        current = self.platform.currentData()
        while self.platform.count() > 1:
            self.platform.removeItem(1)
        for platform in platforms:
            self.platform.addItem(platform.label, platform)
        self._select(self.platform, current)

    def set_accounts(self, accounts: list[tuple[int, str]]) -> None:
        """The connected accounts (id, name) for the account picker."""
        current = self.account.currentData()
        while self.account.count() > 1:
            self.account.removeItem(1)
        for account_id, name in accounts:
            self.account.addItem(name, account_id)
        self._select(self.account, current)
        self.account.setVisible(len(accounts) > 1)

    def show_spec(self, spec: ViewSpec) -> None:
        """Mirror `spec` without emitting anything."""
        self._spec = spec
        self._select(self.platform, spec.platform)
        self._select(self.account, spec.account_id)
        self._show_score(spec)
        state: Any = _FAILED if spec.failed_actions_only else None
        if len(spec.local_states) == 1:
            state = spec.local_states[0]
        self._select(self.state, state)
        self._show_period(spec)
        self._select(self.language, spec.language)
        self._select(self.sort, spec.sort)
        self.author_chip.setText(self.tr("Author: %1  ✕").replace("%1", spec.author_name or ""))
        self.author_chip.setVisible(spec.author_name is not None)
        title = spec.thread_title or spec.thread_remote_id or ""
        self.thread_chip.setText(self.tr("Thread: %1  ✕").replace("%1", title[:40]))
        self.thread_chip.setVisible(spec.thread_remote_id is not None)
        self.clear_button.setVisible(spec.active_count() > 0 or bool(spec.search))
        for combo in (
            self.platform,
            self.account,
            self.score,
            self.state,
            self.period,
            self.language,
        ):
            self._mark_active(combo, combo.currentIndex() > 0)

    def focus_first(self) -> None:
        self.platform.setFocus()

    def _emit(self, **changes: Any) -> None:
        self.changed.emit(changes)

    def _platform(self) -> Platform | None:
        value = self.platform.currentData()
        return None if value is None else Platform(value)

    def _emit_score(self) -> None:
        value = self.score.currentData()
        if value == _CUSTOM:
            self._ask_score()
        else:
            self._emit(score_min=value, score_max=None)

    def _ask_score(self) -> None:
        low = self._spec.score_min if self._spec.score_min is not None else 0.5
        high = self._spec.score_max if self._spec.score_max is not None else 1.0
        dialog = ScoreBoundsDialog(low, high, self)
        self.score_dialog = dialog

        def finished(result: int) -> None:
            self.score_dialog = None
            if result == QDialog.DialogCode.Accepted:
                low, high = dialog.bounds()
                self._emit(score_min=low, score_max=high)
            else:
                self.show_spec(self._spec)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def _show_score(self, spec: ViewSpec) -> None:
        custom = spec.score_max is not None or (
            spec.score_min is not None and spec.score_min not in _SCORE_PRESETS
        )
        custom_row = self.score.count() - 1
        self.score.setItemText(custom_row, self.tr("Custom range…"))
        if not custom:
            self._select(self.score, spec.score_min)
            return
        low = spec.score_min if spec.score_min is not None else 0.0
        high = spec.score_max if spec.score_max is not None else 1.0
        self.score.setItemText(
            custom_row,
            self.tr("Score %1–%2").replace("%1", f"{low:.2f}").replace("%2", f"{high:.2f}"),
        )
        self.score.setCurrentIndex(custom_row)

    def _emit_period(self) -> None:
        value = Period(self.period.currentData())  # Qt hands StrEnums back as plain str
        if value is Period.CUSTOM:
            self._ask_dates()
        else:
            self._emit(period=value, since_ts=None, until_ts=None)

    def _ask_dates(self) -> None:
        today = date.today()
        first = local_day(self._spec.since_ts) if self._spec.since_ts else today - timedelta(7)
        last = local_day(self._spec.until_ts, end=True) if self._spec.until_ts else today
        dialog = DateRangeDialog(first, last, self)
        self.date_dialog = dialog

        def finished(result: int) -> None:
            self.date_dialog = None
            if result == QDialog.DialogCode.Accepted:
                since, until = dialog.bounds()
                self._emit(period=Period.CUSTOM, since_ts=since, until_ts=until)
            else:
                self.show_spec(self._spec)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def _show_period(self, spec: ViewSpec) -> None:
        custom_row = self.period.count() - 1
        self.period.setItemText(custom_row, self.tr("Custom dates…"))
        if spec.period is not Period.CUSTOM:
            self._select(self.period, spec.period)
            return
        first = local_day(spec.since_ts) if spec.since_ts is not None else None
        last = local_day(spec.until_ts, end=True) if spec.until_ts is not None else None
        self.period.setItemText(custom_row, _date_range_text(first, last))
        self.period.setCurrentIndex(custom_row)

    def _emit_state(self) -> None:
        value = self.state.currentData()
        if value == _FAILED:
            self._emit(local_states=(), failed_actions_only=True)
        else:
            states = () if value is None else (LocalState(value),)
            self._emit(local_states=states, failed_actions_only=False)

    def _combo(self, name: str, items: list[tuple[str, Any]], facet: str = "") -> QComboBox:
        combo = FitComboBox(facet, self)
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _chip(self, name: str, clears: dict[str, Any]) -> QPushButton:
        chip = QPushButton(self)
        chip.setObjectName(name)
        chip.setToolTip(self.tr("Remove this filter"))
        chip.clicked.connect(lambda: self.changed.emit(dict(clears)))
        return chip

    @staticmethod
    def _mark_active(combo: QComboBox, active: bool) -> None:
        """A combo that narrows the inbox is tinted (QSS: `[active="true"]`)."""
        if combo.property("active") != active:
            combo.setProperty("active", active)
            combo.style().unpolish(combo)
            combo.style().polish(combo)
            combo.updateGeometry()

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        for i in range(combo.count()):
            if combo.itemData(i) == value:
                combo.setCurrentIndex(i)
                return
        combo.setCurrentIndex(0)


def _date_range_text(first: date | None, last: date | None) -> str:
    def day(value: date | None) -> str:
        return "…" if value is None else value.strftime("%d.%m")

    if first is not None and first == last:
        return day(first)
    return f"{day(first)} – {day(last)}"
