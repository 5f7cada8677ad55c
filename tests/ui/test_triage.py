"""Triage from the keyboard: approve and move on, next unreviewed, undo (Ctrl+Z)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, ActionKind, ActionStatus, LocalState
from moderator_app.store import Store
from moderator_app.ui.main_window import MainWindow
from tests.ui.helpers import FakeEngine, ingest, press, remote, state


def test_a_approves_and_moves_to_the_next_unreviewed(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    store.feedback.approve(comment_ids[-2])  # already reviewed: skipped by the advance
    window.model.refresh_all()
    window.inbox.setFocus()
    press(Qt.Key.Key_A)
    assert state(store, comment_ids[-1]) is LocalState.REVIEWED
    assert window.current_comment_id() == comment_ids[-3]
    press(Qt.Key.Key_H)  # hide moves on too
    assert state(store, comment_ids[-3]) is LocalState.HIDDEN
    assert window.current_comment_id() == comment_ids[-4]
    window.inbox.select_comment(comment_ids[-2])
    press(Qt.Key.Key_N)  # next unreviewed, without acting
    assert window.current_comment_id() == comment_ids[-4]


def test_ctrl_z_cancels_a_hide_not_sent_yet(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    press(Qt.Key.Key_H)
    assert state(store, comment_ids[-1]) is LocalState.HIDDEN
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.outbox.for_comment(comment_ids[-1]) == []
    assert state(store, comment_ids[-1]) is LocalState.NEW
    assert "Undone" in window.status.currentMessage()
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.status.currentMessage() == "Nothing to undo"


def test_ctrl_z_after_the_hide_was_sent_queues_an_unhide(
    qtbot: QtBot, store: Store, engine: FakeEngine, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    press(Qt.Key.Key_H)
    [action] = store.outbox.for_comment(comment_ids[-1])
    assert store.outbox.claim(action.id)
    store.outbox.complete(action)
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    kinds = [a.kind for a in store.outbox.for_comment(comment_ids[-1])]
    assert kinds == [ActionKind.HIDE, ActionKind.UNHIDE]
    assert "unhide queued" in window.status.currentMessage()
    assert engine.wakes == 2


def test_ctrl_z_cannot_take_back_a_telegram_delete_once_sent(
    qtbot: QtBot, store: Store, other_account: Account, window: MainWindow
) -> None:
    assert other_account.id is not None
    [cid] = ingest(store, other_account.id, [remote(40)])
    window.model.sync_with_store()
    window.inbox.select_comment(cid)
    window.delete(confirm=False)
    [action] = store.outbox.for_comment(cid)
    assert store.outbox.claim(action.id)  # the engine is sending it
    window.inbox.setFocus()
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "cannot be taken back" in window.status.currentMessage()
    assert state(store, cid) is LocalState.HIDDEN


def test_ctrl_z_undoes_an_approval_and_its_feedback(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.select_comment(comment_ids[1])  # flagged toxic
    window.inbox.setFocus()
    press(Qt.Key.Key_A)
    assert store.feedback.get(comment_ids[1]) is not None
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert state(store, comment_ids[1]) is LocalState.NEW
    assert store.feedback.get(comment_ids[1]) is None
    assert "approval" in window.status.currentMessage()


def test_ctrl_z_takes_back_an_escalation(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    press(Qt.Key.Key_E)
    dialog = window.escalate_dialog
    assert dialog is not None
    QTest.keyClicks(dialog.note, "check this")
    dialog.accept()
    assert state(store, comment_ids[-1]) is LocalState.ESCALATED
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.escalations.for_comment(comment_ids[-1]) == []
    assert state(store, comment_ids[-1]) is LocalState.NEW


def test_failed_action_is_dismissed_by_undo(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    press(Qt.Key.Key_H)
    [action] = store.outbox.for_comment(comment_ids[-1])
    store.outbox.claim(action.id)
    store.outbox.fail(action, "denied")
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.outbox.with_status(ActionStatus.FAILED) == []
    assert state(store, comment_ids[-1]) is LocalState.NEW
