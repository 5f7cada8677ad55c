"""Views and accounts with their counts."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, LocalState, ToxicityLevel
from moderator_app.store import Store
from moderator_app.ui.filter_state import Scope
from moderator_app.ui.sidebar import Sidebar
from moderator_app.ui.sidebar_model import SidebarModel
from tests.ui.helpers import ingest, remote


def test_model_passes_qt_model_tester(
    qtmodeltester, store: Store, account: Account, comment_ids: list[int]
) -> None:
    qtmodeltester.check(SidebarModel(store))
    qtmodeltester.check(SidebarModel(store), force_py=True)


def test_counts_and_selection(
    qtbot: QtBot, store: Store, account: Account, comment_ids: list[int]
) -> None:
    assert account.id is not None
    sidebar = Sidebar(store)
    qtbot.addWidget(sidebar)
    model = sidebar.model
    keys = [model.entry(r).key for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert keys == ["h:views", "v:all", "v:flagged", "v:toxic", "h:accounts", f"a:{account.id}"]
    entry = model.entry(5)
    assert entry is not None
    assert (entry.title, entry.unread, entry.flagged) == (account.name, 12, 2)
    assert model.entry(3).flagged == 1  # type: ignore[union-attr]

    store.comments.set_local_state(comment_ids[1], LocalState.REVIEWED)
    ingest(store, account.id, [remote(40)])
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    sidebar.refresh_counts()
    assert model.entry(5).unread == 12  # type: ignore[union-attr]
    assert model.entry(5).flagged == 1  # type: ignore[union-attr]
    assert 5 in changed

    with qtbot.waitSignal(sidebar.scopeChanged) as blocker:
        sidebar.select_scope(Scope(min_level=ToxicityLevel.TOXIC))
    assert blocker.args == [Scope(min_level=ToxicityLevel.TOXIC)]
    # headers cannot be selected
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(1)) & Qt.ItemFlag.ItemIsSelectable
