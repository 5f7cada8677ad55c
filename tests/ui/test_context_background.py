"""The detail pane's thread and author come from the background reader: the GUI thread only
builds their widgets, and an answer about a comment no longer shown is dropped."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account
from moderator_app.store import Store
from moderator_app.store.accounts import AccountRepository
from moderator_app.store.authors import AuthorRepository
from moderator_app.store.comments import CommentRepository
from moderator_app.ui.background import JobContext
from moderator_app.ui.detail_pane import CONTEXT_KEY, DetailPane
from moderator_app.ui.main_window import MainWindow
from tests.ui.helpers import ManualReader, ingest, ingest_thread, remote


def _thread(store: Store, account: Account) -> list[int]:
    assert account.id is not None
    return ingest_thread(store, account.id, elsewhere=True)


def _texts(pane: DetailPane) -> list[str]:
    return [card.body.text() for card in pane.thread_view.cards()]


def _recent(pane: DetailPane) -> list[str]:
    return [row.text.text() for row in pane.author_panel.rows()]


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    """The window's first reads are done (the reader starts after the first paint)."""
    qtbot.waitUntil(lambda: not window.reader.busy() and not window.detail.context_pending())


# --- through the window's reader -------------------------------------------------------------


def test_context_arrives_from_the_reader(
    qtbot: QtBot, store: Store, account: Account, window: MainWindow
) -> None:
    ids = _thread(store, account)
    window.refresh_from_store()
    _settled(qtbot, window)
    window.reader.hold()
    assert window.inbox.select_comment(ids[1])
    window.detail.load_context()  # asked for, not read here
    assert window.detail.context_pending()
    assert not window.detail.thread_section.isVisibleTo(window)
    assert not window.detail.author_section.isVisibleTo(window)
    assert window.reader.busy()
    window.reader.release()
    qtbot.waitUntil(lambda: not window.detail.context_pending())
    assert _texts(window.detail) == [
        "the question",
        "first answer",
        "reply to the first",
        "second answer",
    ]
    assert window.detail.thread_section.isVisibleTo(window)
    assert window.detail.author_section.isVisibleTo(window)
    assert _recent(window.detail) == ["boris elsewhere"]
    assert window.detail.author_panel.tiles["comments"].value.text() == "2"


def test_the_same_comments_context_lingers_while_it_is_read_again(
    qtbot: QtBot, store: Store, account: Account, window: MainWindow
) -> None:
    ids = _thread(store, account)
    window.refresh_from_store()
    assert window.inbox.select_comment(ids[2])
    window.detail.load_context()
    _settled(qtbot, window)
    window.reader.hold()
    window.detail.refresh()  # its score arrived
    window.detail.load_context()
    assert window.detail.context_pending()
    assert window.detail.thread_section.isVisibleTo(window)  # no blinking
    assert _texts(window.detail)[1] == "second answer"
    window.reader.release()
    qtbot.waitUntil(lambda: not window.detail.context_pending())
    assert _texts(window.detail)[1] == "second answer"
    assert _recent(window.detail) == ["vera elsewhere"]


def test_moving_on_before_the_answer_shows_only_the_last_comments_context(
    qtbot: QtBot, store: Store, account: Account, window: MainWindow
) -> None:
    ids = _thread(store, account)
    window.refresh_from_store()
    _settled(qtbot, window)
    window.reader.hold()
    answered: list[int] = []
    shown = window.detail._on_context

    def record(generation: int, comment_id: int, context: Any) -> None:
        answered.append(comment_id)
        shown(generation, comment_id, context)

    window.detail._on_context = record  # type: ignore[method-assign]
    assert window.inbox.select_comment(ids[1])
    window.detail.load_context()
    window.inbox.move_selection(1)  # J, before the first answer
    window.detail.load_context()
    moved_to = window.current_comment_id()
    assert moved_to is not None
    assert moved_to != ids[1]
    assert not window.detail.thread_section.isVisibleTo(window)
    window.reader.release()
    qtbot.waitUntil(lambda: not window.detail.context_pending())
    assert answered == [moved_to]  # the first question was superseded, never answered
    assert window.detail.comment is not None
    current = [c for c in window.detail.thread_view.cards() if c.comment_id is None]
    assert [c.body.text() for c in current] == [window.detail.comment.text]


def test_the_gui_thread_does_no_sql_for_the_context(
    qtbot: QtBot,
    store: Store,
    account: Account,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = _thread(store, account)
    window.refresh_from_store()
    _settled(qtbot, window)
    calls: list[tuple[str, bool]] = []

    def recording(cls: type, name: str) -> None:
        original: Callable[..., Any] = getattr(cls, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls.append((name, threading.current_thread() is threading.main_thread()))
            return original(*args, **kwargs)

        monkeypatch.setattr(cls, name, wrapper)

    recording(CommentRepository, "thread")
    recording(AuthorRepository, "stats")
    recording(AuthorRepository, "recent")
    assert window.inbox.select_comment(ids[1])
    window.detail.load_context()
    qtbot.waitUntil(lambda: not window.detail.context_pending())
    assert _recent(window.detail) == ["boris elsewhere"]
    assert sorted(name for name, _ in calls) == ["recent", "stats", "thread"]
    assert not [name for name, on_gui in calls if on_gui]


# --- the pane's own check, with answers in any order -----------------------------------------


@pytest.fixture
def manual(store: Store) -> ManualReader:
    return ManualReader(store)


def _pane(qtbot: QtBot, store: Store, reader: ManualReader) -> DetailPane:
    pane = DetailPane(store, reader=reader)
    qtbot.addWidget(pane)
    pane.resize(420, 700)
    pane.show()
    return pane


def test_a_stale_answer_is_dropped(
    qtbot: QtBot, store: Store, account: Account, manual: ManualReader
) -> None:
    ids = _thread(store, account)
    pane = _pane(qtbot, store, manual)
    pane.show_comment(ids[1])
    pane.show_comment(ids[2])
    first, second = manual.jobs
    assert first.key == second.key == CONTEXT_KEY
    assert pane.context_pending()
    manual.run(first)  # boris's thread, vera shown: dropped
    assert pane.context_pending()
    assert not pane.thread_section.isVisibleTo(pane)
    assert not pane.author_section.isVisibleTo(pane)
    assert _texts(pane) == []
    assert pane.author_panel.rows() == []
    manual.run(second)
    assert not pane.context_pending()
    assert _texts(pane)[1] == "second answer"
    assert _recent(pane) == ["vera elsewhere"]
    pane.show_comment(None)
    assert CONTEXT_KEY in manual.cancelled


def test_an_answer_after_the_pane_emptied_or_moved_back_is_judged_by_its_comment(
    qtbot: QtBot, store: Store, account: Account, manual: ManualReader
) -> None:
    ids = _thread(store, account)
    pane = _pane(qtbot, store, manual)
    pane.show_comment(ids[1])
    pane.show_comment(None)
    manual.run(manual.jobs[0])  # nothing shown: nothing filled
    assert _texts(pane) == []
    pane.show_comment(ids[2])
    pane.show_comment(ids[1])
    older, newer = manual.jobs
    manual.run(newer)
    assert _texts(pane)[1] == "first answer"
    assert not pane.context_pending()
    manual.run(older)  # vera's, and older than what is shown
    assert _texts(pane)[1] == "first answer"
    assert _recent(pane) == ["boris elsewhere"]


def test_a_refresh_keeps_waiting_for_its_own_answer(
    qtbot: QtBot, store: Store, account: Account, manual: ManualReader
) -> None:
    ids = _thread(store, account)
    pane = _pane(qtbot, store, manual)
    pane.show_comment(ids[1])
    pane.refresh()  # the same comment read again before its context came
    before, again = manual.jobs
    manual.run(before)  # the same comment's: shown, but a fresher one is still to come
    assert _texts(pane)[1] == "first answer"
    assert pane.thread_section.isVisibleTo(pane)
    assert pane.context_pending()
    manual.run(again)
    assert not pane.context_pending()


def test_a_pane_on_its_own_reads_at_once(qtbot: QtBot, store: Store, account: Account) -> None:
    ids = _thread(store, account)
    pane = DetailPane(store)
    qtbot.addWidget(pane)
    pane.show_comment(ids[3])
    assert not pane.context_pending()
    assert _texts(pane)[:3] == ["the question", "first answer", "reply to the first"]


def test_author_panel_reads_no_accounts_on_the_gui_thread(
    qtbot: QtBot,
    store: Store,
    account: Account,
    other_account: Account,
    manual: ManualReader,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rows' "where" (platform · account) comes with the answer."""
    assert other_account.id is not None
    ids = _thread(store, account)
    ingest(store, other_account.id, [remote(20, "boris on telegram", author="boris")])
    pane = _pane(qtbot, store, manual)
    pane.show_comment(ids[1])
    [job] = manual.jobs
    manual.jobs.clear()
    answers: list[Any] = []
    job.work(JobContext(store, answers.append))  # the reads, as on the reader

    def no_reads(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("an account read while building the panel")

    monkeypatch.setattr(AccountRepository, "get", no_reads)
    [answer] = answers
    job.done(answer)  # the GUI thread's part
    rows = pane.author_panel.rows()
    assert [row.where.text().split(" · ")[:2] for row in rows] == [
        ["Telegram", "Tech Daily"],
        ["VK", "Кофейня «Зерно»"],
    ]
