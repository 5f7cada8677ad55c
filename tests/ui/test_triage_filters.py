"""Filters, sort and saved views from the keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from moderator_app.domain import ActionKind, LocalState, Platform
from moderator_app.store import SortOrder, Store
from moderator_app.store.view_spec import Period, ViewSpec
from moderator_app.ui.main_window import MainWindow


def key(
    window: MainWindow, k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(window.inbox, k, mod)


def test_u_narrows_to_the_author_and_back(
    qtbot: QtBot, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    key(window, Qt.Key.Key_U)  # comment 11 is by user4 (11 % 7)
    assert window.model.rowCount() == 2  # comments 4 and 11
    assert window.filter_bar.author_chip.isVisibleTo(window)
    assert window.current_comment_id() == comment_ids[11]
    key(window, Qt.Key.Key_U)
    assert window.model.rowCount() == 12


def test_s_cycles_the_sort_and_state_filter_finds_failed_actions(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    window.inbox.setFocus()
    sorts = []
    for _ in range(2):
        key(window, Qt.Key.Key_S)
        sorts.append(window.model.current_filter.sort)
    assert sorts == [SortOrder.OLDEST, SortOrder.RISK]
    assert window.model.comment_id_at(0) == comment_ids[1]  # 0.91 first
    assert window.filter_bar.sort.currentText() == "Highest risk first"
    action = store.outbox.enqueue(comment_ids[3], ActionKind.HIDE)
    store.outbox.claim(action.id)
    store.outbox.fail(action, "denied")
    window.filter_bar.state.setCurrentIndex(window.filter_bar.state.count() - 1)
    window.filter_bar.state.activated.emit(window.filter_bar.state.count() - 1)
    assert window.model.rowCount() == 1
    key(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.model.rowCount() == 12


def test_saved_view_lists_with_count_and_opens_with_ctrl_1(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    window.filters.update(platform=Platform.VK, local_states=(LocalState.NEW,), period=Period.ANY)
    window.filters.update(score_min=0.5)
    spec = window.filters.spec()
    assert spec == ViewSpec(platform=Platform.VK, local_states=(LocalState.NEW,), score_min=0.5)
    view = window.sidebar.model.views.add("Risky VK", spec)
    window.sidebar.reload()

    def saved_count() -> int:
        entry = window.sidebar.model.entry(window.sidebar.model.row_for_view(view.id))
        assert entry is not None
        return entry.unread

    qtbot.waitUntil(lambda: saved_count() == 2)  # 0.91 and 0.5, counted in the background
    window.clear_filters()
    assert window.model.rowCount() == 12
    key(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.model.rowCount() == 2
    assert window.filter_bar.platform.currentText() == "VK"
    assert window.filter_bar.score.currentText() == "Score ≥ 0.5"
    store.feedback.approve(comment_ids[2])
    window.sidebar.refresh_counts()
    qtbot.waitUntil(lambda: saved_count() == 1)  # live count
