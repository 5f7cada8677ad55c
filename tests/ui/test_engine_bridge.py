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
from moderator_app.ui.engine_bridge import EngineBridge, EngineLike
from moderator_app.ui.event_relay import EventRelay
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


def test_relay_buffers_until_the_bridge_subscribes(qtbot: QtBot) -> None:
    relay = EventRelay()
    engine = FakeEngine(relay)
    engine.emit_from_thread(CommentsChanged(2, (1,), ()))
    bridge = EngineBridge(engine)
    with qtbot.waitSignal(bridge.commentsChanged) as blocker:
        relay.subscribe(bridge.handle_event)
    assert blocker.args == [2, [1], []]
    with qtbot.waitSignal(bridge.commentsChanged) as blocker:
        engine.emit_from_thread(CommentsChanged(2, (9,), ()))
    assert blocker.args == [2, [9], []]


class StatusEngine(FakeEngine):
    def __init__(self) -> None:
        super().__init__()
        self.current: dict[int, AccountStatus] = {}

    def statuses(self) -> dict[int, AccountStatus]:
        return dict(self.current)


def test_statuses_are_polled_from_an_unwired_engine(qtbot: QtBot) -> None:
    engine = StatusEngine()
    assert isinstance(engine, EngineLike)
    bridge = EngineBridge(engine)
    seen: list[AccountStatus] = []
    bridge.accountStatusChanged.connect(seen.append)
    engine.current = {1: AccountStatus(1, SyncState.SYNCING)}
    bridge.poll_statuses()
    bridge.poll_statuses()  # unchanged: not reported twice
    engine.current = {1: AccountStatus(1, SyncState.RATE_LIMITED, "429")}
    bridge.poll_statuses()
    assert [s.state for s in seen] == [SyncState.SYNCING, SyncState.RATE_LIMITED]
