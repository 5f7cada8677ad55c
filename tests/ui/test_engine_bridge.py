"""Engine events cross threads into Qt signals; commands go the other way."""

import threading
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from moderator_app.domain import (
    AccountStatus,
    AccountStatusChanged,
    ActionChanged,
    ActionStatus,
    CommentsChanged,
    SyncState,
)
from moderator_app.ui.engine_bridge import EngineBridge
from tests.ui.helpers import FakeEngine


def test_events_from_another_thread_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    bridge = EngineBridge.with_factory(FakeEngine)
    engine = bridge.engine
    assert isinstance(engine, FakeEngine)
    received: list[tuple[object, ...]] = []
    threads: list[threading.Thread] = []

    def record(*args: object) -> None:
        received.append(args)
        threads.append(threading.current_thread())

    bridge.commentsChanged.connect(record)
    bridge.actionChanged.connect(record)
    bridge.accountStatusChanged.connect(record)
    status = AccountStatus(1, SyncState.OK, last_sync_at=datetime.now(tz=UTC))
    engine.emit_from_thread(CommentsChanged(1, (5, 6), (7,)))
    engine.emit_from_thread(ActionChanged(3, 5, ActionStatus.FAILED, "denied"))
    engine.emit_from_thread(AccountStatusChanged(status))
    qtbot.waitUntil(lambda: len(received) == 3)
    assert received == [(1, [5, 6], [7]), (3, 5, "failed", "denied"), (status,)]
    assert all(t is threading.main_thread() for t in threads)
