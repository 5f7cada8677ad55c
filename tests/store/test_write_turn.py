"""Writers of one process take turns in arrival order; a long ingest lets a waiting writer in."""

import threading
import time
from collections.abc import Callable
from pathlib import Path

from moderator_app.store import Store
from moderator_app.store.window_writes import MAX_DEFER_S, WindowWrites
from moderator_app.store.write_turn import FairLock, begin_read, let_others_write


def test_the_turn_goes_to_whoever_asked_first() -> None:
    """Also against the one who just gave it back: a busy writer that releases and asks again
    at once must not barge ahead of those already waiting (a plain lock lets it)."""
    lock = FairLock()
    lock.acquire()
    order: list[str] = []

    def writer(name: str) -> None:
        lock.acquire()
        order.append(name)
        lock.release()

    threads = []
    for n in range(3):
        thread = threading.Thread(target=writer, args=(f"waiter {n}",))
        thread.start()
        threads.append(thread)
        while len(lock._queue) < n + 1:  # until this writer has queued
            time.sleep(0.001)
    lock.release()
    lock.acquire()  # the busy writer asks again right away
    order.append("busy writer")
    lock.release()
    for thread in threads:
        thread.join(5)
    assert order == ["waiter 0", "waiter 1", "waiter 2", "busy writer"]


def test_a_second_connection_writes_right_after_the_transaction_in_progress(
    tmp_path: Path,
) -> None:
    """Not after SQLite's busy handler's next sleep step: the turn is handed over at COMMIT."""
    path = tmp_path / "moderator.db"
    with Store.open(path) as engine, Store.open(path) as setup:
        setup.db.execute("CREATE TABLE log (who TEXT, ts REAL)")
        began = threading.Event()
        done: list[float] = []

        def moderator() -> None:
            with Store.open(path) as gui:
                assert began.wait(5)
                gui.db.execute("INSERT INTO log VALUES ('gui', ?)", [time.perf_counter()])
                done.append(time.perf_counter())

        thread = threading.Thread(target=moderator)
        thread.start()
        with engine.db.atomic():
            engine.db.execute("INSERT INTO log VALUES ('engine', ?)", [time.perf_counter()])
            began.set()
            # A long transaction; the GUI's write queues behind it. SQLite's busy handler
            # would retry at 228 ms, then 328 ms: released at ~240 ms, it would wait ~90 ms.
            time.sleep(0.24)
            committed = time.perf_counter()
        thread.join(5)
        who = [r[0] for r in setup.db.execute("SELECT who FROM log ORDER BY rowid")]
        assert who == ["engine", "gui"]
        assert done[0] - committed < 0.05


def test_a_long_write_lets_a_waiting_writer_in_between_steps(tmp_path: Path) -> None:
    path = tmp_path / "moderator.db"
    with Store.open(path) as engine, Store.open(path) as setup:
        setup.db.execute("CREATE TABLE log (who TEXT)")
        queued = threading.Event()

        def moderator() -> None:
            with Store.open(path) as gui:
                queued.set()
                gui.db.execute("INSERT INTO log VALUES ('gui')")

        with engine.db.atomic():
            engine.db.execute("INSERT INTO log VALUES ('engine step 1')")
            assert not let_others_write(engine.db.conn)  # nobody waits: same transaction
            thread = threading.Thread(target=moderator)
            thread.start()
            assert queued.wait(5)
            turn = engine.db.conn.turn  # type: ignore[attr-defined]
            while not turn.contended():
                time.sleep(0.001)
            assert let_others_write(engine.db.conn)  # commits step 1, lets the GUI write
            engine.db.execute("INSERT INTO log VALUES ('engine step 2')")
        thread.join(5)
        who = [r[0] for r in setup.db.execute("SELECT who FROM log ORDER BY rowid")]
        assert who == ["engine step 1", "gui", "engine step 2"]


def test_a_read_snapshot_never_waits_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "moderator.db"
    with Store.open(path) as engine:
        engine.db.execute("CREATE TABLE log (who TEXT)")
        read: list[int] = []

        def snapshot() -> None:
            with Store.open(path) as reader:
                begin_read(reader.db.conn)
                read.append(reader.db.execute("SELECT COUNT(*) FROM log").fetchone()[0])
                reader.db.conn.execute("ROLLBACK")

        with engine.db.atomic():  # holds the write turn
            engine.db.execute("INSERT INTO log VALUES ('engine')")
            thread = threading.Thread(target=snapshot)
            thread.start()
            thread.join(2)
            assert read == [0]  # read at once, before the writer's commit


def take_and_give_back(lock: FairLock, on_contended: Callable[[], None] | None = None) -> None:
    lock.acquire(on_contended)
    lock.release()


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def test_a_holder_hears_at_once_when_someone_starts_waiting() -> None:
    """A holder writing for another process cannot poll `contended`; it is told instead, and
    only while it holds the turn."""
    lock = FairLock()
    heard: list[str] = []
    lock.acquire(on_contended=lambda: heard.append("someone waits"))
    assert heard == []
    waiter = threading.Thread(target=take_and_give_back, args=(lock,))
    waiter.start()
    wait_until(lambda: bool(heard))
    lock.release()
    waiter.join(5)
    assert heard[0] == "someone waits"
    heard.clear()
    lock.acquire()  # a holder without a listener: nothing left over from the last one
    other = threading.Thread(target=take_and_give_back, args=(lock,))
    other.start()
    wait_until(lock.contended)
    lock.release()
    other.join(5)
    assert heard == []


def test_a_holder_that_gets_the_turn_with_others_queued_is_told_at_once() -> None:
    lock = FairLock()
    lock.acquire()
    heard: list[str] = []
    first = threading.Thread(target=take_and_give_back, args=(lock, lambda: heard.append("queued")))
    first.start()
    wait_until(lock.contended)
    second = threading.Thread(target=take_and_give_back, args=(lock,))
    second.start()
    wait_until(lambda: len(lock._queue) >= 2)
    lock.release()
    first.join(5)
    second.join(5)
    assert "queued" in heard


def test_the_window_process_raises_its_flag_while_a_writer_holds_or_waits() -> None:
    flag = WindowWrites()
    lock = FairLock()
    lock.announce = flag
    lock.acquire()
    assert flag.writing

    def write() -> None:
        lock.acquire()
        lock.release()

    waiter = threading.Thread(target=write)
    waiter.start()
    time.sleep(0.05)
    lock.release()  # handed to the waiter: still writing
    waiter.join(5)
    assert not flag.writing


def test_the_engine_process_waits_for_the_window_and_commits_for_it() -> None:
    flag = WindowWrites()
    lock = FairLock()
    lock.defer_to = flag
    assert not lock.contended()
    flag.set(True)
    assert lock.contended()  # a long write commits at its next step
    started = time.monotonic()
    threading.Timer(0.1, flag.set, args=(False,)).start()
    lock.acquire()  # and starts nothing new while the window writes
    assert time.monotonic() - started >= 0.09
    lock.release()


def test_a_flag_left_up_slows_the_engine_and_never_stops_it() -> None:
    flag = WindowWrites()
    flag.set(True)
    lock = FairLock()
    lock.defer_to = flag
    started = time.monotonic()
    lock.acquire()
    assert MAX_DEFER_S - 0.05 <= time.monotonic() - started < MAX_DEFER_S + 1
    lock.release()
