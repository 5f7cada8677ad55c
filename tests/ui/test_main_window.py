"""The composed window, driven from the keyboard like a moderator would."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from moderator_app.domain import (
    Account,
    ActionKind,
    ActionStatus,
    CommentsChanged,
    LocalState,
)
from moderator_app.store import Store
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.filter_state import Scope
from moderator_app.ui.inbox_toolbar import SEARCH_DEBOUNCE_MS
from moderator_app.ui.main_window import MainWindow
from tests.ui.helpers import FakeEngine, ingest, remote


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, key, modifier)


def test_first_row_is_selected_and_shown(
    qtbot: QtBot, comment_ids: list[int], window: MainWindow
) -> None:
    assert window.current_comment_id() == comment_ids[-1]
    assert window.detail.plain_text() == "comment number 11"
    assert window.toolbar.count.text() == "12"


def test_selecting_a_row_shows_the_detail(
    qtbot: QtBot, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.select_comment(comment_ids[1])
    assert window.detail.comment is not None
    assert window.detail.comment.id == comment_ids[1]
    assert window.detail.plain_text() == "comment number 1"
    assert window.detail.author.text() == "user1"
    assert "Toxic" in window.detail.toxicity_chip.text()


def test_j_and_k_move_the_selection(
    qtbot: QtBot, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_J)
    assert window.current_comment_id() == comment_ids[-3]
    press(qtbot, window, Qt.Key.Key_K)
    assert window.current_comment_id() == comment_ids[-2]
    press(qtbot, window, Qt.Key.Key_Down)
    assert window.current_comment_id() == comment_ids[-3]
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_K)
    assert window.current_comment_id() == comment_ids[-1]  # stays on the first row


def test_h_queues_a_hide_and_h_again_unhides(
    qtbot: QtBot, store: Store, engine: FakeEngine, comment_ids: list[int], window: MainWindow
) -> None:
    target = comment_ids[-1]
    window.inbox.setFocus()
    press(qtbot, window, Qt.Key.Key_H)
    actions = store.outbox.for_comment(target)
    assert [(a.kind, a.status) for a in actions] == [(ActionKind.HIDE, ActionStatus.PENDING)]
    assert engine.wakes == 1
    assert store.comments.get(target).local_state is LocalState.HIDDEN  # type: ignore[union-attr]
    assert window.status.action_counts.text() == "1 pending"
    assert window.current_comment_id() == comment_ids[-2]  # on to the next unreviewed one

    press(qtbot, window, Qt.Key.Key_K)
    assert window.action_bar.hide_button.text() == "Unhide"
    press(qtbot, window, Qt.Key.Key_H)
    kinds = [a.kind for a in store.outbox.for_comment(target)]
    assert kinds == [ActionKind.HIDE, ActionKind.UNHIDE]
    assert engine.wakes == 2
    assert window.action_bar.hide_button.text() == "Hide"


def test_r_focuses_the_composer_and_ctrl_enter_sends(
    qtbot: QtBot, store: Store, engine: FakeEngine, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    press(qtbot, window, Qt.Key.Key_R)
    assert QApplication.focusWidget() is window.composer.editor
    # typing shortcut letters into the box types them; it does not hide or escalate
    QTest.keyClicks(window.composer.editor, "Hello, hehe")
    assert store.outbox.for_comment(comment_ids[-1]) == []
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [action] = store.outbox.for_comment(comment_ids[-1])
    assert action.kind is ActionKind.REPLY
    assert action.text == "Hello, hehe"
    assert engine.wakes == 1
    assert window.composer.editor.toPlainText() == ""
    assert "queued" in window.composer.status.text()
    # Esc goes back to the list
    press(qtbot, window, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.inbox


def test_e_with_a_note_records_an_escalation(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    press(qtbot, window, Qt.Key.Key_E)
    dialog = window.escalate_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.note, "Threat")
    dialog.note.insertPlainText(", нужен юрист")  # QTest types ASCII only
    dialog.accept()
    qtbot.waitUntil(lambda: window.escalate_dialog is None)

    [escalation] = store.escalations.for_comment(comment_ids[-1])
    assert [n.text for n in escalation.notes] == ["Threat, нужен юрист"]
    assert store.comments.get(comment_ids[-1]).local_state is LocalState.ESCALATED  # type: ignore[union-attr]
    assert window.current_comment_id() == comment_ids[-2]  # on to the next one
    window.inbox.select_comment(comment_ids[-1])
    assert window.detail.history_section.isVisibleTo(window)

    # a second escalation of the same comment adds its note to the open one
    window.escalate()
    assert window.escalate_dialog is not None
    window.escalate_dialog.note.setPlainText("second note")
    window.escalate_dialog.accept()
    qtbot.waitUntil(lambda: window.escalate_dialog is None)
    [escalation] = store.escalations.for_comment(comment_ids[-1])
    assert [n.text for n in escalation.notes] == ["Threat, нужен юрист", "second note"]


def test_cancelled_escalation_records_nothing(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    window.escalate()
    assert window.escalate_dialog is not None
    window.escalate_dialog.reject()
    qtbot.waitUntil(lambda: window.escalate_dialog is None)
    assert store.escalations.for_comment(comment_ids[-1]) == []


def test_slash_focuses_search_and_typing_filters(
    qtbot: QtBot, store: Store, account: Account, comment_ids: list[int], window: MainWindow
) -> None:
    assert account.id is not None
    ingest(store, account.id, [remote(50, "Доставка опять задерживается")])
    window.inbox.setFocus()
    press(qtbot, window, Qt.Key.Key_Slash)
    assert QApplication.focusWidget() is window.toolbar.search
    window.toolbar.search.insert("доста")  # QTest types ASCII only
    assert window.model.rowCount() == 12  # debounced: not yet
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=SEARCH_DEBOUNCE_MS * 8)
    # The first row is shown an event-loop turn after the rows.
    qtbot.waitUntil(lambda: window.detail.plain_text() == "Доставка опять задерживается")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.inbox


def test_level_filter_combo(qtbot: QtBot, comment_ids: list[int], window: MainWindow) -> None:
    window.toolbar.level.setCurrentIndex(2)  # toxic only
    assert window.model.rowCount() == 1
    # The first row is selected an event-loop turn after the rows are shown.
    qtbot.waitUntil(lambda: window.current_comment_id() == comment_ids[1])
    window.toolbar.level.setCurrentIndex(0)
    assert window.model.rowCount() == 12


def test_sidebar_selects_the_scope(
    qtbot: QtBot,
    store: Store,
    other_account: Account,
    comment_ids: list[int],
    window: MainWindow,
) -> None:
    assert other_account.id is not None
    window.sidebar.reload()
    flagged_row = next(
        r
        for r in range(window.sidebar.model.rowCount())
        if window.sidebar.model.entry(r).key == "v:flagged"  # type: ignore[union-attr]
    )
    window.sidebar.view.setCurrentIndex(window.sidebar.model.index(flagged_row))
    assert window.model.rowCount() == 2
    assert window.toolbar.title.text() == "Flagged"
    account_row = window.sidebar.model.row_for_scope(Scope(account_id=other_account.id))
    window.sidebar.view.setCurrentIndex(window.sidebar.model.index(account_row))
    assert window.model.rowCount() == 0
    assert window.detail.comment is None
    assert window.toolbar.title.text() == "Tech Daily"


def test_comments_from_the_engine_thread_appear_and_get_selected(
    qtbot: QtBot, store: Store, account: Account, engine: FakeEngine, window: MainWindow
) -> None:
    assert account.id is not None
    assert window.model.rowCount() == 0
    assert window.detail.comment is None
    added = ingest(store, account.id, [remote(1), remote(2)])
    engine.emit_from_thread(CommentsChanged(account.id, tuple(added), ()))
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert window.current_comment_id() == added[1]
    assert window.detail.plain_text() == "comment number 2"

    # a later batch does not move the moderator's selection
    window.inbox.select_comment(added[0])
    more = ingest(store, account.id, [remote(3)])
    engine.emit_from_thread(CommentsChanged(account.id, tuple(more), ()))
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert window.current_comment_id() == added[0]
    qtbot.waitUntil(lambda: window.sidebar.model.entry(1).unread == 3)  # type: ignore[union-attr]


def test_engine_action_updates_reach_the_window(
    qtbot: QtBot, store: Store, engine: FakeEngine, comment_ids: list[int], window: MainWindow
) -> None:
    from moderator_app.domain import ActionChanged

    target = comment_ids[-1]
    window.toggle_hidden()
    window.inbox.select_comment(target)
    [action] = store.outbox.for_comment(target)
    store.outbox.claim(action.id)
    store.outbox.fail(action, "VK error 15: access denied")
    engine.emit_from_thread(ActionChanged(action.id, target, ActionStatus.FAILED, "denied"))
    qtbot.waitUntil(lambda: "1 failed" in window.status.action_counts.text())
    retry = window.detail.findChild(type(window.action_bar.hide_button), "retryButton")
    assert retry is not None
    retry.click()
    assert store.outbox.get(action.id).status is ActionStatus.PENDING  # type: ignore[union-attr]
    assert engine.wakes == 2


def test_bridge_forwards_to_the_engine(bridge: EngineBridge, engine: FakeEngine) -> None:
    bridge.start()
    bridge.start()
    bridge.sync_now(3)
    bridge.wake_outbox()
    bridge.stop()
    bridge.stop()
    assert (engine.started, engine.stopped, engine.sync_requests, engine.wakes) == (1, 1, [3], 1)


def test_account_column_shows_only_with_several_accounts(
    qtbot, window, store, account, comment_ids
) -> None:
    from moderator_app.domain import Account, Platform
    from moderator_app.ui.roles import Column

    assert window.inbox.isColumnHidden(Column.ACCOUNT)
    store.accounts.add(Account(Platform.TELEGRAM, "Второй"))
    window._refresh_counts()
    assert not window.inbox.isColumnHidden(Column.ACCOUNT)
