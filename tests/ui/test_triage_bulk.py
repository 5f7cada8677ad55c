"""Bulk selection and bulk actions from the keyboard, with the exact confirmation."""

from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, ActionKind, ActionStatus, LocalState
from moderator_app.store import Store
from moderator_app.ui.bulk_confirm import BulkConfirmDialog
from moderator_app.ui.main_window import MainWindow
from tests.ui.helpers import FakeEngine, ingest, press, remote, verdict


def confirm(qtbot: QtBot, window: MainWindow) -> None:
    """Enter in the confirmation, then wait for the write (on a thread of its own)."""
    assert window.bulk_dialog is not None
    QTest.keyClick(window.bulk_dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.moderation.writing())
    window.activateWindow()  # offscreen, the closed dialog leaves no window active
    qtbot.waitUntil(window.isActiveWindow)


def wait_for_confirmation(qtbot: QtBot, window: MainWindow) -> BulkConfirmDialog:
    """ "All matching" is planned in the background before the confirmation opens."""
    qtbot.waitUntil(lambda: window.bulk_dialog is not None)
    assert window.bulk_dialog is not None
    return window.bulk_dialog


def test_shift_down_extends_and_h_hides_all_after_confirming(
    qtbot: QtBot, store: Store, engine: FakeEngine, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    press(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert window.bulk_bar.isVisible()
    assert window.bulk_bar.label.text() == "3 selected"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.inbox, Qt.Key.Key_H)
    dialog = window.bulk_dialog
    assert dialog is not None
    assert dialog.summary.text() == "Hide 3 comments: 3 on VK."
    confirm(qtbot, window)
    assert window.bulk_dialog is None
    assert store.outbox.counts()[ActionStatus.PENDING] == 3
    assert engine.wakes == 1  # one wake for the whole batch
    assert {store.comments.get(i).local_state for i in comment_ids[-3:]} == {LocalState.HIDDEN}  # type: ignore[union-attr]
    assert not window.bulk_bar.isVisible()
    assert "Ctrl+Z" in window.status.currentMessage()
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.outbox.counts()[ActionStatus.PENDING] == 0
    assert "3" in window.status.currentMessage()


def test_escape_cancels_the_confirmation_and_then_the_selection(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    press(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(Qt.Key.Key_A)
    dialog = window.bulk_dialog
    assert dialog is not None
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.bulk_dialog is None
    assert store.comments.get(comment_ids[-1]).local_state is LocalState.NEW  # type: ignore[union-attr]
    press(Qt.Key.Key_Escape)
    assert not window.bulk_bar.isVisible()
    assert window.inbox.selection_size() == 1


def test_ctrl_a_selects_all_matching_and_skips_what_a_platform_cannot_do(
    qtbot: QtBot,
    store: Store,
    comment_ids: list[int],
    other_account: Account,
    window: MainWindow,
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert other_account.id is not None
    ingest(store, other_account.id, [remote(100 + n) for n in range(3)])
    window.model.sync_with_store()
    window.inbox.setFocus()
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert window.bulk_bar.label.text() == "All 15 matching selected"
    press(Qt.Key.Key_H)
    dialog = wait_for_confirmation(qtbot, window)
    assert dialog.summary.text() == (
        "Hide 12 comments: 12 on VK.\nSkipped 3: 3 on Telegram (Telegram cannot hide comments)."
    )
    confirm(qtbot, window)
    assert store.outbox.counts()[ActionStatus.PENDING] == 12


def test_bulk_escalate_with_one_note(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    press(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(Qt.Key.Key_E)
    dialog = window.bulk_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.note.hasFocus)
    QTest.keyClicks(dialog.note, "coordinated spam")
    QTest.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.moderation.writing())
    for cid in comment_ids[-2:]:
        [escalation] = store.escalations.for_comment(cid)
        assert [n.text for n in escalation.notes] == ["coordinated spam"]


def test_bulk_delete_defaults_to_cancel(
    qtbot: QtBot, store: Store, other_account: Account, window: MainWindow
) -> None:
    assert other_account.id is not None
    ingest(store, other_account.id, [remote(200), remote(201)])
    window.model.sync_with_store()
    window.inbox.setFocus()
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ShiftModifier)
    dialog = wait_for_confirmation(qtbot, window)
    assert "cannot be undone" in dialog.summary.text()
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # Enter = Cancel for deletes
    assert store.outbox.counts()[ActionStatus.PENDING] == 0


def test_select_score_range_from_the_keyboard(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    store.comments.set_toxicity([(comment_ids[5], verdict(0.85)), (comment_ids[7], verdict(0.99))])
    window.refresh_from_store()
    window.inbox.setFocus()
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.range_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.count.text() == "3 comments in this range")  # 0.91, 0.85, 0.99
    qtbot.waitUntil(dialog.low.hasFocus)
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.range_dialog is None)
    assert sorted(window.inbox.selected_ids()) == sorted(
        [comment_ids[1], comment_ids[5], comment_ids[7]]
    )
    # The view shows the band, all of it selected; the score filter says so in the bar.
    assert window.model.rowCount() == 3
    assert window.bulk_bar.label.text() == "All 3 matching selected"
    assert "0.80" in window.status.currentMessage()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.inbox, Qt.Key.Key_H)
    wait_for_confirmation(qtbot, window)  # "all matching" is planned from the filter
    confirm(qtbot, window)
    hidden = [a.comment_id for a in store.outbox.with_status(ActionStatus.PENDING)]
    assert sorted(hidden) == sorted([comment_ids[1], comment_ids[5], comment_ids[7]])
    assert all(a.kind is ActionKind.HIDE for a in store.outbox.with_status(ActionStatus.PENDING))
