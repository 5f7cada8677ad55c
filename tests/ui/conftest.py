"""UI fixtures: a real temporary SQLite store, a fake engine behind a real bridge, and the
main window. Every UI test fails on Qt warnings."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, Platform
from moderator_app.store import Store
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.main_window import MainWindow
from tests.ui.helpers import FakeEngine, ingest, remote, verdict

_UI_DIR = Path(__file__).parent
# The offscreen platform says this for every top-level window; it is not our warning.
_BENIGN = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _UI_DIR in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(_BENIGN))


@pytest.fixture
def account(store: Store) -> Account:
    return store.accounts.add(Account(Platform.VK, "Кофейня «Зерно»"))


@pytest.fixture
def other_account(store: Store) -> Account:
    return store.accounts.add(Account(Platform.TELEGRAM, "Tech Daily"))


@pytest.fixture
def comment_ids(store: Store, account: Account) -> list[int]:
    """Twelve comments (ids oldest first); a few scored, two of them flagged with spans."""
    assert account.id is not None
    ids = ingest(store, account.id, [remote(n) for n in range(12)])
    store.comments.set_toxicity(
        [
            (ids[0], verdict(0.05)),
            (ids[1], verdict(0.91, [(0, 7)])),
            (ids[2], verdict(0.5, [(8, 14)])),
        ]
    )
    return ids


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def bridge(qtbot: QtBot, engine: FakeEngine) -> EngineBridge:
    bridge = EngineBridge(engine)
    engine.on_event = bridge.handle_event
    return bridge


@pytest.fixture
def window(qtbot: QtBot, store: Store, bridge: EngineBridge) -> MainWindow:
    win = MainWindow(store, bridge)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    qtbot.waitUntil(win.isActiveWindow)
    return win
