"""Bulk actions and the score-range dialog never wait on SQL on the GUI thread: counts, ids and
plans come from the background reader (stale answers dropped, Esc cancels), confirmed writes
go on a thread of their own in steps, and a failed write is said, not swallowed."""

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, ActionKind, ActionStatus, LocalState
from moderator_app.store import Store
from moderator_app.store.bulk import BulkKind
from moderator_app.store.outbox import OutboxRepository
from moderator_app.store.write_turn import turn_for
from moderator_app.ui import bulk_flow, moderation
from moderator_app.ui.bulk_confirm import BulkConfirmDialog
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.score_range_dialog import COUNT_DELAY_MS, ScoreRangeDialog
from tests.ui.helpers import FakeEngine, ingest, press, remote, state, verdict


def confirmation(qtbot: QtBot, window: MainWindow) -> BulkConfirmDialog:
    """The bulk confirmation, once its plan arrived."""
    qtbot.waitUntil(lambda: window.bulk_dialog is not None)
    dialog = window.bulk_dialog
    assert dialog is not None
    return dialog


@dataclass
class FakeRange:
    """A `RangeSource` whose answers the test gives, in any order."""

    counts: list[tuple[float, float, Callable[[int], None]]] = field(default_factory=list)
    cancelled: int = 0

    def count(self, low: float, high: float, done: Callable[[int], None]) -> None:
        self.counts.append((low, high, done))

    def cancel(self) -> None:
        self.cancelled += 1


@pytest.fixture(autouse=True)
def english_numbers() -> Iterator[None]:
    """Counts are shown grouped the locale's way ("1,234" in English)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def source() -> FakeRange:
    return FakeRange()


@pytest.fixture
def dialog(qtbot: QtBot, source: FakeRange) -> ScoreRangeDialog:
    d = ScoreRangeDialog(source)
    qtbot.addWidget(d)
    d.open()
    return d


# --- the score-range dialog ---------------------------------------------------------------------


def test_the_count_is_asked_for_and_an_answer_for_old_bounds_is_dropped(
    qtbot: QtBot, source: FakeRange, dialog: ScoreRangeDialog
) -> None:
    assert dialog.count.text() == "counting…"
    [(low, high, first)] = source.counts
    assert (low, high) == (0.8, 1.0)
    dialog.low.setValue(0.5)
    dialog.low.setValue(0.45)  # spin steps close together: asked once, after a pause
    assert dialog.count.text() == "counting…"
    assert len(source.counts) == 1
    qtbot.waitUntil(lambda: len(source.counts) == 2, timeout=COUNT_DELAY_MS * 10)
    _, _, second = source.counts[1]
    assert source.counts[1][:2] == (0.45, 1.0)
    first(7)  # the count for 0.80–1.00 arrives late: not shown for 0.45–1.00
    assert dialog.count.text() == "counting…"
    second(1234)
    assert dialog.count.text() == "1,234 comments in this range"


def test_a_count_that_lands_while_the_bounds_change_is_not_shown(
    qtbot: QtBot, source: FakeRange, dialog: ScoreRangeDialog
) -> None:
    dialog.high.setValue(0.9)
    qtbot.waitUntil(lambda: len(source.counts) == 2)
    dialog.high.setValue(0.95)  # changed again before the answer
    source.counts[1][2](50)
    assert dialog.count.text() == "counting…"
    qtbot.waitUntil(lambda: len(source.counts) == 3)
    source.counts[2][2](60)
    assert dialog.count.text() == "60 comments in this range"


def test_closing_the_dialog_stops_a_count_on_its_way(
    qtbot: QtBot, source: FakeRange, dialog: ScoreRangeDialog
) -> None:
    [(_, _, done)] = source.counts
    dialog.reject()
    assert source.cancelled >= 1
    done(5)  # arrives anyway (a hand-made source): nothing is shown
    assert dialog.count.text() == "counting…"


def test_the_window_counts_the_band_on_the_reader_not_on_the_gui_thread(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    store.comments.set_toxicity([(comment_ids[5], verdict(0.85))])
    window.refresh_from_store()
    qtbot.waitUntil(lambda: not window.reader.busy())
    window.reader.hold()  # nothing the reader is asked can be answered yet
    dialog = window.select_score_range()
    assert dialog is not None
    qtbot.wait(COUNT_DELAY_MS * 2)
    assert dialog.count.text() == "counting…"
    window.reader.release()
    qtbot.waitUntil(lambda: dialog.count.text() == "2 comments in this range")  # 0.91, 0.85
    window.reader.hold()  # the band's comments are not listed: the view narrows to them
    dialog.accept()
    assert window.range_dialog is None
    assert window.model.current_filter.score_min == pytest.approx(0.8)
    assert window.inbox.all_matching
    window.reader.release()
    qtbot.waitUntil(lambda: window.model.count_exact)
    assert sorted(window.inbox.selected_ids()) == sorted([comment_ids[1], comment_ids[5]])


# --- bulk actions: planning -----------------------------------------------------------------------


@pytest.fixture
def all_selected(qtbot: QtBot, comment_ids: list[int], window: MainWindow) -> Iterator[MainWindow]:
    qtbot.waitUntil(lambda: not window.reader.busy())
    window.inbox.setFocus()
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert window.bulk_bar.label.text() == "All 12 matching selected"
    window.reader.hold()
    yield window
    window.reader.release()


def test_all_matching_is_planned_in_the_background_before_the_confirmation(
    qtbot: QtBot, all_selected: MainWindow
) -> None:
    window = all_selected
    press(Qt.Key.Key_H)
    assert window.bulk_dialog is None  # not planned here
    assert window.bulk_preparing() is BulkKind.HIDE
    assert window.status.currentMessage().startswith("Preparing…")
    window.reader.release()
    assert confirmation(qtbot, window).summary.text() == "Hide 12 comments: 12 on VK."
    assert window.bulk_preparing() is None
    assert window.status.currentMessage() == ""


def test_escape_cancels_the_preparation_and_keeps_the_selection(
    qtbot: QtBot, all_selected: MainWindow
) -> None:
    window = all_selected
    press(Qt.Key.Key_H)
    press(Qt.Key.Key_Escape)
    assert window.bulk_preparing() is None
    assert window.status.currentMessage() == "Bulk action cancelled"
    assert window.inbox.all_matching  # the first Esc only cancels the preparation
    window.reader.release()
    qtbot.waitUntil(lambda: not window.reader.busy())
    qtbot.wait(50)
    assert window.bulk_dialog is None


def test_a_new_action_replaces_the_one_being_prepared(
    qtbot: QtBot, all_selected: MainWindow
) -> None:
    window = all_selected
    press(Qt.Key.Key_H)
    press(Qt.Key.Key_A)
    assert window.bulk_preparing() is BulkKind.APPROVE
    window.reader.release()
    dialog = confirmation(qtbot, window)
    qtbot.wait(50)  # the hide's plan never arrives
    assert window.bulk_dialog is dialog
    assert dialog.plan.kind is BulkKind.APPROVE


def test_a_filter_change_cancels_the_preparation(qtbot: QtBot, all_selected: MainWindow) -> None:
    window = all_selected
    press(Qt.Key.Key_H)
    window.filters.set_search("number 3")
    assert window.bulk_preparing() is None
    window.reader.release()
    qtbot.waitUntil(lambda: not window.reader.busy())
    qtbot.wait(50)
    assert window.bulk_dialog is None


def test_a_large_explicit_selection_is_planned_in_the_background(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    comment_ids: list[int],
    window: MainWindow,
) -> None:
    monkeypatch.setattr(bulk_flow, "SYNC_PLAN_LIMIT", 2)
    qtbot.waitUntil(lambda: not window.reader.busy())
    window.inbox.setFocus()
    for _ in range(3):
        press(Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    window.reader.hold()
    press(Qt.Key.Key_E)
    assert window.bulk_dialog is None
    window.reader.release()
    assert set(confirmation(qtbot, window).plan.eligible_ids) == set(comment_ids[-4:])


class HeldTurn:
    """Another writer of the same file holds the write turn until released (or 10 s)."""

    def __init__(self, store: Store) -> None:
        assert store.path is not None
        self._turn = turn_for(store.path)
        self._go = threading.Event()
        self._taken = threading.Event()
        self._thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        self._turn.acquire()
        self._taken.set()
        self._go.wait(10)
        self._turn.release()

    def __enter__(self) -> "HeldTurn":
        self._thread.start()
        self._taken.wait(5)
        return self

    def __exit__(self, *exc: object) -> None:
        self._go.set()
        self._thread.join(5)


def test_planning_takes_no_write_turn(
    qtbot: QtBot, store: Store, comment_ids: list[int], window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: not window.reader.busy())
    window.inbox.setFocus()
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with HeldTurn(store):  # the engine is writing a long batch
        press(Qt.Key.Key_H)
        qtbot.waitUntil(lambda: window.bulk_dialog is not None, timeout=3000)


# --- bulk actions: writing ------------------------------------------------------------------------


@pytest.fixture
def many(store: Store, account: Account) -> list[int]:
    assert account.id is not None
    return ingest(store, account.id, [remote(n) for n in range(1000)])


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(moderation, "BULK_FIRST_STEP", 200)
    monkeypatch.setattr(moderation, "BULK_MAX_STEP", 200)
    monkeypatch.setattr(moderation, "BULK_STEP_S", 60.0)  # never smaller than that


def confirm_all(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> float:
    """Ctrl+A, the action's key, Enter in the confirmation: seconds the GUI thread spent in
    the confirmation's Enter."""
    qtbot.waitUntil(lambda: not window.reader.busy())
    window.inbox.setFocus()
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(key)
    dialog = confirmation(qtbot, window)
    started = time.perf_counter()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    return time.perf_counter() - started


def test_the_write_waits_for_its_turn_on_its_own_thread_not_the_gui_thread(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    store: Store,
    engine: FakeEngine,
    many: list[int],
    window: MainWindow,
) -> None:
    writers: list[str] = []
    real = OutboxRepository.enqueue_many

    def enqueue_many(self: OutboxRepository, ids: Sequence[int], *a: Any, **kw: Any) -> Any:
        writers.append(threading.current_thread().name)
        return real(self, ids, *a, **kw)

    monkeypatch.setattr(OutboxRepository, "enqueue_many", enqueue_many)
    with HeldTurn(store):  # another writer is busy: the write has to wait
        spent = confirm_all(qtbot, window, Qt.Key.Key_H)
        assert spent < 0.5  # Enter returned at once
        assert window.moderation.writing()
        assert window.status.currentMessage() == "Hide: writing 1,000 comments…"
        qtbot.wait(100)
        assert store.outbox.counts()[ActionStatus.PENDING] == 0  # still waiting
    qtbot.waitUntil(lambda: not window.moderation.writing())
    assert writers
    assert threading.main_thread().name not in writers
    assert store.outbox.counts()[ActionStatus.PENDING] == 1000
    assert engine.wakes == 1
    assert window.status.currentMessage() == "Hide: 1,000 comments. Ctrl+Z undoes it."


def test_a_bulk_write_goes_in_steps_with_progress_and_undoes_in_the_background(
    qtbot: QtBot,
    store: Store,
    small_steps: None,
    many: list[int],
    window: MainWindow,
) -> None:
    progress: list[tuple[int, int]] = []
    window.moderation.bulkProgress.connect(lambda _kind, n, total: progress.append((n, total)))
    confirm_all(qtbot, window, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: not window.moderation.writing())
    assert progress == [(n, 1000) for n in range(200, 1001, 200)]
    assert {state(store, cid) for cid in many} == {LocalState.REVIEWED}
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.inbox.setFocus()
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # 1,000: undone off the GUI thread
    assert window.moderation.writing()
    assert window.status.currentMessage() == "Undoing 1000 comment(s)…"
    qtbot.waitUntil(lambda: not window.moderation.writing())
    assert window.status.currentMessage() == "Undone: approval of 1000 comment(s)"
    assert {state(store, cid) for cid in many} == {LocalState.NEW}


def test_another_bulk_action_waits_for_the_write_in_progress(
    qtbot: QtBot, store: Store, many: list[int], window: MainWindow
) -> None:
    with HeldTurn(store):
        confirm_all(qtbot, window, Qt.Key.Key_H)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.inbox.setFocus()
        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        press(Qt.Key.Key_E)
        assert window.bulk_preparing() is None
        assert "Still writing" in window.status.currentMessage()
        press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert "still being written" in window.status.currentMessage()
    qtbot.waitUntil(lambda: not window.moderation.writing())
    assert store.outbox.counts()[ActionStatus.PENDING] == 1000


def test_a_failed_write_is_said_clearly_and_what_was_written_can_be_undone(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    store: Store,
    engine: FakeEngine,
    small_steps: None,
    many: list[int],
    window: MainWindow,
) -> None:
    calls: list[int] = []
    real = OutboxRepository.enqueue_many

    def enqueue_many(self: OutboxRepository, ids: Sequence[int], *a: Any, **kw: Any) -> Any:
        calls.append(len(ids))
        if len(calls) == 3:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, ids, *a, **kw)

    monkeypatch.setattr(OutboxRepository, "enqueue_many", enqueue_many)
    confirm_all(qtbot, window, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: window.bulk_error is not None)
    box = window.bulk_error
    assert box is not None
    assert box.isVisible()
    assert box.text().startswith(
        "Hide stopped after 400 of 1,000 comments: the other 600 were not changed."
    )
    assert "database or disk is full" in box.text()
    assert window.status.currentMessage() == "Hide failed: see the message"
    assert store.outbox.counts()[ActionStatus.PENDING] == 400  # the steps before it stay
    assert engine.wakes == 1  # and are sent
    box.accept()
    qtbot.waitUntil(lambda: window.bulk_error is None)
    assert window.moderation.undo() == "Undone: hide of 400 comment(s), not sent yet"
    assert store.outbox.counts()[ActionStatus.PENDING] == 0


def test_a_write_that_cannot_open_the_database_is_said_too(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, many: list[int], window: MainWindow
) -> None:
    def cannot_open(path: Any) -> Store:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(Store, "open", staticmethod(cannot_open))
    confirm_all(qtbot, window, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: window.bulk_error is not None)
    assert window.bulk_error is not None
    assert "stopped after 0 of 1,000" in window.bulk_error.text()
    assert "unable to open database file" in window.bulk_error.text()
    window.bulk_error.accept()


def test_closing_the_window_finishes_the_write(
    qtbot: QtBot, store: Store, many: list[int], window: MainWindow
) -> None:
    with HeldTurn(store) as held:
        confirm_all(qtbot, window, Qt.Key.Key_H)
        assert window.moderation.writing()
        threading.Timer(0.2, held.__exit__).start()  # the other writer lets go meanwhile
        window.close()  # waits for the write rather than dropping it
    assert store.outbox.counts()[ActionStatus.PENDING] == 1000
    assert all(a.kind is ActionKind.HIDE for a in store.outbox.with_status(ActionStatus.PENDING))
