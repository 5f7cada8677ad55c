"""The lazy inbox model over a real SQLite store."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, Comment, LocalState, ToxicityLevel
from moderator_app.store import CommentFilter, Store
from moderator_app.ui.inbox_model import InboxModel
from moderator_app.ui.roles import Column, Role
from tests.ui.helpers import BASE, ingest, remote, verdict


class CountingComments:
    """Wraps the store's comment repository to count page fetches (a spy, not a mock)."""

    def __init__(self, store: Store) -> None:
        self._real = store.comments
        self.calls: list[int] = []

    def by_ids(self, ids: Sequence[int]) -> list[Comment]:
        self.calls.append(len(ids))
        return self._real.by_ids(ids)

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)


def test_passes_qt_model_tester(qtmodeltester, store: Store, comment_ids: list[int]) -> None:
    model = InboxModel(store)
    assert model.rowCount() == 12
    qtmodeltester.check(model)  # Qt's own QAbstractItemModelTester
    qtmodeltester.check(model, force_py=True)  # and pytest-qt's Python port
    model.set_filter(CommentFilter(min_level=ToxicityLevel.REVIEW))
    qtmodeltester.check(model)


def test_columns_and_roles(store: Store, comment_ids: list[int]) -> None:
    model = InboxModel(store)
    # newest first: the last ingested comment is row 0
    assert model.comment_id_at(0) == comment_ids[-1]
    row = model.row_of(comment_ids[1])
    assert model.data(model.index(row, Column.EXCERPT)) == "comment number 1"
    assert model.data(model.index(row, Column.TOXICITY)) == "Toxic 0.91"
    assert model.data(model.index(row, Column.PLATFORM)) == "VK"
    assert model.data(model.index(row, Column.ACCOUNT)) == "Кофейня «Зерно»"
    comment = model.data(model.index(row, Column.TIME), Role.COMMENT)
    assert isinstance(comment, Comment)
    assert comment.id == comment_ids[1]
    assert model.data(model.index(row, 0), Role.TOXICITY).level is ToxicityLevel.TOXIC
    unscored = model.row_of(comment_ids[5])
    assert model.data(model.index(unscored, Column.TOXICITY)) == "Scoring"
    assert model.headerData(Column.EXCERPT, Qt.Orientation.Horizontal) == "Comment"
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole) is None


def test_markup_in_a_comment_is_literal_text(store: Store, account: Account) -> None:
    assert account.id is not None
    [cid] = ingest(store, account.id, [remote(1, "<b>x</b><img src=x>", author="<i>evil</i>")])
    model = InboxModel(store)
    row = model.row_of(cid)
    assert model.data(model.index(row, Column.EXCERPT)) == "<b>x</b><img src=x>"
    assert model.data(model.index(row, Column.AUTHOR)) == "<i>evil</i>"
    # no tooltip ever carries commenter-controlled text (tooltips may render rich text)
    for column in Column:
        tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
        assert tip is None or "<" not in tip


def test_fetches_only_the_pages_it_shows(qtbot: QtBot, store: Store, account: Account) -> None:
    assert account.id is not None
    ingest(store, account.id, [remote(n) for n in range(5000)])
    spy = CountingComments(store)
    store.comments = spy  # type: ignore[assignment]
    model = InboxModel(store, page_size=100)
    assert model.rowCount() == 5000
    assert spy.calls == []  # ids only until something is shown

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(36)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)
    assert len(spy.calls) == 1
    assert sum(spy.calls) == 50  # the rows on screen and some: not the whole id block

    view.scrollTo(model.index(2510, 0), QTableView.ScrollHint.PositionAtTop)
    qtbot.wait(20)
    assert len(spy.calls) == 2  # one more page for the rows now on screen
    assert sum(spy.calls) <= 100
    assert model.cached_count() <= 600


def test_cache_is_bounded(store: Store, account: Account) -> None:
    assert account.id is not None
    ingest(store, account.id, [remote(n) for n in range(1000)])
    model = InboxModel(store, page_size=50, cache_pages=3)
    for row in range(0, 1000, 10):
        model.data(model.index(row, Column.EXCERPT))
    assert model.cached_count() <= 150


def test_new_comments_insert_rows_without_reset_and_keep_the_selection(
    qtbot: QtBot, store: Store, account: Account, comment_ids: list[int]
) -> None:
    assert account.id is not None
    model = InboxModel(store)
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

    added = ingest(store, account.id, [remote(100), remote(101)])
    model.on_comments_changed(account.id, added, [])

    assert resets == []
    assert inserted == [(0, 1)]  # newest first: both go on top, in one insert
    assert model.rowCount() == 14
    assert model.comment_id_at(0) == added[1]
    assert view.currentIndex().row() == model.row_of(selected)
    assert model.comment_id_at(view.currentIndex().row()) == selected
    assert [i.row() for i in view.selectionModel().selectedRows()] == [model.row_of(selected)]


def test_comments_arriving_in_the_middle_land_at_their_place(
    store: Store, account: Account, comment_ids: list[int]
) -> None:
    assert account.id is not None
    model = InboxModel(store)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    # fetched late, written between comments 5 and 6: newest-first it belongs at row 6
    late = replace(remote(500, "late"), created_at=BASE + timedelta(minutes=5, seconds=30))
    added = ingest(store, account.id, [late, remote(-1, "older than all")])
    model.on_comments_changed(account.id, added, [])
    assert inserted == [(6, 6), (13, 13)]
    assert model.comment_id_at(6) == added[0]
    assert model.comment_id_at(13) == added[1]


def test_changed_comments_refresh_in_place(
    qtbot: QtBot, store: Store, account: Account, comment_ids: list[int]
) -> None:
    assert account.id is not None
    model = InboxModel(store)
    row = model.row_of(comment_ids[7])
    assert model.data(model.index(row, Column.TOXICITY)) == "Scoring"
    store.comments.set_toxicity([(comment_ids[7], verdict(0.8))])
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.on_comments_changed(account.id, [], [comment_ids[7]])
    assert blocker.args[0].row() == row
    assert model.data(model.index(row, Column.TOXICITY)) == "Toxic 0.80"


def test_scored_comments_enter_a_flagged_filter_and_leave_it(
    store: Store, account: Account, comment_ids: list[int]
) -> None:
    assert account.id is not None
    model = InboxModel(store)
    model.set_filter(CommentFilter(min_level=ToxicityLevel.REVIEW))
    assert model.rowCount() == 2
    store.comments.set_toxicity([(comment_ids[9], verdict(0.75)), (comment_ids[1], verdict(0.1))])
    model.on_comments_changed(account.id, [], [comment_ids[9], comment_ids[1]])
    assert {model.comment_id_at(r) for r in range(model.rowCount())} == {
        comment_ids[9],
        comment_ids[2],
    }


def test_other_accounts_are_ignored_when_scoped(
    store: Store, account: Account, other_account: Account, comment_ids: list[int]
) -> None:
    assert account.id is not None
    assert other_account.id is not None
    model = InboxModel(store)
    model.set_filter(CommentFilter(account_id=account.id))
    added = ingest(store, other_account.id, [remote(200)])
    model.on_comments_changed(other_account.id, added, [])
    assert model.rowCount() == 12
    model.set_filter(CommentFilter())
    assert model.rowCount() == 13
    assert model.data(model.index(0, Column.PLATFORM)) == "Telegram"


def test_search_filters_through_fts(store: Store, account: Account) -> None:
    assert account.id is not None
    ingest(store, account.id, [remote(1, "Доставка опять задерживается"), remote(2, "hello")])
    model = InboxModel(store)
    model.set_filter(CommentFilter(search="достав"))
    assert model.rowCount() == 1
    assert model.data(model.index(0, Column.EXCERPT)) == "Доставка опять задерживается"


def test_unread_rows_are_bold(store: Store, comment_ids: list[int]) -> None:
    store.comments.set_local_state(comment_ids[3], LocalState.REVIEWED)
    model = InboxModel(store)
    read = model.index(model.row_of(comment_ids[3]), Column.EXCERPT)
    unread = model.index(model.row_of(comment_ids[4]), Column.EXCERPT)
    assert model.data(read, Qt.ItemDataRole.FontRole) is None
    assert model.data(unread, Qt.ItemDataRole.FontRole).bold()


def test_deleted_rows_disappear_on_sync(store: Store, comment_ids: list[int]) -> None:
    model = InboxModel(store)
    store.db.execute("DELETE FROM comments WHERE id = ?", [comment_ids[0]])
    model.sync_with_store()
    assert model.rowCount() == 11
    assert model.row_of(comment_ids[0]) == -1
