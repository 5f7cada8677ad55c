"""The inbox with its background reader: the first rows show before the count, stale answers
are dropped, jumps go through anchors, new comments keep the selection, and the window's
counts and "select all" wait for nothing they must not wait for."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, CommentsChanged, LocalState, ToxicityLevel
from moderator_app.store import CommentFilter, SortOrder, Store
from moderator_app.store.inbox_query import InboxQueries
from moderator_app.ui.background import BackgroundReader
from moderator_app.ui.inbox_model import InboxModel
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.roles import Column
from moderator_app.ui.sidebar import Sidebar
from tests.ui.helpers import BASE, FakeEngine, ManualReader, ingest, remote, verdict

UNREAD = CommentFilter(local_states=(LocalState.NEW,))  # no totals table: counted


@pytest.fixture
def reader(qtbot: QtBot, store: Store) -> Iterator[BackgroundReader]:
    background = BackgroundReader(store)
    yield background
    background.stop()


@pytest.fixture
def many(store: Store, account: Account) -> list[int]:
    """120 comments, oldest first."""
    assert account.id is not None
    return ingest(store, account.id, [remote(n) for n in range(120)])


def large(store: Store, reader: Any, f: CommentFilter | None = None, **kw: Any) -> InboxModel:
    options: dict[str, Any] = {"page_size": 5, "full_limit": 0, "anchor_every": 7}
    return InboxModel(store, initial_filter=f, reader=reader, **(options | kw))


def ids_of(model: InboxModel) -> list[int | None]:
    return [model.comment_id_at(r) for r in range(model.rowCount())]


def select(view: QTableView, model: InboxModel, row: int) -> None:
    view.selectionModel().setCurrentIndex(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_first_rows_show_before_the_count_lands(
    qtbot: QtBot, store: Store, many: list[int], reader: BackgroundReader
) -> None:
    reader.hold()  # the count cannot land yet
    model = InboxModel(store, page_size=5, initial_filter=UNREAD, reader=reader)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    assert model.rowCount() == 10  # the first rows, read at once
    assert not model.count_exact
    assert ids_of(model) == many[::-1][:10]
    select(view, model, 3)
    resets: list[bool] = []
    inserted: list[tuple[int, int]] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))

    reader.release()
    qtbot.waitUntil(lambda: model.count_exact)
    assert model.rowCount() == 120
    assert inserted == [(10, 119)]  # appended at the end
    assert resets == []
    assert model.comment_id_at(view.currentIndex().row()) == many[::-1][3]
    assert ids_of(model) == many[::-1]


def test_a_count_for_an_older_filter_is_ignored(
    store: Store, account: Account, many: list[int]
) -> None:
    manual = ManualReader(store)
    model = InboxModel(store, page_size=5, initial_filter=UNREAD, reader=manual)
    [old_count] = manual.jobs
    toxic = CommentFilter(min_level=ToxicityLevel.REVIEW, local_states=(LocalState.NEW,))
    store.comments.set_toxicity([(cid, verdict(0.9)) for cid in many[:40]])
    model.set_filter(toxic)
    new_count = manual.jobs[-1]
    manual.run(new_count)
    assert (model.rowCount(), model.count_exact) == (40, True)
    manual.run(old_count)  # the unread count (120) arrives late: dropped
    assert model.rowCount() == 40
    assert ids_of(model) == store.comments.ids(toxic)


def test_an_answer_about_rows_that_changed_meanwhile_is_asked_again(
    store: Store, account: Account, many: list[int]
) -> None:
    assert account.id is not None
    manual = ManualReader(store)
    model = InboxModel(store, page_size=5, initial_filter=UNREAD, reader=manual)
    [count] = manual.jobs
    model.ensure_exact()  # "select all" counted at once: the rows changed
    assert model.rowCount() == 120
    manual.run(count)  # its answer no longer fits: asked again, not applied
    assert model.rowCount() == 120
    assert len(manual.jobs) == 1


@pytest.mark.parametrize(
    "f",
    [
        CommentFilter(),
        CommentFilter(sort=SortOrder.OLDEST),
        CommentFilter(sort=SortOrder.RISK),
        CommentFilter(search="comment"),
    ],
    ids=repr,
)
def test_jumps_go_through_anchors_and_land_where_offset_does(
    qtbot: QtBot, store: Store, many: list[int], reader: BackgroundReader, f: CommentFilter
) -> None:
    store.comments.set_toxicity([(cid, verdict((cid % 10) / 10)) for cid in many[::2]])
    model = large(store, reader, f)
    qtbot.waitUntil(model.settled)
    assert [a.row for a in model.anchors()] == list(range(0, 120, 7))
    spy = _PageSpy(model)
    for row in (118, 3, 64, 64 + 7, 90, 0, 41):
        assert model.comment_id_at(row) == store.comments.ids(f, 1, row)[0]
    assert spy.anchored > 0
    assert spy.unanchored == 0  # no OFFSET from the top once anchors are known
    assert ids_of(model) == store.comments.ids(f)


class _PageSpy:
    """Counts the model's page reads, from an anchor or from the top."""

    def __init__(self, model: InboxModel) -> None:
        self.anchored = 0
        self.unanchored = 0
        self.calls = 0
        queries: InboxQueries = model._queries
        real = queries.page

        def page(f: CommentFilter, limit: int, offset: int = 0, **kw: Any) -> list[int]:
            self.calls += 1
            if kw.get("start") is None and offset > 0:
                self.unanchored += 1
            elif kw.get("start") is not None:
                self.anchored += 1
            return real(f, limit, offset, **kw)

        queries.page = page  # type: ignore[method-assign]


@pytest.mark.parametrize("spread", [False, True], ids=["on top", "all over"])
def test_rows_arriving_keep_the_selection_and_the_anchors(
    qtbot: QtBot,
    store: Store,
    account: Account,
    many: list[int],
    reader: BackgroundReader,
    spread: bool,
) -> None:
    assert account.id is not None
    model = large(store, reader)
    qtbot.waitUntil(model.settled)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    selected = many[::-1][50]
    select(view, model, 50)
    resets: list[bool] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))

    # New comments newest of all, or (a first sync's history) spread all over the order.
    minutes = [(n * 37) % 130 if spread else 200 + n for n in range(60)]
    added = ingest(
        store,
        account.id,
        [
            replace(remote(500 + n), created_at=BASE + timedelta(minutes=m, seconds=30))
            for n, m in enumerate(minutes)
        ],
    )
    model.on_comments_changed(account.id, added, [])
    qtbot.waitUntil(lambda: model.rowCount() == 180 and model.settled())
    assert resets == []
    assert model.comment_id_at(view.currentIndex().row()) == selected
    assert ids_of(model) == store.comments.ids(CommentFilter())
    assert model.anchors()  # kept (moved along), not dropped
    fresh = _PageSpy(model)
    model.refresh_all()
    for anchor in model.anchors():
        assert (
            model.comment_id_at(anchor.row) == store.comments.ids(CommentFilter(), 1, anchor.row)[0]
        )
    assert fresh.unanchored == 0


def test_scoring_re_lays_out_a_flagged_view_in_the_background(
    qtbot: QtBot, store: Store, account: Account, many: list[int], reader: BackgroundReader
) -> None:
    assert account.id is not None
    flagged = CommentFilter(min_level=ToxicityLevel.REVIEW)
    store.comments.set_toxicity([(cid, verdict(0.8)) for cid in many[::3]])
    model = large(store, reader, flagged)
    qtbot.waitUntil(model.settled)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    selected = model.comment_id_at(20)
    select(view, model, 20)
    rescored = list(many[1::3])
    store.comments.set_toxicity([(cid, verdict(0.7)) for cid in rescored])
    model.on_comments_changed(account.id, [], rescored)
    qtbot.waitUntil(lambda: model.rowCount() == 80 and model.settled())
    assert ids_of(model) == store.comments.ids(flagged)
    assert model.comment_id_at(view.currentIndex().row()) == selected


def test_a_stopped_job_never_answers(qtbot: QtBot, store: Store, reader: BackgroundReader) -> None:
    answers: list[object] = []
    reader.hold()
    reader.submit("k", lambda ctx: ctx.deliver("old"), answers.append)
    reader.submit("k", lambda ctx: ctx.deliver("new"), answers.append)  # replaces the first
    reader.submit("gone", lambda ctx: ctx.deliver("never"), answers.append)
    reader.cancel("gone")
    reader.release()
    qtbot.waitUntil(lambda: not reader.busy())
    qtbot.wait(20)
    assert answers == ["new"]


def test_sidebar_counts_arrive_from_the_background(
    qtbot: QtBot, store: Store, account: Account, comment_ids: list[int], reader: BackgroundReader
) -> None:
    assert account.id is not None
    sidebar = Sidebar(store, reader=reader)
    qtbot.addWidget(sidebar)
    model = sidebar.model

    def account_entry() -> tuple[int, int]:
        entry = model.entry(model.row_for_scope(_scope(account.id)))
        assert entry is not None
        return entry.unread, entry.flagged

    qtbot.waitUntil(lambda: account_entry() == (12, 2))
    store.comments.set_local_state(comment_ids[1], LocalState.REVIEWED)
    sidebar.refresh_counts()
    qtbot.waitUntil(lambda: account_entry() == (11, 1))


def _scope(account_id: int | None) -> Any:
    from moderator_app.ui.filter_state import Scope

    return Scope(account_id=account_id)


@pytest.fixture
def crowded(store: Store, account: Account) -> list[int]:
    """More unread comments than the window reads at once (200)."""
    assert account.id is not None
    return ingest(store, account.id, [remote(n) for n in range(260)])


def test_window_says_counting_then_the_count(
    qtbot: QtBot, crowded: list[int], window: MainWindow
) -> None:
    window.reader.hold()
    window.filters.update(local_states=(LocalState.NEW,))
    assert window.model.rowCount() == 200
    assert window.toolbar.count.text() == "counting…"
    window.reader.release()
    qtbot.waitUntil(lambda: window.toolbar.count.text() == "260")
    assert window.model.rowCount() == 260


def test_ctrl_a_while_counting_selects_all_matching_without_counting_on_the_gui_thread(
    qtbot: QtBot, crowded: list[int], window: MainWindow
) -> None:
    """The rows counted later join the selection when the count lands; the GUI thread never
    counts (a bulk action plans from the filter, so its confirmation is exact anyway)."""
    window.reader.hold()
    window.filters.update(local_states=(LocalState.NEW,))
    assert not window.model.count_exact
    window.inbox.setFocus()
    QTest.keyClick(window.inbox, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert not window.model.count_exact
    assert window.inbox.all_matching
    assert window.bulk_bar.isVisible()
    assert window.bulk_bar.label.text() == "All matching selected (counting…)"
    window.reader.release()
    qtbot.waitUntil(lambda: window.model.count_exact)
    assert window.inbox.selection_size() == 260
    assert len(window.inbox.selected_rows()) == 260
    assert window.bulk_bar.label.text() == "All 260 matching selected"


def test_engine_events_are_coalesced(
    qtbot: QtBot, store: Store, account: Account, engine: FakeEngine, window: MainWindow
) -> None:
    assert account.id is not None
    calls: list[int] = []
    real = window.model.on_comments_changed

    def counted(account_id: int, added: Any, changed: Any) -> None:
        calls.append(len(added))
        real(account_id, added, changed)

    window.model.on_comments_changed = counted  # type: ignore[method-assign]
    for n in range(20):
        added = ingest(store, account.id, [remote(1000 + n)])
        engine.emit_from_thread(CommentsChanged(account.id, tuple(added), ()))
    qtbot.waitUntil(lambda: window.model.rowCount() == 20)
    assert sum(calls) == 20
    assert len(calls) <= 3  # 20 events, a handful of updates


def test_a_changed_comment_is_read_again_in_the_background(
    qtbot: QtBot, store: Store, account: Account, comment_ids: list[int], reader: BackgroundReader
) -> None:
    assert account.id is not None
    model = InboxModel(store, reader=reader)
    row = model.row_of(comment_ids[5])
    cell = model.index(row, Column.TOXICITY)
    assert model.data(cell) == "Scoring"
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    store.comments.set_toxicity([(comment_ids[5], verdict(0.95))])
    reader.hold()
    model.on_comments_changed(account.id, [], [comment_ids[5]])
    assert model.data(cell) == "Scoring"  # shown as it was until the new state is read
    reader.release()
    qtbot.waitUntil(lambda: model.data(cell) == "Toxic 0.95")
    assert row in changed


def test_rows_shown_after_new_comments_were_read_in_the_background(
    qtbot: QtBot, store: Store, account: Account, many: list[int], reader: BackgroundReader
) -> None:
    assert account.id is not None
    model = large(store, reader, fetch_rows=10)
    qtbot.waitUntil(model.settled)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)
    added = ingest(store, account.id, [remote(800 + n) for n in range(30)])
    spy: list[int] = []
    real = store.comments.by_ids

    def by_ids(ids: Any) -> Any:
        spy.append(len(ids))
        return real(ids)

    store.comments.by_ids = by_ids  # type: ignore[method-assign]
    model.on_comments_changed(account.id, added, [])
    qtbot.waitUntil(lambda: model.rowCount() == 150 and model.settled())
    pages = _PageSpy(model)
    view.viewport().repaint()
    # The rows on screen (their ids and comments) came with the reader's answer.
    assert spy == []
    assert pages.calls == 0
    assert model.comment_id_at(0) == added[-1]
    assert ids_of(model) == store.comments.ids(CommentFilter())


def test_new_and_changed_comments_arrive_in_one_answer(
    qtbot: QtBot, store: Store, account: Account, many: list[int], reader: BackgroundReader
) -> None:
    assert account.id is not None
    model = large(store, reader)
    qtbot.waitUntil(model.settled)
    shown = model.comment_id_at(3)
    assert shown is not None
    cell = model.index(3, Column.TOXICITY)
    assert model.data(cell) == "Scoring"
    answers: list[object] = []
    model.rowsInserted.connect(lambda *_: answers.append("rows"))
    model.dataChanged.connect(lambda *_: answers.append("data"))
    added = ingest(store, account.id, [remote(900), remote(901)])
    store.comments.set_toxicity([(shown, verdict(0.93))])
    model.on_comments_changed(account.id, added, [shown])
    qtbot.waitUntil(lambda: model.rowCount() == 122 and model.settled())
    assert model.row_of(shown) == 5
    assert model.data(model.index(5, Column.TOXICITY)) == "Toxic 0.93"
    assert answers[0] == "rows"  # the new rows and the new state came together
