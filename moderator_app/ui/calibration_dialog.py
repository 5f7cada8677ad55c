"""The per-account "Flagging" dialog: the thresholds in force (editable), what the last
recalibration changed, the history of versions, and Undo.

It reads and writes through the store only (thresholds and undo are store operations); the
engine notices on its next pass and re-scores what needs it. Opened with `open()`, so the
engine's signals keep flowing while it is up.
"""

import getpass

from PySide6.QtCore import QDateTime, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moderator_app.store import Store
from moderator_app.store.calibration import CalibrationRecord
from moderator_app.store.settings import (
    BASE_REVIEW_THRESHOLD,
    BASE_TOXIC_THRESHOLD,
    learning_enabled,
)
from moderator_app.toxicity.calibration import (
    Calibration,
    Change,
    ChangeKind,
    Origin,
    changes,
    default_calibration,
)
from moderator_app.ui.dialog_parts import dialog_column, intro_label, window_modal
from moderator_app.ui.labels import plain_label

_STEP = 0.01


def _actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class FlaggingDialog(QDialog):
    """Emits `calibrationChanged(account_id)` after thresholds were saved or a change undone:
    stored levels may have changed, so the inbox should refresh."""

    calibrationChanged = Signal(int)

    def __init__(self, store: Store, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._account_id = account_id
        self._saved = (0.0, 0.0)
        account = store.accounts.get(account_id)
        name = account.name if account is not None else str(account_id)
        title = self.tr("Flagging: %1").replace("%1", name)
        window_modal(self, "flaggingDialog", title, min_width=480)

        intro = intro_label(
            self.tr(
                "How comments from %1 are flagged. Moderator learns from your decisions here: "
                "hiding a comment marks it toxic, approving a flagged one marks it fine."
            ).replace("%1", name)
        )
        self.state = plain_label("", "flaggingState")
        self.state.setWordWrap(True)

        thresholds = self._thresholds_box()
        self.learn_box = QCheckBox(self.tr("Learn from my decisions"), self)
        self.learn_box.setObjectName("learnCheckBox")
        self.learn_box.toggled.connect(self._learning_toggled)
        last, history = self._lists()
        self.undo_button = QPushButton(self.tr("Undo last change"), self)
        self.undo_button.setObjectName("undoCalibrationButton")
        self.undo_button.clicked.connect(self.undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        layout = dialog_column(self, intro, self.state, thresholds, self.learn_box, last)
        layout.addWidget(history, 1)
        layout.addLayout(bottom)
        self.refresh()

    def _thresholds_box(self) -> QGroupBox:
        self.review_spin = self._spin("reviewThreshold")
        self.toxic_spin = self._spin("toxicThreshold")
        self.review_spin.valueChanged.connect(self._thresholds_edited)
        self.toxic_spin.valueChanged.connect(self._thresholds_edited)
        self.save_button = QPushButton(self.tr("Save thresholds"), self)
        self.save_button.setObjectName("saveThresholdsButton")
        self.save_button.clicked.connect(self.save_thresholds)
        box = QGroupBox(self.tr("Thresholds"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("Review from"), self.review_spin)
        form.addRow(self.tr("Toxic from"), self.toxic_spin)
        form.addRow("", self.save_button)
        return box

    def _lists(self) -> tuple[QGroupBox, QGroupBox]:
        self.changes_list = QListWidget(self)
        self.changes_list.setObjectName("lastChangeList")
        self.changes_list.setMaximumHeight(130)
        last = QGroupBox(self.tr("What the last change did"), self)
        QVBoxLayout(last).addWidget(self.changes_list)
        self.history_list = QListWidget(self)
        self.history_list.setObjectName("historyList")
        history = QGroupBox(self.tr("History"), self)
        QVBoxLayout(history).addWidget(self.history_list)
        return last, history

    # --- reading ------------------------------------------------------------------------------

    def base(self) -> Calibration:
        """The base scorer with its own thresholds, as the engine last reported them."""
        review = self._store.settings.get(BASE_REVIEW_THRESHOLD)
        toxic = self._store.settings.get(BASE_TOXIC_THRESHOLD)
        try:
            return default_calibration(review, toxic)
        except ValueError:
            return default_calibration()

    def refresh(self) -> None:
        """Reload everything from the store (call after the engine recalibrated)."""
        records = self._store.calibrations.history(self._account_id)
        active = next((r for r in records if r.active), None)
        current = active.calibration if active is not None else self.base()
        for spin in (self.review_spin, self.toxic_spin):
            spin.blockSignals(True)
        self.review_spin.setRange(_STEP, 1.0 - 2 * _STEP)
        self.toxic_spin.setRange(2 * _STEP, 1.0 - _STEP)
        self.review_spin.setValue(current.review)
        self.toxic_spin.setValue(current.toxic)
        for spin in (self.review_spin, self.toxic_spin):
            spin.blockSignals(False)
        self._saved = (round(current.review, 2), round(current.toxic, 2))
        self._thresholds_edited()
        self.learn_box.blockSignals(True)
        self.learn_box.setChecked(self._store.settings.get(learning_enabled(self._account_id)))
        self.learn_box.blockSignals(False)
        self.state.setText(self._state_text(active))
        self.changes_list.clear()
        if active is not None:
            before = self._before(records, active)
            found = changes(before, active.calibration)
            self.changes_list.addItems([self.change_text(c) for c in found])
            if not found:
                self.changes_list.addItem(self.tr("No visible change"))
        self.history_list.clear()
        self.history_list.addItems([self._record_text(r) for r in records])
        self.undo_button.setEnabled(active is not None)

    def _before(self, records: list[CalibrationRecord], record: CalibrationRecord) -> Calibration:
        older = [r for r in records if r.version < record.version and not r.undone]
        return older[0].calibration if older else self.base()

    def _state_text(self, active: CalibrationRecord | None) -> str:
        if active is None:
            return self.tr(
                "Flags follow the base model. After 20 of your decisions (some hidden, some "
                "approved) Moderator adjusts them to this account."
            )
        calibration = active.calibration
        if calibration.correction is None:
            return self.tr("Thresholds set by hand; nothing learned yet.")
        decisions = calibration.hidden + calibration.approved
        return (
            self.tr("Adjusted to this account. Decisions learned from: %n", "", decisions)
            + " "
            + self.tr("(%1 hidden, %2 approved).")
            .replace("%1", str(calibration.hidden))
            .replace("%2", str(calibration.approved))
        )

    def _record_text(self, record: CalibrationRecord) -> str:
        moment = QDateTime.fromSecsSinceEpoch(int(record.created_at.timestamp()))
        when = QLocale().toString(moment, QLocale.FormatType.ShortFormat)
        calibration = record.calibration
        if calibration.origin is Origin.MANUAL:
            what = self.tr("thresholds set by hand")
        else:
            what = self.tr("learned, decisions: %n", "", calibration.hidden + calibration.approved)
        text = self.tr("Version %1 · %2 · %3").replace("%1", str(record.version))
        text = text.replace("%2", when).replace("%3", what)
        if record.active:
            text += " " + self.tr("(in force)")
        elif record.undone:
            text += " " + self.tr("(undone)")
        return text

    def change_text(self, change: Change) -> str:
        """One change, worded in the user's language."""
        if change.kind is ChangeKind.REVIEW_THRESHOLD:
            template = self.tr("Review threshold %1 → %2")
            return template.replace("%1", _number(change.before)).replace(
                "%2", _number(change.after)
            )
        if change.kind is ChangeKind.TOXIC_THRESHOLD:
            template = self.tr("Toxic threshold %1 → %2")
            return template.replace("%1", _number(change.before)).replace(
                "%2", _number(change.after)
            )
        if change.kind is ChangeKind.RESET:
            return self.tr("Learned corrections removed: flags follow the base model again")
        if change.kind is ChangeKind.LABEL:
            template = (
                self.tr("Learned: words labelled “%1” are usually fine here (%2)")
                if change.towards_fine
                else self.tr("Learned: words labelled “%1” are usually hidden here (%2)")
            )
        else:
            template = (
                self.tr("Learned: “%1” is usually fine here (%2)")
                if change.towards_fine
                else self.tr("Learned: “%1” is usually hidden here (%2)")
            )
        return template.replace("%1", change.subject).replace("%2", _signed(change.delta))

    # --- commands -----------------------------------------------------------------------------

    def save_thresholds(self) -> None:
        review, toxic = self.review_spin.value(), self.toxic_spin.value()
        if not 0.0 < review < toxic < 1.0:
            return
        self._store.calibrations.set_thresholds(self._account_id, review, toxic, actor=_actor())
        self.refresh()
        self.calibrationChanged.emit(self._account_id)

    def undo(self) -> None:
        if not self._store.calibrations.can_undo(self._account_id):
            return
        self._store.calibrations.undo(self._account_id, actor=_actor())
        self.refresh()
        self.calibrationChanged.emit(self._account_id)

    def _learning_toggled(self, on: bool) -> None:
        self._store.settings.set(learning_enabled(self._account_id), on)

    def _thresholds_edited(self) -> None:
        review, toxic = self.review_spin.value(), self.toxic_spin.value()
        valid = review < toxic
        self.save_button.setEnabled(valid and (round(review, 2), round(toxic, 2)) != self._saved)
        self.save_button.setToolTip("" if valid else self.tr("Review must be below toxic"))

    def _spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setDecimals(2)
        spin.setSingleStep(_STEP)
        return spin


def _number(value: float) -> str:
    return QLocale().toString(value, "f", 2)


def _signed(value: float) -> str:
    sign = "−" if value < 0 else "+"
    return sign + QLocale().toString(abs(value), "f", 1)
