"""Pages written by a child process: the same rows as written here, a moderator's write still
gets its turn within a chunk, and a dead or failing child loses nothing."""

import asyncio
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from moderator_app.domain import Account, Platform, RemoteComment
from moderator_app.store import CommentFilter, Store
from moderator_app.store.ingest import IngestResult, prepare_page
from moderator_app.store.window_writes import WindowWrites
from moderator_app.store.write_turn import FairLock, turn_for
from moderator_app.sync.page_writer import WriteFailed
from moderator_app.sync.process_writer import LentTurn, ProcessWriter
from tests.factories import remote


@pytest.fixture
def account_id(store: Store) -> int:
    account = store.accounts.add(Account(Platform.SANDBOX, "raid", "http://127.0.0.1:1"))
    assert account.id is not None
    return account.id


@pytest.fixture
def writer(store: Store) -> Iterator[ProcessWriter]:
    assert store.path is not None
    with ProcessWriter(store.path) as w:
        yield w


def pages(first: int, count: int, size: int = 100) -> list[Sequence[RemoteComment]]:
    return [
        [remote(n, post=f"p{n % 13}") for n in range(start, start + size)]
        for start in range(first, first + count * size, size)
    ]


def write(
    writer: ProcessWriter, account_id: int, batch: list[Sequence[RemoteComment]], cursor: str
) -> IngestResult:
    prepared = [prepare_page(account_id, page) for page in batch]

    async def go() -> IngestResult:
        return await writer.write(writer.prepare(account_id, prepared, cursor))

    return asyncio.run(go())


def test_pages_are_written_by_another_process_with_their_cursor(
    store: Store, account_id: int, writer: ProcessWriter
) -> None:
    result = write(writer, account_id, pages(0, 5), "5")
    assert writer.in_process
    assert writer.pid is not None
    assert writer.pid != os.getpid()
    assert len(result.added_ids) == 500
    assert result.changed_ids == ()
    assert store.comments.cursor(account_id) == "5"
    assert store.comments.count(CommentFilter(search="number 321")) == 1
    # The same comments again are changes, not additions.
    again = write(writer, account_id, pages(0, 1), "6")
    assert again.added_ids == ()
    assert len(again.changed_ids) == 100


def test_a_moderators_write_waits_for_a_chunk_not_for_the_whole_raid(
    store: Store, account_id: int, writer: ProcessWriter
) -> None:
    """The child holds this process's write turn; told that someone waits, it commits at its
    next chunk. Without that, the one-row UPDATE would wait the whole job (SQLite's lock)."""
    first = write(writer, account_id, pages(0, 1), "1")
    target = first.added_ids[0]
    big = pages(100, 400)  # 40,000 comments: most of a second of writing
    waits: list[float] = []
    job_time: list[float] = []

    def moderator() -> None:
        with Store.open(store.path or Path()) as gui:
            time.sleep(0.08)  # well inside the job
            started = time.perf_counter()
            gui.db.execute("UPDATE comments SET local_state = 'reviewed' WHERE id = ?", [target])
            waits.append(time.perf_counter() - started)

    thread = threading.Thread(target=moderator)
    started = time.perf_counter()
    thread.start()
    write(writer, account_id, big, "401")
    job_time.append(time.perf_counter() - started)
    thread.join(10)
    assert waits, "the moderator's write never finished"
    assert job_time[0] > 0.3, "the job was too short to tell"
    assert waits[0] < job_time[0] / 3
    assert store.comments.count(CommentFilter()) == 40_100
    assert store.comments.cursor(account_id) == "401"


def test_a_child_that_dies_mid_write_loses_nothing_and_is_replaced(
    store: Store, account_id: int, writer: ProcessWriter
) -> None:
    write(writer, account_id, pages(0, 1), "1")
    first_pid = writer.pid
    assert first_pid is not None

    turn = turn_for(store.path or Path())
    assert isinstance(turn, FairLock)

    def kill_soon() -> None:
        while not turn._held:  # the job is sent with the turn
            time.sleep(0.001)
        time.sleep(0.05)  # well inside its ~1 s of writing
        os.kill(first_pid, signal.SIGKILL)

    killer = threading.Thread(target=kill_soon)
    killer.start()
    with pytest.raises(WriteFailed, match="stopped unexpectedly"):
        write(writer, account_id, pages(100, 300), "301")
    killer.join()
    # Its transaction was rolled back whole: the cursor still points before those pages.
    assert store.comments.cursor(account_id) == "1"
    # The turn was given back: this process writes at once.
    started = time.perf_counter()
    store.db.execute("UPDATE comments SET local_state = 'reviewed' WHERE id = 1")
    assert time.perf_counter() - started < 1.0
    # The next write starts a new child, and the same pages go in.
    write(writer, account_id, pages(100, 3), "301")
    assert writer.pid not in (None, first_pid)
    assert store.comments.cursor(account_id) == "301"


def test_a_failing_write_is_told_and_the_child_carries_on(
    store: Store, account_id: int, writer: ProcessWriter
) -> None:
    write(writer, account_id, pages(0, 1), "1")
    pid = writer.pid
    with pytest.raises(WriteFailed, match="FOREIGN KEY"):
        write(writer, account_id + 999, pages(500, 1), "x")  # no such account
    assert writer.pid == pid
    write(writer, account_id, pages(100, 1), "2")
    assert store.comments.cursor(account_id) == "2"
    assert store.comments.count(CommentFilter()) == 200


class NoProcesses:
    """A multiprocessing context whose processes cannot start (a broken bundle)."""

    def __init__(self) -> None:
        self._real = multiprocessing.get_context("spawn")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def Process(self, *args: Any, **kwargs: Any) -> Any:
        process = self._real.Process(*args, **kwargs)

        def start() -> None:
            raise OSError("no processes here")

        process.start = start  # type: ignore[method-assign]
        return process


def test_without_a_child_the_pages_are_written_on_the_writer_thread(
    store: Store, account_id: int, caplog: pytest.LogCaptureFixture
) -> None:
    assert store.path is not None
    with ProcessWriter(store.path, context=NoProcesses()) as writer:  # type: ignore[arg-type]
        result = write(writer, account_id, pages(0, 2), "2")
        assert not writer.in_process
    assert len(result.added_ids) == 200
    assert store.comments.cursor(account_id) == "2"
    assert "writing comments on a thread instead" in caplog.text


def test_the_writer_process_commits_for_the_window_process_too() -> None:
    """The flag of the window's process reaches the writer (the engine's child) as well."""
    ours, theirs = multiprocessing.get_context("spawn").Pipe()
    wanted = multiprocessing.get_context("spawn").RawValue("b", 0)
    window = WindowWrites()
    turn = LentTurn(theirs, wanted, window)
    assert not turn.contended()
    window.set(True)
    assert turn.contended()
    ours.close()
    theirs.close()


def test_a_write_starts_at_once_not_when_the_caller_next_awaits(
    store: Store, account_id: int, writer: ProcessWriter
) -> None:
    """Several accounts prepare pages on one loop: a write must not wait for the caller's
    task to be scheduled again (the writer sat idle behind their Python work)."""
    prepared = [prepare_page(account_id, page) for page in pages(0, 2)]
    assert writer.wait_ready(60)
    assert writer.idle()

    async def go() -> int:
        pending = writer.write(writer.prepare(account_id, prepared, "2"))
        assert not writer.idle()
        # The loop stays busy (no await) while the writer stores the pages.
        deadline = time.monotonic() + 20
        with Store.open(store.path or Path()) as other:
            while other.comments.count(CommentFilter()) < 200 and time.monotonic() < deadline:
                time.sleep(0.01)  # noqa: ASYNC251 - the busy loop is the point
            stored = other.comments.count(CommentFilter())
        await pending
        return stored

    assert asyncio.run(go()) == 200
    assert writer.idle()
