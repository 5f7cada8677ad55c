"""The inbox model in its large-result mode (blocks of ids, COUNT, positions from SQLite),
forced on a small store with `full_limit=0` so it behaves exactly as at a million rows."""

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, ToxicityLevel
from moderator_app.store import CommentFilter, Store
from moderator_app.store.filters import SortOrder
from moderator_app.ui.inbox_model import InboxModel
from moderator_app.ui.roles import Column
from tests.ui.helpers import BASE, ingest, remote, verdict


def large(store: Store, f: CommentFilter | None = None) -> InboxModel:
    return InboxModel(store, page_size=5, initial_filter=f, full_limit=0)


def all_ids(model: InboxModel) -> list[int | None]:
    return [model.comment_id_at(r) for r in range(model.rowCount())]


def test_passes_qt_model_tester(qtmodeltester, store: Store, comment_ids: list[int]) -> None:
    model = large(store)
    assert model.rowCount() == 12
    qtmodeltester.check(model)
    model.set_filter(CommentFilter(min_level=ToxicityLevel.REVIEW))
    qtmodeltester.check(model)


def test_rows_match_the_store_order(store: Store, comment_ids: list[int]) -> None:
    model = large(store)
    assert all_ids(model) == store.comments.ids(CommentFilter())
    assert model.row_of(comment_ids[3]) == 8
    assert model.data(model.index(8, Column.EXCERPT)) == "comment number 3"
    assert model.ids_in_rows([0, 1, 2, 7, 8]) == [*comment_ids[11:8:-1], *comment_ids[4:2:-1]]
    model.set_filter(CommentFilter(sort=SortOrder.OLDEST))
    assert all_ids(model) == comment_ids


def test_new_comments_insert_rows_and_keep_the_selection(
    qtbot: QtBot, store: Store, account: Account, comment_ids: list[int]
) -> None:
    assert account.id is not None
    model = large(store)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    selected = comment_ids[4]
    view.selectionModel().setCurrentIndex(
        model.index(model.row_of(selected), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    resets: list[bool] = []
    inserted: list[tuple[int, int]] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    late = replace(remote(500, "late"), created_at=BASE + timedelta(minutes=5, seconds=30))
    added = ingest(store, account.id, [remote(100), remote(101), late])
    model.on_comments_changed(account.id, added, [])
    assert resets == []
    assert inserted == [(0, 1), (8, 8)]
    assert all_ids(model) == store.comments.ids(CommentFilter())
    assert model.comment_id_at(view.currentIndex().row()) == selected


def test_scoring_moves_rows_of_a_flagged_view_and_keeps_the_selection(
    qtbot: QtBot, store: Store, account: Account, comment_ids: list[int]
) -> None:
    assert account.id is not None
    model = large(store, CommentFilter(min_level=ToxicityLevel.REVIEW))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectionModel().setCurrentIndex(
        model.index(model.row_of(comment_ids[2]), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    store.comments.set_toxicity([(comment_ids[9], verdict(0.75)), (comment_ids[1], verdict(0.1))])
    model.on_comments_changed(account.id, [], [comment_ids[9], comment_ids[1]])
    assert all_ids(model) == [comment_ids[9], comment_ids[2]]
    assert model.comment_id_at(view.currentIndex().row()) == comment_ids[2]


def test_deleted_rows_disappear_on_sync(store: Store, comment_ids: list[int]) -> None:
    model = large(store)
    store.db.execute("DELETE FROM comments WHERE id = ?", [comment_ids[0]])
    model.sync_with_store()
    assert model.rowCount() == 11
    assert model.row_of(comment_ids[0]) == -1


def test_search_positions_follow_arrival_order(store: Store, account: Account) -> None:
    assert account.id is not None
    ids = ingest(store, account.id, [remote(n, f"доставка {n}") for n in range(8)])
    model = large(store, CommentFilter(search="достав"))
    assert all_ids(model) == ids[::-1]
    assert model.row_of(ids[2]) == 5
    assert store.comments.count(CommentFilter(search="достав")) == 8
