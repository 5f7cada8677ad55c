"""The real window on the real engine and a real sandbox: clicks reach the platform."""

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from moderator_app.connectors.base import Credentials
from moderator_app.domain import Account, ActionStatus, EngineEvent, Platform
from moderator_app.sandbox import SandboxServer
from moderator_app.secrets import SecretStore
from moderator_app.store import Store
from moderator_app.sync.engine import Engine
from moderator_app.toxicity.lexicon import LexiconScorer
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.main_window import MainWindow


@pytest.fixture
def live_window(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer, token: str
) -> Iterator[MainWindow]:
    db_path = tmp_path / "moderator.db"
    store = Store.open(db_path)
    account = store.accounts.add(
        Account(Platform.SANDBOX, "Sandbox", sandbox.url, poll_interval_s=0.5)
    )
    SecretStore().save(account, Credentials(token=token))

    def factory(on_event: Callable[[EngineEvent], None]) -> Engine:
        return Engine(db_path, secrets=SecretStore(), scorer=LexiconScorer(), on_event=on_event)

    bridge = EngineBridge.with_factory(factory)
    window = MainWindow(store, bridge)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    bridge.start()
    try:
        yield window
    finally:
        bridge.stop()
        store.close()


def current_remote_id(window: MainWindow) -> str:
    comment_id = window.current_comment_id()
    assert comment_id is not None
    comment = window.store.comments.get(comment_id)
    assert comment is not None
    return comment.remote.remote_id


def on_sandbox(admin: httpx.Client, remote_id: str) -> dict[str, object]:
    return dict(admin.get(f"/_admin/comments/{remote_id}").json())


def test_hide_and_reply_clicked_in_the_window_reach_the_sandbox(
    qtbot: QtBot, live_window: MainWindow, admin: httpx.Client
) -> None:
    window = live_window
    qtbot.waitUntil(lambda: window.model.rowCount() >= 40, timeout=15_000)
    window.inbox.select_row(0)
    qtbot.waitUntil(lambda: window.current_comment_id() is not None)
    hidden = current_remote_id(window)
    assert on_sandbox(admin, hidden)["hidden"] is False
    qtbot.mouseClick(window.action_bar.hide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: on_sandbox(admin, hidden)["hidden"] is True, timeout=10_000)

    window.inbox.select_row(1)
    answered = current_remote_id(window)
    qtbot.mouseClick(window.action_bar.reply_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.composer.editor, "Thanks, ")  # QTest types ASCII only
    window.composer.editor.insertPlainText("спасибо за мнение!")
    qtbot.mouseClick(window.composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            [r["text"] for r in on_sandbox(admin, answered)["replies"]]  # type: ignore[attr-defined]
            == ["Thanks, спасибо за мнение!"]
        ),
        timeout=10_000,
    )
    # the window learns the outcome from the engine: nothing is left pending
    qtbot.waitUntil(lambda: window.store.outbox.counts()[ActionStatus.DONE] == 2, timeout=10_000)
