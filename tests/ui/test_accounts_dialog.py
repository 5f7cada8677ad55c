"""Connecting and removing accounts in the window, signing in through the real engine."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from moderator_app.domain import EngineEvent
from moderator_app.sandbox import SandboxServer
from moderator_app.secrets import SecretStore
from moderator_app.store import CommentFilter, Store
from moderator_app.sync.engine import Engine
from moderator_app.toxicity.lexicon import LexiconScorer
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.main_window import MainWindow


@pytest.fixture
def empty_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    db_path = tmp_path / "moderator.db"
    store = Store.open(db_path)

    def factory(on_event: Callable[[EngineEvent], None]) -> Engine:
        return Engine(db_path, secrets=SecretStore(), scorer=LexiconScorer(), on_event=on_event)

    bridge = EngineBridge.with_factory(factory)
    window = MainWindow(store, bridge)
    qtbot.addWidget(window)
    window.show()
    bridge.start()
    try:
        yield window
    finally:
        bridge.stop()
        store.close()


def test_connect_a_sandbox_account_from_the_window(
    qtbot: QtBot, empty_window: MainWindow, sandbox: SandboxServer
) -> None:
    window = empty_window
    qtbot.mouseClick(window.sidebar.accounts_button, Qt.MouseButton.LeftButton)
    accounts = window.accounts_dialog
    assert accounts is not None
    add = accounts.open_add_dialog()
    assert add.selected_platform().value == "sandbox"
    assert add.form is not None
    add.form.edits["url"].setText(sandbox.url)
    qtbot.mouseClick(add.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: add.pages.currentIndex() == 1, timeout=10_000)
    assert add.name.text() == "Sandbox moderator"
    assert add.targets.count() >= 2
    add.targets.item(0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(add.connect_button, Qt.MouseButton.LeftButton)
    [account] = window.store.accounts.list()
    assert len(account.settings["watch"]) == add.targets.count() - 1
    credentials = SecretStore().load(account)
    assert credentials is not None
    assert credentials.token
    assert credentials.token not in str(
        window.store.db.execute("SELECT * FROM accounts").fetchall()
    )
    qtbot.waitUntil(lambda: window.model.rowCount() >= 40, timeout=15_000)
    assert accounts.list.count() == 1

    accounts.list.setCurrentRow(0)
    accounts.remove_selected(confirm=False)
    assert window.store.accounts.list() == []
    assert window.store.comments.count(CommentFilter(include_own=True)) == 0
    assert SecretStore().load(account) is None


def test_a_failed_sign_in_says_why(qtbot: QtBot, empty_window: MainWindow) -> None:
    add = empty_window.open_accounts().open_add_dialog()
    qtbot.mouseClick(add.sign_in_button, Qt.MouseButton.LeftButton)
    assert "Sandbox URL" in add.message.text()
    assert add.form is not None
    add.form.edits["url"].setText("http://127.0.0.1:9")  # nothing listens there
    qtbot.mouseClick(add.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Could not sign in" in add.message.text(), timeout=10_000)
    assert add.pages.currentIndex() == 0
    assert add.sign_in_button.isEnabled()
