"""Engine events cross threads into Qt signals; commands go the other way."""

import gc
import threading
from datetime import UTC, datetime
from typing import Any

from pytestqt.qtbot import QtBot

from moderator_app.domain import (
    AccountStatus,
    AccountStatusChanged,
    ActionChanged,
    ActionStatus,
    CommentsChanged,
    SyncState,
)
from moderator_app.ui import engine_bridge
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


def test_full_collections_wait_for_a_quiet_engine(qtbot: QtBot, monkeypatch: Any) -> None:
    """While an engine runs, full garbage collections (30-75 ms with the GIL held during a
    raid) do not start by themselves; one runs once the engine has been quiet a while."""
    before = gc.get_threshold()
    bridge = EngineBridge.with_factory(FakeEngine)
    engine = bridge.engine
    assert isinstance(engine, FakeEngine)
    bridge.start()
    try:
        assert gc.get_threshold()[:2] == before[:2]
        assert gc.get_threshold()[2] == engine_bridge.FULL_COLLECTION_AFTER
        collected: list[int] = []

        def collect(*_: object) -> int:
            collected.append(1)
            return 0

        monkeypatch.setattr(gc, "collect", collect)
        engine.emit_from_thread(CommentsChanged(1, (5,), ()))
        qtbot.waitUntil(lambda: engine_bridge._sharing.last_change > 0)
        assert not engine_bridge._sharing.collect_when_quiet()  # comments just arrived
        monkeypatch.setattr(engine_bridge, "MAX_DEFERRAL_S", 0.0)  # a raid that never pauses
        assert engine_bridge._sharing.collect_when_quiet()
        monkeypatch.setattr(engine_bridge, "MAX_DEFERRAL_S", 300.0)
        monkeypatch.setattr(engine_bridge, "QUIET_S", 0.0)
        assert engine_bridge._sharing.collect_when_quiet()
        assert collected == [1, 1]
    finally:
        bridge.stop()
    assert gc.get_threshold() == before
