"""The detail pane's context: thread and author panels that jump to comments, and the search
matches marked in the comment text and the inbox."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextCursor
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, LocalState, ToxicityLevel
from moderator_app.store import Store
from moderator_app.ui.author_panel import AuthorCommentRow
from moderator_app.ui.comment_text_view import SEARCH_MATCH
from moderator_app.ui.excerpt_delegate import ExcerptDelegate, elided_parts
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.roles import Column
from moderator_app.ui.search_highlight import clip_runs, match_runs, search_terms, segments
from moderator_app.ui.thread_context import ContextCard
from tests.ui.helpers import ingest, ingest_thread, remote, verdict

# --- search matches (pure) -------------------------------------------------------------------


def test_search_matches_whole_words_and_the_last_as_prefix() -> None:
    text = "Привет, ПРИВЕТствую мир и café"
    assert search_terms("привет  МИ") == (("привет",), "ми")
    assert search_terms("привет м") == (("привет", "м"), "")  # one letter: a whole word
    short = "м мир м"
    assert [short[a:b] for a, b in match_runs(short, "м")] == ["м", "м"]
    runs = match_runs(text, "привет ми")
    assert [text[a:b] for a, b in runs] == ["Привет", "мир"]  # "ПРИВЕТствую" is not whole
    assert [text[a:b] for a, b in match_runs(text, "cafe")] == ["café"]
    assert match_runs(text, "  ,; ") == []


def test_segments_cover_the_text_and_clip_to_what_is_shown() -> None:
    text = "bad word here"
    runs = match_runs(text, "word he")
    assert segments(text, runs) == [("bad ", False), ("word", True), (" ", False), ("here", True)]
    assert "".join(piece for piece, _ in segments(text, runs)) == text
    assert clip_runs(runs, 6) == [(4, 6)]


def test_elided_excerpt_keeps_runs_before_the_ellipsis(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    metrics = QFontMetrics(QApplication.font())
    text = "spam " * 40 + "needle"
    parts = elided_parts(text, "spam", metrics.horizontalAdvance("spam spam sp…"), metrics)
    assert parts[0] == ("spam", True)
    assert parts[-1] == ("…", False)
    assert not any(marked and "needle" in piece for piece, marked in parts)
    wide = elided_parts("a needle", "need", 10_000, metrics)
    assert wide == [("a ", False), ("needle", True)]


# --- search in the window --------------------------------------------------------------------


def test_search_terms_are_marked_in_the_detail_text(
    qtbot: QtBot, comment_ids: list[int], window: MainWindow
) -> None:
    assert isinstance(window.inbox.itemDelegateForColumn(Column.EXCERPT), ExcerptDelegate)
    window.filters.set_search("number 1")  # one letter: the whole word "1" (comment 1 only)
    assert window.model.rowCount() == 1
    window.filters.set_search("number 10")  # "10" as a prefix
    assert window.model.rowCount() == 1
    window.inbox.select_comment(comment_ids[10])
    document = window.detail.text_view.document()
    assert document.toPlainText() == "comment number 10"

    def marked(position: int) -> bool:
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        return cursor.charFormat().property(SEARCH_MATCH) is True

    assert marked(9)
    assert marked(17)
    assert not marked(3)  # "comment"
    window.inbox.viewport().grab()  # the delegate paints the runs without warnings
    window.filters.set_search("")
    window.inbox.select_comment(comment_ids[10])
    assert not marked(9)


# --- thread context --------------------------------------------------------------------------


def load_context(qtbot: QtBot, window: MainWindow) -> None:
    """Ask for the shown comment's thread and author now and wait for the reader's answer."""
    window.detail.load_context()
    qtbot.waitUntil(lambda: not window.detail.context_pending())


def _thread(store: Store, account: Account) -> list[int]:
    assert account.id is not None
    return ingest_thread(store, account.id)


def test_thread_shows_post_parents_siblings_and_replies_and_jumps(
    qtbot: QtBot, store: Store, account: Account, window: MainWindow
) -> None:
    ids = _thread(store, account)
    window.refresh_from_store()
    assert window.inbox.select_comment(ids[1])
    assert window.detail.context_pending()  # the thread loads once the selection settles
    qtbot.waitUntil(lambda: not window.detail.context_pending())
    cards = window.detail.thread_view.cards()
    texts = [card.body.text() for card in cards]
    assert texts == ["the question", "first answer", "reply to the first", "second answer"]
    current = [card for card in cards if card.objectName() == "contextCardCurrent"]
    assert len(current) == 1
    assert current[0].comment_id is None
    sibling = cards[-1]
    qtbot.mouseClick(sibling, Qt.MouseButton.LeftButton)
    assert window.current_comment_id() == ids[2]


def test_jump_outside_the_filter_narrows_to_the_author(
    qtbot: QtBot, store: Store, account: Account, window: MainWindow
) -> None:
    ids = _thread(store, account)
    store.comments.set_toxicity([(ids[1], verdict(0.9))])
    window.refresh_from_store()
    window.filters.update(min_level=ToxicityLevel.TOXIC)
    qtbot.waitUntil(lambda: window.current_comment_id() == ids[1])  # a turn after the rows
    load_context(qtbot, window)
    parent = window.detail.thread_view.cards()[0]
    assert isinstance(parent, ContextCard)
    assert parent.comment_id == ids[0]
    qtbot.mouseClick(parent, Qt.MouseButton.LeftButton)
    assert window.current_comment_id() == ids[0]
    spec = window.filters.spec()
    assert spec.author_name == "anna"
    assert spec.min_level is None
    assert window.filter_bar.author_chip.isVisibleTo(window)


def test_context_waits_until_the_selection_settles(
    qtbot: QtBot, store: Store, account: Account, window: MainWindow
) -> None:
    ids = _thread(store, account)
    window.refresh_from_store()
    assert window.inbox.select_comment(ids[1])
    assert window.inbox.select_comment(ids[2])  # a quick second move: the first never loads
    assert window.current_comment_id() == ids[2]
    assert not window.detail.thread_section.isVisibleTo(window)
    load_context(qtbot, window)
    texts = [card.body.text() for card in window.detail.thread_view.cards()]
    assert texts[1] == "second answer"
    assert window.detail.thread_section.isVisibleTo(window)
    window.detail.refresh()  # the same comment again (a score arrived): no blinking
    assert window.detail.context_pending()
    assert window.detail.thread_section.isVisibleTo(window)


# --- author panel ----------------------------------------------------------------------------


def test_author_panel_counts_across_accounts_and_jumps(
    qtbot: QtBot, store: Store, account: Account, other_account: Account, window: MainWindow
) -> None:
    assert account.id is not None
    assert other_account.id is not None
    mine = ingest(store, account.id, [remote(n, author="troll") for n in range(3)])
    theirs = ingest(store, other_account.id, [remote(10, "elsewhere", author="troll")])
    store.comments.set_toxicity([(mine[0], verdict(0.95)), (mine[1], verdict(0.5))])
    store.comments.set_local_state(mine[0], LocalState.HIDDEN)
    store.comments.set_local_state(mine[1], LocalState.REVIEWED)
    window.refresh_from_store()
    window.sidebar.select_scope(window.sidebar.current_scope() or window.filters.scope)
    window.filter_bar.account.setCurrentIndex(1)  # the first account only
    window.filter_bar.account.activated.emit(1)
    assert window.model.current_filter.account_id == account.id
    assert window.inbox.select_comment(mine[2])
    load_context(qtbot, window)
    panel = window.detail.author_panel
    assert window.detail.author_section.isVisibleTo(window)
    values = {key: tile.value.text() for key, tile in panel.tiles.items()}
    assert values == {"comments": "4", "hidden": "1", "approved": "1", "flagged": "2"}
    assert panel.summary.text() == "Writes in 2 connected accounts"
    rows = panel.rows()
    assert [row.comment_id for row in rows] == [theirs[0], mine[1], mine[0]]
    assert isinstance(rows[0], AuthorCommentRow)
    qtbot.mouseClick(rows[1], Qt.MouseButton.LeftButton)  # shown here: plain selection
    assert window.current_comment_id() == mine[1]
    assert window.model.current_filter.account_id == account.id
    load_context(qtbot, window)
    qtbot.mouseClick(window.detail.author_panel.rows()[0], Qt.MouseButton.LeftButton)
    assert window.current_comment_id() == theirs[0]  # the other account: author view
    assert window.model.current_filter.author_name == "troll"
    assert window.model.current_filter.account_id is None
