"""The dialogs built from the shared scaffolding keep their names, buttons and translations."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from moderator_app.domain import Platform
from moderator_app.store.bulk import BulkKind, BulkPlan
from moderator_app.ui.bulk_confirm import BulkConfirmDialog
from moderator_app.ui.escalate_dialog import EscalateDialog
from moderator_app.ui.filter_range_dialogs import ScoreBoundsDialog
from moderator_app.ui.i18n import install_translation, remove_translation
from moderator_app.ui.score_range_dialog import ScoreRangeDialog


class _Counts:
    """A `RangeSource` that answers at once."""

    def count(self, low: float, high: float, done: Callable[[int], None]) -> None:
        done(7)

    def cancel(self) -> None:
        pass


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    translators = install_translation(qapp, "ru")
    yield
    remove_translation(qapp, translators)


def _plan(kind: BulkKind) -> BulkPlan:
    return BulkPlan(kind, (1, 2), {Platform.SANDBOX: 2}, {})


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = dialog.findChild(QDialogButtonBox)
    assert isinstance(box, QDialogButtonBox)
    return box


def test_escalate_dialog(qtbot: QtBot) -> None:
    dialog = EscalateDialog("Ann")
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "escalateDialog"
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.minimumWidth() == 420
    assert dialog.note.objectName() == "escalationNote"
    ok = _buttons(dialog).button(QDialogButtonBox.StandardButton.Ok)
    assert (ok.text(), ok.objectName(), ok.isDefault()) == ("Escalate", "primaryButton", True)
    dialog.note.setPlainText("  look at this \n")
    assert dialog.note_text() == "look at this"


def test_bulk_delete_defaults_to_cancel(qtbot: QtBot) -> None:
    dialog = BulkConfirmDialog(_plan(BulkKind.DELETE))
    qtbot.addWidget(dialog)
    box = _buttons(dialog)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert dialog.ok_button.objectName() == "dangerButton"
    assert not dialog.ok_button.isDefault()
    assert cancel.isDefault()
    assert dialog.note.isHidden()


def test_bulk_escalate_defaults_to_ok(qtbot: QtBot) -> None:
    dialog = BulkConfirmDialog(_plan(BulkKind.ESCALATE))
    qtbot.addWidget(dialog)
    assert dialog.ok_button.objectName() == "primaryButton"
    assert dialog.ok_button.isDefault()
    assert not dialog.note.isHidden()
    assert dialog.note.objectName() == "escalationNote"


def test_score_dialogs_order_their_bounds(qtbot: QtBot) -> None:
    bounds = ScoreBoundsDialog(0.9, 0.4)
    qtbot.addWidget(bounds)
    assert bounds.objectName() == "scoreBoundsDialog"
    assert (bounds.low.objectName(), bounds.high.objectName()) == ("scoreLow", "scoreHigh")
    assert bounds.bounds() == (0.4, 0.9)
    ranged = ScoreRangeDialog(_Counts(), 1.0, 0.5)
    qtbot.addWidget(ranged)
    assert ranged.bounds() == (0.5, 1.0)
    assert ranged.low.singleStep() == 0.05
    assert ranged.count.text() == "7 comments in this range"


def test_translations_keep_their_contexts(qtbot: QtBot, russian: None) -> None:
    escalate = EscalateDialog("Ann")
    bounds = ScoreBoundsDialog(0.2, 0.8)
    ranged = ScoreRangeDialog(_Counts())
    for dialog in (escalate, bounds, ranged):
        qtbot.addWidget(dialog)
    assert escalate.windowTitle() == "Эскалация комментария"
    box = _buttons(escalate)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Эскалировать"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"
    apply = _buttons(bounds).button(QDialogButtonBox.StandardButton.Ok)
    assert apply.text() == "Применить"
    assert ranged.windowTitle() == "Выбор по диапазону оценки"
