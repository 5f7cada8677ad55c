"""The filter bar's custom ranges, the saved views' context menu and the action bar's overflow."""

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account
from moderator_app.store import Store
from moderator_app.store.view_spec import Period, ViewSpec
from moderator_app.ui import saved_views
from moderator_app.ui.action_bar import ActionBar
from moderator_app.ui.filter_range_dialogs import day_bounds, local_day
from moderator_app.ui.main_window import MainWindow


def test_day_bounds_cover_whole_local_days() -> None:
    start, end = day_bounds(date(2026, 11, 3), date(2026, 11, 1))  # given backwards
    assert local_day(start) == date(2026, 11, 1)
    assert local_day(end, end=True) == date(2026, 11, 3)
    assert 3 * 86400 - 3600 <= end - start <= 3 * 86400 + 3600  # a DST change at most


def test_custom_score_range(qtbot: QtBot, comment_ids: list[int], window: MainWindow) -> None:
    bar = window.filter_bar
    custom = bar.score.count() - 1
    bar.score.setCurrentIndex(custom)
    bar.score.activated.emit(custom)
    dialog = bar.score_dialog
    assert dialog is not None
    dialog.low.setValue(0.4)
    dialog.high.setValue(0.6)
    dialog.accept()
    current = window.model.current_filter
    assert (current.score_min, current.score_max) == (0.4, 0.6)
    assert window.model.rowCount() == 1  # the 0.5 comment
    assert bar.score.currentText() == "Score 0.40–0.60"
    assert bar.score.property("active") is True
    bar.score.setCurrentIndex(2)  # a preset drops the upper bound
    bar.score.activated.emit(2)
    assert window.model.current_filter.score_max is None


def test_custom_dates_and_cancel_restores(
    qtbot: QtBot, comment_ids: list[int], window: MainWindow
) -> None:
    bar = window.filter_bar
    custom = bar.period.count() - 1
    bar.period.setCurrentIndex(custom)
    bar.period.activated.emit(custom)
    dialog = bar.date_dialog
    assert dialog is not None
    dialog.first.setDate(QDate(2026, 11, 1))  # the fixtures were written on 1 Nov
    dialog.last.setDate(QDate(2026, 11, 1))
    dialog.accept()
    spec = window.filters.bar_spec()
    assert spec.period is Period.CUSTOM
    assert spec.since_ts is not None
    assert window.model.rowCount() == 12
    assert bar.period.currentText() == "01.11"
    bar.period.activated.emit(custom)  # open again, then cancel: nothing changes
    again = bar.date_dialog
    assert again is not None
    again.reject()
    assert window.filters.bar_spec() == spec
    assert bar.period.currentText() == "01.11"
    bar.period.setCurrentIndex(0)
    bar.period.activated.emit(0)
    assert window.filters.bar_spec().since_ts is None


def test_account_picker_lists_connected_accounts(
    qtbot: QtBot, store: Store, account: Account, other_account: Account, window: MainWindow
) -> None:
    window.open_accounts().accountsChanged.emit()
    names = [
        window.filter_bar.account.itemText(i) for i in range(window.filter_bar.account.count())
    ]
    assert names == ["All accounts", account.name, other_account.name]
    window.filter_bar.account.activated.emit(2)
    window.filter_bar.account.setCurrentIndex(2)
    window.filter_bar.account.activated.emit(2)
    assert window.model.current_filter.account_id == other_account.id
    window.accounts_dialog.close()  # type: ignore[union-attr]


def test_saved_view_context_menu_renames_and_deletes(
    qtbot: QtBot,
    store: Store,
    comment_ids: list[int],
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = store.views.add("Toxic today", ViewSpec(score_min=0.8))
    window.sidebar.reload()
    assert view.id is not None
    menu = window.sidebar.view_menu(view.id)
    actions = {a.text(): a for a in menu.actions()}
    assert set(actions) == {"Rename…", "Delete…"}
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Worst", True))
    actions["Rename…"].trigger()
    assert store.views.get(view.id).name == "Worst"  # type: ignore[union-attr]
    monkeypatch.setattr(saved_views, "plain_question", lambda *args: True)
    actions["Delete…"].trigger()
    assert store.views.get(view.id) is None
    assert window.sidebar.model.row_for_view(view.id) < 0


def test_action_bar_moves_what_does_not_fit_into_the_menu(
    qtbot: QtBot, comment_ids: list[int], window: MainWindow
) -> None:
    assert not window.action_bar.more_button.isVisibleTo(window)  # 1400 px: everything fits
    assert window.action_bar.escalate_button.isVisibleTo(window)
    bar = ActionBar()
    qtbot.addWidget(bar)
    bar.set_comment(window.detail.comment)
    bar.resize(230, 50)
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.more_button.isVisibleTo(bar)
    assert not bar.escalate_button.isVisibleTo(bar)
    visible = [a.text() for a in bar.more_menu.actions() if a.isVisible()]
    assert "Escalate" in visible
    for button in (bar.reply_button, bar.hide_button):
        assert button.isVisibleTo(bar)
    bar.resize(600, 50)
    assert not bar.more_button.isVisibleTo(bar)
