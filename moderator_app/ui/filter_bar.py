"""The row of filters under the toolbar: platform, score, state (incl. failed actions), period,
language and sort, plus removable chips for "only this author / thread". It mirrors a
`ViewSpec` and reports each change as field updates; it never queries the store."""

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from moderator_app.domain import LocalState, Platform
from moderator_app.store import SortOrder
from moderator_app.store.view_spec import Period, ViewSpec

_FAILED = "failed"


class FilterBar(QWidget):
    changed = Signal(dict)  # field name -> new value, for FilterState.update
    clearRequested = Signal()
    saveRequested = Signal()

    def __init__(self, platforms: list[Platform], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.platform = self._combo("platformFilter", [(self.tr("All platforms"), None)])
        self.set_platforms(platforms)
        self.score = self._combo(
            "scoreFilter",
            [
                (self.tr("Any score"), None),
                (self.tr("Score ≥ 0.5"), 0.5),
                (self.tr("Score ≥ 0.8"), 0.8),
                (self.tr("Score ≥ 0.9"), 0.9),
            ],
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
        )
        self.period = self._combo(
            "periodFilter",
            [
                (self.tr("Any time"), Period.ANY),
                (self.tr("Last hour"), Period.HOUR),
                (self.tr("Last 24 h"), Period.DAY),
                (self.tr("Last 7 days"), Period.WEEK),
            ],
        )
        self.language = self._combo(
            "languageFilter",
            [
                (self.tr("Any language"), None),
                (self.tr("Russian"), "ru"),
                (self.tr("English"), "en"),
            ],
        )
        self.sort = self._combo(
            "sortOrder",
            [
                (self.tr("Newest first"), SortOrder.NEWEST),
                (self.tr("Oldest first"), SortOrder.OLDEST),
                (self.tr("Highest risk first"), SortOrder.RISK),
            ],
        )
        self.author_chip = self._chip("authorChip", {"author_name": None})
        self.thread_chip = self._chip(
            "threadChip", {"thread_remote_id": None, "thread_title": "", "account_id": None}
        )
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setObjectName("flatButton")
        self.clear_button.clicked.connect(self.clearRequested)
        self.save_button = QPushButton(self.tr("Save view…"), self)
        self.save_button.setObjectName("flatButton")
        self.save_button.setToolTip(self.tr("Save these filters in the sidebar (Ctrl+S)"))
        self.save_button.clicked.connect(self.saveRequested)
        self.platform.activated.connect(lambda _i: self._emit(platform=self.platform.currentData()))
        self.score.activated.connect(lambda _i: self._emit(score_min=self.score.currentData()))
        self.state.activated.connect(lambda _i: self._emit_state())
        self.period.activated.connect(lambda _i: self._emit(period=self.period.currentData()))
        self.language.activated.connect(lambda _i: self._emit(language=self.language.currentData()))
        self.sort.activated.connect(lambda _i: self._emit(sort=self.sort.currentData()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 0, 12, 8)
        layout.setSpacing(6)
        for widget in (self.platform, self.score, self.state, self.period, self.language):
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

    def show_spec(self, spec: ViewSpec) -> None:
        """Mirror `spec` without emitting anything."""
        self._select(self.platform, spec.platform)
        self._select(self.score, spec.score_min)
        state: Any = _FAILED if spec.failed_actions_only else None
        if len(spec.local_states) == 1:
            state = spec.local_states[0]
        self._select(self.state, state)
        self._select(self.period, spec.period if spec.period is not Period.CUSTOM else Period.ANY)
        self._select(self.language, spec.language)
        self._select(self.sort, spec.sort)
        self.author_chip.setText(self.tr("Author: %1  ✕").replace("%1", spec.author_name or ""))
        self.author_chip.setVisible(spec.author_name is not None)
        title = spec.thread_title or spec.thread_remote_id or ""
        self.thread_chip.setText(self.tr("Thread: %1  ✕").replace("%1", title[:40]))
        self.thread_chip.setVisible(spec.thread_remote_id is not None)
        self.clear_button.setVisible(spec.active_count() > 0 or bool(spec.search))

    def focus_first(self) -> None:
        self.platform.setFocus()

    def _emit(self, **changes: Any) -> None:
        self.changed.emit(changes)

    def _emit_state(self) -> None:
        value = self.state.currentData()
        if value == _FAILED:
            self._emit(local_states=(), failed_actions_only=True)
        else:
            states = () if value is None else (LocalState(value),)
            self._emit(local_states=states, failed_actions_only=False)

    def _combo(self, name: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
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
    def _select(combo: QComboBox, value: Any) -> None:
        for i in range(combo.count()):
            if combo.itemData(i) == value:
                combo.setCurrentIndex(i)
                return
        combo.setCurrentIndex(0)
