"""The action bar offers what each platform allows, and says why when it does not."""

from dataclasses import replace

from pytestqt.qtbot import QtBot

from moderator_app.domain import (
    Account,
    ActionKind,
    LocalState,
    Platform,
    PlatformState,
)
from moderator_app.store import Store
from moderator_app.ui.main_window import MainWindow
from tests.ui.helpers import ingest, remote, verdict


def select(qtbot: QtBot, window: MainWindow, comment_id: int) -> None:
    window.model.set_filter(window.model.current_filter)
    assert window.inbox.select_comment(comment_id)
    qtbot.waitUntil(lambda: window.current_comment_id() == comment_id)


def test_telegram_deletes_instead_of_hiding(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    telegram = store.accounts.add(Account(Platform.TELEGRAM, "Канал"))
    assert telegram.id is not None
    [cid] = ingest(store, telegram.id, [remote(100, "spam spam")])
    select(qtbot, window, cid)
    bar = window.action_bar
    assert not bar.hide_button.isEnabled()
    assert "delete instead" in bar.hide_button.toolTip()
    assert bar.delete_button.isVisible()
    assert bar.delete_button.isEnabled()
    window.delete(confirm=False)
    [action] = store.outbox.for_comment(cid)
    assert action.kind is ActionKind.DELETE


def test_vk_offers_no_delete(qtbot: QtBot, window: MainWindow, comment_ids: list[int]) -> None:
    select(qtbot, window, comment_ids[0])
    assert window.action_bar.hide_button.isEnabled()
    assert not window.action_bar.delete_button.isVisible()
    window.delete(confirm=False)
    assert window.store.outbox.for_comment(comment_ids[0]) == []


def test_approving_a_held_comment_publishes_it(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    wordpress = store.accounts.add(Account(Platform.WORDPRESS, "Блог"))
    assert wordpress.id is not None
    held = replace(remote(200, "Первый комментарий"), platform_state=PlatformState.HELD)
    [cid] = ingest(store, wordpress.id, [held])
    store.comments.set_toxicity([(cid, verdict(0.5))])
    select(qtbot, window, cid)
    assert window.action_bar.hide_button.text() == "Publish"
    window.approve()
    kinds = [a.kind for a in store.outbox.for_comment(cid)]
    assert kinds == [ActionKind.UNHIDE]
    comment = store.comments.get(cid)
    assert comment is not None
    assert comment.local_state is LocalState.REVIEWED


def test_approve_key_marks_reviewed(
    qtbot: QtBot, window: MainWindow, comment_ids: list[int]
) -> None:
    select(qtbot, window, comment_ids[1])  # flagged
    window.approve()
    comment = window.store.comments.get(comment_ids[1])
    assert comment is not None
    assert comment.local_state is LocalState.REVIEWED
    assert window.store.outbox.for_comment(comment_ids[1]) == []


def test_calibration_news_reaches_the_status_bar(
    qtbot: QtBot, window: MainWindow, account: Account
) -> None:
    assert account.id is not None
    window.bridge.calibrationChanged.emit(account.id, 2, ["Review threshold 0.35 → 0.42"])
    assert "0.42" in window.status.currentMessage()
