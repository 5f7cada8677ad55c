"""The window's own work when rows arrive: split over event-loop turns, and text cells
painted from a cache that says exactly what the style would."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, ToxicityLevel
from moderator_app.store import Store
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.roles import Column
from moderator_app.ui.text_delegate import TextDelegate, elide
from tests.ui.helpers import ingest, remote


def test_new_rows_are_shown_before_the_first_is_selected(
    qtbot: QtBot, store: Store, account: Account, window: MainWindow
) -> None:
    assert account.id is not None
    ids = ingest(store, account.id, [remote(n) for n in range(5)])
    window.refresh_from_store()
    assert window.model.rowCount() == 5
    assert window.current_comment_id() is None  # not in the turn that brought the rows
    qtbot.waitUntil(lambda: window.current_comment_id() == ids[-1])
    assert window.detail.comment is not None
    assert window.detail.comment.id == ids[-1]


def test_a_selection_made_before_the_first_row_is_selected_is_kept(
    qtbot: QtBot, comment_ids: list[int], window: MainWindow
) -> None:
    window.filters.update(min_level=ToxicityLevel.REVIEW)
    window.inbox.selectAll()
    qtbot.waitUntil(lambda: window.current_comment_id() is not None)
    assert window.inbox.all_matching
    assert len(window.inbox.selected_rows()) == window.model.rowCount() == 2


def test_elide_cuts_where_qt_cuts() -> None:
    metrics = QFontMetrics(QApplication.font())
    texts = [
        "текст комментария с обычными словами и ещё немного текста " * 4,
        "i" * 400,
        "W" * 400,
        "e\u0301" * 300,  # combining marks: no width of their own
        "short",
        "",
    ]
    for text in texts:
        for width in (0, 5, 40, 137, 330, 2000):
            expected = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            assert elide(text, width, metrics) == expected, (text[:10], width)


def test_text_cells_are_painted_by_the_cached_delegate(window: MainWindow) -> None:
    for column in (Column.TIME, Column.ACCOUNT, Column.AUTHOR, Column.EXCERPT):
        assert isinstance(window.inbox.itemDelegateForColumn(column), TextDelegate)
